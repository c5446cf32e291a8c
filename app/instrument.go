//go:build instrument

package app

import (
	"runtime"

	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Instrumented builds (-tags instrument: the browser tests and `make
// bench`) expose what the tests read and the release leaves out: the time
// of the last evaluation, which the bench splits from rendering, and the
// last file offered for download, which the tests compare with the CLI's.

func exposeEvalMs(ms float64) { ga.Window().Set("infercostEvalMs", ms) }

func exposeDownload(name, content string) {
	ga.Window().Set("infercostLastDownload", map[string]any{"name": name, "content": content})
}

// exposeMemory gives the Go heap's size and the memory the runtime holds
// from the system (WebAssembly's memory, which never shrinks), in MB,
// after a Monte Carlo run: the bench weighs its speed against them.
func exposeMemory() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	ga.Window().Set("infercostMemory", map[string]any{"heapMB": float64(m.HeapSys) / (1 << 20), "sysMB": float64(m.Sys) / (1 << 20), "gcs": m.NumGC})
}
