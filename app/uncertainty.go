package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/infercost/infercost/engine"
	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// uncForm is the uncertainty as typed: whether it is on, the seed and
// sample count, and the ranges on workload, model and revenue inputs by
// path (an option's ranges live in its optionForm, so they move with it).
type uncForm struct {
	On            bool
	Seed, Samples string
	Ranges        map[string]rangeText
}

// rangeText is one range's texts.
type rangeText struct{ Low, Mode, High, Shape string }

func (r rangeText) empty() bool { return r.Low == "" && r.Mode == "" && r.High == "" && r.Shape == "" }

// uncFrom fills the form's uncertainty from a scenario's.
func (f *form) uncFrom(s *engine.Scenario) {
	f.Unc = uncForm{Ranges: map[string]rangeText{}}
	u := s.Uncertainty
	if u == nil {
		return
	}
	f.Unc.On = true
	f.Unc.Seed, f.Unc.Samples = numText(u.Seed), numText(u.Samples)
	for _, r := range u.Ranges {
		t := rangeText{numText(r.Low), numText(r.Mode), numText(r.High), string(r.Shape)}
		if i, key, ok := engine.SplitOptionPath(r.Path); ok && i < len(f.Options) {
			if f.Options[i].Ranges == nil {
				f.Options[i].Ranges = map[string]rangeText{}
			}
			f.Options[i].Ranges[key] = t
			continue
		}
		f.Unc.Ranges[r.Path] = t
	}
}

func numText(n engine.Num) string {
	if n.Bad() != "" {
		return n.Bad()
	}
	if n.IsZero() {
		return ""
	}
	return n.String()
}

// uncertainty is the scenario's uncertainty from the form: nil when off;
// ranges with no text are left out.
func (f *form) uncertainty() *engine.Uncertainty {
	if !f.Unc.On {
		return nil
	}
	u := &engine.Uncertainty{Seed: engine.ParseNum(f.Unc.Seed), Samples: engine.ParseNum(f.Unc.Samples)}
	add := func(path string, t rangeText) {
		if !t.empty() && (t.Low != "" || t.Mode != "" || t.High != "") { // a shape alone is no range yet
			u.Ranges = append(u.Ranges, engine.Range{Path: path, Shape: engine.Shape(t.Shape),
				Low: engine.ParseNum(t.Low), Mode: engine.ParseNum(t.Mode), High: engine.ParseNum(t.High)})
		}
	}
	for _, p := range slices.Sorted(mapKeys(f.Unc.Ranges)) {
		add(p, f.Unc.Ranges[p])
	}
	for i := range f.Options {
		for _, k := range slices.Sorted(mapKeys(f.Options[i].Ranges)) {
			add(engine.OptionPath(i, k), f.Options[i].Ranges[k])
		}
	}
	return u
}

func mapKeys(m map[string]rangeText) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// uncPath is the data-path of a range's input: "uncertainty[workload.monthly_growth].low".
func uncPath(path, side string) string { return "uncertainty[" + path + "]." + side }

// uncInputID is the element id of the range input at data-path p: "unc-"
// and p with every character but letters, digits and "_" as "-", so that
// "#" + id is a selector as it stands (links to the field, tests).
func uncInputID(p string) string {
	b := []byte("unc-" + p)
	for i := 4; i < len(b); i++ {
		if c := b[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			b[i] = '-'
		}
	}
	return string(b)
}

// uncText is the text at an uncertainty input's data-path.
func (f *form) uncText(path string) (string, bool) {
	switch path {
	case "uncertainty.seed":
		return f.Unc.Seed, true
	case "uncertainty.samples":
		return f.Unc.Samples, true
	}
	rest, ok := strings.CutPrefix(path, "uncertainty[")
	if !ok {
		return "", false
	}
	p, side, ok := strings.Cut(rest, "].")
	if !ok {
		return "", false
	}
	t := f.rangeAt(p)
	switch side {
	case "low":
		return t.Low, true
	case "mode":
		return t.Mode, true
	case "high":
		return t.High, true
	case "shape":
		return t.Shape, true
	}
	return "", false
}

