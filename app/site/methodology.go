package site

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/infercost/infercost/app"
	"github.com/infercost/infercost/docs"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// The methodology (docs/methodology.md) is rendered at build time into a
// page of the site, /web/methodology.html, which the worker caches with the
// app: the results link to its sections (app.MethodologyPath), offline too.
// goldmark runs here, in the build, never in app.wasm.

// writeMethodology renders the methodology page into the site.
func writeMethodology(out, base string) error {
	page, err := methodologyPage(docs.Methodology, base)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(app.MethodologyPath, "/"))), page, 0o644)
}

// methodologyPage is the whole HTML page: the site's stylesheet, a way
// back to the calculator, and the document with an id on every heading
// (headingIDs).
func methodologyPage(md []byte, base string) ([]byte, error) {
	var body bytes.Buffer
	conv := goldmark.New(goldmark.WithExtensions(extension.Table), goldmark.WithParserOptions(parser.WithAutoHeadingID()))
	ctx := parser.NewContext(parser.WithIDs(&headingIDs{seen: map[string]bool{}}))
	if err := conv.Convert(md, &body, parser.WithContext(ctx)); err != nil {
		return nil, fmt.Errorf("rendering the methodology: %w", err)
	}
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n  <head>\n    " + charsetMeta + "\n")
	b.WriteString(`    <meta name="viewport" content="width=device-width, initial-scale=1">` + "\n")
	b.WriteString("    <title>How infercost computes its numbers</title>\n")
	b.WriteString(`    <link rel="stylesheet" href="` + html.EscapeString(base) + `/web/infercost.css" type="text/css">` + "\n")
	b.WriteString("  </head>\n  <body>\n    <main class=\"methodology\" id=\"methodology\">\n")
	b.WriteString(`      <p class="no-print"><a href="` + html.EscapeString(base) + `/">← Back to the calculator</a></p>` + "\n")
	b.Write(body.Bytes())
	b.WriteString("    </main>\n  </body>\n</html>\n")
	return b.Bytes(), nil
}

// headingIDs gives each heading the slug of its words before any
// parenthesis: "Throughput (`engine/throughput.go`)" is "throughput",
// "Cost per option kind" is "cost-per-option-kind". The app links to these
// (app.MethodologyAnchors; a test checks every one exists).
type headingIDs struct{ seen map[string]bool }

func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	s := string(value)
	if i := strings.Index(s, "("); i > 0 {
		s = s[:i]
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	id := b.String()
	if id == "" {
		id = "section"
	}
	for n, try := 2, id; ; n++ {
		if !h.seen[try] {
			h.seen[try] = true
			return []byte(try)
		}
		try = fmt.Sprintf("%s-%d", id, n)
	}
}

func (h *headingIDs) Put(value []byte) { h.seen[string(value)] = true }
