package engine

import "testing"

// TestCheapestMonths: the months an option is cheapest, said as stretches;
// "from month N on" only for a stretch that lasts to the horizon (the audit's
// ex1: the API cheapest in months 1–6 only, not "from month 1").
func TestCheapestMonths(t *testing.T) {
	r := &Result{Comparison: Comparison{MonthlyCheapest: []int{0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1}}}
	for i, want := range []string{"in months 1–6", "from month 7 on", ""} {
		if got := CheapestMonths(r, i); got != want {
			t.Errorf("option %d: %q, want %q", i, got, want)
		}
	}
	// ex5's shape: option 2 in month 1 and months 4–6, option 0 in months
	// 2–3, option 1 from month 7; and one option in every month.
	r.Comparison.MonthlyCheapest = []int{2, 0, 0, 2, 2, 2, 1, 1}
	for i, want := range []string{"in months 2–3", "from month 7 on", "in month 1 and months 4–6"} {
		if got := CheapestMonths(r, i); got != want {
			t.Errorf("option %d: %q, want %q", i, got, want)
		}
	}
	r.Comparison.MonthlyCheapest = []int{1, 0, 1, 0, 0}
	if got, want := CheapestMonths(r, 1), "in month 1 and month 3"; got != want {
		t.Errorf("option 1: %q, want %q", got, want)
	}
	if got, want := CheapestMonths(r, 0), "in month 2 and from month 4 on"; got != want {
		t.Errorf("option 0: %q, want %q", got, want)
	}
	r.Comparison.MonthlyCheapest = []int{0, 0, 0}
	if got, want := CheapestMonths(r, 0), "in every month"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

// TestAgainstAPI: a saving, a cost above the API as a percentage, and one
// above 11× the API's as a multiple, never a negative saving.
func TestAgainstAPI(t *testing.T) {
	for _, c := range []struct {
		save, share, sentence, cell string
	}{
		// ex1: the API $225,626, H100 on demand $148,424: saves $77,203,
		// 77,203 / 225,626 = 34.2 %.
		{"77202.5", "0.34217", "saves $77,203 (34.2 %) against the API", "$77,203 (34.2 %)"},
		// ex5: the API $12,868,236,056, the owned site $35,757,836,683:
		// 22,889,600,627 more, 22,889,600,627 / 12,868,236,056 = 177.9 %.
		{"-22889600627", "-1.77877", "costs $22,889,600,627 more than the API (177.9 % more)", "costs $22,889,600,627 more (177.9 % more)"},
		// tiny.json: the API $0.3285, L40S on demand $8,672.x: share
		// −26,399, so 1 + 26,399 = 26,400 times the API's cost.
		{"-8672.0", "-26399", "costs $8,672 more than the API (26,400× the API's cost)", "costs $8,672 more (26,400× the API's cost)"},
		// Exactly 11× (1,000 % more) still reads as a percentage.
		{"-1000", "-10", "costs $1,000 more than the API (1,000.0 % more)", "costs $1,000 more (1,000.0 % more)"},
	} {
		v := OptionVerdict{SavingsVsAPI: ptr(d(c.save)), SavingsVsAPIShare: ptr(d(c.share))}
		if got := v.AgainstAPI(); got != c.sentence {
			t.Errorf("%s: %q, want %q", c.save, got, c.sentence)
		}
		if got := v.AgainstAPICell(); got != c.cell {
			t.Errorf("%s cell: %q, want %q", c.save, got, c.cell)
		}
	}
	if got := (OptionVerdict{}).AgainstAPI(); got != "" {
		t.Errorf("without an API: %q", got)
	}
}

// TestBreakEvenText: "at every volume above", the basis, and the caveat
// when month 1's demand is already above the break-even yet the option
// costs more over the horizon (the audit's ex5: 7,034,325 against
// 5,000,000,000 requests a day).
func TestBreakEvenText(t *testing.T) {
	r := &Result{
		Workload: Assumed{RequestsPerDay: d("5000000000")},
		Options:  []OptionResult{{Kind: API}, {Kind: Owned, Throughput: &Throughput{}}},
		Comparison: Comparison{APIOption: ptr(0), Options: []OptionVerdict{{}, {
			SavingsVsAPI: ptr(d("-22889600627")), BreakEvenRequestsPerDay: ptr(d("7034325")), BreakEvenBasis: breakEvenOwned,
		}}},
	}
	want := "beats the API at every volume above 7,034,325 requests a day (buying the hardware new at month-1 prices with later price changes ignored, in a steady month); " +
		"month 1's demand (5,000,000,000 requests a day) is already above it, yet over the horizon it costs more than the API: " +
		"the totals follow each month's prices, demand and terms (price changes, growth, commitments, purchases), which the break-even leaves out"
	if got := BreakEvenText(r, 1); got != want {
		t.Errorf("\n got %q\nwant %q", got, want)
	}
	// Below the break-even, or cheaper than the API: no caveat.
	r.Workload.RequestsPerDay = d("7000000")
	if got, want := BreakEvenText(r, 1), "beats the API at every volume above 7,034,325 requests a day (buying the hardware new at month-1 prices with later price changes ignored, in a steady month)"; got != want {
		t.Errorf("\n got %q\nwant %q", got, want)
	}
	r.Comparison.Options[1].BreakEvenRequestsPerDay = nil
	if got, want := BreakEvenText(r, 1), "never beats the API at any volume (buying the hardware new at month-1 prices with later price changes ignored, in a steady month)"; got != want {
		t.Errorf("\n got %q\nwant %q", got, want)
	}
	if got := BreakEvenText(r, 0); got != "" {
		t.Errorf("the API itself: %q", got)
	}
}
