package browser

// The actions TestChaos draws from. To add one, add a row to chaosActions:
// its plan looks at the page (chaosView) and the random source and returns
// a concrete step, made of the operations chaos.do knows, or false when the
// action is not possible now (it is then drawn again).

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/infercost/infercost/engine"
)

type chaosAction struct {
	name   string
	weight int
	plan   func(c *chaos, v *chaosView) (chaosStep, bool)
}

var chaosActions = []chaosAction{
	{"type-number", 30, func(c *chaos, v *chaosView) (chaosStep, bool) {
		f, ok := pick(c.rng, v.numeric())
		if !ok {
			return chaosStep{}, false
		}
		return c.typeStep("type-number", f.ID, c.number(f)), true
	}},
	{"fix-invalid-field", 12, func(c *chaos, v *chaosView) (chaosStep, bool) {
		// Users fix what the page marks: the rest of a run would otherwise
		// spend most steps on stale results.
		var bad []chaosField
		for _, f := range v.Fields {
			if f.Invalid {
				bad = append(bad, f)
			}
		}
		if f, ok := pick(c.rng, bad); ok {
			if _, isNum := fieldOf(f.Path); isNum {
				f.Value = ""
				return c.typeStep("fix-invalid-field", f.ID, c.number(f)), true
			}
			return c.typeStep("fix-invalid-field", f.ID, "Fixed"), true
		}
		return chaosStep{}, false
	}},
	{"type-invalid-number", 6, func(c *chaos, v *chaosView) (chaosStep, bool) {
		f, ok := pick(c.rng, v.numeric())
		if !ok {
			return chaosStep{}, false
		}
		return c.typeStep("type-invalid-number", f.ID, c.invalidNumber(f)), true
	}},
	{"reset-number", 3, func(c *chaos, v *chaosView) (chaosStep, bool) {
		var withReset []chaosField
		for _, f := range v.Fields {
			if f.Reset {
				withReset = append(withReset, f)
			}
		}
		f, ok := pick(c.rng, withReset)
		return chaosStep{Action: "reset-number", Op: "click", Target: "#" + f.ID + " + button.reset", Mode: c.clickMode()}, ok
	}},
	{"type-name", 4, func(c *chaos, v *chaosView) (chaosStep, bool) {
		return c.typeStep("type-name", "scenario-name", c.text()), true
	}},
	{"type-label", 4, func(c *chaos, v *chaosView) (chaosStep, bool) {
		o, ok := pick(c.rng, v.Options)
		return c.typeStep("type-label", "o"+o.ID+"-label", c.text()), ok
	}},
	{"add-option", 6, func(c *chaos, v *chaosView) (chaosStep, bool) {
		k, _ := pick(c.rng, engine.Kinds)
		// At the maximum the buttons are disabled: a click does nothing.
		return chaosStep{Action: "add-option", Op: "click", Target: "#add-" + string(k), Mode: c.clickMode()}, len(v.Options) < engine.MaxOptions || c.rng.IntN(4) == 0
	}},
	{"duplicate-option", 4, func(c *chaos, v *chaosView) (chaosStep, bool) {
		o, ok := pick(c.rng, v.Options)
		return chaosStep{Action: "duplicate-option", Op: "click", Target: "#o" + o.ID + "-duplicate", Mode: c.clickMode()}, ok
	}},
	{"remove-option", 5, func(c *chaos, v *chaosView) (chaosStep, bool) {
		o, ok := pick(c.rng, v.Options)
		return chaosStep{Action: "remove-option", Op: "click", Target: "#o" + o.ID + "-remove", Mode: c.clickMode()}, ok
	}},
	{"move-option-up", 3, func(c *chaos, v *chaosView) (chaosStep, bool) {
		o, ok := pick(c.rng, v.Options)
		return chaosStep{Action: "move-option-up", Op: "click", Target: "#option-" + o.ID + ` button[aria-label="Move up"]`, Mode: c.clickMode()}, ok
	}},
	{"move-option-down", 3, func(c *chaos, v *chaosView) (chaosStep, bool) {
		o, ok := pick(c.rng, v.Options)
		return chaosStep{Action: "move-option-down", Op: "click", Target: "#option-" + o.ID + ` button[aria-label="Move down"]`, Mode: c.clickMode()}, ok
	}},
	{"switch-kind", 4, func(c *chaos, v *chaosView) (chaosStep, bool) {
		o, ok := pick(c.rng, v.Options)
		k, _ := pick(c.rng, engine.Kinds)
		return chaosStep{Action: "switch-kind", Op: "select", Target: "#o" + o.ID + "-kind", Value: string(k)}, ok
	}},
	{"switch-accelerator", 4, func(c *chaos, v *chaosView) (chaosStep, bool) {
		var hosted []chaosOption
		for _, o := range v.Options {
			if o.Accel {
				hosted = append(hosted, o)
			}
		}
		o, ok := pick(c.rng, hosted)
		id := "" // a custom accelerator
		if c.rng.IntN(6) > 0 {
			a, _ := pick(c.rng, engine.Accelerators)
			id = a.ID
		}
		return chaosStep{Action: "switch-accelerator", Op: "select", Target: "#o" + o.ID + "-accel", Value: id}, ok
	}},
	{"switch-model", 4, func(c *chaos, v *chaosView) (chaosStep, bool) {
		id := "" // a custom model
		if c.rng.IntN(6) > 0 {
			m, _ := pick(c.rng, engine.Models)
			id = m.ID
		}
		return chaosStep{Action: "switch-model", Op: "select", Target: "#model-preset", Value: id}, true
	}},
	{"toggle-revenue", 2, func(c *chaos, v *chaosView) (chaosStep, bool) {
		return chaosStep{Action: "toggle-revenue", Op: "click", Target: "#revenue-on", Mode: c.clickMode()}, true
	}},
	{"open-example", 3, func(c *chaos, v *chaosView) (chaosStep, bool) {
		ex, _ := pick(c.rng, engine.Examples)
		return chaosStep{Action: "open-example", Op: "select", Target: "#example", Value: ex.ID}, true
	}},
	{"toggle-fold", 5, func(c *chaos, v *chaosView) (chaosStep, bool) {
		if v.Folds == 0 {
			return chaosStep{}, false
		}
		return chaosStep{Action: "toggle-fold", Op: "click", Target: "details.advanced > summary", Value: strconv.Itoa(c.rng.IntN(v.Folds)), Mode: c.clickMode()}, true
	}},
	{"pick-chart", 2, func(c *chaos, v *chaosView) (chaosStep, bool) {
		p, ok := pick(c.rng, v.Pickers)
		if !ok || len(p.Values) == 0 {
			return chaosStep{}, false
		}
		val, _ := pick(c.rng, p.Values)
		return chaosStep{Action: "pick-chart", Op: "select", Target: "#" + p.ID, Value: val}, true
	}},
	{"paste-link", 5, func(c *chaos, v *chaosView) (chaosStep, bool) {
		s := c.scenario()
		return chaosStep{Action: "paste-link", Op: "hash", Value: "#" + engine.EncodeLink(&s), Mode: c.hashMode()}, true
	}},
	{"paste-hostile-link", 3, func(c *chaos, v *chaosView) (chaosStep, bool) {
		return chaosStep{Action: "paste-hostile-link", Op: "hash", Value: c.hostileLink(), Mode: c.hashMode()}, true
	}},
	{"load-link", 2, func(c *chaos, v *chaosView) (chaosStep, bool) {
		link := c.hostileLink()
		if c.rng.IntN(2) == 0 {
			s := c.scenario()
			link = "#" + engine.EncodeLink(&s)
		}
		return chaosStep{Action: "load-link", Op: "load", Value: link}, true
	}},
	{"import-file", 4, func(c *chaos, v *chaosView) (chaosStep, bool) {
		name, content := c.file()
		return chaosStep{Action: "import-file", Op: "import", Target: name, Value: content}, true
	}},
	{"save", 3, func(c *chaos, v *chaosView) (chaosStep, bool) {
		return chaosStep{Action: "save", Op: "click", Target: "#save", Mode: c.clickMode()}, true
	}},
	{"open-saved", 2, func(c *chaos, v *chaosView) (chaosStep, bool) {
		// The value is an index in the list (0 is its "Open a saved…" line).
		return chaosStep{Action: "open-saved", Op: "select", Target: "#saved", Value: strconv.Itoa(1 + c.rng.IntN(max(v.Saved, 1)))}, v.Saved > 0
	}},
	{"rename-saved", 1, func(c *chaos, v *chaosView) (chaosStep, bool) {
		return chaosStep{Action: "rename-saved", Op: "select", Target: fmt.Sprintf("#saved-%d", c.rng.IntN(max(v.Saved, 1))), Value: c.text()}, v.Saved > 0
	}},
	{"delete-saved", 1, func(c *chaos, v *chaosView) (chaosStep, bool) {
		return chaosStep{Action: "delete-saved", Op: "click", Target: "#saved-list button.danger", Value: strconv.Itoa(c.rng.IntN(max(v.Saved, 1))), Mode: c.clickMode()}, v.Saved > 0
	}},
	{"copy-link", 2, func(c *chaos, v *chaosView) (chaosStep, bool) {
		return chaosStep{Action: "copy-link", Op: "click", Target: "#copy-link", Mode: c.clickMode()}, true
	}},
	{"export-csv", 1, func(c *chaos, v *chaosView) (chaosStep, bool) {
		return chaosStep{Action: "export-csv", Op: "click", Target: "#export-csv", Mode: c.clickMode()}, true
	}},
	{"export-json", 1, func(c *chaos, v *chaosView) (chaosStep, bool) {
		return chaosStep{Action: "export-json", Op: "click", Target: "#export-json", Mode: c.clickMode()}, true
	}},
	{"reload", 2, func(c *chaos, v *chaosView) (chaosStep, bool) {
		return chaosStep{Action: "reload", Op: "reload"}, true
	}},
	{"back", 1, func(c *chaos, v *chaosView) (chaosStep, bool) {
		return chaosStep{Action: "back", Op: "back"}, v.Entry > c.firstEntry
	}},
	{"go-offline", 1, func(c *chaos, v *chaosView) (chaosStep, bool) {
		return chaosStep{Action: "go-offline", Op: "offline"}, !c.offline
	}},
	{"go-online", 2, func(c *chaos, v *chaosView) (chaosStep, bool) {
		return chaosStep{Action: "go-online", Op: "online"}, c.offline
	}},
}

