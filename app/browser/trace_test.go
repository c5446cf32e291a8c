package browser

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// mainTask is one task of the page's main thread in a trace: when it
// started (ms from the trace's first task), how long it took on the wall
// clock and how much of the thread's CPU time it used (ms). On a machine
// that others load, the wall time includes the time the thread waited for
// a core; the CPU time does not.
type mainTask struct {
	At, Wall, CPU float64
	// What ran in it: the names of the timeline's events within it (a
	// timer, a message, an input event, an animation frame, a V8 GC).
	What string
	ts   float64 // the trace's own time (µs), which a CPU profile's samples share
}

// traceMainTasks records a Chromium trace while fn runs and returns the
// tasks of the renderer's main thread (CrRendererMain) meanwhile, and the
// page's User Timing marks (performance.mark) at their first time, in ms
// from the first task.
func traceMainTasks(t *testing.T, ctx context.Context, fn func()) ([]mainTask, map[string]float64) {
	t.Helper()
	raw := recordTrace(t, ctx, []string{"toplevel", "devtools.timeline", "v8", "blink.user_timing", "__metadata"}, fn)
	type event struct {
		Name string          `json:"name"`
		Ph   string          `json:"ph"`
		Pid  int             `json:"pid"`
		Tid  int             `json:"tid"`
		Ts   float64         `json:"ts"`
		Dur  float64         `json:"dur"`
		Tdur float64         `json:"tdur"`
		Args json.RawMessage `json:"args"`
	}
	var events []event
	main := map[[2]int]bool{}
	for _, r := range raw {
		var e event
		if json.Unmarshal(r, &e) != nil {
			continue
		}
		if e.Ph == "M" && e.Name == "thread_name" {
			var a struct{ Name string }
			if json.Unmarshal(e.Args, &a) == nil && a.Name == "CrRendererMain" {
				main[[2]int{e.Pid, e.Tid}] = true
			}
		}
		events = append(events, e)
	}
	// The page's renderer is the one whose main thread worked most (a
	// headless browser has others, nearly idle).
	isTask := func(e event) bool {
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
	var tasks []mainTask
	first := -1.0
	for _, e := range events {
		if !isTask(e) || [2]int{e.Pid, e.Tid} != page {
			continue
		}
		if first < 0 || e.Ts < first {
			first = e.Ts
		}
		if e.Dur == 0 {
			continue // not finished when the trace ended
		}
		tasks = append(tasks, mainTask{At: e.Ts, Wall: e.Dur / 1000, CPU: e.Tdur / 1000, ts: e.Ts})
	}
	// Name what each long task ran (the events of the page's main thread
	// that start within it, other than tasks).
	for i := range tasks {
		k := &tasks[i]
		if k.Wall < 20 && k.CPU < 20 {
			continue
		}
		seen := map[string]bool{}
		var names []string
		for _, e := range events {
			if e.Ph != "X" || [2]int{e.Pid, e.Tid} != page || isTask(e) || e.Ts < k.ts || e.Ts > k.ts+k.Wall*1000 || seen[e.Name] {
				continue
			}
			seen[e.Name] = true
			names = append(names, e.Name)
		}
		k.What = strings.Join(names, ",")
	}
	for i := range tasks {
		tasks[i].At = (tasks[i].At - first) / 1000
	}
	marks := map[string]float64{}
	for _, e := range events {
		if strings.HasPrefix(e.Name, "infercost:") {
			if at, ok := marks[e.Name]; !ok || (e.Ts-first)/1000 < at {
				marks[e.Name] = (e.Ts - first) / 1000
			}
		}
	}
	if len(tasks) == 0 {
		t.Fatalf("the trace has no task of the renderer's main thread (%d events, %d main threads)", len(events), len(main))
	}
	return tasks, marks
}

// recordTrace records a Chromium trace of the given categories while fn
// runs and returns its events' JSON, one raw event a slice.
func recordTrace(t *testing.T, ctx context.Context, categories []string, fn func()) [][]byte {
	t.Helper()
	var mu sync.Mutex
	var raw [][]byte
	complete := make(chan struct{})
	lctx, stop := context.WithCancel(ctx)
	defer stop()
	if err := chromedp.Listen(lctx, func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			for _, v := range e.Value {
				raw = append(raw, append([]byte(nil), v...))
			}
			mu.Unlock()
		case *tracing.EventTracingComplete:
			close(complete)
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, tracing.Start, tracing.StartParams{
		TransferMode: tracing.StartTransferModeReportEvents,
		TraceConfig:  &tracing.TraceConfig{IncludedCategories: categories},
	}); err != nil {
		t.Fatal(err)
	}
	fn()
	if _, err := chromedp.Call(ctx, tracing.End, struct{}{}); err != nil {
		t.Fatal(err)
	}
	select {
	case <-complete:
	case <-time.After(time.Minute):
		t.Fatal("the trace did not complete within a minute")
	}
	mu.Lock()
	defer mu.Unlock()
	return raw
}
