package browser

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/infercost/infercost/engine"
	"github.com/shopspring/decimal"
)

// The charts' tests (issue 12, item 4): nothing is clipped silently,
// coinciding series are named, revenue does not set the cost scale, colours
// follow options, tornado bars print the engine's values, charts save.

// chartsReady waits for every chart, the volume curve and tornado included.
func chartsReady() chromedp.Action[chromedp.Void] {
	return WaitJS(`document.querySelector("#chart-monthly svg") !== null && document.querySelector("#chart-volume polyline") !== null &&
		document.querySelector("#chart-tornado text.value") !== null`, time.Minute)
}

// dollars reads a figure the engine formatted ("$1,234.50", "−$3") or an
// axis label shortened by fitTicks ("$2.5B").
func dollars(t *testing.T, s string) decimal.Decimal {
	t.Helper()
	neg := strings.HasPrefix(s, "−")
	s = strings.NewReplacer("−", "", "$", "", ",", "").Replace(s)
	exp := int32(0)
	for suffix, e := range map[string]int32{"k": 3, "M": 6, "B": 9, "T": 12} {
		if rest, ok := strings.CutSuffix(s, suffix); ok {
			s, exp = rest, e
		}
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		t.Fatalf("reading %q: %v", s, err)
	}
	d = d.Shift(exp)
	if neg {
		d = d.Neg()
	}
	return d
}

// yTicks is the largest of a chart's y-axis labels.
func yTicks(t *testing.T, labels []string) (top decimal.Decimal) {
	t.Helper()
	if len(labels) == 0 {
		t.Fatal("no y-axis labels")
	}
	for _, l := range labels {
		top = decimal.Max(top, dollars(t, l))
	}
	return top
}

const yLabelsJS = `[...document.querySelectorAll(%q)].filter((e) => e.getAttribute("text-anchor") === "end" && e.closest("g.axis")).map((e) => e.textContent)`

// TestChartVolumeOutlierOnLogAxis: the start-up example's volume curve runs
// from a hundredth to a hundred times its volume, where an H100 costs
// dollars per M tokens against cents: drawn on a logarithmic axis, marked,
// whose top is above the largest value (it was capped at $4, silently).
func TestChartVolumeOutlierOnLogAxis(t *testing.T) {
	ex := engine.Examples[0].Scenario
	curve, err := engine.VolumeCurve(&ex, nil)
	if err != nil {
		t.Fatal(err)
	}
	max, min := decimal.Zero, decimal.Zero
	for _, p := range curve {
		for _, v := range p.CostPerMTokens {
			if v != nil {
				if min.IsZero() || v.Cmp(min) < 0 {
					min = *v
				}
				max = decimal.Max(max, *v)
			}
		}
	}
	t.Logf("volume curve: %s to %s per M tokens", engine.Money(min), engine.Money(max))
	if max.Cmp(min.Mul(decimal.NewFromInt(20))) < 0 {
		t.Fatalf("the example no longer spans 20× (%s to %s): pick another", engine.Money(min), engine.Money(max))
	}
	s := calcSite(t)
	ctx := NewBrowser(t)
	log := WatchConsole(ctx)
	log.LogOnFailure(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(&ex)), WaitApp(), chartsReady())
	if got := eval[string](t, ctx, `document.querySelector("#chart-volume svg").dataset.scale`); got != "log" {
		t.Errorf("volume chart scale %q, want log", got)
	}
	if got := eval[string](t, ctx, `(document.querySelector("#chart-volume .scale-note") || {}).textContent || ""`); got != "log scale" {
		t.Errorf("volume chart's scale mark %q, want \"log scale\"", got)
	}
	if got := text(t, ctx, "#chart-volume figcaption"); !strings.Contains(got, "logarithmic") {
		t.Errorf("caption does not say the axis is logarithmic: %q", got)
	}
	top := yTicks(t, eval[[]string](t, ctx, fmt.Sprintf(yLabelsJS, "#chart-volume text")))
	if top.Cmp(max) < 0 {
		t.Errorf("the axis ends at %s, below the largest value %s: clipped", engine.Money(top), engine.Money(max))
	}
	// Every point is inside the plot (between its top and bottom gridlines).
	out := eval[int](t, ctx, `(() => { const lines = [...document.querySelectorAll("#chart-volume .axis line.grid")].map((l) => +l.getAttribute("y1"));
		const lo = Math.min(...lines), hi = Math.max(...lines); let n = 0;
		for (const p of document.querySelectorAll("#chart-volume polyline.series")) for (const xy of p.getAttribute("points").trim().split(/\s+/)) {
			const y = +xy.split(",")[1]; if (y < lo - 0.5 || y > hi + 0.5) n++; }
		return n; })()`)
	if out != 0 {
		t.Errorf("%d points outside the plot", out)
	}
	if f := log.Failures(); len(f) > 0 {
		t.Errorf("console: %v", f)
	}
}

