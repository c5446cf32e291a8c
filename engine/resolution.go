package engine

import (
	"iter"

	"github.com/shopspring/decimal"
)

// OriginKind says where a field's value comes from.
type OriginKind uint8

const (
	OriginNone     OriginKind = iota // no value: the field is optional (Rule says what its absence means)
	OriginRequired                   // no value, and the scenario needs one
	OriginUser                       // the value the user gave
	OriginPreset                     // the model's or the accelerator's catalog preset
	OriginDefault                    // a constant of the engine (defaults.go, docs/methodology.md)
	OriginDerived                    // from another field's value (From names it)
)

var originNames = [...]string{"none", "required", "user", "preset", "default", "derived"}

func (k OriginKind) String() string { return originNames[k] }

// Origin is where a value comes from.
type Origin struct {
	Kind OriginKind
	// Rule is the rule in words: how a derived value is made ("1.8 × board
	// power"), a note on a preset's figure ("indicative"), or what the
	// absence of an optional value means ("no limit").
	Rule string
	// From is the path of the field a derived value comes from.
	From string
	// Preset is the name of the preset a value comes from; Source and AsOf
	// are the URL and the date of its figure.
	Preset, Source, AsOf string
}

// Default is the value a field takes when the user gives none, and where it
// comes from. There is none when the Kind is OriginNone or OriginRequired.
type Default struct {
	Value decimal.Decimal
	Origin
}

// Exists reports whether the default is a value.
func (d Default) Exists() bool { return d.Kind > OriginUser }

// A Rule gives a field its default in a scenario. Each registry entry
// (fields.go) carries its rule; defaults.go defines them.
type Rule func(*scope) Default

// scope is what a rule reads: the scenario, its presets, and the values
// resolved so far. Fields are resolved group by group (workload, model,
// revenue, then each option's accelerator and fields), each group in
// registry order: a rule reads only values resolved before its own.
type scope struct {
	s      *Scenario
	v      *Scenario          // the values resolved so far
	model  *ModelPreset       // nil: a custom model (or an unknown preset)
	figure Num                // while resolving a model field: its figure in the preset
	accel  *AcceleratorPreset // nil: a custom accelerator, an unknown preset, or none
	i      int                // the option being resolved
	tier   int                // the commitment tier being resolved (group "commitment")
	group  string             // the group of the field being resolved (see Resolved)
}

// path is the path of the field key in the group being resolved.
func (sc *scope) path(key string) string { return fieldPath(sc.group, sc.i, sc.tier, key) }

// option is the option being resolved, with the values resolved so far.
func (sc *scope) option() *Option { return &sc.v.Options[sc.i] }

// Resolved is one field of a scenario with its value and its origin.
type Resolved struct {
	Field *Field
	// Given is what the user entered: unset when nothing, Bad when it is
	// not a number (Check reports it; the default stands in for it).
	Given   Num
	Default Default

	group  string // "workload", "model", "revenue", "option", "accelerator" or "commitment"
	option int    // the option's index, for the last three
	tier   int    // the commitment's index in the option's list, for "commitment"
	idle   bool   // the value cannot change any result (see Use)
}

// Value is what the engine uses, the user's value else the default, and
// whether there is one.
func (r *Resolved) Value() (decimal.Decimal, bool) {
	if r.Given.Set() {
		return r.Given.Dec(), true
	}
	return r.Default.Value, r.Default.Exists()
}

// Origin is where Value comes from.
func (r *Resolved) Origin() Origin {
	if r.Given.Set() {
		return Origin{Kind: OriginUser}
	}
	return r.Default.Origin
}

// Missing reports a required field the user left empty.
func (r *Resolved) Missing() bool {
	return r.Given.IsZero() && r.Default.Kind == OriginRequired
}

// Used reports whether the value can change a result: MBU, for one, does
// not when throughput is measured.
func (r *Resolved) Used() bool { return !r.idle }

// Path is the field's path, as errors name it: "options[1].hourly_rate",
// "options[0].commitments[1].start_month".
func (r *Resolved) Path() string { return fieldPath(r.group, r.option, r.tier, r.Field.Key) }

func fieldPath(group string, option, tier int, key string) string {
	switch group {
	case "option":
		return OptionPath(option, key)
	case "accelerator":
		return OptionPath(option, "accelerator."+key)
	case "commitment":
		return CommitmentPath(option, tier, key)
	}
	return group + "." + key
}

// Resolution is a scenario with every default applied, and where each value
// comes from. Check, Normalize, the sensitivity analysis, the page and the
// command line all read it.
type Resolution struct {
	// Values is the scenario with every field that has a value holding it;
	// a field without one (optional, or required and missing) is unset.
	Values Scenario

	Workload []Resolved // one for each of WorkloadFields, in order
	Model    []Resolved // one for each of ModelFields
	Revenue  []Resolved // one for each of RevenueFields; nil without revenue
	Options  []OptionResolution
}

// OptionResolution is one option's fields.
type OptionResolution struct {
	// Fields has one entry for each of OptionFields; one that does not
	// apply to the option's kind is the zero Resolved (its Field nil).
	Fields []Resolved
	// Accelerator has one entry for each of AcceleratorFields; nil unless
	// the option is self-hosted and names an accelerator.
	Accelerator []Resolved
	// Commitments has, for each tier of a cloud option's Commitments, one
	// entry for each of CommitmentFields; nil for other kinds.
	Commitments [][]Resolved
}