// plan draws the next step.
func (c *chaos) plan() chaosStep {
	v := c.view()
	total := 0
	for _, a := range chaosActions {
		if !c.skip[a.name] {
			total += a.weight
		}
	}
	for range 50 {
		n := c.rng.IntN(total)
		for _, a := range chaosActions {
			if c.skip[a.name] {
				continue
			}
			if n -= a.weight; n < 0 {
				if st, ok := a.plan(c, v); ok {
					return st
				}
				break
			}
		}
	}
	return chaosStep{Action: "reload", Op: "reload"} // nothing else was possible
}

// chaosView is what the page offers to act on.
type chaosView struct {
	Fields  []chaosField  `json:"fields"`
	Options []chaosOption `json:"options"`
	Folds   int           `json:"folds"`
	Saved   int           `json:"saved"`
	Entry   int           `json:"entry"` // index in the session history
	Pickers []struct {
		ID     string   `json:"id"`
		Values []string `json:"values"`
	} `json:"pickers"`
}

// numeric lists the numeric inputs.
func (v *chaosView) numeric() []chaosField {
	var out []chaosField
	for _, f := range v.Fields {
		if f.Path != "" {
			out = append(out, f)
		}
	}
	return out
}

type chaosField struct {
	ID          string `json:"id"`
	Path        string `json:"path"`
	Value       string `json:"value"`
	Placeholder string `json:"placeholder"`
	Reset       bool   `json:"reset"`
	Invalid     bool   `json:"invalid"`
}

