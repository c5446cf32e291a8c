package browser

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestWasmDownloadedOnce checks that app.wasm's download starts from the
// page's preload hint and that go-app's loader uses that download instead
// of fetching app.wasm a second time, at the root and under a sub-path.
func TestWasmDownloadedOnce(t *testing.T) {
	for _, base := range []string{"", "/repo"} {
		s := Serve(t, BuildSite(t, wasmFile, base, "v-preload"), base)
		ctx := NewBrowser(t)
		step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL), WaitApp())
		got := eval[[]string](t, ctx, `performance.getEntriesByType("resource").filter((e) => e.name.endsWith("/web/app.wasm")).map((e) => e.initiatorType + " " + new URL(e.name).pathname)`)
		if want := "link " + base + "/web/app.wasm"; len(got) != 1 || got[0] != want {
			t.Errorf("base %q: app.wasm's downloads %q, want one, %q", base, got, want)
		}
		closeBrowser(ctx)
	}
}
