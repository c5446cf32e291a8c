package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

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
	ui := []ga.UI{
		slot(c.stale, func() ga.UI {
			return ga.Div().Class("banner stale").ID("stale").Role("status").Body(
				ga.Text(fmt.Sprintf("These results are for the last valid input: %s to fix. ", problems(len(c.errs)))),
				ga.Button().Type("button").Class("linklike").ID("stale-goto").Text("Show them").OnClick(c.on(func(ctx ga.Context, e ga.Event) {
					if el := ga.Window().Get("document").Call("getElementById", "error-summary"); el.Truthy() {
						el.Call("scrollIntoView", map[string]any{"block": "start"})
						el.Call("focus", map[string]any{"preventScroll": true})
					}
				})),
			)
		}),
		&headlineCard{C: c, Result: drawnResult{c.resultSeq, r, c.good}, Stale: c.stale, InputOrder: c.inputOrder, Drivers: c.winnerTornado(),
			DriversFailed: c.driversErrOf == c.resultSeq, Robust: c.robust},
		c.comparison(),
		ga.Section().Class("card charts").Body(
			ga.H2().Text("Charts"),
			// Each monthly chart shows the result it was last drawn from
			// (c.drawn: refreshSecondary draws them one a frame).
			&monthlyCostBlock{C: c, Drawn: c.drawn[0], Revenue: c.showRevenue, Width: c.chartWidth},
			&breakdownBlock{C: c, Drawn: c.drawn[1], Width: c.chartWidth},
			&capacityBlock{C: c, Drawn: c.drawn[2], Option: c.capacityTargetIn(c.drawn[2]), Width: c.chartWidth},
			&sizingBlock{C: c, Sizing: c.sizing, Err: c.sizingErr, Terms: c.commitTerms, Option: c.sizingTarget(), Width: c.chartWidth,
				Basis: c.f.Workload[sizingBasisKey], DiscountRate: r.Workload.DiscountRate.String()},
			&discountedBlock{C: c, Drawn: c.drawn[3], Width: c.chartWidth},
			&volumeBlock{C: c, Curve: c.curve, Width: c.chartWidth},
			&interactivityBlock{C: c, Curve: c.icurve, Ceiling: c.ceiling, Width: c.chartWidth},
			&tornadoBlock{C: c, Tornado: c.tornado, Err: c.tornadoErr, Option: c.sensOption, Metric: c.sensMetric, Width: c.chartWidth},
		),
		ga.Section().Class("card uncertainty").ID("uncertainty").Body(
			ga.H2().Text("Uncertainty"),
			&uncertaintyProgress{C: c, Running: c.simRunning(), Done: c.simDone, Total: c.simTotal, First: c.sim == nil},
			&uncertaintyBlock{C: c, On: c.f.Unc.On, Sim: c.sim, Err: c.simErr},
			&uncertaintyFan{C: c, On: c.f.Unc.On, Sim: c.fanSim, Err: c.simErr, Width: c.chartWidth},
			ga.P().Class("basis how-links").Body(howLink("uncertainty", "How the ranges are drawn and summed up")),
		),
		ga.Section().Class("card power").ID("power").Body(
			ga.H2().Text("Power"),
			&powerBlock{C: c, Drawn: c.powerOf, Width: c.chartWidth},
			ga.P().Class("basis how-links").Body(howLink("power", "How the site and the power are computed")),
		),
	}
	return ui
}

func (c *Calculator) renderHeadline() ga.UI {
	r := c.result
	order := c.order()
	lines := engine.Summarize(r, c.winnerTornado())
	return ga.Section().Class("card summary").ID("headline").Body(
		ga.H2().Text("Results"),
		&summaryView{C: c, Verdict: lines.Verdict, Margin: lines.Margin, Context: lines.Context, Scale: lines.Scale, Change: lines.Change},
		ga.Div().Class("order-toggle no-print").Body(
			ga.Span().Class("muted").ID("order-state").Text(orderState(c.inputOrder)),
			ga.Button().Type("button").ID("rank-order").Aria("pressed", fmt.Sprint(c.inputOrder)).Aria("describedby", "order-state").
				Text(orderButton(c.inputOrder)).OnClick(c.on(func(ctx ga.Context, e ga.Event) { c.inputOrder = !c.inputOrder })),
		),
		ga.Div().Class("headlines").Body(ga.Range(order).Slice(func(k int) ga.UI { return c.headline(order[k]) })),
		&whyView{
			C:           c,
			Unable:      lines.Unable,
			Finance:     lines.Finance,
			Drivers:     lines.Drivers,
			Pending:     lines.Drivers == "" && c.driversErrOf != c.resultSeq && !c.stale,
			Robust:      c.robustSentence(),
			Fragile:     c.robust != nil && !c.robust.Holds,
			Assumptions: lines.Assumptions,
		},
	)
}