// TestChartCoincidingSeriesNamed: an option identical to another draws
// exactly on top of it; the legend says so in both line charts. In the
// volume chart (steady, no commitment) the reserved H100 equals the
// on-demand one too: the marks expected are worked out from the engine's
// figures, series by series.
func TestChartCoincidingSeriesNamed(t *testing.T) {
	ex := engine.Examples[0].Scenario.Clone()
	again := ex.Options[1] // H100 on demand
	again.Label = "H100 again"
	ex.Options = append(ex.Options, again)
	r, err := engine.Evaluate(&ex)
	if err != nil {
		t.Fatal(err)
	}
	curve, err := engine.VolumeCurve(&ex, nil)
	if err != nil {
		t.Fatal(err)
	}
	// marks labels each series equal at every point to an earlier one.
	marks := func(get func(o, k int) *decimal.Decimal, n int) []string {
		var out []string
		for i := range r.Options {
			for j := 0; j < i; j++ {
				same := true
				for k := range n {
					a, b := get(i, k), get(j, k)
					same = same && (a == nil) == (b == nil) && (a == nil || a.Equal(*b))
				}
				if same {
					out = append(out, r.Options[i].Label+" = "+r.Options[j].Label)
					break
				}
			}
		}
		return out
	}
	want := map[string][]string{
		"chart-monthly": marks(func(o, k int) *decimal.Decimal { return &r.Options[o].Months[k].Cost }, r.Horizon),
		"chart-volume":  marks(func(o, k int) *decimal.Decimal { return curve[k].CostPerMTokens[o] }, len(curve)),
	}
	if !slices.Contains(want["chart-monthly"], "H100 again = H100 on demand") {
		t.Fatalf("the engine's months do not coincide: %v", want)
	}
	s := calcSite(t)
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(&ex)), WaitApp(), chartsReady())
	for chart, w := range want {
		items := eval[[]string](t, ctx, fmt.Sprintf(`[...document.querySelectorAll("#%s .legend li")].map((li) => li.textContent).filter((s) => /[=≈]/.test(s))`, chart))
		if strings.Join(items, "|") != strings.Join(w, "|") {
			t.Errorf("%s legend marks %q, want %q", chart, items, w)
		}
		if n := eval[int](t, ctx, fmt.Sprintf(`document.querySelectorAll("#%s polyline.series.overlap").length`, chart)); n != len(w) {
			t.Errorf("%s: %d series drawn as overlapping, want %d", chart, n, len(w))
		}
	}
}

