package browser

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/infercost/infercost/app/site"
)

// recordViolations makes every page of the tab, from its first script on,
// keep the Content-Security-Policy violations it sees in
// window.cspViolations.
func recordViolations() chromedp.Action[chromedp.Void] {
	return addScript(`
		window.cspViolations = [];
		document.addEventListener("securitypolicyviolation", (e) => {
			window.cspViolations.push(e.effectiveDirective + " blocked " + (e.blockedURI || "inline") + " in " + e.sourceFile + ":" + e.lineNumber);
		});`)
}

// policyMessages are the words of Chromium's console messages about the
// policies (a violation, a header it cannot parse, an unknown feature).
var policyMessages = []string{"Content Security Policy", "Content-Security-Policy", "Permissions-Policy", "Permissions policy"}

// TestCSP runs the app under its Content-Security-Policy, as the meta tag
// alone (a static host that sends no headers) and as the header of
// `infercost serve` plus the meta tag, and checks that the calculator, its
// charts and the offline worker work with no violation. It then checks that
// the policy is really in force: an inline script is refused and reported.
func TestCSP(t *testing.T) {
	dir := BuildSite(t, wasmFile, "", "v-csp")
	for _, tc := range []struct {
		name    string
		handler http.Handler
		header  bool
	}{
		{"meta tag on a static host", http.FileServer(http.Dir(dir)), false},
		{"header and meta tag from infercost serve", mustServer(t, dir), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(tc.handler)
			defer srv.Close()
			ctx := NewBrowser(t)
			log := WatchConsole(ctx)
			log.LogOnFailure(t)
			step(t, ctx, 30*time.Second, recordViolations(), noClipboard())
			consoleMessages := func() []string { return log.Containing(policyMessages...) }
			// run runs a step and tells what the policies blocked when it fails.
			run := func(d time.Duration, actions ...chromedp.Action[chromedp.Void]) {
				t.Helper()
				c, cancel := context.WithTimeout(ctx, d)
				defer cancel()
				if err := chromedp.Do(c, actions...); err != nil {
					v, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.cspViolations || []`))
					t.Fatalf("%v\nviolations: %q", err, v) // LogOnFailure prints the console
				}
			}
			// The second visit is answered by the worker, from its cache.
			run(2*time.Minute, chromedp.Navigate(srv.URL+"/"), WaitApp(), WaitTable(), WaitWorker(),
				chromedp.Reload(), WaitApp(), WaitTable(),
				WaitJS(`navigator.serviceWorker.controller !== null`, 30*time.Second))
			// Another example redraws the results and every chart.
			run(time.Minute,
				chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById("example"); s.value = "owned-fleet"; s.dispatchEvent(new Event("change", {bubbles: true})); })()`),
				WaitJS(`document.getElementById("scenario-name").value.startsWith("Owned fleet")`, 20*time.Second),
				WaitJS(`document.querySelector("#chart-volume polyline") !== null && document.querySelector("#chart-tornado rect") !== null`, 30*time.Second))
			if verdict := eval[string](t, ctx, `(document.getElementById("verdict") || {}).textContent || ""`); !strings.Contains(verdict, "cheapest") {
				t.Errorf("no results: verdict %q", verdict)
			}
			responds(t, ctx, log)
			if v := eval[[]string](t, ctx, `window.cspViolations`); len(v) > 0 {
				t.Errorf("policy violations: %q", v)
			}
			if m := consoleMessages(); len(m) > 0 {
				t.Errorf("console messages about the policies: %q", m)
			}
			if tc.header {
				if !eval[bool](t, ctx, `!document.featurePolicy.allowsFeature("camera") && document.featurePolicy.allowsFeature("clipboard-write")`) {
					t.Errorf("Permissions-Policy not in force: allowed %q", eval[[]string](t, ctx, `document.featurePolicy.allowedFeatures()`))
				}
			}

			// The policy is in force, and the listener hears it.
			if err := chromedp.Do(ctx,
				chromedp.Evaluate[chromedp.Void](`(() => { const s = document.createElement("script"); s.textContent = "window.inlineRan = true"; document.body.appendChild(s); })()`),
				WaitJS(`window.cspViolations.length > 0`, 5*time.Second)); err != nil {
				t.Fatalf("an inline script was not reported as a violation: %v", err)
			}
			if eval[bool](t, ctx, `window.inlineRan === true`) {
				t.Error("an inline script ran")
			}
			for end := time.Now().Add(5 * time.Second); len(consoleMessages()) == 0; time.Sleep(50 * time.Millisecond) {
				if time.Now().After(end) {
					t.Fatal("the refused inline script left no console message: the console check hears nothing")
				}
			}
		})
	}
}

func mustServer(t *testing.T, dir string) *site.Server {
	t.Helper()
	s, err := site.NewServer(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	return s
}