func (f *form) rangeAt(path string) rangeText {
	if i, key, ok := engine.SplitOptionPath(path); ok {
		if i < len(f.Options) {
			return f.Options[i].Ranges[key]
		}
		return rangeText{}
	}
	return f.Unc.Ranges[path]
}

func (f *form) setRange(path, side, v string) {
	t := f.rangeAt(path)
	switch side {
	case "low":
		t.Low = v
	case "mode":
		t.Mode = v
	case "high":
		t.High = v
	case "shape":
		t.Shape = v
	}
	if i, key, ok := engine.SplitOptionPath(path); ok {
		if i >= len(f.Options) {
			return
		}
		if f.Options[i].Ranges == nil {
			f.Options[i].Ranges = map[string]rangeText{}
		}
		f.Options[i].Ranges[key] = t
		return
	}
	f.Unc.Ranges[path] = t
}

// uncRow is one input the page offers a range for.
type uncRow struct {
	path, label, unit string
	placeholder       [3]string // the default, shown greyed
}

// uncRows lists the key inputs: monthly growth, requests a day, each
// option's price (a cloud option's hourly rate, an owned one's capex, an
// API's input and output prices) and each self-hosted option's throughput.
func (c *Calculator) uncRows() []uncRow {
	rows := []uncRow{
		{path: "workload.monthly_growth", label: "Monthly growth", unit: "share/month"},
		{path: "workload.requests_per_day", label: "Requests a day", unit: "requests/day"},
	}
	for i, o := range c.f.Options {
		name := o.Label
		if name == "" {
			name = fmt.Sprintf("Option %d", i+1)
		}
		switch o.Kind {
		case engine.Cloud:
			rows = append(rows, uncRow{path: engine.OptionPath(i, "hourly_rate"), label: name + ": hourly rate", unit: "$/accelerator-hour"})
		case engine.Owned:
			rows = append(rows, uncRow{path: engine.OptionPath(i, "capex_per_accelerator"), label: name + ": capex", unit: "$/accelerator"})
		case engine.API:
			rows = append(rows,
				uncRow{path: engine.OptionPath(i, "price_input_per_m"), label: name + ": input price", unit: "$/M tokens"},
				uncRow{path: engine.OptionPath(i, "price_output_per_m"), label: name + ": output price", unit: "$/M tokens"})
		}
		if o.Kind.SelfHosted() {
			row := uncRow{path: engine.OptionPath(i, engine.ThroughputKey), label: name + ": throughput", unit: "× the estimate"}
			if r := c.result; r != nil && !c.stale && i < len(r.Options) && r.Options[i].Throughput != nil && r.Options[i].Accuracy != nil {
				a := r.Options[i].Accuracy
				row.placeholder = [3]string{a.Low.String(), a.Median.String(), a.High.String()}
			}
			rows = append(rows, row)
		}
	}
	return rows
}

