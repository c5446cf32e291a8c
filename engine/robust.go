package engine

import (
	"fmt"
	"slices"
	"strings"
)

// Robustness says whether the cheapest option stays cheapest when the
// throughput estimates are as wrong as the validation saw them be: the
// winner's throughput at the low end of its band (Accuracy.Low), and with
// it every option that shares its estimate (estimateGroups), and every
// other estimated option's at the high end. That is the adverse corner of
// the middle 80 % of held-out errors, not a bound.
type Robustness struct {
	Winner int `json:"winner"`
	// Cheapest is the cheapest option in the adverse corner; Holds when it
	// is still the winner.
	Cheapest int  `json:"cheapest"`
	Holds    bool `json:"holds"`
	// Shared is how many other options share the winner's estimate and
	// so moved with it.
	Shared int `json:"shared"`
	// Result is the evaluation in the adverse corner.
	Result *Result `json:"-"`
	// low marks the options set to the low end of their band.
	low []bool
}

// estimateGroups says which self-hosted options share one throughput
// estimate, and so one estimate error (docs/methodology.md, "One
// estimate, one error"): the same accelerator (the same catalog preset, or
// custom specs, and the same memory, bandwidth, compute, interconnect,
// scale-up domain and scale-out figures), the same calibration preset and,
// for a measured throughput, the same measured rates. The model, its
// precision and the workload are the scenario's, shared by every option.
// groups[i] is the index of the first option of option i's group; -1 for
// an option without a throughput of its own (API, hybrid).
func estimateGroups(p *plan) []int {
	groups := make([]int, len(p.options))
	first := map[string]int{}
	for i := range p.options {
		o := &p.options[i]
		if !o.kind.SelfHosted() {
			groups[i] = -1
			continue
		}
		a := o.accel
		cal := ""
		if o.calibration != nil {
			cal = o.calibration.Preset
		}
		key := strings.Join([]string{a.preset, a.memory.String(), a.bandwidth.String(), a.flops.String(),
			a.interconnect.String(), fmt.Sprint(a.domain), a.scaleOut.String(), cal,
			fmt.Sprint(o.measured), o.prefillRate.String(), o.decodeRate.String()}, "|")
		if g, ok := first[key]; ok {
			groups[i] = g
		} else {
			first[key], groups[i] = i, i
		}
	}
	return groups
}

// RankingUnderError re-evaluates s (whose results are r) in the adverse
// corner of the estimates' validation bands. Each estimated option is
// evaluated as if its throughput had been measured at the estimate times
// the band's factor, on the same replica size: the low end for the
// winner's estimate group, the high end for every other. It returns nil
// when no option is estimated: nothing then rests on the estimate.
func RankingUnderError(s *Scenario, r *Result) (*Robustness, error) {
	if len(r.Options) != len(s.Options) {
		return nil, fmt.Errorf("ranking under error: %d results for %d options", len(r.Options), len(s.Options))
	}
	p, errs := Check(s)
	if errs != nil {
		return nil, errs
	}
	groups := estimateGroups(p)
	winner := r.Comparison.Cheapest
	// The winner's estimates: its own group, or a hybrid's layers' groups
	// (its base and burst run on those options' accelerators).
	low := map[int]bool{}
	if g := groups[winner]; g >= 0 {
		low[g] = true
	} else if h := p.options[winner].hyb; h != nil {
		for _, j := range []int{h.base, h.burst} {
			if j >= 0 && groups[j] >= 0 {
				low[groups[j]] = true
			}
		}
	}
	adverse := s.Clone()
	lowAt := make([]bool, len(r.Options))
	estimated, shared := false, 0
	for i, o := range r.Options {
		if o.Throughput == nil || o.Accuracy == nil {
			continue // an API, measured, or unable to serve (Infeasible)
		}
		estimated = true
		f := o.Accuracy.High
		if low[groups[i]] {
			f = o.Accuracy.Low
			if i != winner {
				shared++
			}
		}
		lowAt[i] = f.Equal(o.Accuracy.Low) && low[groups[i]]
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
	return &Robustness{Winner: winner, Cheapest: c, Holds: c == winner, Shared: shared, Result: ar, low: lowAt}, nil
}

// Sentence says what the adverse corner means for the decision, naming the
// options as r does.
func (b *Robustness) Sentence(r *Result) string {
	w, c := r.Options[b.Winner], b.Result.Options[b.Cheapest]
	corner := "with every estimated throughput at the high end of its validation band"
	if w.Kind == Hybrid && b.Shared > 0 {
		// A hybrid's layers are other options: their estimates are the
		// winner's.
		ls := b.layerLows(r)
		corner = fmt.Sprintf("with the estimates %s's layers rest on (and every option on the same accelerators) at %s× and the other estimates at the high end of their validation bands", w.Label, ls)
	} else if w.Throughput != nil && w.Accuracy != nil {
		a := w.Accuracy
		who := w.Label + "'s throughput"
		switch b.Shared {
		case 0:
		case 1:
			who += " (and that of the other option on the same accelerator)"
		default:
			who += fmt.Sprintf(" (and that of the %d other options on the same accelerator)", b.Shared)
		}
		corner = fmt.Sprintf("with %s at %s× the estimate and the other estimates at the high end of their validation bands", who, a.Low.StringFixed(2))
	}
	if b.Holds {
		return fmt.Sprintf("The ranking holds within the estimates' validated error: %s, %s stays cheapest (%s in all).",
			corner, w.Label, Money(b.Result.Options[b.Winner].TotalCost))
	}
	return fmt.Sprintf("The ranking is within the estimates' validated error: %s, %s would be cheapest (%s in all, against %s for %s). Measure throughput before committing.",
		corner, c.Label, Money(c.TotalCost), Money(b.Result.Options[b.Winner].TotalCost), w.Label)
}

// layerLows is the low ends the winner's estimate groups were set to in
// the adverse corner, e.g. "0.55" or "0.55 and 0.62".
func (b *Robustness) layerLows(r *Result) string {
	var lows []string
	for i, o := range r.Options {
		if !b.low[i] || o.Accuracy == nil {
			continue
		}
		if l := o.Accuracy.Low.StringFixed(2); !slices.Contains(lows, l) {
			lows = append(lows, l)
		}
	}
	return strings.Join(lows, " and ")
}
