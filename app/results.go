package app

import (
	"fmt"
	"strconv"

	"github.com/infercost/infercost/engine"
	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

func (c *Calculator) renderResults() []ga.UI {
	r := c.result
	if r == nil {
		return []ga.UI{ga.Section().Class("card").ID("no-results").Body(
			ga.H2().Text("Results"),
			ga.P().Text("Fill in the fields marked in red to see results."),
		)}
	}
	seq := signature(c.resultSeq, c.stale)
	ui := []ga.UI{
		slot(c.stale, func() ga.UI {
			return ga.Div().Class("banner stale").ID("stale").Role("status").Text(
				fmt.Sprintf("These results are for the last valid input: %d field(s) need fixing.", len(c.errs)))
		}),
		&part{C: c, Kind: "headline", Sig: signature(seq, c.robustSeq)},
		&part{C: c, Kind: "comparison", Sig: signature(seq, c.painted())},
		ga.Section().Class("card charts").Body(
			ga.H2().Text("Charts"),
			// Index is the chart's place in c.drawn.
			&part{C: c, Kind: "chart-monthly", Index: 0, Sig: signature(c.drawn[0])},
			&part{C: c, Kind: "chart-breakdown", Index: 1, Sig: signature(c.drawn[1])},
			&part{C: c, Kind: "chart-capacity", Index: 2, Sig: signature(c.drawn[2], c.capacityTarget())},
			&part{C: c, Kind: "chart-volume", Sig: signature(c.curveSeq)},
			&part{C: c, Kind: "chart-tornado", Sig: signature(c.tornadoSeq, c.sensOption, c.sensMetric, c.tornadoErr)},
		),
	}
	return ui
}

func (c *Calculator) renderHeadline() ga.UI {
	r := c.result
	return ga.Section().Class("card summary").ID("headline").Aria("live", "polite").Body(
		ga.H2().Text("Results"),
		ga.P().Class("verdict").ID("verdict").Text(Verdict(r)),
		ga.If(c.robust != nil, func() ga.UI {
			class := "robustness"
			if !c.robust.Holds {
				class += " fragile"
			}
			return ga.P().Class(class).ID("robustness").Text(c.robust.Sentence(r))
		}),
		ga.Div().Class("headlines").Body(ga.Range(r.Options).Slice(func(i int) ga.UI { return c.headline(i) })),
	)
}

// Verdict is the one-sentence answer the page leads with.
func Verdict(r *engine.Result) string {
	c := r.Comparison
	best := r.Options[c.Cheapest]
	s := fmt.Sprintf("Over %d months, %s is cheapest: %s in all, %s per million tokens.", r.Horizon, best.Label, engine.Money(best.TotalCost), engine.Money(best.CostPerMTokens))
	if first := c.MonthlyCheapest[0]; first != c.Cheapest {
		if m := c.Options[c.Cheapest].CheapestFromMonth; m != nil {
			s += fmt.Sprintf(" %s is cheaper at first; %s takes over from month %d.", r.Options[first].Label, best.Label, *m)
		}
	}
	return s
}

func (c *Calculator) headline(i int) ga.UI {
	r := c.result
	o := r.Options[i]
	v := r.Comparison.Options[i]
	id := fmt.Sprintf("headline-%d", i)
	stat := func(label, value, key string) ga.UI {
		return ga.Div().Class("stat").Body(ga.Span().Class("stat-label").Text(label), ga.Span().Class("stat-value").Attr("data-key", key).Text(value))
	}
	var extra []ga.UI
	if o.Throughput != nil {
		extra = append(extra,
			stat("Accelerators at peak", engine.Count(o.PeakAccelerators, 0), "peak_accelerators"),
			stat("Average utilization", engine.Percent(*o.AverageUtilization), "average_utilization"))
	}
	if o.TotalMargin != nil && o.MarginShare != nil {
		extra = append(extra, stat("Margin", engine.Money(*o.TotalMargin)+" ("+engine.Percent(*o.MarginShare)+")", "margin"))
	}
	if o.StrandedTotal.Sign() > 0 {
		extra = append(extra, stat("Stranded (paid, unused)", engine.Money(o.StrandedTotal), "stranded"))
	}
	if v.BreakEvenRequestsPerDay != nil {
		extra = append(extra, stat("Beats the API above", engine.Count(*v.BreakEvenRequestsPerDay, 0)+" requests/day", "break_even_volume"))
	} else if o.Throughput != nil && r.Comparison.APIOption != nil {
		extra = append(extra, stat("Beats the API above", "never", "break_even_volume"))
	}
	class := "headline " + seriesClass(i)
	if v.Rank == 1 {
		class += " winner"
	}
	return ga.Article().Class(class).ID(id).Body(
		ga.H3().Body(
			ga.Span().Class("swatch block "+seriesClass(i)).Aria("hidden", "true"),
			ga.Text(o.Label),
			ga.If(v.Rank == 1, func() ga.UI { return ga.Span().Class("badge winner").Text("Cheapest") }),
		),
		ga.P().Class("big").Body(ga.Span().Attr("data-key", "cost_per_m_tokens").Text(engine.Money(o.CostPerMTokens)), ga.Span().Class("unit").Text(" per M tokens")),
		ga.Div().Class("stats").Body(
			stat("Month 1", engine.Money(o.FirstMonthCost), "first_month_cost"),
			stat(fmt.Sprintf("Month %d", r.Horizon), engine.Money(o.LastMonthCost), "last_month_cost"),
			stat("Total", engine.Money(o.TotalCost), "total_cost"),
			stat("Per 1,000 requests", engine.Money(o.CostPer1kRequests), "cost_per_1k_requests"),
			ga.Range(extra).Slice(func(k int) ga.UI { return extra[k] }),
		),
		ga.If(o.Throughput != nil && o.Accuracy != nil, func() ga.UI { return accuracyNote(o.Accuracy) }),
	)
}

// accuracyNote says how right the option's throughput estimate is likely to
// be, and where the scenario is outside what validation covers.
func accuracyNote(a *engine.Accuracy) ga.UI {
	return ga.Div().Class("accuracy").Attr("data-key", "accuracy").Body(
		ga.P().Text("Throughput estimate: "+a.Band()+"."),
		ga.Range(a.Outside).Slice(func(k int) ga.UI {
			return ga.P().Class("outside").Text("Outside validation: " + a.Outside[k] + ".")
		}),
	)
}

func comparisonTable(r *engine.Result) ga.UI {
	opt := func(f func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string) []string {
		out := make([]string, len(r.Options))
		for i := range r.Options {
			out[i] = f(i, &r.Options[i], &r.Comparison.Options[i])
		}
		return out
	}
	dash := "–"
	ptrMoney := func(d *decimal.Decimal) string {
		if d == nil {
			return dash
		}
		return engine.Money(*d)
	}
	rows := []struct {
		label string
		cells []string
	}{
		{"Rank", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string { return fmt.Sprint(v.Rank) })},
		{"Cost per M tokens", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string {
			return engine.Money(o.CostPerMTokens)
		})},
		{"  input", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string {
			return ptrMoney(o.CostPerMInputTokens)
		})},
		{"  output", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string {
			return engine.Money(o.CostPerMOutputTokens)
		})},
		{"Cost per 1,000 requests", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string {
			return engine.Money(o.CostPer1kRequests)
		})},
		{"Total cost", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string { return engine.Money(o.TotalCost) })},
		{"Total cash out", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string {
			return engine.Money(o.TotalCashCost)
		})},
		{"Savings against the API", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string {
			if v.SavingsVsAPI == nil {
				return dash
			}
			s := engine.Money(*v.SavingsVsAPI)
			if v.SavingsVsAPIShare != nil {
				s += " (" + engine.Percent(*v.SavingsVsAPIShare) + ")"
			}
			return s
		})},
		{"Cheapest from month", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string {
			if v.CheapestFromMonth == nil {
				return "never"
			}
			return fmt.Sprint(*v.CheapestFromMonth)
		})},
		{"Accelerators per replica", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string {
			if o.Throughput == nil {
				return dash
			}
			return fmt.Sprint(o.AcceleratorsPerReplica)
		})},
		{"Batch, decode step", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string {
			if o.Throughput == nil {
				return dash
			}
			if o.BatchSize == nil {
				return "measured"
			}
			return fmt.Sprintf("%d, %s ms (%s-bound)", *o.BatchSize, o.DecodeStepMs.StringFixed(1), o.Bound)
		})},
		{"Tokens/s per user", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string {
			if o.Throughput == nil || o.TokensPerSecondPerUser == nil {
				return dash
			}
			return engine.Count(*o.TokensPerSecondPerUser, 1)
		})},
		{"Time to first token", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string {
			if o.Throughput == nil || o.TimeToFirstTokenMs == nil {
				return dash
			}
			return engine.Count(*o.TimeToFirstTokenMs, 0) + " ms"
		})},
		{"Measured ÷ estimated throughput", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string {
			if o.Throughput == nil || o.Accuracy == nil {
				return dash
			}
			s := o.Accuracy.Low.StringFixed(2) + "–" + o.Accuracy.High.StringFixed(2) + "×"
			if !o.Accuracy.Validated() {
				s += ", outside validation"
			}
			return s
		})},
		{"Prefill / decode tokens/s per accelerator", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string {
			if o.Throughput == nil {
				return dash
			}
			return engine.Count(o.PrefillTokensPerS, 0) + " / " + engine.Count(o.DecodeTokensPerS, 0)
		})},
		{"Peak accelerators", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string {
			if o.Throughput == nil {
				return dash
			}
			return engine.Count(o.PeakAccelerators, 0)
		})},
		{"Average utilization", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string {
			if o.AverageUtilization == nil {
				return dash
			}
			return engine.Percent(*o.AverageUtilization)
		})},
		{"Stranded (paid, unused)", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string {
			return engine.Money(o.StrandedTotal)
		})},
		{"Capex", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string { return engine.Money(o.CapexTotal) })},
		{"Book value at the end", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string { return engine.Money(o.BookValue) })},
		{"Margin", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string { return ptrMoney(o.TotalMargin) })},
		{"Break-even month", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string {
			if o.TotalRevenue == nil {
				return dash
			}
			if o.BreakEvenMonth == nil {
				return "not within the horizon"
			}
			return fmt.Sprint(*o.BreakEvenMonth)
		})},
		{"Beats the API above (requests/day)", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string {
			if v.BreakEvenRequestsPerDay == nil {
				if o.Throughput != nil && r.Comparison.APIOption != nil {
					return "never"
				}
				return dash
			}
			return engine.Count(*v.BreakEvenRequestsPerDay, 0)
		})},
	}
	return ga.Table().ID("comparison").Class("compare").Body(
		ga.THead().Body(ga.Tr().Body(
			ga.Th().Scope("col").Text(""),
			ga.Range(r.Options).Slice(func(i int) ga.UI {
				return ga.Th().Scope("col").Body(ga.Span().Class("swatch block "+seriesClass(i)).Aria("hidden", "true"), ga.Text(r.Options[i].Label))
			}),
		)),
		ga.TBody().Body(ga.Range(rows).Slice(func(k int) ga.UI {
			row := rows[k]
			return ga.Tr().Body(
				ga.Th().Scope("row").Text(row.label),
				ga.Range(row.cells).Slice(func(i int) ga.UI {
					class := ""
					if r.Comparison.Options[i].Rank == 1 {
						class = "winner"
					}
					return ga.Td().Class(class).Text(row.cells[i])
				}),
			)
		})),
	)
}

