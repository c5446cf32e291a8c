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
	"github.com/chromedp/chromedp/kb"
	"github.com/infercost/infercost/engine"
)

// glanceScenario has n options: the reference scenario's four (MI300X owned
// wins, third as entered), repeated with other labels up to n.
func glanceScenario(t *testing.T, n int) *engine.Scenario {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "cmd", "infercost", "testdata", "reference.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := engine.DecodeScenario(f)
	if err != nil {
		t.Fatal(err)
	}
	base := s.Options
	s.Options = nil
	for i := range n {
		o := base[i%len(base)].Clone()
		if i >= len(base) {
			o.Label = fmt.Sprintf("%s, copy %d", o.Label, i/len(base))
		}
		s.Options = append(s.Options, o)
	}
	return &s
}

// layoutJS measures what TestGlanceLayouts checks, once the charts and the
// table are drawn: the page's width, the smallest chart text as drawn, the
// summary and the winner's card, and the table scrolled to its far corner.
const layoutJS = `(() => {
	const r = (el) => el ? el.getBoundingClientRect() : null;
	let minFont = 1e9, fonts = 0;
	for (const el of document.querySelectorAll(".chart svg text")) {
		if (!el.getClientRects().length || !el.textContent.trim()) continue;
		const m = el.getScreenCTM();
		const size = parseFloat(getComputedStyle(el).fontSize) * Math.hypot(m.a, m.b);
		minFont = Math.min(minFont, size); fonts++;
	}
	const wrap = document.getElementById("comparison-wrap");
	wrap.scrollTop = wrap.scrollHeight; wrap.scrollLeft = wrap.scrollWidth;
	const w = r(wrap);
	const head = [...document.querySelectorAll("#comparison thead th")];
	const rows = [...document.querySelectorAll("#comparison tbody th[scope=row]")];
	const last = rows[rows.length - 1];
	const lastCell = last.parentElement.lastElementChild;
	const out = {
		width: document.documentElement.scrollWidth, bodyWidth: document.body.scrollWidth, viewport: innerWidth, height: innerHeight,
		minFont, fonts,
		summaryTop: r(document.getElementById("summary")).top + scrollY, summaryBottom: r(document.getElementById("summary")).bottom + scrollY,
		winnerTop: r(document.querySelector(".headline.winner")).top + scrollY, winnerBottom: r(document.querySelector(".headline.winner")).bottom + scrollY,
		winnerFigure: r(document.querySelector(".headline.winner .big")).bottom + scrollY,
		firstCard: document.querySelector("#headline .headline").id, winnerId: document.querySelector(".headline.winner").id,
		wrapLeft: w.left, wrapTop: w.top, wrapRight: w.right, wrapBottom: w.bottom, wrapWidth: wrap.clientWidth, tableWidth: r(document.getElementById("comparison")).width,
		headTop: r(head[head.length - 1]).top, headText: head[head.length - 1].textContent,
		labelLeft: r(last).left, labelText: last.textContent,
		lastCellRight: r(lastCell).right, lastCellBottom: r(lastCell).bottom,
		narrowestColumn: Math.min(...head.map((h) => r(h).width)),
		clippedCells: [...document.querySelectorAll("#comparison td")].filter((td) => td.scrollWidth > td.clientWidth + 1).length,
	};
	wrap.scrollTop = 0; wrap.scrollLeft = 0;
	return out;
})()`

type layoutFigures struct {
	Width, BodyWidth, Viewport, Height                 float64
	MinFont                                            float64
	Fonts                                              int
	SummaryTop, SummaryBottom, WinnerTop, WinnerBottom float64
	WinnerFigure                                       float64
	FirstCard, WinnerID                                string
	WrapLeft, WrapTop, WrapRight, WrapBottom           float64
	WrapWidth, TableWidth                              float64
	HeadTop                                            float64
	HeadText                                           string
	LabelLeft                                          float64
	LabelText                                          string
	LastCellRight, LastCellBottom                      float64
	NarrowestColumn                                    float64
	ClippedCells                                       int
}

