package app

import (
	"strings"
	"testing"

	"github.com/infercost/infercost/engine"
	"github.com/shopspring/decimal"
)

func decs(ss ...string) []decimal.Decimal {
	var out []decimal.Decimal
	for _, s := range ss {
		out = append(out, decimal.RequireFromString(s))
	}
	return out
}

func join(ds []decimal.Decimal) string {
	var s []string
	for _, d := range ds {
		s = append(s, d.String())
	}
	return strings.Join(s, " ")
}

// Worked by hand: 98.98 = 9898·10^−2, four digits, so 10^1 ≤ 98.98 < 10^2.
func TestDecadeOf(t *testing.T) {
	for in, want := range map[string]int32{"98.98": 1, "1": 0, "10": 1, "9.99": 0, "0.2541": -1, "0.05": -2, "100000": 5, "0.001": -3} {
		if got := decadeOf(decimal.RequireFromString(in)); got != want {
			t.Errorf("decadeOf(%s) = %d, want %d", in, got, want)
		}
	}
}

func TestFloorCeil125(t *testing.T) {
	for _, tc := range []struct{ in, floor, ceil string }{
		{"98.98", "50", "100"}, // 50 ≤ 98.98 ≤ 100
		{"0.2541", "0.2", "0.5"},
		{"3", "2", "5"},
		{"2", "2", "2"},
		{"1.5", "1", "2"},
		{"7", "5", "10"},
		{"0.0123", "0.01", "0.02"},
	} {
		x := decimal.RequireFromString(tc.in)
		if got := floor125(x).String(); got != tc.floor {
			t.Errorf("floor125(%s) = %s, want %s", tc.in, got, tc.floor)
		}
		if got := ceil125(x).String(); got != tc.ceil {
			t.Errorf("ceil125(%s) = %s, want %s", tc.in, got, tc.ceil)
		}
	}
}

func TestLogTicks(t *testing.T) {
	for _, tc := range []struct{ min, max, want string }{
		// 0.2541 … 98.98: 1-2-5 from 0.2 to 100 is 0.2 0.5 1 2 5 10 20 50 100,
		// nine ticks: too many, so decades from 0.1 (≤ 0.2541) to 100 (≥ 98.98).
		{"0.2541", "98.98", "0.1 1 10 100"},
		// 0.3 … 8: 1-2-5 from 0.2 to 10: 0.2 0.5 1 2 5 10, six ticks.
		{"0.3", "8", "0.2 0.5 1 2 5 10"},
		// 1 … 100 exactly: 1 2 5 10 20 50 100 (seven).
		{"1", "100", "1 2 5 10 20 50 100"},
		// 0.005 … 4000: decades 0.001 … 10000.
		{"0.005", "4000", "0.001 0.01 0.1 1 10 100 1000 10000"},
	} {
		if got := join(logTicks(decimal.RequireFromString(tc.min), decimal.RequireFromString(tc.max))); got != tc.want {
			t.Errorf("logTicks(%s, %s) = %s, want %s", tc.min, tc.max, got, tc.want)
		}
	}
}

func TestNewAxis(t *testing.T) {
	// 98.98 / 0.2541 ≈ 390 ≥ 20: logarithmic, and 98.98 is inside the axis.
	a := newAxis(decs("98.98", "4", "0.2541"), 256, 16)
	if !a.log || join(a.ticks) != "0.1 1 10 100" {
		t.Fatalf("axis = %+v, want logarithmic 0.1 … 100", a)
	}
	// log10 axis from 0.1 (256 px) to 100 (16 px): three decades of 80 px;
	// 10 is two decades up: 256 − 160 = 96.
	if got := a.at(decimal.NewFromInt(10)); got != 96 {
		t.Errorf("at(10) = %v, want 96", got)
	}
	if got := a.at(decimal.RequireFromString("98.98")); got < 16 || got > 17 {
		t.Errorf("at(98.98) = %v, want just below the top (16)", got)
	}
	// 19.9 / 1 < 20: linear from 0 to 20.
	if b := newAxis(decs("1", "19.9"), 256, 16); b.log || b.top().String() != "20" {
		t.Errorf("axis = %+v, want linear to 20", b)
	}
	// A zero cannot sit on a logarithmic axis: linear.
	if b := newAxis(decs("0", "100"), 256, 16); b.log {
		t.Errorf("axis with a zero is logarithmic")
	}
}

func TestMoneyTicks(t *testing.T) {
	for _, tc := range []struct{ ticks, want string }{
		{"0.1 1 10 100", "$0.10 $1.00 $10.00 $100.00"},
		{"0 0.5 1 1.5", "$0.00 $0.50 $1.00 $1.50"},
		{"0 5000 10000", "$0 $5,000 $10,000"},
		{"0.001 0.01", "$0.001 $0.010"},
	} {
		ticks := decs(strings.Fields(tc.ticks)...)
		f := moneyTicks(ticks)
		var got []string
		for _, d := range ticks {
			got = append(got, f(d))
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("moneyTicks(%s) = %s, want %s", tc.ticks, strings.Join(got, " "), tc.want)
		}
	}
}

// TestFitTicks: short labels stay as they are; past 7 characters, figures
// of a thousand or more take k, M, B, T (exact: the ticks are round);
// labels with units are left alone.
func TestFitTicks(t *testing.T) {
	money := func(d decimal.Decimal) string { return engine.Money(d) }
	for _, tc := range []struct {
		ticks []decimal.Decimal
		f     func(decimal.Decimal) string
		want  string
	}{
		{decs("0", "10000", "20000", "30000"), money, "$0|$10,000|$20,000|$30,000"},
		{decs("0", "500000000", "1000000000", "2500000000"), money, "$0|$500M|$1B|$2.5B"},
		{decs("0.01", "1", "100", "10000", "1000000"), money, "$0.0100|$1.00|$100.00|$10k|$1M"},
		{decs("-2000000", "0", "2000000", "4000000000000"), money, "−$2M|$0|$2M|$4T"},
		{decs("0", "250000", "500000"), func(d decimal.Decimal) string { return engine.Count(d, 2) }, "0|250,000|500,000"},
		{decs("0", "25000000", "50000000"), func(d decimal.Decimal) string { return engine.Count(d, 2) }, "0|25M|50M"},
		{decs("0", "1500", "3000"), engine.PowerText, engine.PowerText(decimal.Zero) + "|" + engine.PowerText(decimal.RequireFromString("1500")) + "|" + engine.PowerText(decimal.RequireFromString("3000"))},
	} {
		f := fitTicks(tc.ticks, tc.f)
		var got []string
		for _, d := range tc.ticks {
			got = append(got, f(d))
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("%v: %s, want %s", tc.ticks, g, tc.want)
		}
	}
}