// TestChartRevenueDoesNotSetCostScale: with revenue in the scenario, the
// monthly chart's axis is set by the costs until "Show revenue" is ticked.
func TestChartRevenueDoesNotSetCostScale(t *testing.T) {
	ex := engine.Examples[0].Scenario
	r, err := engine.Evaluate(&ex)
	if err != nil {
		t.Fatal(err)
	}
	maxCost, maxRevenue := decimal.Zero, decimal.Zero
	for _, o := range r.Options {
		for _, m := range o.Months {
			maxCost, maxRevenue = decimal.Max(maxCost, m.Cost), decimal.Max(maxRevenue, m.Revenue)
		}
	}
	t.Logf("largest monthly cost %s, revenue %s", engine.Money(maxCost), engine.Money(maxRevenue))
	s := calcSite(t)
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(&ex)), WaitApp(), chartsReady())
	labels := fmt.Sprintf(yLabelsJS, "#chart-monthly text")
	top := yTicks(t, eval[[]string](t, ctx, labels))
	if top.Cmp(maxCost) < 0 || top.Cmp(maxRevenue) >= 0 {
		t.Errorf("axis top %s with revenue hidden: want it to hold the costs (%s) and not reach revenue (%s)", engine.Money(top), engine.Money(maxCost), engine.Money(maxRevenue))
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#chart-monthly polyline.revenue").length`); n != 0 {
		t.Errorf("revenue drawn by default")
	}
	step(t, ctx, 20*time.Second, chromedp.Click("#show-revenue"),
		WaitJS(`document.querySelectorAll("#chart-monthly polyline.revenue").length === 1`, 10*time.Second))
	if top := yTicks(t, eval[[]string](t, ctx, labels)); top.Cmp(maxRevenue) < 0 {
		t.Errorf("with revenue shown the axis ends at %s, below revenue %s", engine.Money(top), engine.Money(maxRevenue))
	}
}

// colorsJS maps each option's label to its line colour in the monthly chart,
// its headline's colour and its swatch in the comparison table.
const colorsJS = `(() => { const out = {};
	const items = [...document.querySelectorAll("#chart-monthly .legend li")];
	const lines = [...document.querySelectorAll("#chart-monthly polyline.series:not(.revenue)")];
	items.forEach((li, i) => { if (lines[i]) out["line " + li.firstChild.nextSibling.textContent] = getComputedStyle(lines[i]).stroke; });
	for (const h of document.querySelectorAll("#headline .headline")) out["headline " + h.querySelector("h3").childNodes[1].textContent] = getComputedStyle(h).borderTopColor;
	for (const th of document.querySelectorAll("#comparison thead th")) { const sw = th.querySelector(".swatch"); if (sw) out["table " + th.textContent] = getComputedStyle(sw).backgroundColor; }
	return out; })()`

// TestChartOptionKeepsColour: removing the first option leaves the others'
// colours as they were, in the charts and the headlines; category colours
// are none of the option colours.
func TestChartOptionKeepsColour(t *testing.T) {
	ex := engine.Examples[0].Scenario // Token API, H100 on demand, H100 reserved
	s := calcSite(t)
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(&ex)), WaitApp(), chartsReady(), WaitTable())
	before := eval[map[string]string](t, ctx, colorsJS)
	if len(before) != 9 {
		t.Fatalf("colours read: %v", before)
	}
	distinct := map[string]bool{}
	for k, v := range before {
		if strings.HasPrefix(k, "line ") {
			distinct[v] = true
		}
	}
	if len(distinct) != 3 {
		t.Errorf("three options share colours: %v", before)
	}
	remove := eval[string](t, ctx, `[...document.querySelectorAll(".option-card")].find((c) => c.querySelector(".label-input").value === "Token API").querySelector("button[id$=remove]").id`)
	step(t, ctx, 30*time.Second, chromedp.Click("#"+remove),
		WaitJS(`document.querySelectorAll("#headline .headline").length === 2 && document.querySelectorAll("#chart-monthly .legend li").length === 2 &&
			document.querySelectorAll("#comparison thead .swatch").length === 2`, 20*time.Second))
	after := eval[map[string]string](t, ctx, colorsJS)
	if len(after) != 6 {
		t.Fatalf("colours after removal: %v", after)
	}
	for k, v := range after {
		if before[k] != v {
			t.Errorf("%s changed colour from %s to %s when another option was removed", k, before[k], v)
		}
	}

	// Category colours (the breakdown chart) against every option colour.
	options := eval[[]string](t, ctx, `[1,2,3,4,5,6,7,8].map((i) => { const e = document.createElement("span"); e.className = "s" + i; e.style.color = "var(--series)";
		document.body.appendChild(e); const c = getComputedStyle(e).color; e.remove(); return c; })`)
	cats := eval[[]string](t, ctx, `[...document.querySelectorAll("#chart-breakdown rect[class^=c]")].map((r) => getComputedStyle(r).fill)`)
	if len(cats) == 0 {
		t.Fatal("no category segments")
	}
	for _, c := range cats {
		for i, o := range options {
			if c == o {
				t.Errorf("a category segment is drawn in option colour %d (%s)", i+1, o)
			}
		}
	}
}

