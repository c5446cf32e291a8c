// Package web holds the static assets (styles, icons and the charts' keyboard script) that the site
// generator copies to /web/ next to app.wasm. They are embedded so that the
// infercost binary can build a complete site on its own.
package web

import "embed"

// Assets is every file the site serves under /web/ apart from app.wasm.
//
//go:embed *.css *.js *.png *.svg
var Assets embed.FS
