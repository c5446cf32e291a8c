package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/infercost/infercost/engine"
)

// uncertainScenario is the CLI test's hand-worked case
// (cmd/infercost/uncertainty_test.go has the working): a measured cloud
// option at $17,520 and an API at $6,570 + $2,628 × its output price, the
// price triangular from $2 to $8 (most likely $8); 300 draws.
func uncertainScenario(seed string) *engine.Scenario {
	return &engine.Scenario{Version: 2, Name: "Uncertain",
		Workload: engine.Workload{RequestsPerDay: engine.N("86400"), InputTokens: engine.N("1000"), OutputTokens: engine.N("500"),
			CachedInputShare: engine.N("0.5"), PeakToAverage: engine.N("2"), HorizonMonths: engine.N("2")},
		Model:   engine.Model{Preset: "llama-3.1-8b"},
		Revenue: &engine.Revenue{PriceInputPerM: engine.N("1"), PriceOutputPerM: engine.N("1")},
		Options: []engine.Option{
			{Label: "Measured cloud", Kind: engine.Cloud, Accelerator: &engine.Accelerator{MemoryGB: engine.N("80"), BandwidthTBps: engine.N("3"), TFLOPS: engine.N("1000")},
				HourlyRate: engine.N("2"), PrefillTokensPerS: engine.N("10000"), DecodeTokensPerS: engine.N("1000"), AcceleratorsPerReplica: engine.N("2"),
				MaxUtilization: engine.N("0.5"), SpareReplicas: engine.N("1")},
			{Label: "API", Kind: engine.API, PriceInputPerM: engine.N("2"), PriceCachedInputPerM: engine.N("0.5"), PriceOutputPerM: engine.N("8")},
		},
		Uncertainty: &engine.Uncertainty{Seed: engine.N(seed), Samples: engine.N("300"), Ranges: []engine.Range{
			{Path: "options[1].price_output_per_m", Low: engine.N("2"), Mode: engine.N("8"), High: engine.N("8")}}},
	}
}

// wantRows is the engine's simulation as the page's table shows it, which
// TestEvalSamplesMatchEngine shows is the CLI's for the same seed.
func wantRows(t *testing.T, s *engine.Scenario) map[string][]string {
	t.Helper()
	sim, err := engine.Simulate(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string][]string{}
	for _, o := range sim.Options {
		rows["total-p10"] = append(rows["total-p10"], engine.Money(o.TotalCost.P10))
		rows["total-p50"] = append(rows["total-p50"], engine.Money(o.TotalCost.P50))
		rows["total-p90"] = append(rows["total-p90"], engine.Money(o.TotalCost.P90))
		rows["perm-p50"] = append(rows["perm-p50"], engine.Money(o.CostPerMTokens.P50))
		rows["margin-p10"] = append(rows["margin-p10"], engine.Money(o.Margin.P10))
		rows["npv-p10"] = append(rows["npv-p10"], engine.Money(o.NPV.P10))
		rows["npv-p90"] = append(rows["npv-p90"], engine.Money(o.NPV.P90))
		rows["win"] = append(rows["win"], engine.Percent(o.WinShare)+" of draws")
		rows["regret-p50"] = append(rows["regret-p50"], engine.Money(o.Regret.P50))
		rows["regret-p90"] = append(rows["regret-p90"], engine.Money(o.Regret.P90))
	}
	return rows
}

func uncertaintyRows(t *testing.T, ctx context.Context) map[string][]string {
	t.Helper()
	return eval[map[string][]string](t, ctx, `Object.fromEntries([...document.querySelectorAll("#uncertainty-table tbody tr")].map((tr) =>
		[tr.dataset.row, [...tr.querySelectorAll("td")].map((td) => td.textContent)]))`)
}

