package app

import (
	"fmt"
	"strings"

	"github.com/infercost/infercost/engine"
	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Entry like a spreadsheet: numbers show with separators when not being
// edited, the error summary links to each invalid field, and the values
// that differ from a clean start are listed. The parsing and formatting
// are the engine's (engine.ParseEntry, engine.FormatEntry), shared with the
// command line.

// focusIn is the path of the numeric input being edited when it starts
// with prefix, else "": an input card's Focus holds it, so a focus change
// re-renders the card that holds the input, and no other.
func (c *Calculator) focusIn(prefix string) string {
	if strings.HasPrefix(c.focused, prefix) {
		return c.focused
	}
	return ""
}

// watchFocus switches a numeric input between the text as typed (while it
// has the focus) and the number with separators (otherwise). The DOM
// changes in the event itself, before any key reaches the input; the
// render that follows writes the same value. A render alone would land a
// frame later (go-app renders on its own tick) and could overwrite a key
// typed meanwhile.
func (c *Calculator) watchFocus(ctx ga.Context) {
	numeric := func(args []ga.Value) (ga.Value, string, *engine.Field) {
		if len(args) == 0 {
			return nil, "", nil
		}
		el := args[0].Get("target")
		if !el.Truthy() || el.Get("tagName").String() != "INPUT" || !el.Get("dataset").Truthy() {
			return nil, "", nil
		}
		path := el.Get("dataset").Get("path")
		if !path.Truthy() {
			return nil, "", nil
		}
		fd := engine.FieldAt(path.String())
		if fd == nil {
			return nil, "", nil
		}
		return el, path.String(), fd
	}
	doc := ga.Window().Get("document")
	doc.Call("addEventListener", "focusin", ga.FuncOf(func(_ ga.Value, args []ga.Value) any {
		el, path, _ := numeric(args)
		if el == nil || c.f == nil {
			return nil
		}
		if text, ok := c.f.text(path); ok && el.Get("value").String() != text {
			// Setting the value moves the caret to the end: text selected
			// as the field got the focus (Tab selects it all; so does a
			// select() in the same turn) is selected again, so that typing
			// replaces it rather than appends to it.
			v := el.Get("value").String()
			all := v != "" && el.Get("selectionStart").Int() == 0 && el.Get("selectionEnd").Int() == len([]rune(v))
			el.Set("value", text)
			if all {
				el.Call("select")
			}
		}
		c.dispatch(ctx, func(ga.Context) { c.focused = path })
		return nil
	}))
	doc.Call("addEventListener", "focusout", ga.FuncOf(func(_ ga.Value, args []ga.Value) any {
		el, path, fd := numeric(args)
		if el == nil {
			return nil
		}
		// The DOM's text: the input event that carries the last key may
		// not have reached the form yet.
		if v := el.Get("value").String(); v != "" {
			if shown := engine.FormatEntry(v, fd); shown != v {
				el.Set("value", shown)
			}
		}
		c.dispatch(ctx, func(ga.Context) {
			if c.focused == path {
				c.focused = ""
			}
		})
		return nil
	}))
}

// formatEntry is engine.FormatEntry, remembered: every redraw of a card
// and of the changed values shows each value typed with its separators,
// and a keystroke changes one of them (parsing and formatting the others
// again was a tenth of a keystroke's redraw under wasm).
func (c *Calculator) formatEntry(text string, fd *engine.Field) string {
	k := entryKey{text, fd}
	if s, ok := c.entryShown[k]; ok {
		return s
	}
	if c.entryShown == nil || len(c.entryShown) >= maxEntryShown {
		c.entryShown = make(map[entryKey]string)
	}
	s := engine.FormatEntry(text, fd)
	c.entryShown[k] = s
	return s
}

// entryKey is a text typed into a field.
type entryKey struct {
	text string
	fd   *engine.Field
}

// maxEntryShown bounds formatEntry's memory: past it, it starts afresh.
const maxEntryShown = 1024

// shownText is what the input at path shows: the text as typed while it is
// being edited, else the engine's display of it.
func (c *Calculator) shownText(path, text string) string {
	if fd := engine.FieldAt(path); fd != nil && path != c.focused {
		return c.formatEntry(text, fd)
	}
	return text
}

// problems is "1 problem" or "N problems".
func problems(n int) string {
	if n == 1 {
		return "1 problem"
	}
	return fmt.Sprintf("%d problems", n)
}

// renderErrorSummary lists every problem the engine found, each once, with
// a button that takes the focus to its field: its count is the number of
// messages it shows (the stale banner repeats it).
func (c *Calculator) renderErrorSummary() ga.UI {
	errs := c.errs
	return ga.Div().Class("banner error").ID("error-summary").TabIndex(-1).Aria("labelledby", "error-summary-title").Body(
		ga.P().ID("error-summary-title").Text(fmt.Sprintf("%s to fix before the results update:", strings.ToUpper(problems(len(errs))[:1])+problems(len(errs))[1:])),
		ga.Ul().Body(ga.Range(errs).Slice(func(i int) ga.UI {
			e := errs[i]
			name := c.fieldName(e.Path)
			if !c.displayed(e.Path) {
				return ga.Li().Text(name + ": " + e.Msg)
			}
			return ga.Li().Body(
				ga.Button().Type("button").Class("linklike").Attr("data-goto", e.Path).Text(name).
					OnClick(c.on(func(ctx ga.Context, _ ga.Event) { c.reveal(ctx, e.Path) }), ga.EventScope(c.f.gen, e.Path)),
				ga.Text(": "+e.Msg),
			)
		})),
	)
}

// renderChanged lists the inputs whose value differs from a clean start
// (engine.Resolution.Changed: given, and not the default; then the choices,
// engine.ChangedChoices: another model, a measured throughput), each a button to
// its field: nothing carried over from an example goes unseen. The list is
// worked out here, and drawn by changedView only when it changes.
func (c *Calculator) renderChanged() ga.UI {
	v := &changedView{C: c, Gen: c.f.gen}
	if c.resolved != nil {
		for _, e := range c.resolved.Changed() {
			path := e.Path()
			val, _ := e.Value()
			shown := engine.Exact(val)
			if text, ok := c.f.text(path); ok {
				shown = c.formatEntry(text, e.Field)
			}
			was := "empty"
			if e.Default.Exists() {
				was = engine.Exact(e.Default.Value)
			}
			v.Items = append(v.Items, changedItem{Path: path, Name: c.fieldName(path), Shown: shown, Was: was})
		}
	}
	if c.good != nil {
		for _, ch := range engine.ChangedChoices(c.good) {
			v.Items = append(v.Items, changedItem{Path: ch.Path, Name: c.fieldName(ch.Path), Shown: ch.Shown, Was: ch.Was})
		}
	}
	return v
}

// changedItem is one value changed from a clean start.
type changedItem struct{ Path, Name, Shown, Was string }

// changedView is the list of changed values. Its fields are what it
// shows (Gen scopes its handlers by the form), so typing elsewhere does not
// redraw it.
type changedView struct {
	ga.Compo
	C     *Calculator
	Gen   int
	Items []changedItem
}

func (v *changedView) Render() ga.UI { return v.C.guardedRender(v.render) }

func (v *changedView) render() ga.UI {
	c, items := v.C, v.Items
	if len(items) == 0 {
		return ga.P().Class("muted").ID("changed-none").Text("Every input is at its default: nothing is changed from a clean start.")
	}
	return ga.Details().Class("changed-list").ID("changed").Body(
		ga.Summary().ID("changed-title").Text(values(len(items))+" changed from a clean start"),
		ga.Ul().Body(ga.Range(items).Slice(func(i int) ga.UI {
			return &changedEntry{C: c, Gen: v.Gen, Item: items[i]}
		})),
	)
}

// changedEntry is one item of the changed values: a keystroke redraws the
// value it changes, not the list.
type changedEntry struct {
	ga.Compo
	C    *Calculator
	Gen  int
	Item changedItem
}

func (v *changedEntry) Render() ga.UI { return v.C.guardedRender(v.render) }

func (v *changedEntry) render() ga.UI {
	c, it := v.C, v.Item
	return ga.Li().Attr("data-changed", it.Path).Body(
		ga.Button().Type("button").Class("linklike").Text(it.Name).
			OnClick(c.on(func(ctx ga.Context, _ ga.Event) { c.reveal(ctx, it.Path) }), ga.EventScope(v.Gen, it.Path)),
		ga.Text(fmt.Sprintf(": %s (clean start: %s)", it.Shown, it.Was)),
	)
}

// fieldName names a path for a person: "Requests a day", "Option “API”:
// Input price".
func (c *Calculator) fieldName(path string) string {
	label := ""
	if fd := engine.FieldAt(path); fd != nil {
		label = fd.Label
	}
	switch path {
	case "name":
		return "Scenario name"
	case "model.preset":
		return "Model"
	case "options":
		return "Ways to serve it"
	}
	if i, rest, ok := engine.SplitOptionPath(path); ok {
		// "Option “Rent H100”, commitment tier 3: Length": a tier is
		// named as its card titles it (the option's own fields are tier 1).
		name := fmt.Sprintf("Option %d", i+1)
		if i < len(c.f.Options) && c.f.Options[i].Label != "" {
			name = "Option “" + c.f.Options[i].Label + "”"
		}
		if k, _, tier := tierPath(rest); tier {
			name += fmt.Sprintf(", commitment tier %d", k+2)
		}
		switch {
		case rest == "throughput_preset":
			label = "Calibrated to"
		case rest == "commitments":
			label = "Commitment tiers"
		case label == "":
			label = strings.ReplaceAll(rest, "_", " ")
		}
		return name + ": " + label
	}
	if label == "" {
		return path
	}
	return label
}

// reveal opens the folded group that holds path's field, then scrolls to
// it and gives it the focus.
func (c *Calculator) reveal(ctx ga.Context, path string) {
	f := c.f
	sel := `input[data-path="` + path + `"], select[data-path="` + path + `"]`
	var fallback string // where to go when the field is not on the page
	if i, rest, ok := engine.SplitOptionPath(path); ok && i < len(f.Options) {
		o := f.Options[i]
		card := fmt.Sprintf("#option-%d", o.ID)
		switch {
		case rest == "accelerator.preset":
			sel = fmt.Sprintf("#o%d-accel", o.ID)
		case rest == "kind":
			sel = fmt.Sprintf("#o%d-kind", o.ID)
		case strings.HasPrefix(rest, "accelerator."):
			f.open[fmt.Sprintf("o%d-accel", o.ID)] = true
		default:
			for _, fd := range engine.OptionFields {
				if fd.Key == rest && fd.Group != "price" {
					f.open[fmt.Sprintf("o%d-%s", o.ID, fd.Group)] = true
				}
			}
		}
		fallback = card
	} else if path == "model.preset" {
		sel = "#model-preset"
	} else if strings.HasPrefix(path, "model.") {
		f.open["model"] = true
	}
	go_ := func(final bool) bool {
		doc := ga.Window().Get("document")
		el := doc.Call("querySelector", sel)
		if !el.Truthy() && final && fallback != "" {
			el = doc.Call("querySelector", fallback)
		}
		if !el.Truthy() {
			return false
		}
		el.Call("scrollIntoView", map[string]any{"block": "center"})
		el.Call("focus", map[string]any{"preventScroll": true})
		return true
	}
	if go_(false) {
		return
	}
	// In a folded group opened above: once it is drawn. The calculator's
	// context: a deferred call of the button's is dropped once the button
	// is gone. A frame that has not drawn the group yet (a busy main
	// thread) gets another try on the next, up to revealFrames, before
	// the card takes the focus instead.
	if c.mounted {
		ctx = c.ctx
	}
	var try func(n int)
	try = func(n int) {
		ctx.Defer(func(ctx ga.Context) {
			if go_(n >= revealFrames) {
				return
			}
			ctx.Dispatch(func(ga.Context) { try(n + 1) })
		})
	}
	try(1)
}

// revealFrames is how many frames reveal waits for a folded field to be
// drawn.
const revealFrames = 4

// onNewScenario opens the engine's clean start (engine.NewScenario). Its
// volume, token counts and API prices are empty: no results show, and none
// of the previous scenario's, until the user gives them; the error summary
// lists them. The address bar drops the previous scenario's link.
func (c *Calculator) onNewScenario(ctx ga.Context, e ga.Event) {
	s := engine.NewScenario()
	c.f = formFrom(&s)
	c.result, c.stale, c.good, c.link = nil, false, nil, ""
	c.badLink, c.badLinkWhy, c.badLinkShown = "", "", ""
	c.written = ""
	setFragment("")
	c.reshaped(ctx)
	c.notice = "New scenario: fill in the fields marked in red."
}

// values is "1 value" or "N values".
func values(n int) string {
	if n == 1 {
		return "1 value"
	}
	return fmt.Sprintf("%d values", n)
}
