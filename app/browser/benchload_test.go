package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/infercost/infercost/app/site"
)

// loadPhases is one navigation → interactive split finer than load: when
// app.wasm's request started, its transfer, from its last byte to the Go
// main, the first evaluation (OnInit; 0 on the baseline page), the rest of
// the first render, and to interactive; all in milliseconds.
type loadPhases struct {
	Total, WasmStart, Transfer, ToMain, ToEvaluated, ToMounted, ToReady float64
}

// loadPhasesJS waits for go-app's loader to go, then reads the marks.
const loadPhasesJS = `new Promise((r) => { const f = () => {
	if (document.getElementById("app-wasm-loader")) { requestAnimationFrame(f); return; }
	const now = performance.now();
	const w = performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm")) || {startTime: 0, responseEnd: 0};
	const mark = (n) => { const e = performance.getEntriesByName("infercost:" + n)[0]; return e ? e.startTime : 0; };
	const main = mark("main"), ev = mark("evaluated"), mo = mark("mounted");
	r({Total: now, WasmStart: w.startTime, Transfer: w.responseEnd - w.startTime, ToMain: main - w.responseEnd,
		ToEvaluated: ev ? ev - main : 0, ToMounted: mo - (ev || main), ToReady: now - mo});
}; f() })`

// TestBenchLoadsAB measures cold and service-worker loads of two builds
// and the baseline page in one run, interleaved (A, B, baseline, then the
// next round), so that the machine's load weighs on all alike: A is the
// site of the source tree at INFERCOST_BENCH_A (app.wasm and the site both
// built by that tree, `infercost build`), B this tree's. Each round opens
// each page in a fresh browser: a cold load, then one from the worker.
// Run with INFERCOST_BENCH=1 INFERCOST_BENCH_A=DIR [INFERCOST_BENCH_ROUNDS=N].
func TestBenchLoadsAB(t *testing.T) {
	srcA := os.Getenv("INFERCOST_BENCH_A")
	if os.Getenv("INFERCOST_BENCH") == "" || srcA == "" {
		t.Skip("set INFERCOST_BENCH=1 and INFERCOST_BENCH_A to another source tree to compare")
	}
	siteOf := func(src, wasm, version string) string {
		out := t.TempDir()
		cmd := exec.Command("go", "run", "./cmd/infercost", "build", "-fast", "-version", version, "-out", out, "-wasm", wasm)
		cmd.Dir = src
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("building %s's site: %v\n%s", src, err, b)
		}
		return out
	}
	wasmA := filepath.Join(t.TempDir(), "app.wasm")
	if err := site.BuildWasmTags(srcA, wasmA, site.InstrumentTag); err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	type page struct {
		name string
		site *Site
	}
	siteB := siteOf(abs, wasmFile, "bench-b")
	pages := []page{
		{"A", Serve(t, siteOf(srcA, wasmA, "bench-a"), "")},
		{"B", Serve(t, siteB, "")},
	}
	if os.Getenv("INFERCOST_BENCH_FLOOR") != "" {
		// The floor pages (testdata/floor): go-app building B's first
		// screen node by node, without and with the engine's start-up and
		// first evaluation.
		ov := floorOverlay(t, siteB)
		flags := []string{"-overlay", ov, "-gcflags", site.WasmGCFlags, "-gcflags", site.GoAppGCFlags}
		pages = append(pages,
			page{"floor: page's DOM", Serve(t, BuildSite(t, buildBaseline(t, "./testdata/floor", flags...), "", "bench-floor"), "")},
			page{"floor: DOM + engine", Serve(t, BuildSite(t, buildBaseline(t, "./testdata/floor", append(flags, "-tags", "engine")...), "", "bench-floor-engine"), "")})
	}
	pages = append(pages, page{"baseline", Serve(t, BuildSite(t, buildBaseline(t, "./testdata/baseline"), "", "bench-baseline"), "")})
	rounds := 6
	if n, err := strconv.Atoi(os.Getenv("INFERCOST_BENCH_ROUNDS")); err == nil && n > 0 {
		rounds = n
	}
	// INFERCOST_BENCH_NET="LATENCY_MS,BYTES_PER_S" emulates a network
	// (Chromium's network emulation) for the cold loads, e.g. "40,2500000"
	// for 20 Mbit/s.
	var latency, rate float64
	if net := os.Getenv("INFERCOST_BENCH_NET"); net != "" {
		if _, err := fmt.Sscanf(net, "%g,%g", &latency, &rate); err != nil || latency <= 0 || rate <= 0 {
			t.Fatalf("INFERCOST_BENCH_NET=%q: want LATENCY_MS,BYTES_PER_S", net)
		}
		t.Logf("network emulated: %.0f ms latency, %.0f bytes/s", latency, rate)
	}
	cold := make([][]loadPhases, len(pages))
	warm := make([][]loadPhases, len(pages))
	again := make([][]loadPhases, len(pages))
	repeat, _ := strconv.Atoi(os.Getenv("INFERCOST_BENCH_REPEAT"))
	for r := range rounds {
		for k := range pages {
			i := (k + r) % len(pages) // rotate who goes first
			ctx := NewBrowser(t)
			c, cancel := context.WithTimeout(ctx, 2*time.Minute)
			if latency > 0 {
				if _, err := chromedp.Call(c, network.Enable, network.EnableParams{}); err != nil {
					t.Fatal(err)
				}
				if _, err := chromedp.Call(c, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
					MatchedNetworkConditions: []*network.Conditions{{Latency: latency, DownloadThroughput: rate, UploadThroughput: rate}}}); err != nil {
					t.Fatal(err)
				}
			}
			if err := chromedp.Do(c, chromedp.Navigate(pages[i].site.URL)); err != nil {
				t.Fatal(err)
			}
			cold[i] = append(cold[i], measureLoad(t, c, pages[i].name+", cold"))
			if err := chromedp.Do(c, WaitWorker(), chromedp.Navigate("about:blank"), chromedp.Navigate(pages[i].site.URL)); err != nil {
				t.Fatal(err)
			}
			warm[i] = append(warm[i], measureLoad(t, c, pages[i].name+", from the worker"))
			// INFERCOST_BENCH_REPEAT more loads from the worker, each after
			// 3 s idle (the browser keeps compiled wasm only after a while),
			// reported as a third set: the last of them.
			var last loadPhases
			for range repeat {
				time.Sleep(3 * time.Second)
				if err := chromedp.Do(c, chromedp.Navigate("about:blank"), chromedp.Navigate(pages[i].site.URL)); err != nil {
					t.Fatal(err)
				}
				last = measureLoad(t, c, pages[i].name+", repeated")
			}
			if repeat > 0 {
				again[i] = append(again[i], last)
			}
			cancel()
			closeBrowser(ctx)
		}
	}
	med := func(ls []loadPhases, f func(loadPhases) float64) float64 {
		var v []float64
		for _, l := range ls {
			v = append(v, f(l))
		}
		return median(v)
	}
	t.Logf("navigation → interactive, %d loads each, median ms", rounds)
	t.Logf("  %-24s %7s %9s %9s %8s %10s %10s %8s %8s", "", "total", "wasm req", "transfer", "→ main", "→ evaluated", "→ mounted", "→ ready", "ratio")
	for _, set := range []struct {
		name string
		ls   [][]loadPhases
	}{{"cold", cold}, {"from the worker", warm}, {fmt.Sprintf("worker, %d more", repeat), again}} {
		if len(set.ls[0]) == 0 {
			continue
		}
		base := med(set.ls[len(pages)-1], func(l loadPhases) float64 { return l.Total })
		for i, p := range pages {
			ls := set.ls[i]
			m := func(f func(loadPhases) float64) float64 { return med(ls, f) }
			total := m(func(l loadPhases) float64 { return l.Total })
			t.Logf("  %-24s %7.0f %9.0f %9.0f %8.0f %10.0f %10.0f %8.0f %8.2f", p.name+", "+set.name, total,
				m(func(l loadPhases) float64 { return l.WasmStart }), m(func(l loadPhases) float64 { return l.Transfer }),
				m(func(l loadPhases) float64 { return l.ToMain }), m(func(l loadPhases) float64 { return l.ToEvaluated }),
				m(func(l loadPhases) float64 { return l.ToMounted }), m(func(l loadPhases) float64 { return l.ToReady }), total/base)
		}
	}
	for i, p := range pages {
		var each string
		for r := range cold[i] {
			each += fmt.Sprintf(" %.0f/%.0f", cold[i][r].Total, warm[i][r].Total)
		}
		t.Logf("  %s, each round's cold/worker total:%s", p.name, each)
	}
}

