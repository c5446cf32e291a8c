package engine

import (
	"math/big"

	"github.com/shopspring/decimal"
)

// The finance view (docs/methodology.md, "The finance view"): each
// option's cash flows discounted at the scenario's discount rate.
//
// Each month's cash counts at the month's end: the cash flow of month m
// (1 for the first) is CF_m = revenue_m − cash cost_m (−cash cost_m
// without revenue), and its present value is CF_m × v^m, with v^m from
// discountFactors. Each month's present value is rounded to Prec places.

// IRR search bounds, as monthly rates: from −30 % a month (−98.6 % a year)
// to +50 % a month (+12,875 % a year).
var (
	irrMonthlyLow  = decimal.RequireFromString("-0.3")
	irrMonthlyHigh = decimal.RequireFromString("0.5")
	half           = decimal.RequireFromString("0.5")
)

// irrWidth is the bracket's width at which the search stops: 0.8 / 2^34,
// under 5 × 10^−11 a month, so the midpoint is within 2.4 × 10^−11 of the
// root, and the annual rate, (1 + i)^12 − 1, within 12 × 1.5^11 × 2.4 ×
// 10^−11 < 2.5 × 10^−8 of the exact one at the top of the range.
var irrWidth = decimal.RequireFromString("0.8").Div(decimal.NewFromInt(1 << 34))

// irrSteps bounds the search: any four steps in a row at least halve the
// bracket (bracket), so 4 × 34 + 3 steps reach irrWidth whatever the cash
// flows; the chord usually gets there in about thirteen, against 34
// halvings for plain bisection.
const irrSteps = 4*34 + 3

// IRRPlaces is the decimal places of the annual IRR reported: a millionth,
// well above the search's error.
const IRRPlaces = 6

// IRR notes: why an option with revenue has no internal rate of return.
const (
	IRRNoSignChange = "none: the cash flows never change sign"
	IRRAbove        = "above +12,875 % a year"
	IRRBelow        = "below −98.6 % a year"
	IRRAmbiguous    = "none found: the cash flows change sign more than once, so there may be none or several"
	IRROneOfSeveral = "the cash flows change sign more than once: this is one of possibly several rates"
)

// finance fills an option's net present cost, the cumulative discounted
// cash of each month and, with revenue, its NPV, discounted payback month
// and IRR. discount holds v^m for each month, pvRevenue the present value
// of the revenue (the same for every option: plan.presentRevenue).
func (p *plan) finance(or *OptionResult, discount []decimal.Decimal, pvRevenue decimal.Decimal) {
	var cum decimal.Decimal
	var flows []decimal.Decimal
	if p.revenue != nil && !p.lean() {
		flows = make([]decimal.Decimal, len(or.Months))
	}
	draw := p.drawing() // reads the total, not each month's
	coef := p.discountCoef
	if len(coef) != len(discount) {
		coef = coefficients(discount)
	}
	var sum presentSum
	for m := range or.Months {
		row := &or.Months[m]
		var revenue decimal.Decimal
		if p.revenue != nil {
			revenue = row.Revenue
		}
		sum.addNet(revenue, row.CashCost, discount[m], coef[m])
		if flows != nil { // revenue − cash cost, as addNet made it
			flows[m] = wrap(newInt().Set(&sum.c), sum.e)
		}
		if !draw {
			row.CumulativeDiscountedCash = sum.value()
		}
	}
	if len(or.Months) > 0 {
		cum = sum.value()
	}
	// cum is the net present value: revenue's present value less the
	// cash cost's, each month's difference discounted and rounded once.
	if p.revenue == nil {
		or.NetPresentCost = cum.Neg()
		return
	}
	or.NPV = ptr(cum)
	if p.lean() { // the Monte Carlo's draws read the NPV only
		return
	}
	or.NetPresentCost = pvRevenue.Sub(cum)
	or.DiscountedPaybackMonth = staysNonNegative(or.Months, func(m *Month) decimal.Decimal { return m.CumulativeDiscountedCash })
	or.IRR, or.IRRNote = irr(flows)
}

// presentRevenue is the present value of the revenue of the months:
// Σ revenue_m × v^m, each term rounded to Prec places (in place, as the
// costs' present values are: presentSum).
func presentRevenue(months []demand, discount []decimal.Decimal) decimal.Decimal {
	var pv presentSum
	for m := range months {
		pv.add(months[m].revenue, discount[m], coef(discount[m]))
	}
	return pv.value()
}

