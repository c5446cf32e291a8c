package engine

import "testing"

// robustScenario is Llama 3.1 8B on rented H100s against an API. At $0.25
// per M output tokens the API costs 10M × (1,000 × $0.02 + 300 × $0.25) /
// 10^6 = $950 a day, $346,750 over 365 days: more than the rented H100s at
// the estimate, less than twice them.
func robustScenario(apiOut string) *Scenario {
	return &Scenario{
		Version:  FormatVersion,
		Workload: Workload{RequestsPerDay: N("10000000"), InputTokens: N("1000"), OutputTokens: N("300"), HorizonMonths: N("12"), TPOTSLOms: N("50")},
		Model:    Model{Preset: "llama-3.1-8b"},
		Options: []Option{
			{Label: "H100", Kind: Cloud, Accelerator: &Accelerator{Preset: "h100-sxm"}},
			{Label: "API", Kind: API, PriceInputPerM: N("0.02"), PriceOutputPerM: N(apiOut)},
		},
	}
}

func TestRankingUnderError(t *testing.T) {
	saved := accuracyBands
	defer func() { accuracyBands = saved }()
	band := func(low, high string) {
		accuracyBands = []validationBand{
			{moe: false, cases: 10, within25: 5, low: d(low), median: d("1"), high: d(high), maxReplica: 8, maxTokens: 40000},
			{moe: true, cases: 10, within25: 5, low: d(low), median: d("1"), high: d(high), maxReplica: 144, maxTokens: 40000},
		}
	}
	s := robustScenario("0.25")

	// A band of exactly 1: the adverse corner is the estimate itself, now
	// entered as measured rates, and costs the same to the cent.
	band("1", "1")
	r, err := Evaluate(s)
	if err != nil {
		t.Fatal(err)
	}
	if r.Comparison.Cheapest != 0 {
		t.Fatalf("the H100 option should win at the estimate: totals %s and %s", r.Options[0].TotalCost, r.Options[1].TotalCost)
	}
	b, err := RankingUnderError(s, r)
	if err != nil {
		t.Fatal(err)
	}
	if !b.Holds || b.Result.Options[0].TotalCost.Round(2).Cmp(r.Options[0].TotalCost.Round(2)) != 0 {
		t.Errorf("band of 1: holds %t, total %s against %s", b.Holds, b.Result.Options[0].TotalCost, r.Options[0].TotalCost)
	}

	// Real throughput at half the estimate: each request costs twice the
	// accelerator-seconds (rates halved), about twice the accelerators.
	band("0.5", "1.5")
	r, _ = Evaluate(s)
	b, err = RankingUnderError(s, r)
	if err != nil {
		t.Fatal(err)
	}
	est, adv := r.Options[0], b.Result.Options[0]
	if !adv.AcceleratorSecondsPerRequest.Round(18).Equal(est.AcceleratorSecondsPerRequest.Mul(two).Round(18)) {
		t.Errorf("accelerator-seconds a request: %s, want 2 × %s", adv.AcceleratorSecondsPerRequest, est.AcceleratorSecondsPerRequest)
	}
	// The API's cost does not rest on an estimate.
	if !b.Result.Options[1].TotalCost.Equal(r.Options[1].TotalCost) {
		t.Errorf("API total moved: %s → %s", r.Options[1].TotalCost, b.Result.Options[1].TotalCost)
	}
	wantHolds := adv.TotalCost.Cmp(r.Options[1].TotalCost) < 0
	if b.Holds != wantHolds {
		t.Errorf("holds = %t with H100 %s against API %s", b.Holds, adv.TotalCost, r.Options[1].TotalCost)
	}
	if wantHolds {
		t.Fatalf("the scenario should flip at half the throughput: H100 %s (was %s), API %s", adv.TotalCost, est.TotalCost, r.Options[1].TotalCost)
	}
	want := "The ranking is within the estimates' validated error: with H100's throughput at 0.50× the estimate and the other estimates at the high end of their validation bands, API would be cheapest (" +
		Money(r.Options[1].TotalCost) + " in all, against " + Money(adv.TotalCost) + " for H100). Measure throughput before committing."
	if got := b.Sentence(r); got != want {
		t.Errorf("sentence:\n got %s\nwant %s", got, want)
	}

	// Nothing estimated: nothing to say.
	m := robustScenario("0.25")
	m.Options[0] = Option{Label: "H100", Kind: Cloud, Accelerator: &Accelerator{Preset: "h100-sxm"},
		PrefillTokensPerS: N("10000"), DecodeTokensPerS: N("2000"), AcceleratorsPerReplica: N("1")}
	r, _ = Evaluate(m)
	if b, err := RankingUnderError(m, r); b != nil || err != nil {
		t.Errorf("measured only: %+v, %v", b, err)
	}
}

// TestRankingUnderErrorAPIWins: when the API is cheapest, only the others'
// estimates move (to the high end), and the sentence says so.
func TestRankingUnderErrorAPIWins(t *testing.T) {
	saved := accuracyBands
	defer func() { accuracyBands = saved }()
	accuracyBands = []validationBand{{moe: false, cases: 10, within25: 5, low: d("0.5"), median: d("1"), high: d("1.5"), maxReplica: 8, maxTokens: 40000}}
	s := robustScenario("0.01") // the API at $0.01 per M output tokens wins
	r, err := Evaluate(s)
	if err != nil || r.Comparison.Cheapest != 1 {
		t.Fatalf("%v; cheapest %d", err, r.Comparison.Cheapest)
	}
	b, err := RankingUnderError(s, r)
	if err != nil {
		t.Fatal(err)
	}
	want := "The ranking holds within the estimates' validated error: with every estimated throughput at the high end of its validation band, API stays cheapest (" + Money(r.Options[1].TotalCost) + " in all)."
	if !b.Holds || b.Sentence(r) != want {
		t.Errorf("holds %t, sentence %q, want %q", b.Holds, b.Sentence(r), want)
	}
}
