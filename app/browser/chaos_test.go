package browser

// TestChaos drives the calculator with a random sequence of real user
// actions, drawn for a fixed seed from the weighted table in
// chaos_actions_test.go, and checks after every step, once the page has
// settled:
//   - no Go panic (wasm_exec.js prints it on the console before the
//     program exits) and no uncaught exception reached the console;
//   - the page's figures (every data-key of every #headline-N, the option
//     titles and the verdict) equal what the engine computes, as
//     `infercost eval` does, for the scenario in the address bar (the
//     default one when there is none or the page says it cannot be opened),
//     or, while #stale says the input is invalid, for the last valid
//     scenario; the form (name, labels, numeric inputs) shows that
//     scenario; Copy link, Export CSV and Export JSON give it;
//   - what was typed is in the field;
//   - Go still handles events: toggling a folded group adds or removes
//     its inputs within a bounded time.
//
// TestChaosScripts replays fixed step lists: the ones that found defects,
// and one that does every operation once.
//
// A short run (chaosDefaultSteps) is part of `go test`. A longer one, or a
// replay of a failure:
//
//	go test -run '^TestChaos$' -v -timeout 60m ./app/browser/ -chaos.seed=7 -chaos.steps=600
//	INFERCOST_CHAOS_SEED=7 INFERCOST_CHAOS_STEPS=600 go test -run '^TestChaos$' -v -timeout 60m ./app/browser/
//	INFERCOST_CHAOS_REPLAY=/tmp/infercost-chaos-7.json go test -run '^TestChaos$' -v ./app/browser/
//	go test -run '^TestChaos$' -v ./app/browser/ -chaos.skip=paste-hostile-link,load-link
//
// -chaos.seed=0 draws a seed from the clock and prints it; -chaos.skip
// leaves actions out while a defect they find is being fixed.

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/infercost/infercost/app"
	"github.com/infercost/infercost/engine"
)

var (
	chaosSeedFlag   = flag.String("chaos.seed", "", "seed of TestChaos (default $INFERCOST_CHAOS_SEED, else 1; 0 draws one from the clock)")
	chaosStepsFlag  = flag.Int("chaos.steps", 0, "steps of TestChaos (default $INFERCOST_CHAOS_STEPS, else a short run)")
	chaosSkipFlag   = flag.String("chaos.skip", "", "comma-separated actions TestChaos never draws, e.g. while a known defect is being fixed (default $INFERCOST_CHAOS_SKIP)")
	chaosReplayFlag = flag.String("chaos.replay", "", "replay the steps of a JSON file written by a failed TestChaos (default $INFERCOST_CHAOS_REPLAY)")
)

// chaosDefaultSteps keeps the default run under a minute on a 2-core
// machine (0.5 to 0.8 s a step), on top of building app.wasm.
const (
	chaosDefaultSeed  = 1
	chaosDefaultSteps = 50
)

// Bounds of the waits of one step.
const (
	chaosActionTimeout = 20 * time.Second // one action
	chaosLoadTimeout   = 60 * time.Second // a reload, until the app runs
	chaosSettleQuiet   = 250 * time.Millisecond
	chaosSettleTimeout = 15 * time.Second
	chaosProbeTimeout  = 5 * time.Second
	// chaosRecheck is how long a page whose figures disagree with the
	// engine is read again, in case it lags behind on a loaded machine.
	chaosRecheck = 3 * time.Second
)

func chaosConfig(t *testing.T) (seed uint64, steps int, replay string) {
	seedText := *chaosSeedFlag
	if seedText == "" {
		seedText = os.Getenv("INFERCOST_CHAOS_SEED")
	}
	seed = chaosDefaultSeed
	if seedText != "" {
		v, err := strconv.ParseUint(seedText, 10, 64)
		if err != nil {
			t.Fatalf("chaos seed %q: %v", seedText, err)
		}
		seed = v
		if seed == 0 {
			seed = uint64(time.Now().UnixNano())
		}
	}
	steps = *chaosStepsFlag
	if steps == 0 {
		if s := os.Getenv("INFERCOST_CHAOS_STEPS"); s != "" {
			v, err := strconv.Atoi(s)
			if err != nil || v < 1 {
				t.Fatalf("INFERCOST_CHAOS_STEPS=%q: want a positive number", s)
			}
			steps = v
		}
	}
	if steps <= 0 {
		steps = chaosDefaultSteps
	}
	replay = *chaosReplayFlag
	if replay == "" {
		replay = os.Getenv("INFERCOST_CHAOS_REPLAY")
	}
	return seed, steps, replay
}

// chaosSkip is the set of actions not to draw.
func chaosSkip(t *testing.T) map[string]bool {
	list := *chaosSkipFlag
	if list == "" {
		list = os.Getenv("INFERCOST_CHAOS_SKIP")
	}
	skip := map[string]bool{}
	for _, name := range strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == ' ' }) {
		found := false
		for _, a := range chaosActions {
			found = found || a.name == name
		}
		if !found {
			t.Fatalf("chaos skip: no action %q", name)
		}
		skip[name] = true
	}
	return skip
}

func TestChaos(t *testing.T) {
	seed, steps, replay := chaosConfig(t)
	var script []chaosStep
	if replay != "" {
		b, err := os.ReadFile(replay)
		if err != nil {
			t.Fatal(err)
		}
		var rec chaosRecord
		if err := json.Unmarshal(b, &rec); err != nil {
			t.Fatalf("%s: %v", replay, err)
		}
		script, seed, steps = rec.Steps, rec.Seed, len(rec.Steps)
		t.Logf("replaying %d steps of seed %d from %s", steps, seed, replay)
	}
	s := calcSite(t)
	ctx := NewBrowser(t)
	ch := newChaos(t, ctx, s, seed)
	ch.skip = chaosSkip(t)
	t.Logf("chaos seed %d, %d steps", seed, steps)
	start := time.Now()
	ch.start()
	for i := 0; i < steps; i++ {
		var st chaosStep
		if script != nil {
			st = script[i]
		} else {
			st = ch.plan()
		}
		ch.run(st)
	}
	ch.finish(time.Since(start))
}

// chaosStep is one concrete action: what the table drew, with everything
// needed to do it again (see chaos.do for the operations).
type chaosStep struct {
	Action string `json:"action"`           // the table's name for it
	Op     string `json:"op"`               // type, click, select, hash, load, import, reload, offline, online, back
	Target string `json:"target,omitempty"` // element id or selector, file name
	Value  string `json:"value,omitempty"`
	Mode   string `json:"mode,omitempty"` // keys or input; mouse or js; addressbar or js
	// Expect, in a script, is a JavaScript condition the page meets once
	// the step is done.
	Expect string `json:"expect,omitempty"`
}

