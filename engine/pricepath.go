package engine

import (
	"sync"

	"github.com/shopspring/decimal"
)

// Price paths and discounting (docs/methodology.md, "Prices over time" and
// "The finance view"). An annual rate of change a (a share a year: −0.3 is
// a price falling 30 % a year) becomes one monthly factor
//
//	f = (1 + a)^(1/12), the 12th root, rounded to Prec places,
//
// taken once; month m (1 for the first month) then carries the factor
// f^(m−1), compounded one month at a time and rounded to Prec places at
// each step, as demand compounds its growth (plan.demand). No power is
// ever taken, so the work and the size of every number stay bounded.
//
// shopspring/decimal's fractional power takes a decimal exponent, and 1/12
// has none (0.08333… is cut somewhere), so the root is found here by
// Newton's method on x^12 = y in rootPrec places: from x0 = 1 + a/12, which
// is never below the root (Bernoulli: (1 + a/12)^12 ≥ 1 + a), each step
// x ← (11x + y/x^11)/12 falls towards the root, quadratically once near
// it, and the loop stops when a step no longer falls (at most rootSteps
// steps; from −0.9 to +1 it takes at most 8, the last confirming). The root is then rounded to Prec
// places: it is within 10^−24 of the true root, and 120 months of
// compounding keep each factor within about 10^−22 of (1 + a)^((m−1)/12).

// rootPrec is the working precision of the 12th root: Prec and some guard
// digits, so that rounding the result to Prec places is exact.
const rootPrec = Prec + 12

// rootSteps bounds Newton's iteration; it converges long before.
const rootSteps = 64

// MinRateOfChange and MaxRateOfChange bound every annual rate of change (a
// price path, the discount rate): a price cannot fall by more than 90 % a
// year, or more than double.
var (
	MinRateOfChange = decimal.RequireFromString("-0.9")
	MaxRateOfChange = one
)

// monthlyFactor is (1 + annual)^(1/12) rounded to Prec places; 1 for a
// zero rate. annual must be within the range above (validation checks it).
func monthlyFactor(annual decimal.Decimal) decimal.Decimal {
	if annual.Sign() == 0 {
		return one
	}
	return root12(one.Add(annual)).Round(Prec)
}

// root12 is the 12th root of y > 0, to rootPrec places, by Newton's method
// from above.
func root12(y decimal.Decimal) decimal.Decimal {
	if y.Sign() <= 0 {
		return zero
	}
	x := one.Add(y.Sub(one).DivRound(twelve, rootPrec)) // 1 + a/12 ≥ the root
	eleven := decimal.NewFromInt(11)
	for range rootSteps {
		p := one // x^11, rounded at each step
		for range 11 {
			p = p.Mul(x).Round(rootPrec)
		}
		if p.Sign() == 0 {
			break
		}
		next := x.Mul(eleven).Add(y.DivRound(p, rootPrec)).DivRound(twelve, rootPrec)
		if next.Cmp(x) >= 0 {
			break // no longer falling: converged at this precision
		}
		x = next
	}
	return x
}

// pathFactors returns the factor of each of the first months months of an
// annual rate of change: factors[0] = 1 (month 1 is at today's price),
// factors[m] = factors[m−1] × f rounded to Prec places. It returns nil for
// a zero rate: no change, and no arithmetic (at and capexAt read nil as 1).
func pathFactors(annual decimal.Decimal, months int) []decimal.Decimal {
	if annual.Sign() == 0 || months <= 0 {
		return nil
	}
	return compound(monthlyFactor(annual), one, months)
}

// compound returns months values: start, start × f, start × f², …, each
// rounded to Prec places.
func compound(f, start decimal.Decimal, months int) []decimal.Decimal {
	out := make([]decimal.Decimal, months)
	x := start
	for m := range out {
		if m > 0 {
			if x = x.Mul(f); x.Exponent() < -Prec {
				x = roundTo(x, Prec)
			}
		}
		out[m] = x
	}
	return out
}

// factorAt is the factor of month index m (0 for month 1) of a path: 1 for
// no path; past the path's end it compounds on from the last month (at
// most maxPathMonths months), so that a caller may look beyond the
// horizon.
func factorAt(path []decimal.Decimal, annual decimal.Decimal, m int) decimal.Decimal {
	switch {
	case path == nil || m <= 0:
		return one
	case m < len(path):
		return path[m]
	}
	m = min(m, maxPathMonths)
	x := path[len(path)-1]
	f := monthlyFactor(annual)
	for range m - len(path) + 1 {
		if x = x.Mul(f); x.Exponent() < -Prec {
			x = roundTo(x, Prec)
		}
	}
	return x
}

// maxPathMonths bounds how far past its start a path is compounded.
const maxPathMonths = 1200

// discountFactors returns, for a discount rate r a year, the present value
// of one dollar paid at the end of each of the first months months:
// v, v², …, with v = 1/(1 + r)^(1/12) rounded to Prec places (the 12th
// root as above, its inverse to rootPrec places), compounded and rounded
// to Prec places a month. For r = 0 every factor is 1.
func discountFactors(annual decimal.Decimal, months int) []decimal.Decimal {
	if months <= 0 {
		return nil
	}
	m := &discountMemo
	m.Lock()
	if m.factors != nil && m.months == months && m.annual.Equal(annual) {
		defer m.Unlock()
		return m.factors
	}
	m.Unlock()
	v := one
	if annual.Sign() != 0 {
		v = one.DivRound(root12(one.Add(annual)), rootPrec).Round(Prec)
	}
	f := compound(v, v, months)
	m.Lock()
	m.annual, m.months, m.factors = annual, months, f
	m.Unlock()
	return f
}

// discountMemo holds the last discount factors worked out: the page
// evaluates the scenario on every keystroke, and its discount rate and
// horizon rarely change from one to the next, while the monthly factor
// takes a twelfth root (a Newton iteration at rootPrec places) and the
// horizon's powers take a rounding each. Factors are never written to
// once made, so one slice serves every evaluation that asks for them.
var discountMemo struct {
	sync.Mutex
	annual  decimal.Decimal
	months  int
	factors []decimal.Decimal
}

// capexAt is the price of one accelerator bought (or leased: the lease
// payment is a share of it) in month index m (0 for month 1) on the owned
// option's price path: capex × factor(m), rounded to Prec places; the
// capex itself with no path. A refresh past the horizon compounds on
// (factorAt).
func (o *optionPlan) capexAt(m int) decimal.Decimal {
	if o.capexPath == nil {
		return o.capex
	}
	return roundTo(o.capex.Mul(factorAt(o.capexPath, o.capexChange, m)), Prec)
}

// hourlyAt is the on-demand hourly rate of a cloud option in month index m.
func (o *optionPlan) hourlyAt(m int) decimal.Decimal {
	if o.hourlyPath == nil {
		return o.hourly
	}
	return roundTo(o.hourly.Mul(factorAt(o.hourlyPath, o.hourlyChange, m)), Prec)
}