// TestGlanceLayouts checks the page at 320, 375, 768 and 1440 px with 1, 4
// and 8 options: no horizontal page overflow; chart text at least 11 px as
// drawn; at 375 px (a 375 × 667 phone) the summary (winner, margins, when
// the cheapest changes) and the winner's card down to its cost per M
// tokens in the first screen (the drivers and assumptions follow the
// cards); the comparison table scrolled to its far corner
// still shows its header row and row labels, and its last cell; with eight
// options at 1440 px every column at least 90 px wide and no cell clipped.
func TestGlanceLayouts(t *testing.T) {
	s := calcSite(t)
	ctx := NewBrowser(t)
	log := WatchConsole(ctx)
	log.LogOnFailure(t)
	for _, n := range []int{1, 4, 8} {
		sc := glanceScenario(t, n)
		for _, width := range []int{320, 375, 768, 1440} {
			height := 900
			if width == 375 {
				height = 667
			}
			t.Run(fmt.Sprintf("%d options at %d px", n, width), func(t *testing.T) {
				step(t, ctx, 90*time.Second, chromedp.EmulateViewport(int64(width), int64(height)),
					chromedp.Navigate(s.URL+"#"+engine.EncodeLink(sc)), WaitApp(), WaitTable(),
					WaitJS(`document.querySelector("#chart-monthly svg") && document.querySelector("#chart-volume svg") && document.querySelector("#chart-tornado svg") !== null`, 60*time.Second))
				f := eval[layoutFigures](t, ctx, layoutJS)
				t.Logf("page %v px (viewport %v); chart text ≥ %.2f px (%d labels); summary y %v–%v, winner card y %v–%v (cost per M to %v); table %v px in a %v px box; narrowest column %.0f px",
					f.Width, f.Viewport, f.MinFont, f.Fonts, f.SummaryTop, f.SummaryBottom, f.WinnerTop, f.WinnerBottom, f.WinnerFigure, f.TableWidth, f.WrapWidth, f.NarrowestColumn)
				if f.Width > float64(width) || f.BodyWidth > float64(width) {
					t.Errorf("the page is %v px wide (body %v) at %d px", f.Width, f.BodyWidth, width)
				}
				if f.Fonts == 0 || f.MinFont < 10.99 {
					t.Errorf("chart text drawn at %.2f px (%d labels), want ≥ 11", f.MinFont, f.Fonts)
				}
				r, err := engine.Evaluate(sc)
				if err != nil {
					t.Fatal(err)
				}
				if want := fmt.Sprintf("headline-%d", r.Comparison.Cheapest); f.FirstCard != want || f.WinnerID != want {
					t.Errorf("first card %s, winner %s; want %s first", f.FirstCard, f.WinnerID, want)
				}
				if width == 375 && (f.SummaryBottom > f.Height || f.WinnerFigure > f.Height) {
					t.Errorf("at 375 × %d the summary ends at y = %v and the winner's cost per M tokens at y = %v: not in the first screen", height, f.SummaryBottom, f.WinnerFigure)
				}
				// Scrolled to the far corner: the header row at the box's top,
				// the row labels at its left, the last cell inside it.
				if f.HeadTop > f.WrapTop+2 || f.HeadTop < f.WrapTop-1 {
					t.Errorf("header %q at y %v, the box's top is %v: not pinned", f.HeadText, f.HeadTop, f.WrapTop)
				}
				if f.LabelLeft > f.WrapLeft+2 || f.LabelLeft < f.WrapLeft-1 {
					t.Errorf("row label %q at x %v, the box's left is %v: not pinned", f.LabelText, f.LabelLeft, f.WrapLeft)
				}
				if f.LastCellRight > f.WrapRight+1 || f.LastCellBottom > f.WrapBottom+1 {
					t.Errorf("the last cell ends at %v, %v; the box at %v, %v: not reachable", f.LastCellRight, f.LastCellBottom, f.WrapRight, f.WrapBottom)
				}
				if n == 8 && width == 1440 && (f.NarrowestColumn < 90 || f.ClippedCells > 0) {
					t.Errorf("eight options at 1440 px: narrowest column %v px, %d cells clipped", f.NarrowestColumn, f.ClippedCells)
				}
				if width == 320 {
					checkSourcesAsLinks(t, ctx, width)
				}
			})
		}
	}
	if fails := log.Failures(); len(fails) > 0 {
		t.Errorf("console: %s", strings.Join(fails, "\n"))
	}
}

// openFoldsJS opens every closed fold of the inputs (a fold renders its
// fields once open, and may hold folds of its own); it returns how many
// were still closed.
const openFoldsJS = `(() => {
	const closed = [...document.querySelectorAll(".inputs details:not([open]) > summary")];
	for (const s of closed) s.click();
	return closed.length;
})()`

