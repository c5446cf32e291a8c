package engine

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Prec is the number of decimal places every division keeps. It is far below
// the display precision of any figure, so rounding error never shows, and
// bounded, so no computation grows without limit.
const Prec = 24

// Input bounds shared by every decoder (JSON file, link, UI field).
const (
	maxNumLen    = 40 // characters of a number as typed
	maxNumPlaces = 18 // decimal places of a number
)

var maxNumAbs = decimal.New(1, 15) // 10^15: larger than any sane input

// Num is a number the user entered: exact, bounded, and possibly absent.
// An unparseable entry is kept with its text (Bad) so that validation can
// name the field and nothing the user typed is lost.
type Num struct {
	v   decimal.Decimal
	ok  bool
	bad string
}

// N parses a literal that is known to be valid (catalog data, tests).
func N(s string) Num {
	n := ParseNum(s)
	if !n.ok {
		panic("engine.N: invalid literal " + s)
	}
	return n
}

// NumOf wraps a decimal as a set value.
func NumOf(d decimal.Decimal) Num { return Num{v: d, ok: true} }

// ParseNum reads a number as a user types it: "1,000" and "1_000" are not
// numbers; "1e3" and ".5" are. Empty text means unset.
func ParseNum(s string) Num {
	t := strings.TrimSpace(s)
	if t == "" {
		return Num{}
	}
	d, err := parseDecimal(t)
	if err != nil {
		return Num{bad: truncate(t, maxNumLen+1)}
	}
	return Num{v: d, ok: true}
}

// NumProblem says why n holds no number: "is empty" or why its text is
// not one.
func NumProblem(n Num) string {
	if n.bad == "" {
		return "is empty"
	}
	return numError(n.bad).Error()
}

// numError explains why text is not an acceptable number.
func numError(t string) error {
	_, err := parseDecimal(t)
	return err
}

func parseDecimal(t string) (decimal.Decimal, error) {
	if len(t) > maxNumLen {
		return decimal.Zero, fmt.Errorf("is too long to be a number (%d characters, at most %d)", len(t), maxNumLen)
	}
	for _, r := range t {
		if !strings.ContainsRune("0123456789.+-eE", r) {
			return decimal.Zero, fmt.Errorf("%q is not a number", t)
		}
	}
	if i := strings.IndexAny(t, "eE"); i >= 0 {
		// Reject huge exponents before the decimal library expands them.
		if e, err := strconv.Atoi(t[i+1:]); err != nil || e > 30 || e < -30 {
			if err == nil || len(t[i+1:]) > 3 {
				return decimal.Zero, fmt.Errorf("%s is too large or too small (exponent beyond ±30)", truncate(t, 20))
			}
			return decimal.Zero, fmt.Errorf("%q is not a number", t)
		}
	}
	d, err := decimal.NewFromString(t)
	if err != nil {
		return decimal.Zero, fmt.Errorf("%q is not a number", t)
	}
	if d.Abs().Cmp(maxNumAbs) >= 0 {
		return decimal.Zero, fmt.Errorf("%s is too large (at most 10^15)", t)
	}
	if !d.IsZero() && -d.Exponent() > maxNumPlaces && d.Truncate(maxNumPlaces).Cmp(d) != 0 {
		return decimal.Zero, fmt.Errorf("%s has more than %d decimal places", t, maxNumPlaces)
	}
	return d, nil
}

// Set reports whether the user gave a valid value.
func (n Num) Set() bool { return n.ok }

// Bad is the text of an invalid entry, or "".
func (n Num) Bad() string { return n.bad }

// IsZero reports an absent value (for `omitzero`): a set 0 is not zero.
func (n Num) IsZero() bool { return !n.ok && n.bad == "" }

// Dec is the value (zero when unset).
func (n Num) Dec() decimal.Decimal { return n.v }

// Or is the value, or def when unset or invalid.
func (n Num) Or(def decimal.Decimal) decimal.Decimal {
	if n.ok {
		return n.v
	}
	return def
}

// Equal compares two entries: both unset, both the same value, or the same
// invalid text.
func (n Num) Equal(o Num) bool {
	if n.ok != o.ok || n.bad != o.bad {
		return false
	}
	return !n.ok || n.v.Equal(o.v)
}

// String is the canonical text: shortest exact decimal, no exponent.
func (n Num) String() string {
	switch {
	case n.ok:
		return n.v.String()
	default:
		return n.bad
	}
}

// MarshalJSON writes the number as a string so that no JSON reader turns it
// into a float.
func (n Num) MarshalJSON() ([]byte, error) {
	return json.Marshal(n.String())
}