func orderState(input bool) string {
	if input {
		return "Options in the order entered."
	}
	return "Options by rank, cheapest first."
}

func orderButton(input bool) string {
	if input {
		return "Order by rank"
	}
	return "Show in the order entered"
}

// order is the order the cards and the table's columns show the options
// in: by rank (the default), or as entered.
func (c *Calculator) order() []int {
	r := c.result
	if !c.inputOrder && len(r.Comparison.Ranking) == len(r.Options) {
		return r.Comparison.Ranking
	}
	if !c.inputOrder { // by rank, then those that cannot serve, as entered
		out := slices.Clone(r.Comparison.Ranking)
		for i := range r.Options {
			if !r.Feasible(i) {
				out = append(out, i)
			}
		}
		return out
	}
	out := make([]int, len(r.Options))
	for i := range out {
		out[i] = i
	}
	return out
}

// winnerTornado is the winner's sensitivity of its cost per M tokens, which
// the summary names the drivers from (as `infercost eval` does), or nil
// while it is being computed.
func (c *Calculator) winnerTornado() *engine.Tornado {
	for _, t := range []struct {
		t  *engine.Tornado
		of int
	}{{c.tornado, c.tornadoOf}, {c.summaryTornado, c.summaryTornadoOf}} {
		if t.t != nil && t.of == c.resultSeq && t.t.Option == c.result.Comparison.Cheapest && t.t.Metric == engine.MetricCostPerMTokens {
			return t.t
		}
	}
	return nil
}

func (c *Calculator) robustSentence() string {
	if c.robust == nil {
		return ""
	}
	return c.robust.Sentence(c.result)
}

// summaryView is the answer first: who wins, by how much, and when the
// cheapest changes (engine.Summarize). Its fields are the words it shows,
// so go-app redraws it only when they change.
type summaryView struct {
	ga.Compo
	C                                       *Calculator // for recovery only
	Verdict, Margin, Context, Scale, Change string
}

func (v *summaryView) Render() ga.UI { return v.C.guardedRender(v.render) }

func (v *summaryView) render() ga.UI {
	return ga.Div().ID("summary").Aria("live", "polite").Body(
		ga.P().Class("verdict").ID("verdict").Body(figureText(v.Verdict)...),
		ga.Div().Class("slot").Body(optionalP("summary-context", "cannot-serve", v.Context)),
		ga.Div().Class("slot").Body(optionalP("summary-margin", "", v.Margin)),
		ga.Div().Class("slot").Body(optionalP("summary-scale", "cannot-serve", v.Scale)),
		ga.Div().Class("slot").Body(optionalP("summary-change", "", v.Change)),
	)
}

// whyView follows the cards: why the options that cannot serve are left
// out (each one's card says it too; in the summary their reasons pushed
// the winner out of a phone's first screen), what drives the winner's cost
// (once its sensitivity is computed), the ranking by present value,
// whether the ranking survives the throughput estimates' validated error
// (once computed), and the workload assumed.
type whyView struct {
	ga.Compo
	C           *Calculator // for recovery only
	Unable      []string    // one an option that cannot serve
	Finance     string
	Drivers     string
	Pending     bool // the drivers are being worked out
	Robust      string
	Fragile     bool
	Assumptions string
}

func (v *whyView) Render() ga.UI { return v.C.guardedRender(v.render) }

