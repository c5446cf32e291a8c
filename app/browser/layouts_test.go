package browser

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/infercost/infercost/engine"
)

// layoutCases are the built-in examples and two scenarios whose options
// cannot all serve: the start-up example at a 5 ms time-per-token target
// (both H100 options cannot serve; the API answers alone) and the
// owned-fleet example at 20 ms on a 1 MW site (two options cannot serve;
// the winner's fleet outgrows the site in month 1).
func layoutCases(t *testing.T) []struct {
	name string
	sc   *engine.Scenario
} {
	var out []struct {
		name string
		sc   *engine.Scenario
	}
	for _, e := range engine.Examples {
		s := e.Scenario.Clone()
		out = append(out, struct {
			name string
			sc   *engine.Scenario
		}{e.ID, &s})
	}
	startup := exampleNamed(t, "startup").Scenario.Clone()
	startup.Workload.TPOTSLOms = engine.N("5")
	fleet := exampleNamed(t, "owned-fleet").Scenario.Clone()
	fleet.Workload.TPOTSLOms = engine.N("20")
	fleet.Workload.SitePowerMW = engine.N("1")
	return append(out, struct {
		name string
		sc   *engine.Scenario
	}{"startup-cannot-serve", &startup}, struct {
		name string
		sc   *engine.Scenario
	}{"owned-fleet-cannot-serve-outgrown", &fleet})
}

// overflowJS lists what sticks out sideways: any element of the page (the
// charts' own drawing aside) whose content is wider than its box while the
// box does not scroll, and any element that ends right of the viewport
// (inputs scroll their own text; visually hidden ones are 1 px on purpose).
const overflowJS = `(() => {
	const out = [];
	for (const el of document.querySelectorAll("body *")) {
		if (el.closest("svg") || !el.getClientRects().length) continue;
		const cs = getComputedStyle(el);
		if (cs.position === "fixed" || el.closest(".table-wrap, .visually-hidden, .skip-link") || el.tagName === "INPUT") continue;
		const r = el.getBoundingClientRect();
		const scrolls = cs.overflowX === "auto" || cs.overflowX === "scroll" || cs.overflowX === "hidden";
		const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "");
		if (r.right > innerWidth + 1) out.push(name + " ends at x " + Math.round(r.right));
		else if (!scrolls && cs.display !== "inline" && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) out.push(name + " content " + el.scrollWidth + " px in " + el.clientWidth);
		if (out.length > 12) break;
	}
	return out;
})()`

// smallTextJS lists the results' texts (charts aside) set under 11 px.
const smallTextJS = `[...document.querySelectorAll("#results *")].filter((el) => !el.closest("svg") && el.getClientRects().length &&
	[...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()) && parseFloat(getComputedStyle(el).fontSize) < 10.99)
	.slice(0, 8).map((el) => getComputedStyle(el).fontSize + ": " + el.textContent.slice(0, 40))`

// clippedChartTextJS lists chart texts that run past their drawing's edge
// (an SVG clips them: "$2,000,000,000" read "000,000,000").
const clippedChartTextJS = `[...document.querySelectorAll("figure.chart svg text")].filter((e) => e.getClientRects().length && e.textContent.trim()).filter((e) => {
	const b = e.getBoundingClientRect(), s = e.ownerSVGElement.getBoundingClientRect();
	return b.left < s.left - 1 || b.right > s.right + 1;
}).slice(0, 8).map((e) => e.closest("figure").id + ": " + e.textContent)`