// renderUncertaintyInputs is the card of ranges, seed and sample count.
func (c *Calculator) renderUncertaintyInputs() ga.UI {
	f := c.f
	scope := ga.EventScope(f.gen)
	input := func(path, label, value, placeholder string, set func(string)) ga.HTMLInput {
		return ga.Input().ID(uncInputID(path)).Type("text").Attr("inputmode", "decimal").Attr("autocomplete", "off").Attr("spellcheck", "false").
			Attr("data-path", path).Aria("label", label).Value(value).Placeholder(placeholder).
			OnInput(c.on(func(ctx ga.Context, e ga.Event) { set(ctx.JSSrc().Get("value").String()); c.uncertaintyChanged(ctx) }), ga.EventScope(f.gen, path))
	}
	rows := c.uncRows()
	return ga.Section().Class("card").ID("uncertainty-inputs").Body(
		ga.H2().Text("Uncertainty"),
		ga.Div().Class("field wide").Body(
			ga.Label().Class("check").Body(
				ga.Input().ID("uncertainty-on").Type("checkbox").Checked(f.Unc.On).OnChange(c.on(func(ctx ga.Context, e ga.Event) {
					f.Unc.On = ctx.JSSrc().Get("checked").Bool()
					if f.Unc.On && f.Unc.Samples == "" && f.Unc.Seed == "" {
						f.Unc.Samples, f.Unc.Seed = strconv.Itoa(engine.DefaultSamples), strconv.Itoa(engine.DefaultSeed)
					}
					c.uncertaintyChanged(ctx)
					c.syncInputs() // as reshaped: the draws' and seed's inputs appear
				}), scope),
				ga.Text(" Show the spread of outcomes: draw uncertain inputs between a low and a high value"),
			),
		),
		ga.If(f.Unc.On, func() ga.UI {
			return ga.Div().Body(
				ga.P().Class("help").Text("Each range is triangular (low, most likely, high) or log-normal (low and high are the 10th and 90th percentiles, the middle value the median; draws can fall outside them, up to the input's own limits). Leave a row empty to keep its input fixed; a self-hosted option's throughput follows its estimate's validation band (shown greyed) unless you give one. The same seed gives the same figures here and in infercost eval -seed."),
				ga.Div().Class("grid").Body(
					ga.Div().Class("field").Body(ga.Label().For("unc-samples").Text("Draws"),
						ga.Div().Class("control").Body(input("uncertainty.samples", "Draws", f.Unc.Samples, strconv.Itoa(engine.DefaultSamples), func(v string) { f.Unc.Samples = v }).ID("unc-samples")),
						ga.P().Class("help").Text(fmt.Sprintf("At most %s, and draws × options × months at most %s.", engine.Count(decimal.NewFromInt(engine.MaxSamples), 0), engine.Count(decimal.NewFromInt(engine.MaxDrawMonths), 0)))),
					ga.Div().Class("field").Body(ga.Label().For("unc-seed").Text("Seed"),
						ga.Div().Class("control").Body(input("uncertainty.seed", "Seed", f.Unc.Seed, strconv.Itoa(engine.DefaultSeed), func(v string) { f.Unc.Seed = v }).ID("unc-seed")),
						ga.P().Class("help").Text("A whole number; another seed gives another sample.")),
				),
				ga.Div().Class("table-wrap").Body(ga.Table().Class("compare ranges").ID("uncertainty-ranges").Body(
					ga.THead().Body(ga.Tr().Body(ga.Th().Scope("col").Text("Input"), ga.Th().Scope("col").Text("Low"), ga.Th().Scope("col").Text("Most likely"), ga.Th().Scope("col").Text("High"), ga.Th().Scope("col").Text("Shape"))),
					ga.TBody().Body(ga.Range(rows).Slice(func(k int) ga.UI {
						r := rows[k]
						t := f.rangeAt(r.path)
						cell := func(side, value, ph string) ga.UI {
							return ga.Td().Body(input(uncPath(r.path, side), r.label+", "+side, value, ph, func(v string) { f.setRange(r.path, side, v) }))
						}
						return ga.Tr().DataSet("path", r.path).Body(
							ga.Th().Scope("row").Body(append(figureText(r.label), ga.Span().Class("unit").Text(" ("+r.unit+")"))...),
							cell("low", t.Low, r.placeholder[0]), cell("mode", t.Mode, r.placeholder[1]), cell("high", t.High, r.placeholder[2]),
							ga.Td().Body(c.shapeSelect(r.path, r.label, t.Shape)),
						)
					})),
				)),
			)
		}),
	)
}

// shapeSelect is a range's shape: triangular (the default) or log-normal.
// An unknown shape from a file or link shows as itself, so validation's
// message about it matches what is on screen.
func (c *Calculator) shapeSelect(path, label, shape string) ga.UI {
	shapes := []struct{ value, text string }{{"", "Triangular"}, {string(engine.Lognormal), "Log-normal"}}
	if shape != "" && shape != string(engine.Triangular) && shape != string(engine.Lognormal) {
		shapes = append(shapes, struct{ value, text string }{shape, shape})
	}
	return ga.Select().Attr("data-path", uncPath(path, "shape")).Aria("label", label+", shape").OnChange(c.on(func(ctx ga.Context, e ga.Event) {
		c.f.setRange(path, "shape", ctx.JSSrc().Get("value").String())
		c.uncertaintyChanged(ctx)
	}), ga.EventScope(c.f.gen, uncPath(path, "shape"))).Body(ga.Range(shapes).Slice(func(k int) ga.UI {
		sel := shapes[k].value == shape || shapes[k].value == "" && shape == string(engine.Triangular)
		return ga.Option().Value(shapes[k].value).Selected(sel).Text(shapes[k].text)
	}))
}

