// Command baselineinput is the smallest interactive go-app page: the
// yardstick that `make bench` compares infercost's keystroke latency with.
// Its one input echoes what is typed into a heading, so a keystroke costs
// go-app's event handling, its frame tick and one DOM update, nothing else.
// (Size and load time are compared with ../baseline, which has no input.)
package main

import ga "github.com/maxence-charriere/go-app/v10/pkg/app"

type hello struct {
	ga.Compo
	typed string
}

func (h *hello) Render() ga.UI {
	return ga.Div().Body(
		ga.H1().ID("headline").Text("baseline "+h.typed),
		ga.Input().ID("w-requests_per_day").OnInput(func(ctx ga.Context, e ga.Event) {
			h.typed = ctx.JSSrc().Get("value").String()
		}),
		ga.Span().ID("app-version").Text("baseline"),
	)
}

func main() {
	ga.Route("/", func() ga.Composer { return &hello{} })
	ga.RunWhenOnBrowser()
}
