package app

import ga "github.com/maxence-charriere/go-app/v10/pkg/app"

// MethodologyPath is the page the site generator renders from
// docs/methodology.md (app/site/methodology.go); the worker caches it.
const MethodologyPath = "/web/methodology.html"

// MethodologyAnchors are the methodology's sections the results link to,
// by the id its page gives each heading; app/site's tests check that each
// one exists, and app's (TestMethodologyLinksUsed) that each is linked to.
var MethodologyAnchors = []string{"conventions", "inputs-and-defaults", "throughput", "capacity", "cost-per-option-kind", "hybrid-fleets", "prices-over-time", "the-finance-view", "results", "power", "comparison", "sensitivity", "uncertainty"}

// howLink links to the methodology's section that computes a result.
func howLink(anchor, text string) ga.UI {
	return ga.A().Class("how").Href(MethodologyPath + "#" + anchor).Target("_blank").Rel("noopener").Text(text)
}

// methodRef is a link from a result to the section that computes it.
type methodRef struct{ anchor, text string }

// chartMethods are the sections that compute each chart, by the chart's
// id (figure puts the links in its caption); TestChartMethods checks that
// every chart has one.
var chartMethods = map[string][]methodRef{
	"chart-monthly":       {{"cost-per-option-kind", "How each month's cost is computed"}, {"prices-over-time", "how prices move over time"}},
	"chart-breakdown":     {{"cost-per-option-kind", "How the cost categories are computed"}},
	"chart-capacity":      {{"capacity", "How the accelerators needed are computed"}},
	"chart-sizing":        {{"cost-per-option-kind", "How the commitment is sized (see Commitment sizing)"}},
	"chart-discounted":    {{"the-finance-view", "How the discounted cash is computed"}},
	"chart-volume":        {{"comparison", "How cost at each volume and the break-even are found"}},
	"chart-interactivity": {{"throughput", "How throughput per user is estimated"}},
	"chart-tornado":       {{"sensitivity", "How the swings are computed"}},
	"chart-power":         {{"power", "How the power is computed"}},
	"chart-fan":           {{"uncertainty", "How the draws and percentiles are computed"}},
}

// methodLinks are a chart's links to its sections, at the end of its
// caption; a saved chart draws the caption without them (web/charts.js).
func methodLinks(id string) ga.UI {
	out := []ga.UI{ga.Text(" ")}
	for k, m := range chartMethods[id] {
		if k > 0 {
			out = append(out, ga.Text("; "))
		}
		out = append(out, howLink(m.anchor, m.text))
	}
	return ga.Span().Class("how-links no-print").Body(append(out, ga.Text("."))...)
}