// TestUncertaintySection: a link with a range shows, after the headline,
// the same percentiles, win shares and regret as the engine (and so the
// CLI) for its seed, and a fan chart; a new seed typed restarts the run
// and shows that seed's figures, and the link holds it.
func TestUncertaintySection(t *testing.T) {
	s := calcSite(t)
	ctx := NewBrowser(t)
	done := `document.querySelector("#uncertainty-table") !== null && document.querySelector("#uncertainty-progress") === null`
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(uncertainScenario("11"))), WaitApp(), WaitTable(),
		WaitJS(done, 60*time.Second))
	want := wantRows(t, uncertainScenario("11"))
	// The API is cheapest when its output price is below $4.1667: in about
	// 13 % of draws; never 0 or 100 % at 300 draws.
	if w := want["win"]; w[1] == "0.0 % of draws" || w[1] == "100.0 % of draws" {
		t.Fatalf("the case does not split the wins: %v", w)
	}
	checkRows(t, uncertaintyRows(t, ctx), want)
	// The fan chart is drawn a frame after the table (uncertaintyFan),
	// from the same draws: its first month's figures are the engine's.
	step(t, ctx, 20*time.Second, WaitJS(fanMonthIs(t, uncertainScenario("11"), 0), 15*time.Second))
	for _, tc := range []struct {
		js   string
		want int
	}{
		{`document.querySelectorAll("#chart-fan polygon.fan-band").length`, 2},
		{`document.querySelectorAll("#chart-fan polyline.series").length`, 2},
		{`document.querySelectorAll("#chart-fan rect.band").length`, 2}, // one per month
		{`document.querySelectorAll("#chart-fan-save-svg, #chart-fan-save-png").length`, 2},
		// growth, requests a day, the cloud option's hourly rate and
		// throughput, the API's input and output prices: 6 rows of 3.
		{`document.querySelectorAll("#uncertainty-ranges input[data-path]").length`, 18},
	} {
		if got := eval[int](t, ctx, tc.js); got != tc.want {
			t.Errorf("%s = %d, want %d", tc.js, got, tc.want)
		}
	}
	// Another seed: the run restarts and shows that seed's figures. The
	// point results stand (a seed changes no evaluation): the headline,
	// the tornado and the volume curve are those drawn before it.
	step(t, ctx, 60*time.Second, WaitJS(`document.querySelector("#chart-tornado rect") !== null && document.querySelector("#chart-volume rect.band") !== null`, 60*time.Second))
	const results = `[document.getElementById("headline").textContent, document.getElementById("chart-tornado").outerHTML, document.getElementById("chart-volume").outerHTML]`
	before := eval[[]string](t, ctx, results)
	// While the new seed's draws run, the previous spread is marked: the
	// progress line says so and the table and fan chart are greyed (seen
	// by an observer, whatever the run's length).
	eval[bool](t, ctx, `(() => { window.staleSeen = false;
		const check = () => { const p = document.querySelector("#uncertainty-progress"), b = document.querySelector(".uncertainty-block"), f = document.querySelector(".uncertainty-fan");
			if (p && p.textContent.includes("The spread below is of the previous inputs until this run ends.") && b && f && getComputedStyle(b).opacity === "0.55" && getComputedStyle(f).opacity === "0.55") window.staleSeen = true; };
		new MutationObserver(check).observe(document.getElementById("uncertainty"), {subtree: true, childList: true, characterData: true}); return true })()`)
	step(t, ctx, 60*time.Second, setInput("unc-seed", "12"),
		WaitJS(done+` && document.querySelector("#uncertainty-intro").textContent.includes("seed 12")`, 60*time.Second))
	checkRows(t, uncertaintyRows(t, ctx), wantRows(t, uncertainScenario("12")))
	if !eval[bool](t, ctx, `window.staleSeen`) {
		t.Error("during the new seed's run the previous spread was not marked as the previous inputs' (progress line and greyed table and chart)")
	}
	if o := eval[string](t, ctx, `getComputedStyle(document.querySelector(".uncertainty-block")).opacity`); o != "1" {
		t.Errorf("after the run the table's opacity is %s, want 1", o)
	}
	if after := eval[[]string](t, ctx, results); !slices.Equal(after, before) {
		t.Errorf("a new seed changed the headline, tornado or volume curve:\n%.300q\nwas\n%.300q", after, before)
	}
	step(t, ctx, 20*time.Second, WaitJS(fanMonthIs(t, uncertainScenario("12"), 1), 15*time.Second))
	// Refused inputs: a huge sample count, then a range upside down, each
	// named in the card, at once.
	step(t, ctx, 30*time.Second, setInput("unc-samples", "100000"),
		WaitJS(`(document.querySelector("#uncertainty-error") || {}).textContent === "uncertainty.samples: must be from 1 to 10000"`, 20*time.Second))
	step(t, ctx, 30*time.Second, setInput("unc-samples", "300"),
		setPath("uncertainty[workload.monthly_growth].low", "0.2"),
		setPath("uncertainty[workload.monthly_growth].mode", "0.1"),
		setPath("uncertainty[workload.monthly_growth].high", "0.1"),
		WaitJS(`(document.querySelector("#uncertainty-error") || {}).textContent === "Range on workload.monthly_growth, low: low (0.2) is above high (0.1)."`, 20*time.Second))
	step(t, ctx, 30*time.Second, setPath("uncertainty[workload.monthly_growth].low", "0"),
		WaitJS(done+` && document.querySelector("#uncertainty-intro").textContent.includes("Monthly growth 0 to 0.1")`, 60*time.Second))
	waitLink(t, ctx, `location.hash`, func(back engine.Scenario) bool {
		return back.Uncertainty != nil && back.Uncertainty.Seed.Equal(engine.N("12")) && len(back.Uncertainty.Ranges) == 2
	})
}