func (v *whyView) render() ga.UI {
	robust := "robustness"
	if v.Fragile {
		robust += " fragile"
	}
	return ga.Div().ID("summary-why").Aria("live", "polite").Body(
		ga.Div().Class("slot").Body(ga.If(len(v.Unable) > 0, func() ga.UI {
			return ga.Ul().ID("summary-unable").Class("cannot-serve").Body(ga.Range(v.Unable).Slice(func(i int) ga.UI {
				return ga.Li().Body(figureText(v.Unable[i])...)
			}))
		})),
		ga.Div().Class("slot").Body(
			optionalP("summary-drivers", "", v.Drivers),
			ga.If(v.Pending, func() ga.UI {
				return ga.P().Class("muted").ID("summary-drivers-pending").Text("Working out which inputs drive the result…")
			}),
		),
		ga.Div().Class("slot").Body(optionalP("summary-finance", "", v.Finance)),
		ga.Div().Class("slot").Body(optionalP("robustness", robust, v.Robust)),
		ga.P().Class("assumptions muted").ID("summary-assumptions").Body(figureText(v.Assumptions)...),
		ga.P().Class("method muted").ID("summary-method").Body(
			howLink("results", "How infercost computes these figures"),
			ga.Text(": throughput, accelerators needed, the cost of each option, the comparison, prices over time, present values and what drives it, each with its formula; "),
			howLink("inputs-and-defaults", "where the defaults come from"), ga.Text("; "), howLink("conventions", "units and rounding"), ga.Text("."),
		),
	)
}

// optionalP is a paragraph when there is text.
func optionalP(id, class, text string) ga.UI {
	return ga.If(text != "", func() ga.UI { return ga.P().ID(id).Class(class).Body(figureText(text)...) })
}

// Verdict is the one-sentence answer the page leads with.
func Verdict(r *engine.Result) string { return engine.Summarize(r, nil).Verdict }

