package engine

import (
	"math/big"
	"sync/atomic"
	"unsafe"

	"github.com/shopspring/decimal"
)

// This file is the one place that knows how a decimal.Decimal is stored:
// a coefficient (*big.Int, never changed once made) and an exponent. The
// cost model's monthly loops add, subtract and multiply decimals a few
// thousand times an evaluation, and a Monte Carlo evaluates a thousand
// times; each decimal operation makes two heap objects (the integer and
// its digits), and in WebAssembly, where the collector runs on the one
// thread, allocating and collecting them takes a third of a simulation's
// time. The helpers below give the same values as decimal's methods, digit
// for digit (TestFastDecimal), from one heap object a result:
//
//   - coef reads a decimal's coefficient without the copy Coefficient
//     makes (the caller must not change it);
//   - wrap makes a decimal of an integer without the copy NewFromBigInt
//     makes (the integer must not change afterwards);
//   - newInt is an integer with room for its digits in the same object;
//     freeInt hands back one used only as scratch, if it was the last.
//
// On these, sum, diff, mul, quo and intDecimal are Add, Sub, Mul,
// DivRound and New(k, 0) (the engine's add, sub and div call them), and a
// total adds in place; add3, mul3, mulDiv, mulDiff and mulRoundTo are two
// of them in a row with the intermediate result's integer handed back. Elsewhere in the engine, ceilProduct, floor,
// roundTo, presentSum, sqrtDec and the Monte Carlo's cents and drawFigures
// read coefficients with coef; the roofline (throughput.go) calls these
// helpers too.
//
// Should decimal ever store a number otherwise (fastDecimal, checked once
// at start-up, is false), every helper takes decimal's own methods.

// decimalLayout is decimal.Decimal's layout in shopspring/decimal v1.6.0.
type decimalLayout struct {
	value *big.Int
	exp   int32
}

var fastDecimal = func() bool {
	if unsafe.Sizeof(decimal.Decimal{}) != unsafe.Sizeof(decimalLayout{}) {
		return false
	}
	d := decimal.New(-123456789, -7)
	l := (*decimalLayout)(unsafe.Pointer(&d))
	if l.value == nil || l.value.Int64() != -123456789 || l.exp != -7 {
		return false
	}
	var w decimal.Decimal
	(*decimalLayout)(unsafe.Pointer(&w)).value = big.NewInt(42)
	(*decimalLayout)(unsafe.Pointer(&w)).exp = -1
	return w.String() == "4.2" && decimal.Zero.Sign() == 0
}()

var zeroInt big.Int // never changed

// coef is d's coefficient, read only.
func coef(d decimal.Decimal) *big.Int {
	if !fastDecimal {
		return d.Coefficient()
	}
	if v := (*decimalLayout)(unsafe.Pointer(&d)).value; v != nil {
		return v
	}
	return &zeroInt
}

// wrap is z × 10^exp; z is the decimal's from now on.
func wrap(z *big.Int, exp int32) decimal.Decimal {
	if !fastDecimal {
		return decimal.NewFromBigInt(z, exp)
	}
	var d decimal.Decimal
	l := (*decimalLayout)(unsafe.Pointer(&d))
	l.value, l.exp = z, exp
	return d
}

// intCell is an integer and room for six words of digits (up to 115
// decimal digits on 64-bit words, 57 on 32-bit), in one allocation.
type intCell struct {
	i big.Int
	w [6]big.Word
}

// newInt (fastdec_cells.go, fastdec_cells_js.go) is a zero integer
// whose first six words of digits need no allocation of their own. Cells
// come from blocks of cellsPerBlock: one heap object for that many
// numbers, where each used to be one (in WebAssembly, allocating and
// collecting them was a third of an evaluation's time). A block lives as
// long as any of its numbers does.

// freeInt (fastdec_cells.go, fastdec_cells_js.go) hands back a cell
// newInt made for scratch (a scaled operand, a remainder) once nothing
// refers to it, so that the next newInt takes it again: scratch taken
// after a result's cell and handed back in the reverse order costs no
// memory. When another cell was taken since (another goroutine's), it
// does nothing and the collector has it, as before.

// cellsPerBlock is the cells of a block: 32 of 80 bytes (64-bit words).
const cellsPerBlock = 32

// cellBlock is cells that newInt hands out in turn: next is the first not
// handed out yet.
type cellBlock struct {
	cells [cellsPerBlock]intCell
	next  atomic.Int32
}

