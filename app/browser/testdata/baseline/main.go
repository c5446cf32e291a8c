// Command baseline is the smallest go-app page: the yardstick that
// `make bench` compares infercost's load time and app.wasm size with.
package main

import ga "github.com/maxence-charriere/go-app/v10/pkg/app"

type hello struct{ ga.Compo }

// OnMount and main mark the phases that make bench compares with
// infercost's (see app.Mark).
func (h *hello) OnMount(ga.Context) { mark("mounted") }

func mark(name string) { ga.Window().Get("performance").Call("mark", "infercost:"+name) }

func (h *hello) Render() ga.UI {
	return ga.Div().Body(ga.H1().Text("baseline"), ga.Span().ID("app-version").Text("baseline"))
}

func main() {
	mark("main")
	ga.Route("/", func() ga.Composer { return &hello{} })
	ga.RunWhenOnBrowser()
}