// All lists every field that applies, in the order of the scenario file.
func (r *Resolution) All() iter.Seq[*Resolved] {
	return func(yield func(*Resolved) bool) {
		groups := [][]Resolved{r.Workload, r.Model, r.Revenue}
		for _, o := range r.Options {
			groups = append(groups, o.Accelerator, o.Fields)
			groups = append(groups, o.Commitments...)
		}
		for _, g := range groups {
			for i := range g {
				if g[i].Field != nil && !yield(&g[i]) {
					return
				}
			}
		}
	}
}

// Resolve gives every field of s that applies its value and origin: the
// user's, else its registry entry's default rule. It does not validate:
// Check does, from the resolution.
func Resolve(s *Scenario) *Resolution {
	r := &Resolution{Values: s.Clone()}
	v := &r.Values
	upgrade(v)
	sc := &scope{s: s, v: v, model: findModelPreset(s.Model.Preset)}

	r.Workload = make([]Resolved, len(WorkloadFields))
	for k := range WorkloadFields {
		f := &WorkloadFields[k]
		r.Workload[k] = resolveField(sc, &f.Field, "workload", f.Get(&v.Workload))
	}
	r.Model = make([]Resolved, len(ModelFields))
	for k := range ModelFields {
		f := &ModelFields[k]
		sc.figure = Num{}
		if sc.model != nil {
			sc.figure = *f.Get(&sc.model.Shape)
		}
		r.Model[k] = resolveField(sc, &f.Field, "model", f.Get(&v.Model))
	}
	if v.Revenue != nil {
		r.Revenue = make([]Resolved, len(RevenueFields))
		for k := range RevenueFields {
			f := &RevenueFields[k]
			r.Revenue[k] = resolveField(sc, &f.Field, "revenue", f.Get(v.Revenue))
		}
	}
	r.Options = make([]OptionResolution, len(v.Options))
	for i := range v.Options {
		sc.i, sc.accel = i, nil
		o, ro := &v.Options[i], &r.Options[i]
		measured := o.PrefillTokensPerS.Set() && o.DecodeTokensPerS.Set()
		if o.Kind.SelfHosted() && o.Accelerator != nil {
			sc.accel = findAcceleratorPreset(o.Accelerator.Preset)
			ro.Accelerator = make([]Resolved, len(AcceleratorFields))
			for k := range AcceleratorFields {
				f := &AcceleratorFields[k]
				e := resolveField(sc, &f.Field, "accelerator", f.Get(o.Accelerator))
				e.idle = f.Use == Estimated && measured
				ro.Accelerator[k] = e
			}
		}
		ro.Fields = make([]Resolved, len(OptionFields))
		for k := range OptionFields {
			f := &OptionFields[k]
			if !f.AppliesTo(o.Kind) {
				continue
			}
			e := resolveField(sc, &f.Field, "option", f.Get(o))
			switch f.Use {
			case Estimated:
				e.idle = measured
			case Measured:
				e.idle = !measured
			case Committed:
				e.idle = o.CommitAccelerators.Dec().Sign() <= 0
			case Bought:
				e.idle = o.LeaseMonths.Dec().Sign() > 0
			case Loan:
				e.idle = o.LoanMonths.Dec().Sign() <= 0 || o.LeaseMonths.Dec().Sign() > 0
			case Leased:
				e.idle = o.LeaseMonths.Dec().Sign() <= 0
			case Split:
				e.idle = measured || o.Disaggregated.Dec().Sign() <= 0
			}
			ro.Fields[k] = e
		}
		if o.Kind == Cloud && len(o.Commitments) > 0 {
			ro.Commitments = make([][]Resolved, len(o.Commitments))
			for t := range o.Commitments {
				sc.tier = t
				ro.Commitments[t] = make([]Resolved, len(CommitmentFields))
				for k := range CommitmentFields {
					f := &CommitmentFields[k]
					e := resolveField(sc, &f.Field, "commitment", f.Get(&o.Commitments[t]))
					e.tier = t
					ro.Commitments[t][k] = e
				}
			}
			sc.tier = 0
		}
	}
	return r
}

// resolveField applies f's rule and writes the value into dst, the field
// in the resolution's Values (which holds the user's entry until then).
func resolveField(sc *scope, f *Field, group string, dst *Num) Resolved {
	sc.group = group
	e := Resolved{Field: f, Given: *dst, Default: f.Default(sc), group: group, option: sc.i}
	switch v, ok := e.Value(); {
	case e.Given.Set():
	case ok:
		*dst = NumOf(v)
	default:
		*dst = Num{}
	}
	return e
}

// findModelPreset returns the catalog's own row, not a copy, or nil.
func findModelPreset(id string) *ModelPreset {
	for i := range Models {
		if Models[i].ID == id {
			return &Models[i]
		}
	}
	return nil
}

// findAcceleratorPreset returns the catalog's own row, not a copy, or nil.
func findAcceleratorPreset(id string) *AcceleratorPreset {
	for i := range Accelerators {
		if Accelerators[i].ID == id {
			return &Accelerators[i]
		}
	}
	return nil
}
