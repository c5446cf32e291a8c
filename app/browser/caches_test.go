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
	foreign := []string{"other-site", "app-v-one", "infercost:/other/:v-one", "infercost:/repo/nested/:v-one", "infercost:/:v-one", "app-other-path"}
	for _, name := range foreign {
		eval[bool](t, ctx, `caches.open(`+strconv.Quote(name)+`).then((c) => c.put("/`+name+`.txt", new Response("kept"))).then(() => true)`)
	}
	// Builds before scoped cache names used go-app's "app-<version>": the
	// one that holds this scope's app.wasm is ours and goes; one that holds
	// another path's app.wasm stays.
	eval[bool](t, ctx, `caches.open("app-v-zero").then((c) => c.put("/repo/web/app.wasm", new Response("old"))).then(() => true)`)
	eval[bool](t, ctx, `caches.open("app-other-path").then((c) => c.put("/other/web/app.wasm", new Response("theirs"))).then(() => true)`)

	s.Swap(t, BuildSite(t, wasmFile, base, "v-two"))
	step(t, ctx, time.Minute,
		chromedp.Evaluate[chromedp.Void](`navigator.serviceWorker.getRegistration().then((r) => r.update())`, chromedp.EvalAwaitPromise),
		// Activation deletes the old cache once the new one is complete.
		WaitJS(`caches.keys().then((k) => k.includes("infercost:/repo/:v-two") && !k.includes("infercost:/repo/:v-one") && !k.includes("app-v-zero"))`, 50*time.Second))

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
