package browser

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/infercost/infercost/engine"
)

// powerSite is the hand-worked site of engine/power_test.go
// (TestPowerSiteHandWorked has the working): 0.25 accelerator-seconds a
// request, replicas of 2 with one spare, 2.34 kW an accelerator at the
// meter, a 1 MW site.
func powerSite() *engine.Scenario {
	measured := func(o engine.Option) engine.Option {
		o.PrefillTokensPerS, o.DecodeTokensPerS, o.AcceleratorsPerReplica = engine.N("20000"), engine.N("1000"), engine.N("2")
		o.SpareReplicas, o.MaxUtilization = engine.N("1"), engine.N("0.8")
		return o
	}
	accel := func(power string) *engine.Accelerator {
		a := &engine.Accelerator{MemoryGB: engine.N("80"), BandwidthTBps: engine.N("3"), TFLOPS: engine.N("1000")}
		if power != "" {
			a.PowerKW = engine.N(power)
		}
		return a
	}
	return &engine.Scenario{Version: 2, Name: "Power",
		Workload: engine.Workload{RequestsPerDay: engine.N("276480"), InputTokens: engine.N("1000"), OutputTokens: engine.N("200"),
			PeakToAverage: engine.N("2"), MonthlyGrowth: engine.N("0.5"), HorizonMonths: engine.N("4"), SitePowerMW: engine.N("1")},
		Model: engine.Model{Preset: "llama-3.1-70b"},
		Options: []engine.Option{
			measured(engine.Option{Label: "owned", Kind: engine.Owned, Accelerator: accel(""), CapexPerAccelerator: engine.N("30000"), PowerKW: engine.N("1.8"), PUE: engine.N("1.3")}),
			measured(engine.Option{Label: "cloud", Kind: engine.Cloud, Accelerator: accel("1"), HourlyRate: engine.N("2")}),
			{Label: "api", Kind: engine.API, PriceInputPerM: engine.N("1"), PriceOutputPerM: engine.N("2")},
		},
	}
}

// powerRows reads the power table: each row's id and cells.
func powerRows(t *testing.T, ctx context.Context) map[string][]string {
	t.Helper()
	return eval[map[string][]string](t, ctx, `Object.fromEntries([...document.querySelectorAll("#power-table tbody tr")].map((tr) =>
		[tr.dataset.row, [...tr.querySelectorAll("td")].map((td) => td.textContent)]))`)
}

// TestPowerSection: the power card shows the engine's figures for a 1 MW
// site, its chart draws one line per self-hosted option and the site's
// budget, and a smaller budget typed in moves the month each option
// outgrows it, in the table, the legend and the link.
func TestPowerSection(t *testing.T) {
	s := calcSite(t)
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(powerSite())), WaitApp(), WaitTable(),
		WaitJS(`document.querySelector("#power-table") !== null && document.querySelector("#chart-power rect.band") !== null`, 30*time.Second))
	checkRows(t, powerRows(t, ctx), map[string][]string{
		// 1.8 kW × PUE 1.3; the fleet peaks at 10 accelerators × 2.34 kW.
		"meter-kw": {"2.34 kW", "2.34 kW"},
		"peak-mw":  {"23.4 kW", "23.4 kW"},
		"outgrows": {"not within the horizon", "not within the horizon"},
		// floor(1,000 / 2.34) = 427 → 213 replicas of 2 (one spare).
		"accelerators": {"426 (213 replicas, 212 serving)", "426 (213 replicas, 212 serving)"},
		"power-drawn":  {"996.84 kW", "996.84 kW"},
		// 212 × 2 × 0.8 = 339.2 busy at the peak: × 200 / 0.25 = 271,360
		// tokens/s; × 86,400 / (2 × 0.25) = 58,613,760 requests a day.
		"tokens-per-s":          {"271,360", "271,360"},
		"requests-per-day":      {"58,613,760", "58,613,760"},
		"capex":                 {"$12,780,000", "–"},
		"monthly-cost":          {"$535,206", "$621,960"},
		"cost-per-m":            {"$0.2502", "$0.2907"},
		"tokens-per-s-per-mw":   {"271,360", "271,360"},
		"tokens-per-day-per-mw": {"11,722,752,000", "11,722,752,000"},
	})
	if got := text(t, ctx, "#power-intro"); !strings.Contains(got, "a site of 1 MW") {
		t.Errorf("intro = %q", got)
	}
	if got := text(t, ctx, "#power-basis"); !strings.Contains(got, "cloud: rented: 1 kW board power × 1.8") {
		t.Errorf("basis = %q", got)
	}
	for _, tc := range []struct {
		js   string
		want int
	}{
		{`document.querySelectorAll("#chart-power polyline.series").length`, 2}, // owned, cloud (not the API)
		{`document.querySelectorAll("#chart-power line.site").length`, 1},       // the budget
		{`document.querySelectorAll("#chart-power rect.band").length`, 4},       // one per month
		{`document.querySelectorAll("#chart-power-save-svg, #chart-power-save-png").length`, 2},
	} {
		if got := eval[int](t, ctx, tc.js); got != tc.want {
			t.Errorf("%s = %d, want %d", tc.js, got, tc.want)
		}
	}
	// 0.0094, 0.014, 0.0187 and 0.0234 MW against 1 MW: a log axis.
	if got := eval[string](t, ctx, `document.querySelector("#chart-power svg").dataset.scale`); got != "log" {
		t.Errorf("scale = %q, want log", got)
	}
	if got := text(t, ctx, "#chart-power rect.band title"); got != "Month 1\nowned: 9.36 kW\ncloud: 9.36 kW\nSite: 1 MW" {
		t.Errorf("month 1 = %q", got)
	}

	// 0.02 MW: the fleet's 23.4 kW in month 4 is above it.
	step(t, ctx, 30*time.Second, setInput("w-site_power_mw", "0.02"),
		WaitJS(`(document.querySelector("#power-table tr[data-row=outgrows] td") || {}).textContent === "month 4"`, 20*time.Second))
	checkRows(t, powerRows(t, ctx), map[string][]string{
		"outgrows":     {"month 4", "month 4"},
		"accelerators": {"8 (4 replicas, 3 serving)", "8 (4 replicas, 3 serving)"},
	})
	if got := text(t, ctx, "#chart-power .legend"); !strings.Contains(got, "owned (outgrows the site in month 4)") || !strings.Contains(got, "Site budget, 20 kW") {
		t.Errorf("legend = %q", got)
	}
	// The address bar follows after the charts; wait for the typed value.
	waitLink(t, ctx, `location.hash`, func(back engine.Scenario) bool { return back.Workload.SitePowerMW.Equal(engine.N("0.02")) })
}
