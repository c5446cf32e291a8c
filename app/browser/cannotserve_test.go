package browser

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/infercost/infercost/engine"
)

// TestCannotServe: the start-up example at a 5 ms time-per-token target
// (engine TestCannotServe has the working). The page still answers with
// the API; each H100 option gets a card that says why it cannot serve,
// with no figures and no badge, and "cannot serve" in the table; at 50 ms
// again they are compared. With the API removed nothing can serve: the
// page keeps the last good results, marked stale, and says why.
func TestCannotServe(t *testing.T) {
	s := engine.Examples[0].Scenario.Clone()
	s.Workload.TPOTSLOms = engine.N("5")
	r, err := engine.Evaluate(&s)
	if err != nil {
		t.Fatal(err)
	}
	reason := r.Options[1].Infeasible
	if !strings.HasPrefix(reason, "one output token takes 10.71 ms on a replica of 8 accelerators even at batch 1") {
		t.Fatalf("reason %q", reason)
	}
	site := calcSite(t)
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(site.URL+"#"+engine.EncodeLink(&s)), WaitApp(), WaitTable(),
		WaitJS(`document.querySelector("#headline-1.cannot-serve") !== null`, 30*time.Second))
	checkTexts(t, ctx, map[string]string{
		"#verdict":                                "Over 24 months, Token API is cheapest: $225,626 in all, $0.7708 per million tokens.",
		"#summary-margin":                         "It is the only option that can serve this workload.",
		"#headline-1 [data-key=infeasible]":       "It cannot serve this workload, so it is left out of the comparison: " + reason,
		"#headline-2 [data-key=infeasible]":       "It cannot serve this workload, so it is left out of the comparison: " + reason,
		"#headline-1 .badge":                      "Cannot serve",
		"#headline-0 .badge.winner":               "Cheapest",
		"#headline-0 [data-key=total_cost]":       "$225,626",
		"#headline-0 [data-key=first_month_cost]": "$2,550", // $2,549.525
	})
	// One item an option that cannot serve, as the CLI prints one line each.
	if got, want := eval[[]string](t, ctx, `[...document.querySelectorAll("#summary-unable li")].map((li) => li.textContent)`), engine.Summarize(r, nil).Unable; strings.Join(got, "\n") != strings.Join(want, "\n") || len(got) != 2 {
		t.Errorf("summary-unable %q, want %q", got, want)
	}
	// The breakdown marks each H100 row "(cannot serve)", with no bar.
	if got := eval[[]string](t, ctx, `[...document.querySelectorAll("#chart-breakdown .cannot-serve-note")].map((e) => e.textContent)`); strings.Join(got, "|") != "(cannot serve)|(cannot serve)" {
		t.Errorf("breakdown notes %q", got)
	}
	// The interactivity chart: the H100 options serve the slower speeds
	// (5 ms is 200 tokens/s), so their lines are drawn, marked in the
	// legend, and the page says why they stop, in the CLI's words.
	curve, err := engine.InteractivityCurve(&s, nil)
	if err != nil {
		t.Fatal(err)
	}
	cols := engine.InteractivityOptions(r, curve)
	gap := engine.InteractivityGap(r, curve, cols)
	if len(cols) != 2 || gap != "Where a line stops (–), the option cannot serve each user that many tokens a second with any replica size it considers, even at batch 1." {
		t.Fatalf("curve options %v, gap %q", cols, gap)
	}
	step(t, ctx, 60*time.Second, WaitJS(`document.querySelector("#interactivity-gap") !== null`, 60*time.Second))
	checkTexts(t, ctx, map[string]string{"#interactivity-gap": gap})
	if got := eval[[]string](t, ctx, `[...document.querySelectorAll("#chart-interactivity .legend li")].map((li) => li.textContent)`); strings.Join(got, "|") != "H100 on demand (cannot serve its targets)|H100, 4 reserved for a year (cannot serve its targets)" {
		t.Errorf("interactivity legend %q", got)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#headline-1 [data-key=total_cost], #headline-1 .badge.winner, #headline-2 [data-key=total_cost]").length`); n != 0 {
		t.Errorf("a card of an option that cannot serve shows %d figures or badges", n)
	}
	// The cards: by rank, then those that cannot serve.
	if got := eval[string](t, ctx, `[...document.querySelectorAll(".headlines article")].map((a) => a.id).join(" ")`); got != "headline-0 headline-1 headline-2" {
		t.Errorf("cards %q", got)
	}
	rows := eval[map[string][]string](t, ctx, `Object.fromEntries([...document.querySelectorAll("#comparison tbody tr")].map((tr) =>
		[tr.querySelector("th").textContent, [...tr.querySelectorAll("td")].map((td) => td.textContent)]))`)
	for label, want := range map[string][]string{
		"Rank":       {"1", "cannot serve", "cannot serve"},
		"Total cost": {"$225,626", "–", "–"},
	} {
		if got := rows[label]; strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("table %s = %q, want %q", label, got, want)
		}
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#comparison td.winner").length`); n == 0 {
		t.Error("no winner column")
	}

	// At 50 ms the H100 options serve again and are compared.
	step(t, ctx, 30*time.Second, setInput("w-tpot_slo_ms", "50"),
		WaitJS(`document.querySelector("#headline-1.cannot-serve") === null && document.querySelector("#headline-1 [data-key=total_cost]") !== null`, 20*time.Second))
	if got := text(t, ctx, "#summary-unable"); got != "<missing>" {
		t.Errorf("summary-unable at 50 ms: %q", got)
	}

	// Without the API, 5 ms leaves nothing to compare: the last good
	// results stay, marked stale, and the problems say why.
	s.Options = s.Options[1:]
	s.Workload.TPOTSLOms = engine.N("50")
	good, err := engine.Evaluate(&s)
	if err != nil {
		t.Fatal(err)
	}
	step(t, ctx, 60*time.Second, chromedp.Navigate(site.URL+"#"+engine.EncodeLink(&s)), WaitApp(), WaitTable(),
		WaitJS(`document.querySelector("#headline-0 [data-key=total_cost]") !== null`, 30*time.Second))
	total := text(t, ctx, "#headline-0 [data-key=total_cost]")
	if total != engine.Money(good.Options[0].TotalCost) {
		t.Errorf("total %q, want %s", total, engine.Money(good.Options[0].TotalCost))
	}
	step(t, ctx, 30*time.Second, setInput("w-tpot_slo_ms", "5"), WaitJS(`document.getElementById("stale") !== null`, 20*time.Second))
	if got := text(t, ctx, "#headline-0 [data-key=total_cost]"); got != total {
		t.Errorf("the last good results were lost: %q", got)
	}
	summary := text(t, ctx, "#error-summary")
	for _, want := range []string{engine.NoOptionCanServe, "option 1 (H100 on demand) cannot serve: one output token takes 10.71 ms", "option 2 (H100, 4 reserved for a year) cannot serve"} {
		if !strings.Contains(summary, want) {
			t.Errorf("error summary lacks %q:\n%s", want, summary)
		}
	}
}