// TestLayoutExamples: each built-in example and two scenarios with options
// that cannot serve (a "Cannot serve" card and table rank, the summary's
// cannot-serve and site-outgrown sentences), at 320, 375, 768 and 1440 px:
// no horizontal page overflow and nothing sticking out of its box; chart
// text at least 11 px as drawn and not cut off at the drawing's edge, each
// chart as wide as its box at every width (none scrolls sideways), and
// the results' other text at least 11 px too; at 375 × 667 the summary's verdict and the
// winner's card down to its cost per M tokens in the first screen; the
// comparison table scrolled to its far corner still shows its header row,
// its row labels and its last cell. INFERCOST_LAYOUT_SHOTS=DIR also writes
// a full-page picture of each.
func TestLayoutExamples(t *testing.T) {
	shots := os.Getenv("INFERCOST_LAYOUT_SHOTS")
	s := calcSite(t)
	ctx := NewBrowser(t)
	log := WatchConsole(ctx)
	log.LogOnFailure(t)
	for _, c := range layoutCases(t) {
		for _, width := range []int{320, 375, 768, 1440} {
			height := 900
			if width == 375 {
				height = 667
			}
			t.Run(fmt.Sprintf("%s at %d px", c.name, width), func(t *testing.T) {
				// A fresh load each time: a new fragment alone would keep the
				// page, and the last scenario's charts could be measured.
				step(t, ctx, 90*time.Second, chromedp.EmulateViewport(int64(width), int64(height)), chromedp.Navigate("about:blank"),
					chromedp.Navigate(s.URL+"#"+engine.EncodeLink(c.sc)), WaitApp(), WaitTable(),
					WaitJS(`document.querySelector("#chart-monthly svg") && document.querySelector("#chart-volume svg") && document.querySelector("#chart-tornado svg") !== null`, 60*time.Second))
				f := eval[layoutFigures](t, ctx, layoutJS)
				t.Logf("page %v px; chart text ≥ %.2f px (%d labels); summary to y %v, winner's cost per M to y %v; table %v px in %v", f.Width, f.MinFont, f.Fonts, f.SummaryBottom, f.WinnerFigure, f.TableWidth, f.WrapWidth)
				if f.Width > float64(width) || f.BodyWidth > float64(width) {
					t.Errorf("the page is %v px wide (body %v) at %d px", f.Width, f.BodyWidth, width)
				}
				if over := eval[[]string](t, ctx, overflowJS); len(over) > 0 {
					t.Errorf("sticking out at %d px: %s", width, strings.Join(over, "; "))
				}
				// Every chart is drawn for its box's width (app/charts.go
				// frameFor): none scrolls sideways, phones included.
				if wide := eval[[]string](t, ctx, `[...document.querySelectorAll("figure.chart")].filter((f) => f.scrollWidth > f.clientWidth + 1).map((f) => f.id + " " + f.scrollWidth + " px in " + f.clientWidth)`); len(wide) > 0 {
					t.Errorf("charts wider than their box (the rest scrolls out of sight): %s", strings.Join(wide, "; "))
				}
				if cut := eval[[]string](t, ctx, clippedChartTextJS); len(cut) > 0 {
					t.Errorf("chart text cut off at the drawing's edge: %s", strings.Join(cut, "; "))
				}
				if small := eval[[]string](t, ctx, smallTextJS); len(small) > 0 {
					t.Errorf("text under 11 px in the results: %s", strings.Join(small, "; "))
				}
				if f.Fonts == 0 || f.MinFont < 10.99 {
					t.Errorf("chart text drawn at %.2f px (%d labels), want ≥ 11", f.MinFont, f.Fonts)
				}
				if width == 375 && (f.SummaryBottom > f.Height || f.WinnerFigure > f.Height) {
					t.Errorf("at 375 × %d the summary ends at y = %v and the winner's cost per M tokens at y = %v: not in the first screen", height, f.SummaryBottom, f.WinnerFigure)
				}
				if f.HeadTop > f.WrapTop+2 || f.HeadTop < f.WrapTop-1 {
					t.Errorf("header %q at y %v, the box's top is %v: not pinned", f.HeadText, f.HeadTop, f.WrapTop)
				}
				if f.LabelLeft > f.WrapLeft+2 || f.LabelLeft < f.WrapLeft-1 {
					t.Errorf("row label %q at x %v, the box's left is %v: not pinned", f.LabelText, f.LabelLeft, f.WrapLeft)
				}
				if f.LastCellRight > f.WrapRight+1 || f.LastCellBottom > f.WrapBottom+1 {
					t.Errorf("the last cell ends at %v, %v; the box at %v, %v: not reachable", f.LastCellRight, f.LastCellBottom, f.WrapRight, f.WrapBottom)
				}
				if shots != "" {
					layoutShots(t, ctx, shots, fmt.Sprintf("%s-%d", c.name, width))
				}
			})
		}
	}
	if fails := log.Failures(); len(fails) > 0 {
		t.Errorf("console: %s", strings.Join(fails, "\n"))
	}
}

// layoutShots writes the first screen and pictures of the results' parts.
func layoutShots(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	shot := func(suffix string, a func(context.Context, *chromedp.Target) ([]byte, error)) {
		var png []byte
		step(t, ctx, time.Minute, chromedp.Func(func(ctx2 context.Context, tg *chromedp.Target) error {
			var err error
			png, err = a(ctx2, tg)
			return err
		}))
		if err := os.WriteFile(filepath.Join(dir, name+suffix+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	step(t, ctx, 10*time.Second, chromedp.Sleep(300*time.Millisecond))
	shot("-first", chromedp.CaptureScreenshot())
	for _, sel := range []string{"#headline", "#comparison-wrap", "#uncertainty", "#chart-monthly", "#summary-why"} {
		if eval[bool](t, ctx, fmt.Sprintf(`document.querySelector(%q) !== null`, sel)) {
			shot("-"+sel[1:], chromedp.Screenshot(sel))
		}
	}
	eval[int](t, ctx, `(scrollTo(0, 0), 1)`)
}
