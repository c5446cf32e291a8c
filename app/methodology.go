package app

import ga "github.com/maxence-charriere/go-app/v10/pkg/app"

// MethodologyPath is the page the site generator renders from
// docs/methodology.md (app/site/methodology.go); the worker caches it.
const MethodologyPath = "/web/methodology.html"

// MethodologyAnchors are the methodology's sections the results link to,
// by the id its page gives each heading; app/site's tests check that each
// one exists.
var MethodologyAnchors = []string{"conventions", "inputs-and-defaults", "throughput", "capacity", "cost-per-option-kind", "results", "comparison", "sensitivity", "prices-over-time", "the-finance-view"}

// howLink links to the methodology's section that computes a result.
func howLink(anchor, text string) ga.UI {
	return ga.A().Class("how").Href(MethodologyPath + "#" + anchor).Target("_blank").Rel("noopener").Text(text)
}