// UnmarshalJSON accepts a JSON number or a string; null means unset.
// Invalid text is kept for validation to report with the field's path.
func (n *Num) UnmarshalJSON(b []byte) error {
	s := strings.TrimSpace(string(b))
	if s == "null" {
		*n = Num{}
		return nil
	}
	if strings.HasPrefix(s, `"`) {
		var str string
		if err := json.Unmarshal(b, &str); err != nil {
			return err
		}
		s = str
	}
	*n = ParseNum(s)
	return nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	// Cut at a rune boundary.
	for n > 0 && n < len(s) && (s[n]&0xC0) == 0x80 {
		n--
	}
	return s[:n] + "…"
}

// Decimal helpers used across the engine. div never panics: the divisor has
// been validated or checked by the caller, and a zero divisor yields zero.
var (
	zero     = decimal.Zero
	one      = decimal.NewFromInt(1)
	two      = decimal.NewFromInt(2)
	thousand = decimal.NewFromInt(1000)
	million  = decimal.NewFromInt(1_000_000)
	billion  = decimal.NewFromInt(1_000_000_000)
	tera     = decimal.New(1, 12)
)

func div(a, b decimal.Decimal) decimal.Decimal {
	if b.IsZero() {
		return zero
	}
	return quo(a, b, Prec)
}

func dec(i int64) decimal.Decimal { return decimal.NewFromInt(i) }

func maxDec(a, b decimal.Decimal) decimal.Decimal {
	if a.Cmp(b) >= 0 {
		return a
	}
	return b
}

func minDec(a, b decimal.Decimal) decimal.Decimal {
	if a.Cmp(b) <= 0 {
		return a
	}
	return b
}

// pow10 holds 10^k for the exponents ceil meets, built once.
var pow10 = func() []*big.Int {
	p := make([]*big.Int, 2*Prec+16)
	p[0] = big.NewInt(1)
	ten := big.NewInt(10)
	for k := 1; k < len(p); k++ {
		p[k] = new(big.Int).Mul(p[k-1], ten)
	}
	return p
}()

// ceil is x.Ceil(), without computing 10^k at every call: capacity takes
// the ceiling of every month of every candidate replica.
func ceil(x decimal.Decimal) decimal.Decimal {
	e := -int(x.Exponent())
	if e <= 0 || e >= len(pow10) {
		return x.Ceil()
	}
	q, r := new(big.Int).QuoRem(x.Coefficient(), pow10[e], new(big.Int))
	if r.Sign() > 0 {
		q.Add(q, big.NewInt(1))
	}
	return decimal.NewFromBigInt(q, 0)
}

// floor is x.Floor() (the same digits and exponent), dividing by a power
// of ten a word at a time (divPow10) into cells (fastdec.go), where
// decimal's Floor allocates an integer, its digits and a remainder in one
// long division: the roofline floors each candidate replica's batch.
func floor(x decimal.Decimal) decimal.Decimal {
	e := -int(x.Exponent())
	if !fastDecimal || e <= 0 || e >= len(pow10) {
		return x.Floor()
	}
	q, r := newInt().Set(coef(x)), newInt()
	if divPow10(q, e, r) && coef(x).Sign() < 0 {
		q.Sub(q, oneInt) // truncated towards zero: a negative's floor is one less
	}
	freeInt(r) // scratch
	return wrap(q, 0)
}

// ceilProduct is ⌈a × b⌉ when it fits an int64 (ok false otherwise),
// computed on scratch integers c (the product's coefficient) and r (a
// remainder), so that nothing is allocated once they have grown:
// provisioning takes the ceiling of every month of every candidate
// replica.
func ceilProduct(a, b decimal.Decimal, c, r *big.Int) (int64, bool) {
	e := -int(a.Exponent()) - int(b.Exponent())
	if e < 0 || e >= len(pow10) {
		return 0, false
	}
	c.Mul(coef(a), coef(b))
	positive := c.Sign() > 0
	inexact := divPow10(c, e, r) // truncated towards zero
	if !c.IsInt64() || c.Int64() == math.MaxInt64 {
		return 0, false
	}
	k := c.Int64()
	if inexact && positive {
		k++
	}
	return k, true
}

// wordDigits is the largest power of ten below 2^64: dividing by at most
// 10^19 at a time, a division by 10^k takes one-word divisors only, which
// math/big divides without a long division (a multiply by the divisor's
// reciprocal a word). That matters most in WebAssembly, which has no
// 128-bit multiply or divide: a long division there costs several times a
// native one.
const wordDigits = 19

