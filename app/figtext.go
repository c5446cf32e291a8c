package app

import (
	"strings"

	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// figureText is s as page text in which no figure breaks across lines: a
// number with its "%" or power unit ("71.0 %", "1,000 MW") is a span that
// does not wrap (.fig in web/infercost.css), so a narrow screen never
// shows "(71.0" on one line and "%)" on the next. The text read or copied
// is s unchanged: the engine's strings, and so the CSV and the CLI, keep
// their ordinary spaces.
func figureText(s string) []ga.UI {
	var out []ga.UI
	last := 0 // s[:last] is in out
	for i := 1; i+1 < len(s); i++ {
		if s[i] != ' ' || !isDigit(s[i-1]) {
			continue
		}
		n := unitAt(s, i+1)
		if n == 0 {
			continue
		}
		start := i - 1 // the number's first digit
		for start > last && (isDigit(s[start-1]) || s[start-1] == ',' || s[start-1] == '.') {
			start--
		}
		if start > last {
			out = append(out, ga.Text(s[last:start]))
		}
		last = i + 1 + n
		out = append(out, ga.Span().Class("fig").Text(s[start:last]))
		i = last - 1
	}
	if last == 0 {
		return []ga.UI{ga.Text(s)}
	}
	if last < len(s) {
		out = append(out, ga.Text(s[last:]))
	}
	return out
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// unitAt is the length of the "%" or power unit at s[j:] (0 when there is
// none): "%", or kW, MW, GW or W ending a word.
func unitAt(s string, j int) int {
	for _, u := range []string{"%", "kW", "MW", "GW", "W"} {
		if !strings.HasPrefix(s[j:], u) {
			continue
		}
		end := j + len(u)
		if u == "%" || end == len(s) || !(s[end] >= 'a' && s[end] <= 'z' || s[end] >= 'A' && s[end] <= 'Z') {
			return len(u)
		}
	}
	return 0
}