// fanMonthIs is a script that says whether the fan chart's month m (from
// 0) names the engine's P50, P10 and P90 of each option for s, as its
// hover band's label does ("Month 1; API: $… (P10 $…, P90 $…); …").
func fanMonthIs(t *testing.T, s *engine.Scenario, m int) string {
	t.Helper()
	sim, err := engine.Simulate(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("Month %d", m+1)
	for _, o := range sim.Options {
		p := o.Monthly[m]
		want += "; " + o.Label + ": " + engine.Money(p.P50) + " (P10 " + engine.Money(p.P10) + ", P90 " + engine.Money(p.P90) + ")"
	}
	w, _ := json.Marshal(want)
	return fmt.Sprintf(`(document.querySelectorAll("#chart-fan rect.band")[%d] || {getAttribute: () => ""}).getAttribute("aria-label") === %s`, m, w)
}

// setPath types value into the input whose data-path is path.
func setPath(path, value string) chromedp.Action[chromedp.Void] {
	p, _ := json.Marshal(`input[data-path="` + path + `"]`)
	b, _ := json.Marshal(value)
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := WaitJS(fmt.Sprintf(`document.querySelector(%s) !== null`, p), 10*time.Second)(ctx, t); err != nil {
			return err
		}
		_, err := chromedp.Evaluate[bool](fmt.Sprintf(`(() => { const el = document.querySelector(%s); el.value = %s;
			el.dispatchEvent(new Event("input", {bubbles: true})); return true })()`, p, b))(ctx, t)
		return err
	})
}

// selectPath chooses value in the select whose data-path is path.
func selectPath(path, value string) chromedp.Action[chromedp.Void] {
	p, _ := json.Marshal(`select[data-path="` + path + `"]`)
	b, _ := json.Marshal(value)
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := WaitJS(fmt.Sprintf(`document.querySelector(%s) !== null`, p), 10*time.Second)(ctx, t); err != nil {
			return err
		}
		_, err := chromedp.Evaluate[bool](fmt.Sprintf(`(() => { const el = document.querySelector(%s); el.value = %s;
			el.dispatchEvent(new Event("change", {bubbles: true})); return true })()`, p, b))(ctx, t)
		return err
	})
}

