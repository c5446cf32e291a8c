package app

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/infercost/infercost/engine"
	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// Hybrid fleets on the page: the workload's daily profile (a preset or 24
// custom shares) and a hybrid option's layers in its result card. The
// hybrid option's own inputs come from the field registry like any other
// kind's (group "layers"); the engine does all the arithmetic.

const profilePath = "workload.daily_profile"

// customProfile is the choice that shows the 24 shares.
const customProfile = "custom"

// profileChoice is what the profile's select shows for the form's text.
func profileChoice(text string) string {
	t := strings.TrimSpace(text)
	if t == "" {
		return "flat"
	}
	if _, ok := engine.FindDailyProfile(t); ok {
		return t
	}
	return customProfile
}

// presetShares writes a preset's shares to 5 places, separated by commas:
// the starting point of custom shares (they sum to 1 within 0.00012, well
// inside the 0.001 the engine allows).
func presetShares(name string) string {
	shares, err := engine.ParseDailyProfile(name)
	if err != nil {
		shares, _ = engine.ParseDailyProfile("flat")
	}
	parts := make([]string, len(shares))
	for h, s := range shares {
		parts[h] = s.Round(5).String()
	}
	return strings.Join(parts, ",")
}

// renderProfile is the daily profile's input: a preset, or 24 shares.
func (c *Calculator) renderProfile() ga.UI {
	f := c.f
	text := f.Workload["daily_profile"]
	choice := profileChoice(text)
	err := c.fieldErr(profilePath)
	p2a := c.resolved.Values.Workload.PeakToAverage
	return ga.Div().Class("field wide profile").ID("daily-profile").Body(
		ga.Label().For("w-daily-profile").Text("Daily profile"),
		ga.Select().ID("w-daily-profile").Attr("data-path", profilePath+".preset").OnChange(c.on(func(ctx ga.Context, e ga.Event) {
			v := ctx.JSSrc().Get("value").String()
			switch {
			case v == customProfile:
				f.Workload["daily_profile"] = presetShares(choice)
			case v == "flat":
				delete(f.Workload, "daily_profile")
			default:
				f.Workload["daily_profile"] = v
			}
			c.reshaped(ctx)
		}), ga.EventScope(f.gen, choice)).Body(
			ga.Range(engine.DailyProfiles).Slice(func(k int) ga.UI {
				p := engine.DailyProfiles[k]
				return ga.Option().Value(p.Name).Selected(p.Name == choice).Text(p.Label)
			}),
			ga.Option().Value(customProfile).Selected(choice == customProfile).Text("Custom: 24 hourly shares"),
		),
		ga.If(choice == customProfile, func() ga.UI {
			return ga.Div().Class("control").Body(
				ga.Label().For("w-daily-profile-shares").Class("visually-hidden").Text("Hourly shares"),
				ga.Input().ID("w-daily-profile-shares").Type("text").Attr("data-path", profilePath).Attr("autocomplete", "off").Attr("spellcheck", "false").
					MaxLength(engine.MaxProfileLen).Aria("invalid", fmt.Sprint(err != "")).Aria("describedby", "w-daily-profile-help").Value(text).
					OnInput(c.on(func(ctx ga.Context, e ga.Event) {
						f.Workload["daily_profile"] = ctx.JSSrc().Get("value").String()
						c.changed(ctx)
					}), ga.EventScope(f.gen)),
			)
		}),
		ga.If(err != "", func() ga.UI { return ga.P().Class("error").ID("w-daily-profile-err").Text(err) }),
		ga.P().Class("help").ID("w-daily-profile-help").Text(
			"How a day's requests spread over its 24 hours, from midnight. A hybrid option fills them hour by hour; the other options size for the busiest hour: "+
				"the peak to average defaults to its share × 24 (now "+engine.Exact(p2a.Dec())+"). The presets are illustrative shapes, not measurements: "+
				"give 24 shares from your own traffic, separated by commas, summing to 1."),
	)
}

