// Command app is the WebAssembly entry point: it only registers the routes
// and starts go-app. It links no server or generator code, which keeps
// app.wasm small (the native command lives in cmd/infercost).
package main

import (
	"runtime/debug"

	"github.com/infercost/infercost/app"

	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// gcPercent and memoryLimit pace Go's garbage collector in the page. With
// Go's default (a collection each time the heap doubles), a keystroke
// allocates about 1.5 MB (the evaluation and the redraw) against a live heap
// of 5–10 MB, so two edits in five paid for a collection, 12–20 ms of the
// main thread under wasm (go-app's tree of the page and every JavaScript
// value Go holds are marked and swept): the keystroke's p95 was that
// collection (docs/performance.md, 2026-12-01). A collection once the heap
// is nine times the live heap (about one edit in thirty) keeps it off most
// keystrokes; the limit caps the heap whatever the live heap (a Monte Carlo
// holds more), at a size a phone's browser gives a page.
const (
	gcPercent   = 800
	memoryLimit = 128 << 20
)

func main() {
	app.Mark("main")
	debug.SetGCPercent(gcPercent)
	debug.SetMemoryLimit(memoryLimit)
	app.Register()
	app.GuardAddress() // before go-app reads the address
	app.GuardStorage() // and its storage
	ga.RunWhenOnBrowser()
}