// staysNonNegative is the first month from which value stays at or above
// zero to the horizon, or nil.
func staysNonNegative(months []Month, value func(*Month) decimal.Decimal) *int {
	found := 0
	for i := len(months) - 1; i >= 0; i-- {
		if value(&months[i]).Sign() < 0 {
			break
		}
		found = months[i].Month
	}
	if found == 0 {
		return nil
	}
	return &found
}

// bracket narrows [lo, hi], whose present values fLo and fHi have opposite
// signs, to irrWidth around the root: by the chord (regula falsi, with the
// Illinois rule: an end kept twice in a row has its value halved, so both
// ends move), and by halving instead whenever the last three steps did not
// halve the bracket, so it never takes more than irrSteps steps. Every step is
// exact decimal arithmetic on the rates; the chord's fraction is rounded
// to 12 places and the new rate to Prec + 6, so no number grows.
func bracket(flows []*big.Int, lo, hi decimal.Decimal, fLo, fHi *big.Int) (decimal.Decimal, decimal.Decimal) {
	sLo := fLo.Sign()
	kept := 0 // which end was kept last (−1 lo, +1 hi)
	var widths [irrSteps]decimal.Decimal
	for n := range irrSteps {
		// (fastdec's helpers: decimal's methods, digit for digit.)
		width := sub(hi, lo)
		if cmp(width, irrWidth) <= 0 {
			break
		}
		widths[n] = width
		m := mul(add(lo, hi), half)
		// The chord, unless the last three steps did not halve the bracket.
		if n < 3 || cmp(mul(width, two), widths[n-3]) <= 0 {
			frac := quo(wrap(fLo, 0), wrap(newInt().Sub(fLo, fHi), 0), 12) // fLo is read, not kept
			if c := roundTo(add(lo, mul(width, frac)), Prec+6); cmp(c, lo) > 0 && cmp(c, hi) < 0 {
				m = c
			}
		}
		fM := presentValue(flows, m)
		switch s := fM.Sign(); {
		case s == 0:
			return m, m
		case s == sLo:
			lo, fLo = m, fM
			if kept == 1 {
				fHi.Rsh(fHi, 1) // Illinois: hi kept twice
			}
			kept = 1
		default:
			hi, fHi = m, fM
			if kept == -1 {
				fLo.Rsh(fLo, 1)
			}
			kept = -1
		}
	}
	return lo, hi
}

// irr is the annual internal rate of return of monthly cash flows (flows[k]
// at the end of month k+1): the rate at which their present value is zero.
// It finds a monthly rate i between irrMonthlyLow and irrMonthlyHigh
// (bracket: a bracketing search to irrWidth, the present value's sign in
// fixed point, presentValue) and returns (1 + i)^12 − 1 rounded to IRRPlaces places. It
// returns nil and the reason when the flows never change sign, or when
// their present value has the same sign at both ends of the range: with
// one change of sign there is exactly one rate (Descartes' rule of signs
// on the polynomial in 1/(1 + i)), above the range when the present value
// there still has the sign of the last flows, below it otherwise; with
// more, there may be none or several (an odd number when the signs at
// the ends differ: bisection finds one, and the note says so).
func irr(cash []decimal.Decimal) (*decimal.Decimal, string) {
	changes, last := 0, 0 // sign changes, the sign of the last non-zero flow
	for _, f := range cash {
		if s := f.Sign(); s != 0 {
			if last != 0 && s != last {
				changes++
			}
			last = s
		}
	}
	if changes == 0 {
		return nil, IRRNoSignChange
	}
	flows := make([]*big.Int, len(cash))
	for k := range cash {
		flows[k] = fixed(cash[k])
	}
	lo, hi := irrMonthlyLow, irrMonthlyHigh
	fLo, fHi := presentValue(flows, lo), presentValue(flows, hi)
	sLo, sHi := fLo.Sign(), fHi.Sign()
	switch {
	case sLo == 0:
		hi = lo
	case sHi == 0:
		lo = hi
	case sLo == sHi && changes == 1 && sHi == last:
		return nil, IRRAbove
	case sLo == sHi && changes == 1:
		return nil, IRRBelow
	case sLo == sHi:
		return nil, IRRAmbiguous
	default:
		lo, hi = bracket(flows, lo, hi, fLo, fHi)
	}
	i := lo.Add(hi).Mul(half)
	g := one.Add(i)
	a := one
	for range 12 {
		a = a.Mul(g).Round(Prec)
	}
	r := a.Sub(one).Round(IRRPlaces)
	if changes > 1 {
		return &r, IRROneOfSeveral
	}
	return &r, ""
}

