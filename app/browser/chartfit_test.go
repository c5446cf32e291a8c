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

// Charts that fit the screen (issue 12, item 3): every chart is drawn for
// the width of its box, so that none scrolls sideways, none sticks out of
// the page, and its text renders at 11 px at least, at 320, 375, 768 and
// 1440 px.

// chartFitJS measures every drawn chart: its box against its content (a
// scrolling box), its drawing against its box, each text's rendered size
// (font size × the drawing's scale) and whether it lies inside the drawing.
const chartFitJS = `(() => {
	const out = { charts: [], scroll: [], small: [], outside: [], minFont: 1e9, texts: 0,
		page: document.documentElement.scrollWidth, body: document.body.scrollWidth };
	for (const fig of document.querySelectorAll("figure.chart")) {
		const svg = fig.querySelector("svg");
		if (!svg) continue;
		const vb = svg.viewBox.baseVal, s = svg.getBoundingClientRect(), f = fig.getBoundingClientRect();
		out.charts.push(fig.id + " " + vb.width + "@" + Math.round(s.width));
		if (fig.scrollWidth > fig.clientWidth + 1) out.scroll.push(fig.id + " content " + fig.scrollWidth + " px in " + fig.clientWidth);
		if (s.width > f.width + 1 || s.left < f.left - 1) out.scroll.push(fig.id + " drawing " + Math.round(s.width) + " px in " + Math.round(f.width));
		for (const e of svg.querySelectorAll("text")) {
			if (!e.getClientRects().length || !e.textContent.trim()) continue;
			const m = e.getScreenCTM(), px = parseFloat(getComputedStyle(e).fontSize) * Math.hypot(m.a, m.b);
			out.minFont = Math.min(out.minFont, px); out.texts++;
			if (px < 10.99) out.small.push(fig.id + " " + px.toFixed(1) + " px: " + e.textContent);
			const b = e.getBoundingClientRect();
			if (b.left < s.left - 1 || b.right > s.right + 1 || b.top < s.top - 1 || b.bottom > s.bottom + 1)
				out.outside.push(fig.id + ": " + e.textContent + " [" + Math.round(b.left) + "–" + Math.round(b.right) + " of " + Math.round(s.left) + "–" + Math.round(s.right) + "]");
		}
	}
	out.small = out.small.slice(0, 8); out.outside = out.outside.slice(0, 8);
	return out;
})()`

// wrappedFiguresJS lists the figures the page breaks across two lines:
// a number and its "%" or unit ("71.0 %", "1.2 GW") on different lines.
const wrappedFiguresJS = `(() => {
	const out = [], walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	const re = /\d[\d,.]* (%|[kMG]?W\b)/g;
	for (let n = walk.nextNode(); n; n = walk.nextNode()) {
		const el = n.parentElement;
		if (!el || el.closest("svg, script, style, title, .visually-hidden, option") || !el.getClientRects().length) continue;
		for (const m of n.textContent.matchAll(re)) {
			const r = document.createRange();
			r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
			const tops = new Set([...r.getClientRects()].filter((q) => q.width > 0).map((q) => Math.round(q.bottom)));
			if (tops.size > 1) out.push(m[0] + " in " + ((el.closest("section[id], div[id], table[id]") || {}).id || "") + " " + el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className ? "." + String(el.className).split(" ").join(".") : "") + ": " + n.textContent.slice(Math.max(0, m.index - 30), m.index + 20));
		}
	}
	return out.slice(0, 12);
})()`

type chartFit struct {
	Charts, Scroll, Small, Outside []string
	MinFont                        float64
	Texts                          int
	Page, Body                     float64
}

// chartFitCases: the default example draws nine charts (monthly, breakdown,
// capacity, sizing, discounted cash, volume, interactivity, tornado,
// power); the gigawatt example adds the fan chart (its Uncertainty card
// runs); the hybrid example's capacity chart has its committed tiers.
var chartFitCases = []struct{ name, frag, wait string }{
	{"default", "", `document.querySelector("#chart-power svg") && document.querySelector("#chart-sizing svg")`},
	{"gigawatt", "gigawatt", `document.querySelector("#chart-fan svg") && document.querySelector("#chart-power svg")`},
	{"hybrid", "hybrid", `document.querySelector("#chart-capacity polyline.commit")`},
}