func (c *Calculator) headline(i int) ga.UI {
	r := c.result
	if !r.Feasible(i) {
		return c.cannotServeCard(i)
	}
	o := r.Options[i]
	v := r.Comparison.Options[i]
	id := fmt.Sprintf("headline-%d", i)
	stat := func(label, value, key string) ga.UI {
		return ga.Div().Class("stat").Body(ga.Span().Class("stat-label").Text(label), ga.Span().Class("stat-value").Attr("data-key", key).Body(figureText(value)...))
	}
	var extra []ga.UI
	if o.Throughput != nil {
		extra = append(extra,
			stat("Accelerators at peak", engine.Count(o.PeakAccelerators, 0), "peak_accelerators"),
			stat("Average utilization", engine.Percent(*o.AverageUtilization), "average_utilization"))
	}
	if o.Hybrid != nil && o.AverageUtilization != nil { // its layers' own figures are in its table
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
	extra = append(extra, stat("Net present cost", engine.Money(o.NetPresentCost), "net_present_cost"))
	if o.NPV != nil {
		extra = append(extra, stat("Net present value", engine.Money(*o.NPV), "npv"),
			stat("Discounted payback", paybackText(o.DiscountedPaybackMonth), "discounted_payback_month"),
			stat("Internal rate of return", irrText(&o), "irr"))
	}
	if v.BreakEvenRequestsPerDay != nil {
		extra = append(extra, stat("Beats the API at every volume above", engine.Count(*v.BreakEvenRequestsPerDay, 0)+" requests/day", "break_even_volume"))
	} else if o.Throughput != nil && r.Comparison.APIOption != nil {
		extra = append(extra, stat("Beats the API at every volume above", "never", "break_even_volume"))
	}
	basis := ""
	if (o.Throughput != nil || o.Hybrid != nil) && r.Comparison.APIOption != nil {
		basis = "Break-even against the API: " + v.BreakEvenBasis + "."
		if cv := engine.BreakEvenCaveat(r, i); cv != "" {
			basis += " " + strings.ToUpper(cv[:1]) + cv[1:] + "."
		}
	}
	class := "headline " + c.optionClass(i)
	if v.Rank == 1 {
		class += " winner"
	}
	return ga.Article().Class(class).ID(id).Body(
		ga.H3().Body(
			ga.Span().Class("swatch block "+c.optionClass(i)).Aria("hidden", "true"),
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
		ga.If(basis != "", func() ga.UI {
			return ga.P().Class("basis muted").Attr("data-key", "break_even_basis").Body(ga.Text(basis+" "), howLink("comparison", "How it is found"))
		}),
		ga.If(o.Throughput != nil && o.Pools != nil, func() ga.UI {
			return ga.P().Class("basis").Attr("data-key", "pools").Body(figureText("Served disaggregated, in units of " + o.Pools.String() + ": " + o.Pools.Detail() + ".")...)
		}),
		ga.If(o.Throughput != nil && o.Accuracy != nil, func() ga.UI { return accuracyNote(o.Accuracy) }),
		ga.If(o.Throughput != nil && o.Accuracy != nil, func() ga.UI {
			return ga.P().Class("basis").Body(howLink("throughput", "How throughput is estimated and validated"))
		}),
		ga.If(o.Throughput != nil && o.Calibration != nil, func() ga.UI { return calibrationNote(o.Calibration) }),
		ga.If(o.Hybrid != nil, func() ga.UI { return hybridTable(i, &o) }),
		ga.P().Class("basis how-links").Body(howLink("cost-per-option-kind", "How this option's cost is computed")),
	)
}

// paybackText is a discounted payback month in words.
func paybackText(m *int) string {
	if m == nil {
		return "not within the horizon"
	}
	return fmt.Sprintf("month %d", *m)
}

// irrText is an option's internal rate of return a year, or why there is
// none; "–" without revenue.
func irrText(o *engine.OptionResult) string {
	switch {
	case o.NPV == nil:
		return "–"
	case o.IRR == nil:
		return o.IRRNote
	case o.IRRNote != "":
		return engine.Percent(*o.IRR) + " a year (" + o.IRRNote + ")"
	}
	return engine.Percent(*o.IRR) + " a year"
}

// calibrationNote names the measurement the option's estimate is calibrated
// to, and how the scenario differs from it.
func calibrationNote(cal *engine.Calibration) ga.UI {
	return ga.Div().Class("accuracy").Attr("data-key", "calibration").Body(
		ga.P().Body(sourceText(cal.Sentence())...),
		ga.Range(cal.Differences).Slice(func(k int) ga.UI {
			return ga.P().Class("outside").Body(figureText("Unlike the measurement: " + cal.Differences[k] + ".")...)
		}),
	)
}

// accuracyNote says how right the option's throughput estimate is likely to
// be, and where the scenario is outside what validation covers.
func accuracyNote(a *engine.Accuracy) ga.UI {
	return ga.Div().Class("accuracy").Attr("data-key", "accuracy").Body(
		ga.P().Body(figureText("Throughput estimate: "+a.Band()+".")...),
		ga.If(a.TPOT != nil, func() ga.UI {
			return ga.P().Attr("data-key", "tpot-accuracy").Body(figureText("Time per output token: " + a.TPOT.Sentence() + ".")...)
		}),
		ga.If(a.TTFT != nil, func() ga.UI {
			return ga.P().Attr("data-key", "ttft-accuracy").Body(figureText("Time to first token: " + a.TTFT.Sentence() + ".")...)
		}),
		ga.Range(a.Outside).Slice(func(k int) ga.UI {
			return ga.P().Class("outside").Body(figureText("Outside validation: " + a.Outside[k] + ".")...)
		}),
	)
}

// tableRow is one line of the comparison: a label and a cell an option.
type tableRow struct {
	Label string
	Cells []string
}

// comparisonView is the comparison table. Its fields are the texts it
// shows, in the order shown, so go-app redraws it only when one changes.
type comparisonView struct {
	ga.Compo
	C       *Calculator // for recovery only
	Pending bool        // the first paint leaves the table out
	Head    []tableHead
	Rows    []tableRow
	Winner  int // the winner's column
}

type tableHead struct{ Label, Series string }

func (v *comparisonView) Render() ga.UI { return v.C.guardedRender(v.render) }

func (v *comparisonView) render() ga.UI {
	table := ga.UI(ga.P().Class("chart-block pending").ID("comparison-pending").Text("Laying out the table…"))
	if !v.Pending {
		table = ga.Div().Class("table-wrap").ID("comparison-wrap").TabIndex(0).Aria("labelledby", "comparison-title").Body(v.table())
	}
	return ga.Section().Class("card").Body(ga.H2().ID("comparison-title").Text("Comparison"), table,
		ga.P().Class("basis how-links").Body(howLink("comparison", "How the options are ranked and compared")))
}

func (v *comparisonView) table() ga.UI {
	return ga.Table().ID("comparison").Class("compare").Body(
		ga.THead().Body(ga.Tr().Body(
			ga.Td().Class("corner"),
			ga.Range(v.Head).Slice(func(k int) ga.UI {
				return ga.Th().Scope("col").Body(ga.Span().Class("swatch block "+v.Head[k].Series).Aria("hidden", "true"), ga.Span().Body(figureText(v.Head[k].Label)...))
			}),
		)),
		ga.TBody().Body(ga.Range(v.Rows).Slice(func(k int) ga.UI {
			return &comparisonRow{C: v.C, Label: v.Rows[k].Label, Cells: v.Rows[k].Cells, Winner: v.Winner}
		})),
	)
}

// comparisonRow is one row of the comparison table: a keystroke redraws
// the rows whose texts changed (the costs), not those it leaves as they
// were (the rank, the batch, the latencies, the capex).
type comparisonRow struct {
	ga.Compo
	C      *Calculator // for recovery only
	Label  string
	Cells  []string
	Winner int // the winner's column
}

func (v *comparisonRow) Render() ga.UI { return v.C.guardedRender(v.render) }

func (v *comparisonRow) render() ga.UI {
	return ga.Tr().Body(
		ga.Th().Scope("row").Body(figureText(v.Label)...),
		ga.Range(v.Cells).Slice(func(i int) ga.UI {
			class := ""
			if i == v.Winner {
				class = "winner"
			}
			return ga.Td().Class(class).Body(figureText(v.Cells[i])...)
		}),
	)
}

// comparisonViewOf lays out the table of r with the options in order,
// option i's swatch in class(i).
func comparisonViewOf(r *engine.Result, order []int, class func(int) string) comparisonView {
	opt := func(f func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string) []string {
		out := make([]string, len(r.Options))
		for i := range r.Options {
			if !r.Feasible(i) {
				out[i] = "–" // it cannot serve: no figures (the Rank row says so)
				continue
			}
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
		{"Rank", rankCells(r, opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string { return fmt.Sprint(v.Rank) }))},
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
			if s := v.AgainstAPICell(); s != "" {
				return s
			}
			return dash
		})},
		{"Cheapest", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string {
			if m := engine.CheapestMonths(r, i); m != "" {
				return m
			}
			return "never"
		})},
		{"Accelerators per replica", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string {
			if o.Throughput == nil {
				return dash
			}
			if o.Pools != nil {
				return fmt.Sprintf("%d, a unit of %s", o.AcceleratorsPerReplica, o.Pools)
			}
			if o.Layout != "" {
				return fmt.Sprintf("%d, %s", o.AcceleratorsPerReplica, o.Layout)
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
			return fmt.Sprintf("%d, %s ms (%s)", *o.BatchSize, o.DecodeStepMs.StringFixed(1), o.Binds())
		})},
		{"Time per output token", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string {
			if o.Throughput == nil {
				return dash
			}
			if o.TPOTMs == nil {
				return "measured"
			}
			return o.TPOTMs.StringFixed(1) + " ms"
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
			if o.Throughput == nil && (o.Hybrid == nil || o.AverageUtilization == nil) { // a hybrid's: base and burst, as on its card
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
		{"Net present cost at " + engine.Percent(r.Workload.DiscountRate) + " a year", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string {
			return engine.Money(o.NetPresentCost)
		})},
		{"Rank by net present value", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string { return fmt.Sprint(v.NPVRank) })},
		{"Net present value", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string { return ptrMoney(o.NPV) })},
		{"Discounted payback month", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string {
			if o.NPV == nil {
				return dash
			}
			if o.DiscountedPaybackMonth == nil {
				return "not within the horizon"
			}
			return fmt.Sprint(*o.DiscountedPaybackMonth)
		})},
		{"Internal rate of return", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string { return irrText(o) })},
		{"Beats the API at every volume above (requests/day)", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string {
			if v.BreakEvenRequestsPerDay == nil {
				if o.Throughput != nil && r.Comparison.APIOption != nil {
					return "never"
				}
				if o.Hybrid != nil && r.Comparison.APIOption != nil {
					return "not defined (see its card)"
				}
				return dash
			}
			return engine.Count(*v.BreakEvenRequestsPerDay, 0)
		})},
	}
	// Owned options say how their hardware is paid for; the loan and
	// resale figures appear when an option has them.
	var owned, financed, split bool
	for i := range r.Options {
		o := &r.Options[i]
		split = split || o.Throughput != nil && o.Pools != nil
		owned = owned || o.Kind == engine.Owned
		financed = financed || o.InterestTotal.Sign() != 0 || o.ResaleTotal.Sign() != 0 || o.LoanBalance.Sign() != 0
	}
	ownedMoney := func(f func(o *engine.OptionResult) decimal.Decimal) []string {
		return opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string {
			if o.Kind != engine.Owned {
				return dash
			}
			return engine.Money(f(o))
		})
	}
	if split {
		rows = append(rows, struct {
			label string
			cells []string
		}{"Disaggregated pools", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string {
			if o.Throughput == nil || o.Pools == nil {
				return dash
			}
			return o.Pools.Detail()
		})})
	}
	if owned {
		rows = append(rows, struct {
			label string
			cells []string
		}{"Hardware", opt(func(i int, o *engine.OptionResult, v *engine.OptionVerdict) string {
			if o.Financing == "" {
				return dash
			}
			return o.Financing
		})})
	}
	if financed {
		for _, row := range []struct {
			label string
			f     func(o *engine.OptionResult) decimal.Decimal
		}{
			{"Loan interest", func(o *engine.OptionResult) decimal.Decimal { return o.InterestTotal }},
			{"Hardware sold (cash in)", func(o *engine.OptionResult) decimal.Decimal { return o.ResaleTotal }},
			{"Owed on loans at the end", func(o *engine.OptionResult) decimal.Decimal { return o.LoanBalance }},
		} {
			rows = append(rows, struct {
				label string
				cells []string
			}{row.label, ownedMoney(row.f)})
		}
	}
	v := comparisonView{Rows: make([]tableRow, len(rows))}
	for k, i := range order {
		v.Head = append(v.Head, tableHead{r.Options[i].Label, class(i)})
		if i == r.Comparison.Cheapest {
			v.Winner = k
		}
	}
	for n, row := range rows {
		cells := make([]string, len(order))
		for k, i := range order {
			cells[k] = row.cells[i]
		}
		v.Rows[n] = tableRow{row.label, cells}
	}
	return v
}

