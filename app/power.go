package app

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/infercost/infercost/engine"
	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// renderPower is the power card: what the site's budget hosts with each
// self-hosted option (a table) and the power the workload needs month by
// month (a chart). Every figure is the engine's (engine.Power).
func (c *Calculator) renderPower(r *engine.Result) ga.UI {
	if r == nil || r.Power == nil { // like the charts, it follows the first paint (refreshSecondary)
		return ga.Div().Class("chart-block pending").ID("power-pending").Text("Working out the power…")
	}
	p := r.Power
	if len(p.Options) == 0 {
		return ga.P().Class("muted").ID("power-none").Text("Power: no self-hosted option; an API's power is its provider's.")
	}
	intro := "Set a site power budget (Workload, Site power) to see what it hosts with each option."
	if p.SiteMW != nil {
		intro = "What a site of " + engine.PowerText(*p.SiteMW) + " hosts with each self-hosted option, built out in whole replicas, and what that serves and costs."
	}
	return ga.Div().Class("power-block").Body(
		ga.P().ID("power-intro").Body(figureText(intro)...),
		c.powerTable(r),
		ga.Ul().Class("power-basis").ID("power-basis").Body(ga.Range(p.Options).Slice(func(k int) ga.UI {
			op := p.Options[k]
			text := op.Label + ": " + op.Basis + "."
			if op.Site != nil && op.Site.Note != "" {
				text += " " + op.Site.Note + "."
			}
			return ga.Li().Body(figureText(text)...)
		})),
		c.powerChart(r),
	)
}

// powerTable lays the engine's power figures out with options as columns,
// as the comparison table does.
func (c *Calculator) powerTable(r *engine.Result) ga.UI {
	p := r.Power
	dash := "–"
	orDash := func(d *decimal.Decimal, f func(decimal.Decimal) string) string {
		if d == nil {
			return dash
		}
		return f(*d)
	}
	type row struct {
		id, label string
		cell      func(op *engine.OptionPower) string
	}
	rows := []row{
		{"meter-kw", "Power per accelerator at the meter", func(op *engine.OptionPower) string {
			kw := func(d decimal.Decimal) string { return engine.Count(d, 4) + " kW" }
			if op.Layers != nil { // a hybrid: each layer's own accelerator
				parts := make([]string, len(op.Layers))
				for k, l := range op.Layers {
					parts[k] = l.Layer + " " + orDash(l.MeterKW, kw)
				}
				return strings.Join(parts, ", ")
			}
			return orDash(op.MeterKW, kw)
		}},
		{"peak-mw", "Power the workload needs at most", func(op *engine.OptionPower) string { return orDash(op.PeakMW, engine.PowerText) }},
	}
	if p.SiteMW != nil {
		site := func(f func(s *engine.SiteCapacity) string) func(op *engine.OptionPower) string {
			return func(op *engine.OptionPower) string {
				if op.Site == nil {
					return dash
				}
				return f(op.Site)
			}
		}
		floor := func(d decimal.Decimal) string { return engine.Count(d.Floor(), 0) }
		rows = append(rows,
			row{"outgrows", "Outgrows the site", func(op *engine.OptionPower) string {
				switch {
				case op.Layers != nil && op.Layers[0].MeterKW == nil, op.Layers == nil && op.MeterKW == nil:
					return dash
				case op.Layers != nil && op.OutgrowsMonth != nil:
					return "month 1 (its base)"
				case op.Layers != nil:
					return "no: its base fits; bursts are rented elsewhere"
				case op.OutgrowsMonth != nil:
					return fmt.Sprintf("month %d", *op.OutgrowsMonth)
				}
				return "not within the horizon"
			}},
			row{"accelerators", "Accelerators the site hosts", site(func(s *engine.SiteCapacity) string {
				return fmt.Sprintf("%s (%s replicas, %s serving)", engine.Count(s.Accelerators, 0), engine.Count(s.Replicas, 0), engine.Count(s.ServingReplicas, 0))
			})},
			row{"power-drawn", "Power they draw", site(func(s *engine.SiteCapacity) string { return engine.PowerText(s.PowerMW) })},
			row{"tokens-per-s", "Output tokens/s at the peak", site(func(s *engine.SiteCapacity) string { return floor(s.PeakOutputTokensPerS) })},
			row{"requests-per-day", "Requests a day", site(func(s *engine.SiteCapacity) string { return floor(s.RequestsPerDay) })},
			row{"capex", "Capex", site(func(s *engine.SiteCapacity) string { return orDash(s.Capex, engine.Money) })},
			row{"monthly-cost", "Monthly cost, fully built", site(func(s *engine.SiteCapacity) string { return orDash(s.MonthlyCost, engine.Money) })},
			row{"cost-per-m", "Cost per M tokens", site(func(s *engine.SiteCapacity) string { return orDash(s.CostPerMTokens, engine.Money) })},
			row{"tokens-per-s-per-mw", "Output tokens/s per MW", site(func(s *engine.SiteCapacity) string { return floor(s.PeakOutputTokensPerSPerMW) })},
			row{"tokens-per-day-per-mw", "Output tokens a day per MW", site(func(s *engine.SiteCapacity) string { return floor(s.OutputTokensPerDayPerMW) })},
		)
	}
	return ga.Div().Class("table-wrap").Body(ga.Table().Class("compare").ID("power-table").Body(
		ga.THead().Body(ga.Tr().Body(
			ga.Td().Class("corner"),
			ga.Range(p.Options).Slice(func(k int) ga.UI {
				return ga.Th().Scope("col").Body(
					ga.Span().Class("swatch "+c.optionClass(p.Options[k].Option)+" line").Aria("hidden", "true"),
					ga.Span().Body(figureText(" "+p.Options[k].Label)...))
			}),
		)),
		ga.TBody().Body(ga.Range(rows).Slice(func(i int) ga.UI {
			return ga.Tr().DataSet("row", rows[i].id).Body(
				ga.Th().Scope("row").Text(rows[i].label),
				ga.Range(p.Options).Slice(func(k int) ga.UI { return ga.Td().Body(figureText(rows[i].cell(&p.Options[k]))...) }),
			)
		})),
	))
}

