package browser

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

// TestProfileStartup profiles a cold load and a load from the worker in
// Chromium's sampling profiler (100 µs) and prints where the main thread's
// time went: inclusive and self time of the heaviest functions, and the
// package initialisers. app.wasm is built with its symbol names (without
// site.WasmLDFlags) so that the profile names Go's functions. The profiler
// inflates wasm time 1.5–3×: compare its figures with each other only.
// Run with INFERCOST_PROFILE=1 [INFERCOST_PROFILE_TOP=N].
func TestProfileStartup(t *testing.T) {
	if os.Getenv("INFERCOST_PROFILE") == "" {
		t.Skip("set INFERCOST_PROFILE=1 to profile start-up")
	}
	wasm := namedWasm(t)
	s := Serve(t, BuildSite(t, wasm, "", "profile"), "")
	ctx := NewBrowser(t)
	defer closeBrowser(ctx)
	profile := func(name string, url string) {
		c, cancel := context.WithTimeout(ctx, 2*time.Minute)
		defer cancel()
		if _, err := chromedp.Call(c, profiler.Enable, cdp.Empty{}); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Call(c, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 100}); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Call(c, profiler.Start, cdp.Empty{}); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(c, chromedp.Navigate(url), WaitApp()); err != nil {
			t.Fatal(err)
		}
		res, err := chromedp.Call(c, profiler.Stop, cdp.Empty{})
		if err != nil {
			t.Fatal(err)
		}
		summarise(t, name, res.Profile)
	}
	profile("cold load", s.URL)
	if err := chromedp.Do(ctx, WaitWorker(), chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	profile("load from the worker", s.URL)
}

// summarise prints a profile's self and inclusive times by function.
func summarise(t *testing.T, name string, p *profiler.Profile) {
	parent := map[int64]int64{}
	byID := map[int64]*profiler.ProfileNode{}
	for _, n := range p.Nodes {
		byID[n.ID] = n
		for _, c := range n.Children {
			parent[c] = n.ID
		}
	}
	label := func(n *profiler.ProfileNode) string {
		f := n.CallFrame
		if f.FunctionName == "" {
			return "(anonymous " + filepath.Base(f.URL) + ")"
		}
		if strings.HasPrefix(f.URL, "wasm://") || f.URL == "" {
			return f.FunctionName
		}
		return f.FunctionName + " " + filepath.Base(f.URL)
	}
	// INFERCOST_PROFILE_FOCUS names a function: the stacks above it.
	focus, callers := os.Getenv("INFERCOST_PROFILE_FOCUS"), map[string]float64{}
	self, incl := map[string]float64{}, map[string]float64{}
	// Only the samples up to the end of go.run (wasm_exec.js's run, whose
	// synchronous part is the Go program's start and first render): what
	// follows is after go-app removed its loader.
	last := len(p.Samples) - 1
	for i := len(p.Samples) - 1; i >= 0; i-- {
		found := false
		for cur, ok := p.Samples[i], true; ok && !found; cur, ok = parent[cur] {
			found = byID[cur].CallFrame.FunctionName == "run" && strings.HasSuffix(byID[cur].CallFrame.URL, "wasm_exec.js")
		}
		if found {
			last = i
			break
		}
	}
	var total float64
	for i, id := range p.Samples[:last+1] {
		dt := 0.0
		if i+1 < len(p.TimeDeltas) {
			dt = float64(p.TimeDeltas[i+1]) / 1000
		}
		total += dt
		n := byID[id]
		self[label(n)] += dt
		seen := map[string]bool{}
		var chain []string
		for cur, ok := id, true; ok; cur, ok = parent[cur] {
			l := label(byID[cur])
			if chain != nil || (focus != "" && strings.Contains(l, focus)) {
				chain = append(chain, l)
			}
			if !seen[l] {
				seen[l] = true
				incl[l] += dt
			}
		}
		if len(chain) > 0 {
			callers[strings.Join(chain[:min(len(chain), 9)], " ← ")] += dt
		}
	}
	top := 40
	fmt.Sscan(os.Getenv("INFERCOST_PROFILE_TOP"), &top)
	list := func(m map[string]float64, filter func(string) bool) []string {
		var ks []string
		for k := range m {
			if filter(k) {
				ks = append(ks, k)
			}
		}
		sort.Slice(ks, func(i, j int) bool { return m[ks[i]] > m[ks[j]] })
		return ks
	}
	t.Logf("%s: %.0f ms sampled up to the end of go.run", name, total)
	t.Logf("  self time:")
	for i, k := range list(self, func(string) bool { return true }) {
		if i == top {
			break
		}
		t.Logf("    %8.1f  %s", self[k], k)
	}
	t.Logf("  inclusive time:")
	for i, k := range list(incl, func(string) bool { return true }) {
		if i == top {
			break
		}
		t.Logf("    %8.1f  %s", incl[k], k)
	}
	if only := os.Getenv("INFERCOST_PROFILE_ONLY"); only != "" {
		t.Logf("  inclusive time of %s functions:", only)
		for i, k := range list(incl, func(k string) bool { return strings.Contains(k, only) }) {
			if i == top {
				break
			}
			t.Logf("    %8.1f  %s", incl[k], k)
		}
	}
	for _, k := range list(callers, func(string) bool { return true }) {
		t.Logf("  %8.1f  %s", callers[k], k)
	}
	t.Logf("  package initialisers (inclusive):")
	for _, k := range list(incl, func(k string) bool { return strings.HasSuffix(k, ".init") || strings.Contains(k, ".init.") }) {
		if incl[k] >= 0.5 {
			t.Logf("    %8.1f  %s", incl[k], k)
		}
	}
}