// TestUncertaintyLognormal: choosing Log-normal for the API's output price
// (low 2, most likely 8, high 8) is refused, naming the range (a
// log-normal's median lies strictly between low and high); with the
// median at 4 the card shows the engine's (and so the CLI's) figures for
// that log-normal scenario, the intro names the shape, the table shows the
// NPV rows, and the link carries the shape (u=1.po,2,4,8,ln).
func TestUncertaintyLognormal(t *testing.T) {
	s := calcSite(t)
	ctx := NewBrowser(t)
	done := `document.querySelector("#uncertainty-table") !== null && document.querySelector("#uncertainty-progress") === null`
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(uncertainScenario("11"))), WaitApp(), WaitTable(),
		WaitJS(done, 60*time.Second))
	path := "uncertainty[options[1].price_output_per_m]"
	step(t, ctx, 30*time.Second, selectPath(path+".shape", "lognormal"),
		WaitJS(`(document.querySelector("#uncertainty-error") || {}).textContent === "Range on options[1].price_output_per_m, mode: a log-normal range's median (8) must lie strictly between low (2) and high (8)."`, 20*time.Second))
	step(t, ctx, 60*time.Second, setPath(path+".mode", "4"),
		WaitJS(done+` && document.querySelector("#uncertainty-intro").textContent.includes("log-normal, P10 2, median 4, P90 8")`, 60*time.Second))
	want := uncertainScenario("11")
	want.Uncertainty.Ranges[0].Shape, want.Uncertainty.Ranges[0].Mode = engine.Lognormal, engine.N("4")
	checkRows(t, uncertaintyRows(t, ctx), wantRows(t, want))
	waitLink(t, ctx, `location.hash`, func(back engine.Scenario) bool {
		return back.Uncertainty != nil && len(back.Uncertainty.Ranges) == 1 && back.Uncertainty.Ranges[0].Shape == engine.Lognormal
	})
}

// redrawScenario is the engine's TestSimulateRedrawsOutsideLimits case
// (engine/redraw_test.go has the working), with revenue prices and 300
// draws: an API at 976,562,500,000 requests a day over 21 months, growth
// triangular from 0 to 1 (most likely 0.2); growth above √2 − 1 takes
// month 21 past 10^15 requests a day, in about 43 % of draws, which are
// drawn again.
func redrawScenario() *engine.Scenario {
	return &engine.Scenario{Version: 2, Name: "Redraw",
		Workload: engine.Workload{RequestsPerDay: engine.N("976562500000"), InputTokens: engine.N("1"), OutputTokens: engine.N("1"),
			CachedInputShare: engine.N("0"), HorizonMonths: engine.N("21")},
		Model:   engine.Model{Preset: "llama-3.1-8b"},
		Revenue: &engine.Revenue{PriceInputPerM: engine.N("2"), PriceOutputPerM: engine.N("2")},
		Options: []engine.Option{{Label: "API", Kind: engine.API, PriceInputPerM: engine.N("1"), PriceOutputPerM: engine.N("1")}},
		Uncertainty: &engine.Uncertainty{Seed: engine.N("8"), Samples: engine.N("300"), Ranges: []engine.Range{
			{Path: "workload.monthly_growth", Low: engine.N("0"), Mode: engine.N("0.2"), High: engine.N("1")}}},
	}
}