// sourcesJS reads the inputs' help texts as shown: those that show an
// address ("://"), how many source links there are, and any source link
// that is not a web address opening in a new tab without access to the
// page (target _blank, rel noopener).
const sourcesJS = `(() => {
	const helps = [...document.querySelectorAll(".help")].filter((el) => el.getClientRects().length);
	const links = [...document.querySelectorAll(".help a.source")].filter((a) => a.getClientRects().length);
	return {
		Helps: helps.length, Links: links.length,
		Addresses: helps.filter((el) => el.innerText.includes("://")).slice(0, 5).map((el) => el.innerText.slice(0, 160)),
		Bad: links.filter((a) => !/^https?:\/\/[^/]/.test(a.getAttribute("href")) || a.target !== "_blank" || !a.relList.contains("noopener") || a.title !== a.getAttribute("href")).slice(0, 3).map((a) => a.outerHTML),
		Texts: [...new Set(links.map((a) => a.textContent))],
	};
})()`

// checkSourcesAsLinks opens every fold of the inputs, so that every
// field's help and the source of its default show, and checks that no help
// text shows a web address (each source is a short link: the site's name,
// the address its target and title), that the page still does not overflow
// at width and that nothing sticks out of its box. It then leaves the page
// (the next check starts from a fresh load, with its folds as the link
// sets them).
func checkSourcesAsLinks(t *testing.T, ctx context.Context, width int) {
	t.Helper()
	step(t, ctx, 30*time.Second, WaitJS(openFoldsJS+` === 0`, 20*time.Second))
	src := eval[struct {
		Helps, Links   int
		Addresses, Bad []string
		Texts          []string
	}](t, ctx, sourcesJS)
	t.Logf("all folds open at %d px: %d help texts, %d source links named %q", width, src.Helps, src.Links, src.Texts)
	if src.Links == 0 {
		t.Errorf("no source link among %d help texts", src.Helps)
	}
	if len(src.Addresses) > 0 {
		t.Errorf("help texts show addresses, not short links: %q", src.Addresses)
	}
	if len(src.Bad) > 0 {
		t.Errorf("source links not opening their address safely in a new tab: %s", strings.Join(src.Bad, "; "))
	}
	for _, name := range src.Texts {
		if len(name) > 30 || strings.Contains(name, "/") {
			t.Errorf("source link named %q: not short", name)
		}
	}
	if w := eval[float64](t, ctx, `Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)`); w > float64(width) {
		t.Errorf("with every fold open the page is %v px wide at %d px", w, width)
	}
	if over := eval[[]string](t, ctx, overflowJS); len(over) > 0 {
		t.Errorf("with every fold open, sticking out at %d px: %s", width, strings.Join(over, "; "))
	}
	step(t, ctx, 10*time.Second, chromedp.Navigate("about:blank"))
}

