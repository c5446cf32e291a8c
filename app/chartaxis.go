package app

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/infercost/infercost/engine"
	"github.com/shopspring/decimal"
)

// Chart axes that never clip a value: a linear axis from 0, or, where the
// values span orders of magnitude, a logarithmic one that says so. Ticks
// are exact decimals; only pixel positions are floats.

// logThreshold is the ratio of the largest to the smallest value above
// which an axis is logarithmic: at 20× a linear axis squeezes the smallest
// values into the bottom twentieth of the plot.
var logThreshold = decimal.NewFromInt(20)

// decadeOf is e such that 10^e ≤ x < 10^(e+1), exactly, for x > 0: with x =
// c·10^k and c of n digits, 10^(n−1+k) ≤ x < 10^(n+k).
func decadeOf(x decimal.Decimal) int32 {
	return int32(len(x.Coefficient().String())) - 1 + x.Exponent()
}

var steps125 = []int64{1, 2, 5}

// floor125 is the largest 1-2-5 value (1, 2 or 5 times a power of ten) at or
// below x; ceil125 the smallest at or above it. x > 0.
func floor125(x decimal.Decimal) decimal.Decimal {
	e := decadeOf(x)
	for i := len(steps125) - 1; i >= 0; i-- {
		if v := decimal.New(steps125[i], e); v.Cmp(x) <= 0 {
			return v
		}
	}
	return decimal.New(1, e)
}

func ceil125(x decimal.Decimal) decimal.Decimal {
	e := decadeOf(x)
	for _, m := range steps125 {
		if v := decimal.New(m, e); v.Cmp(x) >= 0 {
			return v
		}
	}
	return decimal.New(1, e+1)
}

// logTicks are the ticks of a logarithmic axis holding [min, max] (both >
// 0): every 1-2-5 value from floor125(min) to ceil125(max) when that is at
// most eight ticks, else the powers of ten from the one at or below min to
// the one at or above max. The first and last ticks are the axis' ends.
func logTicks(min, max decimal.Decimal) []decimal.Decimal {
	lo, hi := floor125(min), ceil125(max)
	var ticks []decimal.Decimal
	for e := decadeOf(lo); e <= decadeOf(hi); e++ {
		for _, m := range steps125 {
			if v := decimal.New(m, e); v.Cmp(lo) >= 0 && v.Cmp(hi) <= 0 {
				ticks = append(ticks, v)
			}
		}
	}
	if len(ticks) <= 8 {
		return ticks
	}
	ticks = ticks[:0]
	top := decadeOf(max)
	if decimal.New(1, top).Cmp(max) < 0 {
		top++
	}
	for e := decadeOf(min); e <= top; e++ {
		ticks = append(ticks, decimal.New(1, e))
	}
	return ticks
}

// axis maps values onto pixels along one direction, linearly from 0 or
// logarithmically between its first and last ticks.
type axis struct {
	ticks    []decimal.Decimal
	log      bool
	from, to float64
}

// newAxis chooses the axis for values (nil entries are skipped): a
// logarithmic one when every value is positive and the largest is at least
// logThreshold times the smallest, else a linear one from 0. Either way
// every value lies within the axis: nothing is clipped.
func newAxis(values []decimal.Decimal, from, to float64) axis {
	min, max := decimal.Zero, decimal.Zero
	positive := len(values) > 0
	for i, v := range values {
		if i == 0 || v.Cmp(min) < 0 {
			min = v
		}
		max = decimal.Max(max, v)
		positive = positive && v.Sign() > 0
	}
	if positive && max.Cmp(min.Mul(logThreshold)) >= 0 {
		return axis{ticks: logTicks(min, max), log: true, from: from, to: to}
	}
	return axis{ticks: niceTicks(max), from: from, to: to}
}

func (a axis) top() decimal.Decimal { return a.ticks[len(a.ticks)-1] }