func (c *Calculator) renderCapacity() ga.UI {
	i := c.capacityTarget()
	if i < 0 {
		return ga.Text("")
	}
	committed := decimal.Zero
	if o := c.good.Options[i]; o.Kind == engine.Cloud && o.CommitAccelerators.Set() {
		committed = o.CommitAccelerators.Dec()
	}
	return ga.Div().Class("chart-block").Body(
		c.optionPicker("capacity-option", "Option", i, func(o engine.OptionResult) bool { return o.Throughput != nil }, func(ctx ga.Context, v int) { c.capOption = v }),
		capacityChart(c.result, i, committed),
	)
}

func (c *Calculator) renderVolume() ga.UI {
	if len(c.curve) == 0 || len(c.curve[0].CostPerMTokens) != len(c.result.Options) {
		return ga.Div().Class("chart-block pending").ID("chart-volume-pending").Text("Computing cost against volume…")
	}
	cur := c.result.Options[0].Months[0].RequestsPerDay
	return volumeChart(c.result, c.curve, cur)
}

func (c *Calculator) renderTornado() ga.UI {
	i, metric := c.sensitivityTarget()
	label := ""
	for _, m := range engine.Metrics {
		if m.Metric == metric {
			label = m.Label
		}
	}
	format := engine.Money
	if metric == engine.MetricPeakAccelerators {
		format = func(d decimal.Decimal) string { return engine.Count(d, 0) }
	}
	return ga.Div().Class("chart-block").Body(
		ga.Div().Class("pickers no-print").Body(
			c.optionPicker("tornado-option", "Option", i, func(engine.OptionResult) bool { return true }, func(ctx ga.Context, v int) {
				c.sensOption = v
				c.refreshSecondary(ctx)
			}),
			ga.Div().Class("field").Body(
				ga.Label().For("tornado-metric").Text("Metric"),
				ga.Select().ID("tornado-metric").OnChange(c.on(func(ctx ga.Context, e ga.Event) {
					c.sensMetric = engine.Metric(ctx.JSSrc().Get("value").String())
					c.refreshSecondary(ctx)
				})).Body(ga.Range(engine.Metrics).Slice(func(k int) ga.UI {
					m := engine.Metrics[k]
					return ga.Option().Value(string(m.Metric)).Selected(m.Metric == metric).Text(m.Label)
				})),
			),
		),
		ga.If(c.tornadoErr != "", func() ga.UI { return ga.P().Class("muted").Text(c.tornadoErr) }),
		ga.If(c.tornado != nil && c.tornado.Option == i && c.tornado.Metric == metric, func() ga.UI {
			return tornadoChart(c.tornado, label+" of "+c.result.Options[i].Label, format)
		}),
	)
}

func (c *Calculator) optionPicker(id, label string, current int, keep func(engine.OptionResult) bool, set func(ga.Context, int)) ga.UI {
	return ga.Div().Class("field no-print").Body(
		ga.Label().For(id).Text(label),
		ga.Select().ID(id).OnChange(c.on(func(ctx ga.Context, e ga.Event) {
			v, _ := strconv.Atoi(ctx.JSSrc().Get("value").String())
			set(ctx, v)
		})).Body(ga.Range(c.result.Options).Slice(func(i int) ga.UI {
			if !keep(c.result.Options[i]) {
				return ga.Text("")
			}
			return ga.Option().Value(strconv.Itoa(i)).Selected(i == current).Text(c.result.Options[i].Label)
		})),
	)
}