func (s chaosStep) String() string {
	out := s.Action + ": " + s.Op
	if s.Target != "" {
		out += " " + s.Target
	}
	if s.Mode != "" {
		out += " (" + s.Mode + ")"
	}
	if s.Op != "import" || len(s.Value) <= 80 {
		if s.Value != "" || s.Op == "type" {
			out += " " + strconv.Quote(truncateRunesTest(s.Value, 120))
		}
	} else {
		out += fmt.Sprintf(" %d bytes %q…", len(s.Value), truncateRunesTest(s.Value, 40))
	}
	return out
}

func truncateRunesTest(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// chaosRecord is what a failed run writes, for INFERCOST_CHAOS_REPLAY.
type chaosRecord struct {
	Seed  uint64      `json:"seed"`
	Steps []chaosStep `json:"steps"`
}

type chaos struct {
	t    *testing.T
	ctx  context.Context
	site *Site
	rng  *rand.Rand
	seed uint64
	dir  string

	steps   []chaosStep
	console *chaosConsole
	skip    map[string]bool // actions not to draw

	// lastGood is the last scenario whose results the page showed fresh:
	// the page shows it, marked stale, while the input is invalid.
	lastGood *engine.Scenario
	offline  bool
	// firstEntry is the index in the session history of the app's first
	// page: back never goes further (to the blank page before it).
	firstEntry int

	// Statistics, to show the run compared what it claims.
	fresh, stale, noResults, figures, retries int
	scriptClicks                              int // mouse clicks done as script clicks
}

func newChaos(t *testing.T, ctx context.Context, s *Site, seed uint64) *chaos {
	return &chaos{t: t, ctx: ctx, site: s, seed: seed, dir: t.TempDir(),
		rng: rand.New(rand.NewPCG(seed, 0x1f2e3d4c5b6a7980)), console: listenConsole(ctx)}
}

// clipboardJS records what the page copies, then copies it as before.
const clipboardJS = `if (navigator.clipboard) {
	const write = navigator.clipboard.writeText.bind(navigator.clipboard);
	navigator.clipboard.writeText = (text) => { window.chaosClipboard = String(text); return write(text) };
}`

func (c *chaos) start() {
	ctx, cancel := context.WithTimeout(c.ctx, chaosActionTimeout)
	defer cancel()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: clipboardJS}); err != nil {
		c.fail("%v", err)
	}
	if err := c.waitLoad(chromedp.Navigate(c.site.URL)); err != nil {
		c.fail("loading the app: %v", err)
	}
	if err := c.noteFirstEntry(); err != nil {
		c.fail("%v", err)
	}
	c.check(nil)
}

func (c *chaos) finish(d time.Duration) {
	c.t.Logf("chaos seed %d: %d steps in %s (%.2f s a step); results fresh %d, stale %d, none %d; %d figures and verdicts compared; %d re-reads; %d mouse clicks on hidden elements done by script",
		c.seed, len(c.steps), d.Round(time.Second), d.Seconds()/float64(max(len(c.steps), 1)), c.fresh, c.stale, c.noResults, c.figures, c.retries, c.scriptClicks)
	counts := map[string]int{}
	for _, st := range c.steps {
		counts[st.Action]++
	}
	var drawn []string
	for _, a := range chaosActions {
		if counts[a.name] > 0 {
			drawn = append(drawn, fmt.Sprintf("%s %d", a.name, counts[a.name]))
		}
	}
	c.t.Logf("actions: %s", strings.Join(drawn, ", "))
	if len(c.steps) > 0 && c.figures == 0 {
		c.fail("no figure was compared in the whole run")
	}
}

func (c *chaos) run(st chaosStep) {
	c.steps = append(c.steps, st)
	c.console.mark(len(c.steps))
	if err := c.do(st); err != nil {
		if p := c.console.panicText(); p != "" {
			c.fail("step failed (%v) after a panic:\n%s", err, p)
		}
		c.fail("%v", err)
	}
	c.check(&st)
	if st.Expect != "" {
		ctx, cancel := context.WithTimeout(c.ctx, chaosActionTimeout)
		defer cancel()
		if err := chromedp.Do(ctx, WaitJS(st.Expect, 5*time.Second)); err != nil {
			c.fail("the step did not do what it should: %v", err)
		}
	}
}

// fail stops the run, with what is needed to replay it.
func (c *chaos) fail(format string, a ...any) {
	c.t.Helper()
	msg := fmt.Sprintf(format, a...)
	var b strings.Builder
	if c.seed != 0 {
		fmt.Fprintf(&b, "chaos seed %d, step %d: %s\n", c.seed, len(c.steps), msg)
	} else {
		fmt.Fprintf(&b, "chaos script, step %d: %s\n", len(c.steps), msg)
	}
	b.WriteString("steps so far:\n")
	for i, st := range c.steps {
		fmt.Fprintf(&b, "  %3d %s\n", i+1, st)
	}
	if c.seed != 0 { // a random run; scripts are rerun by name
		file := filepath.Join(os.TempDir(), fmt.Sprintf("infercost-chaos-%d.json", c.seed))
		if data, err := json.MarshalIndent(chaosRecord{Seed: c.seed, Steps: c.steps}, "", "  "); err == nil {
			if os.WriteFile(file, data, 0o644) == nil {
				fmt.Fprintf(&b, "replay these steps: INFERCOST_CHAOS_REPLAY=%s go test -run '^TestChaos$' -v ./app/browser/\n", file)
			}
		}
		fmt.Fprintf(&b, "rerun: go test -run '^TestChaos$' -v ./app/browser/ -chaos.seed=%d -chaos.steps=%d\n", c.seed, len(c.steps))
	}
	if p := c.console.panicText(); p == "" || !strings.Contains(msg, p) {
		if tail := c.console.tail(20); tail != "" {
			b.WriteString("console (last lines):\n" + tail)
		}
	}
	c.t.Fatal(b.String())
}

// ---------------------------------------------------------------------------
// Operations.

func (c *chaos) do(st chaosStep) error {
	ctx, cancel := context.WithTimeout(c.ctx, chaosActionTimeout)
	defer cancel()
	switch st.Op {
	case "type":
		return c.typeInto(ctx, st)
	case "click":
		// Forget the last file or copied link, so that the check sees
		// this one.
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`delete window.infercostLastDownload; delete window.chaosClipboard`)); err != nil {
			return err
		}
		return c.click(ctx, st.Target, st.Value, st.Mode)
	case "select":
		return c.js(ctx, fmt.Sprintf(`(() => { const el = document.querySelector(%s); if (!el) return false;
			if (/^\d+$/.test(%[2]s) && el.id === "saved") el.selectedIndex = +%[2]s; else el.value = %[2]s;
			el.dispatchEvent(new Event("change", {bubbles: true})); return true })()`, jsString(st.Target), jsString(st.Value)))
	case "hash":
		if st.Mode == "addressbar" {
			// What typing a link into the address bar does: for a link to
			// this page, a same-document navigation to the fragment.
			_, err := chromedp.Call(ctx, page.Navigate, page.NavigateParams{URL: c.site.URL + st.Value})
			return err
		}
		_, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`location.hash = %s`, jsString(st.Value))))
		return err
	case "import":
		file := filepath.Join(c.dir, st.Target)
		if err := os.WriteFile(file, []byte(st.Value), 0o644); err != nil {
			return err
		}
		return chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("import-json"), []string{file}))
	case "reload":
		c.lastGood = nil
		return c.waitLoad(chromedp.Reload())
	case "load":
		// A link opened in a new page load (from a bookmark, another
		// app): the app starts from it.
		c.lastGood = nil
		if err := c.waitLoad(chromedp.Steps(chromedp.Navigate("about:blank"), chromedp.Navigate(c.site.URL+st.Value))); err != nil {
			return err
		}
		return c.noteFirstEntry()
	case "back":
		_, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`history.back()`))
		return err
	case "offline":
		// The worker must hold the site before the network goes.
		if err := chromedp.Do(ctx, WaitJS(`navigator.serviceWorker.ready.then((r) => r.active && r.active.state === "activated")`, chaosActionTimeout)); err != nil {
			return err
		}
		c.offline = true
		return goOffline(ctx)
	case "online":
		c.offline = false
		return goOnline(ctx)
	}
	return fmt.Errorf("unknown operation %q", st.Op)
}