// uncertaintyChanged is changed for an edit of the uncertainty inputs
// alone (turning them on or off, the draws, the seed, a range). The point
// evaluation does not read them (only engine.Simulate does), so when the
// inputs were valid before this edit its results stand: the scenario
// kept (c.good, for the link, the printed assumptions and the Monte
// Carlo) takes the new uncertainty, and only the address bar, the printed
// assumptions and the Monte Carlo are queued, ahead of what the cancelled
// queue had not finished (the tornado, the curves: uncertaintyOnly). The
// spread of a new seed no longer waits behind the sensitivity and the
// curves of unchanged results (0.5–1.8 s in the bench). With the
// inputs invalid before (c.errs, c.stale) it is changed.
func (c *Calculator) uncertaintyChanged(ctx ga.Context) {
	if c.errs != nil || c.stale || c.result == nil || c.good == nil {
		c.changed(ctx)
		return
	}
	s := c.f.scenario()
	c.notice, c.badLink = "", ""
	c.good, c.link = &s, ""
	c.urlDirty = true
	c.uncertaintyOnly = true
	c.refreshSecondary(ctx)
}

// uncertaintyJobs are the jobs of refreshSecondary's queue that an edit of
// the uncertainty inputs alone redoes (uncertaintyChanged). The Monte
// Carlo starts a frame after the printed assumptions, not at
// secondaryDelay: no sizing or tornado comes before it, and a key typed
// meanwhile cancels it within a slice (paceSlice).
func uncertaintyJobs(jobs []job) []job {
	jobs = slices.DeleteFunc(jobs, func(j job) bool {
		return j.name != "address" && j.name != "printed" && j.name != "monte-carlo"
	})
	for k := range jobs {
		if jobs[k].name == "monte-carlo" {
			jobs[k].notBefore = chartDelay + 3*chartFrame
		}
	}
	return jobs
}

// refreshUncertainty is the Monte Carlo's job in the queue after an edit
// (refreshSecondary), paced like the tornado, reporting progress; nil when
// uncertainty is off.
func (c *Calculator) refreshUncertainty(s engine.Scenario) *job {
	if s.Uncertainty == nil {
		c.sim, c.fanSim, c.simErr, c.simDone, c.simTotal = nil, nil, "", 0, 0
		return nil
	}
	total := engine.DefaultSamples
	if n := s.Uncertainty.Samples; n.Set() && n.Dec().IsInteger() && n.Dec().Sign() > 0 && n.Dec().Cmp(decimal.NewFromInt(engine.MaxSamples)) <= 0 {
		total = int(n.Dec().IntPart())
	}
	c.simDone, c.simTotal, c.simErr = 0, total, ""
	return &job{name: "monte-carlo", notBefore: secondaryDelay, run: func(q *run) {
		// go-app draws what the jobs before dispatched (the tornado, the
		// power card, the headline's drivers) on its next tick, 8.3 ms
		// after the last dispatch: a frame's wait lets it draw them in a
		// task of their own, not in the run's first slice (together 45–55
		// ms after the page opened).
		q.s.clock.sleep(chartFrame)
		if !q.live() {
			return
		}
		Mark("monte-carlo") // the run's window in a browser profile (and in make bench's trace)
		done := 0
		shown := time.Now()
		pace := func() bool {
			done++
			if time.Since(shown) >= 200*time.Millisecond {
				shown = time.Now()
				d := min(done, total) // a redrawn draw paces too
				q.apply(func() {
					c.simDone = d
				})
			}
			return q.pace()
		}
		sim, err := engine.Simulate(&s, pace)
		exposeMemory() // instrumented builds: the bench reports the heap after a run
		if err == engine.ErrStopped {
			return
		}
		msg := ""
		if err != nil {
			msg = err.Error()
			if errs, ok := err.(engine.Errors); ok {
				var lines []string
				for _, e := range errs {
					lines = append(lines, rangeErrorText(&s, e))
				}
				msg = strings.Join(lines, " ")
			}
		}
		q.apply(func() {
			c.sim, c.simErr, c.simDone = sim, msg, total
			Mark("monte-carlo-done")
		})
		// The fan chart a frame after the table, as the monthly charts
		// are drawn (each took 5–15 ms under wasm; in one update with the
		// spreads' last slice they made one long task). It follows the
		// table even if an edit has cancelled the run meanwhile, so that
		// both always show the same draws.
		q.s.clock.sleep(chartFrame)
		q.exec.apply(func() {
			if c.sim == sim {
				c.fanSim = sim
			}
		})
	}}
}

