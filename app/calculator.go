package app

import (
	"fmt"
	"strings"
	"time"

	"github.com/infercost/infercost/engine"
	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Calculator is the whole tool: it owns the form, asks the engine for
// results on every keystroke, keeps the last good results when the input is
// invalid, and mirrors the scenario into the address bar.
type Calculator struct {
	ga.Compo

	f        *form
	resolved *engine.Resolution // of the form: its defaults and their origins (see renderInputs)
	errs     engine.Errors      // of the current input; nil when valid
	result   *engine.Result
	stale    bool             // result is from an earlier, valid input
	good     *engine.Scenario // the last valid scenario
	link     string           // its link fragment once encoded (see currentLink)
	written  string           // fragment we last put in the address bar
	urlDirty bool             // link changed by an edit and not yet in the address bar
	// writerWarm: writeURL's code has run once (see there).
	writerWarm bool
	// paced: the first queue after the page opened has set the
	// collector's pace for typing (paceCollector).
	paced bool

	// Secondary figures, computed after the headline results are painted.
	curve      []engine.CurvePoint
	robust     *engine.Robustness // nil until computed, or when nothing is estimated
	icurve     []engine.InteractivityPoint
	ceiling    string // the cost ceiling typed beside the interactivity chart, $ per M tokens
	tornado    *engine.Tornado
	tornadoErr string
	// The Monte Carlo's result (uncertainty.go), its error, and its
	// progress: draws done of the total.
	sim               *engine.Simulation
	simErr            string
	simDone, simTotal int
	// fanSim is the simulation the fan chart draws: sim, a frame after the
	// table shows it (refreshUncertainty).
	fanSim *engine.Simulation
	// uncertaintyOnly: the edit refreshSecondary follows changed the
	// uncertainty inputs alone (uncertaintyChanged).
	uncertaintyOnly bool
	// The commitment sizing of one cloud option (sizingTarget), computed
	// after the results are painted; commitTerms is the terms it compares,
	// as typed beside its chart (kept in the page only).
	sizing      *engine.Sizing
	sizingErr   string
	sizeOption  int
	commitTerms string
	// summaryTornado is the winner's sensitivity of its cost per M tokens,
	// for the summary, when the tornado chart shows another (see
	// winnerTornado).
	summaryTornado *engine.Tornado
	// The resultSeq each tornado was computed for, and the last one for
	// which the winner's could not be computed.
	tornadoOf, summaryTornadoOf, driversErrOf int
	// inputOrder shows the cards and the table's columns in the order the
	// options were entered instead of by rank. Kept in the page only.
	inputOrder bool
	tableMemo  struct {
		seq   int
		input bool
		view  *comparisonView
	}
	sensOption int
	sensMetric engine.Metric
	capOption  int
	resultSeq  int         // counts results: which one a piece, the table or a tornado shows
	powerOf    drawnResult // the result the power card shows (refreshSecondary)
	// drawn is the result each monthly chart was last drawn from, one a
	// frame once typing pauses (see refreshSecondary); nil until the first
	// paint.
	drawn [monthlyCharts]drawnResult

	badLink    string // text of a link that could not be opened
	badLinkWhy string
	// badLinkShown says what is on screen instead of the bad link's scenario.
	badLinkShown string
	notice       string // one-line status ("Link copied", "Saved")
	saved        savedList
	workingErr   string // why the working copy could not be kept, once
	importMsg    string
	crash        string // a recovered panic, shown until dismissed (see recover.go)

	// printed is the printed report's list of assumptions and link, made
	// once typing pauses (refreshSecondary), not on every keystroke.
	printed struct {
		rows []engine.Assumption
		link string
	}

	colors      colorBook // each option's colour, kept through moves and removals (chartcolors.go)
	showRevenue bool      // the monthly chart draws revenue (off: it would set the cost scale)
	chartWidth  int       // the charts' frame width, in CSS pixels (charts.go frameFor; 0 until measured)

	// focused is the path of the numeric input being edited, which shows
	// the text as typed; the others show it with separators (entry.go).
	focused string
	// draftKept says the working copy holds a draft rather than the
	// address bar's scenario (keepDraft).
	draftKept bool
	// entryShown remembers engine.FormatEntry's display of texts typed
	// (formatEntry).
	entryShown map[entryKey]string

	// sched runs what follows an edit once typing pauses (schedule.go).
	sched scheduler

	// resolvedOf is the form and the evaluation resolved was worked out
	// for; evals counts evaluations (each edit makes one).
	resolvedOf struct {
		f     *form
		evals int
	}
	evals int

	ctx     ga.Context // from OnMount: the context every later dispatch goes through (see dispatch)
	mounted bool
}

// OnInit opens the scenario of the address's link (on the client) or the
// default one (also for the static page), so that start-up evaluates once.
func (c *Calculator) OnInit() {
	c.sensMetric = engine.MetricCostPerMTokens
	c.sensOption = -1
	c.capOption = -1
	c.sizeOption = -1
	defer func() {
		if r := recover(); r != nil {
			c.recovered(r)
		}
	}()
	c.open(openedFragment())
	Mark("evaluated")
}

func (c *Calculator) OnMount(ctx ga.Context) {
	Mark("mounted")
	c.ctx, c.mounted = ctx, true
	c.saved = readSaved()
	c.watchChartWidth(ctx)
	c.watchFocus(ctx)
	// A link pasted into the address bar. go-app reports it through OnNav
	// only when the address differs from the last one go-app itself
	// navigated to, which the links this page writes with replaceState do
	// not update: pasting the link first opened, after an edit, was missed.
	ga.Window().Call("addEventListener", "hashchange", ga.FuncOf(func(ga.Value, []ga.Value) any {
		c.dispatch(ctx, c.followAddress)
		return nil
	}))
	// Another tab saved, renamed or deleted: show its list.
	ga.Window().Call("addEventListener", "storage", ga.FuncOf(func(_ ga.Value, args []ga.Value) any {
		if len(args) > 0 && args[0].Get("key").String() == savedKey {
			c.dispatch(ctx, func(ga.Context) { c.saved = readSaved() })
		}
		return nil
	}))
}

// OnNav runs once when the page loads and again whenever the address
// changes (a pasted link, back/forward).
func (c *Calculator) OnNav(ctx ga.Context) {
	if !ga.IsClient {
		return
	}
	defer func() {
		if r := recover(); r != nil {
			c.recovered(r)
		}
	}()
	c.followAddress(ctx)
}

// followAddress opens the address bar's link when it is not the one on
// screen (OnNav and the hashchange event may both report one change).
func (c *Calculator) followAddress(ctx ga.Context) {
	frag := openedFragment()
	if frag == c.written && c.painted() {
		return
	}
	if frag != c.written {
		c.open(frag)
	}
	c.refreshSecondary(ctx)
}

// open shows the scenario of a link fragment. With no fragment it shows the
// scenario being edited when the page was last closed (the working copy),
// else the default one. A link that cannot be read is explained and kept;
// pasted into the running app it changes nothing else, and at start-up the
// working copy or the default scenario is shown instead.
func (c *Calculator) open(frag string) {
	c.written = frag // handled: neither reopened nor rewritten until edited
	c.urlDirty = false
	c.badLink, c.badLinkWhy, c.badLinkShown = "", "", ""
	if frag != "" {
		s, err := engine.DecodeLink(frag)
		if err == nil {
			c.f = formFrom(&s)
			c.evaluateNow()
			c.syncInputs()
			return
		}
		c.badLink, c.badLinkWhy = "#"+frag, err.Error()
		if c.f != nil {
			c.badLinkShown = "The scenario you were working on is unchanged"
			return
		}
	}
	if ga.IsClient {
		if w := loadWorking(); w != "" {
			if s, err := engine.DecodeLink(w); err == nil {
				c.f = formFrom(&s)
				c.badLinkShown = "The scenario you last worked on is shown instead"
				if c.evaluateNow() {
					c.syncInputs()
					c.urlDirty = c.badLink == "" // its link into the address bar once painted
					return
				}
				// An incomplete draft (see keepDraft): shown with what it
				// still needs, never another scenario's results.
				c.result, c.good, c.link, c.stale = nil, nil, "", false
				c.syncInputs()
				return
			}
		}
	}
	def := engine.DefaultScenario()
	c.f = formFrom(&def)
	c.evaluateNow()
	c.syncInputs()
	c.badLinkShown = "The default scenario is shown instead"
}

// evaluateNow asks the engine for results. Invalid input keeps the last
// good result, marked stale.
func (c *Calculator) evaluateNow() bool {
	start := time.Now()
	c.evals++
	s := c.f.scenario()
	// The headline's figures only: the power card's follow once typing
	// pauses (the "power" job of refreshSecondary). The evaluation's
	// resolution of the form is the one the inputs show (renderInputs):
	// kept, it is not worked out a second time for the redraw.
	r, res, err := engine.EvaluateHeadlineResolved(&s)
	if res != nil {
		c.resolved = res
		c.resolvedOf.f, c.resolvedOf.evals = c.f, c.evals
	}
	if ga.IsClient {
		// For `make bench`, which splits keystroke latency into engine
		// time and rendering time (instrumented builds only).
		exposeEvalMs(float64(time.Since(start).Microseconds()) / 1000)
	}
	if err != nil {
		errs, ok := err.(engine.Errors)
		if !ok {
			errs = engine.Errors{{Path: "scenario", Msg: err.Error()}}
		}
		c.errs = errs
		c.stale = c.result != nil
		return false
	}
	c.errs, c.stale, c.result, c.robust = nil, false, r, nil
	c.colors.assign(c.f)
	c.resultSeq++
	c.good, c.link = &s, ""
	return true
}

// changed is called after every edit.
func (c *Calculator) changed(ctx ga.Context) {
	c.notice = ""
	if c.evaluateNow() {
		c.badLink = ""
		c.urlDirty = true
		c.refreshSecondary(ctx)
		return
	}
	c.keepDraft(ctx)
}

// keepDraft keeps the form as the working copy, once typing pauses, while
// it is invalid or incomplete (a new scenario being filled in): a reload
// brings it back. Text that is not a number is left out (a link cannot
// hold it). A valid scenario is kept by writeURL with the address bar.
func (c *Calculator) keepDraft(ctx ga.Context) {
	if !ga.IsClient || !c.mounted {
		return
	}
	// The last valid results' charts and figures not yet drawn still are.
	c.schedule(ctx, true, job{name: "draft", notBefore: secondaryDelay, run: func(q *run) {
		q.apply(func() {
			if c.errs == nil {
				return
			}
			s := c.f.draft()
			if err := saveWorking(engine.EncodeLink(&s)); err != nil && c.workingErr == "" {
				c.workingErr = "Your work is not kept for a reload: " + err.Error() + ". Copy link or Save keeps it."
			}
			c.draftKept = true
		})
	}})
}

// reshaped is changed for an edit that was not typed into the field it
// changes: a new form, an option added, moved or removed, a kind switched.
func (c *Calculator) reshaped(ctx ga.Context) {
	c.changed(ctx)
	c.syncInputs()
}

// syncInputs writes the form's texts into the inputs on the page once go-app
// has drawn it. go-app v10.1.11 drops an empty Value (attributes.Set
// compares the value, not the name, with "value"), so an input that became
// empty through something other than typing (a reset, another scenario,
// an option card that moved into its place) kept showing its old text.
func (c *Calculator) syncInputs() {
	if !c.mounted {
		return
	}
	f := c.f
	c.ctx.Defer(func(ga.Context) {
		if f != c.f {
			return // replaced again since
		}
		inputs := ga.Window().Get("document").Call("querySelectorAll", "input[data-path]")
		for i := range inputs.Length() {
			el := inputs.Index(i)
			path := el.Get("dataset").Get("path").String()
			if text, ok := f.text(path); ok {
				if text = c.shownText(path, text); el.Get("value").String() != text {
					el.Set("value", text)
				}
			}
		}
	})
}

// writeURL puts the edited scenario in the address bar without a history
// entry. It runs once typing pauses (see chartDelay), not on every
// keystroke: history.replaceState cost 1–30 ms a call in Chromium, the
// largest single item on the keystroke path after go-app's frame tick.
// Copy link and Save read currentLink, which is always up to date.
func (c *Calculator) writeURL(ctx ga.Context) {
	if !ga.IsClient {
		return
	}
	if !c.urlDirty {
		if !c.writerWarm {
			// The page has just opened: nothing to write yet, but the
			// first edit will store the working copy, and under wasm V8
			// compiles each function at its first call. The record's
			// encoding (encoding/json, the time's format) took 10–35 ms of
			// the first edit's address job, which with the link's first
			// encoding and the address bar's came to 37–58 ms, one of the
			// longest tasks after a new seed is typed (docs/performance.md);
			// done here, in the queue after the page opened, it is not in
			// the way of an edit.
			c.writerWarm = true
			_ = workingRecord(c.currentLink())
		}
		return
	}
	c.writerWarm = true
	c.urlDirty = false
	if openedFragment() != c.written {
		// A link was pasted after the edit and its event is still queued:
		// it wins, and is not overwritten.
		c.followAddress(ctx)
		return
	}
	link := c.currentLink()
	if link == c.written && !c.draftKept {
		return
	}
	if link != c.written {
		c.written = link
		setFragment(link)
	}
	c.draftKept = false
	if err := saveWorking(link); err != nil && c.workingErr == "" {
		c.workingErr = "Your work is not kept for a reload: " + err.Error() + ". Copy link or Save keeps it."
	}
}

// currentLink is the link fragment of the last valid scenario. It is
// encoded when asked for (the address bar, Copy link, Save), not on every
// evaluation: a first call under wasm also compiles the codec, which
// delayed start-up.
func (c *Calculator) currentLink() string {
	if c.link == "" && c.good != nil {
		c.link = engine.EncodeLink(c.good)
	}
	return c.link
}

// chartDelay is the scheduler's debounce: the queue after an edit (see
// schedule.go and refreshSecondary) starts once typing has paused this
// long. Redrawing the charts' hundreds of SVG nodes takes longer than a
// frame under wasm, so the headline figures update on every keystroke and
// the rest follows when typing pauses.
const chartDelay = 120 * time.Millisecond

// secondaryDelay is how long after an edit the computations start (the
// commitment sizing, the curves, the tornado, the Monte Carlo): they cost
// tens of milliseconds under wasm, more than a pause between two keys.
const secondaryDelay = 250 * time.Millisecond

// monthlyCharts are the charts drawn from the result alone: monthly cost,
// cost breakdown, capacity and cumulative discounted cash, in that order.
const monthlyCharts = 4

// chartFrame spaces the monthly charts' redraws: drawn in one go-app frame
// they blocked the page for 25–57 ms, which a key pressed then waited for.
const chartFrame = 17 * time.Millisecond // one frame at 60 Hz

// executor is how the scheduler's queue runs in the app: in a goroutine,
// sending its results back through the calculator's dispatch.
func (c *Calculator) executor(ctx ga.Context) executor {
	return executor{
		spawn: func(fn func()) { c.async(ctx, fn) },
		apply: func(fn func()) { c.dispatch(ctx, func(ga.Context) { fn() }) },
	}
}

// schedule starts a new queue after an edit (see schedule.go), cancelling
// the one under way; resume keeps what that one had not finished.
func (c *Calculator) schedule(ctx ga.Context, resume bool, jobs ...job) {
	c.sched.debounce = chartDelay
	c.sched.exec = c.executor(ctx)
	if resume {
		c.sched.resume(jobs...)
		return
	}
	c.sched.start(jobs...)
}

// refreshSecondary queues what follows the headline once typing pauses, in
// this order (the scheduler drops the queue at the next edit):
//
//  1. one a frame from chartDelay: the monthly cost chart (and, after
//     the first paint, the comparison table, which then follows every
//     edit), the address bar, the printed assumptions, the cost breakdown,
//     capacity and discounted cash charts;
//  2. from secondaryDelay after the edit: the commitment sizing, the cost
//     against volume, the cost against interactivity, the ranking's
//     robustness, the tornado and the summary's drivers;
//  3. the power card (its figures are computed here: see evaluateNow);
//  4. the Monte Carlo, when uncertainty is on.
func (c *Calculator) refreshSecondary(ctx ga.Context) {
	uncOnly := c.uncertaintyOnly
	c.uncertaintyOnly = false
	if c.result == nil || c.stale {
		return
	}
	rseq := c.resultSeq
	s, r := *c.good, c.result // the scenario just evaluated (the engine reads it, never writes)
	opt, metric := c.sensitivityTarget()
	sizeOpt, terms := c.sizingTarget(), c.commitTerms
	// frame is the n-th frame of the queue: each of the first jobs
	// changes hundreds of nodes or costs milliseconds under wasm, so each
	// gets a go-app frame of its own (go-app renders what a frame's
	// dispatches changed at once).
	frame := func(n int) time.Duration { return chartDelay + time.Duration(n)*chartFrame }
	chart := func(name string, k, n int) job {
		return job{name: name, notBefore: frame(n), run: func(q *run) {
			q.apply(func() { c.drawn[k] = drawnResult{c.resultSeq, c.result, c.good} })
		}}
	}
	jobs := []job{
		chart("chart-monthly", 0, 0),
		{name: "address", notBefore: frame(1), run: func(q *run) { q.apply(func() { c.writeURL(ctx) }) }},
		{name: "printed", notBefore: frame(2), run: func(q *run) {
			q.apply(func() {
				if c.good != nil {
					c.printed.rows = engine.ReportAssumptions(c.good)
					c.printed.link = shareURL(c.currentLink())
				}
			})
		}},
		chart("chart-breakdown", 1, 3),
		chart("chart-capacity", 2, 4),
		chart("chart-discounted", 3, 5),
		{name: "sizing", notBefore: secondaryDelay, run: func(q *run) {
			// The commitment sizing: a few milliseconds under wasm.
			z, zerr := sizeCommitment(&s, r, sizeOpt, terms)
			q.apply(func() {
				// Terms typed or an option picked since were sized at once (resize).
				if terms == c.commitTerms && sizeOpt == c.sizingTarget() {
					c.sizing, c.sizingErr = z, zerr
				}
			})
		}},
		{name: "volume", run: func(q *run) {
			curve, err := engine.VolumeCurve(&s, q.pace)
			if err == engine.ErrStopped {
				return
			}
			q.apply(func() {
				c.curve = curve
			})
		}},
		{name: "interactivity", run: func(q *run) {
			icurve, err := engine.InteractivityCurve(&s, q.pace)
			if err == engine.ErrStopped {
				return
			}
			q.apply(func() {
				c.icurve = icurve
			})
		}},
		{name: "robustness", run: func(q *run) {
			// Whether the ranking survives the estimates' validated error.
			if robust, err := engine.RankingUnderError(&s, r); err == nil {
				q.apply(func() {
					c.robust = robust
				})
			}
		}},
		{name: "tornado", run: func(q *run) {
			if opt < 0 {
				return
			}
			tor, err := engine.Sensitivity(&s, opt, metric, engine.DefaultSwingPercent, q.pace)
			if err == engine.ErrStopped {
				return
			}
			terr := ""
			if err != nil {
				terr = err.Error()
			}
			q.apply(func() {
				c.tornado, c.tornadoErr, c.tornadoOf = tor, terr, rseq
				if terr != "" && opt == r.Comparison.Cheapest && metric == engine.MetricCostPerMTokens {
					c.driversErrOf = rseq
				}
			})
		}},
		{name: "drivers", run: func(q *run) {
			// The summary names what drives the winner's cost per M tokens:
			// when the chart follows another option or metric, that
			// sensitivity is computed too.
			w := r.Comparison.Cheapest
			if opt == w && metric == engine.MetricCostPerMTokens {
				return
			}
			st, err := engine.Sensitivity(&s, w, engine.MetricCostPerMTokens, engine.DefaultSwingPercent, q.pace)
			if err == engine.ErrStopped {
				return
			}
			q.apply(func() {
				c.summaryTornado, c.summaryTornadoOf = st, rseq
				if err != nil {
					c.driversErrOf = rseq
				}
			})
		}},
		{name: "power", run: func(q *run) {
			pw, err := engine.PowerOf(&s, r)
			if err != nil {
				return // not for a scenario that evaluated
			}
			q.apply(func() {
				r.Power = pw
				c.powerOf = drawnResult{rseq, r, c.good}
			})
		}},
	}
	if !c.paced {
		jobs = append(jobs, paceCollector(func() { c.paced = true }))
	}
	if mc := c.refreshUncertainty(s); mc != nil {
		jobs = append(jobs, *mc)
	}
	if uncOnly { // the results stand: the rest of the last queue carries on
		c.schedule(ctx, true, uncertaintyJobs(jobs)...)
		return
	}
	c.schedule(ctx, false, jobs...)
}

// sizeCommitment sizes option i's commitment over the terms typed (none:
// the default ones); nil and no message when i is not a cloud option.
func sizeCommitment(s *engine.Scenario, r *engine.Result, i int, termsText string) (*engine.Sizing, string) {
	if i < 0 {
		return nil, ""
	}
	terms, err := engine.ParseTerms(termsText)
	if err != nil {
		return nil, "Terms: " + err.Error() + "."
	}
	z, err := engine.SizeCommitment(s, r, i, terms)
	if err != nil {
		return nil, err.Error()
	}
	return z, ""
}

// sizingTarget is the cloud option the commitment sizing follows: the
// user's choice, else the capacity chart's option when it rents, else the
// cheapest cloud option; -1 when none rents.
func (c *Calculator) sizingTarget() int {
	if c.result == nil {
		return -1
	}
	if i := c.sizeOption; i >= 0 && i < len(c.result.Options) && c.result.Options[i].Kind == engine.Cloud && c.result.Options[i].Infeasible == "" {
		return i
	}
	if i := c.capacityTarget(); i >= 0 && c.result.Options[i].Kind == engine.Cloud {
		return i
	}
	for _, i := range c.result.Comparison.Ranking {
		if c.result.Options[i].Kind == engine.Cloud {
			return i
		}
	}
	return -1
}

// painted reports whether the first paint is over: the comparison table
// and the monthly charts are left out of it (see refreshSecondary).
func (c *Calculator) painted() bool { return c.drawn[0].r != nil }

// sensitivityTarget is the option and metric the tornado follows: the
// user's choice, else the cheapest option.
func (c *Calculator) sensitivityTarget() (int, engine.Metric) {
	if c.result == nil {
		return -1, c.sensMetric
	}
	i := c.sensOption
	if i < 0 || i >= len(c.result.Options) || c.result.Options[i].Infeasible != "" {
		i = c.result.Comparison.Cheapest
	}
	return i, c.sensMetric
}

// capacityTarget is the self-hosted option the capacity chart shows. Like
// everything drawn from the results, it reads the scenario they were
// computed from (c.good), never the form, which may have changed since.
func (c *Calculator) capacityTarget() int {
	return c.capacityTargetIn(drawnResult{c.resultSeq, c.result, c.good})
}

// capacityTargetIn is capacityTarget for a result and its scenario.
func (c *Calculator) capacityTargetIn(d drawnResult) int {
	r, s := d.r, d.s
	if r == nil || s == nil {
		return -1
	}
	if i := c.capOption; i >= 0 && i < len(r.Options) && r.Options[i].Throughput != nil {
		return i
	}
	best := -1
	for _, i := range r.Comparison.Ranking {
		if r.Options[i].Throughput != nil {
			if best < 0 {
				best = i
			}
			if s.Options[i].CommitAccelerators.Set() {
				return i // a commitment is the interesting case
			}
		}
	}
	return best
}

func (c *Calculator) Render() ga.UI { return c.guardedRender(c.render) }

func (c *Calculator) render() ga.UI {
	class := "calc"
	if ga.IsClient {
		class += " live" // the app's own figures: web/boot.js's cover comes off
	}
	return ga.Div().Class(class).Body(
		// Shown instead of the prerendered default example while the app
		// loads a link or the working copy (web/boot.js, infercost.css).
		ga.P().Class("opening-note").Role("status").Body(
			ga.Span().Class("opening-link-note").Text("Opening the shared scenario…"),
			ga.Span().Class("opening-working-note").Text("Opening the scenario you were working on…"),
		),
		// A button, not a link to "#results": the fragment holds the
		// scenario, and go-app's handlers run too late to prevent a link's
		// default action.
		ga.Button().Type("button").Class("skip-link").ID("skip-link").Text("Skip to the results").OnClick(c.on(c.onSkip)),
		slot(c.crash != "", c.renderCrash),
		&toolbarView{C: c, Saved: c.saved.items, Problem: c.saved.problem, Notice: c.notice + c.importMsg},
		slot(c.badLink != "", func() ga.UI {
			return ga.Div().Class("banner error").ID("bad-link").Role("alert").Body(
				ga.P().Text(c.badLinkWhy+". "+c.badLinkShown+"; the link you opened is kept below."),
				ga.Label().For("bad-link-text").Text("Link you opened"),
				ga.Textarea().ID("bad-link-text").ReadOnly(true).Rows(2).Text(c.badLink),
			)
		}),
		slot(c.saved.problem != "", c.renderStorageProblem),
		slot(c.workingErr != "", func() ga.UI {
			return ga.Div().Class("banner").ID("working-error").Role("status").Text(c.workingErr)
		}),
		// The results come first in the page (the first thing a phone
		// shows, and the first a Tab reaches); a wide screen draws the
		// inputs to their left.
		ga.Div().Class("layout").Body(
			ga.Div().Class("results").ID(resultsID).TabIndex(-1).Aria("label", "Results").Body(c.renderResults()...),
			ga.Div().Class("inputs").Body(c.renderInputs()...),
		),
		&PrintedAssumptions{C: c, Rows: c.printed.rows, Link: c.printed.link},
	)
}

// resultsID is the results' element, the skip link's target.
const resultsID = "results"

// onSkip moves the focus to the results.
func (c *Calculator) onSkip(ctx ga.Context, e ga.Event) {
	if el := ga.Window().Get("document").Call("getElementById", resultsID); el.Truthy() {
		el.Call("focus")
	}
}

// slot holds what appears and disappears (a banner) in a wrapper that is
// always there. go-app matches children by position: an element that came
// and went before the form shifted it, and go-app rebuilt the whole form,
// losing the keys typed meanwhile.
func slot(show bool, body func() ga.UI) ga.UI {
	return ga.Div().Class("slot").Body(ga.If(show, body))
}

// ---------------------------------------------------------------------------
// Toolbar: examples, saved scenarios, link, files, print.

// toolbarView is the toolbar. Its fields are what it shows besides the
// built-in examples: a keystroke, which redraws the calculator, leaves it
// alone (it was 60 elements of every keystroke's redraw).
type toolbarView struct {
	ga.Compo
	C       *Calculator
	Saved   []savedScenario // c.saved.items: replaced, never changed in place
	Problem string          // c.saved.problem
	Notice  string          // c.notice + c.importMsg
}

func (v *toolbarView) Render() ga.UI { return v.C.guardedRender(v.C.renderToolbar) }

func (c *Calculator) renderToolbar() ga.UI {
	saved := c.saved.items
	return ga.Div().Class("toolbar no-print").Body(
		ga.Div().Class("tool").Body(
			ga.Button().ID("new-scenario").Type("button").Text("New scenario").OnClick(c.on(c.onNewScenario)),
			ga.Label().For("example").Text("Example"),
			ga.Select().ID("example").OnChange(c.on(func(ctx ga.Context, e ga.Event) {
				id := ctx.JSSrc().Get("value").String()
				ctx.JSSrc().Set("value", "")
				for _, ex := range engine.Examples {
					if ex.ID == id {
						s := ex.Scenario.Clone()
						c.f = formFrom(&s)
						c.reshaped(ctx)
						c.notice = ex.Story // what the example is for, in words
					}
				}
			})).Body(
				ga.Option().Value("").Text("Open an example…"),
				ga.Range(engine.Examples).Slice(func(i int) ga.UI {
					return ga.Option().Value(engine.Examples[i].ID).Text(engine.Examples[i].Title)
				}),
			),
		),
		ga.Div().Class("tool").Body(
			ga.Label().For("saved").Text("Saved"),
			ga.Select().ID("saved").OnChange(c.on(func(ctx ga.Context, e ga.Event) {
				v := ctx.JSSrc().Get("value").String()
				ctx.JSSrc().Set("value", "")
				for _, sv := range c.saved.items {
					if sv.key() == v {
						c.openSaved(ctx, sv)
					}
				}
			})).Body(
				ga.Option().Value("").Text(fmt.Sprintf("Open a saved scenario (%d of at most %d)…", len(saved), MaxSaved)),
				ga.Range(saved).Slice(func(i int) ga.UI {
					return ga.Option().Value(saved[i].key()).Text(saved[i].Name)
				}),
			),
			ga.Button().ID("save").Type("button").Text("Save").Disabled(c.saved.problem != "").OnClick(c.on(c.onSave)),
			ga.If(len(saved) > 0, func() ga.UI {
				return ga.Details().Class("manage").Body(
					ga.Summary().Text("Manage"),
					ga.Ul().ID("saved-list").Body(ga.Range(saved).Slice(func(i int) ga.UI {
						return c.renderSavedItem(i, saved[i])
					})),
				)
			}),
		),
		ga.Div().Class("tool").Body(
			ga.Button().ID("copy-link").Type("button").Class("primary").Text("Copy link").OnClick(c.on(c.onCopyLink)),
			ga.Button().ID("export-json").Type("button").Text("Export JSON").OnClick(c.on(c.onExportJSON)),
			ga.Label().Class("button").For("import-json").Text("Import JSON"),
			ga.Input().ID("import-json").Type("file").Accept(".json,application/json").Class("visually-hidden").OnChange(c.on(c.onImport)),
			ga.Button().ID("export-csv").Type("button").Text("Export CSV").OnClick(c.on(c.onExportCSV)),
			ga.Button().ID("print").Type("button").Text("Print report").OnClick(c.on(func(ctx ga.Context, e ga.Event) { ga.Window().Call("print") })),
		),
		ga.P().Class("notice").ID("notice").Aria("live", "polite").Text(c.notice+c.importMsg),
	)
}

// renderStorageProblem explains why saving is unavailable; unreadable saved
// data stays in place until the user downloads or clears it.
func (c *Calculator) renderStorageProblem() ga.UI {
	return ga.Div().Class("banner error").ID("storage-error").Role("alert").Body(
		ga.P().Text(c.saved.problem),
		ga.If(c.saved.corrupt != "", func() ga.UI {
			return ga.Div().Class("banner-actions").Body(
				ga.Button().ID("storage-download").Type("button").Text("Download the data").OnClick(c.on(func(ctx ga.Context, e ga.Event) {
					download("infercost-saved-scenarios.json", "application/json", c.saved.corrupt)
				})),
				ga.Button().ID("storage-clear").Type("button").Class("danger").Text("Clear it and start a new list").OnClick(c.on(func(ctx ga.Context, e ga.Event) {
					if err := clearCorrupt(); err != nil {
						c.notice = "Could not clear the saved data: " + err.Error() + "."
						return
					}
					c.saved = readSaved()
					c.notice = "The unreadable saved data was cleared."
				})),
			)
		}),
	)
}

func (c *Calculator) renderSavedItem(i int, sv savedScenario) ga.UI {
	id := fmt.Sprintf("saved-%d", i)
	k := sv.key()
	return ga.Li().Body(
		ga.Label().For(id).Class("visually-hidden").Text("Name of saved scenario "+fmt.Sprint(i+1)),
		ga.Input().ID(id).Type("text").Value(sv.Name).MaxLength(engine.MaxNameLen).OnChange(c.on(func(ctx ga.Context, e ga.Event) {
			name := strings.TrimSpace(ctx.JSSrc().Get("value").String())
			if name == "" || name == sv.Name {
				ctx.JSSrc().Set("value", sv.Name)
				return
			}
			name = truncateRunes(name, engine.MaxNameLen)
			c.editSaved(func(l []savedScenario) ([]savedScenario, error) { return renameSaved(l, k, name) }, "Renamed.")
		}), ga.EventScope(k)),
		ga.Span().Class("muted").Text(" saved "+sv.SavedAt+" "),
		ga.Button().Type("button").Class("danger").Text("Delete").Aria("label", "Delete "+sv.Name).OnClick(c.on(func(ctx ga.Context, e ga.Event) {
			c.editSaved(func(l []savedScenario) ([]savedScenario, error) { return deleteSaved(l, k) }, "Deleted “"+shortName(sv.Name)+"”.")
		}), ga.EventScope(k)),
	)
}

func (c *Calculator) openSaved(ctx ga.Context, sv savedScenario) {
	s, err := engine.DecodeLink(sv.Link)
	if err != nil {
		c.notice = "“" + shortName(sv.Name) + "” cannot be opened: " + err.Error() + "."
		return
	}
	c.f = formFrom(&s)
	c.reshaped(ctx)
	c.notice = "Opened “" + shortName(sv.Name) + "”."
}

func (c *Calculator) onSave(ctx ga.Context, e ga.Event) {
	link := c.currentLink()
	if link == "" {
		c.notice = "Nothing to save yet: fix the fields marked in red first."
		return
	}
	name := strings.TrimSpace(c.good.Name)
	if name == "" {
		name = "Untitled scenario"
	}
	entry := savedScenario{Name: name, Link: "#" + link, SavedAt: time.Now().Format("2006-01-02 15:04:05")}
	c.editSaved(func(l []savedScenario) ([]savedScenario, error) { return putSaved(l, entry) }, "Saved “"+shortName(name)+"” in this browser.")
}

// editSaved changes the stored list (merged with other tabs' changes) and
// shows the list as stored; on failure nothing changes but the message.
func (c *Calculator) editSaved(edit func([]savedScenario) ([]savedScenario, error), done string) {
	list, err := updateSaved(edit)
	if err != nil {
		c.saved = readSaved() // what is really stored
		c.notice = "Not saved: " + strings.TrimSuffix(err.Error(), ".") + "."
		return
	}
	c.saved = savedList{items: list}
	c.notice = done
}

func (c *Calculator) onCopyLink(ctx ga.Context, e ga.Event) {
	link := shareURL(c.currentLink())
	clip := ga.Window().Get("navigator").Get("clipboard")
	c.notice = "Link: " + link
	if clip.Truthy() {
		settle(clip.Call("writeText", link), func(ga.Value) {
			c.dispatch(ctx, func(ctx ga.Context) { c.notice = "Link copied. Anyone who opens it sees these numbers." })
		}, func(ga.Value) {
			// Refused (no permission, or the page not in front): the link
			// stays on the status line, to copy by hand.
			c.dispatch(ctx, func(ctx ga.Context) {
				c.notice = "The browser did not let the page copy the link; copy it from here: " + link
			})
		})
	}
}

// settle runs ok when the promise p resolves and fail when it is rejected
// (a rejection with no handler is an uncaught error in the console), and
// releases both functions after either.
func settle(p ga.Value, ok, fail func(ga.Value)) {
	var okFn, failFn ga.Func
	call := func(f func(ga.Value)) func(ga.Value, []ga.Value) any {
		return func(_ ga.Value, args []ga.Value) any {
			var arg ga.Value
			if len(args) > 0 {
				arg = args[0]
			}
			f(arg)
			okFn.Release()
			failFn.Release()
			return nil
		}
	}
	okFn, failFn = ga.FuncOf(call(ok)), ga.FuncOf(call(fail))
	p.Call("then", okFn, failFn)
}

func (c *Calculator) onExportJSON(ctx ga.Context, e ga.Event) {
	var b strings.Builder
	s := c.f.scenario()
	if err := engine.EncodeScenario(&b, &s); err != nil {
		c.notice = err.Error()
		return
	}
	download(fileName(s.Name, "json"), "application/json", b.String())
}

func (c *Calculator) onExportCSV(ctx ga.Context, e ga.Event) {
	if c.result == nil {
		return
	}
	var b strings.Builder
	// The report: the result's own scenario (the last valid one), its
	// assumptions and figures, as `infercost eval -format csv` writes it.
	// The Monte Carlo's spread once it has finished for this result;
	// before, the report lists the ranges and says they are not drawn.
	sim := c.sim
	if c.simTotal == 0 || c.simDone < c.simTotal || c.simErr != "" {
		sim = nil
	}
	// The power figures leave the keystroke path (the "power" job): a
	// click before that job has run works them out here, so that the
	// report is the CLI's whatever the timing.
	if c.result.Power == nil {
		if pw, err := engine.PowerOf(c.good, c.result); err == nil {
			c.result.Power = pw
		}
	}
	if err := engine.WriteReport(&b, c.good, c.result, sim); err != nil {
		c.notice = err.Error()
		return
	}
	download(fileName(c.result.Name, "csv"), "text/csv", b.String())
}

func (c *Calculator) onImport(ctx ga.Context, e ga.Event) {
	files := ctx.JSSrc().Get("files")
	if !files.Truthy() || files.Length() == 0 {
		return
	}
	file := files.Index(0)
	if size := file.Get("size").Int(); size > engine.MaxScenarioBytes {
		c.importMsg = fmt.Sprintf(" Import failed: the file is %d KiB; a scenario file is at most %d KiB.", size>>10, engine.MaxScenarioBytes>>10)
		return
	}
	settle(file.Call("text"), func(v ga.Value) {
		text := v.String()
		c.dispatch(ctx, func(ctx ga.Context) {
			c.importFile(ctx, text)
		})
	}, func(ga.Value) {
		// Unreadable (moved or deleted after it was chosen): said, not an
		// uncaught error in the console.
		c.dispatch(ctx, func(ga.Context) { c.importMsg = " Import failed: the file could not be read." })
	})
	ctx.JSSrc().Set("value", "")
}

// importFile opens a scenario file (or a link pasted into a file).
func (c *Calculator) importFile(ctx ga.Context, text string) {
	var s engine.Scenario
	var err error
	if t := strings.TrimSpace(text); strings.HasPrefix(t, "#") || strings.HasPrefix(t, "http") {
		s, err = engine.DecodeLink(t)
	} else {
		s, err = engine.DecodeScenario(strings.NewReader(text))
	}
	if err != nil {
		c.importMsg = " Import failed: " + err.Error() + ". Nothing was changed."
		return
	}
	c.importMsg = ""
	c.f = formFrom(&s)
	c.reshaped(ctx)
	c.notice = "Imported “" + shortName(s.Name) + "”."
	if c.errs != nil {
		c.notice += " It has problems, marked beside the fields."
	}
}

// shortName is a name as a message quotes it: never a whole long name, and
// never a character that could reorder or break the message (a name that
// validation has yet to refuse may hold one).
func shortName(name string) string {
	r := []rune(strings.Map(func(r rune) rune {
		if engine.UnsafeRune(r) {
			return '\uFFFD'
		}
		return r
	}, name))
	if len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return string(r)
}

func fileName(name, ext string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	base := strings.Trim(b.String(), "-")
	if base == "" {
		base = "scenario"
	}
	return "infercost-" + truncateRunes(base, 60) + "." + ext
}

// download hands the browser a file made in memory.
func download(name, mime, content string) {
	if !ga.IsClient {
		return
	}
	win := ga.Window()
	blob := win.Get("Blob").New([]any{content}, map[string]any{"type": mime + ";charset=utf-8"})
	href := win.Get("URL").Call("createObjectURL", blob)
	a := win.Get("document").Call("createElement", "a")
	a.Set("href", href)
	a.Set("download", name)
	a.Set("id", "last-download")
	win.Get("document").Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	exposeDownload(name, content)
	win.Get("URL").Call("revokeObjectURL", href)
}

// fieldErr is the message for a path, or "".
// Every message for the path is shown, so that the error summary's count
// is the number of messages on the page.
func (c *Calculator) fieldErr(path string) string {
	var msgs []string
	for _, e := range c.errs {
		if e.Path == path {
			msgs = append(msgs, e.Msg)
		}
	}
	return strings.Join(msgs, "; ")
}