type chaosOption struct {
	ID    string `json:"id"` // n of option-n, o<n>-…
	Accel bool   `json:"accel"`
}

const viewJS = `(() => ({
	fields: [...document.querySelectorAll("input[data-path], #scenario-name, .label-input")].map((e) => ({id: e.id, path: e.dataset.path || "",
		value: e.value, placeholder: e.placeholder, invalid: e.getAttribute("aria-invalid") === "true",
		reset: e.nextElementSibling !== null && e.nextElementSibling.matches("button.reset")})),
	options: [...document.querySelectorAll(".option-card")].map((c) => ({id: c.id.replace(/^option-/, ""), accel: c.querySelector("select[id$='-accel']") !== null})),
	folds: document.querySelectorAll("details.advanced > summary").length,
	saved: document.querySelectorAll("#saved-list li").length,
	entry: navigation.currentEntry.index,
	pickers: ["tornado-option", "tornado-metric", "capacity-option"].filter((id) => document.getElementById(id) !== null)
		.map((id) => ({id, values: [...document.getElementById(id).options].map((o) => o.value)})),
}))()`

func (c *chaos) view() *chaosView {
	ctx, cancel := context.WithTimeout(c.ctx, chaosActionTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[chaosView](viewJS))
	if err != nil {
		c.fail("reading the page's inputs: %v", err)
	}
	return &v
}

