// Command baselineengine is the floor of any go-app page that runs
// infercost's engine: the smallest page that, on each keystroke, turns the
// typed requests a day into a scenario, evaluates it with the same call the
// calculator's keystroke path makes (engine.EvaluateHeadline) and shows the
// answer in words (engine.Summarize's verdict) with each option's total.
// It has no inputs beyond that one, no cards, no table and no charts, so
// what `make bench` measures on it is go-app's own cost (as on
// ../baselineinput) plus the engine's, compiled as app.wasm is: the
// yardstick for what infercost's interface adds on top of its arithmetic
// (docs/performance.md, "Floors"). It opens the scenario of the link in its
// address bar's fragment, or the default scenario, as the calculator does.
package main

import (
	"strings"

	"github.com/infercost/infercost/engine"
	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
)

type page struct {
	ga.Compo
	s     engine.Scenario
	lines []string
}

func (p *page) OnMount(ga.Context) { mark("mounted") }

func mark(name string) { ga.Window().Get("performance").Call("mark", "infercost:"+name) }

func (p *page) evaluate() {
	r, err := engine.EvaluateHeadline(&p.s)
	if err != nil {
		p.lines = []string{err.Error()}
		return
	}
	p.lines = []string{engine.Summarize(r, nil).Verdict}
	for _, o := range r.Options {
		p.lines = append(p.lines, o.Label+": "+engine.Money(o.TotalCost))
	}
}

func (p *page) Render() ga.UI {
	items := make([]ga.UI, len(p.lines))
	for i, l := range p.lines {
		items[i] = ga.P().Text(l)
	}
	return ga.Div().Body(
		ga.Div().ID("headline").Body(items...),
		ga.Input().ID("w-requests_per_day").OnInput(func(ctx ga.Context, e ga.Event) {
			p.s.Workload.RequestsPerDay = engine.ParseNum(ctx.JSSrc().Get("value").String())
			p.evaluate()
		}),
		ga.Span().ID("app-version").Text("baseline"),
	)
}

func main() {
	mark("main")
	ga.Route("/", func() ga.Composer {
		p := &page{s: engine.DefaultScenario()}
		if ga.IsClient {
			if frag := strings.TrimPrefix(ga.Window().Get("location").Get("hash").String(), "#"); frag != "" {
				if s, err := engine.DecodeLink(frag); err == nil {
					p.s = s
				}
			}
		}
		p.evaluate()
		return p
	})
	ga.RunWhenOnBrowser()
}
