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
