package engine

import "github.com/shopspring/decimal"

// Normalize returns the canonical form of a scenario: a value equal to the
// default its preset (or the engine) would give is dropped, and fields that
// do not apply to an option's kind are removed. The canonical form
// evaluates to exactly the same results; links encode it, so one scenario
// has one link.
func Normalize(s *Scenario) Scenario {
	c := s.Clone()
	w := &c.Workload
	for _, f := range WorkloadFields {
		if def, ok := DefaultWorkload(f.Key); ok {
			dropDefault(f.Get(w), def)
		}
	}
	m := &c.Model
	// The dense-model rule reads the total before it is normalized.
	total, _ := DefaultModel(m.Preset, "total_params_b")
	total = m.TotalParamsB.Or(total)
	dropDefault(&m.ActiveParamsB, defaultActive(m, total))
	for _, f := range ModelFields {
		if f.Key == "active_params_b" {
			continue
		}
		if def, ok := DefaultModel(m.Preset, f.Key); ok {
			dropDefault(f.Get(m), def)
		}
	}
	bits, _ := DefaultModel(m.Preset, "weight_bits")
	bits = m.WeightBits.Or(bits)
	if c.Revenue != nil && c.Revenue.PriceInputPerM.Set() {
		dropDefault(&c.Revenue.PriceCachedInputPerM, c.Revenue.PriceInputPerM.Dec())
	}
	for i := range c.Options {
		o := &c.Options[i]
		orig := s.Options[i]
		var board decimal.Decimal
		if !o.Kind.SelfHosted() {
			o.Accelerator = nil
		} else if o.Accelerator != nil {
			def, _ := DefaultAccelerator(o.Accelerator.Preset, "power_kw", bits)
			board = o.Accelerator.PowerKW.Or(def)
			for _, f := range AcceleratorFields {
				if def, ok := DefaultAccelerator(o.Accelerator.Preset, f.Key, bits); ok {
					dropDefault(f.Get(o.Accelerator), def)
				}
			}
		}
		for _, f := range OptionFields {
			n := f.Get(o)
			if !f.AppliesTo(o.Kind) {
				*n = Num{}
				continue
			}
			// Defaults are read from the original option, so that one
			// field's normalization does not shift another's default.
			if def, ok := DefaultOption(&orig, f.Key, board); ok {
				dropDefault(n, def)
			}
		}
	}
	return c
}

func dropDefault(n *Num, def decimal.Decimal) {
	if n.Set() && n.Dec().Equal(def) {
		*n = Num{}
	}
}