// noteFirstEntry notes where in the session history the app's page
// starts, once it is loaded.
func (c *chaos) noteFirstEntry() error {
	ctx, cancel := context.WithTimeout(c.ctx, chaosActionTimeout)
	defer cancel()
	first, err := chromedp.Run(ctx, chromedp.Evaluate[int](`navigation.currentEntry.index`))
	c.firstEntry = first
	return err
}

func (c *chaos) js(ctx context.Context, expr string) error {
	ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("%s: element not found", truncateRunesTest(expr, 200))
	}
	return nil
}

// typeInto types a value into an input: as key presses (after selecting
// the text, as a user replacing it would) or as one input event, which is
// what pasting or autofill deliver. Both respect maxlength, as a browser
// does for a user.
func (c *chaos) typeInto(ctx context.Context, st chaosStep) error {
	sel := "#" + st.Target
	if st.Mode == "keys" {
		if err := c.js(ctx, fmt.Sprintf(`(() => { const el = document.querySelector(%s); if (!el) return false;
			el.scrollIntoView({block: "center"}); el.focus(); el.select(); return true })()`, jsString(sel))); err != nil {
			return err
		}
		keys := st.Value
		if keys == "" {
			keys = "\b" // Backspace deletes the selection
		}
		if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(sel), keys)); err != nil {
			return err
		}
	} else if err := c.js(ctx, fmt.Sprintf(`(() => { const el = document.querySelector(%s); if (!el) return false;
		el.focus(); el.value = %s; el.dispatchEvent(new Event("input", {bubbles: true})); return true })()`, jsString(sel), jsString(truncateForInput(st.Value, st.Target)))); err != nil {
		return err
	}
	// The field holds what was typed (cut at its maxlength): otherwise the
	// step did not do what it says.
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector(%s).value`, jsString(sel))))
	if err != nil {
		return err
	}
	if want := truncateForInput(st.Value, st.Target); got != want {
		return fmt.Errorf("typed %q into %s (%s), the field shows %q", want, sel, st.Mode, got)
	}
	return nil
}

// truncateForInput is value as a browser lets a user type it into the
// input: a text input drops line breaks, and maxlength counts UTF-16 units
// (the app's text fields have one; numeric ones do not).
func truncateForInput(value, id string) string {
	value = strings.NewReplacer("\r", "", "\n", "").Replace(value)
	max := -1
	switch {
	case id == "scenario-name":
		max = engine.MaxNameLen
	case strings.HasSuffix(id, "-label"):
		max = engine.MaxLabelLen
	case strings.HasPrefix(id, "saved-"):
		max = engine.MaxNameLen
	}
	if max < 0 {
		return value
	}
	units := 0
	for i, r := range value {
		n := 1
		if r > 0xffff {
			n = 2
		}
		if units+n > max {
			return value[:i]
		}
		units += n
	}
	return value
}

// click clicks like a mouse (at the element's centre, once scrolled to
// it) or as a script would; a hidden or covered element (in a closed
// <details>, under a sticky bar) can only get the second. index, when set, picks one of the elements sel
// matches.
func (c *chaos) click(ctx context.Context, sel, index, mode string) error {
	el := fmt.Sprintf(`document.querySelector(%s)`, jsString(sel))
	if index != "" {
		el = fmt.Sprintf(`document.querySelectorAll(%s)[%s]`, jsString(sel), jsString(index))
	}
	if mode == "mouse" {
		at, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](fmt.Sprintf(`(() => { const el = %s;
			if (!el || !el.checkVisibility({contentVisibilityAuto: true, visibilityProperty: true})) return [];
			el.scrollIntoView({block: "center"}); const r = el.getBoundingClientRect();
			const x = r.left + r.width / 2, y = r.top + r.height / 2, hit = document.elementFromPoint(x, y);
			return hit && el.contains(hit) ? [x, y] : [] })()`, el)))
		if err != nil {
			return err
		}
		if len(at) == 2 {
			return chromedp.Do(ctx, chromedp.MouseClickXY(at[0], at[1]))
		}
		c.scriptClicks++
	}
	return c.js(ctx, fmt.Sprintf(`(() => { const el = %s; if (!el) return false; el.click(); return true })()`, el))
}

// waitLoad runs a navigation and waits until the app runs, failing early
// when the console shows a panic.
func (c *chaos) waitLoad(nav chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(c.ctx, chaosLoadTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, nav); err != nil {
		return err
	}
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById("app-wasm-loader") === null && document.getElementById("app-version") !== null`))
		if err == nil && ok {
			return nil
		}
		if p := c.console.panicText(); p != "" {
			return fmt.Errorf("the app did not start:\n%s", p)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("the app did not start within %s (last error: %v)", chaosLoadTimeout, err)
		case <-time.After(25 * time.Millisecond):
		}
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// ---------------------------------------------------------------------------
// Checks.

// chaosSnapshot is what the page shows once it has settled.
type chaosSnapshot struct {
	Hash      string          `json:"hash"`
	Stale     bool            `json:"stale"`
	BadLink   bool            `json:"badLink"`
	NoResults bool            `json:"noResults"`
	Verdict   *string         `json:"verdict"`
	Name      *string         `json:"name"`
	Notice    string          `json:"notice"`
	Inputs    [][3]string     `json:"inputs"` // data-path, value, placeholder
	Labels    []string        `json:"labels"`
	Headlines []chaosHeadline `json:"headlines"`
	Clipboard *string         `json:"clipboard"`
	Download  *chaosDownload  `json:"download"`
	TimedOut  bool            `json:"timedOut"`
	Working   string          `json:"working"` // the working copy's link in local storage, or ""
	UncErr    string          `json:"uncErr"`  // the Monte Carlo's error line, or ""
}

