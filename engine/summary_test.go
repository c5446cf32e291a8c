package engine

import (
	"reflect"
	"testing"

	"github.com/shopspring/decimal"
)

func dp(s string) *decimal.Decimal { v := d(s); return &v }

// TestSummaryHandWorked checks every sentence against figures worked by
// hand (see TestCloudOnDemandHandWorked and TestAPIHandWorked): the cloud
// option holds 6 accelerators at $2 × 730 h, $8,760 a month, $17,520 over 2
// months, 20/9 = $2.22 per M tokens; the API charges 500 × $2/M + 500 ×
// $0.5/M + 500 × $8/M = $0.00525 a request, × 86,400 × 365/12 = 2,628,000
// requests = $13,797 a month, $27,594 in all.
func TestSummaryHandWorked(t *testing.T) {
	cloud := measuredCloud()
	cloud.Label = "Measured cloud"
	s := handScenario(cloud, Option{Label: "Token API", Kind: API, PriceInputPerM: N("2"), PriceCachedInputPerM: N("0.5"), PriceOutputPerM: N("8")})
	r := mustEval(t, s)
	// The sensitivity of the winner's cost per M tokens, written by hand:
	// the hourly rate moves it in proportion (20/9 × 0.8 = 1.78, × 1.2 =
	// 2.67); a swing without both ends, or with none, is not a driver; only
	// the first three are named.
	tor := &Tornado{Option: 0, Metric: MetricCostPerMTokens, Percent: d("20"), Base: d("2.2222222"), Swings: []Swing{
		{Label: "Hourly rate", Low: dp("1.7777778"), High: dp("2.6666667"), Range: d("0.8888889")},
		{Label: "Requests a day", High: dp("2"), Range: d("0.6")},
		{Label: "MBU", Low: dp("2.5"), High: dp("2"), Range: d("0.5")},
		{Label: "Peak to average", Low: dp("2"), High: dp("2.5"), Range: d("0.5")},
		{Label: "Output tokens", Low: dp("2.1"), High: dp("2.3"), Range: d("0.2")},
	}}
	got := Summarize(r, tor)
	want := Summary{
		Verdict: "Over 2 months, Measured cloud is cheapest: $17,520 in all, $2.22 per million tokens.",
		// 27,594 − 17,520 = 10,074; 10,074 / 27,594 = 36.51 %.
		Margin:      "It costs $10,074 less than the runner-up, the API, Token API (36.5 % less).",
		Drivers:     "Its cost per M tokens ($2.22) depends most on hourly rate ($1.78 at −20 %, $2.67 at +20 %), MBU ($2.50 at −20 %, $2.00 at +20 %) and peak to average ($2.00 at −20 %, $2.50 at +20 %).",
		Assumptions: "Assumed: 86,400 requests a day in month 1 (1,000 input and 500 output tokens each), no growth, over 2 months; peak 2× the average; 50.0 % of input tokens cached; no time-per-output-token target.",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Summarize:\n got %#v\nwant %#v", got, want)
	}
	if n := len(got.Sentences()); n != 4 {
		t.Errorf("%d sentences, want 4 (no change of the cheapest)", n)
	}

	// The sensitivity of another option says nothing about the winner.
	tor.Option = 1
	if got := Summarize(r, tor).Drivers; got != "" {
		t.Errorf("drivers from the runner-up's tornado: %q", got)
	}
	// No input moves it: said so.
	tor.Option, tor.Swings = 0, nil
	if got, want := Summarize(r, tor).Drivers, "No input moved 20 % either way changes its cost per M tokens ($2.22)."; got != want {
		t.Errorf("no drivers: %q, want %q", got, want)
	}

	// Growth, a cache-free workload and a TPOT target are stated as given.
	s.Workload.MonthlyGrowth = N("0.1")
	s.Workload.CachedInputShare = N("0")
	s.Workload.TPOTSLOms = N("50")
	s.Workload.HorizonMonths = N("1")
	r = mustEval(t, s)
	if got, want := Summarize(r, nil).Assumptions, "Assumed: 86,400 requests a day in month 1 (1,000 input and 500 output tokens each), growing 10.0 % a month, over 1 month; peak 2× the average; no cached input; a time-per-output-token target of 50 ms."; got != want {
		t.Errorf("assumptions:\n got %q\nwant %q", got, want)
	}
	s.Workload.TTFTSLOms = N("2000")
	r = mustEval(t, s)
	if got, want := Summarize(r, nil).Assumptions, "Assumed: 86,400 requests a day in month 1 (1,000 input and 500 output tokens each), growing 10.0 % a month, over 1 month; peak 2× the average; no cached input; a time-per-output-token target of 50 ms and a time-to-first-token target of 2,000 ms."; got != want {
		t.Errorf("assumptions:\n got %q\nwant %q", got, want)
	} // A daily profile is named: a preset by its label, shares as such; the
	// flat day, the default, is not.
	for _, c := range []struct{ profile, words string }{
		{"business_hours", ", the day's load shaped as business hours (09:00–17:00)"},
		{"0.0417,0.0417,0.0417,0.0417,0.0417,0.0417,0.0417,0.0417,0.0417,0.0417,0.0417,0.0417,0.0417,0.0417,0.0417,0.0417,0.0417,0.0417,0.0417,0.0417,0.0417,0.0417,0.0417,0.0409", ", the day's load shaped by the 24 hourly shares given"},
		{"flat", ""},
	} {
		s.Workload.DailyProfile = c.profile
		r = mustEval(t, s)
		if got, want := Summarize(r, nil).Assumptions, "Assumed: 86,400 requests a day in month 1 (1,000 input and 500 output tokens each), growing 10.0 % a month, over 1 month; peak 2× the average"+c.words+"; no cached input; a time-per-output-token target of 50 ms and a time-to-first-token target of 2,000 ms."; got != want {
			t.Errorf("assumptions with %s:\n got %q\nwant %q", c.profile, got, want)
		}
	}
}

