package engine

import "testing"

// BenchmarkKeystroke is the engine's share of a keystroke on the page:
// EvaluateHeadline, on the reference scenario and on the hybrid example
// (its base size searched). Measure it under wasm (docs/performance.md).
func BenchmarkKeystroke(b *testing.B) {
	hybrid := Examples[len(Examples)-1].Scenario
	for _, c := range []struct {
		name string
		s    *Scenario
	}{{"reference", loadReference(b)}, {"hybrid", &hybrid}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := EvaluateHeadline(c.s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
