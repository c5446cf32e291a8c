package app

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// appSource is the text of the package's Go files, tests aside.
func appSource(t *testing.T) string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(data)
	}
	return b.String()
}

// TestChartMethods: every chart the page draws (each call of figure) links
// to the methodology's sections that compute it, each an id of
// MethodologyAnchors (whose existence app/site's TestMethodologyPage
// checks), and no entry of chartMethods is left without its chart.
func TestChartMethods(t *testing.T) {
	src := appSource(t)
	ids := regexp.MustCompile(`c\.figure\("(chart-[a-z-]+)"`).FindAllStringSubmatch(src, -1)
	if len(ids) < 10 {
		t.Fatalf("%d charts found in the source, want the 10 the page draws", len(ids))
	}
	seen := map[string]bool{}
	for _, m := range ids {
		id := m[1]
		seen[id] = true
		refs := chartMethods[id]
		if len(refs) == 0 {
			t.Errorf("chart %s links to no section of the methodology", id)
		}
		for _, r := range refs {
			if !slices.Contains(MethodologyAnchors, r.anchor) {
				t.Errorf("chart %s links to #%s, not in MethodologyAnchors", id, r.anchor)
			}
			if r.text == "" {
				t.Errorf("chart %s: a link to #%s without words", id, r.anchor)
			}
		}
	}
	for id := range chartMethods {
		if !seen[id] {
			t.Errorf("chartMethods names %s, which no figure draws", id)
		}
	}
}

// TestMethodologyLinksUsed: every link to the methodology (howLink, and
// the charts' chartMethods) goes to an id of MethodologyAnchors, and every
// one of those is linked to from somewhere: the list is what the page
// links to, no more, no less. The results' sections that must carry a
// link are checked in the browser (TestMethodologyLinks).
func TestMethodologyLinksUsed(t *testing.T) {
	used := map[string]bool{}
	for _, m := range regexp.MustCompile(`howLink\("([^"]*)"`).FindAllStringSubmatch(appSource(t), -1) {
		used[m[1]] = true
	}
	if len(used) == 0 {
		t.Fatal("no howLink call found")
	}
	for _, refs := range chartMethods {
		for _, r := range refs {
			used[r.anchor] = true
		}
	}
	for a := range used {
		if !slices.Contains(MethodologyAnchors, a) {
			t.Errorf("a link goes to #%s, not in MethodologyAnchors (so not checked to exist)", a)
		}
	}
	for _, a := range MethodologyAnchors {
		if !used[a] {
			t.Errorf("#%s is in MethodologyAnchors, but nothing links to it", a)
		}
	}
}
