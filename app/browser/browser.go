// Package browser holds the real-browser tests of infercost: they build the
// site, serve it on loopback and drive Debian's Chromium with chromedp.
// This file has the shared harness; the tests are in the _test files.
package browser

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/infercost/infercost/app"
	"github.com/infercost/infercost/app/site"
)

// Chromium is where Debian installs the browser. The Makefile installs it;
// the tests fail, never skip, when it is missing.
const Chromium = "/usr/bin/chromium"

// CheckChromium explains what to install when the browser is missing.
func CheckChromium() error {
	if _, err := os.Stat(Chromium); err != nil {
		return fmt.Errorf("browser tests need %s: run `make test` (it installs it as root) or `apt-get install -y chromium`", Chromium)
	}
	return nil
}

// Site is a built site served on loopback. Swap changes the directory it
// serves, as a deployment would.
type Site struct {
	URL  string // including the base, with a trailing slash
	srv  *httptest.Server
	cur  atomic.Pointer[site.Server]
	base string
}

// BuildSite builds the site into a fresh temporary directory from a prebuilt
// app.wasm.
func BuildSite(t testing.TB, wasm, base, version string) string {
	t.Helper()
	dir := t.TempDir()
	BuildSiteInto(t, dir, wasm, base, version)
	return dir
}

// BuildSiteInto builds the site into dir.
func BuildSiteInto(t testing.TB, dir, wasm, base, version string) {
	t.Helper()
	if _, err := site.Build(site.Options{Out: dir, Base: base, Version: version, Wasm: wasm, Fast: true}); err != nil {
		t.Fatalf("building site: %v", err)
	}
}

// Serve serves dir under base until the test ends or Close is called.
func Serve(t testing.TB, dir, base string) *Site {
	t.Helper()
	s := &Site{base: base}
	s.Swap(t, dir)
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.cur.Load().ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	s.URL = s.srv.URL + s.cur.Load().Base + "/"
	return s
}

// Swap serves another built site from now on.
func (s *Site) Swap(t testing.TB, dir string) {
	t.Helper()
	srv, err := site.NewServer(dir, s.base)
	if err != nil {
		t.Fatal(err)
	}
	s.cur.Store(srv)
}

// Close stops the server, so that only the service worker can answer.
func (s *Site) Close() {
	s.srv.CloseClientConnections()
	s.srv.Close()
}

// NewBrowser starts a headless Chromium with a fresh profile; it stops when
// the test ends.
func NewBrowser(t testing.TB) context.Context {
	t.Helper()
	if err := CheckChromium(); err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(Chromium),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
	)
	// V8 flags for an experiment (e.g. --no-wasm-lazy-compilation); never
	// set in the test suite.
	if f := os.Getenv("INFERCOST_CHROMIUM_JS_FLAGS"); f != "" {
		opts = append(opts, chromedp.Flag("js-flags", f))
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // start the browser now, without a timeout
		t.Fatalf("starting chromium: %v", err)
	}
	return ctx
}

// Timeout derives a context that bounds one step of a test.
func Timeout(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, d)
}

// WaitApp waits until go-app has removed its loader, which it does once the
// wasm runs and the first render is done.
func WaitApp() chromedp.Action[chromedp.Void] {
	return WaitJS(`document.getElementById("app-wasm-loader") === null && document.getElementById("app-version") !== null`, time.Minute)
}

// WaitTable waits for the comparison table, which (like the charts) the app
// draws a moment after its first paint and after typing pauses.
func WaitTable() chromedp.Action[chromedp.Void] {
	return WaitJS(`document.getElementById("comparison") !== null`, 30*time.Second)
}

// WaitWorker waits until the service worker is active, which with our
// worker means its cache is complete.
func WaitWorker() chromedp.Action[chromedp.Void] {
	return WaitJS(`navigator.serviceWorker.ready.then((r) => r.active && r.active.state === "activated")`, time.Minute)
}

// WaitJS evaluates expr (a value or a promise) until it is true. Unlike
// chromedp.Poll it survives the page navigating while it waits.
func WaitJS(expr string, timeout time.Duration) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		deadline := time.Now().Add(timeout)
		var last error
		for time.Now().Before(deadline) {
			ok, err := chromedp.Evaluate[bool](expr, chromedp.EvalAwaitPromise)(ctx, t)
			if err == nil && ok {
				return nil
			}
			last = err
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(25 * time.Millisecond):
			}
		}
		return fmt.Errorf("waiting for %s: timed out after %s (last error: %v)", expr, timeout, last)
	})
}

// ConsoleLog collects what a page writes to its console.
type ConsoleLog struct {
	mu       sync.Mutex
	lines    []string
	failures []string
}

// IsFailure reports a console message that shows the Go program failed: a
// panic (in wasm it ends the program), a panic the app recovered from
// (app.InternalErrorLog: still a bug), a fatal runtime error, the program's
// exit, or an uncaught exception. Every browser test judges the console by
// it.
func IsFailure(m chromedp.ConsoleMessage) bool {
	return m.IsException() || strings.Contains(m.Text, "panic:") || strings.Contains(m.Text, app.InternalErrorLog) ||
		strings.Contains(m.Text, "fatal error:") || strings.Contains(m.Text, "Go program has already exited") ||
		strings.HasPrefix(m.Text, "exit code:")
}

// WatchConsole records the console of the context's page from now on.
func WatchConsole(ctx context.Context) *ConsoleLog {
	l := &ConsoleLog{}
	go func() {
		for m, err := range chromedp.Console(ctx) {
			if err != nil {
				return
			}
			l.mu.Lock()
			line := string(m.Type) + ": " + m.Text
			if m.Type == chromedp.ConsoleException && m.Stack != nil {
				for _, f := range m.Stack.CallFrames {
					line += fmt.Sprintf("\n\tat %s (%s:%d)", f.FunctionName, f.URL, f.LineNumber)
				}
			}
			l.lines = append(l.lines, line)
			if IsFailure(m) {
				l.failures = append(l.failures, line)
			}
			l.mu.Unlock()
		}
	}()
	return l
}

// Failures lists the lines IsFailure reports.
func (l *ConsoleLog) Failures() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.failures)
}

// Containing lists the lines that contain any of subs.
func (l *ConsoleLog) Containing(subs ...string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for _, s := range l.lines {
		for _, sub := range subs {
			if strings.Contains(s, sub) {
				out = append(out, s)
				break
			}
		}
	}
	return out
}

// LogOnFailure prints the console to the test's log if it fails.
func (l *ConsoleLog) LogOnFailure(t testing.TB) {
	t.Cleanup(func() {
		if !t.Failed() {
			return
		}
		l.mu.Lock()
		defer l.mu.Unlock()
		t.Logf("console:\n%s", strings.Join(l.lines, "\n"))
	})
}
