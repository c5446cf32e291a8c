package browser

import (
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
	"github.com/infercost/infercost/engine"
)

// TestProfileMonteCarlo says what the page's main thread does in its long
// tasks while the Monte Carlo runs (1,000 draws of the reference, as the
// bench): a CPU profile (Go's function names kept) and a trace of the same
// window; for every task of INFERCOST_PROFILE_MS ms of CPU or more (30
// unless set), the functions its samples were in. The profiler slows wasm
// 1.5–3×: compare its tasks with each other. Run with INFERCOST_PROFILE=1.
func TestProfileMonteCarlo(t *testing.T) {
	if os.Getenv("INFERCOST_PROFILE") == "" {
		t.Skip("set INFERCOST_PROFILE=1 to profile the Monte Carlo in the page")
	}
	threshold := 30.0
	if v, err := fmt.Sscan(os.Getenv("INFERCOST_PROFILE_MS"), &threshold); v != 1 || err != nil {
		threshold = 30
	}
	wasm := namedWasm(t)
	s := Serve(t, BuildSite(t, wasm, "", "profile"), "")
	ref := referenceScenario(t)
	mc := monteCarloScenario(ref)
	ctx := NewBrowser(t)
	defer closeBrowser(ctx)
	// INFERCOST_PROFILE_COLD: the first run after the page opens (profiled
	// from a page of the same site without ranges, then the link opened in
	// a new document) instead of a run from a new seed typed.
	cold := os.Getenv("INFERCOST_PROFILE_COLD") != ""
	if cold {
		step(t, ctx, 3*time.Minute, chromedp.Navigate(s.URL), WaitApp())
	} else {
		step(t, ctx, 3*time.Minute, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(&mc)), WaitApp(), WaitJS(monteCarloDone, 2*time.Minute))
	}
	if _, err := chromedp.Call(ctx, profiler.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 200}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, profiler.Start, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	var r monteCarloRun
	if cold {
		tasks, marks := traceMainTasks(t, ctx, func() {
			step(t, ctx, 3*time.Minute, chromedp.Navigate(s.URL+"?cold#"+engine.EncodeLink(&mc)), WaitApp(), WaitJS(monteCarloDone, 2*time.Minute))
		})
		from, to := marks["infercost:monte-carlo"], marks["infercost:monte-carlo-done"]
		for _, k := range tasks {
			if k.At+k.Wall >= from && k.At <= to+500 {
				k.At -= from
				r.add(k)
			}
		}
	} else {
		r = monteCarloRetyped(t, ctx, 43)
	}
	res, err := chromedp.Call(ctx, profiler.Stop, cdp.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	p := res.Profile
	if out := os.Getenv("INFERCOST_PROFILE_OUT"); out != "" { // the whole profile, for Chromium's DevTools or a script
		b, err := json.Marshal(p)
		if err == nil {
			err = os.WriteFile(out, b, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	parent := map[int64]int64{}
	name := map[int64]string{}
	for _, n := range p.Nodes {
		name[n.ID] = n.CallFrame.FunctionName
		for _, c := range n.Children {
			parent[c] = n.ID
		}
	}
	stack := func(id int64) []string {
		var s []string
		for ; id != 0; id = parent[id] {
			s = append(s, name[id])
		}
		return s
	}
	// Sample times.
	at := make([]float64, len(p.Samples))
	now := p.StartTime
	for i, d := range p.TimeDeltas {
		now += float64(d)
		at[i] = now
	}
	t.Logf("table at %.0f ms; %d traced tasks, longest %.1f ms wall / %.1f ms CPU", r.Elapsed, len(r.all), r.LongestWall, r.LongestCPU)
	for _, k := range r.all {
		if k.CPU < threshold {
			continue
		}
		incl, self := map[string]int{}, map[string]int{}
		n := 0
		for i, id := range p.Samples {
			if at[i] < k.ts || at[i] > k.ts+k.Wall*1000 {
				continue
			}
			n++
			st := stack(id)
			self[st[0]]++
			seen := map[string]bool{}
			for _, f := range st {
				if !seen[f] {
					seen[f] = true
					incl[f]++
				}
			}
		}
		top := func(m map[string]int, keep func(string) bool, k int) string {
			type kv struct {
				k string
				v int
			}
			var l []kv
			for a, b := range m {
				if keep(a) {
					l = append(l, kv{a, b})
				}
			}
			slices.SortFunc(l, func(a, b kv) int { return cmp.Compare(b.v, a.v) })
			var out []string
			for i := 0; i < len(l) && i < k; i++ {
				out = append(out, fmt.Sprintf("%s %d", l[i].k, l[i].v))
			}
			return strings.Join(out, ", ")
		}
		ours := func(f string) bool {
			return strings.Contains(f, "infercost") || strings.Contains(f, "go-app") || strings.HasPrefix(f, "runtime.gc") || strings.HasPrefix(f, "runtime.mark") ||
				strings.HasPrefix(f, "runtime.scan") || strings.HasPrefix(f, "runtime.sweep") || strings.HasPrefix(f, "runtime.mallocgc") || strings.Contains(f, "syscall/js")
		}
		t.Logf("task at %.0f ms: %.1f wall / %.1f CPU, %d samples", k.At, k.Wall, k.CPU, n)
		t.Logf("  self: %s", top(self, func(string) bool { return true }, 12))
		t.Logf("  inclusive (ours, go-app, GC): %s", top(incl, ours, 25))
	}
}
