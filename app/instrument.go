//go:build instrument

package app

import ga "github.com/maxence-charriere/go-app/v10/pkg/app"

// Instrumented builds (-tags instrument: the browser tests and `make
// bench`) expose what the tests read and the release leaves out: the time
// of the last evaluation, which the bench splits from rendering, and the
// last file offered for download, which the tests compare with the CLI's.

func exposeEvalMs(ms float64) { ga.Window().Set("infercostEvalMs", ms) }

func exposeDownload(name, content string) {
	ga.Window().Set("infercostLastDownload", map[string]any{"name": name, "content": content})
}
