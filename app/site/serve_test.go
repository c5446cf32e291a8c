package site

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
