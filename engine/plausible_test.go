package engine

import (
	"strings"
	"testing"
)

// TestScaleWarning: the reviewer's case, example 4 (MoE on the newest
// accelerators) at 100
// billion requests a day growing 5 % a month for 120 months. Month 120
// serves 100e9 × 1.05^119 ≈ 3.3e13 requests a day: every self-hosted
// option's fleet peaks in the hundreds of millions of accelerators, far
// above PlausibleFleetAccelerators (5,000,000). A warning in the summary,
// not a refusal; the API has no fleet and is not named.
func TestScaleWarning(t *testing.T) {
	s := Examples[3].Scenario.Clone()
	s.Workload.RequestsPerDay = N("100000000000")
	s.Workload.HorizonMonths = N("120")
	s.Workload.MonthlyGrowth = N("0.05")
	r := mustEval(t, &s)
	want := "Beyond any real deployment: at their peaks, GB200 NVL72 rented needs 254,447,936 accelerators, GB200 NVL72 disaggregated 216,805,680, B200 rented 792,761,728 and MI355X owned 955,230,784, more than the largest announced to date (about 5,000,000: OpenAI and NVIDIA's 10 GW letter of intent of September 2025, 4 to 5 million GPUs). Check the workload (requests a day, growth, horizon) before relying on these figures."
	sum := Summarize(r, nil)
	if sum.Scale != want || sum.Sentences()[2] != want {
		t.Errorf("scale %q", sum.Scale)
	}
	for i, o := range r.Options[:4] {
		if o.PeakAccelerators.Cmp(d("200000000")) < 0 {
			t.Errorf("option %d peak %s", i, o.PeakAccelerators)
		}
	}

	// The threshold itself: at exactly 5,000,000 nothing is said; one
	// accelerator more and the option is named.
	r.Options[0].PeakAccelerators = d("5000000")
	r.Options[1].PeakAccelerators = d("5000000")
	r.Options[2].PeakAccelerators = d("5000000")
	r.Options[3].PeakAccelerators = d("5000001")
	if got := Summarize(r, nil).Scale; !strings.HasPrefix(got, "Beyond any real deployment: at its peak, MI355X owned needs 5,000,001 accelerators, more than the largest announced to date (about 5,000,000: ") {
		t.Errorf("one above: %q", got)
	}
	r.Options[3].PeakAccelerators = d("5000000")
	if got := Summarize(r, nil).Scale; got != "" {
		t.Errorf("at the threshold: %q", got)
	}
	// The examples as shipped are nowhere near it.
	for _, e := range Examples {
		s := e.Scenario.Clone()
		if got := Summarize(mustEval(t, &s), nil).Scale; got != "" {
			t.Errorf("%s: %q", e.Scenario.Name, got)
		}
	}
}