// TestSummaryMarginAndChange uses a made-up result: totals $100, $150 and
// $400, the API last.
func TestSummaryMarginAndChange(t *testing.T) {
	r := &Result{Horizon: 6, Options: []OptionResult{
		{Label: "A", TotalCost: d("100"), CostPerMTokens: d("0.5")},
		{Label: "B", TotalCost: d("150")},
		{Label: "C", Kind: API, TotalCost: d("400")},
	}, Comparison: Comparison{Cheapest: 0, Ranking: []int{0, 1, 2}, APIOption: ptr(2),
		MonthlyCheapest: []int{1, 1, 0, 0, 0, 2}}}
	got := Summarize(r, nil)
	// 50 / 150 = 33.3 %; 300 / 400 = 75 %.
	if want := "It costs $50.00 less than the runner-up, B (33.3 % less), and $300.00 less than the API, C (75.0 % less)."; got.Margin != want {
		t.Errorf("margin %q, want %q", got.Margin, want)
	}
	if want := "The cheapest month by month changes: B in months 1–2, A in months 3–5, C from month 6."; got.Change != want {
		t.Errorf("change %q, want %q", got.Change, want)
	}
	r.Comparison.MonthlyCheapest = []int{0, 1, 0, 1, 0, 1}
	if got, want := Summarize(r, nil).Change, "The cheapest month by month changes: A in month 1, B in month 2, A in month 3, B in month 4, and the lead changes 2 more times."; got != want {
		t.Errorf("change %q, want %q", got, want)
	}
	// Five stretches: the fifth is one more change, said in words.
	r.Comparison.MonthlyCheapest = []int{0, 1, 0, 1, 0, 0}
	if got, want := Summarize(r, nil).Change, "The cheapest month by month changes: A in month 1, B in month 2, A in month 3, B in month 4, and the lead changes once more."; got != want {
		t.Errorf("change %q, want %q", got, want)
	}
	// The API wins: only the runner-up is compared.
	r.Comparison.Cheapest, r.Comparison.Ranking, r.Comparison.APIOption = 2, []int{2, 0, 1}, ptr(2)
	r.Options[2].TotalCost = d("80")
	if got, want := Summarize(r, nil).Margin, "It costs $20.00 less than the runner-up, A (20.0 % less)."; got != want {
		t.Errorf("margin %q, want %q", got, want)
	}
	// A tie and a lone option.
	r.Options[2].TotalCost = d("100")
	if got, want := Summarize(r, nil).Margin, "It costs the same as the runner-up, A."; got != want {
		t.Errorf("margin %q, want %q", got, want)
	}
	r = &Result{Horizon: 1, Options: r.Options[:1], Comparison: Comparison{Ranking: []int{0}, MonthlyCheapest: []int{0}}}
	if got := Summarize(r, nil); got.Margin != "It is the only option compared." || got.Change != "" {
		t.Errorf("one option: %#v", got)
	}
}