func (a axis) at(v decimal.Decimal) float64 {
	if !a.log && a.ticks[0].Sign() < 0 { // a signed axis (signedAxis)
		return linear{a.top().Sub(a.ticks[0]), a.from, a.to}.at(v.Sub(a.ticks[0]))
	}
	if !a.log {
		return linear{a.top(), a.from, a.to}.at(v)
	}
	lg := func(d decimal.Decimal) float64 { f, _ := d.Float64(); return math.Log10(f) }
	lo, hi := lg(a.ticks[0]), lg(a.top())
	if v.Sign() <= 0 || hi == lo {
		return a.from
	}
	return a.from + (a.to-a.from)*(lg(v)-lo)/(hi-lo)
}

// moneyTicks formats an axis' money ticks alike: as many decimal places
// as the finest tick needs (two when it needs one: $0.50, not $0.5), no
// more. Tick values are exact, so nothing is rounded.
func moneyTicks(ticks []decimal.Decimal) func(decimal.Decimal) string {
	places := int32(0)
	for _, t := range ticks {
		if _, frac, ok := strings.Cut(t.String(), "."); ok {
			places = max(places, int32(len(frac)))
		}
	}
	if places == 1 {
		places = 2
	}
	return func(d decimal.Decimal) string { return engine.MoneyFixed(d, places) }
}

// signedAxis is a linear axis for values of either sign (a cumulative
// cash): its ticks are multiples of a 1-2-5 step, from the one at or below
// the smallest value (or 0) to the one at or above the largest (or 0), so
// that nothing is clipped and 0 is a gridline.
func signedAxis(values []decimal.Decimal, from, to float64) axis {
	lo, hi := decimal.Zero, decimal.Zero
	for _, v := range values {
		lo, hi = decimal.Min(lo, v), decimal.Max(hi, v)
	}
	if lo.Sign() >= 0 {
		return axis{ticks: niceTicks(hi), from: from, to: to}
	}
	nt := niceTicks(hi.Sub(lo))
	step := nt[1]
	start := lo.DivRound(step, 0)
	if start.Mul(step).Cmp(lo) > 0 {
		start = start.Sub(decimal.NewFromInt(1))
	}
	var ticks []decimal.Decimal
	for v := start.Mul(step); len(ticks) < 16; v = v.Add(step) {
		ticks = append(ticks, v)
		if v.Cmp(hi) >= 0 {
			break
		}
	}
	return axis{ticks: ticks, from: from, to: to}
}

// fitTicks keeps an axis' labels inside the chart's left margin: when the
// longest plain figure ($, digits, separators) runs past 7 characters, the
// figures at or above a thousand are written with k, M, B or T
// ("$2,500,000,000" is "$2.5B"). Ticks are round (1-2-5 steps or powers of
// ten), so shifting the decimal point is exact. Labels with units
// ("200 kW") keep their own format.
func fitTicks(ticks []decimal.Decimal, format func(decimal.Decimal) string) func(decimal.Decimal) string {
	return fitTicksTo(ticks, format, 7)
}

// fitTicksTo is fitTicks for labels of at most n characters: a narrow
// chart's (n = 5) writes $25,000 as $25k.
func fitTicksTo(ticks []decimal.Decimal, format func(decimal.Decimal) string, n int) func(decimal.Decimal) string {
	long := false
	for _, t := range ticks {
		s := format(t)
		if strings.Trim(s, "−-$0123456789,.") != "" {
			return format
		}
		long = long || utf8.RuneCountInString(s) > n
	}
	if !long {
		return format
	}
	return func(d decimal.Decimal) string {
		s, a := format(d), d.Abs()
		for _, u := range []struct {
			exp    int32
			suffix string
		}{{12, "T"}, {9, "B"}, {6, "M"}, {3, "k"}} {
			if a.Cmp(decimal.New(1, u.exp)) < 0 {
				continue
			}
			sign, cur := "", ""
			if d.Sign() < 0 {
				sign = "−"
			}
			if strings.Contains(s, "$") {
				cur = "$"
			}
			return sign + cur + a.Shift(-u.exp).String() + u.suffix
		}
		return s
	}
}
