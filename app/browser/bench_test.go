package browser

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/infercost/infercost/app/site"
	"github.com/infercost/infercost/engine"
)

// TestBenchReport measures what `make bench` reports: app.wasm sizes and
// load times against a minimal go-app page built in the same run, and the
// time from a keystroke to painted results. It is a report, not a timed
// test: it fails only if it cannot measure. Run with INFERCOST_BENCH=1.
func TestBenchReport(t *testing.T) {
	if os.Getenv("INFERCOST_BENCH") == "" {
		t.Skip("set INFERCOST_BENCH=1 (make bench) to measure")
	}
	baseWasm := filepath.Join(t.TempDir(), "baseline.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-o", baseWasm, "./testdata/baseline")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the baseline: %v\n%s", err, out)
	}
	ours, baseline := t.TempDir(), t.TempDir()
	start := time.Now()
	repO, err := site.Build(site.Options{Out: ours, Version: "bench", Wasm: wasmFile})
	if err != nil {
		t.Fatal(err)
	}
	repB, err := site.Build(site.Options{Out: baseline, Version: "bench-baseline", Wasm: baseWasm})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("release builds (brotli 11) of both sites: %s", time.Since(start).Round(time.Second))
	t.Logf("app.wasm      raw %9d  gzip %9d  brotli %9d", repO.WasmBytes, repO.GzBytes, repO.BrBytes)
	t.Logf("baseline.wasm raw %9d  gzip %9d  brotli %9d", repB.WasmBytes, repB.GzBytes, repB.BrBytes)
	t.Logf("brotli ratio to baseline: %.3f (target ≤ 1.2)", float64(repO.BrBytes)/float64(repB.BrBytes))

	so, sb := Serve(t, ours, ""), Serve(t, baseline, "")
	const runs = 5
	coldO, warmO := loadTimes(t, so.URL, runs)
	coldB, warmB := loadTimes(t, sb.URL, runs)
	t.Logf("navigation → interactive, median of %d (ms): infercost cold %.0f, from the worker %.0f; baseline cold %.0f, from the worker %.0f",
		runs, median(coldO), median(warmO), median(coldB), median(warmB))
	t.Logf("cold load ratio to baseline: %.2f (target ≤ 1.3)", median(coldO)/median(coldB))

	keys := keystrokeTimes(t, so.URL, 60)
	t.Logf("keystroke → results painted over %d edits of the reference scenario (ms): median %.1f, p95 %.1f, max %.1f (target p95 < 16)",
		len(keys), median(keys), percentile(keys, 95), percentile(keys, 100))
}

// loadTimes opens url in fresh browsers: the first load of each is cold,
// the second is served by the worker.
func loadTimes(t *testing.T, url string, runs int) (cold, warm []float64) {
	ready := `new Promise((r) => { const f = () => document.getElementById("app-wasm-loader") ? requestAnimationFrame(f) : r(performance.now()); f() })`
	for i := 0; i < runs; i++ {
		ctx := NewBrowser(t)
		c, cancel := context.WithTimeout(ctx, 2*time.Minute)
		if err := chromedp.Do(c, chromedp.Navigate(url)); err != nil {
			t.Fatal(err)
		}
		cold = append(cold, eval[float64](t, c, ready))
		if err := chromedp.Do(c, WaitWorker(), chromedp.Navigate("about:blank"), chromedp.Navigate(url)); err != nil {
			t.Fatal(err)
		}
		warm = append(warm, eval[float64](t, c, ready))
		cancel()
	}
	return cold, warm
}

// keystrokeTimes edits the requests a day of the reference scenario n times
// and measures, in the page, from the input event to the frame after the
// headline shows the new figure.
func keystrokeTimes(t *testing.T, url string, n int) []float64 {
	f, err := os.Open("../../engine/testdata/reference.json")
	if err != nil {
		t.Fatal(err)
	}
	ref, err := engine.DecodeScenario(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	ctx := NewBrowser(t)
	step(t, ctx, 2*time.Minute, chromedp.Navigate(url+"#"+engine.EncodeLink(&ref)), WaitApp())
	// For each edit: t0 at the input event; updated when the headline's DOM
	// changes (a MutationObserver fires right after go-app writes it);
	// painted at the first animation frame after that.
	js := fmt.Sprintf(`(async () => {
		const el = document.getElementById("w-requests_per_day");
		const head = document.getElementById("headline");
		const out = [], evals = [], updated = [];
		const frame = () => new Promise((r) => requestAnimationFrame(r));
		for (let i = 0; i < %d; i++) {
			await frame();
			await new Promise((r) => setTimeout(r, 30));
			let t1 = 0;
			const changed = new Promise((r) => {
				const mo = new MutationObserver(() => { t1 = performance.now(); mo.disconnect(); r(); });
				mo.observe(head, {subtree: true, characterData: true, childList: true});
			});
			const t0 = performance.now();
			el.value = String(2000000 + (i + 1) * 1000);
			el.dispatchEvent(new Event("input", {bubbles: true}));
			await changed;
			await frame();
			out.push(performance.now() - t0);
			updated.push(t1 - t0);
			evals.push(window.infercostEvalMs);
		}
		window.benchEvals = evals;
		window.benchUpdated = updated;
		return out;
	})()`, n)
	out := eval[[]float64](t, ctx, js)
	evals := eval[[]float64](t, ctx, `window.benchEvals`)
	updated := eval[[]float64](t, ctx, `window.benchUpdated`)
	t.Logf("keystroke → headline DOM updated (ms): median %.1f, p95 %.1f", median(updated), percentile(updated, 95))
	t.Logf("of which the engine (scenario from the form + Evaluate), in wasm: median %.1f ms, p95 %.1f ms", median(evals), percentile(evals, 95))
	return out
}

func median(v []float64) float64 { return percentile(v, 50) }

func percentile(v []float64, p float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	i := int(float64(len(s)-1) * p / 100)
	return s[i]
}