// floorOverlay writes a go build -overlay file that gives testdata/floor
// the body of the prerendered page of the site in dir (without go-app's
// loader, which the floor page's own body has).
func floorOverlay(t *testing.T, dir string) string {
	b, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	h := string(b)
	// go-app writes an element's attributes in map order: the loader is
	// the <aside> whose id is app-wasm-loader, whatever comes first.
	start, end := strings.Index(h, "<body>"), strings.Index(h, `id="app-wasm-loader"`)
	if end >= 0 {
		end = strings.LastIndex(h[:end], "<aside")
	}
	if start < 0 || end < start {
		t.Fatal("floor page: the prerendered page has no <body> or no go-app loader")
	}
	tmp := t.TempDir()
	src := filepath.Join(tmp, "page.go")
	code := "package main\n\nvar page = " + strconv.Quote(h[start+len("<body>"):end]) + "\n"
	if err := os.WriteFile(src, []byte(code), 0o644); err != nil {
		t.Fatal(err)
	}
	target, err := filepath.Abs("testdata/floor/page.go")
	if err != nil {
		t.Fatal(err)
	}
	ov, err := json.Marshal(map[string]map[string]string{"Replace": {target: src}})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(tmp, "overlay.json")
	if err := os.WriteFile(file, ov, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// measureLoad reads one load's phases, naming the page if it cannot.
func measureLoad(t *testing.T, ctx context.Context, name string) loadPhases {
	t.Helper()
	l, err := chromedp.Run(ctx, chromedp.Evaluate[loadPhases](loadPhasesJS, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return l
}

// The floor page's body is the prerendered page's up to go-app's loader,
// whichever order go-app wrote the loader's attributes in (map order: make
// bench failed once on `class` before `id`).
func TestFloorOverlayAttributeOrder(t *testing.T) {
	for _, aside := range []string{`<aside id="app-wasm-loader" class="goapp-app-info">`, `<aside class="goapp-app-info" id="app-wasm-loader">`} {
		dir := t.TempDir()
		page := "<html><head></head><body><main>first screen</main>\n    " + aside + "<p>Loading</p></aside></body></html>"
		if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(floorOverlay(t, dir))
		if err != nil {
			t.Fatal(err)
		}
		var ov struct{ Replace map[string]string }
		if err := json.Unmarshal(b, &ov); err != nil {
			t.Fatal(err)
		}
		for _, src := range ov.Replace {
			code, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			if want := "var page = " + strconv.Quote("<main>first screen</main>\n    ") + "\n"; !strings.HasSuffix(string(code), want) {
				t.Errorf("%s: page.go = %q, want it to end %q", aside, code, want)
			}
		}
	}
}
