package engine

// NewScenario is the clean start the page's "New scenario" opens: nothing
// carried over from an example. The workload's volume and token counts are
// empty, for the user to give (no number of ours stands in for theirs);
// every other workload input takes its default, which is neutral: no
// cached input, no peak above the average, no growth, and no revenue. The
// model is the catalog's first.
//
// It holds two options, the two sides of the usual first question, "pay
// per token or run it myself?": a token API, whose prices are empty (there
// is no honest default for someone else's price list), and the catalog's
// first accelerator rented on demand at its catalog price (a preset with
// its source and date). The user adds, removes and edits from there.
func NewScenario() Scenario {
	return Scenario{
		Version: FormatVersion,
		Name:    "New scenario",
		Model:   Model{Preset: Models[0].ID},
		Options: []Option{
			{Label: "Token API", Kind: API},
			{Label: Accelerators[0].Name + ", rented", Kind: Cloud, Accelerator: &Accelerator{Preset: Accelerators[0].ID}},
		},
	}
}

// Changed lists the inputs whose value is not the one a clean start gives
// them: every value the user gave that differs from the field's default
// (preset, engine constant or derived), and every value given where there
// is no default at all. A value typed equal to its default is not a change.
func (r *Resolution) Changed() []*Resolved {
	var out []*Resolved
	for e := range r.All() {
		if e.Changed() {
			out = append(out, e)
		}
	}
	return out
}

// Changed reports a value that is not a clean start's: the user gave it,
// and it is not the field's default.
func (r *Resolved) Changed() bool {
	return r.Given.Set() && !(r.Default.Exists() && r.Default.Value.Equal(r.Given.Dec()))
}

// ChangedChoice is a choice, not a number, that is not a clean start's:
// Shown is what the scenario has, Was what a clean start has ("none").
type ChangedChoice struct{ Path, Shown, Was string }

// ChangedChoices lists the choices a clean start makes otherwise, beside
// Changed's numbers: the model, when it is a catalog model other than the
// clean start's (a custom model's numbers are in Changed already), and each
// option calibrated to a published measurement instead of estimated.
func ChangedChoices(s *Scenario) []ChangedChoice {
	var out []ChangedChoice
	if id := s.Model.Preset; id != "" && id != Models[0].ID {
		shown := id
		if m, ok := FindModel(id); ok {
			shown = m.Name
		}
		out = append(out, ChangedChoice{"model.preset", shown, Models[0].Name})
	}
	for i, o := range s.Options {
		if id := o.ThroughputPreset; id != "" {
			shown := id
			if m, ok := FindMeasured(id); ok {
				shown = m.Name()
			}
			out = append(out, ChangedChoice{OptionPath(i, "throughput_preset"), shown, "none (estimated)"})
		}
	}
	return out
}