// presentValue is Σ flows[k] / (1 + i)^(k+1), by Horner's rule on x =
// 1/(1 + i): ((flows[n−1]·x + flows[n−2])·x + … + flows[0])·x, in binary
// fixed point: every number is an integer count of 2^−fixedBits (flows
// and x truncated to that once, fixed), and each step's product is
// truncated to it by a shift. The integers are reused, so a step
// allocates nothing, and a shift costs far less than a decimal division:
// the bisection evaluates this 36 times a horizon. Only its sign is used.
func presentValue(flows []*big.Int, i decimal.Decimal) *big.Int {
	x := fixed(one.DivRound(one.Add(i), rootPrec))
	s, t := new(big.Int), new(big.Int)
	for k := len(flows) - 1; k >= 0; k-- {
		s.Add(s, flows[k])
		t.Mul(s, x)
		s.Rsh(t, fixedBits)
	}
	return s
}

// fixedBits is the binary precision of presentValue: 2^−96 is about
// 1.3 × 10^−29, finer than Prec.
const fixedBits = 96

// fixed is d in units of 2^−fixedBits, truncated towards −∞ (Rsh of a
// negative number) or 0 (Quo): an error under 2^−fixedBits either way.
func fixed(d decimal.Decimal) *big.Int {
	v := new(big.Int).Lsh(coef(d), fixedBits)
	e := d.Exponent()
	switch {
	case e >= 0:
		return v.Mul(v, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(e)), nil))
	case -e < int32(len(pow10)):
		var r big.Int
		divPow10(v, int(-e), &r) // Quo's quotient, a word of digits at a time
		return v
	}
	return v.Quo(v, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-e)), nil))
}

// presentSum adds present values month by month: Σ round(CF_m × v^m,
// Prec), in integers at Prec places, the same digits (and exponent) as
// adding roundTo(CF_m.Mul(v^m), Prec) as decimals, with no allocation a
// month once its integers have grown (a draw's NPV discounts every month
// of every option).
type presentSum struct {
	acc, c, t, r big.Int
	e            int32 // c's exponent: c × 10^e is the last cash flow added
}

// add adds round(cf × v, Prec); vc is v's coefficient.
func (s *presentSum) add(cf, v decimal.Decimal, vc *big.Int) {
	s.c.Set(coef(cf))
	s.addCoef(cf.Exponent(), v, vc)
}

// addNet adds round((in − out) × v, Prec), the difference made in place.
func (s *presentSum) addNet(in, out, v decimal.Decimal, vc *big.Int) {
	ei, eo := int(in.Exponent()), int(out.Exponent())
	e := min(ei, eo)
	if ei-e >= len(pow10) || eo-e >= len(pow10) {
		s.add(in.Sub(out), v, vc)
		return
	}
	s.c.Mul(coef(in), pow10[ei-e])
	s.t.Mul(coef(out), pow10[eo-e])
	s.c.Sub(&s.c, &s.t)
	s.addCoef(int32(e), v, vc)
}

// addCoef adds round(c × 10^e × v, Prec) for the coefficient c in s.c.
func (s *presentSum) addCoef(e int32, v decimal.Decimal, vc *big.Int) {
	s.e = e
	s.t.Mul(&s.c, vc)
	k := int(-Prec - e - v.Exponent()) // places to drop
	switch {
	case k >= len(pow10):
		s.t.Set(roundTo(decimal.NewFromBigInt(&s.c, e).Mul(v), Prec).Coefficient())
	case k > 0: // half away from zero, as roundTo
		dropDigits(&s.t, k, &s.r)
	case k < 0:
		for k < 0 {
			d := min(-k, wordDigits)
			s.t.Mul(&s.t, pow10[d])
			k += d
		}
	}
	s.acc.Add(&s.acc, &s.t)
}

// value is the sum so far, at Prec places.
func (s *presentSum) value() decimal.Decimal {
	return wrap(newInt().Set(&s.acc), -Prec)
}

// coefficients are the coefficients of the discount factors, which
// presentSum multiplies by.
func coefficients(discount []decimal.Decimal) []*big.Int {
	c := make([]*big.Int, len(discount))
	for m := range discount {
		c[m] = coef(discount[m]) // read only
	}
	return c
}
