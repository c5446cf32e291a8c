package browser

import (
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestWorkerOwnsOnlyItsCaches updates the app under /repo/ on an origin that
// holds other caches: another site's, and other builds' under other paths
// (one nested in /repo/). The new worker must delete its own old version's
// cache and leave every other one as it was.
func TestWorkerOwnsOnlyItsCaches(t *testing.T) {
	const base = "/repo"
	s := Serve(t, BuildSite(t, wasmFile, base, "v-one"), base)
	ctx := NewBrowser(t)
	step(t, ctx, 2*time.Minute, chromedp.Navigate(s.URL), WaitApp(), WaitWorker())
	if !eval[bool](t, ctx, `caches.has("infercost:/repo/:v-one")`) {
		t.Fatalf("no cache infercost:/repo/:v-one; caches %q", eval[[]string](t, ctx, `caches.keys()`))
	}
	foreign := []string{"other-site", "app-v-one", "infercost:/other/:v-one", "infercost:/repo/nested/:v-one", "infercost:/:v-one"}
	for _, name := range foreign {
		eval[bool](t, ctx, `caches.open(`+strconv.Quote(name)+`).then((c) => c.put("/`+name+`.txt", new Response("kept"))).then(() => true)`)
	}

	s.Swap(t, BuildSite(t, wasmFile, base, "v-two"))
	step(t, ctx, time.Minute,
		chromedp.Evaluate[chromedp.Void](`navigator.serviceWorker.getRegistration().then((r) => r.update())`, chromedp.EvalAwaitPromise),
		// Activation deletes the old cache once the new one is complete.
		WaitJS(`caches.keys().then((k) => k.includes("infercost:/repo/:v-two") && !k.includes("infercost:/repo/:v-one"))`, 50*time.Second))

	keys := eval[[]string](t, ctx, `caches.keys()`)
	want := append([]string{"infercost:/repo/:v-two"}, foreign...)
	slices.Sort(keys)
	slices.Sort(want)
	if !slices.Equal(keys, want) {
		t.Errorf("caches after the update: %q, want %q", keys, want)
	}
	for _, name := range foreign {
		js := `caches.match("/` + name + `.txt", {cacheName: ` + strconv.Quote(name) + `}).then((r) => r ? r.text() : "missing")`
		if got := eval[string](t, ctx, js); got != "kept" {
			t.Errorf("cache %s: entry %q", name, got)
		}
	}
}