// simRunning says a Monte Carlo is under way for the current inputs.
func (c *Calculator) simRunning() bool {
	return c.f.Unc.On && c.simErr == "" && c.simTotal > 0 && (c.sim == nil || c.simDone < c.simTotal)
}

// render is the progress line while a run is under way, nothing after.
func (b *uncertaintyProgress) render() ga.UI {
	if !b.Running {
		return ga.Span() // go-app needs a node; an empty span takes no room
	}
	t := fmt.Sprintf("Drawing %s of %s…", engine.Count(decimal.NewFromInt(int64(b.Done)), 0), engine.Count(decimal.NewFromInt(int64(b.Total)), 0))
	if b.First {
		t += " The spread follows the headline figures."
	} else {
		// The table and fan chart below stay as they were (redrawing them
		// for each count took over 100 ms under wasm); the stylesheet greys
		// them while this line precedes them.
		t += " The spread below is of the previous inputs until this run ends."
	}
	return ga.P().Class("muted").ID("uncertainty-progress").Role("status").Text(t)
}

// rangeErrorText names a range's error by the input it is on.
func rangeErrorText(s *engine.Scenario, e engine.FieldError) string {
	rest, ok := strings.CutPrefix(e.Path, "uncertainty.ranges[")
	if !ok {
		return e.Error()
	}
	idx, side, _ := strings.Cut(rest, "]")
	k, err := strconv.Atoi(idx)
	if err != nil || s.Uncertainty == nil || k >= len(s.Uncertainty.Ranges) {
		return e.Error()
	}
	return "Range on " + s.Uncertainty.Ranges[k].Path + strings.ReplaceAll(side, ".", ", ") + ": " + e.Msg + "."
}