// comparison is the table's view for the current result and order, laid
// out once for each (layoutTable). It updates with the headline: a reader
// compares the options there as they type.
func (c *Calculator) comparison() ga.UI {
	if !c.painted() { // like the charts, it follows the first paint
		return &comparisonView{C: c, Pending: true}
	}
	c.layoutTable()
	v := *c.tableMemo.view
	v.C = c
	return &v
}

// layoutTable lays the table out for the current result and order, unless
// it already is.
func (c *Calculator) layoutTable() {
	if c.result == nil {
		return
	}
	if m := &c.tableMemo; m.seq != c.resultSeq || m.input != c.inputOrder || m.view == nil {
		v := comparisonViewOf(c.result, c.order(), c.optionClass)
		m.seq, m.input, m.view = c.resultSeq, c.inputOrder, &v
	}
}

// renderCapacity is the capacity chart of option i of r.
func (c *Calculator) renderCapacity(r *engine.Result, i int) ga.UI {
	if i < 0 {
		return ga.Text("")
	}
	o := &r.Options[i]
	var committed []decimal.Decimal
	if len(o.Commitments) > 0 {
		committed = make([]decimal.Decimal, len(o.Months))
		for k := range committed {
			committed[k] = o.CommittedAt(k + 1)
		}
	}
	return ga.Div().Class("chart-block").Body(
		c.optionPicker("capacity-option", "Option", i, func(o engine.OptionResult) bool { return o.Throughput != nil }, func(ctx ga.Context, v int) { c.capOption = v }),
		c.capacityChart(r, i, committed),
		ga.If(len(o.Commitments) > 0, func() ga.UI { return tierTable(o) }),
	)
}