type chaosHeadline struct {
	ID      string      `json:"id"`
	Title   string      `json:"title"`
	Figures [][2]string `json:"figures"` // data-key, text
}

type chaosDownload struct {
	Name    string `json:"name"`
	Content string `json:"content"`
}

// settleJS resolves with a snapshot once the address bar and everything
// the checks read (and the status line, which an import changes) have not
// changed for a while: the app writes the address bar when typing pauses.
const settleJS = `new Promise((resolve) => {
	const q = (s) => document.querySelector(s);
	const snap = () => ({
		hash: location.hash,
		stale: q("#stale") !== null,
		badLink: q("#bad-link") !== null,
		noResults: q("#no-results") !== null,
		verdict: q("#verdict") ? q("#verdict").textContent : null,
		name: q("#scenario-name") ? q("#scenario-name").value : null,
		notice: (q("#notice") || {}).textContent || "",
		inputs: [...document.querySelectorAll("input[data-path]")].map((e) => [e.dataset.path, e.value, e.placeholder]),
		labels: [...document.querySelectorAll(".option-card .label-input")].map((e) => e.value),
		headlines: [...document.querySelectorAll("#headline .headline")].map((h) => ({
			id: h.id,
			title: (h.querySelector("h3") || {}).textContent || "",
			figures: [...h.querySelectorAll("[data-key]")].map((e) => [e.dataset.key, e.textContent]),
		})),
		clipboard: window.chaosClipboard === undefined ? null : window.chaosClipboard,
		download: window.infercostLastDownload ? {name: window.infercostLastDownload.name, content: window.infercostLastDownload.content} : null,
		uncErr: (q("#uncertainty-error") || {}).textContent || "",
		working: (() => { try { return JSON.parse(localStorage.getItem("infercost.working.v1") || "{}").link || "" } catch (e) { return "" } })(),
	});
	const sig = () => JSON.stringify(snap()) + (q("#app-wasm-loader") ? "loading" : "");
	const start = performance.now();
	let last = sig(), since = start;
	const tick = () => {
		const now = performance.now(), s = sig();
		if (s !== last) { last = s; since = now; }
		if (now - since >= QUIET && !q("#app-wasm-loader")) return resolve(snap());
		if (now - start > TIMEOUT) return resolve(Object.assign(snap(), {timedOut: true}));
		setTimeout(tick, 20);
	};
	setTimeout(tick, 20);
})`

func (c *chaos) settle() (chaosSnapshot, error) {
	ctx, cancel := context.WithTimeout(c.ctx, chaosSettleTimeout+5*time.Second)
	defer cancel()
	js := strings.NewReplacer("QUIET", strconv.Itoa(int(chaosSettleQuiet.Milliseconds())), "TIMEOUT", strconv.Itoa(int(chaosSettleTimeout.Milliseconds()))).Replace(settleJS)
	return chromedp.Run(ctx, chromedp.Evaluate[chaosSnapshot](js, chromedp.EvalAwaitPromise))
}

// probeJS checks that Go still handles events: it toggles the model's
// folded group, whose inputs exist only while Go renders it open. The
// browser alone would open the <details> but never add or remove them.
const probeJS = `(async () => {
	const fold = () => { const p = document.getElementById("model-preset"); const s = p && p.closest("section"); return s && s.querySelector("details.advanced") };
	const d = fold();
	if (!d) return "no model section on the page";
	const was = d.open;
	d.querySelector("summary").click();
	const end = performance.now() + TIMEOUT;
	while (performance.now() < end) {
		await new Promise((r) => setTimeout(r, 10));
		const f = fold();
		if (f && f.open === !was && (document.getElementById("m-layers") !== null) === !was) return "";
	}
	return "toggling the model's folded group: its inputs did not " + (was ? "go" : "appear") + " within TIMEOUT ms";
})()`

