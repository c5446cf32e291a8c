package browser

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
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
					inputs: visible("#w-requests_per_day")};`))
			for part, want := range map[string]bool{"toolbar": false, "buttons": false, "help": false, "headline": true, "table": true, "charts": true, "inputs": true} {
				if shown[part] != want {
					t.Errorf("printed, %s shown = %v, want %v", part, shown[part], want)
				}
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