// tierTable lists a cloud option's commitment tiers and what of each was
// used or stranded (demand fills the cheapest tier first).
func tierTable(o *engine.OptionResult) ga.UI {
	head := []string{"Tier", "Accelerators", "Rate", "Months", "Upfront (cash)", "Cost in the horizon", "Used", "Stranded", "Stranded cost"}
	caption := "Commitment tiers of " + o.Label + ": accelerator-months used and stranded. Demand fills the cheapest tier first, so idle units are those of the dearest tiers."
	if len(o.Commitments) > 0 && o.Commitments[0].Tier != 1 {
		caption += " Tier 1, the option's own commitment, is empty."
	}
	return ga.Div().Class("table-wrap").Body(ga.P().Class("muted").ID("tiers-table-caption").Body(figureText(caption)...),
		ga.Table().Class("tiers-table").ID("tiers-table").Aria("describedby", "tiers-table-caption").Body(
			ga.THead().Body(ga.Tr().Body(ga.Range(head).Slice(func(k int) ga.UI { return ga.Th().Scope("col").Text(head[k]) }))),
			ga.TBody().Body(ga.Range(o.Commitments).Slice(func(k int) ga.UI {
				t := o.Commitments[k]
				upfront := "none"
				if t.UpfrontShare.Sign() > 0 {
					upfront = fmt.Sprintf("%s (%s, month %d)", engine.Money(t.Upfront), engine.Percent(t.UpfrontShare), t.StartMonth)
				}
				cells := []string{engine.Count(t.Accelerators, 0), engine.MoneyFixed(t.HourlyRate, 2) + "/h", fmt.Sprintf("%d–%d", t.StartMonth, t.EndMonth), upfront,
					engine.Money(t.Cost), engine.Count(t.UsedAcceleratorMonths, 0), engine.Count(t.StrandedAcceleratorMonths, 0), engine.Money(t.StrandedCost)}
				return ga.Tr().ID(fmt.Sprintf("tier-row-%d", t.Tier)).Body(
					ga.Th().Scope("row").Text(fmt.Sprintf("Tier %d", t.Tier)),
					ga.Range(cells).Slice(func(j int) ga.UI { return ga.Td().Text(cells[j]) }),
				)
			})),
		))
}