func pick[T any](r *rand.Rand, xs []T) (T, bool) {
	var zero T
	if len(xs) == 0 {
		return zero, false
	}
	return xs[r.IntN(len(xs))], true
}

func (c *chaos) clickMode() string {
	if c.rng.IntN(3) == 0 {
		return "js"
	}
	return "mouse"
}

func (c *chaos) hashMode() string {
	if c.rng.IntN(2) == 0 {
		return "js"
	}
	return "addressbar"
}

// typeStep types as keys (short text without control characters) or as
// one input event.
func (c *chaos) typeStep(action, id, value string) chaosStep {
	mode := "input"
	if len([]rune(value)) <= 24 && !strings.ContainsFunc(value, notTypable) && c.rng.IntN(5) < 2 {
		mode = "keys"
	}
	return chaosStep{Action: action, Op: "type", Target: id, Value: value, Mode: mode}
}

// notTypable is a character chromedp's key events do not type as a user
// would: a control, a combining or invisible one, or one beyond the BMP.
func notTypable(r rune) bool {
	return r < 0x20 || r > 0xffff || unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf)
}

// ---------------------------------------------------------------------------
// Values.

// chaosField finds the registry's description of an input by its path.
func fieldOf(path string) (engine.Field, bool) {
	if key, ok := strings.CutPrefix(path, "workload."); ok {
		for _, f := range engine.WorkloadFields {
			if f.Key == key {
				return f.Field, true
			}
		}
	}
	if key, ok := strings.CutPrefix(path, "model."); ok {
		for _, f := range engine.ModelFields {
			if f.Key == key {
				return f.Field, true
			}
		}
	}
	if key, ok := strings.CutPrefix(path, "revenue."); ok {
		for _, f := range engine.RevenueFields {
			if f.Key == key {
				return f.Field, true
			}
		}
	}
	if _, rest, ok := engine.SplitOptionPath(path); ok {
		if key, ok := strings.CutPrefix(rest, "accelerator."); ok {
			for _, f := range engine.AcceleratorFields {
				if f.Key == key {
					return f.Field, true
				}
			}
		}
		for _, f := range engine.OptionFields {
			if f.Key == rest {
				return f.Field, true
			}
		}
	}
	return engine.Field{}, false
}

// number is a value a user might plausibly type: near the current value
// or the preset, at a bound, or cleared back to the preset. Most are
// valid; some fall outside the field's range.
func (c *chaos) number(f chaosField) string {
	fd, ok := fieldOf(f.Path)
	if !ok {
		return c.invalidNumber(f)
	}
	lo, hi := fd.Min.InexactFloat64(), fd.Max.InexactFloat64()
	base := 0.0
	if v, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(f.Value), ",", ""), 64); err == nil {
		base = v
	} else if v, err := strconv.ParseFloat(strings.ReplaceAll(f.Placeholder, ",", ""), 64); err == nil {
		base = v
	}
	if base == 0 {
		base = math.Min(hi, math.Max(lo, 0)+1)
	}
	var v float64
	switch n := c.rng.IntN(20); {
	case n < 2 && f.Placeholder != "":
		return "" // back to the preset
	case n < 3:
		v = lo
		if fd.MinExclusive {
			v = hi // lo itself is out of range
		}
	case n < 4:
		v = hi
	case n < 6:
		// Anywhere in range, on a log scale for wide ranges.
		if lo >= 0 && hi > 1000 {
			v = math.Exp(c.rng.Float64() * math.Log(hi+1))
		} else {
			v = lo + c.rng.Float64()*(hi-lo)
		}
	default:
		factors := []float64{0.25, 0.5, 0.8, 0.9, 1.1, 1.25, 1.5, 2, 3, 10}
		v = base * factors[c.rng.IntN(len(factors))]
	}
	v = math.Min(hi, math.Max(lo, v))
	if fd.Integer {
		v = math.Round(v)
		if fd.MinExclusive && v <= lo {
			v = lo + 1
		}
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	if fd.MinExclusive && v <= lo {
		v = lo + (math.Min(hi, lo+1)-lo)/2
	}
	// Round to 4 significant places below 1, 2 decimals above.
	places := 2
	if a := math.Abs(v); a > 0 && a < 1 {
		places = 4 - int(math.Floor(math.Log10(a))) - 1
	}
	return strconv.FormatFloat(v, 'f', places, 64)
}

