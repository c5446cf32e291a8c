package engine

import (
	"testing"

	"github.com/shopspring/decimal"
)

// BenchmarkKeystroke is the engine's share of a keystroke on the page:
// EvaluateHeadline, on the reference scenario and on the hybrid example
// (its base size searched, and given). Measure it under wasm
// (docs/performance.md).
func BenchmarkKeystroke(b *testing.B) {
	hybrid := Examples[len(Examples)-1].Scenario
	given := hybrid.Clone() // the size the search finds, given: no search
	given.Options[3].BaseAccelerators = N("12")
	for _, c := range []struct {
		name string
		s    *Scenario
	}{{"reference", loadReference(b)}, {"hybrid", &hybrid}, {"hybrid-given", &given}} {
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

// BenchmarkKeystrokeFinance is the finance view's part of the reference's
// keystroke: each option's discounted cash month by month, net present
// cost, NPV and IRR (plan.finance), from an evaluation's rows.
func BenchmarkKeystrokeFinance(b *testing.B) {
	s := loadReference(b)
	p, errs := Check(s)
	if errs != nil {
		b.Fatal(errs)
	}
	r, err := p.evaluate()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for i := range r.Options {
			p.finance(&r.Options[i], p.discount, decimal.Zero)
		}
	}
}

// BenchmarkKeystrokeOwnedBase is the hybrid example with an owned base:
// its search runs the owned option's costing at every size.
func BenchmarkKeystrokeOwnedBase(b *testing.B) {
	s := Examples[len(Examples)-1].Scenario.Clone()
	s.Options[0] = Option{Label: "owned", Kind: Owned, Accelerator: &Accelerator{Preset: "h100-sxm"}, AcceleratorsPerReplica: N("2")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := EvaluateHeadline(&s); err != nil {
			b.Fatal(err)
		}
	}
}
