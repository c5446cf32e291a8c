//go:build instrument

package app

import (
	"bytes"
	"encoding/base64"
	"runtime"
	"runtime/pprof"

	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Instrumented builds (-tags instrument: the browser tests and `make
// bench`) expose what the tests read and the release leaves out: the time
// of the last evaluation, which the bench splits from rendering, and the
// last file offered for download, which the tests compare with the CLI's.

func exposeEvalMs(ms float64) {
	w := ga.Window()
	w.Set("infercostEvalMs", ms)
	if !w.Get("infercostMem").Truthy() {
		// The Go heap, for the profilers (TestProfileKeystrokes): garbage
		// collections so far, bytes allocated so far and live.
		w.Set("infercostMem", ga.FuncOf(func(ga.Value, []ga.Value) any {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			return map[string]any{"gc": m.NumGC, "total": float64(m.TotalAlloc), "heap": float64(m.HeapAlloc), "pauseNs": float64(m.PauseTotalNs)}
		}))
		// Go's heap profile (pprof, base64), sampling every 4 KiB from the
		// first call on: where the allocations are.
		w.Set("infercostHeapProfile", ga.FuncOf(func(ga.Value, []ga.Value) any {
			runtime.MemProfileRate = 4096
			runtime.GC() // the profile is as of the last collection
			var b bytes.Buffer
			if err := pprof.Lookup("heap").WriteTo(&b, 0); err != nil {
				return err.Error()
			}
			return base64.StdEncoding.EncodeToString(b.Bytes())
		}))
	}
}

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
