//go:build !(js && wasm)

package app

import "time"

// yieldToBrowser, outside a browser, lets other goroutines run for a
// millisecond (see yield_js.go).
func yieldToBrowser() { time.Sleep(time.Millisecond) }
