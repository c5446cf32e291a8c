package engine

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// MeasuredPreset is one published throughput measurement of a catalog
// model on a catalog accelerator: the conditions it was measured under and
// the output tokens per second per accelerator it reached. An option can be
// calibrated to one (see docs/methodology.md, Calibration): its estimate is
// then scaled so that, under the measurement's own conditions, it equals
// the measurement.
type MeasuredPreset struct {
	ID           string // the measurement's id in engine/testdata/throughput
	Model        string // catalog model ID
	Accelerator  string // catalog accelerator ID
	WeightBits   decimal.Decimal
	KVBits       decimal.Decimal
	Accelerators int64 // in one replica
	InputTokens  int64
	OutputTokens int64
	MaxBatch     int64           // concurrent requests; 0: as many as fit (offline, maximum throughput)
	TokensPerS   decimal.Decimal // output tokens a second per accelerator
	Framework    string
	Source       string // URL
	AsOf         string // when it was published, as the source dates it
}

// Name describes the measurement in a few words for a list.
func (p MeasuredPreset) Name() string {
	batch := "maximum throughput"
	if p.MaxBatch > 0 {
		batch = fmt.Sprintf("batch %d", p.MaxBatch)
	}
	return fmt.Sprintf("%s, %d × %s bits, %s / %s tokens, %s: %s tokens/s per accelerator (%s)",
		p.ID, p.Accelerators, p.WeightBits, Count(dec(p.InputTokens), 0), Count(dec(p.OutputTokens), 0), batch, Count(p.TokensPerS, 0), p.Framework)
}

// FindMeasured returns the measurement with the given ID.
func FindMeasured(id string) (MeasuredPreset, bool) {
	for _, p := range MeasuredPresets {
		if p.ID == id {
			return p, true
		}
	}
	return MeasuredPreset{}, false
}

// MeasuredFor lists the measurements of a model preset on an accelerator
// preset, in catalog order.
func MeasuredFor(model, accelerator string) []MeasuredPreset {
	var out []MeasuredPreset
	for _, p := range MeasuredPresets {
		if p.Model == model && p.Accelerator == accelerator {
			out = append(out, p)
		}
	}
	return out
}

// measuredDifferences says, in words, how a scenario's conditions differ
// from those a measurement was taken under; nil when they match.
func measuredDifferences(p MeasuredPreset, w workloadPlan, perReplica int64) []string {
	var out []string
	if !w.in.Equal(dec(p.InputTokens)) || !w.out.Equal(dec(p.OutputTokens)) {
		out = append(out, fmt.Sprintf("measured at %s / %s tokens, the workload has %s / %s", Count(dec(p.InputTokens), 0), Count(dec(p.OutputTokens), 0), Count(w.in, 0), Count(w.out, 0)))
	}
	if perReplica != p.Accelerators {
		out = append(out, fmt.Sprintf("measured on replicas of %d accelerators, this option uses %d", p.Accelerators, perReplica))
	}
	if w.slo.Sign() > 0 && p.MaxBatch == 0 {
		out = append(out, "measured at maximum throughput with no latency target, the workload has one")
	}
	if w.cached.Sign() > 0 {
		out = append(out, "measured without prefix caching")
	}
	return out
}

// lit is a decimal literal of the generated tables.
func lit(s string) decimal.Decimal { return decimal.RequireFromString(s) }