// chartsSettled: every chart drawn (no "Drawing the chart…" left) in the
// frame of its box's present width.
const chartsSettled = `document.querySelector("#chart-monthly svg") && document.querySelector("#chart-volume polyline") &&
	document.querySelector("#chart-tornado text.value") && !document.querySelector(".chart-block.pending") &&
	[...document.querySelectorAll("figure.chart svg")].every((s) => s.viewBox.baseVal.width <= s.getBoundingClientRect().width + 0.5)`

// TestChartsFitTheirBox: at 320, 375, 768 and 1440 px, with the default,
// gigawatt and hybrid examples (every kind of chart), each chart's drawing
// is as wide as its box or less (no sideways scroll in it, no page
// overflow), its text renders at 11 px or more and lies inside the
// drawing. No figure of the page breaks between its number and its "%" or
// unit. INFERCOST_CHART_SHOTS=DIR writes a picture of each chart.
func TestChartsFitTheirBox(t *testing.T) {
	shots := os.Getenv("INFERCOST_CHART_SHOTS")
	s := calcSite(t)
	ctx := NewBrowser(t)
	log := WatchConsole(ctx)
	log.LogOnFailure(t)
	for _, c := range chartFitCases {
		link := s.URL
		if c.frag != "" {
			sc := exampleNamed(t, c.frag).Scenario.Clone()
			link += "#" + engine.EncodeLink(&sc)
		}
		for _, width := range []int64{320, 375, 768, 1440} {
			t.Run(fmt.Sprintf("%s at %d px", c.name, width), func(t *testing.T) {
				step(t, ctx, 2*time.Minute, chromedp.EmulateViewport(width, 900), chromedp.Navigate("about:blank"),
					chromedp.Navigate(link), WaitApp(), WaitTable(), WaitJS(c.wait+" !== null", 90*time.Second))
				waitSettled(t, ctx)
				f := eval[chartFit](t, ctx, chartFitJS)
				checkChartFit(t, f, width)
				if wrapped := eval[[]string](t, ctx, wrappedFiguresJS); len(wrapped) > 0 {
					t.Errorf("figures broken across lines at %d px: %s", width, strings.Join(wrapped, "; "))
				}
				if shots != "" {
					chartShots(t, ctx, shots, fmt.Sprintf("%s-%d", c.name, width))
				}
			})
		}
	}
	if fails := log.Failures(); len(fails) > 0 {
		t.Errorf("console: %s", strings.Join(fails, "\n"))
	}
}

// waitSettled waits for chartsSettled and says what is not when it
// times out.
func waitSettled(t *testing.T, ctx context.Context) {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(c, WaitJS(chartsSettled, 30*time.Second), chromedp.Sleep(300*time.Millisecond)); err != nil {
		t.Fatalf("the charts did not settle (%v): pending %v; drawings %v", err,
			eval[[]string](t, ctx, `[...document.querySelectorAll(".chart-block.pending")].map((e) => e.id)`),
			eval[[]string](t, ctx, `[...document.querySelectorAll("figure.chart svg")].map((s) => s.closest("figure").id + " " + s.viewBox.baseVal.width + "@" + s.getBoundingClientRect().width.toFixed(1))`))
	}
}

func checkChartFit(t *testing.T, f chartFit, width int64) {
	t.Helper()
	t.Logf("charts (viewBox width @ rendered px): %s; text ≥ %.2f px (%d texts)", strings.Join(f.Charts, ", "), f.MinFont, f.Texts)
	if len(f.Charts) < 8 {
		t.Errorf("only %d charts drawn: %v", len(f.Charts), f.Charts)
	}
	if f.Page > float64(width) || f.Body > float64(width) {
		t.Errorf("the page is %v px wide (body %v) at %d px", f.Page, f.Body, width)
	}
	if len(f.Scroll) > 0 {
		t.Errorf("charts wider than their box at %d px: %s", width, strings.Join(f.Scroll, "; "))
	}
	if f.Texts == 0 || len(f.Small) > 0 {
		t.Errorf("chart text under 11 px at %d px (smallest %.2f px of %d): %s", width, f.MinFont, f.Texts, strings.Join(f.Small, "; "))
	}
	if len(f.Outside) > 0 {
		t.Errorf("chart text outside its drawing at %d px: %s", width, strings.Join(f.Outside, "; "))
	}
}