// renderUncertainty is the results of the Monte Carlo: a table of P10,
// P50 and P90 with the win share and regret, and the fan chart.
func (c *Calculator) renderUncertainty() ga.UI {
	if !c.f.Unc.On {
		return ga.P().Class("muted").ID("uncertainty-off").Text("Turn on Uncertainty (under the inputs) to see the spread of outcomes under ranges on growth, volume, prices and throughput.")
	}
	if c.simErr != "" {
		return ga.P().Class("error").ID("uncertainty-error").Text(c.simErr)
	}
	sim := c.sim
	if sim == nil {
		return ga.Div().Class("uncertainty-block") // the progress line says it is coming
	}
	money := func(d decimal.Decimal) string { return engine.Money(d) }
	type row struct {
		id, label string
		cell      func(o *engine.OptionSpread) string
	}
	spread := func(f func(o *engine.OptionSpread) *engine.Spread, p int) func(o *engine.OptionSpread) string {
		return func(o *engine.OptionSpread) string {
			s := f(o)
			if s == nil {
				return "–"
			}
			return money([]decimal.Decimal{s.P10, s.P50, s.P90}[p])
		}
	}
	total := func(o *engine.OptionSpread) *engine.Spread { return &o.TotalCost }
	perM := func(o *engine.OptionSpread) *engine.Spread { return &o.CostPerMTokens }
	stranded := func(o *engine.OptionSpread) *engine.Spread { return &o.Stranded }
	margin := func(o *engine.OptionSpread) *engine.Spread { return o.Margin }
	regret := func(o *engine.OptionSpread) *engine.Spread { return &o.Regret }
	rows := []row{
		{"total-p10", "Total cost, P10", spread(total, 0)}, {"total-p50", "Total cost, P50", spread(total, 1)}, {"total-p90", "Total cost, P90", spread(total, 2)},
		{"perm-p10", "Cost per M tokens, P10", spread(perM, 0)}, {"perm-p50", "Cost per M tokens, P50", spread(perM, 1)}, {"perm-p90", "Cost per M tokens, P90", spread(perM, 2)},
		{"stranded-p50", "Stranded cost, P50", spread(stranded, 1)}, {"stranded-p90", "Stranded cost, P90", spread(stranded, 2)},
	}
	if len(sim.Options) > 0 && sim.Options[0].Margin != nil {
		rows = append(rows, row{"margin-p10", "Margin, P10", spread(margin, 0)}, row{"margin-p50", "Margin, P50", spread(margin, 1)}, row{"margin-p90", "Margin, P90", spread(margin, 2)})
	}
	// The present value at the discount rate: the NPV with revenue
	// prices, the net present cost without.
	if len(sim.Options) > 0 && sim.Options[0].NPV != nil {
		npv := func(o *engine.OptionSpread) *engine.Spread { return o.NPV }
		rows = append(rows, row{"npv-p10", "NPV, P10", spread(npv, 0)}, row{"npv-p50", "NPV, P50", spread(npv, 1)}, row{"npv-p90", "NPV, P90", spread(npv, 2)})
	} else {
		npc := func(o *engine.OptionSpread) *engine.Spread { return o.NetPresentCost }
		rows = append(rows, row{"npc-p10", "Net present cost, P10", spread(npc, 0)}, row{"npc-p50", "Net present cost, P50", spread(npc, 1)}, row{"npc-p90", "Net present cost, P90", spread(npc, 2)})
	}
	if slices.ContainsFunc(sim.Options, func(o engine.OptionSpread) bool { return o.CannotServe > 0 }) {
		rows = append(rows, row{"cannot-serve", "Cannot serve in", func(o *engine.OptionSpread) string {
			return engine.Count(decimal.NewFromInt(int64(o.CannotServe)), 0) + " draws"
		}})
	}
	rows = append(rows,
		row{"win", "Cheapest in", func(o *engine.OptionSpread) string { return engine.Percent(o.WinShare) + " of draws" }},
		row{"regret-p50", "Regret, P50", spread(regret, 1)}, row{"regret-p90", "Regret, P90", spread(regret, 2)})
	var ranges []string
	for _, u := range sim.Ranges {
		lo, mode, hi := engine.Exact(u.Low), engine.Exact(u.Mode), engine.Exact(u.High)
		t := u.Label + " " + lo + " to " + hi + " (most likely " + mode + ")"
		if u.Shape == engine.Lognormal {
			t = u.Label + " log-normal, P10 " + lo + ", median " + mode + ", P90 " + hi
		}
		if u.Default {
			t += ", the estimate's validation band"
		}
		if w := engine.DrawnWithText(sim, u); w != "" {
			t += ", " + w
		}
		ranges = append(ranges, t)
	}
	return ga.Div().Class("uncertainty-block").Body(
		ga.P().ID("uncertainty-intro").Body(figureText(fmt.Sprintf("%s draws with seed %d of: %s. Regret is an option's total cost above the cheapest option's in the same draw.",
			engine.Count(decimal.NewFromInt(int64(sim.Samples)), 0), sim.Seed, strings.Join(ranges, "; ")))...),
		ga.If(sim.Redrawn > 0, func() ga.UI { return ga.P().ID("uncertainty-redrawn").Body(figureText(engine.RedrawnText(sim))...) }),
		ga.Div().Class("table-wrap").Body(ga.Table().Class("compare").ID("uncertainty-table").Body(
			ga.THead().Body(ga.Tr().Body(
				ga.Td().Class("corner"),
				ga.Range(sim.Options).Slice(func(k int) ga.UI {
					return ga.Th().Scope("col").Body(append([]ga.UI{ga.Span().Class("swatch "+c.optionClass(k)+" line").Aria("hidden", "true")}, figureText(" "+sim.Options[k].Label)...)...)
				}),
			)),
			ga.TBody().Body(ga.Range(rows).Slice(func(i int) ga.UI {
				return ga.Tr().DataSet("row", rows[i].id).Body(
					ga.Th().Scope("row").Text(rows[i].label),
					ga.Range(sim.Options).Slice(func(k int) ga.UI {
						if o := &sim.Options[k]; o.CannotServe == sim.Samples && rows[i].id != "cannot-serve" && rows[i].id != "win" {
							return ga.Td().Text("–") // it serves in no draw: no figures
						}
						return ga.Td().Body(figureText(rows[i].cell(&sim.Options[k]))...)
					}),
				)
			})),
		)),
	)
}

