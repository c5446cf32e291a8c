package app

import (
	"strconv"

	"github.com/infercost/infercost/engine"
	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// discountedCashChart: each option's cumulative discounted cash month by
// month (engine.Month.CumulativeDiscountedCash): revenue less cash cost,
// each month's discounted at the scenario's rate, summed from month 1.
// Values of both signs: a linear axis through 0 (signedAxis), never
// logarithmic, with 0 drawn; a line crossing it is the option paying back.
func (c *Calculator) discountedCashChart(r *engine.Result) ga.UI {
	g := c.geom()
	h := r.Horizon
	ref := servingOption(r)
	hasRevenue := r.Options[ref].NPV != nil
	values, series, labels := monthSeries(r, func(m *engine.Month) *decimal.Decimal { return &m.CumulativeDiscountedCash })
	y := signedAxis(values, g.T+g.ph(), g.T)
	x := g.monthX(h)
	line := func(months []engine.Month) string {
		var p points
		for i := range months {
			p.add(x(i+1), y.at(months[i].CumulativeDiscountedCash))
		}
		return p.String()
	}
	same, why := coinciding(series, labels, y)
	var legend []legendItem
	for i, o := range r.Options {
		legend = append(legend, legendItem{seriesLabel(&o), c.optionClass(i), "line", same[i], why[i]})
	}
	rate := engine.Percent(r.Workload.DiscountRate)
	caption := "Revenue less cash cost, each month's cash discounted at " + rate + " a year (counted at the month's end) and summed from month 1: where a line crosses 0, the option has paid back in today's money."
	if !hasRevenue {
		caption = "Cash spent so far, each month's cash discounted at " + rate + " a year (counted at the month's end), as a negative sum: the last month's value is minus the net present cost."
	}
	caption += " The vertical axis is linear, through 0. Hover or focus a month for its figures."
	bandW := g.pw() / float64(h)
	return c.figure("chart-discounted", "Cumulative discounted cash", caption, legend, nil,
		chartSVG(g, g.H, "Cumulative discounted cash by option").Attr("data-scale", scaleName(y)).Body(
			yAxis(g, y, moneyTicks(y.ticks)),
			monthAxis(g, h, x),
			g.hline("zero", y.at(decimal.Zero)),
			ga.Range(r.Options).Slice(func(i int) ga.UI {
				return svg("polyline").Class(seriesLineClass(c.optionClass(i), same[i])).Attr("points", line(r.Options[i].Months))
			}),
			ga.Range(r.Options[ref].Months).Slice(func(i int) ga.UI {
				t := "Month " + strconv.Itoa(i+1)
				for _, o := range r.Options {
					if o.Infeasible != "" {
						continue // it cannot serve: no cash
					}
					t += "\n" + o.Label + ": " + engine.Money(o.Months[i].CumulativeDiscountedCash)
				}
				return g.band(x(i+1)-bandW/2, bandW, t)
			}),
		),
	)
}