// newCellBlock is a block whose cells are zero integers with their own
// words as digits: set for all of them here, in one loop, rather than as
// each is handed out; a cell handed back (freeInt) is reset before it can
// be handed out again.
func newCellBlock() *cellBlock {
	b := new(cellBlock)
	for k := range b.cells {
		b.cells[k].reset()
	}
	return b
}

// reset makes c's integer zero, with c's own words as its digits.
func (c *intCell) reset() { c.i.SetBits(c.w[:0]) }

// atomicBlock holds the block newInt takes from (fastdec_cells.go).
type atomicBlock = atomic.Pointer[cellBlock]

// sum is a + b, as a.Add(b). It, diff and mul are aligned, coef and wrap
// written out (each call costs in WebAssembly).
func sum(a, b decimal.Decimal) decimal.Decimal {
	if !fastDecimal {
		return a.Add(b)
	}
	la, lb := (*decimalLayout)(unsafe.Pointer(&a)), (*decimalLayout)(unsafe.Pointer(&b))
	ca, cb, e := la.value, lb.value, la.exp
	if ca == nil {
		ca = &zeroInt
	}
	if cb == nil {
		cb = &zeroInt
	}
	d := int64(la.exp) - int64(lb.exp)
	if d >= int64(len(pow10)) || -d >= int64(len(pow10)) {
		return a.Add(b)
	}
	z := newInt()
	switch {
	case d > 0:
		ca, e = z.Mul(ca, pow10[d]), lb.exp
	case d < 0:
		cb = z.Mul(cb, pow10[-d])
	}
	var r decimal.Decimal
	lr := (*decimalLayout)(unsafe.Pointer(&r))
	lr.value, lr.exp = z.Add(ca, cb), e
	return r
}

// diff is a − b, as a.Sub(b).
func diff(a, b decimal.Decimal) decimal.Decimal {
	if !fastDecimal {
		return a.Sub(b)
	}
	la, lb := (*decimalLayout)(unsafe.Pointer(&a)), (*decimalLayout)(unsafe.Pointer(&b))
	ca, cb, e := la.value, lb.value, la.exp
	if ca == nil {
		ca = &zeroInt
	}
	if cb == nil {
		cb = &zeroInt
	}
	z := newInt()
	switch d := int64(la.exp) - int64(lb.exp); {
	case d == 0:
	case d > 0 && d < int64(len(pow10)):
		ca, e = z.Mul(ca, pow10[d]), lb.exp
	case d < 0 && -d < int64(len(pow10)):
		cb = z.Mul(cb, pow10[-d])
	default:
		return a.Sub(b)
	}
	var r decimal.Decimal
	lr := (*decimalLayout)(unsafe.Pointer(&r))
	lr.value, lr.exp = z.Sub(ca, cb), e
	return r
}

// mul is a × b, as a.Mul(b).
func mul(a, b decimal.Decimal) decimal.Decimal {
	if !fastDecimal {
		return a.Mul(b)
	}
	la, lb := (*decimalLayout)(unsafe.Pointer(&a)), (*decimalLayout)(unsafe.Pointer(&b))
	e := int64(la.exp) + int64(lb.exp)
	if e != int64(int32(e)) {
		return a.Mul(b) // decimal panics on an exponent past int32
	}
	ca, cb := la.value, lb.value
	if ca == nil {
		ca = &zeroInt
	}
	if cb == nil {
		cb = &zeroInt
	}
	var r decimal.Decimal
	lr := (*decimalLayout)(unsafe.Pointer(&r))
	lr.value, lr.exp = newInt().Mul(ca, cb), int32(e)
	return r
}

// cmp is a.Cmp(b), without the two integers decimal makes to compare
// numbers of different exponents: the one with the larger exponent is
// scaled into a cell (equal signs only; otherwise the signs decide).
func cmp(a, b decimal.Decimal) int {
	if !fastDecimal {
		return a.Cmp(b)
	}
	la, lb := (*decimalLayout)(unsafe.Pointer(&a)), (*decimalLayout)(unsafe.Pointer(&b))
	ca, cb := la.value, lb.value
	if ca == nil {
		ca = &zeroInt
	}
	if cb == nil {
		cb = &zeroInt
	}
	if sa, sb := ca.Sign(), cb.Sign(); sa != sb {
		if sa < sb {
			return -1
		}
		return 1
	}
	switch d := int64(la.exp) - int64(lb.exp); {
	case d == 0:
		return ca.Cmp(cb)
	case d > 0 && d < int64(len(pow10)):
		s := newInt().Mul(ca, pow10[d])
		c := s.Cmp(cb)
		freeInt(s)
		return c
	case d < 0 && -d < int64(len(pow10)):
		s := newInt().Mul(cb, pow10[-d])
		c := ca.Cmp(s)
		freeInt(s)
		return c
	}
	return a.Cmp(b)
}