func (c *chaos) probe() error {
	ctx, cancel := context.WithTimeout(c.ctx, chaosProbeTimeout+5*time.Second)
	defer cancel()
	js := strings.ReplaceAll(probeJS, "TIMEOUT", strconv.Itoa(int(chaosProbeTimeout.Milliseconds())))
	msg, err := chromedp.Run(ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
	if err != nil {
		return err
	}
	if msg != "" {
		return errors.New("the app stopped responding: " + msg)
	}
	return nil
}

// check runs the checks after a step (nil: after loading).
func (c *chaos) check(st *chaosStep) {
	c.t.Helper()
	var snap chaosSnapshot
	var err error
	var firstMismatch time.Time
	for {
		snap, err = c.settle()
		if p := c.console.panicText(); p != "" {
			c.fail("the console shows a panic or an uncaught exception:\n%s", p)
		}
		if err != nil {
			c.fail("reading the page: %v", err)
		}
		if snap.TimedOut {
			c.fail("the page did not settle within %s", chaosSettleTimeout)
		}
		err = c.compare(snap, st)
		if err == nil {
			break
		}
		// Read again a little later, in case the page lags behind on a
		// loaded machine; a real mismatch stays.
		if firstMismatch.IsZero() {
			firstMismatch = time.Now()
		} else if time.Since(firstMismatch) > chaosRecheck {
			break
		}
		c.retries++
		time.Sleep(300 * time.Millisecond)
	}
	if err != nil {
		c.fail("%v\npage: address bar %s, stale %v, bad link %v, no results %v", err, truncateRunesTest(snap.Hash, 300), snap.Stale, snap.BadLink, snap.NoResults)
	}
	if err := c.probe(); err != nil {
		if p := c.console.panicText(); p != "" {
			c.fail("%v, after a panic:\n%s", err, p)
		}
		c.fail("%v", err)
	}
	if p := c.console.panicText(); p != "" {
		c.fail("the console shows a panic or an uncaught exception:\n%s", p)
	}
}

// compare checks the page's figures against the engine's for the scenario
// the page should show.
func (c *chaos) compare(snap chaosSnapshot, st *chaosStep) error {
	linked, linkErr := (*engine.Scenario)(nil), error(nil)
	if snap.Hash != "" && snap.Hash != "#" {
		s, err := engine.DecodeLink(snap.Hash)
		if err != nil {
			linkErr = err
		} else {
			linked = &s
		}
	}
	switch {
	case snap.NoResults:
		// Only an app that never had valid input since loading shows none.
		if len(snap.Headlines) > 0 || snap.Verdict != nil {
			return errors.New("#no-results shown together with results")
		}
		if c.lastGood != nil {
			return fmt.Errorf("no results shown, but the page showed results for %q since it loaded", c.lastGood.Name)
		}
		if linked != nil {
			if _, err := engine.Evaluate(linked); err == nil {
				return fmt.Errorf("no results shown for the valid scenario of the address bar %s", truncateRunesTest(snap.Hash, 200))
			}
		}
		c.noResults++
		return nil
	case snap.Stale:
		// The last valid input's results: the address bar's scenario if the
		// app wrote it (typing then broke a field), else the one before (a
		// pasted link or an imported file that does not validate).
		want := c.lastGood
		if linked != nil {
			if _, err := engine.Evaluate(linked); err == nil {
				want = linked
			}
		}
		if want == nil {
			return fmt.Errorf("results marked stale, but no valid scenario was shown since loading (address bar %s)", truncateRunesTest(snap.Hash, 200))
		}
		if err := c.compareResults(snap, want); err != nil {
			return fmt.Errorf("stale results: %w", err)
		}
		c.lastGood = want
		c.stale++
	default:
		want := linked
		switch {
		case snap.BadLink && st != nil && st.Op != "load" && st.Op != "reload" && c.lastGood != nil:
			want = c.lastGood // a link pasted into the running app changes nothing
		case snap.BadLink:
			// Opened at start-up: the working copy, else the default.
			def := engine.DefaultScenario()
			want = &def
			if w, err := engine.DecodeLink(snap.Working); snap.Working != "" && err == nil {
				if _, err := engine.Evaluate(&w); err == nil {
					want = &w
				}
			}
		case snap.Hash == "" || snap.Hash == "#":
			def := engine.DefaultScenario()
			want = &def
		case linkErr != nil:
			return fmt.Errorf("the address bar %s cannot be opened (%v) and the page does not say so", truncateRunesTest(snap.Hash, 200), linkErr)
		}
		if err := c.compareResults(snap, want); err != nil {
			return err
		}
		if err := checkInputs(snap, want); err != nil {
			return err
		}
		c.lastGood = want
		c.fresh++
	}
	if st == nil {
		return nil
	}
	switch st.Action {
	case "copy-link":
		// The link Copy link gave shows the page's figures.
		if snap.Clipboard == nil {
			return fmt.Errorf("Copy link put nothing on the clipboard (status line %q)", snap.Notice)
		}
		s, err := engine.DecodeLink(*snap.Clipboard)
		if err != nil {
			return fmt.Errorf("the copied link %s cannot be opened: %v", truncateRunesTest(*snap.Clipboard, 200), err)
		}
		if err := c.compareResults(snap, &s); err != nil {
			return fmt.Errorf("the copied link %s: %w", truncateRunesTest(*snap.Clipboard, 200), err)
		}
	case "export-csv":
		// The file Export CSV gave is the CLI's `eval -format csv`.
		r, err := engine.Evaluate(c.lastGood)
		if err != nil {
			return err
		}
		var want strings.Builder
		engine.WriteReport(&want, c.lastGood, r, nil)
		if snap.Download == nil || !strings.HasSuffix(snap.Download.Name, ".csv") {
			return errors.New("Export CSV gave no file")
		}
		if snap.Download.Content != want.String() && c.lastGood.Uncertainty != nil {
			// The Monte Carlo had finished: the report holds its spread.
			if sim, err := engine.Simulate(c.lastGood, nil); err == nil {
				want.Reset()
				engine.WriteReport(&want, c.lastGood, r, sim)
			}
		}
		if !sameReport(snap.Download.Content, want.String()) {
			return fmt.Errorf("Export CSV differs from the engine's CSV: %s", firstLineDiff(snap.Download.Content, want.String()))
		}
	case "export-json":
		// The file Export JSON gave is the input; when it is valid, it
		// shows the page's figures.
		if snap.Download == nil || !strings.HasSuffix(snap.Download.Name, ".json") {
			return errors.New("Export JSON gave no file")
		}
		if !snap.Stale {
			s, err := engine.DecodeScenario(strings.NewReader(snap.Download.Content))
			if err != nil {
				return fmt.Errorf("the exported file cannot be read: %v", err)
			}
			if err := c.compareResults(snap, &s); err != nil {
				return fmt.Errorf("the exported file: %w", err)
			}
		}
	}
	return nil
}

// compareResults compares the headline and the verdict with the engine's
// results for s, formatted as the app formats them.
func (c *chaos) compareResults(snap chaosSnapshot, s *engine.Scenario) error {
	r, err := engine.Evaluate(s)
	if err != nil {
		return fmt.Errorf("the page shows results, but the scenario it should show does not evaluate: %v", err)
	}
	if snap.Verdict == nil {
		return errors.New("no verdict on the page")
	}
	if want := app.Verdict(r); *snap.Verdict != want { // its sentence is tested in app
		return fmt.Errorf("verdict %q, want %q", *snap.Verdict, want)
	}
	if len(snap.Headlines) != len(r.Options) {
		return fmt.Errorf("%d headlines for %d options", len(snap.Headlines), len(r.Options))
	}
	n := 1 // the verdict
	// The cards come in the order of rank (the default), then the options
	// that cannot serve, as entered: headline-N is option N.
	order := slices.Clone(r.Comparison.Ranking)
	for i := range r.Options {
		if !r.Feasible(i) {
			order = append(order, i)
		}
	}
	for k, h := range snap.Headlines {
		i := order[k]
		if h.ID != fmt.Sprintf("headline-%d", i) {
			return fmt.Errorf("card %d has id %q, want headline-%d (rank %d)", k, h.ID, i, k+1)
		}
		if !r.Feasible(i) {
			// Its reason, and no figures.
			want := [][2]string{{"infeasible", "It cannot serve this workload, so it is left out of the comparison: " + r.Options[i].Infeasible}}
			if h.Title != r.Options[i].Label+"Cannot serve" || !slices.Equal(h.Figures, want) {
				return fmt.Errorf("card %d (option %d, cannot serve) shows %q %q, want %q", k, i, h.Title, h.Figures, want)
			}
			n++
			continue
		}
		want := chaosHeadlineFigures(r, i)
		title := r.Options[i].Label
		if r.Comparison.Options[i].Rank == 1 {
			title += "Cheapest"
		}
		if h.Title != title {
			return fmt.Errorf("headline %d title %q, want %q", i, h.Title, title)
		}
		if len(h.Figures) == 0 {
			return fmt.Errorf("headline %d (%s) has no figures", i, title)
		}
		got := map[string]string{}
		for _, f := range h.Figures {
			if _, dup := got[f[0]]; dup {
				return fmt.Errorf("headline %d shows %s twice", i, f[0])
			}
			got[f[0]] = f[1]
		}
		for _, kv := range want {
			g, ok := got[kv[0]]
			if !ok {
				return fmt.Errorf("headline %d (%s) lacks %s (want %q)", i, title, kv[0], kv[1])
			}
			if g != kv[1] {
				return fmt.Errorf("headline %d (%s) %s = %q, want %q", i, title, kv[0], g, kv[1])
			}
			delete(got, kv[0])
			n++
		}
		for k, v := range got {
			return fmt.Errorf("headline %d (%s) shows %s = %q, which the engine's result does not have", i, title, k, v)
		}
	}
	c.figures += n
	return nil
}

// checkInputs checks that the form shows the scenario whose results are
// on the page: the name, the labels and every numeric input present
// (a value equal to its preset is not in the link, which is normalized).
func checkInputs(snap chaosSnapshot, want *engine.Scenario) error {
	if snap.Name != nil && *snap.Name != want.Name {
		return fmt.Errorf("the name field shows %q, the scenario's name is %q", *snap.Name, want.Name)
	}
	if len(snap.Labels) != len(want.Options) {
		return fmt.Errorf("%d option cards for %d options", len(snap.Labels), len(want.Options))
	}
	for i, l := range snap.Labels {
		if l != want.Options[i].Label {
			return fmt.Errorf("option %d's label field shows %q, its label is %q", i, l, want.Options[i].Label)
		}
	}
	for _, in := range snap.Inputs {
		path, text, placeholder := in[0], in[1], in[2]
		if _, key, _ := engine.SplitOptionPath(path); path == "name" || key == "label" {
			continue // the text fields, checked above
		}
		n, ok := numAt(want, path)
		if !ok {
			return fmt.Errorf("the page has an input for %s, which the scenario does not have", path)
		}
		// Read as the page reads it: the input shows "1,234" when not
		// being edited, and takes "1.2k", "30%" or "$2".
		shown := engine.ParseEntry(text, engine.FieldAt(path))
		switch {
		case text == "" && n.Set():
			return fmt.Errorf("the input for %s is empty, the scenario has %s", path, n.Dec())
		case text == "":
		case !shown.Set() && strings.HasPrefix(path, "uncertainty"):
			// The point results do not read the ranges: the link holds the
			// value as empty (the decoder refuses such text), and the
			// Monte Carlo names the field instead of running.
			if n.Set() || snap.UncErr == "" {
				return fmt.Errorf("the input for %s shows %q, which is no number, and the Monte Carlo does not say so (its error line %q; the link's value %s)", path, text, snap.UncErr, n.Dec())
			}
		case !shown.Set():
			return fmt.Errorf("the input for %s shows %q, which is no number, and the results are not stale", path, text)
		case n.Set() && !n.Dec().Equal(shown.Dec()):
			return fmt.Errorf("the input for %s shows %q, the scenario has %s", path, text, n.Dec())
		case !n.Set():
			// Normalized away: it must be the preset the placeholder shows.
			if def := engine.ParseEntry(placeholder, engine.FieldAt(path)); !def.Set() || !def.Dec().Equal(shown.Dec()) {
				return fmt.Errorf("the input for %s shows %q, the scenario has no value there (its preset is %q)", path, text, placeholder)
			}
		}
	}
	return nil
}

// numAt is the value of the numeric field at a form path in s.
func numAt(s *engine.Scenario, path string) (engine.Num, bool) {
	if strings.HasPrefix(path, "uncertainty") {
		return uncertaintyNumAt(s, path)
	}
	if key, ok := strings.CutPrefix(path, "workload."); ok {
		for _, f := range engine.WorkloadFields {
			if f.Key == key {
				return *f.Get(&s.Workload), true
			}
		}
	}
	if key, ok := strings.CutPrefix(path, "model."); ok {
		for _, f := range engine.ModelFields {
			if f.Key == key {
				return *f.Get(&s.Model), true
			}
		}
	}
	if key, ok := strings.CutPrefix(path, "revenue."); ok && s.Revenue != nil {
		for _, f := range engine.RevenueFields {
			if f.Key == key {
				return *f.Get(s.Revenue), true
			}
		}
	}
	if i, rest, ok := engine.SplitOptionPath(path); ok && i < len(s.Options) {
		o := &s.Options[i]
		if key, ok := strings.CutPrefix(rest, "accelerator."); ok {
			for _, f := range engine.AcceleratorFields {
				if f.Key == key {
					if o.Accelerator == nil {
						return engine.Num{}, o.Kind.SelfHosted()
					}
					return *f.Get(o.Accelerator), true
				}
			}
		}
		for _, f := range engine.OptionFields {
			if f.Key == rest {
				return *f.Get(o), f.AppliesTo(o.Kind)
			}
		}
		// A commitment tier beyond the first: "commitments[2].months".
		if idx, key, ok := strings.Cut(strings.TrimPrefix(rest, "commitments["), "]."); ok && strings.HasPrefix(rest, "commitments[") {
			t, err := strconv.Atoi(idx)
			if err != nil || t < 0 || t >= len(o.Commitments) {
				return engine.Num{}, false
			}
			for _, f := range engine.CommitmentFields {
				if f.Key == key {
					return *f.Get(&o.Commitments[t]), true
				}
			}
		}
	}
	return engine.Num{}, false
}

// uncertaintyNumAt is the number at an uncertainty input's path: the seed,
// the sample count, or a range's side ("uncertainty[options[0].hourly_rate].low");
// a range the scenario does not hold is an empty row of the section.
func uncertaintyNumAt(s *engine.Scenario, path string) (engine.Num, bool) {
	u := s.Uncertainty
	if u == nil {
		u = &engine.Uncertainty{}
	}
	switch path {
	case "uncertainty.seed":
		return u.Seed, true
	case "uncertainty.samples":
		return u.Samples, true
	}
	rest, ok := strings.CutPrefix(path, "uncertainty[")
	k := strings.LastIndex(rest, "].")
	if !ok || k < 0 {
		return engine.Num{}, false
	}
	target, side := rest[:k], rest[k+2:]
	for _, r := range u.Ranges {
		if r.Path != target {
			continue
		}
		switch side {
		case "low":
			return r.Low, true
		case "mode":
			return r.Mode, true
		case "high":
			return r.High, true
		}
		return engine.Num{}, false
	}
	return engine.Num{}, side == "low" || side == "mode" || side == "high"
}

// chaosHeadlineFigures lists the figures of option i's headline, by their
// data-key, as app/results.go shows them.
func chaosHeadlineFigures(r *engine.Result, i int) [][2]string {
	o := r.Options[i]
	v := r.Comparison.Options[i]
	out := [][2]string{
		{"cost_per_m_tokens", engine.Money(o.CostPerMTokens)},
		{"first_month_cost", engine.Money(o.FirstMonthCost)},
		{"last_month_cost", engine.Money(o.LastMonthCost)},
		{"total_cost", engine.Money(o.TotalCost)},
		{"cost_per_1k_requests", engine.Money(o.CostPer1kRequests)},
	}
	// A hybrid's headline shows its fleet's peak and utilization too (its
	// layers' own figures are in its table).
	if o.Throughput != nil || o.Hybrid != nil && o.AverageUtilization != nil {
		out = append(out, [2]string{"peak_accelerators", engine.Count(o.PeakAccelerators, 0)},
			[2]string{"average_utilization", engine.Percent(*o.AverageUtilization)})
	}
	if o.TotalMargin != nil && o.MarginShare != nil {
		out = append(out, [2]string{"margin", engine.Money(*o.TotalMargin) + " (" + engine.Percent(*o.MarginShare) + ")"})
	}
	if o.StrandedTotal.Sign() > 0 {
		out = append(out, [2]string{"stranded", engine.Money(o.StrandedTotal)})
	}
	// The finance view: net present cost always; with revenue the NPV,
	// the discounted payback month and the IRR (or why there is none).
	out = append(out, [2]string{"net_present_cost", engine.Money(o.NetPresentCost)})
	if o.NPV != nil {
		payback := "not within the horizon"
		if o.DiscountedPaybackMonth != nil {
			payback = fmt.Sprintf("month %d", *o.DiscountedPaybackMonth)
		}
		irr := o.IRRNote
		if o.IRR != nil {
			irr = engine.Percent(*o.IRR) + " a year"
			if o.IRRNote != "" {
				irr += " (" + o.IRRNote + ")"
			}
		}
		out = append(out, [2]string{"npv", engine.Money(*o.NPV)}, [2]string{"discounted_payback_month", payback}, [2]string{"irr", irr})
	}
	if v.BreakEvenRequestsPerDay != nil {
		out = append(out, [2]string{"break_even_volume", engine.Count(*v.BreakEvenRequestsPerDay, 0) + " requests/day"})
	} else if o.Throughput != nil && r.Comparison.APIOption != nil {
		out = append(out, [2]string{"break_even_volume", "never"})
	}
	if (o.Throughput != nil || o.Hybrid != nil) && r.Comparison.APIOption != nil {
		// The prices the break-even volume assumes (for a hybrid, why it
		// has none), and its methodology link.
		basis := "Break-even against the API: " + v.BreakEvenBasis + "."
		if cv := engine.BreakEvenCaveat(r, i); cv != "" {
			basis += " " + strings.ToUpper(cv[:1]) + cv[1:] + "."
		}
		out = append(out, [2]string{"break_even_basis", basis + " How it is found"})
	}
	if o.Throughput != nil && o.Pools != nil {
		out = append(out, [2]string{"pools", "Served disaggregated, in units of " + o.Pools.String() + ": " + o.Pools.Detail() + "."})
	}
	if o.Throughput != nil && o.Accuracy != nil {
		// The note's paragraphs, one after the other (accuracyNote).
		text := "Throughput estimate: " + o.Accuracy.Band() + "."
		if o.Accuracy.TPOT != nil {
			tpot := "Time per output token: " + o.Accuracy.TPOT.Sentence() + "."
			text += tpot
			out = append(out, [2]string{"tpot-accuracy", tpot})
		}
		if o.Accuracy.TTFT != nil {
			ttft := "Time to first token: " + o.Accuracy.TTFT.Sentence() + "."
			text += ttft
			out = append(out, [2]string{"ttft-accuracy", ttft})
		}
		for _, why := range o.Accuracy.Outside {
			text += "Outside validation: " + why + "."
		}
		out = append(out, [2]string{"accuracy", text})
	}
	return out
}

// ---------------------------------------------------------------------------
// Console.

// chaosConsole keeps what the page wrote to the console, each line with the
// step it arrived in, and notices what IsFailure reports: a Go panic (which
// wasm_exec.js prints with console.log before the program exits), one the
// app recovered from, or an uncaught exception.
type chaosConsole struct {
	mu     sync.Mutex
	step   int
	lines  []string
	panics []int // indexes in lines
}

func listenConsole(ctx context.Context) *chaosConsole {
	c := &chaosConsole{}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			c.add(m)
		}
	}()
	return c
}

