package app

import ga "github.com/maxence-charriere/go-app/v10/pkg/app"

// Shell is the page frame: header, the calculator area and a footer with the
// running version. It also tells the user when a new version is ready.
type Shell struct {
	ga.Compo
	updateReady bool
}

// OnAppUpdate runs when the service worker has installed a newer version.
func (s *Shell) OnAppUpdate(ctx ga.Context) {
	s.updateReady = ctx.AppUpdateAvailable()
}

// OnMount picks up an update that arrived before the wasm finished loading.
func (s *Shell) OnMount(ctx ga.Context) {
	s.updateReady = ctx.AppUpdateAvailable()
}

func (s *Shell) Render() ga.UI {
	return ga.Div().Class("shell").Body(
		ga.If(s.updateReady, func() ga.UI {
			return ga.Div().Class("update-banner").Role("status").ID("update-banner").Body(
				ga.Span().Text("A new version of infercost is ready."),
				ga.Button().Class("primary").ID("update-reload").Text("Reload").
					OnClick(func(ctx ga.Context, e ga.Event) { ctx.Reload() }),
			)
		}),
		ga.Header().Class("shell-header").Body(
			ga.Img().Src("/web/icon.svg").Alt("").Width(32).Height(32),
			ga.H1().Text("infercost"),
			ga.P().Class("tagline").Text("What serving AI models costs at volume, and the cheapest way to buy the compute."),
		),
		ga.Main().Class("shell-main").ID("calculator").Body(&Calculator{}),
		ga.Footer().Class("shell-footer").Body(
			ga.Span().Text("Runs entirely in your browser: your numbers never leave it. Prices are indicative: every preset can be overridden."),
			ga.Span().ID("app-version").Text("version "+Version()),
		),
	)
}

// Version is the build's version as the generator stamped it (the git commit).
func Version() string {
	if v := ga.Getenv("GOAPP_VERSION"); v != "" {
		return v
	}
	return "dev"
}