// TestChartTornadoValuesPrinted: each bar ends in the engine's value for the
// same scenario, option and metric.
func TestChartTornadoValuesPrinted(t *testing.T) {
	ex := engine.Examples[0].Scenario
	r, err := engine.Evaluate(&ex)
	if err != nil {
		t.Fatal(err)
	}
	tor, err := engine.Sensitivity(&ex, r.Comparison.Cheapest, engine.MetricCostPerMTokens, engine.DefaultSwingPercent, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := calcSite(t)
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(&ex)), WaitApp(), chartsReady())
	got := eval[map[string]string](t, ctx, `Object.fromEntries([...document.querySelectorAll("#chart-tornado text.value")].map((e) => [e.dataset.path + " " + e.dataset.end, e.textContent]))`)
	want := map[string]string{}
	for i, sw := range tor.Swings {
		if i == 12 {
			break
		}
		if sw.Low != nil {
			want[sw.Path+" low"] = engine.Money(*sw.Low)
		}
		if sw.High != nil {
			want[sw.Path+" high"] = engine.Money(*sw.High)
		}
	}
	if len(want) < 8 {
		t.Fatalf("the engine's tornado has only %d values", len(want))
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("tornado %s prints %q, the engine gives %q", k, got[k], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d values printed, %d expected", len(got), len(want))
	}
}