// intDecimal is k, as decimal.New(k, 0). Whole numbers from 0 to
// smallInts − 1 (a month's accelerators, most of the time) share one
// integer each, made at start-up: coefficients are never changed once
// made, so a shared one gives the same decimal as a new one.
func intDecimal(k int64) decimal.Decimal {
	if !fastDecimal {
		return decimal.New(k, 0)
	}
	if k >= 0 && k < smallInts {
		return wrap(&smallInt[k].i, 0)
	}
	return wrap(newInt().SetInt64(k), 0)
}

// smallInts is how many whole numbers intDecimal keeps: 1,024 covers 95 %
// of the months' accelerators in the reference's Monte Carlo (240 a draw,
// the median 74, the 99th percentile 3,483), for 80 KB.
const smallInts = 1024

// smallInt holds the integers 0 to smallInts − 1, each in a cell, never
// changed after start-up.
var smallInt = func() *[smallInts]intCell {
	var c [smallInts]intCell
	for k := range c {
		c[k].i.SetBits(c[k].w[:0]).SetInt64(int64(k))
	}
	return &c
}()

// quo is a / b rounded half away from zero to places decimal places, as
// a.DivRound(b, places) (b not zero): with A, B the coefficients and k =
// exp(a) − exp(b) + places, it is the integer nearest A × 10^k / B, the
// tie away from zero, computed as one integer division of A × 10^k (k ≥
// 0) by B, or of A by B × 10^−k (k < 0), whose remainder r rounds up
// when 2|r| ≥ |divisor|.
func quo(a, b decimal.Decimal, places int32) decimal.Decimal {
	if !fastDecimal {
		return a.DivRound(b, places)
	}
	la, lb := (*decimalLayout)(unsafe.Pointer(&a)), (*decimalLayout)(unsafe.Pointer(&b))
	k := int64(la.exp) - int64(lb.exp) + int64(places)
	num, den := la.value, lb.value
	if k >= int64(len(pow10)) || -k >= int64(len(pow10)) || den == nil || den.Sign() == 0 {
		return a.DivRound(b, places)
	}
	if num == nil {
		num = &zeroInt
	}
	q := newInt()
	var s *big.Int // the scaled operand: scratch, as r is
	if k > 0 {
		s = newInt().Mul(num, pow10[k])
		num = s
	} else if k < 0 {
		s = newInt().Mul(den, pow10[-k])
		den = s
	}
	r := newInt()
	q.QuoRem(num, den, r)
	if r.Sign() != 0 {
		r.Lsh(r.Abs(r), 1)
		if r.CmpAbs(den) >= 0 {
			if num.Sign() == den.Sign() {
				q.Add(q, oneInt)
			} else {
				q.Sub(q, oneInt)
			}
		}
	}
	freeInt(r)
	if s != nil {
		freeInt(s)
	}
	return wrap(q, -places)
}

var oneInt = big.NewInt(1) // never changed

// add3, mul3, mulDiv and mulDiff are add(add(a, b), c), mul(mul(a, b),
// c), div(mul(a, b), c) and mul(sub(a, b), c), the same digits, keeping
// one cell where the two operations keep two: the result's cell is taken
// first, then the inner and outer results are made as usual, the outer
// copied into the first cell and both handed back (freeInt). The cost
// model's monthly formulas that combine three numbers call them.
func add3(a, b, c decimal.Decimal) decimal.Decimal {
	if !fastDecimal || a.IsZero() || b.IsZero() || c.IsZero() {
		return add(add(a, b), c) // add's shortcuts for zeros
	}
	z := newInt()
	t := sum(a, b) // add(a, b), neither zero
	if t.IsZero() {
		freeInt(coef(t))
		freeInt(z)
		return c // add(t, c)
	}
	return movedTo(z, sum(t, c), t)
}

func mul3(a, b, c decimal.Decimal) decimal.Decimal {
	if !fastDecimal {
		return mul(mul(a, b), c)
	}
	z := newInt()
	t := mul(a, b)
	return movedTo(z, mul(t, c), t)
}

func mulDiv(a, b, c decimal.Decimal) decimal.Decimal {
	if !fastDecimal || c.IsZero() {
		return div(mul(a, b), c)
	}
	z := newInt()
	t := mul(a, b)
	return movedTo(z, quo(t, c, Prec), t)
}

