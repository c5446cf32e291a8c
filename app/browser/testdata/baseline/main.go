// Command baseline is the smallest go-app page: the yardstick that
// `make bench` compares infercost's load time and app.wasm size with.
package main

import ga "github.com/maxence-charriere/go-app/v10/pkg/app"

type hello struct{ ga.Compo }

func (h *hello) Render() ga.UI {
	return ga.Div().Body(ga.H1().Text("baseline"), ga.Span().ID("app-version").Text("baseline"))
}

func main() {
	ga.Route("/", func() ga.Composer { return &hello{} })
	ga.RunWhenOnBrowser()
}
