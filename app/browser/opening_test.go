package browser

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/infercost/infercost/engine"
)

// openingRecorder records, at the end of every task that changed the page
// and at every frame, the text a user can see in the calculator area
// (innerText leaves out what CSS hides), until the app has rendered. It also
// keeps the prerendered default example's summary (textContent, hidden or
// not) as it was when the document was parsed: at DOMContentLoaded, not at
// the calculator's first appearance, since on a loaded machine the parser
// can yield between the calculator's opening tag and the summary (the test
// then read "" and failed in a fresh-clone CI run).
const openingRecorder = `
window.__seen = [];
window.__prerendered = null;
(function () {
  var last = null;
  document.addEventListener("DOMContentLoaded", function () {
    var s = document.querySelector("#summary");
    window.__prerendered = s ? s.textContent : "";
  });
  function record() {
    var calc = document.querySelector(".calc");
    if (!calc) return;
    var snap = (calc.classList.contains("live") ? "LIVE " : "") + calc.innerText.trim();
    if (snap !== last && window.__seen.length < 5000) { window.__seen.push(snap); last = snap; }
  }
  new MutationObserver(record).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
  (function frame() { record(); if (window.__seen.length < 5000) requestAnimationFrame(frame); })();
})();
`

// TestOpeningNeverShowsAnotherScenario opens a shared link, and then the
// working copy, on a slow network: until the app has evaluated the scenario
// it opens, the calculator shows only a note saying what it is opening,
// never the prerendered default example's figures (issue 12, item 9).
func TestOpeningNeverShowsAnotherScenario(t *testing.T) {
	s := calcSite(t)
	shared := engine.DefaultScenario()
	shared.Name = "Opening test: a shared scenario"
	shared.Workload.RequestsPerDay = engine.N("123456")
	link := "#" + engine.EncodeLink(&shared)
	working := engine.DefaultScenario()
	working.Name = "Opening test: the working copy"
	working.Workload.RequestsPerDay = engine.N("654321")

	for _, tc := range []struct {
		name, note string
		open       func(*testing.T, *Site) string // the address to open
	}{
		{"shared link", "Opening the shared scenario…", func(*testing.T, *Site) string { return s.URL + link }},
		{"working copy", "Opening the scenario you were working on…", func(t *testing.T, s *Site) string { return s.URL }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := NewBrowser(t)
			if tc.name == "working copy" {
				// A working copy from an earlier visit, as the app stores it.
				step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL), WaitApp(),
					chromedp.Evaluate[chromedp.Void](`localStorage.setItem("infercost.working.v1", JSON.stringify({link: `+jsString(engine.EncodeLink(&working))+`, saved_at: "2026-11-30T00:00:00Z"}))`))
				// Without its worker and caches, so the reload is as slow as a
				// first visit on this network.
				eval[bool](t, ctx, `navigator.serviceWorker.getRegistrations().then(rs => Promise.all(rs.map(r => r.unregister()))).then(() => caches.keys()).then(ks => Promise.all(ks.map(k => caches.delete(k)))).then(() => true)`)
			}
			if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: openingRecorder}); err != nil {
				t.Fatal(err)
			}
			// About 2 Mbit/s with 150 ms of latency: app.wasm takes seconds,
			// the page itself (prerendered) arrives at once.
			if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
				MatchedNetworkConditions: []*network.Conditions{{Latency: 150, DownloadThroughput: 250_000, UploadThroughput: 100_000}}}); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
				t.Fatal(err)
			}
			step(t, ctx, 120*time.Second, chromedp.Navigate(tc.open(t, s)), WaitApp(), WaitTable())
			seen := eval[[]string](t, ctx, `window.__seen`)
			if ms := eval[float64](t, ctx, `Math.max(...performance.getEntriesByType("resource").filter(e => e.name.endsWith("app.wasm")).map(e => e.duration))`); ms < 1000 {
				t.Errorf("app.wasm arrived in %.0f ms: the network was not slowed, the test proves little", ms)
			}
			prerendered := eval[string](t, ctx, `window.__prerendered`)
			if len(prerendered) < 40 {
				t.Fatalf("the prerendered summary was not captured (%q): the test would prove nothing", prerendered)
			}
			covered, live := 0, -1
			for i, snap := range seen {
				if strings.HasPrefix(snap, "LIVE ") {
					live = i
					break
				}
				switch snap {
				case "":
				case tc.note:
					covered++
				default:
					t.Errorf("before the app rendered, the page showed %.200q", snap)
				}
			}
			if live < 0 {
				t.Fatalf("the app never rendered; %d snapshots", len(seen))
			}
			if covered == 0 {
				t.Errorf("the note %q was never shown while the app loaded (snapshots: %q)", tc.note, seen[:live])
			}
			// Compared without white space: innerText separates blocks that
			// textContent runs together.
			bare := func(s string) string { return strings.Join(strings.Fields(s), "") }
			for _, snap := range seen {
				if strings.Contains(bare(snap), bare(prerendered)) {
					t.Errorf("the default example's summary was visible: %.200q", snap)
				}
			}
			if got := text(t, ctx, "#summary"); got == prerendered {
				t.Errorf("the summary is still the default example's: %q", got)
			}
		})
	}
}
