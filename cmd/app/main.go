// Command app is the WebAssembly entry point: it only registers the routes
// and starts go-app. It links no server or generator code, which keeps
// app.wasm small (the native command lives in cmd/infercost).
package main

import (
	"github.com/infercost/infercost/app"

	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	app.Mark("main")
	app.Register()
	app.GuardAddress() // before go-app reads the address
	app.GuardStorage() // and its storage
	ga.RunWhenOnBrowser()
}
