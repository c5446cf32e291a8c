package browser

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/infercost/infercost/engine"
)

// TestDiagnoseFirstEdit opens the reference scenario, then edits it three
// times, and reports every entry into Go of 15 ms or more while the page
// opens and after each edit, with the collections that ended in them
// (goResumeRecorder's gctrace lines), the address bar's and storage's
// calls: it found the first collection in the first edit (236–245 ms, one
// task), which paceCollector moved (docs/performance.md, 2026-12-02).
// INFERCOST_FIRSTEDIT=1 runs it (a diagnosis, not a check).
func TestDiagnoseFirstEdit(t *testing.T) {
	if os.Getenv("INFERCOST_FIRSTEDIT") == "" {
		t.Skip("set INFERCOST_FIRSTEDIT=1")
	}
	s := Serve(t, BuildSite(t, wasmFile, "", "firstedit"), "")
	ref := referenceScenario(t)
	for round := range 2 {
		ctx := NewBrowser(t)
		if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: fmt.Sprintf(goResumeRecorder, "gctrace=1")}); err != nil {
			t.Fatal(err)
		}
		step(t, ctx, 2*time.Minute, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(&ref)), WaitApp(),
			WaitJS(`document.querySelector("#chart-tornado rect") !== null`, time.Minute))
		d := readGoDiag(t, ctx, `new Promise((r) => setTimeout(() => r(JSON.stringify(__goDiag)), 1500))`)
		t.Logf("round %d load: %d entries; ≥15 ms (ms@ms since navigation): %s", round+1, len(d.Resumes), d.long(0, 15))
		d.logGCs(t, 0)
		for e := range 3 {
			t0 := eval[float64](t, ctx, fmt.Sprintf(`(async () => {
				await new Promise((r) => setTimeout(r, 300));
				__goDiag.resumes.length = 0; __goDiag.gcs.length = 0; __goDiag.calls.length = 0;
				const el = document.getElementById("w-requests_per_day");
				const t0 = performance.now();
				el.value = String(3000000 + %d * 7000);
				el.dispatchEvent(new Event("input", {bubbles: true}));
				await new Promise((r) => setTimeout(r, 1200));
				return t0;
			})()`, e+1))
			d := readGoDiag(t, ctx, `JSON.stringify(__goDiag)`)
			t.Logf("round %d edit %d: %d entries; ≥15 ms: %s", round+1, e+1, len(d.Resumes), d.long(t0, 15))
			for _, c := range d.Calls {
				t.Logf("  call %v at %.0f: %.1f ms (%v chars)", c[0], c[1].(float64)-t0, c[2], c[3])
			}
			d.logGCs(t, t0)
		}
		closeBrowser(ctx)
	}
}
