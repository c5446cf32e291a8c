package engine

import "strings"

// Normalize returns the canonical form of a scenario: a value equal to the
// default its preset (or the engine) would give is dropped, and fields that
// do not apply to an option's kind are removed. The canonical form
// evaluates to exactly the same results; links encode it, so one scenario
// has one link.
//
// Every default is that of the original scenario (Resolve), so that one
// field's normalization does not shift another's default.
func Normalize(s *Scenario) Scenario {
	r := Resolve(s)
	c := s.Clone()
	upgrade(&c)
	for k, f := range WorkloadFields {
		dropDefault(f.Get(&c.Workload), &r.Workload[k])
	}
	if p := strings.TrimSpace(c.Workload.DailyProfile); p == "flat" || p == "" {
		c.Workload.DailyProfile = "" // the flat day is the default
	}
	for k, f := range ModelFields {
		dropDefault(f.Get(&c.Model), &r.Model[k])
	}
	if c.Revenue != nil {
		for k, f := range RevenueFields {
			dropDefault(f.Get(c.Revenue), &r.Revenue[k])
		}
	}
	for i := range c.Options {
		o, ro := &c.Options[i], &r.Options[i]
		if !o.Kind.SelfHosted() {
			o.Accelerator, o.ThroughputPreset = nil, ""
		} else if o.Accelerator != nil {
			for k, f := range AcceleratorFields {
				dropDefault(f.Get(o.Accelerator), &ro.Accelerator[k])
			}
		}
		for k, f := range OptionFields {
			n := f.Get(o)
			if !f.AppliesTo(o.Kind) {
				*n = Num{}
				continue
			}
			dropDefault(n, &ro.Fields[k])
		}
		if o.Kind != Cloud {
			o.Commitments = nil
		}
		for t := range ro.Commitments {
			for k, f := range CommitmentFields {
				dropDefault(f.Get(&o.Commitments[t]), &ro.Commitments[t][k])
			}
		}
	}
	return c
}

// dropDefault clears n, a field's entry, when it equals the field's default.
func dropDefault(n *Num, r *Resolved) {
	if n.Set() && r.Default.Exists() && n.Dec().Equal(r.Default.Value) {
		*n = Num{}
	}
}
