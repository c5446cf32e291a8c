package app

import (
	"fmt"

	ga "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/infercost/infercost/engine"
)

// servingOption is the first option of r that can serve (the cheapest:
// an evaluation always has one); its months set the charts' bands.
func servingOption(r *engine.Result) int {
	return r.Comparison.Cheapest
}

// cannotServeCard is the card of an option that cannot serve the
// workload: its name and why, in words, and no figures (nothing on it can
// be read as a cost, let alone the cheapest).
func (c *Calculator) cannotServeCard(i int) ga.UI {
	o := c.result.Options[i]
	return ga.Article().Class("headline cannot-serve "+c.optionClass(i)).ID(fmt.Sprintf("headline-%d", i)).Body(
		ga.H3().Body(
			ga.Span().Class("swatch block "+c.optionClass(i)).Aria("hidden", "true"),
			ga.Text(o.Label),
			ga.Span().Class("badge cannot-serve").Text("Cannot serve"),
		),
		ga.P().Class("cannot-serve-reason").Attr("data-key", "infeasible").Text("It cannot serve this workload, so it is left out of the comparison: "+o.Infeasible),
		ga.P().Class("basis how-links").Body(howLink("comparison", "When an option cannot serve")),
	)
}

// rankCells is the table's Rank row: "cannot serve" for an option that
// cannot, whose other cells are dashes.
func rankCells(r *engine.Result, cells []string) []string {
	for i := range cells {
		if !r.Feasible(i) {
			cells[i] = "cannot serve"
		}
	}
	return cells
}

// seriesLabel is an option's name in a chart's legend: "(cannot serve)"
// after it when it cannot, whose line is then absent.
func seriesLabel(o *engine.OptionResult) string {
	if o.Infeasible != "" {
		return o.Label + " (cannot serve)"
	}
	return o.Label
}
