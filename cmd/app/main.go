// Command app is the WebAssembly entry point: it only registers the routes
// and starts go-app. It links no server or generator code, which keeps
// app.wasm small (the native command lives in cmd/infercost).
package main

import (
	"runtime/debug"

	"github.com/infercost/infercost/app"

	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// memoryLimit caps the page's Go heap whatever its live heap (a Monte Carlo
// holds more), at a size a phone's browser gives a page. The collector
// starts at Go's default pace, and the page sets its pace for typing
// (app.TypingGCPercent) once its first results and charts are drawn (see
// app's paceCollector).
const memoryLimit = 128 << 20

func main() {
	app.Mark("main")
	debug.SetMemoryLimit(memoryLimit)
	app.Register()
	app.GuardAddress() // before go-app reads the address
	app.GuardStorage() // and its storage
	ga.RunWhenOnBrowser()
}
