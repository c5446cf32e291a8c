package engine

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// InteractivityTargets are the tokens per second per user the trade-off
// curve is evaluated at: each is 1,000 / an exact number of milliseconds
// per output token (200 ms down to 4 ms).
var InteractivityTargets = []decimal.Decimal{
	decimal.NewFromInt(5), decimal.NewFromInt(8), decimal.NewFromInt(10), decimal.NewFromInt(16),
	decimal.NewFromInt(20), decimal.NewFromInt(25), decimal.NewFromInt(40), decimal.NewFromInt(50),
	decimal.NewFromInt(80), decimal.NewFromInt(100), decimal.NewFromInt(125), decimal.NewFromInt(200),
	decimal.NewFromInt(250),
}

// InteractivityPoint is what each option costs when every user must get at
// least TokensPerSecondPerUser (a time-per-output-token target of
// 1,000 / that many ms).
type InteractivityPoint struct {
	TokensPerSecondPerUser decimal.Decimal `json:"tokens_per_s_per_user"`
	// Options has one entry per option of the scenario; nil for an option
	// whose cost does not depend on the target (an API, measured
	// throughput) or that cannot meet it.
	Options []*InteractivityCost `json:"options"`
}

// InteractivityCost is one option at one target: its cost over the
// horizon per M tokens, and the operating point that meets the target.
type InteractivityCost struct {
	CostPerMTokens         decimal.Decimal `json:"cost_per_m_tokens"`
	TokensPerSecondPerUser decimal.Decimal `json:"tokens_per_s_per_user"` // achieved, at least the target
	AcceleratorsPerReplica int64           `json:"accelerators_per_replica"`
	BatchSize              int64           `json:"batch_size"`
}

// InteractivityCurve evaluates each estimated self-hosted option at every
// target of InteractivityTargets, the scenario otherwise unchanged (its
// own target replaced): the trade-off between cost and how fast each user
// is served. pace runs between targets and between options.
func InteractivityCurve(s *Scenario, pace Pace) ([]InteractivityPoint, error) {
	p, errs := Check(s)
	if errs != nil {
		return nil, errs
	}
	months := p.demand()
	tot := sumDemand(months)
	out := make([]InteractivityPoint, 0, len(InteractivityTargets))
	for _, x := range InteractivityTargets {
		if pace.stop() {
			return nil, ErrStopped
		}
		q := *p
		q.workload.slo = div(one, x) // seconds per output token
		pt := InteractivityPoint{TokensPerSecondPerUser: x, Options: make([]*InteractivityCost, len(p.options))}
		for i := range q.options {
			o := &q.options[i]
			if !o.kind.SelfHosted() || o.measured {
				continue
			}
			if i > 0 && pace.stop() { // between options too: each is a replica search
				return nil, ErrStopped
			}
			or, fe := q.option(o, months, tot)
			if fe != nil {
				continue // cannot meet the target, even at batch 1
			}
			pt.Options[i] = &InteractivityCost{
				CostPerMTokens:         or.CostPerMTokens,
				TokensPerSecondPerUser: *or.TokensPerSecondPerUser,
				AcceleratorsPerReplica: or.AcceleratorsPerReplica,
				BatchSize:              *or.BatchSize,
			}
		}
		out = append(out, pt)
	}
	return out, nil
}

// FastestWithin is, for option i, the fastest point of the curve whose cost
// per M tokens is at most ceiling, or nil when none is.
func FastestWithin(curve []InteractivityPoint, i int, ceiling decimal.Decimal) *InteractivityCost {
	var best *InteractivityCost
	for _, pt := range curve {
		if i >= len(pt.Options) {
			return nil
		}
		c := pt.Options[i]
		if c != nil && c.CostPerMTokens.Cmp(ceiling) <= 0 && (best == nil || c.TokensPerSecondPerUser.Cmp(best.TokensPerSecondPerUser) > 0) {
			best = c
		}
	}
	return best
}

// FastestWithinSentence says what FastestWithin found for the option
// labelled label: its fastest point within ceiling (c), or that none is.
func FastestWithinSentence(label string, c *InteractivityCost, ceiling decimal.Decimal) string {
	if c == nil {
		return fmt.Sprintf("%s: no interactivity target from 5 tokens/s per user up costs %s per M tokens or less.", label, Money(ceiling))
	}
	return fmt.Sprintf("%s: up to %s tokens/s per user for %s per M tokens (batch %d on %d accelerators a replica).",
		label, Count(c.TokensPerSecondPerUser, 1), Money(c.CostPerMTokens), c.BatchSize, c.AcceleratorsPerReplica)
}

// InteractivityOptions are the options the curve is shown for, in order:
// each with estimated throughput, and each self-hosted one that cannot
// serve the scenario's own targets (it is then marked,
// InteractivityLabel). The page's chart and `infercost eval
// -interactivity` show the same ones.
func InteractivityOptions(r *Result, curve []InteractivityPoint) []int {
	var out []int
	for i, o := range r.Options {
		if o.Throughput != nil && !o.Measured || o.Infeasible != "" && o.Kind.SelfHosted() {
			out = append(out, i)
		}
	}
	return out
}

func onCurve(curve []InteractivityPoint, i int) bool {
	for _, pt := range curve {
		if i < len(pt.Options) && pt.Options[i] != nil {
			return true
		}
	}
	return false
}

// InteractivityLabel is option i's name on the curve: when it cannot
// serve the scenario's own targets, marked as the other charts' legends
// mark it, "(cannot serve)" when it meets no speed of the curve either (no
// line at all), "(cannot serve its targets)" when its line shows what it
// would cost at the speeds it can serve.
func InteractivityLabel(r *Result, curve []InteractivityPoint, i int) string {
	o := r.Options[i]
	switch {
	case o.Infeasible == "":
		return o.Label
	case onCurve(curve, i):
		return o.Label + " (cannot serve its targets)"
	}
	return o.Label + " (cannot serve)"
}

// InteractivityGap says why a line of the curve stops (a cell is "–"):
// "" when every option in cols that meets some target meets them all (one
// that meets none is labelled so, and its card says why). The page shows
// it under the chart, `infercost eval -interactivity` under its table.
func InteractivityGap(r *Result, curve []InteractivityPoint, cols []int) string {
	for _, pt := range curve {
		for _, i := range cols {
			if i < len(pt.Options) && pt.Options[i] == nil && onCurve(curve, i) {
				ttft := ""
				if r.Workload.TTFTSLOms != nil {
					ttft = ", or meets it only on replicas too slow for the time-to-first-token target (workload.ttft_slo_ms)"
				}
				return "Where a line stops (–), the option cannot serve each user that many tokens a second with any replica size it considers, even at batch 1" + ttft + "."
			}
		}
	}
	return ""
}
