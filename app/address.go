package app

import (
	"net/url"
	"strings"

	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The address bar is read here and nowhere else.
//
// go-app reads the address with url.Parse and ignores its error: for an
// address url.Parse refuses (a fragment such as "#%" or "#1r.n=100%"), it
// gets a nil URL and its navigation panics, which ends the program before
// the first render, or when such a link is pasted later. GuardAddress makes
// every address parseable before go-app reads it, and remembers what the
// user really opened, so that the calculator decodes the link exactly as it
// was typed: percent escapes are decoded once, by the link decoder, as
// `infercost eval` does with the same text.

// opened is the last address GuardAddress had to rewrite: fixed is the
// fragment as it now stands in the address bar, raw the one the user opened.
var opened struct{ fixed, raw string }

// GuardAddress rewrites the current address if url.Parse refuses it, now and
// before go-app handles every later change of the address (a pasted link,
// back and forward). Call it before ga.RunWhenOnBrowser: a listener added
// first runs before go-app's own onpopstate handler.
func GuardAddress() {
	if !ga.IsClient {
		return
	}
	guardAddress()
	ga.Window().Call("addEventListener", "popstate", ga.FuncOf(func(ga.Value, []ga.Value) any {
		guardAddress()
		return nil
	}))
}

func guardAddress() {
	loc := ga.Window().Get("location")
	href := loc.Get("href").String()
	fixed, changed := ParseableURL(href)
	if !changed {
		return
	}
	raw := strings.TrimPrefix(loc.Get("hash").String(), "#")
	ga.Window().Get("history").Call("replaceState", ga.Window().Get("history").Get("state"), "", fixed)
	opened.fixed = strings.TrimPrefix(ga.Window().Get("location").Get("hash").String(), "#")
	opened.raw = raw
}

// ParseableURL returns href in a form url.Parse accepts: every "%" that does
// not start a valid escape is written "%25". If that is not enough, the
// fragment and query are dropped (the fragment is still read from what the
// user opened: see openedFragment). changed is false when href parses as it
// is.
func ParseableURL(href string) (fixed string, changed bool) {
	if _, err := url.Parse(href); err == nil {
		return href, false
	}
	var b strings.Builder
	for i := 0; i < len(href); i++ {
		if href[i] == '%' && !(i+2 < len(href) && isHex(href[i+1]) && isHex(href[i+2])) {
			b.WriteString("%25")
			continue
		}
		b.WriteByte(href[i])
	}
	fixed = b.String()
	if _, err := url.Parse(fixed); err == nil {
		return fixed, true
	}
	base, _, _ := strings.Cut(href, "#")
	base, _, _ = strings.Cut(base, "?")
	if _, err := url.Parse(base); err == nil {
		return base, true
	}
	return "/", true
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// openedFragment is the link fragment (without "#") exactly as the user
// opened it: location.hash, percent escapes untouched, or, where
// GuardAddress had to rewrite it, the original text.
func openedFragment() string {
	if !ga.IsClient {
		return ""
	}
	h := strings.TrimPrefix(ga.Window().Get("location").Get("hash").String(), "#")
	if opened.fixed != "" && h == opened.fixed {
		return opened.raw
	}
	return h
}

// setFragment puts a link fragment in the address bar without a history
// entry, keeping the path and query.
func setFragment(frag string) {
	if !ga.IsClient {
		return
	}
	ga.Window().Get("history").Call("replaceState", ga.Window().Get("history").Get("state"), "", "#"+frag)
	opened.fixed, opened.raw = "", ""
}

// shareURL is the address of the page (without its query) with a link
// fragment.
func shareURL(frag string) string {
	if !ga.IsClient {
		return "#" + frag
	}
	loc := ga.Window().Get("location")
	return loc.Get("origin").String() + loc.Get("pathname").String() + "#" + frag
}
