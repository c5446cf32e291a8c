package app

import (
	"strings"
	"testing"

	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// TestFigureText: each number with its "%" or power unit is one span, the
// rest plain text, and the text as a whole is the engine's, unchanged.
func TestFigureText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"$553,648 (71.0 %)", "$553,648 (<71.0 %>)"},
		{"at −20 %, $0.6084 at +20 %), peak", "at −<20 %>, $0.6084 at +<20 %>), peak"},
		{"rented: 0.7 kW board power × 1.6 = 1.12 kW all-in", "rented: <0.7 kW> board power × 1.6 = <1.12 kW> all-in"},
		{"(1,000 MW is 1 GW).", "(<1,000 MW> is <1 GW>)."},
		{"GB200, 1 GW in three tranches", "GB200, <1 GW> in three tranches"},
		{"12 Watts, 5 Ways, 3 %", "12 Watts, 5 Ways, <3 %>"},
		{"no figure here", "no figure here"},
		{"100 %", "<100 %>"},
		{"", ""},
	} {
		// Each span as <…>, the text around it as it is.
		var b strings.Builder
		for _, ui := range figureText(tc.in) {
			b.WriteString(ga.HTMLString(ui))
		}
		got := strings.NewReplacer(`<span class="fig">`, "<", "</span>", ">").Replace(b.String())
		if got != tc.want {
			t.Errorf("figureText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
