package app

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// Chart geometry. Values stay decimals; only pixel positions, which no
// user reads as a number, are floats. Tick labels are formatted from the
// exact tick values.

// niceTicks returns 0, step, 2·step … up to the first tick ≥ max, with a
// 1-2-5 step giving about four to six ticks.
func niceTicks(max decimal.Decimal) []decimal.Decimal {
	if max.Sign() <= 0 {
		return []decimal.Decimal{decimal.Zero, decimal.NewFromInt(1)}
	}
	// The power of ten just below max/5.
	target := max.Div(decimal.NewFromInt(5))
	exp := int32(len(target.Truncate(0).String())) - 1
	if target.Cmp(decimal.NewFromInt(1)) < 0 {
		exp = target.Exponent()
		for p := decimal.New(1, exp); p.Cmp(target) <= 0; p = decimal.New(1, exp) {
			exp++
		}
		exp--
		for decimal.New(1, exp).Cmp(target) > 0 {
			exp--
		}
	}
	base := decimal.New(1, exp)
	step := base
	for _, m := range []int64{1, 2, 5, 10} {
		step = base.Mul(decimal.NewFromInt(m))
		if step.Mul(decimal.NewFromInt(6)).Cmp(max) >= 0 {
			break
		}
	}
	ticks := []decimal.Decimal{decimal.Zero}
	for v := step; len(ticks) < 12; v = v.Add(step) {
		ticks = append(ticks, v)
		if v.Cmp(max) >= 0 {
			break
		}
	}
	return ticks
}

// linear maps a decimal in [0, max] onto [from, to] pixels.
type linear struct {
	max      decimal.Decimal
	from, to float64
}

func (l linear) at(v decimal.Decimal) float64 {
	if l.max.Sign() == 0 {
		return l.from
	}
	f, _ := v.Div(l.max).Float64()
	return l.from + (l.to-l.from)*f
}

// px formats a pixel coordinate for an SVG attribute.
func px(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }
