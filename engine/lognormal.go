package engine

import (
	"github.com/shopspring/decimal"
)

// Lognormal is a range whose low and high values are its 10th and 90th
// percentiles and whose most likely value is its median: below the median
// ln x is normal with σ_low = (ln median − ln low) / z₉₀, above it with
// σ_high = (ln high − ln median) / z₉₀ (z₉₀ = Φ⁻¹(0.9) ≈ 1.2815515655). When
// the median is the geometric mean √(low × high) the two are equal and the
// range is exactly log-normal; otherwise each half is the matching half of
// a log-normal (a split log-normal), so that all three values hold. Its
// draws are unbounded but for the field's own range, at which they are
// held (docs/methodology.md, Uncertainty).
const Lognormal Shape = "lognormal"

// lognormalLinkShape is the log-normal shape in a link's range token (u=…,ln).
const lognormalLinkShape = "ln"

// Every step of the log-normal's sampling is decimal arithmetic at these
// places: far more than the drawn value keeps (drawPlaces), so the
// approximation's own error (invNormal) is the only one that matters.
const logPlaces = 30

// maxLogStep bounds σ × z: beyond it the draw is held at the field's bound
// without computing e^(σz) (e^200 ≈ 7 × 10^86 exceeds every field's range).
var maxLogStep = decimal.NewFromInt(200)

// lnDec is ln x (x > 0) to logPlaces places, correctly rounded
// (shopspring/decimal's Ln: integer arithmetic with an error bound).
func lnDec(x decimal.Decimal) decimal.Decimal {
	v, err := x.Ln(logPlaces)
	if err != nil {
		return zero // x ≤ 0: checkUncertainty refuses it before
	}
	return v
}

// expDec is e^x, x halved k times to |x / 2^k| ≤ 1/32 (exact: each
// halving adds one decimal place), the Taylor series there summed by
// Horner's rule to the 14th power (the first term left out is below
// (1/32)^15 / 15! < 2 × 10^−35) with each step rounded to expWork places,
// then squared back k times at that precision. Each squaring at most
// doubles the relative error: for |x| ≤ maxLogStep (k ≤ 13) it stays
// below 2^14 × 10^−expWork ≈ 2 × 10^−32, far finer than a drawn value
// keeps (drawPlaces places of at most a field's maximum).
func expDec(x decimal.Decimal) decimal.Decimal {
	k := 0
	r := x
	for r.Abs().Cmp(expReduced) > 0 && k < 64 {
		r = r.Mul(half)
		k++
	}
	sum := one
	for n := len(expInverse) - 1; n >= 1; n-- {
		sum = one.Add(sum.Mul(r).Mul(expInverse[n]).Round(expWork)) // 1 + r/n × (…)
	}
	for ; k > 0; k-- {
		sum = sum.Mul(sum).Round(expWork)
	}
	return sum.Round(logPlaces)
}

// expWork is the places expDec works at; expInverse[n] is 1/n to
// expWork + 4 places (n = 1 … 14).
const expWork = 36

var (
	expReduced = decimal.New(3125, -5) // 1/32
	expInverse = func() []decimal.Decimal {
		inv := make([]decimal.Decimal, 15)
		for n := 1; n < len(inv); n++ {
			inv[n] = one.DivRound(decimal.NewFromInt(int64(n)), expWork+4)
		}
		return inv
	}()
)

// invNormal is Φ⁻¹(u), the standard normal quantile, for 0 < u < 1, by
// Wichura's algorithm AS 241 (PPND16; Applied Statistics 37(3), 477–484,
// 1988): a rational function of u in the centre (|u − ½| ≤ 0.425) and of
// √(−ln min(u, 1 − u)) in the tails, accurate to about 1 part in 10^16.
// It is evaluated here in decimal arithmetic (each Horner step rounded to
// logPlaces places, ln by lnDec, the square root correctly rounded), so
// every platform gets the same digits;
// TestInvNormal checks it against 25-digit references within 10^−15.
func invNormal(u decimal.Decimal) decimal.Decimal {
	q := u.Sub(half)
	if q.Abs().Cmp(as241Split1) <= 0 {
		r := as241Const1.Sub(q.Mul(q))
		return q.Mul(horner(as241A, r)).DivRound(horner(as241B, r), logPlaces)
	}
	p := u
	if q.Sign() > 0 {
		p = one.Sub(u)
	}
	r, _ := lnDec(p).Neg().SqrtRound(logPlaces) // correctly rounded (an integer square root)
	var z decimal.Decimal
	if r.Cmp(as241Split2) <= 0 {
		r = r.Sub(as241Const2)
		z = horner(as241C, r).DivRound(horner(as241D, r), logPlaces)
	} else {
		r = r.Sub(as241Split2)
		z = horner(as241E, r).DivRound(horner(as241F, r), logPlaces)
	}
	if q.Sign() < 0 {
		z = z.Neg()
	}
	return z
}

// horner is c[0] × r^(n−1) + … + c[n−1], each step rounded to logPlaces.
func horner(c []decimal.Decimal, r decimal.Decimal) decimal.Decimal {
	v := c[0]
	for _, k := range c[1:] {
		v = v.Mul(r).Add(k).Round(logPlaces)
	}
	return v
}

func decs(s ...string) []decimal.Decimal {
	out := make([]decimal.Decimal, len(s))
	for i, v := range s {
		out[i] = decimal.RequireFromString(v)
	}
	return out
}

// AS 241's constants and coefficients (PPND16), highest power first, as
// published; TestAS241Transcription checks them against the paper's hash
// sums (the sums of their mantissas).
var (
	as241Split1 = decimal.RequireFromString("0.425")
	as241Split2 = decimal.NewFromInt(5)
	as241Const1 = decimal.RequireFromString("0.180625")
	as241Const2 = decimal.RequireFromString("1.6")
	as241A      = decs("2.5090809287301226727e3", "3.3430575583588128105e4", "6.7265770927008700853e4", "4.5921953931549871457e4",
		"1.3731693765509461125e4", "1.9715909503065514427e3", "1.3314166789178437745e2", "3.3871328727963666080e0")
	as241B = decs("5.2264952788528545610e3", "2.8729085735721942674e4", "3.9307895800092710610e4", "2.1213794301586595867e4",
		"5.3941960214247511077e3", "6.8718700749205790830e2", "4.2313330701600911252e1", "1")
	as241C = decs("7.74545014278341407640e-4", "2.27238449892691845833e-2", "2.41780725177450611770e-1", "1.27045825245236838258e0",
		"3.64784832476320460504e0", "5.76949722146069140550e0", "4.63033784615654529590e0", "1.42343711074968357734e0")
	as241D = decs("1.05075007164441684324e-9", "5.47593808499534494600e-4", "1.51986665636164571966e-2", "1.48103976427480074590e-1",
		"6.89767334985100004550e-1", "1.67638483018380384940e0", "2.05319162663775882187e0", "1")
	as241E = decs("2.01033439929228813265e-7", "2.71155556874348757815e-5", "1.24266094738807843860e-3", "2.65321895265761230930e-2",
		"2.96560571828504891230e-1", "1.78482653991729133580e0", "5.46378491116411436990e0", "6.65790464350110377720e0")
	as241F = decs("2.04426310338993978564e-15", "1.42151175831644588870e-7", "1.84631831751005468180e-5", "7.86869131145613259100e-4",
		"1.48753612908506148525e-2", "1.36929880922735805310e-1", "5.99832206555887937690e-1", "1")
	// z90 is Φ⁻¹(0.9) as invNormal gives it, so that a log-normal
	// range's low and high are exactly the 10th and 90th percentiles of
	// what is drawn.
	z90 = invNormal(decimal.RequireFromString("0.9"))
)

// lognormalSigmas are the log-normal's σ below and above the median.
func lognormalSigmas(lo, median, hi decimal.Decimal) (lnMedian, below, above decimal.Decimal) {
	lnMedian = lnDec(median)
	below = lnMedian.Sub(lnDec(lo)).DivRound(z90, logPlaces)
	above = lnDec(hi).Sub(lnMedian).DivRound(z90, logPlaces)
	return lnMedian, below, above
}

// sampleLognormal is the log-normal's inverse CDF at u: median ×
// e^(σ Φ⁻¹(u)), σ the side's, rounded to drawPlaces and held within the
// field's range.
func (d draw) sampleLognormal(u decimal.Decimal) decimal.Decimal {
	z := invNormal(u)
	sigma := d.sigAbove
	if z.Sign() < 0 {
		sigma = d.sigBelow
	}
	step := sigma.Mul(z).Round(logPlaces)
	var x decimal.Decimal
	switch {
	case step.Cmp(maxLogStep) > 0:
		x = d.field.Max
	case step.Neg().Cmp(maxLogStep) > 0:
		x = d.field.Min
	default:
		x = d.mode.Mul(expDec(step)).Round(drawPlaces)
	}
	if x.Cmp(d.field.Max) > 0 {
		x = d.field.Max
	}
	if x.Cmp(d.field.Min) < 0 || d.field.MinExclusive && x.Cmp(d.field.Min) == 0 {
		x = d.field.Min
		if d.field.MinExclusive {
			x = x.Add(decimal.New(1, -drawPlaces))
		}
	}
	return x
}