// TestUncertaintyRedrawn: draws outside the model's limits are drawn
// again on the page as in the engine (and so the CLI,
// TestEvalSamplesRedrawn): the same percentiles for the seed, and the
// card says how many draws were drawn again and why. A range that takes
// every draw past the limit stops the run, the card naming the range.
func TestUncertaintyRedrawn(t *testing.T) {
	s := calcSite(t)
	ctx := NewBrowser(t)
	done := `document.querySelector("#uncertainty-table") !== null && document.querySelector("#uncertainty-progress") === null`
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(redrawScenario())), WaitApp(), WaitTable(),
		WaitJS(done, 60*time.Second))
	sim, err := engine.Simulate(redrawScenario(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if sim.Redrawn < 150 || sim.Redrawn > 300 {
		t.Fatalf("%d draws redrawn: the case does not redraw about 225", sim.Redrawn)
	}
	checkRows(t, uncertaintyRows(t, ctx), wantRows(t, redrawScenario()))
	if got, want := eval[string](t, ctx, `(document.querySelector("#uncertainty-redrawn") || {}).textContent || ""`), engine.RedrawnText(sim); got != want || want == "" {
		t.Errorf("the card says %q, want %q", got, want)
	}
	step(t, ctx, 30*time.Second, setPath("uncertainty[workload.monthly_growth].mode", "0.95"),
		setPath("uncertainty[workload.monthly_growth].low", "0.9"),
		WaitJS(`(document.querySelector("#uncertainty-error") || {}).textContent === "Range on workload.monthly_growth, high: 301 of 301 draws fall outside the model's limits, more than the 300 draws asked for: `+
			`Monthly growth (workload.monthly_growth) grows demand past 10^15 requests a day within the horizon in 301 of them; narrow the high end of the growth range (or of requests a day) or shorten the horizon."`, 30*time.Second))
}

// TestUncertaintyExportCSV: once the Monte Carlo has finished, the page's
// Export CSV holds its spread, the same report as `infercost eval -format
// csv -samples …` (both engine.WriteReport; the engine's
// TestReportPowerAndUncertainty checks the block's rows by hand). Two
// options on the same H100s draw their throughput together, and the
// ranges say so.
func TestUncertaintyExportCSV(t *testing.T) {
	s := calcSite(t)
	ctx := NewBrowser(t)
	done := `document.querySelector("#uncertainty-table") !== null && document.querySelector("#uncertainty-progress") === null`
	sc := uncertainScenario("11")
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(sc)), WaitApp(), WaitTable(),
		WaitJS(done, 60*time.Second), chromedp.Click("#export-csv"), WaitJS(`window.infercostLastDownload !== undefined`, 10*time.Second))
	csv := eval[string](t, ctx, `window.infercostLastDownload.content`)
	opened, err := engine.DecodeLink(engine.EncodeLink(sc))
	if err != nil {
		t.Fatal(err)
	}
	r, err := engine.Evaluate(&opened)
	if err != nil {
		t.Fatal(err)
	}
	sim, err := engine.Simulate(&opened, nil)
	if err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	if err := engine.WriteReport(&want, &opened, r, sim); err != nil {
		t.Fatal(err)
	}
	if csv != want.String() {
		t.Errorf("exported CSV differs from the engine's report (%d vs %d bytes):\n%s", len(csv), want.Len(), csv)
	}
	if !strings.Contains(csv, "\n\nuncertainty\nseed,11\nsamples,300\nredrawn,0\n") {
		t.Errorf("no uncertainty block in the export:\n%s", csv)
	}

	twin := engine.DefaultScenario()
	twin.Options[2] = twin.Options[1]
	twin.Options[2].Label = "H100 again"
	twin.Uncertainty = &engine.Uncertainty{Samples: engine.N("50")}
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(&twin)), chromedp.Reload(), WaitApp(), WaitTable(),
		WaitJS(done+` && document.querySelector("#uncertainty-intro").textContent.includes("H100 again: throughput")`, 60*time.Second))
	intro := eval[string](t, ctx, `document.querySelector("#uncertainty-intro").textContent`)
	if !strings.Contains(intro, "drawn with “H100 on demand: throughput” (options[1].throughput): the same accelerator, one estimate, one error") {
		t.Errorf("the ranges do not say the twins draw together: %s", intro)
	}
}
