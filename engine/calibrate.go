package engine

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Calibration says which published measurement an option's estimate is
// calibrated to, by how much, and how the scenario's conditions differ
// from the measurement's.
type Calibration struct {
	Preset string `json:"preset"` // MeasuredPreset.ID
	Name   string `json:"name"`
	Source string `json:"source"`
	AsOf   string `json:"as_of"`
	// Factor is measured ÷ estimated throughput under the measurement's own
	// conditions: the estimate's efficiencies are scaled by it.
	Factor decimal.Decimal `json:"factor"`
	// Differences are the conditions of the scenario that the measurement
	// did not have, in words; the calibration carries over to them by the
	// estimate's physics alone.
	Differences []string `json:"differences,omitempty"`

	preset MeasuredPreset
}

// calibrate applies option i's throughput preset, if any: it estimates the
// measurement's own conditions (its lengths and replica size, no cached
// input, no latency target, its batch cap) with the option's model and
// accelerator, and scales the option's memory bandwidth and compute
// utilization and its links' bandwidth (scale-up and scale-out) by measured ÷ estimated (and the
// collective latency by the inverse), so that the estimate of those
// conditions equals the measurement. The replica size is the measurement's
// unless the option sets one.
func calibrate(errs *Errors, p *plan, s *Scenario, i int) {
	o, so := &p.options[i], &s.Options[i]
	id := so.ThroughputPreset
	if id == "" || !o.kind.SelfHosted() {
		return
	}
	path := OptionPath(i, "throughput_preset")
	mp, ok := FindMeasured(id)
	switch {
	case !ok:
		errs.add(path, fmt.Sprintf("unknown measurement %q", truncate(id, 40)))
		return
	case o.measured:
		errs.add(path, "cannot calibrate measured rates: clear the measured prefill and decode rates, or the preset")
		return
	case s.Model.Preset != mp.Model || o.accel.preset != mp.Accelerator:
		errs.add(path, fmt.Sprintf("%s measured %s on %s: choose that model and accelerator, or another measurement", mp.ID, modelName(mp.Model), acceleratorName(mp.Accelerator)))
		return
	case !p.model.weightBits.Equal(mp.WeightBits):
		errs.add(path, fmt.Sprintf("%s measured %s-bit weights, the model has %s: set its weight precision to %s, or choose another measurement", mp.ID, mp.WeightBits, p.model.weightBits, mp.WeightBits))
		return
	}
	at := workloadPlan{in: dec(mp.InputTokens), out: dec(mp.OutputTokens), cached: zero, p2a: one, horizon: 1}
	mo := *o
	mo.perReplica, mo.maxBatch = mp.Accelerators, mp.MaxBatch
	mo.disaggregated = false // the measurement's replicas prefill and decode
	t, fe := throughput(at, p.model, &mo)
	if fe != nil {
		errs.add(path, fmt.Sprintf("the estimate of %s's own conditions fails: %s", mp.ID, fe.Msg))
		return
	}
	f := div(mp.TokensPerS, div(at.out, t.AcceleratorSecondsPerRequest))
	o.mbu = o.mbu.Mul(f)
	o.mfu = o.mfu.Mul(f)
	o.accel.interconnect = o.accel.interconnect.Mul(f)
	o.accel.scaleOut = o.accel.scaleOut.Mul(f)
	o.collectiveLatency = div(o.collectiveLatency, f)
	o.layerOverhead = div(o.layerOverhead, f)
	o.accel.mlaDecode = div(o.accel.mlaDecode, f)
	if o.perReplica == 0 {
		o.perReplica = mp.Accelerators
	}
	o.calibration = &Calibration{Preset: mp.ID, Name: mp.Name(), Source: mp.Source, AsOf: mp.AsOf, Factor: f, preset: mp}
}

// calibrated is the option's calibration for the throughput t it gives
// under workload w: the conditions that differ from the measurement's.
func (c *Calibration) calibrated(w workloadPlan, t *Throughput) *Calibration {
	out := *c
	if t.Pools == nil {
		out.Differences = measuredDifferences(c.preset, w, t.AcceleratorsPerReplica)
	} else {
		out.Differences = append(measuredDifferences(c.preset, w, t.Pools.DecodeAcceleratorsPerReplica),
			"measured with every replica prefilling and decoding, this option serves disaggregated (both pools calibrated by the same factor)")
	}
	return &out
}

func modelName(id string) string {
	if m, ok := FindModel(id); ok {
		return m.Name
	}
	return id
}

func acceleratorName(id string) string {
	if a, ok := FindAccelerator(id); ok {
		return a.Name
	}
	return id
}

// Sentence names the measurement and the factor, as the page and the
// command line show them.
func (c *Calibration) Sentence() string {
	return fmt.Sprintf("Calibrated to %s (%s, %s): %s× the estimate.", c.Name, c.Source, c.AsOf, c.Factor.StringFixed(2))
}