// hybridTable is a hybrid option's layers: each one's share of tokens,
// cost and utilization, and how the base was sized.
func hybridTable(i int, o *engine.OptionResult) ga.UI {
	h := o.Hybrid
	lines := h.Lines()
	id := fmt.Sprintf("hybrid-layers-%d", i)
	head := []string{"Layer", "Option", "Tokens", "Cost", "Share of cost", "Utilization"}
	name := map[string]string{"base": "Base", "burst": "Burst", "overflow": "Overflow"}
	return ga.Div().Class("hybrid-layers").Body(
		ga.P().Class("muted").ID(id+"-caption").Body(figureText(lines[0]+".")...),
		ga.P().Class("muted").ID(id+"-base").Text("T"+strings.TrimPrefix(h.BaseNote(), "t")+"."), // "the base …"
		ga.Div().Class("table-wrap").Body(ga.Table().Class("hybrid-table").ID(id).Aria("describedby", id+"-caption").Body(
			ga.THead().Body(ga.Tr().Body(ga.Range(head).Slice(func(k int) ga.UI { return ga.Th().Scope("col").Text(head[k]) }))),
			ga.TBody().Body(ga.Range(h.Layers).Slice(func(k int) ga.UI {
				l := h.Layers[k]
				util := "–"
				if l.Utilization != nil {
					util = engine.Percent(*l.Utilization)
				}
				cells := []string{l.Label, engine.Percent(l.TokenShare), engine.Money(l.Cost), engine.Percent(l.CostShare), util}
				return ga.Tr().Attr("data-layer", l.Layer).Body(
					ga.Th().Scope("row").Text(name[l.Layer]),
					ga.Range(cells).Slice(func(j int) ga.UI { return ga.Td().Text(cells[j]) }),
				)
			})),
		)),
		ga.P().Class("basis how-links").Body(howLink("hybrid-fleets", "How the layers are sized and costed")),
	)
}

// hybridDefaults fills a new hybrid option's layers with the scenario's
// first fitting options (by number), which the user then changes.
func (f *form) hybridDefaults(o *engine.Option) {
	o.Label = "Hybrid fleet"
	first := func(ok func(engine.Kind) bool, not int) int {
		for k, x := range f.Options {
			if ok(x.Kind) && k+1 != not {
				return k + 1
			}
		}
		return 0
	}
	num := func(n int) engine.Num {
		if n == 0 {
			return engine.Num{}
		}
		return engine.NumOf(decimal.NewFromInt(int64(n)))
	}
	base := first(func(k engine.Kind) bool { return k.SelfHosted() }, 0)
	o.BaseOption = num(base)
	o.BurstOption = num(first(func(k engine.Kind) bool { return k == engine.Cloud }, base))
	o.OverflowOption = num(first(func(k engine.Kind) bool { return k == engine.API }, 0))
}

// hybridKeys are a hybrid's fields that name an option by number.
var hybridKeys = []string{"base_option", "burst_option", "overflow_option"}

// renumber keeps each hybrid's layers on the same options when options
// move or go: to(n) is option n's new number, 0 when it is removed (the
// field is then emptied and validation asks for it). Text that is not a
// whole number is left as typed.
func (f *form) renumber(to func(n int) int) {
	for i := range f.Options {
		o := &f.Options[i]
		if o.Kind != engine.Hybrid {
			continue
		}
		for _, key := range hybridKeys {
			n, ok := wholeNumber(strings.TrimSpace(o.Fields[key]))
			if !ok {
				continue
			}
			if m := to(n); m == 0 {
				delete(o.Fields, key)
			} else {
				o.Fields[key] = fmt.Sprint(m)
			}
		}
	}
}

// wholeNumber reads text written as a whole number in its plain form
// ("3", "-1"; not "03", "+3" or "3.0"). strconv rather than fmt's scanner,
// which would add about 50 KB to app.wasm for these two calls.
func wholeNumber(text string) (int, bool) {
	n, err := strconv.Atoi(text)
	return n, err == nil && strconv.Itoa(n) == text
}

// hybridNames says which options a hybrid's layers name, by their labels,
// under its fields: the numbers alone are easy to misread.
func (c *Calculator) hybridNames(i int) ga.UI {
	o := &c.f.Options[i]
	var parts []string
	for k, key := range hybridKeys {
		what := []string{"Base", "burst", "overflow"}[k]
		n, ok := wholeNumber(strings.TrimSpace(o.Fields[key]))
		if !ok || n < 1 || n > len(c.f.Options) {
			if k == 0 {
				parts = append(parts, what+": none yet")
			}
			continue
		}
		x := c.f.Options[n-1]
		parts = append(parts, fmt.Sprintf("%s: %d, %s (%s)", what, n, x.Label, kindName(x.Kind)))
	}
	return ga.P().Class("help").ID(fmt.Sprintf("o%d-layers", o.ID)).Body(figureText(strings.Join(parts, "; ") + ".")...)
}

// layerSig is what a hybrid's card shows of the other options (their
// labels and kinds, in hybridNames): "" for another kind.
func (f *form) layerSig(k engine.Kind) string {
	if k != engine.Hybrid {
		return ""
	}
	var b strings.Builder
	for _, o := range f.Options {
		b.WriteString(o.Label + "\x00" + string(o.Kind) + "\x00")
	}
	return b.String()
}