// render is the fan chart of the simulation the table shows (drawn a
// frame after it), or nothing.
func (b *uncertaintyFan) render() ga.UI {
	c := b.C
	if !b.On || b.Err != "" || b.Sim == nil || c.result == nil {
		return ga.Span() // go-app needs a node; an empty span takes no room
	}
	return ga.Div().Class("uncertainty-fan").Body(c.fanChart(b.Sim)) // an element around it: the chart may be no node (no option serves)
}

// fanChart draws each option's monthly cost: the band from P10 to P90 and
// the P50 line.
func (c *Calculator) fanChart(sim *engine.Simulation) ga.UI {
	ref := slices.IndexFunc(sim.Options, func(o engine.OptionSpread) bool { return len(o.Monthly) > 0 }) // an option that serves
	if ref < 0 {
		return ga.Text("")
	}
	g := c.geom()
	h := len(sim.Options[ref].Monthly)
	var values []decimal.Decimal
	for _, o := range sim.Options {
		for _, m := range o.Monthly {
			values = append(values, m.P10, m.P90)
		}
	}
	y := newAxis(values, g.T+g.ph(), g.T)
	step := g.pw() / float64(h)
	x := func(m int) float64 { return g.L + step*(float64(m)+0.5) }
	var legend []legendItem
	for k, o := range sim.Options {
		legend = append(legend, legendItem{label: o.Label + " (P50; band P10–P90)", class: c.optionClass(k), style: "line"})
	}
	caption := "Each option's cost month by month over the draws: the line is the median (P50), the shaded band runs from P10 to P90." + scaleCaption(y) + " Hover or focus a month for its figures."
	return c.figure("chart-fan", "Monthly cost under uncertainty", caption, legend, nil,
		chartSVG(g, g.H, "Monthly cost P10, P50 and P90 of each option").Attr("data-scale", scaleName(y)).Body(
			yAxis(g, y, engine.Money),
			monthAxis(g, h, x),
			ga.Range(sim.Options).Slice(func(k int) ga.UI {
				o := &sim.Options[k]
				var band, line points
				for m := range o.Monthly {
					band.add(x(m), y.at(o.Monthly[m].P90))
				}
				for m := len(o.Monthly) - 1; m >= 0; m-- {
					band.add(x(m), y.at(o.Monthly[m].P10))
				}
				for m := range o.Monthly {
					line.add(x(m), y.at(o.Monthly[m].P50))
				}
				return svg("g").Class(c.optionClass(k)).Body(
					svg("polygon").Class("fan-band").Attr("points", band.String()).Attr("fill", "var(--series)").Attr("fill-opacity", "0.15").Attr("stroke", "none"),
					svg("polyline").Class("series "+c.optionClass(k)).Attr("points", line.String()),
				)
			}),
			ga.Range(sim.Options[ref].Monthly).Slice(func(m int) ga.UI {
				t := "Month " + strconv.Itoa(m+1)
				for _, o := range sim.Options {
					if len(o.Monthly) == 0 {
						continue // it serves in no draw
					}
					s := o.Monthly[m]
					t += "\n" + o.Label + ": " + engine.Money(s.P50) + " (P10 " + engine.Money(s.P10) + ", P90 " + engine.Money(s.P90) + ")"
				}
				return g.band(g.L+step*float64(m), step, t)
			}),
		),
	)
}
