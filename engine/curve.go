package engine

import "github.com/shopspring/decimal"

// CurvePoint is every option's steady cost per M tokens at one daily volume.
type CurvePoint struct {
	RequestsPerDay decimal.Decimal `json:"requests_per_day"`
	// CostPerMTokens has one entry per option; nil where the option cannot
	// serve that volume (an error such as an SLO).
	CostPerMTokens []*decimal.Decimal `json:"cost_per_m_tokens"`
}

// curveSteps are the 1-2-5 multipliers a decade is split into, so that
// every volume on the curve is an exact, round number.
var curveSteps = []decimal.Decimal{decimal.NewFromInt(1), decimal.NewFromInt(2), decimal.NewFromInt(5)}

// VolumeCurve evaluates month 1 (steady: no growth, no commitment carried
// over) at round daily volumes from a hundredth to a hundred times the
// scenario's, so a chart can show where self-hosting overtakes the API.
// Whole-accelerator steps show as a sawtooth. pace runs between volumes.
func VolumeCurve(s *Scenario, pace Pace) ([]CurvePoint, error) {
	p, errs := Check(s)
	if errs != nil {
		return nil, errs
	}
	lo := p.workload.rpd.Div(decimal.NewFromInt(100))
	hi := p.workload.rpd.Mul(decimal.NewFromInt(100))
	// Start at the 1-2-5 value at or below lo.
	decade := decimal.New(1, int32(len(lo.Truncate(0).String())-1))
	if lo.Cmp(one) < 0 {
		decade = one
	}
	var out []CurvePoint
	for ; decade.Cmp(hi) <= 0 && len(out) < 40; decade = decade.Mul(decimal.NewFromInt(10)) {
		for _, m := range curveSteps {
			if x := decade.Mul(m); x.Cmp(lo) >= 0 && x.Cmp(hi) <= 0 {
				if pace.stop() {
					return nil, ErrStopped
				}
				out = append(out, p.curvePoint(x))
			}
		}
	}
	return out, nil
}

func (p *plan) curvePoint(rpd decimal.Decimal) CurvePoint {
	q := *p
	q.workload.rpd = rpd
	q.workload.growth = zero
	q.workload.horizon = 1
	q.options = make([]optionPlan, len(p.options))
	copy(q.options, p.options)
	for i := range q.options {
		q.options[i].commitUnits = zero
		q.options[i].tiers, q.options[i].fill = nil, nil
	}
	pt := CurvePoint{RequestsPerDay: rpd, CostPerMTokens: make([]*decimal.Decimal, len(p.options))}
	months := q.demand()
	tot := sumDemand(months)
	q.ownHybrids()
	done := make([]OptionResult, len(q.options))
	for pass := range 2 { // hybrids draw on the others (evaluate)
		for i := range q.options {
			o := &q.options[i]
			if (o.kind == Hybrid) != (pass == 1) {
				continue
			}
			if o.kind == Hybrid && (!hybridReady(o.hyb, pt.CostPerMTokens) || q.prepareHybrid(o, months, done) != nil) {
				continue
			}
			or, fe := q.option(o, months, tot)
			if fe != nil {
				continue
			}
			done[i] = or
			v := or.CostPerMTokens
			pt.CostPerMTokens[i] = &v
		}
	}
	return pt
}
