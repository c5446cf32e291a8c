package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/infercost/infercost/engine"
)

// goResumeRecorder times every entry of the JavaScript event loop into Go
// (wasm_exec.js's _resume: an event handler's callback, a timer, a posted
// message) and collects the runtime's GODEBUG trace lines (gctrace) as Go
// prints them, so that each long main-thread task of the page can be told
// apart: Go's own work (a slice of a job, a collection's mark or sweep)
// or the browser's. It wraps the Go class that wasm_exec.js defines, before
// any of the page's scripts run; GODEBUG reaches the program as the
// environment wasm_exec.js hands to it.
const goResumeRecorder = `(() => {
	const resumes = [], gcs = [];
	window.__goDiag = {resumes, gcs};
	const log = console.log;
	console.log = function (...a) {
		if (typeof a[0] === "string" && /^gc \d+ @/.test(a[0])) gcs.push([performance.now(), a[0]]);
		return log.apply(this, a);
	};
	const calls = [];
	window.__goDiag.calls = calls;
	for (const [o, m] of [[Storage.prototype, "setItem"], [Storage.prototype, "getItem"], [History.prototype, "replaceState"]]) {
		const f = o[m];
		o[m] = function (...a) { const t = performance.now(); try { return f.apply(this, a); } finally { calls.push([m, t, performance.now() - t, String(a[a.length - 1]).length]); } };
	}
	let G;
	Object.defineProperty(globalThis, "Go", {configurable: true, get() { return G; }, set(v) {
		G = class extends v {
			constructor() { super(); this.env = Object.assign({}, this.env, {GODEBUG: %q}); }
			_resume() {
				const t = performance.now(), n = gcs.length;
				super._resume();
				resumes.push([t, performance.now() - t, gcs.length - n]);
			}
		};
	}});
})();`

// TestDiagnoseMonteCarloGC types a new seed in a page that shows a finished
// Monte Carlo and reports every entry into Go of 20 ms or more during the
// new run, and whether a collection ended in it (gctrace's line, with its
// mark's wall time and heap sizes). INFERCOST_GCTRACE=1 runs it (a
// diagnosis, not a check: docs/performance.md quotes its figures);
// INFERCOST_GODEBUG replaces gctrace=1 (e.g. "gctrace=1,gcstoptheworld=1").
func TestDiagnoseMonteCarloGC(t *testing.T) {
	if os.Getenv("INFERCOST_GCTRACE") == "" {
		t.Skip("set INFERCOST_GCTRACE=1 to diagnose the Monte Carlo's long tasks")
	}
	godebug := "gctrace=1"
	if v := os.Getenv("INFERCOST_GODEBUG"); v != "" {
		godebug = v
	}
	s := Serve(t, BuildSite(t, wasmFile, "", "gcdiag"), "")
	mc := monteCarloScenario(referenceScenario(t))
	for round := range 3 {
		ctx := NewBrowser(t)
		if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: fmt.Sprintf(goResumeRecorder, godebug)}); err != nil {
			t.Fatal(err)
		}
		step(t, ctx, 3*time.Minute, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(&mc)), WaitApp(), WaitJS(monteCarloDone, 2*time.Minute))
		if os.Getenv("INFERCOST_GCTRACE") == "twice" {
			monteCarloLoop(t, ctx, 143+round)
		}
		t0 := eval[float64](t, ctx, `(() => { __goDiag.resumes.length = 0; __goDiag.gcs.length = 0; __goDiag.calls.length = 0; return performance.now(); })()`)
		r := monteCarloLoop(t, ctx, 43+round)
		d := readGoDiag(t, ctx, `JSON.stringify(__goDiag)`)
		marks := eval[string](t, ctx, fmt.Sprintf(`performance.getEntriesByType("mark").filter((m) => m.startTime >= %f).map((m) => m.name + "@" + (m.startTime - %f).toFixed(0)).join(" ")`, t0, t0))
		closeBrowser(ctx)
		var withGC, without []float64
		for _, x := range d.Resumes {
			if x[2] > 0 {
				withGC = append(withGC, x[1])
			} else {
				without = append(without, x[1])
			}
		}
		t.Logf("round %d: table at %.0f ms, longest gap %.1f ms; %d entries into Go, %d collections ended", round+1, r.Elapsed, r.Longest, len(d.Resumes), len(d.Gcs))
		t.Logf("  entries with a collection's end: n %d, median %.1f, max %.1f ms; without: n %d, median %.1f, p99 %.1f, max %.1f ms",
			len(withGC), median(withGC), percentile(withGC, 100), len(without), median(without), percentile(without, 99), percentile(without, 100))
		t.Logf("  entries of 20 ms or more (ms@ms after the seed typed; * a collection ended in it): %s", d.long(t0, 20))
		t.Logf("  marks: %s", marks)
		for _, c := range d.Calls {
			t.Logf("  call %v at %.0f: %.1f ms (%v chars)", c[0], c[1].(float64)-t0, c[2], c[3])
		}
		var early []string
		for _, x := range d.Resumes {
			if x[0]-t0 < 400 {
				early = append(early, fmt.Sprintf("%.1f@%.0f", x[1], x[0]-t0))
			}
		}
		t.Logf("  entries in the first 400 ms: %s", strings.Join(early, " "))
		d.logGCs(t, t0)
	}
}

// goDiag is what goResumeRecorder collected: each entry into Go (start,
// duration, collections that ended in it), gctrace's lines and the
// storage and address-bar calls, times in ms since navigation.
type goDiag struct {
	Resumes [][3]float64
	Gcs     [][2]any
	Calls   [][4]any
}

func readGoDiag(t *testing.T, ctx context.Context, js string) goDiag {
	t.Helper()
	var d goDiag
	if err := json.Unmarshal([]byte(eval[string](t, ctx, js)), &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// long lists the entries of min ms or more as duration@start (ms, start
// after t0), a * for each collection that ended in it.
func (d goDiag) long(t0, min float64) string {
	var long []string
	for _, x := range d.Resumes {
		if x[1] >= min {
			long = append(long, fmt.Sprintf("%.1f@%.0f%s", x[1], x[0]-t0, strings.Repeat("*", int(x[2]))))
		}
	}
	return strings.Join(long, " ")
}

func (d goDiag) logGCs(t *testing.T, t0 float64) {
	for _, g := range d.Gcs {
		t.Logf("  %.0f: %v", g[0].(float64)-t0, g[1])
	}
}