// TestChartsRelayOnResize: a page opened at 1440 px and narrowed to 375
// draws its charts again in a frame that fits the phone (the frame follows
// the box, not the width the page was opened at), and back; narrowed to
// 1300 px, where the box still holds the widest frame, nothing is redrawn.
// A chart saved at 375 px fits its picture (checkNarrowExport).
func TestChartsRelayOnResize(t *testing.T) {
	s := calcSite(t)
	ctx := NewBrowser(t)
	step(t, ctx, 2*time.Minute, chromedp.EmulateViewport(1440, 900), chromedp.Navigate(s.URL), WaitApp(), WaitTable(),
		WaitJS(chartFitCases[0].wait+" !== null", 90*time.Second))
	waitSettled(t, ctx)
	frame := func() string {
		return eval[string](t, ctx, `document.querySelector("#chart-monthly svg").getAttribute("viewBox")`)
	}
	wide := frame()
	// A resize that keeps the box over 720 px keeps the frame: no redraw.
	eval[int](t, ctx, `(window.frameEvents = 0, addEventListener("infercost-chart-width", () => window.frameEvents++), 1)`)
	step(t, ctx, time.Minute, chromedp.EmulateViewport(1300, 900), chromedp.Sleep(500*time.Millisecond))
	if n := eval[int](t, ctx, `window.frameEvents`); n != 0 || frame() != wide {
		t.Errorf("narrowed from 1440 to 1300 px (the box still wider than the widest frame): %d frame changes, viewBox %q, want none and %q", n, frame(), wide)
	}
	for _, width := range []int64{375, 1440} {
		step(t, ctx, time.Minute, chromedp.EmulateViewport(width, 900))
		waitSettled(t, ctx)
		f := eval[chartFit](t, ctx, chartFitJS)
		checkChartFit(t, f, width)
		got := frame()
		t.Logf("at %d px the monthly chart's viewBox is %q", width, got)
		if width == 375 && got == wide {
			t.Errorf("narrowed to 375 px, the monthly chart kept its 1440 px frame %q", got)
		}
		if width == 375 {
			checkNarrowExport(t, ctx)
		}
		if width == 1440 && got != wide {
			t.Errorf("widened back to 1440 px, the monthly chart's frame is %q, want %q as at first", got, wide)
		}
	}
}

// checkNarrowExport: a chart saved from a phone (the SVG that the SVG and
// PNG buttons write, web/charts.js standaloneChart) keeps every text
// inside the picture, its title wrapped onto lines that read as the
// chart's title.
func checkNarrowExport(t *testing.T, ctx context.Context) {
	t.Helper()
	type export struct {
		Width       float64
		Title, Want string
		Lines       int
		Outside     []string
	}
	for _, id := range []string{"chart-tornado", "chart-monthly", "chart-breakdown"} {
		e := eval[export](t, ctx, `(() => {
			const fig = document.getElementById(`+"`"+id+"`"+`), out = standaloneChart(fig);
			const host = document.createElement("div");
			host.style.cssText = "position:absolute;left:0;top:0;visibility:hidden";
			host.innerHTML = out.text.replace(/^<\?xml[^>]*>\s*/, "");
			document.body.appendChild(host);
			const svg = host.querySelector("svg"), titles = [...svg.querySelectorAll("text[font-weight='700']")];
			const outside = [...svg.querySelectorAll("text")].filter((t) => t.textContent.trim()).filter((t) => {
				const b = t.getBBox(); return b.x < -1 || b.x + b.width > out.width + 1; }).map((t) => t.textContent).slice(0, 6);
			host.remove();
			return { width: out.width, title: titles.map((t) => t.textContent).join(" "), lines: titles.length,
				want: fig.querySelector("h3").textContent.replace(/\s+/g, " ").trim(), outside };
		})()`)
		t.Logf("%s saved at 375 px: %v wide, title on %d lines", id, e.Width, e.Lines)
		if e.Title != e.Want {
			t.Errorf("%s saved at 375 px: title %q, want %q", id, e.Title, e.Want)
		}
		if e.Width > 340 || len(e.Outside) > 0 {
			t.Errorf("%s saved at 375 px: %v wide, texts outside it: %v", id, e.Width, e.Outside)
		}
	}
}

// chartShots writes a picture of every chart and of the first screen.
func chartShots(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	ids := eval[[]string](t, ctx, `[...document.querySelectorAll("figure.chart")].map((f) => f.id)`)
	for _, id := range ids {
		var png []byte
		step(t, ctx, time.Minute, chromedp.Func(func(ctx2 context.Context, tg *chromedp.Target) error {
			var err error
			png, err = chromedp.Screenshot("#"+id)(ctx2, tg)
			return err
		}))
		if err := os.WriteFile(filepath.Join(dir, name+"-"+strings.TrimPrefix(id, "chart-")+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	eval[int](t, ctx, `(scrollTo(0, 0), 1)`)
}
