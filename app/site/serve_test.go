package site

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeSite writes the files NewServer looks for, plus a precompressed copy
// of app.wasm, into a temporary directory.
func fakeSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range map[string]string{
		"index.html":        "<!doctype html><title>x</title>",
		"app-worker.js":     "// worker",
		"app.js":            "// app",
		"web/app.wasm":      "\x00asm\x01\x00\x00\x00",
		"web/app.wasm.br":   "brotli bytes",
		"web/infercost.css": "body{}",
	} {
		file := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestSecurityHeaders checks that every response, errors and redirects
// included, carries the security headers.
func TestSecurityHeaders(t *testing.T) {
	srv, err := NewServer(fakeSite(t), "/repo")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		method, path, encoding string
		status                 int
	}{
		{"GET", "/repo/", "", 200},
		{"GET", "/repo/index.html", "", 200},
		{"GET", "/repo/web/app.wasm", "", 200},
		{"GET", "/repo/web/app.wasm", "br", 200},
		{"GET", "/repo/app.js", "", 200},
		{"GET", "/repo/app-worker.js", "", 200},
		{"GET", "/repo/web/infercost.css", "", 200},
		{"HEAD", "/repo/", "", 200},
		{"GET", "/repo/missing.js", "", 404},
		{"GET", "/elsewhere", "", 404},
		{"GET", "/repo", "", 301},
		{"POST", "/repo/", "", 405},
	} {
		req := httptest.NewRequest(tc.method, tc.path, nil)
		if tc.encoding != "" {
			req.Header.Set("Accept-Encoding", tc.encoding)
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		name := tc.method + " " + tc.path + " " + tc.encoding
		if rec.Code != tc.status {
			t.Errorf("%s: status %d, want %d", name, rec.Code, tc.status)
		}
		for _, kv := range [][2]string{
			{"Content-Security-Policy", ContentSecurityPolicy},
			{"Permissions-Policy", PermissionsPolicy},
			{"Referrer-Policy", "no-referrer"},
			{"X-Content-Type-Options", "nosniff"},
		} {
			if got := rec.Header().Values(kv[0]); len(got) != 1 || got[0] != kv[1] {
				t.Errorf("%s: %s = %q, want %q", name, kv[0], got, kv[1])
			}
		}
	}
}

func TestContentSecurityPolicy(t *testing.T) {
	for _, d := range []string{"default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "frame-ancestors 'none'"} {
		if !strings.Contains(ContentSecurityPolicy, d) {
			t.Errorf("the policy has no %q", d)
		}
	}
	want := strings.Replace(ContentSecurityPolicy, "; frame-ancestors 'none'", "", 1)
	if got := MetaContentSecurityPolicy(); got != want {
		t.Errorf("meta policy = %q, want %q", got, want)
	}
}

// TestDefaultLimits checks that no limit is left out: a zero duration would
// mean none at all. Two descriptors a connection must fit in 256.
func TestDefaultLimits(t *testing.T) {
	l := DefaultLimits
	if l.ReadHeader <= 0 || l.Read <= 0 || l.Write <= 0 || l.Idle <= 0 || l.MaxConns <= 0 || 2*l.MaxConns > 240 {
		t.Errorf("DefaultLimits = %+v", l)
	}
}

// serve runs Serve on a loopback port until the test ends and returns its
// address.
func serve(t *testing.T, h http.Handler, lim Limits) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, h, lim) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Serve: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Errorf("Serve did not return after its context ended")
		}
	})
	return ln.Addr().String()
}

// get sends one keep-alive GET on c and reads the whole response.
func get(c net.Conn, r *bufio.Reader) error {
	if _, err := io.WriteString(c, "GET / HTTP/1.1\r\nHost: test\r\n\r\n"); err != nil {
		return err
	}
	resp, err := http.ReadResponse(r, nil)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

var hello = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "hello") })

