package site

import (
	"fmt"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
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
// and the security headers on every response.
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