// TestGlanceSummary checks the summary against the engine's own for the
// same scenario (the reference: the winner is third as entered, the
// cheapest changes from month 5 on), the drivers once the winner's sensitivity
// is computed, and the order toggle of the cards and the table.
func TestGlanceSummary(t *testing.T) {
	s := calcSite(t)
	ctx := NewBrowser(t)
	log := WatchConsole(ctx)
	log.LogOnFailure(t)
	sc := glanceScenario(t, 4)
	r, err := engine.Evaluate(sc)
	if err != nil {
		t.Fatal(err)
	}
	tor, err := engine.Sensitivity(sc, r.Comparison.Cheapest, engine.MetricCostPerMTokens, engine.DefaultSwingPercent, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := engine.Summarize(r, tor)
	robust, err := engine.RankingUnderError(sc, r)
	if err != nil || robust == nil {
		t.Fatalf("ranking under error: %v, %v", robust, err)
	}
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(sc)), WaitApp(), WaitTable(),
		waitText("#summary-drivers", want.Drivers), waitText("#robustness", robust.Sentence(r)))
	checkTexts(t, ctx, map[string]string{
		"#verdict":             want.Verdict,
		"#summary-margin":      want.Margin,
		"#summary-change":      want.Change,
		"#summary-assumptions": want.Assumptions,
	})
	// The reference figures (cmd/infercost/testdata/reference.table.golden):
	// MI300X owned $5,000,285.06 against H100 on demand $11,044,462:
	// $6,044,176.94 less, $6,044,177 rounded, 54.7 % of H100's
	// (6,044,176.94 ÷ 11,044,462 = 0.5473); the owned fleet is cheapest
	// in months 6–7 and from month 9: in month 8 it adds its fifteenth
	// accelerator, $43,659.69 against H100's 20 at $43,654.00
	// (reference.csv-monthly.golden).
	for _, w := range []string{"MI300X owned is cheapest", "$6,044,177 less than the runner-up, H100 on demand (54.7 % less)", "H100 on demand in months 1–5, MI300X owned in months 6–7, H100 on demand in month 8, MI300X owned from month 9"} {
		if !strings.Contains(text(t, ctx, "#summary"), w) {
			t.Errorf("summary lacks %q", w)
		}
	}
	order := func() string {
		return eval[string](t, ctx, `[...document.querySelectorAll("#headline .headline")].map((h) => h.id).join(",") + " | " +
			[...document.querySelectorAll("#comparison thead th")].map((th) => th.textContent).join(",")`)
	}
	labels := func(idx ...int) string {
		var ids, ls []string
		for _, i := range idx {
			ids = append(ids, fmt.Sprintf("headline-%d", i))
			ls = append(ls, r.Options[i].Label)
		}
		return strings.Join(ids, ",") + " | " + strings.Join(ls, ",")
	}
	byRank := labels(r.Comparison.Ranking...)
	if got := order(); got != byRank {
		t.Errorf("by rank: %s, want %s", got, byRank)
	}
	if got := text(t, ctx, "#comparison tbody tr:first-child td:first-of-type"); got != "1" {
		t.Errorf("the first column's rank is %q", got)
	}
	step(t, ctx, 20*time.Second, chromedp.Click("#rank-order"), WaitJS(`document.getElementById("rank-order").getAttribute("aria-pressed") === "true"`, 10*time.Second))
	if got, want := order(), labels(0, 1, 2, 3); got != want {
		t.Errorf("as entered: %s, want %s", got, want)
	}
	// The table's rank row then reads in the order entered: 2, 3, 1, 4.
	if got := eval[string](t, ctx, `[...document.querySelectorAll("#comparison tbody tr:first-child td")].map((td) => td.textContent).join(",")`); got != "2,3,1,4" {
		t.Errorf("rank row as entered = %s", got)
	}
	// The order is not part of the link.
	hash := eval[string](t, ctx, `location.hash`)
	step(t, ctx, 20*time.Second, chromedp.Click("#rank-order"), WaitJS(`document.getElementById("rank-order").getAttribute("aria-pressed") === "false"`, 10*time.Second))
	if got := order(); got != byRank {
		t.Errorf("back by rank: %s, want %s", got, byRank)
	}
	if got := eval[string](t, ctx, `location.hash`); got != hash {
		t.Errorf("the toggle changed the link")
	}
	if fails := log.Failures(); len(fails) > 0 {
		t.Errorf("console: %s", strings.Join(fails, "\n"))
	}
}

// TestGlanceKeyboard checks the skip link (the first Tab stop; Enter moves
// the focus to the results without touching the link in the address bar)
// and how many Tab presses reach the results without it.
func TestGlanceKeyboard(t *testing.T) {
	s := calcSite(t)
	ctx := NewBrowser(t)
	sc := handWorked()
	step(t, ctx, 90*time.Second, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(s.URL+"#"+engine.EncodeLink(sc)), WaitApp(), WaitTable())
	hash := eval[string](t, ctx, `location.hash`)
	inResults := `(() => { const a = document.activeElement; return !!a && a.closest("#results") !== null })()`
	step(t, ctx, 10*time.Second, chromedp.KeyEvent(kb.Tab))
	if got := eval[string](t, ctx, `document.activeElement.id`); got != "skip-link" {
		t.Fatalf("the first Tab stop is %q, want the skip link", got)
	}
	if vis := eval[bool](t, ctx, `(() => { const r = document.getElementById("skip-link").getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight })()`); !vis {
		t.Error("the focused skip link is not on screen")
	}
	step(t, ctx, 10*time.Second, chromedp.KeyEvent(kb.Enter), WaitJS(`document.activeElement && document.activeElement.id === "results"`, 5*time.Second),
		chromedp.KeyEvent(kb.Tab))
	if !eval[bool](t, ctx, inResults) {
		t.Errorf("after the skip link, Tab reaches %q, outside the results", eval[string](t, ctx, `document.activeElement.outerHTML.slice(0, 80)`))
	}
	if got := eval[string](t, ctx, `location.hash`); got != hash {
		t.Errorf("the skip link changed the address: %q", got)
	}
	// Without the skip link: Tab from the top of the page.
	step(t, ctx, 30*time.Second, chromedp.Reload(), WaitApp(), WaitTable())
	presses := 0
	for presses < 40 && !eval[bool](t, ctx, inResults) {
		step(t, ctx, 10*time.Second, chromedp.KeyEvent(kb.Tab))
		presses++
	}
	t.Logf("%d Tab presses reach the results without the skip link", presses)
	if presses > 12 {
		t.Errorf("%d Tab presses reach the results, want at most 12", presses)
	}
}
