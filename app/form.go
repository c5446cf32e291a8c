package app

import (
	"fmt"
	"maps"
	"strconv"
	"strings"

	"github.com/infercost/infercost/engine"
)

// form is what the user is editing: the text of every field exactly as
// typed, so typing "2." is never rewritten to "2". It converts to and from
// an engine.Scenario; the engine does all the validation and arithmetic.
type form struct {
	Name        string
	Workload    map[string]string
	ModelPreset string
	Model       map[string]string
	RevenueOn   bool
	Revenue     map[string]string
	Options     []optionForm
	nextID      int
	// gen identifies this form: event handlers are scoped by it, because
	// go-app keeps an element's first handler for as long as the scope is
	// the same (closures compare equal), which would otherwise leave
	// handlers writing into a form that was replaced.
	gen int
	// open records the folded groups the user opened or closed, by key.
	open map[string]bool
	// Unc is the uncertainty (ranges, seed, samples); see uncertainty.go.
	Unc uncForm
}

var formGen int

// optionForm is one option card.
type optionForm struct {
	ID          int // stable across reorders, for element IDs
	Label       string
	Kind        engine.Kind
	AccelPreset string // "" for custom specs
	// ThroughputPreset is the measurement the estimate is calibrated to.
	ThroughputPreset string
	Accel            map[string]string
	Fields           map[string]string
	// Tiers are the commitment tiers beyond the first (a cloud option's
	// Commitments), each field's text by key.
	Tiers []map[string]string
	// Ranges are the uncertainty ranges on the option's fields, by key
	// ("hourly_rate", "throughput"), so they move with the option.
	Ranges map[string]rangeText
}

func formFrom(s *engine.Scenario) *form {
	formGen++
	f := &form{gen: formGen, open: map[string]bool{}, Name: s.Name, Workload: map[string]string{}, Model: map[string]string{}, Revenue: map[string]string{}, ModelPreset: s.Model.Preset}
	w := s.Workload
	for _, fd := range engine.WorkloadFields {
		if n := fd.Get(&w); !n.IsZero() {
			f.Workload[fd.Key] = n.String()
		}
	}
	if w.DailyProfile != "" { // text, not a registry number (hybrid.go)
		f.Workload["daily_profile"] = w.DailyProfile
	}
	m := s.Model
	for _, fd := range engine.ModelFields {
		if n := fd.Get(&m); !n.IsZero() {
			f.Model[fd.Key] = n.String()
		}
	}
	if s.Revenue != nil {
		f.RevenueOn = true
		for _, fd := range engine.RevenueFields {
			if n := fd.Get(s.Revenue); !n.IsZero() {
				f.Revenue[fd.Key] = n.String()
			}
		}
	}
	for i := range s.Options {
		f.Options = append(f.Options, f.optionFrom(&s.Options[i]))
	}
	f.uncFrom(s)
	return f
}

func (f *form) optionFrom(o *engine.Option) optionForm {
	f.nextID++
	of := optionForm{ID: f.nextID, Label: o.Label, Kind: o.Kind, ThroughputPreset: o.ThroughputPreset, Accel: map[string]string{}, Fields: map[string]string{}}
	if o.Accelerator != nil {
		of.AccelPreset = o.Accelerator.Preset
		for _, fd := range engine.AcceleratorFields {
			if n := fd.Get(o.Accelerator); !n.IsZero() {
				of.Accel[fd.Key] = n.String()
			}
		}
	} else if o.Kind.SelfHosted() {
		of.AccelPreset = engine.Accelerators[0].ID
	}
	for _, fd := range engine.OptionFields {
		if n := fd.Get(o); !n.IsZero() {
			of.Fields[fd.Key] = n.String()
		}
	}
	for k := range o.Commitments {
		t := map[string]string{}
		for _, fd := range engine.CommitmentFields {
			if n := fd.Get(&o.Commitments[k]); !n.IsZero() {
				t[fd.Key] = n.String()
			}
		}
		of.Tiers = append(of.Tiers, t)
	}
	return of
}

// tierPath splits "commitments[1].start_month" into 1 and "start_month".
func tierPath(key string) (k int, field string, ok bool) {
	rest, ok := strings.CutPrefix(key, "commitments[")
	if !ok {
		return 0, "", false
	}
	idx, field, ok := strings.Cut(rest, "].")
	if !ok {
		return 0, "", false
	}
	k, err := strconv.Atoi(idx)
	return k, field, err == nil && k >= 0
}

