package engine

import "testing"

// BenchmarkHybridExample evaluates the hybrid example, its base searched.
func BenchmarkHybridExample(b *testing.B) {
	e := Examples[len(Examples)-1]
	for b.Loop() {
		if _, err := Evaluate(&e.Scenario); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHybridExampleGiven is the same with the base size given (no
// search), and BenchmarkHybridExampleWithout without the hybrid option.
func BenchmarkHybridExampleGiven(b *testing.B) {
	s := Examples[len(Examples)-1].Scenario.Clone()
	s.Options[3].BaseAccelerators = N("12")
	for b.Loop() {
		if _, err := Evaluate(&s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHybridExampleWithout(b *testing.B) {
	s := Examples[len(Examples)-1].Scenario.Clone()
	s.Options = s.Options[:3]
	for b.Loop() {
		if _, err := Evaluate(&s); err != nil {
			b.Fatal(err)
		}
	}
}
