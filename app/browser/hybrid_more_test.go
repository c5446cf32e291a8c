package browser

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// hybridPowerLink is cmd/infercost/testdata/hybrid.json with board powers
// of 0.5 kW (option 1, the base) and 1 kW (option 2, the burst), a 5 kW
// site and the API's output price at $3/M, so that the hybrid wins
// (cmd/infercost/hybrid_more_test.go, working there; `infercost link
// encode` of that file).
const hybridPowerLink = "#5z.nJHNauswEIUfSInRzzWEC7Port31FSTLRgbJI2QrJpvz7EUOaaC0XVSgwwcaPnSYhV5vrsz-vxg4pXnbRi-cXceTCFxLvAlXy7qdxMv7m-DrWKbIO0r2pGQ7mJeDwHWjXkoE0lgjk0TaSXZS9vC5gT79OdTX2z9Cqh8DiWK0yZ5Np84XB6YhcvWI9FkUlpDGRBcJt5PBFO9dcvt5j1BIYwiFVNcjT6Tbmx_uMzYXUkj1mHy6y7j8LlZNa77V6afO5hnxyDyTQmYyYArHphAfEBw3n7P0D8FV0gguHRzIIPCVzEcAAAD__w"

// TestHybridTornadoPowerBreakEven: a hybrid is a first-class option on
// the page: its tornado (the winner's, cost per M tokens) moves its
// layers' inputs, its power column shows each layer's accelerator and the
// site holding the base alone, and its card says why it has no break-even
// volume and what its base is paid as.
func TestHybridTornadoPowerBreakEven(t *testing.T) {
	s := calcSite(t)
	ctx := NewBrowser(t)
	log := WatchConsole(ctx)
	log.LogOnFailure(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+hybridPowerLink), WaitApp(), WaitTable(),
		waitText(stat(3, "total_cost"), "$12,228"),
		WaitJS(`document.querySelector('#chart-tornado text.value[data-path="options[3].base_accelerators"]') !== null`, 60*time.Second),
		WaitJS(`document.querySelector("#power-table") !== null`, 30*time.Second))
	// The tornado (engine/hybrid_more_test.go and cmd/infercost's test,
	// working there): the base's committed rate ± 20 % gives $1.15 and
	// $1.53 per M tokens; the base size 3 and 5, $1.28 and $1.56.
	got := eval[map[string]string](t, ctx, `Object.fromEntries([...document.querySelectorAll("#chart-tornado text.value")].map((e) => [e.dataset.path + " " + e.dataset.end, e.textContent]))`)
	for k, want := range map[string]string{
		"options[0].commit_hourly_rate low": "$1.15", "options[0].commit_hourly_rate high": "$1.53",
		"options[3].base_accelerators low": "$1.28", "options[3].base_accelerators high": "$1.56",
	} {
		if got[k] != want {
			t.Errorf("tornado %s = %q, want %q (all: %v)", k, got[k], want, got)
		}
	}
	if labels := text(t, ctx, "#chart-tornado"); !strings.Contains(labels, "Committed rate (base: committed)") {
		t.Errorf("tornado labels: %q", labels)
	}
	// Power (engine/power_test.go's TestPowerHybridHandWorked): options 1,
	// 2 and the hybrid are the columns.
	checkRows(t, powerRows(t, ctx), map[string][]string{
		"meter-kw":         {"1.17 kW", "2.34 kW", "base 1.17 kW, burst 2.34 kW"},
		"peak-mw":          {"10.53 kW", "23.4 kW", "14.04 kW"},
		"outgrows":         {"month 1", "month 1", "no: its base fits; bursts are rented elsewhere"},
		"accelerators":     {"4 (4 replicas, 4 serving)", "2 (1 replicas, 1 serving)", "4 (4 replicas, 4 serving)"},
		"power-drawn":      {"4.68 kW", "4.68 kW", "4.68 kW"},
		"tokens-per-s":     {"1,000", "500", "1,000"},
		"requests-per-day": {"48,000", "24,000", "48,000"},
	})
	if got := text(t, ctx, "#power-basis"); !strings.Contains(got, "hybrid: by layer; base (committed):") || !strings.Contains(got, "drawing no site power") {
		t.Errorf("basis = %q", got)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#chart-power polyline.series").length`); n != 3 {
		t.Errorf("%d power lines, want 3", n)
	}
	checkTexts(t, ctx, map[string]string{
		"#hybrid-layers-3-base": "The base is a commitment of its own: 4 accelerators for the whole horizon at $1.50 an accelerator-hour, the committed rate of “committed” (its hourly rate when none is given); the commitment tiers of “committed” itself, if any, are its plan on its own and are not used here.",
	})
	if got := text(t, ctx, stat(3, "break_even_basis")); !strings.HasPrefix(got, "Break-even against the API: not defined for a hybrid:") {
		t.Errorf("break-even basis %q", got)
	}
	if f := log.Failures(); len(f) > 0 {
		t.Errorf("console: %v", f)
	}
}