// powerChart: the power each self-hosted option's fleet needs month by
// month, and the site's budget as a dashed line.
func (c *Calculator) powerChart(r *engine.Result) ga.UI {
	p := r.Power
	var drawn []int // indices in p.Options with a known power
	for k := range p.Options {
		if p.Options[k].MonthlyMW != nil {
			drawn = append(drawn, k)
		}
	}
	if len(drawn) == 0 {
		return ga.P().Class("muted").ID("chart-power-none").Text("Power month by month: no option's power is known (give the accelerators' board power).")
	}
	g := c.geom()
	h := r.Horizon
	var values []decimal.Decimal
	series := make([][]*decimal.Decimal, len(drawn))
	labels := make([]string, len(drawn))
	for j, k := range drawn {
		op := &p.Options[k]
		labels[j] = op.Label
		for m := range op.MonthlyMW {
			values = append(values, op.MonthlyMW[m])
			series[j] = append(series[j], &op.MonthlyMW[m])
		}
	}
	if p.SiteMW != nil {
		values = append(values, *p.SiteMW)
	}
	y := newAxis(values, g.T+g.ph(), g.T)
	// A fleet holds for a whole month: each month is a step across its
	// band, as on the capacity chart.
	step := g.pw() / float64(h)
	x := func(m int) float64 { return g.L + step*(float64(m)-0.5) }
	same, why := coinciding(series, labels, y)
	var legend []legendItem
	for j, k := range drawn {
		op := &p.Options[k]
		label := op.Label
		if op.OutgrowsMonth != nil {
			label += fmt.Sprintf(" (outgrows the site in month %d)", *op.OutgrowsMonth)
		}
		legend = append(legend, legendItem{label, c.optionClass(op.Option), "line", same[j], why[j]})
	}
	caption := "Power each self-hosted option's fleet draws month by month at full load: accelerators held (sized for the peak, in whole replicas) × all-in power per accelerator × PUE."
	for _, k := range drawn {
		if p.Options[k].Layers != nil {
			caption += " A hybrid's line is its base plus its burst layer's busiest hour, each at its own accelerator's power; only its base is on the site (bursts are rented from the provider's capacity elsewhere)."
			break
		}
	}
	if p.SiteMW != nil {
		legend = append(legend, legendItem{label: "Site budget, " + engine.PowerText(*p.SiteMW), class: "site", style: "line dashed"})
		caption += " The dashed line is the site's budget: a fleet above it needs more power than the site has."
	}
	caption += scaleCaption(y) + " Hover or focus a month for its figures."
	return c.figure("chart-power", "Power the workload needs", caption, legend, nil,
		chartSVG(g, g.H, "Power each option needs, by month").Attr("data-scale", scaleName(y)).Body(
			yAxis(g, y, engine.PowerText),
			monthAxis(g, h, x),
			ga.If(p.SiteMW != nil, func() ga.UI {
				return g.hline("series site dashed", y.at(*p.SiteMW))
			}),
			ga.Range(drawn).Slice(func(j int) ga.UI {
				op := &p.Options[drawn[j]]
				var line points
				for m, v := range op.MonthlyMW {
					line.add(g.L+step*float64(m), y.at(v))
					line.add(g.L+step*float64(m+1), y.at(v))
				}
				return svg("polyline").Class(seriesLineClass(c.optionClass(op.Option), same[j])).Attr("points", line.String())
			}),
			ga.Range(p.Options[drawn[0]].MonthlyMW).Slice(func(m int) ga.UI {
				t := "Month " + strconv.Itoa(m+1)
				for _, k := range drawn {
					op := &p.Options[k]
					t += "\n" + op.Label + ": " + engine.PowerText(op.MonthlyMW[m])
				}
				if p.SiteMW != nil {
					t += "\nSite: " + engine.PowerText(*p.SiteMW)
				}
				return g.band(g.L+step*float64(m), step, t)
			}),
		),
	)
}