func (c *chaosConsole) mark(step int) {
	c.mu.Lock()
	c.step = step
	c.mu.Unlock()
}

func (c *chaosConsole) add(m chromedp.ConsoleMessage) {
	text := m.Text
	if m.IsException() && m.Exception != nil && m.Exception.Exception != nil && m.Exception.Exception.Description != "" {
		text = m.Exception.Exception.Description
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if IsFailure(m) {
		c.panics = append(c.panics, len(c.lines))
	}
	c.lines = append(c.lines, fmt.Sprintf("[step %d] %s: %s", c.step, m.Type, text))
}

// panicText is the first panic or exception and the lines after it, or "".
func (c *chaosConsole) panicText() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.panics) == 0 {
		return ""
	}
	i := c.panics[0]
	end := min(len(c.lines), i+16)
	return strings.Join(c.lines[i:end], "\n")
}

func (c *chaosConsole) tail(n int) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var b strings.Builder
	for _, l := range c.lines[max(0, len(c.lines)-n):] {
		b.WriteString("  " + truncateRunesTest(l, 600) + "\n")
	}
	return b.String()
}

// chaosScripts are fixed step lists, replayed as they are on every run:
// the sequences that found defects, and one that does every operation
// once (so that an operation that silently stopped working shows). Option
// ids count from 1 in the order a scenario lists its options: the default
// scenario has o1 (Token API), o2 and o3 (H100s); the next added is o4.
var chaosScripts = []struct {
	name  string
	steps []chaosStep
}{
	{"invalid input, then remove the last options", []chaosStep{
		{Action: "type-invalid-number", Op: "type", Target: "w-requests_per_day", Value: "abc", Mode: "keys"},
		{Action: "remove-option", Op: "click", Target: "#o3-remove", Mode: "mouse"},
		{Action: "remove-option", Op: "click", Target: "#o2-remove", Mode: "mouse"},
	}},
	{"remove the last option", []chaosStep{
		{Action: "remove-option", Op: "click", Target: "#o3-remove", Mode: "mouse"},
		{Action: "copy-link", Op: "click", Target: "#copy-link", Mode: "mouse"},
	}},
	{"reset a field to its preset", []chaosStep{
		{Action: "type-number", Op: "type", Target: "w-horizon_months", Value: "12", Mode: "keys"},
		{Action: "reset-number", Op: "click", Target: "#w-horizon_months + button.reset", Mode: "mouse"},
	}},
	{"duplicate an option", []chaosStep{
		{Action: "type-number", Op: "type", Target: "o3-hourly_rate", Value: "2.69", Mode: "keys"},
		{Action: "duplicate-option", Op: "click", Target: "#o1-duplicate", Mode: "mouse"},
	}},
	{"type after opening a bad link", []chaosStep{
		{Action: "paste-hostile-link", Op: "hash", Value: "#garbage", Mode: "js"},
		{Action: "type-number", Op: "type", Target: "w-requests_per_day", Value: "123456", Mode: "keys"},
	}},
	{"open a link after editing", []chaosStep{
		{Action: "type-number", Op: "type", Target: "w-monthly_growth", Value: "0.2", Mode: "input"},
		{Action: "paste-link", Op: "hash", Value: "#" + engine.EncodeLink(&engine.Examples[2].Scenario), Mode: "addressbar"},
	}},
	{"paste #%", []chaosStep{{Action: "paste-hostile-link", Op: "hash", Value: "#%", Mode: "addressbar"}}},
	{"paste #1r.n=100%", []chaosStep{{Action: "paste-hostile-link", Op: "hash", Value: "#1r.n=100%", Mode: "js"}}},
	{"paste #1r.n=50%off~x", []chaosStep{{Action: "paste-hostile-link", Op: "hash", Value: "#1r.n=50%off~x", Mode: "addressbar"}}},
	{"load #%", []chaosStep{{Action: "load-link", Op: "load", Value: "#%"}}},
	{"import null", []chaosStep{{Action: "import-file", Op: "import", Target: "null.json", Value: "null"}}},
	{"every operation", []chaosStep{
		{Action: "type-number", Op: "type", Target: "w-requests_per_day", Value: "200000", Mode: "keys"},
		{Action: "type-name", Op: "type", Target: "scenario-name", Value: "Script ✓ 日本", Mode: "input"},
		{Action: "save", Op: "click", Target: "#save", Mode: "mouse", Expect: `document.querySelectorAll("#saved-list li").length === 1`},
		{Action: "add-option", Op: "click", Target: "#add-owned", Mode: "mouse", Expect: `document.querySelectorAll(".option-card").length === 4`},
		{Action: "switch-kind", Op: "select", Target: "#o4-kind", Value: "cloud", Expect: `document.getElementById("o4-hourly_rate") !== null`},
		{Action: "switch-accelerator", Op: "select", Target: "#o4-accel", Value: "mi300x", Expect: `document.getElementById("o4-accel").value === "mi300x"`},
		{Action: "move-option-up", Op: "click", Target: `#option-4 button[aria-label="Move up"]`, Mode: "mouse", Expect: `document.querySelectorAll(".option-card")[2].id === "option-4"`},
		{Action: "duplicate-option", Op: "click", Target: "#o4-duplicate", Mode: "js", Expect: `document.querySelectorAll(".option-card").length === 5`},
		{Action: "type-label", Op: "type", Target: "o5-label", Value: "Ünïcode label", Mode: "keys"},
		{Action: "switch-model", Op: "select", Target: "#model-preset", Value: "qwen3-32b", Expect: `document.getElementById("model-preset").value === "qwen3-32b"`},
		{Action: "toggle-revenue", Op: "click", Target: "#revenue-on", Mode: "mouse", Expect: `!document.getElementById("revenue-on").checked && document.getElementById("r-price_input_per_m") === null`},
		{Action: "toggle-fold", Op: "click", Target: "details.advanced > summary", Value: "1", Mode: "mouse"},
		{Action: "pick-chart", Op: "select", Target: "#tornado-metric", Value: string(engine.MetricPeakAccelerators), Expect: `document.getElementById("tornado-metric").value === "peak_accelerators"`},
		{Action: "copy-link", Op: "click", Target: "#copy-link", Mode: "mouse"},
		{Action: "export-csv", Op: "click", Target: "#export-csv", Mode: "mouse"},
		{Action: "export-json", Op: "click", Target: "#export-json", Mode: "js"},
		{Action: "open-saved", Op: "select", Target: "#saved", Value: "1", Expect: `document.getElementById("scenario-name").value === "Script ✓ 日本" && document.querySelectorAll(".option-card").length === 3`},
		{Action: "rename-saved", Op: "select", Target: "#saved-0", Value: "Renamed", Expect: `JSON.parse(localStorage.getItem("infercost.saved.v1"))[0].name === "Renamed"`},
		{Action: "delete-saved", Op: "click", Target: "#saved-list button.danger", Value: "0", Mode: "mouse", Expect: `document.querySelectorAll("#saved-list li").length === 0`},
		{Action: "paste-link", Op: "hash", Value: "#" + engine.EncodeLink(&engine.Examples[2].Scenario), Mode: "addressbar", Expect: nameIs(engine.Examples[2].Scenario.Name)},
		{Action: "paste-hostile-link", Op: "hash", Value: "#garbage", Mode: "js", Expect: `document.getElementById("bad-link") !== null`},
		{Action: "back", Op: "back", Expect: nameIs(engine.Examples[2].Scenario.Name) + ` && document.getElementById("bad-link") === null`},
		{Action: "import-file", Op: "import", Target: "bom.json", Value: "\ufeff" + chaosScenarioFile(&engine.Examples[1].Scenario), Expect: nameIs(engine.Examples[1].Scenario.Name)},
		{Action: "open-example", Op: "select", Target: "#example", Value: engine.Examples[3].ID, Expect: nameIs(engine.Examples[3].Scenario.Name)},
		{Action: "go-offline", Op: "offline", Expect: `navigator.onLine === false`},
		{Action: "reload", Op: "reload"},
		{Action: "type-number", Op: "type", Target: "w-requests_per_day", Value: "1000", Mode: "keys"},
		{Action: "type-number", Op: "type", Target: "w-requests_per_day", Value: "2000", Mode: "input", Expect: nameIs(engine.Examples[3].Scenario.Name)},
		{Action: "go-online", Op: "online", Expect: `navigator.onLine === true`},
		{Action: "reload", Op: "reload"},
	}},
}

