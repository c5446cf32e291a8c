package browser

import (
	"cmp"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
	"github.com/infercost/infercost/app/site"
	"github.com/infercost/infercost/engine"
)

// TestProfileKeystrokes profiles the keystroke path as the bench types it:
// the reference scenario, settled, 10 edits to warm V8 up, then 40 edits
// of the requests a day 30 ms apart (the queue that follows an edit never
// starts), in Chromium's sampling profiler at 100 µs, and prints self and
// inclusive time by function (INFERCOST_PROFILE_ONLY=infercost for the
// app's and engine's; INFERCOST_PROFILE_FOCUS=name for the stacks above
// a function). The profiler inflates wasm time: compare its figures with
// each other only. Run with INFERCOST_PROFILE=1.
func TestProfileKeystrokes(t *testing.T) {
	if os.Getenv("INFERCOST_PROFILE") == "" {
		t.Skip("set INFERCOST_PROFILE=1 to profile keystrokes")
	}
	wasm := namedWasm(t)
	s := Serve(t, BuildSite(t, wasm, "", "profile"), "")
	ref := referenceScenario(t)
	ctx := NewBrowser(t)
	defer closeBrowser(ctx)
	step(t, ctx, 3*time.Minute, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(&ref)), WaitApp(),
		WaitJS(`document.querySelector("#chart-tornado rect") !== null`, time.Minute))
	edits := func(from, n int) keystrokes {
		return eval[keystrokes](t, ctx, fmt.Sprintf(`(async () => {
			`+timedEditJS+`
			const el = document.getElementById("w-requests_per_day");
			const head = document.getElementById("headline");
			const painted = [], updated = [], engine = [];
			for (let i = %d; i < %d; i++) {
				await new Promise((r) => requestAnimationFrame(r));
				await new Promise((r) => setTimeout(r, 30 + (i * 7) %% 17));
				const [p, u] = await timedEdit(el, head, String(2000000 + (i + 1) * 1000));
				painted.push(p); updated.push(u); engine.push(window.infercostEvalMs || 0);
			}
			return {painted, updated, engine};
		})()`, from, from+n))
	}
	edits(0, 10)
	if os.Getenv("INFERCOST_PROFILE_MUTATIONS") != "" {
		// What one edit changes in the page, by the nearest element with an
		// id (or a card's heading).
		js := `(async () => {
			const counts = {};
			const where = (n) => {
				for (let e = n.nodeType === 1 ? n : n.parentElement; e; e = e.parentElement) {
					if (e.id && e.id !== "") { return e.id; }
				}
				return "?";
			};
			const mo = new MutationObserver((list) => {
				for (const m of list) {
					const k = m.type + (m.attributeName ? ":" + m.attributeName : "") + " in " + where(m.target);
					counts[k] = (counts[k] || 0) + (m.type === "childList" ? m.addedNodes.length + m.removedNodes.length : 1);
				}
			});
			mo.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
			const el = document.getElementById("w-requests_per_day");
			for (let i = 0; i < 5; i++) {
				await new Promise((r) => setTimeout(r, 40));
				el.value = String(3000000 + i * 1000);
				el.dispatchEvent(new Event("input", {bubbles: true}));
				await new Promise((r) => setTimeout(r, 40));
			}
			mo.disconnect();
			return Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([k, v]) => v / 5 + " " + k);
		})()`
		for _, l := range eval[[]string](t, ctx, js) {
			t.Logf("  %s", l)
		}
		return
	}
	if dir := os.Getenv("INFERCOST_PROFILE_HEAP"); dir != "" {
		// Go's heap profiles before and after 40 edits, for
		// go tool pprof -sample_index=alloc_space -diff_base before after.
		write := func(name string) {
			b, err := base64.StdEncoding.DecodeString(eval[string](t, ctx, `window.infercostHeapProfile()`))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		write("before.pb.gz")
		edits(10, 40)
		write("after.pb.gz")
		return
	}
	type mem struct{ GC, Total, Heap, PauseNs float64 }
	m0 := eval[mem](t, ctx, `window.infercostMem()`)
	defer func() {
		m1 := eval[mem](t, ctx, `window.infercostMem()`)
		t.Logf("Go heap over the 40 edits: %.0f collections, %.2f MB allocated an edit, live %.1f MB before and %.1f MB after",
			m1.GC-m0.GC, (m1.Total-m0.Total)/40/1e6, m0.Heap/1e6, m1.Heap/1e6)
	}()
	if os.Getenv("INFERCOST_PROFILE_TRACE") != "" {
		// A trace instead of the profiler, which inflates wasm: the main
		// thread's time by event (style, layout, paint, script, GC).
		var k keystrokes
		totals := traceTotals(t, ctx, func() { k = edits(10, 40) })
		t.Logf("40 edits, traced: painted median %.1f p95 %.1f ms, DOM updated median %.1f, engine median %.1f",
			median(k.Painted), percentile(k.Painted, 95), median(k.Updated), median(k.Engine))
		names := slices.Collect(maps.Keys(totals))
		slices.SortFunc(names, func(a, b string) int { return cmp.Compare(totals[b], totals[a]) })
		for i, n := range names {
			if i == 40 {
				break
			}
			t.Logf("  %8.1f ms  %6.2f ms an edit  %s", totals[n], totals[n]/40, n)
		}
		return
	}
	if _, err := chromedp.Call(ctx, profiler.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 100}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, profiler.Start, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	var k keystrokes
	var tasks []mainTask
	if os.Getenv("INFERCOST_PROFILE_TASKS") != "" {
		// The tasks too, to say what the long ones ran.
		tasks, _ = traceMainTasks(t, ctx, func() { k = edits(10, 40) })
	} else {
		k = edits(10, 40)
	}
	res, err := chromedp.Call(ctx, profiler.Stop, cdp.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("40 edits, profiled: painted median %.1f p95 %.1f ms, DOM updated median %.1f, engine median %.1f",
		median(k.Painted), percentile(k.Painted, 95), median(k.Updated), median(k.Engine))
	summarise(t, "40 keystrokes", res.Profile)
	if len(tasks) > 0 {
		threshold := 9.0
		fmt.Sscan(os.Getenv("INFERCOST_PROFILE_TASKS"), &threshold)
		p := res.Profile
		parent, name := map[int64]int64{}, map[int64]string{}
		for _, n := range p.Nodes {
			name[n.ID] = n.CallFrame.FunctionName
			for _, c := range n.Children {
				parent[c] = n.ID
			}
		}
		at := make([]float64, len(p.Samples))
		now := p.StartTime
		for i, d := range p.TimeDeltas {
			now += float64(d)
			at[i] = now
		}
		for _, tk := range tasks {
			if tk.CPU < threshold {
				continue
			}
			incl := map[string]int{}
			for i, id := range p.Samples {
				if at[i] < tk.ts || at[i] > tk.ts+tk.Wall*1000 {
					continue
				}
				seen := map[string]bool{}
				for cur := id; cur != 0; cur = parent[cur] {
					if f := name[cur]; !seen[f] {
						seen[f] = true
						incl[f]++
					}
				}
			}
			keys := slices.Collect(maps.Keys(incl))
			slices.SortFunc(keys, func(a, b string) int { return cmp.Compare(incl[b], incl[a]) })
			var top []string
			for _, f := range keys {
				if strings.Contains(f, "infercost") || strings.Contains(f, "go_app") || strings.HasPrefix(f, "runtime.") || f == "(program)" || f == "(garbage collector)" {
					top = append(top, fmt.Sprintf("%s %d", f, incl[f]))
				}
				if len(top) == 14 {
					break
				}
			}
			t.Logf("task %.1f ms CPU (%s): %s", tk.CPU, tk.What, strings.Join(top, ", "))
		}
	}
}

// traceTotals records a Chromium trace while fn runs and returns, for each
// name of a complete event on the busiest renderer main thread, the sum of
// its durations in ms (nested events are counted in each of their names).
func traceTotals(t *testing.T, ctx context.Context, fn func()) map[string]float64 {
	t.Helper()
	raw := recordTrace(t, ctx, []string{"toplevel", "devtools.timeline", "v8", "blink", "__metadata"}, fn)
	type event struct {
		Name string  `json:"name"`
		Ph   string  `json:"ph"`
		Pid  int     `json:"pid"`
		Tid  int     `json:"tid"`
		Dur  float64 `json:"dur"`
		Ts   float64 `json:"ts"`
		Tdur float64 `json:"tdur"`
		Args struct {
			Name string `json:"name"`
		} `json:"args"`
	}
	var events []event
	main := map[[2]int]bool{}
	nl := 0
	for _, r := range raw {
		var e event
		if json.Unmarshal(r, &e) != nil {
			continue
		}
		if os.Getenv("INFERCOST_PROFILE_LAYOUT") != "" && (e.Name == "Layout" || e.Name == "UpdateLayoutTree" || e.Name == "Paint" || e.Name == "PrePaint") && nl < 60 {
			nl++
			t.Logf("%s", r)
		}
		if e.Ph == "M" && e.Name == "thread_name" && e.Args.Name == "CrRendererMain" {
			main[[2]int{e.Pid, e.Tid}] = true
		}
		events = append(events, e)
	}
	busy := map[[2]int]float64{}
	for _, e := range events {
		if e.Ph == "X" && (e.Name == "RunTask" || e.Name == "ThreadControllerImpl::RunTask") && main[[2]int{e.Pid, e.Tid}] {
			busy[[2]int{e.Pid, e.Tid}] += e.Dur
		}
	}
	var page [2]int
	for k, v := range busy {
		if v > busy[page] {
			page = k
		}
	}
	t.Logf("trace: %d events, %d main threads, page %v", len(events), len(main), page)
	totals := map[string]float64{}
	durs := map[string][]float64{}
	for _, e := range events {
		if e.Ph == "X" && [2]int{e.Pid, e.Tid} == page {
			d := e.Dur
			if e.Tdur > 0 && os.Getenv("INFERCOST_PROFILE_WALL") == "" {
				d = e.Tdur // the thread's CPU time: a loaded machine's waits left out
			}
			totals[e.Name] += d / 1000
			durs[e.Name] = append(durs[e.Name], d/1000)
		}
	}
	if os.Getenv("INFERCOST_PROFILE_SEQ") != "" {
		var first float64
		for _, e := range events {
			if e.Ph == "X" && [2]int{e.Pid, e.Tid} == page && (first == 0 || e.Ts < first) {
				first = e.Ts
			}
		}
		var seq []event
		for _, e := range events {
			if e.Ph == "X" && [2]int{e.Pid, e.Tid} == page && e.Dur >= 300 {
				switch e.Name {
				case "TimerFire", "EventDispatch", "FireAnimationFrame", "Paint", "Layout", "UpdateLayoutTree", "PrePaint", "WebFrameWidgetImpl::UpdateLifecycle", "V8.GC_MC_INCREMENTAL", "MajorGC", "MinorGC", "FunctionCall":
					seq = append(seq, e)
				}
			}
		}
		slices.SortFunc(seq, func(a, b event) int { return cmp.Compare(a.Ts, b.Ts) })
		for _, e := range seq {
			if (e.Ts-first)/1000 > 1000 && (e.Ts-first)/1000 < 1600 {
				t.Logf("  %8.1f  %6.2f  %6.2f  %s", (e.Ts-first)/1000, e.Dur/1000, e.Tdur/1000, e.Name)
			}
		}
	}
	for _, n := range []string{"TimerFire", "EventDispatch", "FunctionCall", "Paint", "Layout", "WebFrameWidgetImpl::UpdateLifecycle", "FireAnimationFrame"} {
		d := durs[n]
		t.Logf("%s: %d events, median %.2f p95 %.2f max %.2f ms", n, len(d), median(d), percentile(d, 95), percentile(d, 100))
		if os.Getenv("INFERCOST_PROFILE_SEQ") != "" {
			var big []string
			for _, x := range d {
				if x >= 1 {
					big = append(big, fmt.Sprintf("%.1f", x))
				}
			}
			t.Logf("  those of 1 ms or more, in order: %s", strings.Join(big, " "))
		}
	}
	return totals
}

// TestBenchKeystrokeCPUAB measures, for two builds (A, app.wasm of the
// source tree at INFERCOST_BENCH_A; B, this tree's) and the echo page, what
// each keystroke costs the page's main thread: the CPU time of its tasks
// (Chromium's trace: the thread's own time, which a loaded machine's waits
// for a core leave out) from the edit until the next edit starts, which
// holds the input event, go-app's frame and the style, layout and paint of
// the change, and Go's garbage collections where they land. It types as
// the bench does (reference scenario, settled, 10 edits to warm up, then
// 40 edits of the requests a day 30–46 ms apart), alternating A, B and the
// echo page INFERCOST_BENCH_ROUNDS times (2 unless set), and reports the
// per-edit CPU time (in the tasks that start before the headline is
// painted, and in all until the next edit, which include the queue's work
// when an edit lands more than chartDelay after the last) and the wall
// time to the painted headline and to the last change painted. On this
// shared machine the wall time's tail is mostly the machine's load; the
// CPU time is what a change to the page moves. Run with INFERCOST_BENCH=1
// INFERCOST_BENCH_A=DIR.
func TestBenchKeystrokeCPUAB(t *testing.T) {
	srcA := os.Getenv("INFERCOST_BENCH_A")
	if os.Getenv("INFERCOST_BENCH") == "" || srcA == "" {
		t.Skip("set INFERCOST_BENCH=1 and INFERCOST_BENCH_A to another source tree to compare")
	}
	wasmA := filepath.Join(t.TempDir(), "app.wasm")
	if err := site.BuildWasmTags(srcA, wasmA, site.InstrumentTag); err != nil {
		t.Fatal(err)
	}
	sa := Serve(t, BuildSite(t, wasmA, "", "bench-a"), "")
	sb := Serve(t, BuildSite(t, wasmFile, "", "bench-b"), "")
	se := Serve(t, BuildSite(t, buildBaseline(t, "./testdata/baselineinput"), "", "bench-baseline-input"), "")
	ref := referenceScenario(t)
	frag := "#" + engine.EncodeLink(&ref)
	rounds := 2
	if n, err := strconv.Atoi(os.Getenv("INFERCOST_BENCH_ROUNDS")); err == nil && n > 0 {
		rounds = n
	}
	type figures struct{ cpu, toPaint, painted, last []float64 }
	var fa, fb, fe figures
	for range rounds {
		for _, x := range []struct {
			url string
			to  *figures
		}{{sa.URL + frag, &fa}, {sb.URL + frag, &fb}, {se.URL, &fe}} {
			cpu, toPaint, painted, last := keystrokeCPU(t, x.url)
			x.to.cpu = append(x.to.cpu, cpu...)
			x.to.toPaint = append(x.to.toPaint, toPaint...)
			x.to.painted = append(x.to.painted, painted...)
			x.to.last = append(x.to.last, last...)
		}
	}
	t.Logf("keystroke → results, reference scenario, %d rounds of 40 edits after 10 (ms):", rounds)
	t.Logf("  %-10s %s", "", "CPU until painted med/p95/max   CPU until next edit med/p95   headline painted med/p95/max   last result painted med/p95")
	for _, x := range []struct {
		name string
		f    figures
	}{{"A", fa}, {"B", fb}, {"echo page", fe}} {
		t.Logf("  %-10s %6.1f %6.1f %6.1f             %6.1f %6.1f                %6.1f %6.1f %6.1f           %6.1f %6.1f", x.name,
			median(x.f.toPaint), percentile(x.f.toPaint, 95), percentile(x.f.toPaint, 100),
			median(x.f.cpu), percentile(x.f.cpu, 95),
			median(x.f.painted), percentile(x.f.painted, 95), percentile(x.f.painted, 100), median(x.f.last), percentile(x.f.last, 95))
	}
}

// keystrokeCPU opens url in a fresh browser, settles it, types 10 edits
// and then traces 40, each marked ("kedit"): per edit, the main thread's
// CPU time in the tasks that start between its mark and the next, the
// time from the input event to the frame after the headline's DOM change
// (painted), and to the frame after the page's last DOM change of that
// edit's before the next (last: results drawn in later frames count).
func keystrokeCPU(t *testing.T, url string) (cpu, cpuToPaint, painted, last []float64) {
	ctx := NewBrowser(t)
	defer closeBrowser(ctx)
	step(t, ctx, 2*time.Minute, chromedp.Navigate(url), WaitApp(),
		WaitJS(`!document.getElementById("results") || document.querySelector("#chart-tornado rect") !== null`, time.Minute))
	run := func(from, n int) [][2]float64 {
		return eval[[][2]float64](t, ctx, fmt.Sprintf(`(async () => {
			`+timedEditJS+`
			const el = document.getElementById("w-requests_per_day");
			const head = document.getElementById("headline");
			const out = [];
			// The frame after the page's latest DOM change.
			let lastPaint = 0;
			const mo = new MutationObserver(() => {
				requestAnimationFrame(() => { lastPaint = performance.now(); });
			});
			mo.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true});
			let t0 = 0;
			for (let i = %d; i < %d; i++) {
				await new Promise((r) => requestAnimationFrame(r));
				await new Promise((r) => setTimeout(r, 30 + (i * 7) %% 17));
				if (out.length > 0) { out[out.length - 1][1] = lastPaint - t0; }
				performance.mark("kedit");
				t0 = performance.now();
				const [p] = await timedEdit(el, head, String(2000000 + (i + 1) * 1000));
				out.push([p, p]);
			}
			await new Promise((r) => setTimeout(r, 50));
			out[out.length - 1][1] = lastPaint - t0;
			performance.mark("kedit");
			mo.disconnect();
			return out;
		})()`, from, from+n))
	}
	run(0, 10)
	var res [][2]float64
	events := traceEvents(t, ctx, func() { res = run(10, 40) })
	for _, r := range res {
		painted = append(painted, r[0])
		last = append(last, r[1])
	}
	all, toPaint := perEdit(events, painted)
	return all, toPaint, painted, last
}

// traceEvent is one event of a Chromium trace.
type traceEvent struct {
	Name string  `json:"name"`
	Ph   string  `json:"ph"`
	Pid  int     `json:"pid"`
	Tid  int     `json:"tid"`
	Ts   float64 `json:"ts"`
	Dur  float64 `json:"dur"`
	Tdur float64 `json:"tdur"`
}

// traceEvents records a Chromium trace while fn runs and returns the
// events of the page's renderer main thread (the busiest CrRendererMain),
// User Timing marks included.
func traceEvents(t *testing.T, ctx context.Context, fn func()) []traceEvent {
	t.Helper()
	raw := recordTrace(t, ctx, []string{"toplevel", "blink.user_timing", "__metadata"}, fn)
	var events []traceEvent
	main := map[[2]int]bool{}
	for _, r := range raw {
		var e struct {
			traceEvent
			Args struct {
				Name string `json:"name"`
			} `json:"args"`
		}
		if json.Unmarshal(r, &e) != nil {
			continue
		}
		if e.Ph == "M" && e.Name == "thread_name" && e.Args.Name == "CrRendererMain" {
			main[[2]int{e.Pid, e.Tid}] = true
		}
		events = append(events, e.traceEvent)
	}
	isTask := func(e traceEvent) bool {
		return e.Ph == "X" && (e.Name == "RunTask" || e.Name == "ThreadControllerImpl::RunTask") && main[[2]int{e.Pid, e.Tid}]
	}
	busy := map[[2]int]float64{}
	for _, e := range events {
		if isTask(e) {
			busy[[2]int{e.Pid, e.Tid}] += e.Tdur
		}
	}
	var page [2]int
	for k, v := range busy {
		if v > busy[page] {
			page = k
		}
	}
	var out []traceEvent
	for _, e := range events {
		if [2]int{e.Pid, e.Tid} == page || e.Name == "kedit" {
			out = append(out, e)
		}
	}
	return out
}

// perEdit is the main thread's CPU time (ms) in the top-level tasks that
// start between each "kedit" mark and the next, and in those that start
// before the edit's headline was painted (within[i] ms after its mark).
func perEdit(events []traceEvent, within []float64) (all, toPaint []float64) {
	var marks []float64
	for _, e := range events {
		if e.Name == "kedit" {
			marks = append(marks, e.Ts)
		}
	}
	slices.Sort(marks)
	marks = slices.Compact(marks)
	if len(marks) < 2 {
		return nil, nil
	}
	// Top-level tasks only: this Chromium names them
	// ThreadControllerImpl::RunTask, older ones RunTask.
	task := "RunTask"
	for _, e := range events {
		if e.Name == "ThreadControllerImpl::RunTask" {
			task = e.Name
		}
	}
	all, toPaint = make([]float64, len(marks)-1), make([]float64, len(marks)-1)
	for _, e := range events {
		if e.Ph != "X" || e.Name != task {
			continue
		}
		i, _ := slices.BinarySearch(marks, e.Ts)
		// marks[i-1] <= e.Ts < marks[i]
		if i < 1 || i >= len(marks) {
			continue
		}
		all[i-1] += e.Tdur / 1000
		if i-1 < len(within) && e.Ts < marks[i-1]+within[i-1]*1000 {
			toPaint[i-1] += e.Tdur / 1000
		}
	}
	return all, toPaint
}