// text is the text of the input at a field path ("workload.input_tokens",
// "options[1].label", the data-path of the page's inputs); ok is false for a
// path the form does not hold.
func (f *form) text(path string) (text string, ok bool) {
	if strings.HasPrefix(path, "uncertainty") {
		return f.uncText(path)
	}
	if i, key, isOpt := engine.SplitOptionPath(path); isOpt {
		if i >= len(f.Options) {
			return "", false
		}
		o := &f.Options[i]
		if key == "label" {
			return o.Label, true
		}
		if k, isAccel := strings.CutPrefix(key, "accelerator."); isAccel {
			return o.Accel[k], true
		}
		if k, field, isTier := tierPath(key); isTier {
			if k >= len(o.Tiers) {
				return "", false
			}
			return o.Tiers[k][field], true
		}
		return o.Fields[key], true
	}
	if path == "name" {
		return f.Name, true
	}
	group, key, _ := strings.Cut(path, ".")
	switch group {
	case "workload":
		return f.Workload[key], true
	case "model":
		return f.Model[key], true
	case "revenue":
		return f.Revenue[key], true
	}
	return "", false
}

// scenario builds the engine's scenario from the texts, each read as the
// command line's -set reads it (engine.ParseEntry: "50M", "30%", "$2.99").
// Fields of other
// kinds are kept in the form (switching kind back restores them) but not
// sent to the engine.
func (f *form) scenario() engine.Scenario {
	s := engine.Scenario{Version: engine.FormatVersion, Name: f.Name, Model: engine.Model{Preset: f.ModelPreset}}
	for _, fd := range engine.WorkloadFields {
		*fd.Get(&s.Workload) = engine.ParseEntry(f.Workload[fd.Key], &fd.Field)
	}
	s.Workload.DailyProfile = strings.TrimSpace(f.Workload["daily_profile"])
	for _, fd := range engine.ModelFields {
		*fd.Get(&s.Model) = engine.ParseEntry(f.Model[fd.Key], &fd.Field)
	}
	if f.RevenueOn {
		s.Revenue = &engine.Revenue{}
		for _, fd := range engine.RevenueFields {
			*fd.Get(s.Revenue) = engine.ParseEntry(f.Revenue[fd.Key], &fd.Field)
		}
	}
	for _, of := range f.Options {
		o := engine.Option{Label: of.Label, Kind: of.Kind}
		if of.Kind.SelfHosted() {
			o.ThroughputPreset = of.ThroughputPreset
			o.Accelerator = &engine.Accelerator{Preset: of.AccelPreset}
			for _, fd := range engine.AcceleratorFields {
				*fd.Get(o.Accelerator) = engine.ParseEntry(of.Accel[fd.Key], &fd.Field)
			}
		}
		for _, fd := range engine.OptionFields {
			if fd.AppliesTo(of.Kind) {
				*fd.Get(&o) = engine.ParseEntry(of.Fields[fd.Key], &fd.Field)
			}
		}
		if of.Kind == engine.Cloud {
			for _, t := range of.Tiers {
				var c engine.Commitment
				for _, fd := range engine.CommitmentFields {
					*fd.Get(&c) = engine.ParseEntry(t[fd.Key], &fd.Field)
				}
				o.Commitments = append(o.Commitments, c)
			}
		}
		s.Options = append(s.Options, o)
	}
	s.Uncertainty = f.uncertainty()
	return s
}

// addOption appends a new option of the given kind with sensible presets.
func (f *form) addOption(kind engine.Kind) {
	o := engine.Option{Kind: kind, Label: fmt.Sprintf("Option %d", len(f.Options)+1)}
	switch kind {
	case engine.API:
		o.Label = "Token API"
		o.PriceInputPerM, o.PriceOutputPerM = engine.N("1"), engine.N("3")
	case engine.Hybrid:
		f.hybridDefaults(&o)
	default:
		o.Accelerator = &engine.Accelerator{Preset: engine.Accelerators[0].ID}
	}
	f.Options = append(f.Options, f.optionFrom(&o))
}

// duplicate inserts a copy of option i after it.
func (f *form) duplicate(i int) {
	if i < 0 || i >= len(f.Options) || len(f.Options) >= engine.MaxOptions {
		return
	}
	c := f.Options[i]
	f.nextID++
	c.ID = f.nextID
	c.Label = truncateRunes(c.Label+" (copy)", engine.MaxLabelLen)
	c.Accel = cloneMap(c.Accel)
	c.Fields = cloneMap(c.Fields)
	c.Ranges = maps.Clone(c.Ranges)
	c.Tiers = make([]map[string]string, len(c.Tiers))
	for k, t := range f.Options[i].Tiers {
		c.Tiers[k] = cloneMap(t)
	}
	f.Options = append(f.Options[:i+1], append([]optionForm{c}, f.Options[i+1:]...)...)
	f.renumber(func(n int) int { // hybrids keep their layers (hybrid.go)
		if n > i+1 {
			return n + 1
		}
		return n
	})
}