// TestChartSaveSVGAndPNG: every chart's buttons download a well-formed SVG
// (the chart's title and caption drawn in, its links to the methodology
// not) and a PNG: the nine charts of the default page, then the fan chart
// of the gigawatt example's Monte Carlo run.
func TestChartSaveSVGAndPNG(t *testing.T) {
	s := calcSite(t)
	ctx := NewBrowser(t)
	log := WatchConsole(ctx)
	log.LogOnFailure(t)
	dir := t.TempDir()
	yes := true
	if _, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir, EventsEnabled: &yes}); err != nil {
		t.Fatal(err)
	}
	// The sizing and power charts are the queue's last jobs, after the
	// tornado (CI on a loaded machine counted before the power chart came).
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL), WaitApp(), chartsReady(),
		WaitJS(`document.querySelector("#chart-power svg") !== null && document.querySelector("#chart-sizing svg") !== null`, time.Minute))
	charts := eval[[]string](t, ctx, `[...document.querySelectorAll("figure.chart")].map((f) => f.id)`)
	if len(charts) != 9 { // the sizing of the cloud option, the discounted cash and the power chart included
		t.Errorf("charts on the page: %v", charts)
	}
	var wait func(suffix string, last bool) []byte
	// save clicks a chart's save button and returns the file it downloads.
	// A chart redrawn just then (the secondary figures arrive one after
	// the other) may lose the click: it is clicked once more.
	save := func(button, suffix string) []byte {
		t.Helper()
		for try := 0; ; try++ {
			step(t, ctx, 20*time.Second, chromedp.Click(button))
			if b := wait(suffix, try == 1); b != nil {
				return b
			}
		}
	}
	wait = func(suffix string, last bool) []byte {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			matches, _ := filepath.Glob(filepath.Join(dir, "*"+suffix))
			if len(matches) == 1 {
				b, err := os.ReadFile(matches[0])
				if err == nil && len(b) > 0 {
					os.Remove(matches[0])
					return b
				}
			}
			time.Sleep(50 * time.Millisecond)
		}
		if last {
			entries, _ := os.ReadDir(dir)
			t.Fatalf("no %s file downloaded (directory: %v)", suffix, entries)
		}
		return nil
	}
	// check saves the chart id as SVG and PNG and checks both files.
	check := func(id string) {
		t.Helper()
		svg := save("#"+id+"-save-svg", strings.TrimPrefix(id, "chart")+".svg")
		dec := xml.NewDecoder(bytes.NewReader(svg))
		root, texts := "", 0
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: the SVG does not parse: %v", id, err)
			}
			if se, ok := tok.(xml.StartElement); ok {
				if root == "" {
					root = se.Name.Space + " " + se.Name.Local
				}
				if se.Name.Local == "text" {
					texts++
				}
			}
		}
		if root != "http://www.w3.org/2000/svg svg" || texts < 3 {
			t.Errorf("%s: SVG root %q with %d texts", id, root, texts)
		}
		title := text(t, ctx, "#"+id+" h3")
		if !bytes.Contains(svg, []byte(xmlEscape(title))) {
			t.Errorf("%s: the SVG lacks the chart's title %q", id, title)
		}
		// The caption is drawn in, without its links to the methodology.
		how := text(t, ctx, "#"+id+" figcaption .how-links")
		caption := strings.TrimSpace(strings.TrimSuffix(text(t, ctx, "#"+id+" figcaption"), how))
		// (An apostrophe may be written as is or escaped.)
		if words := strings.Fields(caption); len(words) < 3 || !bytes.Contains(svg, []byte(strings.Join(words[:3], " "))) && !bytes.Contains(svg, []byte(xmlEscape(strings.Join(words[:3], " ")))) {
			t.Errorf("%s: the SVG lacks the caption's first words (%q)", id, caption)
		}
		if w := strings.Fields(how); len(w) < 2 {
			t.Errorf("%s: no link to the methodology under the chart (%q)", id, how)
		} else if probe := w[0] + " " + w[1]; bytes.Contains(svg, []byte(probe)) { // "How each", "How the"
			t.Errorf("%s: the SVG draws the methodology link %q in", id, probe)
		}
		png := save("#"+id+"-save-png", strings.TrimPrefix(id, "chart")+".png")
		if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) || len(png) < 2000 {
			t.Errorf("%s: PNG of %d bytes starting %q", id, len(png), png[:min(8, len(png))])
		}
	}
	for _, id := range charts {
		check(id)
	}
	// The fan chart is drawn once the Uncertainty card's draws are done:
	// the gigawatt example runs 300.
	sc := exampleNamed(t, "gigawatt").Scenario.Clone()
	step(t, ctx, 2*time.Minute, chromedp.Navigate("about:blank"), chromedp.Navigate(s.URL+"#"+engine.EncodeLink(&sc)), WaitApp(), WaitTable(),
		WaitJS(`document.querySelector("#chart-fan svg") !== null && document.querySelector("#uncertainty-progress") === null`, 90*time.Second))
	check("chart-fan")
	if f := log.Failures(); len(f) > 0 {
		t.Errorf("console: %v", f)
	}
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// TestChartTextSize: chart text renders at 11 px at least at every width.
func TestChartTextSize(t *testing.T) {
	s := calcSite(t)
	for _, w := range []int64{320, 375, 768, 1440} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			ctx := NewBrowser(t)
			step(t, ctx, 90*time.Second, chromedp.EmulateViewport(w, 900), chromedp.Navigate(s.URL), WaitApp(), chartsReady(),
				WaitJS(`[...document.querySelectorAll("figure.chart svg")].every((s) => s.style.getPropertyValue("--chart-k") !== "")`, 10*time.Second))
			small := eval[[]string](t, ctx, `[...document.querySelectorAll("figure.chart svg text")].filter((e) => e.getClientRects().length > 0).map((e) => {
				const svg = e.ownerSVGElement, k = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
				return [parseFloat(getComputedStyle(e).fontSize) * k, e.textContent]; }).filter(([px]) => px < 11 - 0.01).map(([px, t]) => px.toFixed(1) + " px: " + t)`)
			if len(small) > 0 {
				t.Errorf("%d chart texts under 11 px at %d px, e.g. %v", len(small), w, small[:min(5, len(small))])
			}
		})
	}
}
