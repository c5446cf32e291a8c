package engine

import (
	"reflect"
	"testing"
)

// The split evaluation gives Evaluate's figures: the headline's without
// power, and the power after.
func TestEvaluateHeadlineAndPowerOf(t *testing.T) {
	ref := loadReference(t)
	scenarios := []Scenario{*ref, DefaultScenario()}
	for _, ex := range Examples {
		scenarios = append(scenarios, ex.Scenario.Clone())
	}
	for _, s := range scenarios {
		full, err := Evaluate(&s)
		if err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		head, err := EvaluateHeadline(&s)
		if err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		if head.Power != nil {
			t.Errorf("%s: EvaluateHeadline computed the power", s.Name)
		}
		pw, err := PowerOf(&s, head)
		if err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		if full.Power == nil || len(full.Power.Options) == 0 && s.Name == ref.Name {
			t.Fatalf("%s: the reference has self-hosted options, Evaluate gave no power", s.Name)
		}
		head.Power = pw
		if !reflect.DeepEqual(head, full) {
			t.Errorf("%s: EvaluateHeadline then PowerOf differ from Evaluate", s.Name)
		}
	}
}

// EvaluateHeadlineResolved gives EvaluateHeadline's result and the
// scenario's resolution, unchanged by the evaluation that read it; an
// invalid scenario gives the same errors and no resolution.
func TestEvaluateHeadlineResolved(t *testing.T) {
	ref := loadReference(t)
	scenarios := []Scenario{*ref, DefaultScenario()}
	for _, ex := range Examples {
		scenarios = append(scenarios, ex.Scenario.Clone())
	}
	for _, s := range scenarios {
		want, err := EvaluateHeadline(&s)
		if err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		got, res, err := EvaluateHeadlineResolved(&s)
		if err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the result differs from EvaluateHeadline's", s.Name)
		}
		if res == nil || !reflect.DeepEqual(res, Resolve(&s)) {
			t.Errorf("%s: the resolution differs from Resolve's", s.Name)
		}
	}
	bad := ref.Clone()
	bad.Workload.RequestsPerDay = N("-1")
	_, wantErr := EvaluateHeadline(&bad)
	r, res, err := EvaluateHeadlineResolved(&bad)
	if wantErr == nil || err == nil || err.Error() != wantErr.Error() || r != nil || res != nil {
		t.Errorf("invalid scenario: %v, %v, %v (want the errors %v)", r, res, err, wantErr)
	}
}
