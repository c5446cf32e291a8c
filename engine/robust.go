package engine

import "fmt"

// Robustness says whether the cheapest option stays cheapest when the
// throughput estimates are as wrong as the validation saw them be: the
// winner's throughput at the low end of its band (Accuracy.Low) and every
// other estimated option's at the high end. That is the adverse corner of
// the middle 80 % of held-out errors, not a bound.
type Robustness struct {
	Winner int `json:"winner"`
	// Cheapest is the cheapest option in the adverse corner; Holds when it
	// is still the winner.
	Cheapest int  `json:"cheapest"`
	Holds    bool `json:"holds"`
	// Result is the evaluation in the adverse corner.
	Result *Result `json:"-"`
}

// RankingUnderError re-evaluates s (whose results are r) in the adverse
// corner of the estimates' validation bands. Each estimated option is
// evaluated as if its throughput had been measured at the estimate times
// the band's factor, on the same replica size. It returns nil when no
// option is estimated: nothing then rests on the estimate.
func RankingUnderError(s *Scenario, r *Result) (*Robustness, error) {
	if len(r.Options) != len(s.Options) {
		return nil, fmt.Errorf("ranking under error: %d results for %d options", len(r.Options), len(s.Options))
	}
	winner := r.Comparison.Cheapest
	adverse := s.Clone()
	estimated := false
	for i, o := range r.Options {
		if o.Throughput == nil || o.Accuracy == nil {
			continue // an API, measured, or unable to serve (Infeasible)
		}
		estimated = true
		f := o.Accuracy.High
		if i == winner {
			f = o.Accuracy.Low
		}
		a := &adverse.Options[i]
		a.PrefillTokensPerS = NumOf(o.PrefillTokensPerS.Mul(f).Round(Prec))
		a.DecodeTokensPerS = NumOf(o.DecodeTokensPerS.Mul(f).Round(Prec))
		a.AcceleratorsPerReplica = NumOf(dec(o.AcceleratorsPerReplica))
	}
	if !estimated {
		return nil, nil
	}
	ar, err := Evaluate(&adverse)
	if err != nil {
		return nil, err
	}
	c := ar.Comparison.Cheapest
	return &Robustness{Winner: winner, Cheapest: c, Holds: c == winner, Result: ar}, nil
}

// Sentence says what the adverse corner means for the decision, naming the
// options as r does.
func (b *Robustness) Sentence(r *Result) string {
	w, c := r.Options[b.Winner], b.Result.Options[b.Cheapest]
	corner := "with every estimated throughput at the high end of its validation band"
	if w.Throughput != nil && w.Accuracy != nil {
		a := w.Accuracy
		corner = fmt.Sprintf("with %s's throughput at %s× the estimate and the other estimates at the high end of their validation bands", w.Label, a.Low.StringFixed(2))
	}
	if b.Holds {
		return fmt.Sprintf("The ranking holds within the estimates' validated error: %s, %s stays cheapest (%s in all).",
			corner, w.Label, Money(b.Result.Options[b.Winner].TotalCost))
	}
	return fmt.Sprintf("The ranking is within the estimates' validated error: %s, %s would be cheapest (%s in all, against %s for %s). Measure throughput before committing.",
		corner, c.Label, Money(c.TotalCost), Money(b.Result.Options[b.Winner].TotalCost), w.Label)
}