// TestServeClosesIdleConnections checks that a keep-alive connection with no
// next request is closed after Limits.Idle, not held until the client leaves.
func TestServeClosesIdleConnections(t *testing.T) {
	const idle = 300 * time.Millisecond
	// The other timeouts are far longer than the test, so only Idle can
	// close the connection.
	addr := serve(t, hello, Limits{ReadHeader: time.Minute, Read: time.Minute, Write: time.Minute, Idle: idle, MaxConns: 4})
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	r := bufio.NewReader(c)
	if err := get(c, r); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	c.SetReadDeadline(start.Add(5 * time.Second))
	_, err = r.ReadByte()
	waited := time.Since(start)
	if !errors.Is(err, io.EOF) {
		t.Fatalf("idle connection: read %v after %s, want the server to close it after %s", err, waited.Round(time.Millisecond), idle)
	}
	if waited < idle/2 {
		t.Errorf("closed after %s, before the idle timeout of %s", waited, idle)
	}
}

// TestServeEndsSlowRequests checks that a client sending its request body a
// byte at a time is cut off after Limits.Read instead of holding its
// connection for as long as it likes.
func TestServeEndsSlowRequests(t *testing.T) {
	const read = 300 * time.Millisecond
	addr := serve(t, hello, Limits{ReadHeader: time.Minute, Read: read, Write: time.Minute, Idle: time.Minute, MaxConns: 4})
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := io.WriteString(c, "POST / HTTP/1.1\r\nHost: test\r\nContent-Length: 100000\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	go func() {
		for {
			if _, err := c.Write([]byte("x")); err != nil {
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
	}()
	start := time.Now()
	c.SetReadDeadline(start.Add(5 * time.Second))
	_, err = io.ReadAll(c) // the server answers once it gives up on the body, then closes
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatalf("a request body trickled for %s is still being read (read timeout %s)", time.Since(start).Round(time.Millisecond), read)
	}
}

// TestServeCapsConnections opens more connections than Limits.MaxConns and
// checks that the extra ones are served only as others close.
func TestServeCapsConnections(t *testing.T) {
	const limit, extra = 3, 2
	addr := serve(t, hello, Limits{ReadHeader: time.Minute, Read: time.Minute, Write: time.Minute, Idle: time.Minute, MaxConns: limit})
	conns := make([]net.Conn, limit+extra)
	served := make(chan int, len(conns))
	for i := range conns {
		c, err := net.Dial("tcp", addr) // the kernel completes the handshake: Accept is what waits
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		conns[i] = c
		go func() {
			if get(c, bufio.NewReader(c)) == nil {
				served <- i
			}
		}()
	}
	// expect waits for exactly n more connections to be served and checks no
	// other one is within a short quiet time.
	expect := func(n int, when string) {
		t.Helper()
		timeout := time.After(3 * time.Second)
		for range n {
			select {
			case <-served:
			case <-timeout:
				t.Fatalf("%s: fewer than %d connections served", when, n)
			}
		}
		select {
		case i := <-served:
			t.Fatalf("%s: connection %d served beyond the cap of %d", when, i, limit)
		case <-time.After(300 * time.Millisecond):
		}
	}
	expect(limit, "at first")
	for i := range extra {
		conns[i].Close()
		expect(1, "after closing one")
	}
}

// TestServeTimeouts checks that a long response outlives the read and idle
// timeouts (a slow client must still get app.wasm whole), and that the write
// timeout ends one that takes longer than it.
func TestServeTimeouts(t *testing.T) {
	// trickle writes a chunk every 20 ms for the duration the path names.
	trickle := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		d, _ := time.ParseDuration(strings.TrimPrefix(r.URL.Path, "/"))
		rc := http.NewResponseController(w)
		for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
			if _, err := io.WriteString(w, strings.Repeat("x", 1024)); err != nil {
				return
			}
			if rc.Flush() != nil {
				return
			}
		}
	})
	const short, write = 200 * time.Millisecond, 1500 * time.Millisecond
	addr := serve(t, trickle, Limits{ReadHeader: short, Read: short, Write: write, Idle: short, MaxConns: 4})
	client := &http.Client{Timeout: 10 * time.Second}
	fetch := func(d time.Duration) error {
		resp, err := client.Get("http://" + addr + "/" + d.String())
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		_, err = io.Copy(io.Discard, resp.Body)
		return err
	}
	if err := fetch(5 * short); err != nil {
		t.Errorf("a response longer than the read and idle timeouts: %v", err)
	}
	start := time.Now()
	if err := fetch(2 * write); err == nil {
		t.Errorf("a response longer than the write timeout of %s arrived whole after %s", write, time.Since(start).Round(time.Millisecond))
	}
}
