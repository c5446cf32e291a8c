// Package app holds the go-app components of infercost. It renders what the
// engine returns and does no cost arithmetic of its own.
package app

import ga "github.com/maxence-charriere/go-app/v10/pkg/app"

// Register declares the routes. The wasm main and the static-site generator
// both call it, so the generated pages and the running app always agree.
func Register() {
	ga.Route("/", func() ga.Composer { return &Shell{} })
}