// TestVerdictSiteOutgrown: the hand-worked power site (engine
// TestVerdictSiteOutgrown) on 15 kW: the page's verdict says the winner's
// fleet outgrows the site in month 3 (18.72 kW), as the CLI does; typed up
// to 25 kW (the 23.4 kW peak fits), it no longer does.
func TestVerdictSiteOutgrown(t *testing.T) {
	s := powerSite()
	s.Workload.SitePowerMW = engine.N("0.015")
	r, err := engine.Evaluate(s)
	if err != nil {
		t.Fatal(err)
	}
	want := engine.Summarize(r, nil).Verdict
	if !strings.HasSuffix(want, ", but its fleet outgrows the 15 kW site in month 3.") {
		t.Fatalf("engine verdict %q", want)
	}
	site := calcSite(t)
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(site.URL+"#"+engine.EncodeLink(s)), WaitApp(), WaitTable(), waitText("#verdict", want))
	id := eval[string](t, ctx, `document.querySelector("input[data-path='workload.site_power_mw']").id`)
	step(t, ctx, 30*time.Second, setInput(id, "0.025"),
		WaitJS(`!document.querySelector("#verdict").textContent.includes("outgrows") && document.getElementById("stale") === null`, 20*time.Second))
	if got := text(t, ctx, "#verdict"); !strings.HasSuffix(got, "per million tokens.") {
		t.Errorf("verdict at 25 kW: %q", got)
	}
}

// TestContextWarningPage: a request longer than Llama 3.1 70B's 131,072
// tokens (engine TestContextWarning) is warned about under the verdict;
// shortened to fit, the warning goes.
func TestContextWarningPage(t *testing.T) {
	s := &engine.Scenario{Version: engine.FormatVersion,
		Workload: engine.Workload{RequestsPerDay: engine.N("1000"), InputTokens: engine.N("131000"), OutputTokens: engine.N("73"), HorizonMonths: engine.N("2")},
		Model:    engine.Model{Preset: "llama-3.1-70b"},
		Options:  []engine.Option{{Label: "API", Kind: engine.API, PriceInputPerM: engine.N("1"), PriceOutputPerM: engine.N("2")}},
	}
	r, err := engine.Evaluate(s)
	if err != nil || r.ContextWarning == "" {
		t.Fatalf("%v %q", err, r.ContextWarning)
	}
	site := calcSite(t)
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(site.URL+"#"+engine.EncodeLink(s)), WaitApp(), WaitTable(), waitText("#summary-context", r.ContextWarning))
	step(t, ctx, 30*time.Second, setInput("w-output_tokens", "72"), WaitJS(`document.getElementById("summary-context") === null && document.getElementById("stale") === null`, 20*time.Second))
}

// TestScaleWarningPage: example 4 at 100 billion requests a day growing
// 5 % a month for 120 months (engine TestScaleWarning has the figures):
// the page evaluates it and warns under the verdict, in the CLI's words;
// back at the example's own requests a day, the warning goes.
func TestScaleWarningPage(t *testing.T) {
	s := engine.Examples[3].Scenario.Clone()
	s.Workload.RequestsPerDay = engine.N("100000000000")
	s.Workload.HorizonMonths = engine.N("120")
	s.Workload.MonthlyGrowth = engine.N("0.05")
	r, err := engine.Evaluate(&s)
	if err != nil {
		t.Fatal(err)
	}
	want := engine.Summarize(r, nil).Scale
	if !strings.HasPrefix(want, "Beyond any real deployment: at their peaks, GB200 NVL72 rented needs 254,447,936 accelerators, ") {
		t.Fatalf("engine warning %q", want)
	}
	site := calcSite(t)
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(site.URL+"#"+engine.EncodeLink(&s)), WaitApp(), WaitTable(), waitText("#summary-scale", want))
	step(t, ctx, 30*time.Second, setInput("w-requests_per_day", "1000"),
		WaitJS(`document.getElementById("summary-scale") === null && document.getElementById("stale") === null`, 20*time.Second))
}
