package browser

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/infercost/infercost/engine"
)

// TestCalculatorPrint checks the print stylesheet in both themes: the
// controls are gone, the results and charts remain, and the report is
// dark text on white whatever the screen's theme (printing from the dark
// theme used to give black text on dark panels).
func TestCalculatorPrint(t *testing.T) {
	s := calcSite(t)
	for _, theme := range []string{"light", "dark"} {
		t.Run(theme, func(t *testing.T) {
			ctx := NewBrowser(t)
			step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL), WaitApp(), WaitTable(),
				WaitJS(`document.querySelector("#chart-tornado rect") !== null`, 30*time.Second))
			if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Media:    "print",
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: theme}},
			}); err != nil {
				t.Fatal(err)
			}
			shown := eval[map[string]bool](t, ctx, a11y(`
				const visible = (sel) => [...document.querySelectorAll(sel)].some((e) => e.getClientRects().length > 0);
				return {toolbar: visible(".toolbar"), buttons: visible("button"), help: visible(".help"),
					headline: visible("#headline"), table: visible("#comparison"), charts: visible("#chart-monthly svg") && visible("#chart-tornado svg"),
					inputs: visible("#w-requests_per_day"), assumptions: visible("#printed-assumptions")};`))
			for part, want := range map[string]bool{"toolbar": false, "buttons": false, "help": false, "headline": true, "table": true, "charts": true, "inputs": false, "assumptions": true} {
				if shown[part] != want {
					t.Errorf("printed, %s shown = %v, want %v", part, shown[part], want)
				}
			}
			// The report leads with the summary, then the results and the
			// charts, then every assumption (folded groups included), and
			// ends with the scenario's link.
			order := eval[[]string](t, ctx, `(() => {
				const top = (sel) => { const e = document.querySelector(sel); return e && e.getClientRects().length ? e.getBoundingClientRect().top + scrollY : null; };
				const parts = [["summary", "#summary"], ["table", "#comparison"], ["charts", "#chart-monthly svg"], ["assumptions", "#printed-assumptions"], ["link", "#printed-link"]];
				return parts.filter(([, sel]) => top(sel) !== null).sort((a, b) => top(a[1]) - top(b[1])).map(([name]) => name);
			})()`)
			if strings.Join(order, ",") != "summary,table,charts,assumptions,link" {
				t.Errorf("printed order %q, want summary, table, charts, assumptions, link", order)
			}
			def := engine.DefaultScenario()
			want := engine.ReportAssumptions(&def)
			rows := eval[[][]string](t, ctx, `[...document.querySelectorAll("#printed-assumptions tbody tr")].map((tr) => [tr.dataset.path, tr.cells[1].textContent, tr.cells[2].textContent])`)
			if len(rows) != len(want) {
				t.Fatalf("printed %d assumptions, want %d", len(rows), len(want))
			}
			folded := 0
			for i, a := range want {
				value := "–"
				if a.Value != "" {
					value = a.Value + " " + a.Unit
				}
				if rows[i][0] != a.Path || rows[i][1] != value {
					t.Errorf("assumption %d: printed %q, want %s = %q", i, rows[i], a.Path, value)
				}
				if _, key, ok := engine.SplitOptionPath(a.Path); ok {
					for _, f := range engine.OptionFields {
						if f.Key == key && (f.Group == "throughput" || f.Group == "advanced") {
							folded++
						}
					}
				}
			}
			if folded == 0 {
				t.Errorf("no input of a folded group (throughput, advanced) among the printed assumptions")
			}
			link := eval[string](t, ctx, `document.querySelector("#printed-link").textContent`)
			if _, err := engine.DecodeLink(link[strings.Index(link, "#")+1:]); err != nil || !strings.Contains(link, "#") {
				t.Errorf("printed link %q does not open: %v", link, err)
			}
			// Every text dark on a light background, at AA contrast.
			bad := eval[[]string](t, ctx, a11y(`
				const out = [];
				eachText((el, color, bg, what) => {
					if (lum(bg) < 0.8 || ratio(color, bg) < 4.5) out.push(describe(el) + " " + JSON.stringify(what.slice(0, 30)) + ": background luminance " + lum(bg).toFixed(2) + ", contrast " + ratio(color, bg).toFixed(2));
				});
				return out;`))
			if len(bad) > 0 {
				t.Errorf("%d printed texts are not dark on light:\n%s", len(bad), strings.Join(bad[:min(len(bad), 15)], "\n"))
			}
		})
	}
}