var chaosInvalidNumbers = []string{
	"abc", "12abc", "1,5", "1,00,000", "50m", "2bn", "1_000", "--1", "1e999", "1e31", "∞", "NaN", "0x1F", "１２３", "-", ".", "1..2", "+-1",
	"99999999999999999999", "1.0000000000000000000001", strings.Repeat("9", 50), "<b>1</b>", "1 0", "½", "e5",
}

// invalidNumber is text that is not a number, or a number outside the
// field's range.
func (c *chaos) invalidNumber(f chaosField) string {
	fd, ok := fieldOf(f.Path)
	if ok && c.rng.IntN(3) == 0 {
		switch c.rng.IntN(3) {
		case 0:
			return fd.Max.Mul(engine.N("10").Dec()).Add(engine.N("1").Dec()).String()
		case 1:
			return fd.Min.Sub(engine.N("1").Dec()).String()
		default:
			if fd.Integer {
				return fd.Min.Add(engine.N("1.5").Dec()).String()
			}
		}
	}
	s, _ := pick(c.rng, chaosInvalidNumbers)
	return s
}

var chaosTexts = []string{
	"", "A", "Plan B", "Café ☕ crème brûlée", "日本語のシナリオ", "🧪🚀 emoji 👩‍👩‍👧", "مرحبا بالعالم", "e\u0301\u0301 combining",
	"zero\u200bwidth\u200djoiner", "tab\there", `<img src=x onerror="window.pwned=1">`, "%~=+&#?/", "  padded  ", "100% off~x",
	"\u202eRTL override", "null", "a%20b", "💥" + strings.Repeat("x", 10),
	strings.Repeat("long name ", 15), strings.Repeat("ж", 130), strings.Repeat("🙂", 70),
}

// text is a name or a label, odd ones included; long ones are cut by the
// field's maxlength as they would be for a user.
func (c *chaos) text() string {
	s, _ := pick(c.rng, chaosTexts)
	return s
}

// scenario is a random scenario: an example with random changes, mostly
// valid.
func (c *chaos) scenario() engine.Scenario {
	r := c.rng
	ex, _ := pick(r, engine.Examples)
	s := ex.Scenario.Clone()
	if r.IntN(2) == 0 {
		s.Name = c.text()
	}
	w := &s.Workload
	if r.IntN(2) == 0 {
		rpd, _ := pick(r, []string{"1", "1000", "86400", "150000", "2000000", "50000000"})
		w.RequestsPerDay = engine.N(rpd)
	}
	if r.IntN(3) == 0 {
		g, _ := pick(r, []string{"0", "0.05", "-0.1", "0.3"})
		w.MonthlyGrowth = engine.N(g)
	}
	if r.IntN(3) == 0 {
		h, _ := pick(r, []string{"1", "6", "12", "36", "120"})
		w.HorizonMonths = engine.N(h)
	}
	if r.IntN(3) == 0 {
		m, _ := pick(r, engine.Models)
		s.Model = engine.Model{Preset: m.ID}
	}
	if r.IntN(4) == 0 {
		s.Revenue = nil
	} else if r.IntN(4) == 0 {
		s.Revenue = &engine.Revenue{PriceInputPerM: engine.N("3"), PriceOutputPerM: engine.N("12")}
	}
	// Drop or add options, up to the maximum.
	for len(s.Options) > 1 && r.IntN(3) == 0 {
		i := r.IntN(len(s.Options))
		s.Options = append(s.Options[:i], s.Options[i+1:]...)
	}
	for len(s.Options) < engine.MaxOptions && r.IntN(3) == 0 {
		s.Options = append(s.Options, c.option())
	}
	return s
}

