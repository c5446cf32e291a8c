package browser

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// a11yJS holds the page-side checks of TestCalculatorAccessibility. Colours
// are read from the computed style, with translucent backgrounds blended
// over their ancestors', and compared as WCAG 2 defines contrast.
const a11yJS = `
const parse = (c) => {
	const m = /rgba?\(([^)]+)\)/.exec(c || "");
	if (!m) return null;
	const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
	return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
};
const blend = (top, under) => { const a = top[3]; return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a)).concat(1); };
const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
	return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
const background = (el) => {
	const layers = [];
	for (let e = el; e; e = e.parentElement) {
		const c = parse(getComputedStyle(e).backgroundColor);
		if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
	}
	let bg = [255, 255, 255, 1];
	for (let i = layers.length - 1; i >= 0; i--) bg = blend(layers[i], bg);
	return bg;
};
const shown = (el) => el.getClientRects().length > 0 && !el.closest(".visually-hidden") && getComputedStyle(el).visibility !== "hidden";
// eachText calls fn(el, color, bg, text) for every text shown: an
// element's own text, an input's value or placeholder, an SVG label.
const eachText = (fn) => {
	for (const el of document.querySelectorAll("body *")) {
		if (!shown(el) || el.matches(":disabled") || el.closest("svg")) continue;
		const bg = background(el), color = parse(getComputedStyle(el).color);
		const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join("").trim();
		if (own) fn(el, blend(color, bg), bg, own);
		if (el.tagName !== "INPUT" && el.tagName !== "TEXTAREA") continue;
		if (el.value) fn(el, blend(color, bg), bg, el.value);
		else if (el.placeholder) fn(el, blend(parse(getComputedStyle(el, "::placeholder").color), bg), bg, "placeholder " + el.placeholder);
	}
	for (const el of document.querySelectorAll("svg text")) {
		if (!shown(el) || !el.textContent.trim()) continue;
		const bg = background(el.closest("figure") || el.parentElement);
		fn(el, blend(parse(getComputedStyle(el).fill), bg), bg, el.textContent.trim());
	}
};
const describe = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "");
`

// a11y wraps a check's body (which returns its findings) with the helpers,
// in a function of its own: top-level consts would outlive one evaluation.
func a11y(body string) string { return "(() => {" + a11yJS + body + "})()" }

// TestCalculatorAccessibility checks, with every folded group open, in the
// light and the dark theme: every control has an accessible name, all text
// (placeholders and chart labels included) meets WCAG AA contrast, chart
// lines and bars stand out 3:1 from their background, and keyboard focus is
// drawn with an outline that stands out (3:1) from the background.
func TestCalculatorAccessibility(t *testing.T) {
	s := calcSite(t)
	for _, theme := range []string{"light", "dark"} {
		t.Run(theme, func(t *testing.T) {
			ctx := NewBrowser(t)
			if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: theme}},
			}); err != nil {
				t.Fatal(err)
			}
			// The owned-fleet example has owned and rented options; open
			// every folded group so that every field is on the page.
			step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL), WaitApp(), WaitTable())
			step(t, ctx, 30*time.Second,
				chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById("example"); s.value = "owned-fleet"; s.dispatchEvent(new Event("change", {bubbles: true})); })()`),
				WaitJS(`document.getElementById("scenario-name").value.startsWith("Owned fleet")`, 20*time.Second),
				chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("details:not([open]) > summary").forEach((s) => s.click())`),
				WaitJS(`document.querySelectorAll("details:not([open])").length === 0 && document.querySelector("input[data-path='options[0].staff_per_month']") !== null`, 20*time.Second),
				WaitJS(`document.querySelector("#chart-tornado rect") !== null`, 30*time.Second))
			if n := eval[int](t, ctx, `document.querySelectorAll("input, select, textarea, button").length`); n < 80 {
				t.Fatalf("only %d controls on the page: the folded groups did not open", n)
			}

			unnamed := eval[[]string](t, ctx, a11y(`
				return [...document.querySelectorAll("input, select, textarea, button, a[href]")].filter((el) => {
					const label = [...(el.labels || [])].map((l) => l.textContent).join("").trim();
					const aria = (el.getAttribute("aria-label") || "").trim();
					const by = (el.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean).map((id) => (document.getElementById(id) || {}).textContent || "").join("").trim();
					const own = (el.tagName === "BUTTON" || el.tagName === "A") ? el.textContent.trim() : "";
					return !(label || aria || by || own);
				}).map(describe)`))
			if len(unnamed) > 0 {
				t.Errorf("controls without an accessible name: %s", strings.Join(unnamed, ", "))
			}

			contrast := func(when string) {
				low := eval[[]string](t, ctx, a11y(`
				const out = [];
				eachText((el, color, bg, what) => {
					const st = getComputedStyle(el);
					const size = parseFloat(st.fontSize), bold = parseInt(st.fontWeight, 10) >= 700;
					const need = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
					const r = ratio(color, bg);
					if (r < need) out.push(describe(el) + " " + JSON.stringify(what.slice(0, 30)) + ": " + r.toFixed(2) + " < " + need);
				});
				return out`))
				if len(low) > 0 {
					t.Errorf("%s: %d texts below WCAG AA contrast:\n%s", when, len(low), strings.Join(low, "\n"))
				}
			}
			contrast("every group open")
			// Chart marks are graphics that carry meaning: 3:1 against the
			// chart's background (WCAG 1.4.11).
			marks := eval[[]string](t, ctx, a11y(`
				const out = [];
				for (const el of document.querySelectorAll("figure svg .series, figure svg rect:not(.band)")) {
					if (!shown(el)) continue;
					const st = getComputedStyle(el);
					const paint = el.tagName === "rect" ? st.fill : st.stroke;
					const c = parse(paint);
					if (!c) continue;
					const bg = background(el.closest("figure"));
					const r = ratio(blend(c, bg), bg);
					if (r < 3) out.push(el.closest("figure").id + " " + el.tagName + "." + el.getAttribute("class") + ": " + r.toFixed(2));
				}
				return [...new Set(out)];`))
			if len(marks) > 0 {
				t.Errorf("chart marks below 3:1 against their background:\n%s", strings.Join(marks, "\n"))
			}
			// An invalid field: its error, the stale banner and the list of
			// errors must be as readable.
			step(t, ctx, 20*time.Second, setInput("w-requests_per_day", "-5"), WaitJS(`document.getElementById("stale") !== null`, 10*time.Second))
			contrast("with an invalid field")

			// Tab through the first controls: each must show an outline of at
			// least 2 px that contrasts 3:1 with what is behind it.
			var weak []string
			visited := map[string]bool{}
			for i := 0; i < 25; i++ {
				step(t, ctx, 10*time.Second, chromedp.KeyEvent("\t"))
				// Keyed by the element itself (its place in the document):
				// several links may share a description.
				visited[eval[string](t, ctx, a11y(`return describe(document.activeElement) + "@" + [...document.querySelectorAll("*")].indexOf(document.activeElement)`))] = true
				if got := eval[string](t, ctx, a11y(`
					const el = document.activeElement;
					if (!el || el === document.body) return "";
					const st = getComputedStyle(el);
					const width = parseFloat(st.outlineWidth);
					if (st.outlineStyle === "none" || width < 2) return describe(el) + ": no visible outline";
					const r = ratio(parse(st.outlineColor), background(el.parentElement || el));
					return r < 3 ? describe(el) + ": outline contrast " + r.toFixed(2) : "";`)); got != "" {
					weak = append(weak, got)
				}
			}
			if len(weak) > 0 {
				t.Errorf("focus not visible enough:\n%s", strings.Join(weak, "\n"))
			}
			if len(visited) < 20 {
				t.Errorf("Tab reached only %d distinct elements in 25 presses: %v", len(visited), visited)
			}
		})
	}
}

