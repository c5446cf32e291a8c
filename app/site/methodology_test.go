package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/infercost/infercost/app"
	"github.com/infercost/infercost/docs"
)

// TestMethodologyPage: the page renders the whole document, gives each
// heading the id the app links to, and links back to the calculator and to
// the stylesheet under the site's base.
func TestMethodologyPage(t *testing.T) {
	page, err := methodologyPage(docs.Methodology, "/repo")
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	for _, a := range app.MethodologyAnchors {
		if !strings.Contains(s, `id="`+a+`"`) {
			t.Errorf("no section with id %q: a result links to it", a)
		}
	}
	for _, want := range []string{
		`<h1 id="how-infercost-computes-its-numbers">How infercost computes its numbers</h1>`,
		`<h2 id="throughput">Throughput (<code>engine/throughput.go</code>)</h2>`,
		`<a href="/repo/">← Back to the calculator</a>`,
		`href="/repo/web/infercost.css"`,
		"<table>",                             // the document's tables are tables, not text
		"CUTLASS\n# Hopper: use TRITON&quot;", // a wrapped line that begins with "#", escaped
	} {
		if !strings.Contains(s, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	// One title: a line of the document that begins with "#" inside a
	// paragraph (a wrapped code comment) would render as a second <h1>.
	if n := strings.Count(s, "<h1"); n != 1 {
		t.Errorf("%d <h1> headings, want 1 (a wrapped line starts with \"#\"?)", n)
	}
	if n := strings.Count(s, charsetMeta); n != 1 {
		t.Errorf("%d charset metas, want 1 (addMetaCSP puts the policy after it)", n)
	}
	// Every heading of the document is in the page.
	for _, line := range strings.Split(string(docs.Methodology), "\n") {
		if h, ok := strings.CutPrefix(line, "## "); ok && !strings.Contains(s, ">"+strings.ReplaceAll(strings.Split(h, " (`")[0], "&", "&amp;")) {
			t.Errorf("heading %q missing", h)
		}
	}
}

// TestBuildWritesMethodology: the built site has the page, with the
// content security policy, and the worker caches it for offline use.
func TestBuildWritesMethodology(t *testing.T) {
	out := t.TempDir()
	wasm := filepath.Join(t.TempDir(), "app.wasm")
	if err := os.WriteFile(wasm, []byte("\x00asm\x01\x00\x00\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(Options{Out: out, Wasm: wasm, Version: "t", Fast: true}); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(out, "web", "methodology.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `http-equiv="Content-Security-Policy"`) {
		t.Errorf("the methodology page has no content security policy")
	}
	worker, err := os.ReadFile(filepath.Join(out, "app-worker.js"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(worker), `"/web/methodology.html"`) {
		t.Errorf("the worker does not cache the methodology page")
	}
}