func mulDiff(a, b, c decimal.Decimal) decimal.Decimal {
	if !fastDecimal || b.IsZero() {
		return mul(sub(a, b), c) // sub's shortcut: a itself
	}
	z := newInt()
	t := diff(a, b)
	return movedTo(z, mul(t, c), t)
}

// mulRoundTo is a × b rounded to places (roundTo) when it has more places,
// as it is otherwise, rounded in the product's own integer: nobody else
// has it yet.
func mulRoundTo(a, b decimal.Decimal, places int32) decimal.Decimal {
	p := mul(a, b) // a new integer (decimal's Mul's too)
	k := int(-places - p.Exponent())
	switch {
	case k <= 0:
		return p
	case !fastDecimal || k >= len(pow10):
		return roundTo(p, places)
	}
	c, r := coef(p), newInt()
	dropDigits(c, k, r) // as roundedCoefficient
	freeInt(r)
	return wrap(c, -places)
}

// movedTo is r (made from t, made after z was taken) copied into z, whose
// digits it has from now on; r's and t's cells are handed back, the last
// first. Neither is an operand's: those were made before z.
func movedTo(z *big.Int, r, t decimal.Decimal) decimal.Decimal {
	z.Set(coef(r))
	e := r.Exponent()
	freeInt(coef(r))
	freeInt(coef(t))
	return wrap(z, e)
}

// quoTrunc is a / b truncated towards zero to places decimal places, the
// quotient of a.QuoRem(b, places) (b not zero): with k as in quo, the
// integer quotient of A × 10^k by B (k ≥ 0), or of A by B × 10^−k, which
// math/big truncates towards zero as QuoRem does.
func quoTrunc(a, b decimal.Decimal, places int32) decimal.Decimal {
	if !fastDecimal {
		q, _ := a.QuoRem(b, places)
		return q
	}
	la, lb := (*decimalLayout)(unsafe.Pointer(&a)), (*decimalLayout)(unsafe.Pointer(&b))
	k := int64(la.exp) - int64(lb.exp) + int64(places)
	num, den := la.value, lb.value
	if k >= int64(len(pow10)) || -k >= int64(len(pow10)) || den == nil || den.Sign() == 0 {
		q, _ := a.QuoRem(b, places)
		return q
	}
	if num == nil {
		num = &zeroInt
	}
	q := newInt()
	var s *big.Int // scratch, as r is
	if k > 0 {
		s = newInt().Mul(num, pow10[k])
		num = s
	} else if k < 0 {
		s = newInt().Mul(den, pow10[-k])
		den = s
	}
	r := newInt()
	q.QuoRem(num, den, r)
	freeInt(r)
	if s != nil {
		freeInt(s)
	}
	var out decimal.Decimal
	lo := (*decimalLayout)(unsafe.Pointer(&out))
	lo.value, lo.exp = q, -places
	return out
}

// total adds decimals in place: its value is the sum of those added, as
// adding them with add would give it, without a new integer for each
// partial sum (a month's cost into an option's total, a month's demand
// into the horizon's).
type total struct {
	acc, t big.Int
	exp    int32
	slow   decimal.Decimal // the sum, when fastDecimal is false
}

// add adds x.
func (s *total) add(x decimal.Decimal) {
	if x.IsZero() {
		return
	}
	if !fastDecimal {
		s.slow = add(s.slow, x)
		return
	}
	e := x.Exponent()
	switch {
	case s.acc.Sign() == 0:
		s.acc.Set(coef(x))
		s.exp = e
	case e == s.exp:
		s.acc.Add(&s.acc, coef(x))
	case e > s.exp && int64(e)-int64(s.exp) < int64(len(pow10)):
		s.t.Mul(coef(x), pow10[e-s.exp])
		s.acc.Add(&s.acc, &s.t)
	case e < s.exp && int64(s.exp)-int64(e) < int64(len(pow10)):
		s.t.Mul(&s.acc, pow10[s.exp-e])
		s.acc.Add(&s.t, coef(x))
		s.exp = e
	default: // exponents too far apart for the table
		v := s.value().Add(x)
		s.acc.Set(coef(v))
		s.exp = v.Exponent()
	}
}

// value is the sum so far.
func (s *total) value() decimal.Decimal {
	if !fastDecimal {
		return s.slow
	}
	if s.acc.Sign() == 0 {
		return zero
	}
	return wrap(newInt().Set(&s.acc), s.exp)
}