// TestCalculatorChartKeyboard: each chart is one Tab stop, and the arrow
// keys, Home and End move through its marks without scrolling the page.
func TestCalculatorChartKeyboard(t *testing.T) {
	s := calcSite(t)
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL), WaitApp(), WaitTable(),
		// The power chart is a job of its own (after the tornado, in the
		// scheduler's order): wait for every chart before counting stops.
		WaitJS(`document.querySelector("#chart-tornado rect") !== null && document.querySelector("#chart-volume rect.band") !== null && document.querySelector("#chart-power [tabindex]") !== null`, 30*time.Second))
	stops := eval[[]string](t, ctx, `[...document.querySelectorAll("figure.chart [tabindex]")].filter((e) => e.tabIndex >= 0).map((e) => e.closest("figure").id)`)
	if got, want := strings.Join(stops, " "), "chart-monthly chart-breakdown chart-capacity chart-sizing chart-discounted chart-volume chart-interactivity chart-tornado chart-power"; got != want {
		t.Errorf("Tab stops in the charts: %s, want one a chart: %s", got, want)
	}
	focused := func() string {
		return eval[string](t, ctx, `(() => { const e = document.activeElement; const t = e.tagName !== "svg" && e.querySelector && e.querySelector(":scope > title");
			return t ? t.textContent.split("\n")[0] : e.tagName; })()`)
	}
	step(t, ctx, 10*time.Second, chromedp.Evaluate[chromedp.Void](`document.querySelector("#chart-monthly svg").focus()`))
	step(t, ctx, 10*time.Second, chromedp.KeyEvent(kb.ArrowRight))
	if got := focused(); got != "Month 1" {
		t.Errorf("first arrow from the chart focused %q, want Month 1", got)
	}
	scroll := eval[float64](t, ctx, `window.scrollY`)
	for _, k := range []struct{ name, key, want string }{
		{"→", kb.ArrowRight, "Month 2"}, {"↓", kb.ArrowDown, "Month 3"}, {"←", kb.ArrowLeft, "Month 2"},
		{"End", kb.End, "Month 24"}, {"Home", kb.Home, "Month 1"},
	} {
		step(t, ctx, 10*time.Second, chromedp.KeyEvent(k.key))
		if got := focused(); got != k.want {
			t.Errorf("after %s focus is on %q, want %q", k.name, got, k.want)
		}
	}
	if now := eval[float64](t, ctx, `window.scrollY`); now != scroll {
		t.Errorf("the arrow keys scrolled the page from %v to %v", scroll, now)
	}
	// Tab leaves the chart's marks for its caption's methodology link, then
	// (past the chart's own controls: its save buttons) for the next chart.
	step(t, ctx, 10*time.Second, chromedp.KeyEvent("\t"))
	const where = `(() => { const e = document.activeElement; return [(e.closest("figure") || {}).id || "", e.tagName === "A" && e.closest("figcaption") !== null && e.getAttribute("href").includes("methodology") ? "how" : e.tagName] })()`
	if got := eval[[]string](t, ctx, where); got[0] != "chart-monthly" || got[1] != "how" {
		t.Errorf("Tab from a month went to %v, want the chart's methodology link", got)
	}
	var path []string
	for range 4 {
		step(t, ctx, 10*time.Second, chromedp.KeyEvent("\t"))
		got := eval[[]string](t, ctx, where)
		path = append(path, strings.Join(got, " "))
		if got[0] != "chart-monthly" {
			break
		}
	}
	if last := path[len(path)-1]; !strings.HasPrefix(last, "chart-breakdown ") {
		t.Errorf("Tab after the chart's link went through %v, want the next chart within 4 presses", path)
	}
}
