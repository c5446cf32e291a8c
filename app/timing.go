package app

import ga "github.com/maxence-charriere/go-app/v10/pkg/app"

// Mark records a User Timing mark named "infercost:"+name. Start-up is
// marked at the Go main, after the first evaluation and after the first
// render: the browser's performance panel shows the phases, and `make
// bench` reports them against the baseline page's.
func Mark(name string) {
	if ga.IsClient {
		ga.Window().Get("performance").Call("mark", "infercost:"+name)
	}
}