// addTier appends a commitment tier to option i: a renewal of its last
// tier (the same accelerators and rate, starting the month after it ends),
// or, without one or when that would start after the horizon, 12 months
// from month 1 with the accelerators left to type.
func (f *form) addTier(i, horizon int) {
	if i < 0 || i >= len(f.Options) || len(f.Options[i].Tiers) >= engine.MaxCommitments {
		return
	}
	o := &f.Options[i]
	t := map[string]string{"months": "12"}
	prevUnits, prevRate, prevStart, prevMonths := o.Fields["commit_accelerators"], o.Fields["commit_hourly_rate"], "1", o.Fields["commit_months"]
	if n := len(o.Tiers); n > 0 {
		last := o.Tiers[n-1]
		prevUnits, prevRate, prevStart, prevMonths = last["accelerators"], last["hourly_rate"], last["start_month"], last["months"]
		if prevStart == "" {
			prevStart = "1"
		}
	}
	start, err1 := strconv.Atoi(prevStart)
	months, err2 := strconv.Atoi(prevMonths)
	if prevUnits != "" && err1 == nil && err2 == nil && start+months <= horizon {
		t["accelerators"], t["start_month"] = prevUnits, strconv.Itoa(start+months)
		if months > 0 {
			t["months"] = prevMonths
		}
		if prevRate != "" {
			t["hourly_rate"] = prevRate
		}
	}
	o.Tiers = append(o.Tiers, t)
}

// removeTier removes option i's commitment tier k.
func (f *form) removeTier(i, k int) {
	if i < 0 || i >= len(f.Options) || k < 0 || k >= len(f.Options[i].Tiers) {
		return
	}
	o := &f.Options[i]
	o.Tiers = append(o.Tiers[:k:k], o.Tiers[k+1:]...)
}

func (f *form) remove(i int) {
	if i < 0 || i >= len(f.Options) {
		return
	}
	f.Options = append(f.Options[:i], f.Options[i+1:]...)
	f.renumber(func(n int) int { // hybrids keep their layers (hybrid.go)
		switch {
		case n == i+1:
			return 0
		case n > i+1:
			return n - 1
		}
		return n
	})
}

// move swaps option i with its neighbour in direction d (−1 up, +1 down).
func (f *form) move(i, d int) {
	j := i + d
	if i < 0 || i >= len(f.Options) || j < 0 || j >= len(f.Options) {
		return
	}
	f.Options[i], f.Options[j] = f.Options[j], f.Options[i]
	f.renumber(func(n int) int { // hybrids keep their layers (hybrid.go)
		switch n {
		case i + 1:
			return j + 1
		case j + 1:
			return i + 1
		}
		return n
	})
}

func cloneMap(m map[string]string) map[string]string {
	c := make(map[string]string, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}

// draft is the form's scenario without the entries that are not numbers:
// what a link can hold of a form being filled in (see keepDraft).
func (f *form) draft() engine.Scenario {
	s := f.scenario()
	clear := func(n *engine.Num) {
		if n.Bad() != "" {
			*n = engine.Num{}
		}
	}
	for _, fd := range engine.WorkloadFields {
		clear(fd.Get(&s.Workload))
	}
	for _, fd := range engine.ModelFields {
		clear(fd.Get(&s.Model))
	}
	if s.Revenue != nil {
		for _, fd := range engine.RevenueFields {
			clear(fd.Get(s.Revenue))
		}
	}
	if u := s.Uncertainty; u != nil {
		clear(&u.Seed)
		clear(&u.Samples)
		for k := range u.Ranges {
			clear(&u.Ranges[k].Low)
			clear(&u.Ranges[k].Mode)
			clear(&u.Ranges[k].High)
		}
	}
	for i := range s.Options {
		o := &s.Options[i]
		for _, fd := range engine.OptionFields {
			clear(fd.Get(o))
		}
		if o.Accelerator != nil {
			for _, fd := range engine.AcceleratorFields {
				clear(fd.Get(o.Accelerator))
			}
		}
		for k := range o.Commitments {
			for _, fd := range engine.CommitmentFields {
				clear(fd.Get(&o.Commitments[k]))
			}
		}
	}
	return s
}
