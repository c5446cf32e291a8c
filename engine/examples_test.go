package engine

import "testing"

func TestExamplesEvaluate(t *testing.T) {
	for _, e := range Examples {
		r, err := Evaluate(&e.Scenario)
		if err != nil {
			t.Errorf("%s: %v", e.ID, err)
			continue
		}
		for _, o := range r.Options {
			t.Logf("%s / %s: total %s, %s per M tokens, peak %s", e.ID, o.Label, Money(o.TotalCost), Money(o.CostPerMTokens), o.PeakAccelerators)
		}
		checkRoundTrip(t, &e.Scenario)
	}
}
