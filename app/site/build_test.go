package site

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildWritesMetaCSP checks that the built page carries the policy as a
// meta tag ahead of every link and script (a meta policy only governs what
// follows it), in its precompressed copies too.
func TestBuildWritesMetaCSP(t *testing.T) {
	wasm := filepath.Join(t.TempDir(), "app.wasm")
	if err := os.WriteFile(wasm, []byte("\x00asm\x01\x00\x00\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if _, err := Build(Options{Out: out, Base: "/repo", Version: "v-meta", Wasm: wasm, Fast: true}); err != nil {
		t.Fatal(err)
	}
	tag := `<meta http-equiv="Content-Security-Policy" content="` + MetaContentSecurityPolicy() + `">`
	b, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	at := strings.Index(page, tag)
	if at < 0 || strings.Count(page, "Content-Security-Policy") != 1 {
		t.Fatalf("index.html has not the one tag %s:\n%.600s", tag, page)
	}
	for _, first := range []string{"<link", "<script", "<style"} {
		if i := strings.Index(page, first); i >= 0 && i < at {
			t.Errorf("index.html has a %s before the policy", first)
		}
	}
	// app.wasm's preload follows the policy, before the stylesheets and
	// scripts, at the address app.js fetches (the browser test
	// TestWasmDownloadedOnce checks that the fetch reuses it).
	preload := `<link rel="preload" href="/repo/web/app.wasm" as="fetch" type="application/wasm" crossorigin="anonymous">`
	if i := strings.Index(page, preload); i < at || i > strings.Index(page, "<link ") || strings.Count(page, `rel="preload"`) != 1 {
		t.Errorf("index.html has not the one preload %s right after the policy", preload)
	}
	if js, err := os.ReadFile(filepath.Join(out, "app.js")); err != nil || !strings.Contains(string(js), `("/repo/web/app.wasm"`) {
		t.Errorf("app.js does not fetch the preloaded /repo/web/app.wasm (%v)", err)
	}
	f, err := os.Open(filepath.Join(out, "index.html.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	if gz, err := io.ReadAll(z); err != nil || string(gz) != page {
		t.Errorf("index.html.gz is not index.html (%v)", err)
	}
}

// TestAddMetaCSPNeedsCharset checks that a page go-app wrote differently
// stops the build instead of shipping without the policy.
func TestAddMetaCSPNeedsCharset(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(`<html><head><meta charset="utf-8"></head></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := addMetaCSP(dir, ""); err == nil {
		t.Error("no error for a page without go-app's charset tag")
	}
}