// divPow10 divides c in place by 10^k (0 ≤ k < len(pow10)), truncating
// towards zero, with r as scratch; it reports whether the remainder is not
// zero. ⌊⌊c / a⌋ / b⌋ = ⌊c / ab⌋ for whole numbers, so the steps give the
// quotient of one division.
//
// With 64-bit words it divides c's own words, most significant first,
// each step a bits.Div64 of the remainder so far and the next word: the
// same quotient as c.QuoRem(c, 10^s, r) (TestDivPow10), about a third
// less time under wasm than QuoRem's layers (the reciprocal of the divisor
// worked out again in each call), and divPow10 is an eighth of a Monte
// Carlo run in the page (each month's present value, cents and
// provisioning).
func divPow10(c *big.Int, k int, r *big.Int) (inexact bool) {
	if bits.UintSize != 64 {
		for k > 0 {
			s := min(k, wordDigits)
			c.QuoRem(c, pow10[s], r)
			inexact = inexact || r.Sign() != 0
			k -= s
		}
		return inexact
	}
	neg := c.Sign() < 0
	w := c.Bits() // |c|, least significant word first
	n := len(w)
	for ; k > 0 && n > 0; k -= wordDigits {
		d := pow10Words[min(k, wordDigits)]
		var rem uint64
		for i := n - 1; i >= 0; i-- {
			var q uint64
			q, rem = bits.Div64(rem, uint64(w[i]), d)
			w[i] = big.Word(q)
		}
		inexact = inexact || rem != 0
		for n > 0 && w[n-1] == 0 {
			n--
		}
	}
	c.SetBits(w[:n])
	if neg {
		c.Neg(c)
	}
	return inexact
}

// pow10Words holds 10^s for s from 0 to wordDigits, as 64-bit words.
var pow10Words = func() (p [wordDigits + 1]uint64) {
	p[0] = 1
	for s := 1; s <= wordDigits; s++ {
		p[s] = p[s-1] * 10
	}
	return p
}()

// roundTo is d.Round(places), digit for digit and with the same exponent
// (TestRoundTo), rounding half away from zero, but dividing by powers of
// ten a word at a time (divPow10): the finance view, the fan chart's cents
// and the demand months round every month of every draw.
func roundTo(d decimal.Decimal, places int32) decimal.Decimal {
	if c := roundedCoefficient(d, places); c != nil {
		return wrap(c, -places)
	}
	return d.Round(places)
}

// roundedCoefficient is the coefficient of d rounded half away from zero
// to places (a new integer), or nil when d has no more places than that or
// more than pow10 covers (roundTo then leaves it to decimal's Round).
func roundedCoefficient(d decimal.Decimal, places int32) *big.Int {
	k := int(-places - d.Exponent())
	if k <= 0 || k >= len(pow10) {
		return nil
	}
	c, r := newInt().Set(coef(d)), newInt()
	dropDigits(c, k, r)
	freeInt(r) // scratch
	return c
}

// dropDigits rounds c in place to a multiple of 10^k and divides it by
// 10^k (0 < k < len(pow10)), half away from zero, with r as scratch: ⌊(|c|
// + 5×10^(k−1)) / 10^k⌋ is |c| / 10^k rounded half up, the digit at k − 1
// deciding, in the one division of divPow10.
func dropDigits(c *big.Int, k int, r *big.Int) {
	neg := c.Sign() < 0
	c.Abs(c)
	c.Add(c, halves[k])
	divPow10(c, k, r)
	if neg {
		c.Neg(c)
	}
}

// halves holds 5×10^(k−1) for 0 < k < len(pow10): half of 10^k.
var halves = func() []*big.Int {
	h := make([]*big.Int, len(pow10))
	for k := 1; k < len(h); k++ {
		h[k] = new(big.Int).Mul(pow10[k-1], big.NewInt(5))
	}
	return h
}()

// add and sub are a + b and a − b, handing back an operand when the other
// is zero: the same value, without the allocations decimal makes even
// then. The cost model's monthly loops meet many zeros (no commitment,
// no capital charge, no lease, no life ending this month).
func add(a, b decimal.Decimal) decimal.Decimal {
	switch {
	case b.IsZero():
		return a
	case a.IsZero():
		return b
	}
	return sum(a, b)
}

func sub(a, b decimal.Decimal) decimal.Decimal {
	if b.IsZero() {
		return a
	}
	return diff(a, b)
}