func (c *chaos) option() engine.Option {
	r := c.rng
	a, _ := pick(r, engine.Accelerators)
	label := c.text()
	switch k, _ := pick(r, engine.Kinds); k {
	case engine.API:
		in, _ := pick(r, []string{"0.1", "0.88", "3", "15"})
		return engine.Option{Label: label, Kind: k, PriceInputPerM: engine.N(in), PriceOutputPerM: engine.N("4")}
	case engine.Owned:
		o := engine.Option{Label: label, Kind: k, Accelerator: &engine.Accelerator{Preset: a.ID}}
		if !a.Capex.Set() || r.IntN(3) == 0 {
			o.CapexPerAccelerator = engine.N("30000")
		}
		return o
	default:
		o := engine.Option{Label: label, Kind: k, Accelerator: &engine.Accelerator{Preset: a.ID}}
		if r.IntN(3) == 0 {
			o.CommitAccelerators, o.CommitHourlyRate, o.CommitMonths = engine.N("8"), engine.N("2"), engine.N("12")
		}
		return o
	}
}

// hostileLink is a link fragment a user might paste by mistake, or an
// attacker on purpose.
func (c *chaos) hostileLink() string {
	r := c.rng
	switch r.IntN(4) {
	case 0: // a compressed link cut short
		s := c.scenario()
		s.Name = "Ünïcödé forces the compressed form " + strconv.Itoa(r.IntN(1000))
		link := engine.EncodeLink(&s)
		return "#" + link[:3+r.IntN(len(link)-3)]
	case 1: // a readable link with one part broken
		s := c.scenario()
		s.Name = "plain"
		link := engine.EncodeLink(&s)
		if strings.HasPrefix(link, "1r.") {
			broken, _ := pick(r, []string{"%", "%G", "~", "=", "~x", "~o=tpu", "~rpd=abc", "~n=again"})
			i := 3 + r.IntN(len(link)-3)
			return "#" + link[:i] + broken + link[i:]
		}
		return "#" + link
	}
	l, _ := pick(r, []string{
		"#%", "#1r.n=100%", "#1r.n=50%off~x", "#%zz", "#1r.n=%", "#1r.n=%E2%82", "#1r.n=%ED%A0%80", "#1r.n=x%00y",
		"#garbage", "#" + strconv.Itoa(engine.LinkVersion+1) + "r.n=x", "#1r.", "#1", "#1x.abc", "#1r.rpd=0", "#1r.rpd=abc", "#1r.rpd=1e30", "#1r.h=121",
		"#1r.o=api", "#1r.o=cloud~a=nonexistent", "#1r.n=a~n=b", "#1r.o=tpu", "#1z.", "#1z.!!!!", "#1z.AAAA",
		"#" + strings.Repeat("a", engine.MaxLinkLen+10), "#1r." + strings.Repeat("o=api~", engine.MaxOptions+1), "#" + bomb,
		"#-1r.n=x", "#99999999999999999999r.n=x", "#1r.n=" + strings.Repeat("%41", 400),
	})
	return l
}

// file is a file a user might import: scenario files, with a byte order
// mark, links, and things that are no scenario at all.
func (c *chaos) file() (name, content string) {
	r := c.rng
	valid := func() string {
		s := c.scenario()
		var b strings.Builder
		if err := engine.EncodeScenario(&b, &s); err != nil {
			c.fail("encoding a scenario: %v", err)
		}
		return b.String()
	}
	name = fmt.Sprintf("import-%d.json", len(c.steps)+1)
	switch r.IntN(8) {
	case 0, 1:
		return name, valid()
	case 2:
		return name, "\ufeff" + valid()
	case 3:
		s := c.scenario()
		return name, "#" + engine.EncodeLink(&s) + "\n"
	}
	bad, _ := pick(r, []string{
		"null", "", "{}", "[]", "true", "0", `"text"`, "garbage{", "\x00\x01\x02\xff binary",
		`{"version":1,"workload":{"requests_per_dya":5}}`, `{"version":2}`, `{"version":1,"options":null}`,
		`{"version":1,"options":[null]}`, `{"version":1,"options":[{"kind":"cloud","accelerator":null}]}`,
		`{"version":1,"workload":{"requests_per_day":"1e999"}}`, `{"version":1,"name":"` + strings.Repeat("n", 500) + `"}`,
		strings.Repeat("[", 20000) + strings.Repeat("]", 20000), strings.Repeat(" ", engine.MaxScenarioBytes) + "{}",
		"\ufeffnull", "https://example.com/#%", "#1r.n=100%",
	})
	return name, bad
}

// goOnline undoes goOffline.
func goOnline(ctx context.Context) error {
	no := false
	if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		EmulateOfflineServiceWorker: &no, MatchedNetworkConditions: []*network.Conditions{},
	}); err != nil {
		return err
	}
	_, err := chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: false, DownloadThroughput: -1, UploadThroughput: -1})
	return err
}
