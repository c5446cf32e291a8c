package site

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// contentTypes fixes the MIME types that matter for the app, whatever the
// machine's mime database says (wasm streaming compilation needs
// application/wasm).
var contentTypes = map[string]string{
	".wasm":        "application/wasm",
	".js":          "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".html":        "text/html; charset=utf-8",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".webmanifest": "application/manifest+json",
	".json":        "application/json",
	".txt":         "text/plain; charset=utf-8",
}

// Server serves a built site the way a good static host does: exact MIME
// types, precompressed files chosen by Accept-Encoding, revalidation of
// every file (names carry no content hash, so nothing may be cached blindly)
// and the security headers on every response. Serve it with Serve, which
// bounds what each client may hold.
type Server struct {
	Dir  string // the built site
	Base string // sub-path the site is mounted at ("" or "/repo")
}

// NewServer checks that dir holds a built site.
func NewServer(dir, base string) (*Server, error) {
	b, err := NormalizeBase(base)
	if err != nil {
		return nil, err
	}
	for _, f := range []string{"index.html", "app-worker.js", "web/app.wasm"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			return nil, fmt.Errorf("%s is not a built site (missing %s): run `infercost build -out %s` first", dir, f, dir)
		}
	}
	return &Server{Dir: dir, Base: b}, nil
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	SetSecurityHeaders(w.Header())
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if s.Base != "" {
		if p == s.Base {
			http.Redirect(w, r, s.Base+"/", http.StatusMovedPermanently)
			return
		}
		if !strings.HasPrefix(p, s.Base+"/") {
			http.NotFound(w, r)
			return
		}
		p = strings.TrimPrefix(p, s.Base)
	}
	p = path.Clean("/" + p)
	if strings.HasSuffix(p, "/") || p == "/" {
		p += "index.html"
	}
	ext := path.Ext(p)
	if ext == ".br" || ext == ".gz" {
		http.NotFound(w, r)
		return
	}
	file := filepath.Join(s.Dir, filepath.FromSlash(p))
	info, err := os.Stat(file)
	if err == nil && info.IsDir() {
		file = filepath.Join(file, "index.html")
		ext = ".html"
	}

	ctype := contentTypes[ext]
	if ctype == "" {
		ctype = mime.TypeByExtension(ext)
	}
	h := w.Header()
	h.Set("Vary", "Accept-Encoding")
	h.Set("Cache-Control", "no-cache")
	if ctype != "" {
		h.Set("Content-Type", ctype)
	}
	for _, enc := range []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		if !accepts(r.Header.Get("Accept-Encoding"), enc.name) {
			continue
		}
		if f, err := os.Open(file + enc.ext); err == nil {
			defer f.Close()
			st, err := f.Stat()
			if err != nil {
				break
			}
			h.Set("Content-Encoding", enc.name)
			h.Set("ETag", etag(st, enc.name))
			http.ServeContent(w, r, "", st.ModTime(), f)
			return
		}
	}
	f, err := os.Open(file)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		http.NotFound(w, r)
		return
	}
	h.Set("ETag", etag(st, "identity"))
	http.ServeContent(w, r, "", st.ModTime(), f)
}

// accepts reports whether an Accept-Encoding header allows enc (a q=0 entry
// refuses it).
func accepts(header, enc string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), enc) {
			continue
		}
		params = strings.ReplaceAll(params, " ", "")
		return params != "q=0" && params != "q=0.0" && params != "q=0.00" && params != "q=0.000"
	}
	return false
}

func etag(st os.FileInfo, enc string) string {
	return fmt.Sprintf(`"%x-%x-%s"`, st.ModTime().UnixNano(), st.Size(), enc)
}

// Limits bounds what each client may hold of the server, so that idle or
// slow connections cannot take every file descriptor and lock others out.
// The durations are http.Server's timeouts of the same names (zero means
// none, or for ReadHeader and Idle the Read timeout); MaxConns must be > 0.
type Limits struct {
	ReadHeader time.Duration // to read a request's headers
	Read       time.Duration // to read a whole request
	Write      time.Duration // from the end of the headers to the end of the response
	Idle       time.Duration // a keep-alive connection waiting for its next request
	MaxConns   int           // connections open at once; more wait to be accepted
}

// DefaultLimits suit a server on a LAN, where the slowest client is a phone
// on poor Wi-Fi and the process may have as few as 256 file descriptors.
var DefaultLimits = Limits{
	// A browser sends its headers at once; a client that trickles them
	// only holds a connection.
	ReadHeader: 10 * time.Second,
	// Requests are GET and HEAD, headers only: this only bounds a body
	// nobody should send.
	Read: 30 * time.Second,
	// Write bounds the whole response, not each write: app.wasm (about
	// 9 MB raw, 2 MB brotli) must arrive whole or the app does not start.
	// Five minutes let the raw file through at 30 KB/s (240 kbit/s) and
	// the brotli one at 7 KB/s; a client slower than that is stalled, and
	// only holds a connection.
	Write: 5 * time.Minute,
	// A page load's requests come within a second or two of each other;
	// a later request (the worker's update check) can afford a new
	// handshake. Short, because an idle connection holds one of MaxConns.
	Idle: 15 * time.Second,
	// A browser opens up to 6 connections to a host, so 100 serve about 16
	// loading at once; others wait in the kernel's queue, not refused.
	// Each connection may hold two descriptors (its socket and the file
	// it sends): about 210 in all, under a limit of 256.
	MaxConns: 100,
}

// Serve answers HTTP requests on ln with h within lim until ctx is done or
// ln fails. It returns nil after ctx is done.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, lim Limits) error {
	if lim.MaxConns <= 0 {
		return fmt.Errorf("MaxConns = %d: want at least 1", lim.MaxConns)
	}
	hs := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: lim.ReadHeader,
		ReadTimeout:       lim.Read,
		WriteTimeout:      lim.Write,
		IdleTimeout:       lim.Idle,
	}
	stop := context.AfterFunc(ctx, func() { hs.Close() })
	defer stop()
	err := hs.Serve(newLimitListener(ln, lim.MaxConns))
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// limitListener accepts at most cap(slots) connections at once; Accept
// waits for one to close before it accepts the next.
type limitListener struct {
	net.Listener
	slots     chan struct{}
	done      chan struct{} // closed by Close, to end a waiting Accept
	closeOnce sync.Once
}

func newLimitListener(ln net.Listener, n int) *limitListener {
	return &limitListener{Listener: ln, slots: make(chan struct{}, n), done: make(chan struct{})}
}

func (l *limitListener) Accept() (net.Conn, error) {
	select {
	case l.slots <- struct{}{}:
	case <-l.done:
		return nil, net.ErrClosed
	}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.slots
		return nil, err
	}
	return &limitedConn{Conn: c, release: func() { <-l.slots }}, nil
}

func (l *limitListener) Close() error {
	l.closeOnce.Do(func() { close(l.done) })
	return l.Listener.Close()
}

// limitedConn gives its slot back when it is first closed.
type limitedConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *limitedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
}
