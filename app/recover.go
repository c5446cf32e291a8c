package app

import (
	"fmt"
	"runtime/debug"

	"github.com/infercost/infercost/engine"
	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Recovery is the second line of defence. In wasm a Go panic ends the
// program: the page stays on screen but nothing responds again. Causes are
// fixed where they are found; in case one is missed, every event handler,
// render and background computation of the calculator runs under a recover
// that logs the panic, puts the last valid scenario back on screen (it is
// also kept in local storage, so a reload loses nothing) and says what went
// wrong, with a button to copy the scenario's link.

// InternalErrorLog starts the console line of a recovered panic. The
// browser tests fail on it: a recovered panic is still a bug.
const InternalErrorLog = "infercost: internal error: "

// recovered handles a panic value: log it with its stack, restore the last
// valid scenario and show the banner (on the next render).
func (c *Calculator) recovered(r any) {
	msg := fmt.Sprint(r)
	println(InternalErrorLog + msg + "\n" + string(debug.Stack()))
	c.crash = msg
	c.restoreGood()
}

// restoreGood puts the last valid scenario, whose results are on screen,
// back into the form, and keeps it as the working copy.
func (c *Calculator) restoreGood() {
	s := engine.DefaultScenario()
	if c.good != nil {
		s = c.good.Clone()
	}
	c.f = formFrom(&s)
	c.syncInputs()
	c.sched.cancel() // drops any secondary work under way
	if c.good == nil || c.result == nil {
		c.result, c.good = nil, nil
		c.evaluateNow()
	}
	c.errs, c.stale = nil, false
	if link := c.currentLink(); link != "" {
		saveWorking(link)
	}
}

// on wraps an event handler: a panic in it is recovered, and go-app then
// renders the restored state.
func (c *Calculator) on(h ga.EventHandler) ga.EventHandler {
	return func(ctx ga.Context, e ga.Event) {
		defer func() {
			if r := recover(); r != nil {
				c.recovered(r)
			}
		}()
		h(ctx, e)
	}
}

// dispatch is ctx.Dispatch with the same guard, for work that comes back
// from a goroutine or a JavaScript promise. It goes through the
// calculator's own context once mounted: go-app drops a dispatch whose
// source element has left the page, and an event's element often has (the
// Add buttons move, the last option's card goes, a banner disappears), which
// left the address bar and the charts on the previous scenario.
func (c *Calculator) dispatch(ctx ga.Context, fn func(ga.Context)) {
	if c.mounted {
		ctx = c.ctx
	}
	ctx.Dispatch(func(ctx ga.Context) {
		defer func() {
			if r := recover(); r != nil {
				c.recovered(r)
			}
		}()
		fn(ctx)
	})
}

// async runs fn in a goroutine (ctx.Async); a panic in it is reported on
// the page instead of ending the program.
func (c *Calculator) async(ctx ga.Context, fn func()) {
	ctx.Async(func() {
		defer func() {
			if r := recover(); r != nil {
				c.dispatch(ctx, func(ga.Context) { c.recovered(r) })
			}
		}()
		fn()
	})
}

// tryRender renders with render, reporting a panic instead of passing it on.
func (c *Calculator) tryRender(render func() ga.UI) (ui ga.UI, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			c.recovered(r)
			ui, ok = nil, false
		}
	}()
	return render(), true
}

// guardedRender renders, and after a panic renders the restored state; if
// that fails too, it shows only the banner and the way out.
func (c *Calculator) guardedRender(render func() ga.UI) ga.UI {
	if ui, ok := c.tryRender(render); ok {
		return ui
	}
	if c.mounted {
		// A part failed after the calculator drew its frame: draw it all
		// again from the restored state.
		c.ctx.Dispatch(func(ga.Context) {})
	}
	if ui, ok := c.tryRender(render); ok {
		return ui
	}
	return ga.Div().Class("card").Body(ga.P().Text("This part of the page could not be drawn."))
}

func (c *Calculator) renderCrash() ga.UI {
	return ga.Div().Class("banner error").ID("crash").Role("alert").Body(
		ga.P().Text("Something went wrong inside infercost ("+c.crash+"). The last valid scenario is back on screen and kept in this browser, so a reload brings it back. Please report this, with the scenario's link."),
		ga.Div().Class("banner-actions").Body(
			ga.Button().ID("crash-copy-link").Type("button").Class("primary").Text("Copy the scenario's link").OnClick(c.on(c.onCopyLink)),
			ga.Button().ID("crash-dismiss").Type("button").Text("Dismiss").OnClick(c.on(func(ctx ga.Context, e ga.Event) { c.crash = "" })),
		),
	)
}
