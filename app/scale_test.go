package app

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestNiceTicks(t *testing.T) {
	for _, tc := range []struct{ max, want string }{
		{"17520", "0 5000 10000 15000 20000"},
		{"100", "0 20 40 60 80 100"},
		{"0.5468", "0 0.1 0.2 0.3 0.4 0.5 0.6"},
		{"3", "0 0.5 1 1.5 2 2.5 3"},
		{"9839611.6", "0 2000000 4000000 6000000 8000000 10000000"},
		{"0", "0 1"},
	} {
		var got []string
		for _, v := range niceTicks(decimal.RequireFromString(tc.max)) {
			got = append(got, v.String())
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("niceTicks(%s) = %v, want %s", tc.max, got, tc.want)
		}
	}
}

func TestLinear(t *testing.T) {
	l := linear{decimal.NewFromInt(200), 100, 0}
	if got := l.at(decimal.NewFromInt(50)); got != 75 {
		t.Errorf("at(50) = %v", got)
	}
}