func nameIs(name string) string {
	return fmt.Sprintf(`document.getElementById("scenario-name").value === %s`, jsString(name))
}

func chaosScenarioFile(s *engine.Scenario) string {
	var b strings.Builder
	if err := engine.EncodeScenario(&b, s); err != nil {
		panic(err)
	}
	return b.String()
}

func TestChaosScripts(t *testing.T) {
	s := calcSite(t)
	for _, tc := range chaosScripts {
		t.Run(tc.name, func(t *testing.T) {
			ch := newChaos(t, NewBrowser(t), s, 0)
			ch.start()
			for _, st := range tc.steps {
				ch.run(st)
			}
		})
	}
}

// firstLineDiff names the first line where got and want differ, with both
// versions of it (a whole report would be truncated before its difference).
func firstLineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl || i >= len(g) || i >= len(w) {
			return fmt.Sprintf("line %d of %d (want %d):\n got %q\nwant %q", i+1, len(g), len(w), truncateRunesTest(gl, 400), truncateRunesTest(wl, 400))
		}
	}
	return "no line differs"
}

// sameReport is got == want, but for what the mirror cannot know: the
// mirror's scenario comes from the page's link, which writes a range value,
// seed or sample count typed as text that is not a number as empty (the
// link decoder refuses such text), while the page's report, like the CLI's
// on the page's JSON file, lists the text as typed. Only the rows after the
// report's "uncertainty" line, and only fields that are empty in want and
// not a number in got, may differ.
func sameReport(got, want string) bool {
	if got == want {
		return true
	}
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	if len(g) != len(w) {
		return false
	}
	inRanges := false
	for i := range g {
		if w[i] == "uncertainty" {
			inRanges = true
		}
		if g[i] == w[i] {
			continue
		}
		if !inRanges {
			return false
		}
		gf, err1 := csv.NewReader(strings.NewReader(g[i])).Read()
		wf, err2 := csv.NewReader(strings.NewReader(w[i])).Read()
		if err1 != nil || err2 != nil || len(gf) != len(wf) {
			return false
		}
		for j := range gf {
			if gf[j] != wf[j] && (wf[j] != "" || engine.ParseNum(gf[j]).Set()) {
				return false
			}
		}
	}
	return true
}
