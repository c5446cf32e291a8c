package app

import (
	"fmt"
	"maps"
	"strings"

	"github.com/infercost/infercost/engine"
	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// numInput is one numeric field: label, unit, the value typed (or the
// default, a preset's value or the engine's, as a placeholder), whether it
// overrides the default with a one-click reset, help, and its error beside
// it.
type numInput struct {
	id    string
	field *engine.Resolved
	text  string
	err   string
	scope string // event scope: see form.gen
	// owner identifies what set writes into when the path alone does not
	// (a commitment tier moves to another index when one before it goes).
	owner string
	set   func(ctx ga.Context, v string)
}

// defaultNote says where a default comes from, after its value.
func defaultNote(o engine.Origin) string {
	switch o.Kind {
	case engine.OriginPreset:
		note := o.Source + ", as of " + o.AsOf
		switch {
		case o.Source == "": // an estimate, cited as such (engine capexWords)
			note = o.Rule + "; as of " + o.AsOf
		case o.Rule != "":
			note = o.Rule + ", " + note
		}
		return " (" + note + ")"
	case engine.OriginDerived:
		return " (" + o.Rule + ")"
	case engine.OriginDefault:
		if o.Rule != "" { // "no change", "the engine's default cost of capital"
			return " (" + o.Rule + ")"
		}
	}
	return ""
}

func (c *Calculator) renderNum(n numInput) ga.UI {
	helpID, errID := n.id+"-help", n.id+"-err"
	desc := helpID
	if n.err != "" {
		desc = errID + " " + helpID
	}
	fd, def := n.field.Field, n.field.Default
	overridden := n.text != "" && def.Exists()
	placeholder, kind := "", "default"
	if def.Exists() {
		placeholder = engine.Exact(def.Value) // never rounded: it is the value used
	}
	// Not being edited, the input shows the number with separators
	// (engine.FormatEntry: exact, the same value); being edited, the text
	// as typed. The focus listeners (watchFocus) switch the DOM at once.
	value := n.text
	if c.focused != n.field.Path() {
		value = c.formatEntry(n.text, fd)
	}
	changed := n.field.Changed() // not a clean start's value
	if def.Kind == engine.OriginPreset {
		kind = "preset"
	}
	class := "field"
	if n.err != "" {
		class += " invalid"
	}
	if overridden {
		class += " overridden"
	}
	if changed {
		class += " changed"
	}
	return ga.Div().Class(class).Body(
		ga.Label().For(n.id).Body(
			ga.Text(fd.Label),
			ga.If(fd.Unit != "", func() ga.UI { return ga.Span().Class("unit").Text(" (" + fd.Unit + ")") }),
			ga.If(changed, func() ga.UI { return ga.Span().Class("badge changed").Text(" changed") }),
		),
		ga.Div().Class("control").Body(
			ga.Input().ID(n.id).Type("text").Attr("inputmode", "decimal").Attr("autocomplete", "off").Attr("spellcheck", "false").
				Value(value).Placeholder(placeholder).Aria("describedby", desc).Aria("invalid", fmt.Sprint(n.err != "")).
				Attr("data-path", n.field.Path()).
				OnInput(c.on(func(ctx ga.Context, e ga.Event) {
					// A field that takes input is being edited, whether or not
					// its focus event came (a page without the window's focus
					// gets none): it shows the text as typed.
					c.focused = n.field.Path()
					n.set(ctx, ctx.JSSrc().Get("value").String())
				}), ga.EventScope(n.scope)),
			ga.If(overridden, func() ga.UI {
				return ga.Button().Type("button").Class("reset").Text("↺").Title("Reset to the "+kind+" value "+placeholder).
					Aria("label", "Reset "+fd.Label+" to "+placeholder).
					OnClick(c.on(func(ctx ga.Context, e ga.Event) { n.set(ctx, ""); c.syncInputs() }), ga.EventScope(n.scope))
			}),
		),
		ga.If(n.err != "", func() ga.UI { return ga.P().Class("error").ID(errID).Text(n.err) }),
		ga.P().Class("help").ID(helpID).Body(
			ga.Span().Body(figureText(fd.Help)...),
			ga.If(def.Exists(), func() ga.UI {
				state := strings.ToUpper(kind[:1]) + kind[1:]
				if overridden {
					state = "Overrides the " + kind
				}
				return ga.Span().Class("preset").Body(sourceText(fmt.Sprintf(" %s: %s%s.", state, placeholder, defaultNote(def.Origin)))...)
			}),
		),
	)
}

// num renders a numeric field, scoping its handlers by the form.
func (c *Calculator) num(n numInput) ga.UI {
	path := n.field.Path()
	n.scope = fmt.Sprint(c.f.gen, n.id, path, n.owner)
	n.err = c.fieldErr(path)
	return c.renderNum(n)
}

func (c *Calculator) renderInputs() []ga.UI {
	f := c.f
	// Every default the inputs show comes from the engine's resolution of
	// the form; the cards render from it. It is worked out once an edit
	// (every edit evaluates), not again for each of the redraws that
	// follow it.
	if c.resolved == nil || c.resolvedOf.f != f || c.resolvedOf.evals != c.evals {
		s := f.scenario()
		c.resolved = engine.Resolve(&s)
		c.resolvedOf.f, c.resolvedOf.evals = f, c.evals
	}
	bits := c.resolved.Values.Model.WeightBits.Dec().String()
	rank := func(i int) int {
		if c.result != nil && !c.stale && i < len(c.result.Comparison.Options) && len(c.result.Options) == len(f.Options) {
			return c.result.Comparison.Options[i].Rank
		}
		return 0
	}
	ui := []ga.UI{
		&nameCard{C: c, Gen: f.gen, Name: f.Name, Errs: c.errsIn("name")},
		&workloadCard{C: c, Gen: f.gen, Values: maps.Clone(f.Workload), Errs: c.errsIn("workload."), Focus: c.focusIn("workload.")},
		&modelCard{C: c, Gen: f.gen, Preset: f.ModelPreset, Values: maps.Clone(f.Model), Open: maps.Clone(f.open), Errs: c.errsIn("model."), Focus: c.focusIn("model.")},
		&revenueCard{C: c, Gen: f.gen, On: f.RevenueOn, Values: maps.Clone(f.Revenue), Errs: c.errsIn("revenue."), Focus: c.focusIn("revenue.")},
		ga.Section().Class("card").Body(
			ga.H2().Text(fmt.Sprintf("Ways to serve it (%d of %d)", len(f.Options), engine.MaxOptions)),
			ga.If(c.fieldErr("options") != "", func() ga.UI { return ga.P().Class("error").Text(c.fieldErr("options")) }),
			ga.Range(f.Options).Slice(func(i int) ga.UI {
				prefix := engine.OptionPath(i, "")
				return &optionCard{C: c, Gen: f.gen, Index: i, Count: len(f.Options), Option: f.Options[i].snapshot(), Rank: rank(i), Bits: bits,
					ModelPreset: f.ModelPreset, Open: maps.Clone(f.open), Errs: c.errsIn(prefix), Focus: c.focusIn(prefix), Layers: f.layerSig(f.Options[i].Kind)}
			}),
			ga.Div().Class("add-options no-print").Body(
				ga.Range(engine.Kinds).Slice(func(k int) ga.UI {
					kind := engine.Kinds[k]
					return ga.Button().Type("button").ID("add-"+string(kind)).Disabled(len(f.Options) >= engine.MaxOptions).
						Text("+ "+kindName(kind)).OnClick(c.on(func(ctx ga.Context, e ga.Event) { c.f.addOption(kind); c.reshaped(ctx) }), ga.EventScope(f.gen, kind))
				}),
			),
		),
	}
	opts := make([]rangeMap, len(f.Options))
	for i := range f.Options {
		opts[i] = maps.Clone(f.Options[i].Ranges)
	}
	ui = append(ui, &uncertaintyInputsCard{C: c, Gen: f.gen, Unc: f.Unc.snapshot(), Rows: c.uncRows(), Opts: opts, Errs: c.errsIn("uncertainty")})
	return append([]ga.UI{
		slot(len(c.errs) > 0, c.renderErrorSummary),
		slot(true, c.renderChanged),
	}, ui...)
}

// displayed reports whether an error path has an input to show it beside.
func (c *Calculator) displayed(path string) bool {
	switch {
	case path == "name" || path == "options" || path == "model.preset":
		return true
	case strings.HasPrefix(path, "workload.") || strings.HasPrefix(path, "model.") || strings.HasPrefix(path, "revenue."):
		return true
	}
	if i, rest, ok := engine.SplitOptionPath(path); ok && i < len(c.f.Options) {
		switch {
		case rest == "label" || rest == "kind" || rest == "accelerator.preset":
			return true
		case strings.HasPrefix(rest, "accelerator."):
			return c.f.Options[i].Kind.SelfHosted()
		case rest == "commitments":
			return c.f.Options[i].Kind == engine.Cloud
		}
		if k, _, isTier := tierPath(rest); isTier {
			return c.f.Options[i].Kind == engine.Cloud && k < len(c.f.Options[i].Tiers)
		}
		for _, fd := range engine.OptionFields {
			if fd.Key == rest {
				return fd.AppliesTo(c.f.Options[i].Kind)
			}
		}
	}
	return false
}

func kindName(k engine.Kind) string {
	switch k {
	case engine.Cloud:
		return "Rented accelerators"
	case engine.Owned:
		return "Owned accelerators"
	case engine.API:
		return "Token API"
	case engine.Hybrid:
		return "Hybrid fleet (base, burst, API)"
	}
	return string(k)
}

func (c *Calculator) textField(id, path, label, value string, max int, set func(ga.Context, string)) ga.UI {
	err := c.fieldErr(path)
	return ga.Div().Class("field wide").Body(
		ga.Label().For(id).Text(label),
		ga.Input().ID(id).Type("text").Value(value).MaxLength(max).Attr("data-path", path).Aria("invalid", fmt.Sprint(err != "")).
			OnInput(c.on(func(ctx ga.Context, e ga.Event) { set(ctx, ctx.JSSrc().Get("value").String()) }), ga.EventScope(c.f.gen, id)),
		ga.If(err != "", func() ga.UI { return ga.P().Class("error").Text(err) }),
	)
}

func (c *Calculator) renderModel() ga.UI {
	f := c.f
	preset, isPreset := engine.FindModel(f.ModelPreset)
	return ga.Section().Class("card").Body(
		ga.H2().Text("Model"),
		ga.Div().Class("field wide").Body(
			ga.Label().For("model-preset").Text("Model"),
			ga.Select().ID("model-preset").OnChange(c.on(func(ctx ga.Context, e ga.Event) {
				f.ModelPreset = ctx.JSSrc().Get("value").String()
				c.reshaped(ctx)
			}), ga.EventScope(f.gen)).Body(
				ga.Range(engine.Models).Slice(func(i int) ga.UI {
					m := engine.Models[i]
					return ga.Option().Value(m.ID).Selected(m.ID == f.ModelPreset).Text(m.Name)
				}),
				ga.Option().Value("").Selected(f.ModelPreset == "").Text("Custom model"),
			),
			ga.If(c.fieldErr("model.preset") != "", func() ga.UI { return ga.P().Class("error").Text(c.fieldErr("model.preset")) }),
			ga.If(isPreset, func() ga.UI {
				return ga.P().Class("help").Body(ga.Text("Shape from "), ga.A().Href(preset.Source).Target("_blank").Rel("noopener").Text("config.json"),
					ga.Text(", as of "+preset.AsOf+". "+preset.Note))
			}),
		),
		c.fold("model", "Model shape and precision", !isPreset || c.hasErrPrefix("model.") || len(f.Model) > 0, func() ga.UI {
			return ga.Div().Class("grid").Body(ga.Range(engine.ModelFields).Slice(func(i int) ga.UI {
				fd := engine.ModelFields[i]
				return c.num(numInput{id: "m-" + fd.Key, field: &c.resolved.Model[i], text: f.Model[fd.Key],
					set: func(ctx ga.Context, v string) { f.Model[fd.Key] = v; c.changed(ctx) }})
			}))
		}),
	)
}

// fold is a folded group of inputs whose body exists only while it is open:
// the closed groups hold most of the page's inputs, and building their DOM
// slowed start-up and every re-render of their section. It opens by itself
// (auto) when it holds an error or an override, until the user chooses.
func (c *Calculator) fold(key, title string, auto bool, body func() ga.UI) ga.UI {
	open, chosen := c.f.open[key]
	if !chosen {
		open = auto
	}
	return ga.Details().Class("advanced").Open(open).
		OnToggle(c.on(func(ctx ga.Context, e ga.Event) {
			if now := ctx.JSSrc().Get("open").Bool(); now != open {
				c.f.open[key] = now
			}
		}), ga.EventScope(c.f.gen, key, open)).
		Body(ga.Summary().Text(title), ga.If(open, body))
}

func (c *Calculator) renderRevenue() ga.UI {
	f := c.f
	return ga.Section().Class("card").Body(
		ga.H2().Text("Revenue"),
		ga.Div().Class("field wide").Body(
			ga.Label().Class("check").Body(
				ga.Input().ID("revenue-on").Type("checkbox").Checked(f.RevenueOn).OnChange(c.on(func(ctx ga.Context, e ga.Event) {
					f.RevenueOn = ctx.JSSrc().Get("checked").Bool()
					c.reshaped(ctx)
				}), ga.EventScope(f.gen)),
				ga.Text(" I charge for tokens: show margin and break-even"),
			),
		),
		ga.If(f.RevenueOn, func() ga.UI {
			return ga.Div().Class("grid").Body(ga.Range(engine.RevenueFields).Slice(func(i int) ga.UI {
				fd := engine.RevenueFields[i]
				return c.num(numInput{id: "r-" + fd.Key, field: &c.resolved.Revenue[i], text: f.Revenue[fd.Key],
					set: func(ctx ga.Context, v string) { f.Revenue[fd.Key] = v; c.changed(ctx) }})
			}))
		}),
	)
}

func (c *Calculator) renderOption(i int) ga.UI {
	f := c.f
	o := &f.Options[i]
	resolved := &c.resolved.Options[i]
	base := fmt.Sprintf("o%d-", o.ID)
	// Handlers here capture the option and its position: scope them by both.
	sc := ga.EventScope(f.gen, o.ID, i, len(f.Options), o.Kind)
	path := func(k string) string { return engine.OptionPath(i, k) }
	_, isPreset := engine.FindAccelerator(o.AccelPreset)
	groupFields := func(group string) []int {
		var out []int
		for k, fd := range engine.OptionFields {
			if fd.Group == group && fd.AppliesTo(o.Kind) {
				out = append(out, k)
			}
		}
		return out
	}
	optField := func(k int) ga.UI {
		fd := engine.OptionFields[k]
		return c.num(numInput{id: base + fd.Key, field: &resolved.Fields[k], text: o.Fields[fd.Key],
			set: func(ctx ga.Context, v string) { o.Fields[fd.Key] = v; c.changed(ctx) }})
	}
	section := func(title, group string, open bool) ga.UI {
		fields := groupFields(group)
		if len(fields) == 0 {
			return ga.Text("")
		}
		grid := func() ga.UI {
			return ga.Div().Class("grid").Body(ga.Range(fields).Slice(func(j int) ga.UI { return optField(fields[j]) }))
		}
		if group == "commit" && o.Kind == engine.Cloud {
			fieldsOnly := grid
			grid = func() ga.UI { return ga.Div().Body(fieldsOnly(), c.renderTiers(i, base, sc)) }
		}
		if open {
			return grid()
		}
		hasErr := group == "commit" && (len(o.Tiers) > 0 || c.hasErrPrefix(path("commitments")))
		for _, k := range fields {
			if key := engine.OptionFields[k].Key; c.fieldErr(path(key)) != "" || o.Fields[key] != "" {
				hasErr = true
			}
		}
		return c.fold(fmt.Sprintf("o%d-%s", o.ID, group), title, hasErr, grid)
	}
	rank := 0
	if c.result != nil && !c.stale && i < len(c.result.Comparison.Options) {
		rank = c.result.Comparison.Options[i].Rank
	}
	return ga.Article().Class("option-card "+c.formOptionClass(i)).ID("option-"+fmt.Sprint(o.ID)).Body(
		ga.Div().Class("option-head").Body(
			ga.Span().Class("swatch block "+c.formOptionClass(i)).Aria("hidden", "true"),
			ga.Label().For(base+"label").Class("visually-hidden").Text("Option label"),
			ga.Input().ID(base+"label").Class("label-input").Type("text").Value(o.Label).MaxLength(engine.MaxLabelLen).Attr("data-path", path("label")).
				Aria("invalid", fmt.Sprint(c.fieldErr(path("label")) != "")).
				OnInput(c.on(func(ctx ga.Context, e ga.Event) { o.Label = ctx.JSSrc().Get("value").String(); c.changed(ctx) }), sc),
			ga.If(rank == 1, func() ga.UI { return ga.Span().Class("badge winner").Text("Cheapest") }),
			ga.Div().Class("option-actions no-print").Body(
				ga.Button().Type("button").Text("↑").Aria("label", "Move up").Disabled(i == 0).OnClick(c.on(func(ctx ga.Context, e ga.Event) { f.move(i, -1); c.reshaped(ctx) }), sc),
				ga.Button().Type("button").Text("↓").Aria("label", "Move down").Disabled(i == len(f.Options)-1).OnClick(c.on(func(ctx ga.Context, e ga.Event) { f.move(i, 1); c.reshaped(ctx) }), sc),
				ga.Button().Type("button").Text("Duplicate").ID(base+"duplicate").Disabled(len(f.Options) >= engine.MaxOptions).OnClick(c.on(func(ctx ga.Context, e ga.Event) { f.duplicate(i); c.reshaped(ctx) }), sc),
				ga.Button().Type("button").Class("danger").Text("Remove").ID(base+"remove").Disabled(len(f.Options) <= 1).OnClick(c.on(func(ctx ga.Context, e ga.Event) { f.remove(i); c.reshaped(ctx) }), sc),
			),
		),
		ga.If(c.fieldErr(path("label")) != "", func() ga.UI { return ga.P().Class("error").Text(c.fieldErr(path("label"))) }),
		ga.Div().Class("grid").Body(
			ga.Div().Class("field").Body(
				ga.Label().For(base+"kind").Text("How"),
				ga.Select().ID(base+"kind").OnChange(c.on(func(ctx ga.Context, e ga.Event) {
					o.Kind = engine.Kind(ctx.JSSrc().Get("value").String())
					if o.Kind.SelfHosted() && o.AccelPreset == "" && len(o.Accel) == 0 {
						o.AccelPreset = engine.Accelerators[0].ID
					}
					c.reshaped(ctx)
				}), sc).Body(ga.Range(engine.Kinds).Slice(func(k int) ga.UI {
					return ga.Option().Value(string(engine.Kinds[k])).Selected(engine.Kinds[k] == o.Kind).Text(kindName(engine.Kinds[k]))
				})),
			),
			ga.If(o.Kind.SelfHosted(), func() ga.UI {
				return ga.Div().Class("field").Body(
					ga.Label().For(base+"accel").Text("Accelerator"),
					ga.Select().ID(base+"accel").OnChange(c.on(func(ctx ga.Context, e ga.Event) {
						o.AccelPreset = ctx.JSSrc().Get("value").String()
						c.reshaped(ctx)
					}), sc).Body(
						ga.Range(engine.Accelerators).Slice(func(k int) ga.UI {
							a := engine.Accelerators[k]
							return ga.Option().Value(a.ID).Selected(a.ID == o.AccelPreset).Text(a.Name)
						}),
						ga.Option().Value("").Selected(o.AccelPreset == "").Text("Custom accelerator"),
					),
					ga.If(c.fieldErr(path("accelerator.preset")) != "", func() ga.UI { return ga.P().Class("error").Text(c.fieldErr(path("accelerator.preset"))) }),
				)
			}),
			ga.If(o.Kind.SelfHosted(), func() ga.UI { return c.throughputPreset(base, path("throughput_preset"), o, f.ModelPreset) }),
		),
		ga.If(o.Kind.SelfHosted(), func() ga.UI {
			fields := engine.AcceleratorFields
			auto := !isPreset || c.hasErrPrefix(path("accelerator.")) || len(o.Accel) > 0
			return c.fold(fmt.Sprintf("o%d-accel", o.ID), "Accelerator specs", auto, func() ga.UI {
				return ga.Div().Class("grid").Body(ga.Range(fields).Slice(func(k int) ga.UI {
					fd := fields[k]
					return c.num(numInput{id: base + "a-" + fd.Key, field: &resolved.Accelerator[k], text: o.Accel[fd.Key],
						set: func(ctx ga.Context, v string) { o.Accel[fd.Key] = v; c.changed(ctx) }})
				}))
			})
		}),
		section("", "price", true),
		section("", "layers", true),
		ga.If(o.Kind == engine.Hybrid, func() ga.UI { return c.hybridNames(i) }),
		section("Commitment", "commit", false),
		section("Power, facility and people", "facility", false),
		section("Refresh, resale and financing", "finance", false),
		section("Throughput and capacity", "throughput", false),
	)
}

// renderTiers is a cloud option's commitment tiers beyond the first, each
// field with its unit and help from the registry (engine.CommitmentFields),
// and the buttons that add and remove tiers.
func (c *Calculator) renderTiers(i int, base string, sc ga.EventOption) ga.UI {
	f := c.f
	o := &f.Options[i]
	resolved := c.resolved.Options[i].Commitments
	listErr := c.fieldErr(engine.OptionPath(i, "commitments"))
	return ga.Div().Class("tiers").ID(base+"tiers").Body(
		ga.P().Class("help").Text("The fields above are the first tier: from month 1, nothing upfront. Further tiers ramp up, renew or prepay; demand fills the cheapest tier first, and each tier's idle units are reported as stranded."),
		ga.If(listErr != "", func() ga.UI { return ga.P().Class("error").Text(listErr) }),
		ga.Range(o.Tiers).Slice(func(k int) ga.UI {
			if k >= len(resolved) {
				return ga.Text("")
			}
			tier := o.Tiers[k]
			// A div with a group role, not a fieldset: each go-app element
			// type adds its methods to app.wasm.
			titleID := fmt.Sprintf("%stier-%d-title", base, k)
			return ga.Div().Class("tier").ID(fmt.Sprintf("%stier-%d", base, k)).Role("group").Aria("labelledby", titleID).Body(
				ga.P().Class("tier-title").ID(titleID).Text(fmt.Sprintf("Commitment tier %d", k+2)),
				ga.Div().Class("grid").Body(ga.Range(engine.CommitmentFields).Slice(func(j int) ga.UI {
					fd := engine.CommitmentFields[j]
					return c.num(numInput{id: fmt.Sprintf("%st%d-%s", base, k, fd.Key), field: &resolved[k][j], text: tier[fd.Key], owner: fmt.Sprintf("%p", tier),
						set: func(ctx ga.Context, v string) { tier[fd.Key] = v; c.changed(ctx) }})
				})),
				ga.Button().Type("button").Class("danger no-print").ID(fmt.Sprintf("%stier-%d-remove", base, k)).Text(fmt.Sprintf("Remove tier %d", k+2)).
					OnClick(c.on(func(ctx ga.Context, e ga.Event) { f.removeTier(i, k); c.reshaped(ctx) }), sc, ga.EventScope(k, len(o.Tiers))),
			)
		}),
		ga.Button().Type("button").Class("no-print").ID(base+"add-tier").Disabled(len(o.Tiers) >= engine.MaxCommitments).
			Text(fmt.Sprintf("+ Add a commitment tier (%d of %d)", len(o.Tiers), engine.MaxCommitments)).
			OnClick(c.on(func(ctx ga.Context, e ga.Event) {
				f.addTier(i, int(c.resolved.Values.Workload.HorizonMonths.Dec().IntPart()))
				c.reshaped(ctx)
			}), sc, ga.EventScope(len(o.Tiers))),
	)
}

func (c *Calculator) hasErrPrefix(prefix string) bool {
	for _, e := range c.errs {
		if len(e.Path) >= len(prefix) && e.Path[:len(prefix)] == prefix {
			return true
		}
	}
	return false
}

// throughputPreset is the choice of a published measurement to calibrate
// the option's estimate to: those of the scenario's model on the option's
// accelerator, and the current choice even when it no longer matches (its
// error says why).
func (c *Calculator) throughputPreset(base, path string, o *optionForm, model string) ga.UI {
	list := engine.MeasuredFor(model, o.AccelPreset)
	if mp, ok := engine.FindMeasured(o.ThroughputPreset); ok && (mp.Model != model || mp.Accelerator != o.AccelPreset) {
		list = append(list, mp)
	}
	if len(list) == 0 && o.ThroughputPreset == "" {
		return ga.Text("")
	}
	return ga.Div().Class("field wide").Body(
		ga.Label().For(base+"tpp").Text("Calibrate to a published measurement"),
		ga.Select().ID(base+"tpp").Attr("data-path", path).OnChange(c.on(func(ctx ga.Context, e ga.Event) {
			o.ThroughputPreset = ctx.JSSrc().Get("value").String()
			c.changed(ctx)
		})).Body(
			ga.Option().Value("").Selected(o.ThroughputPreset == "").Text("None: the estimate alone"),
			ga.Range(list).Slice(func(k int) ga.UI {
				return ga.Option().Value(list[k].ID).Selected(list[k].ID == o.ThroughputPreset).Text(list[k].Name())
			}),
		),
		ga.If(c.fieldErr(path) != "", func() ga.UI { return ga.P().Class("error").Text(c.fieldErr(path)) }),
	)
}
