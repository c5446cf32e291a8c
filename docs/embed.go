// Package docs holds the project's documents; the site generator renders
// the methodology into the app's own page (app/site/methodology.go), so it
// is embedded here, next to the file.
package docs

import _ "embed"

// Methodology is docs/methodology.md.
//
//go:embed methodology.md
var Methodology []byte