// renderSizing is the commitment sizing of one cloud option: its chart,
// the sentence with the optimum and the cost of missing it by 25 %, and
// the terms it compares.
func (c *Calculator) renderSizing() ga.UI {
	i := c.sizingTarget()
	if i < 0 {
		return ga.Text("")
	}
	z := c.sizing
	pending := z == nil && c.sizingErr == "" || z != nil && z.Option != i
	return ga.Div().Class("chart-block").ID("sizing").Body(
		ga.Div().Class("pickers no-print").Body(
			c.optionPicker("sizing-option", "Option", i, func(o engine.OptionResult) bool { return o.Kind == engine.Cloud && o.Infeasible == "" }, func(ctx ga.Context, v int) {
				c.sizeOption = v
				c.resize()
			}),
			ga.Div().Class("field").Body(
				ga.Label().For("commit-terms").Text("Terms to compare (months, each optionally @ its $/h rate)"),
				ga.Input().ID("commit-terms").Type("text").Attr("autocomplete", "off").Value(c.commitTerms).Placeholder("12, 24, 36").
					Aria("describedby", "commit-terms-help").OnInput(c.on(func(ctx ga.Context, e ga.Event) {
					c.commitTerms = ctx.JSSrc().Get("value").String()
					c.resize()
				})),
				ga.P().Class("help").ID("commit-terms-help").Text("e.g. 12, 24, 36, or 12@2.40, 36@1.95 for a rate of its own; without a rate, each term is at the option's committed rate."),
			),
			c.sizingBasis(),
		),
		ga.If(c.sizingErr != "", func() ga.UI { return ga.P().Class("error").ID("sizing-error").Text(c.sizingErr) }),
		ga.If(pending && c.sizingErr == "", func() ga.UI {
			return ga.P().Class("chart-block pending").ID("chart-sizing-pending").Text("Sizing the commitment…")
		}),
		ga.If(!pending && z != nil, func() ga.UI {
			return ga.Div().Body(
				ga.P().ID("sizing-sentence").Body(figureText(z.Sentence())...),
				c.sizingChart(z),
			)
		}),
	)
}

// sizingBasisKey is the workload field the sizing basis is kept in (a
// scenario input, so a link keeps it): its control is the sizingBasis
// beside the sizing chart, not a number in the workload card.
const sizingBasisKey = "sizing_basis"

