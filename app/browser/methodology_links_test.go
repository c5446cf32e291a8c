package browser

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/infercost/infercost/app"
	"github.com/infercost/infercost/engine"
)

// methodLinksJS lists, in the results, each card, option card, hybrid
// layer table and chart without a link to the methodology (a.how), and
// each such link that does not go to one of the page's known sections
// (anchors) in a new tab, keyboard-reachable; it returns the sections
// linked to.
const methodLinksJS = `((anchors, path) => {
	const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + "." + String(el.className).trim().split(/\s+/).join(".");
	const parts = [...document.querySelectorAll("#results section.card, #results article.headline, #results .hybrid-layers, #results figure.chart")];
	const missing = parts.filter((el) => !el.querySelector("a.how")).map(name);
	const links = [...document.querySelectorAll("#results a.how")];
	const bad = links.filter((a) => {
		const u = new URL(a.href);
		return !u.pathname.endsWith(path) || !anchors.includes(u.hash.slice(1)) || a.target !== "_blank" || !a.relList.contains("noopener") ||
			a.tabIndex < 0 || !a.textContent.trim() || !a.getClientRects().length;
	}).map((a) => a.outerHTML.slice(0, 160));
	return {Parts: parts.length, Charts: document.querySelectorAll("#results figure.chart").length, Missing: missing, Bad: bad,
		Anchors: [...new Set(links.map((a) => new URL(a.href).hash.slice(1)))]};
})`

// TestMethodologyLinks: on the default example (nine charts), the
// gigawatt example (its Uncertainty card runs: the fan chart, the power
// section), the hybrid example (a hybrid's layer table) and the start-up
// example at a 5 ms target (cards of options that cannot serve), every
// card of the results, every option card and layer table and every chart
// links to the methodology's section that computes it, each link to a
// section app.MethodologyAnchors lists (app/site's TestMethodologyPage
// checks each exists), opening in a new tab and reachable by keyboard;
// together they link to every one of those sections.
func TestMethodologyLinks(t *testing.T) {
	s := calcSite(t)
	ctx := NewBrowser(t)
	log := WatchConsole(ctx)
	log.LogOnFailure(t)
	startup := exampleNamed(t, "startup").Scenario.Clone()
	startup.Workload.TPOTSLOms = engine.N("5")
	cases := []struct {
		name   string
		sc     *engine.Scenario
		wait   string
		charts int
	}{
		{"default", nil, `document.querySelector("#chart-power svg") && document.querySelector("#chart-sizing svg")`, 9},
		{"gigawatt", nil, `document.querySelector("#chart-fan svg") && document.querySelector("#chart-power svg")`, 10},
		{"hybrid", nil, `document.querySelector("#chart-capacity polyline.commit") && document.querySelector(".hybrid-layers")`, 0},
		{"startup-cannot-serve", &startup, `document.querySelector(".headline.cannot-serve")`, 0},
	}
	anchors, err := json.Marshal(app.MethodologyAnchors)
	if err != nil {
		t.Fatal(err)
	}
	linked := map[string]bool{}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			link := s.URL
			switch {
			case c.sc != nil:
				link += "#" + engine.EncodeLink(c.sc)
			case c.name != "default":
				sc := exampleNamed(t, c.name).Scenario.Clone()
				link += "#" + engine.EncodeLink(&sc)
			}
			step(t, ctx, 2*time.Minute, chromedp.EmulateViewport(1280, 900), chromedp.Navigate("about:blank"),
				chromedp.Navigate(link), WaitApp(), WaitTable(), WaitJS(c.wait+" !== null", 90*time.Second))
			waitSettled(t, ctx)
			got := eval[struct {
				Parts, Charts int
				Missing, Bad  []string
				Anchors       []string
			}](t, ctx, fmt.Sprintf("%s(%s, %q)", methodLinksJS, anchors, app.MethodologyPath))
			t.Logf("%d parts (%d charts) link to %q", got.Parts, got.Charts, got.Anchors)
			if c.charts > 0 && got.Charts != c.charts {
				t.Errorf("%d charts, want %d", got.Charts, c.charts)
			}
			if len(got.Missing) > 0 {
				t.Errorf("without a link to the methodology: %s", strings.Join(got.Missing, "; "))
			}
			if len(got.Bad) > 0 {
				t.Errorf("links not to a known section in a new tab, or not focusable: %s", strings.Join(got.Bad, "; "))
			}
			for _, a := range got.Anchors {
				linked[a] = true
			}
		})
	}
	for _, a := range app.MethodologyAnchors {
		if !linked[a] {
			t.Errorf("no result links to #%s", a)
		}
	}
	if fails := log.Failures(); len(fails) > 0 {
		t.Errorf("console: %s", strings.Join(fails, "\n"))
	}
}
