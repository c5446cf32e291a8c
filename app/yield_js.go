//go:build js && wasm

package app

import (
	"sync"
	"syscall/js"
)

// yieldToBrowser returns to the browser's event loop and comes back as its
// next task: a message posted on a channel of its own, a task like any
// other, so input and rendering already pending can run before it (the
// HTML standard does not order task sources; Chromium's scheduler favours
// input and rendering), and, unlike a timer, without the 4 ms that nested
// timeouts are held back. The goroutine waits for the
// message, so Go's scheduler, with nothing else to run, gives the thread
// back to the browser.
func yieldToBrowser() {
	yieldMu.Lock()
	if yieldPort.IsUndefined() {
		ch := js.Global().Get("MessageChannel").New()
		ch.Get("port1").Set("onmessage", js.FuncOf(func(js.Value, []js.Value) any {
			yieldMu.Lock()
			var w chan struct{}
			if len(yieldWaiting) > 0 {
				w, yieldWaiting = yieldWaiting[0], yieldWaiting[1:]
			}
			yieldMu.Unlock()
			if w != nil {
				close(w)
			}
			return nil
		}))
		yieldPort = ch.Get("port2")
	}
	w := make(chan struct{})
	yieldWaiting = append(yieldWaiting, w)
	yieldMu.Unlock()
	yieldPort.Call("postMessage", 0)
	<-w
}

var (
	yieldMu      sync.Mutex
	yieldPort    js.Value        // posts to the port whose handler wakes the first waiter
	yieldWaiting []chan struct{} // one per message posted, in order
)
