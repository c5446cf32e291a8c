package app

import (
	"strings"

	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// sourceRun is a piece of a text that cites sources: plain text, or an
// address (URL) and the short name it shows as.
type sourceRun struct {
	text, url string
}

// sourceRuns splits s at each web address it cites (the engine's catalog
// gives sources as addresses, alone or inside a sentence). An address ends
// at a space; a comma, full stop, semicolon, colon or closing bracket right
// after it is the sentence's, not the address's.
func sourceRuns(s string) []sourceRun {
	var out []sourceRun
	for s != "" {
		i := addressStart(s)
		if i < 0 {
			out = append(out, sourceRun{text: s})
			break
		}
		if i > 0 {
			out = append(out, sourceRun{text: s[:i]})
		}
		end := i + strings.IndexAny(s[i:]+" ", " \t\n")
		for end > i && strings.ContainsRune(",.;:)]", rune(s[end-1])) {
			end--
		}
		u := s[i:end]
		if short := shortSource(u); short != "" {
			out = append(out, sourceRun{text: short, url: u})
		} else {
			out = append(out, sourceRun{text: u})
		}
		s = s[end:]
	}
	return out
}

// addressStart is where the first http(s) address in s starts, or -1.
func addressStart(s string) int {
	i, j := strings.Index(s, "https://"), strings.Index(s, "http://")
	if i < 0 || (j >= 0 && j < i) {
		return j
	}
	return i
}

// shortSource is the name a source's link shows: the address's host
// without "www." ("lambda.ai", "nvidia.com", "github.com"); "" when u is no
// http(s) address with a host. The whole address is the link's target and
// its title, so it is one click or a hover away and never widens the page.
func shortSource(u string) string {
	rest, ok := strings.CutPrefix(u, "https://")
	if !ok {
		if rest, ok = strings.CutPrefix(u, "http://"); !ok {
			return ""
		}
	}
	host := rest
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	if i := strings.LastIndexByte(host, '@'); i >= 0 { // user@host
		host = host[i+1:]
	}
	if i := strings.IndexByte(host, ':'); i >= 0 { // host:port
		host = host[:i]
	}
	return strings.TrimPrefix(host, "www.")
}

// sourceText is s as page text in which every cited address is a short
// link (shortSource) opening in a new tab, and figures do not break across
// lines (figureText).
func sourceText(s string) []ga.UI {
	var out []ga.UI
	for _, r := range sourceRuns(s) {
		if r.url == "" {
			out = append(out, figureText(r.text)...)
			continue
		}
		out = append(out, ga.A().Class("source").Href(r.url).Title(r.url).Target("_blank").Rel("noopener noreferrer").Text(r.text))
	}
	return out
}
