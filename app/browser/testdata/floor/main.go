// Command floor is the bare go-app page (testdata/baseline) that builds
// infercost's first screen as go-app builds it, node by node: the body of
// the site's prerendered index.html (the default example's inputs and
// results, as the app's first render makes them), given to it as the
// string page (page.go, replaced at build time by TestBenchLoadsAB through
// -overlay). Built with -tags engine it also runs what infercost runs
// before its first render: the engine's package start-up and the default
// example's first evaluation. Its load time is the floor of infercost's
// with go-app: the same DOM and the same engine work, none of the app's
// own code.
package main

import (
	"html"
	"strings"

	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
)

type floor struct {
	ga.Compo
	root ga.UI
}

func (f *floor) OnInit() {
	firstEvaluation()
	f.root = build(page)
}

func (f *floor) OnMount(ga.Context) { mark("mounted") }

func (f *floor) Render() ga.UI { return f.root }

func mark(name string) { ga.Window().Get("performance").Call("mark", "infercost:"+name) }

func main() {
	mark("main")
	ga.Route("/", func() ga.Composer { return &floor{} })
	ga.RunWhenOnBrowser()
}

// void elements have no closing tag.
var void = map[string]bool{"img": true, "input": true, "br": true, "hr": true, "meta": true, "link": true, "wbr": true, "col": true, "source": true}

// build turns well-formed HTML as go-app writes it (quoted attributes, no
// comments) into go-app elements, one root holding everything.
func build(s string) ga.UI {
	type open struct {
		el   ga.HTMLElem
		body []ga.UI
	}
	stack := []*open{{el: ga.Elem("div").ID("floor")}}
	for s != "" {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			i = len(s)
		}
		if t := strings.TrimSpace(s[:i]); t != "" {
			top := stack[len(stack)-1]
			top.body = append(top.body, ga.Text(html.UnescapeString(t)))
		}
		s = s[i:]
		if s == "" {
			break
		}
		end := strings.IndexByte(s, '>')
		tag := s[1:end]
		s = s[end+1:]
		if strings.HasPrefix(tag, "/") {
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			parent := stack[len(stack)-1]
			parent.body = append(parent.body, top.el.Body(top.body...))
			continue
		}
		name, attrs, _ := strings.Cut(tag, " ")
		el := ga.Elem(name) // the page has no SVG: the charts come after the first render
		for attrs = strings.TrimSpace(attrs); attrs != ""; attrs = strings.TrimSpace(attrs) {
			k, rest, hasEq := strings.Cut(attrs, "=")
			if sp := strings.IndexByte(k, ' '); sp >= 0 || !hasEq { // a bare attribute comes first
				if sp < 0 {
					sp = len(attrs)
				}
				el = el.Attr(attrs[:sp], true)
				attrs = attrs[sp:]
				continue
			}
			q := strings.IndexByte(rest[1:], '"')
			el = el.Attr(k, html.UnescapeString(rest[1:1+q]))
			attrs = rest[q+2:]
		}
		if void[name] {
			top := stack[len(stack)-1]
			top.body = append(top.body, el)
			continue
		}
		stack = append(stack, &open{el: el})
	}
	return stack[0].el.Body(stack[0].body...)
}