// sizingBasis is the choice of what the sizing minimises: the total cost
// or the net present cost at the scenario's discount rate. It writes the
// field's text ("" is the default, total cost) and sizes again at once.
func (c *Calculator) sizingBasis() ga.UI {
	n := engine.ParseNum(c.f.Workload[sizingBasisKey])
	npc := n.Set() && n.Dec().Equal(decimal.NewFromInt(1))
	rate := engine.PercentExact(c.result.Workload.DiscountRate)
	return ga.Div().Class("field").Body(
		ga.Label().For("sizing-basis").Text("Size by"),
		ga.Select().ID("sizing-basis").Attr("data-path", "workload."+sizingBasisKey).Aria("describedby", "sizing-basis-help").
			OnChange(c.on(func(ctx ga.Context, e ga.Event) {
				v := ctx.JSSrc().Get("value").String()
				if v == "0" {
					v = "" // the default: not written in the link
				}
				c.f.Workload[sizingBasisKey] = v
				c.changed(ctx)
				c.resize()
			})).Body(
			ga.Option().Value("0").Selected(!npc).Text("Total cost"),
			ga.Option().Value("1").Selected(npc).Text("Net present cost"),
		),
		ga.P().Class("help").ID("sizing-basis-help").Text("Total cost adds up each month's cost over the horizon. Net present cost discounts each month's cash at the discount rate ("+rate+" a year, in the workload), so money paid later weighs less, as a finance team compares deals; it can favour a smaller commitment when demand grows. Kept in the link."),
	)
}

// resize sizes the commitment again for a new option or terms, at once:
// it takes a few milliseconds, and no scenario input waits for it.
func (c *Calculator) resize() {
	if c.result == nil || c.stale || c.good == nil {
		return
	}
	c.sizing, c.sizingErr = sizeCommitment(c.good, c.result, c.sizingTarget(), c.commitTerms)
}

func (c *Calculator) renderVolume() ga.UI {
	if len(c.curve) == 0 || len(c.curve[0].CostPerMTokens) != len(c.result.Options) {
		return ga.Div().Class("chart-block pending").ID("chart-volume-pending").Text("Computing cost against volume…")
	}
	cur := c.result.Options[servingOption(c.result)].Months[0].RequestsPerDay
	return c.volumeChart(c.result, c.curve, cur)
}

// renderInteractivity is the trade-off between cost and the speed each
// user gets, and the fastest each option serves within a cost the user
// types.
func (c *Calculator) renderInteractivity() ga.UI {
	r := c.result
	if len(c.icurve) == 0 || len(c.icurve[0].Options) != len(r.Options) {
		return ga.Div().Class("chart-block pending").ID("chart-interactivity-pending").Text("Computing cost against interactivity…")
	}
	estimated := engine.InteractivityOptions(r, c.icurve)
	if len(estimated) == 0 {
		return ga.P().Class("muted").ID("chart-interactivity-none").Text("Cost against interactivity: no option has estimated throughput.")
	}
	ceiling := engine.ParseNum(c.ceiling)
	return ga.Div().Class("chart-block").Body(
		c.interactivityChart(r, c.icurve, estimated),
		optionalP("interactivity-gap", "muted", engine.InteractivityGap(r, c.icurve, estimated)),
		ga.Div().Class("field no-print").Body(
			ga.Label().For("cost-ceiling").Text("Fastest within a cost of ($ per M tokens)"),
			ga.Input().ID("cost-ceiling").Type("text").Attr("inputmode", "decimal").Value(c.ceiling).OnInput(c.on(func(ctx ga.Context, e ga.Event) {
				c.ceiling = ctx.JSSrc().Get("value").String()
			})),
		),
		ga.If(c.ceiling != "" && !ceiling.Set(), func() ga.UI {
			return ga.P().Class("error").ID("cost-ceiling-error").Text("Cost ceiling: " + engine.NumProblem(ceiling))
		}),
		ga.If(ceiling.Set(), func() ga.UI {
			return ga.Ul().ID("fastest-within").Body(ga.Range(estimated).Slice(func(k int) ga.UI {
				i := estimated[k]
				return ga.Li().Body(figureText(engine.FastestWithinSentence(r.Options[i].Label, engine.FastestWithin(c.icurve, i, ceiling.Dec()), ceiling.Dec()))...)
			}))
		}),
	)
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
			c.optionPicker("tornado-option", "Option", i, func(o engine.OptionResult) bool { return o.Infeasible == "" }, func(ctx ga.Context, v int) {
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
			return c.tornadoChart(c.tornado, label+" of "+c.result.Options[i].Label, format)
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
