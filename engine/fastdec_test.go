package engine

import (
	"fmt"
	"math/big"
	"math/rand"
	"testing"

	"github.com/shopspring/decimal"
)

// The allocation-light helpers give decimal's own results: the same value
// and the same exponent (so the same text), for zeros (the zero Decimal
// included), signs, exponents equal, near and far apart (past the table of
// powers: decimal's methods then), and integers of one to six words and
// beyond. The layout check must hold for the pinned decimal version, or
// the engine silently runs the slow path.
func TestFastDecimal(t *testing.T) {
	if !fastDecimal {
		t.Fatal("decimal's layout check failed: the helpers take the slow path")
	}
	rng := rand.New(rand.NewSource(7))
	val := func() decimal.Decimal {
		switch rng.Intn(12) {
		case 0:
			return decimal.Decimal{}
		case 1:
			return decimal.New(0, int32(rng.Intn(60)-50))
		}
		n := new(big.Int).Rand(rng, pow10[1+rng.Intn(len(pow10)-1)])
		if rng.Intn(3) == 0 {
			n.Neg(n)
		}
		if rng.Intn(20) == 0 { // beyond six words
			n.Mul(n, pow10[len(pow10)-1])
		}
		e := int32(rng.Intn(70) - 60)
		if rng.Intn(30) == 0 {
			e = int32(rng.Intn(400) - 200)
		}
		return decimal.NewFromBigInt(n, e)
	}
	same := func(op string, a, b, got, want decimal.Decimal) {
		t.Helper()
		if got.Cmp(want) != 0 || got.Exponent() != want.Exponent() || got.String() != want.String() {
			t.Fatalf("%s %s %s: got %s (exponent %d), decimal gives %s (exponent %d)", a, op, b, got, got.Exponent(), want, want.Exponent())
		}
	}
	ceilings := 0
	for range 50000 {
		a, b := val(), val()
		same("+", a, b, sum(a, b), a.Add(b))
		same("−", a, b, diff(a, b), a.Sub(b))
		same("×", a, b, mul(a, b), a.Mul(b))
		x := val()
		same("+ (then + "+x.String()+")", a, b, add3(a, b, x), add(add(a, b), x))
		same("× (then × "+x.String()+")", a, b, mul3(a, b, x), mul(mul(a, b), x))
		same("× (then ÷ "+x.String()+")", a, b, mulDiv(a, b, x), div(mul(a, b), x))
		same("− (then × "+x.String()+")", a, b, mulDiff(a, b, x), mul(sub(a, b), x))
		for _, places := range []int32{Prec, 2, 0} {
			want := mul(a, b)
			if want.Exponent() < -places {
				want = roundTo(want, places)
			}
			same(fmt.Sprintf("× (rounded to %d places)", places), a, b, mulRoundTo(a, b, places), want)
		}
		same("+ (then + its negative)", a, b, add3(a, b, a.Add(b).Neg()), add(add(a, b), a.Add(b).Neg()))
		same("+ (its negative, then +)", a, b, add3(a, a.Neg(), b), add(add(a, a.Neg()), b))
		if got, want := cmp(a, b), a.Cmp(b); got != want {
			t.Fatalf("cmp(%s, %s) = %d, decimal gives %d", a, b, got, want)
		}
		if !add(a, b).Equal(a.Add(b)) || !sub(a, b).Equal(a.Sub(b)) {
			t.Fatalf("add or sub of %s and %s", a, b)
		}
		if !b.IsZero() {
			places := int32(rng.Intn(40) - 4)
			same("÷", a, b, quo(a, b, places), a.DivRound(b, places))
			q, _ := a.QuoRem(b, places)
			same("quotient", a, b, quoTrunc(a, b, places), q)
		}
		var c, r big.Int
		if k, ok := ceilProduct(a, b, &c, &r); ok {
			if want := a.Mul(b).Ceil(); !decimal.NewFromInt(k).Equal(want) {
				t.Fatalf("ceilProduct(%s, %s) = %d; ⌈a × b⌉ = %s", a, b, k, want)
			}
			ceilings++
		}
		if k := rng.Int63() >> rng.Intn(63); !intDecimal(k).Equal(decimal.New(k, 0)) || intDecimal(-k).String() != decimal.New(-k, 0).String() {
			t.Fatalf("intDecimal(%d) = %s", k, intDecimal(k))
		}
		var net, cf presentSum
		v := val()
		net.addNet(a, b, v, coef(v))
		cf.add(a.Sub(b), v, coef(v))
		if net.acc.Cmp(&cf.acc) != 0 {
			t.Fatalf("present value of %s − %s at %s: %s in place, %s from the difference", a, b, v, net.value(), cf.value())
		}
		var pv presentSum // presentRevenue's terms
		pv.add(a, v, coef(v))
		same("present value at", a, v, pv.value(), a.Mul(v).Round(Prec))
		same("floor", a, decimal.Zero, floor(a), a.Floor())
		if coef(a).Cmp(a.Coefficient()) != 0 {
			t.Fatalf("coef(%s) = %s", a, coef(a))
		}
	}
	if ceilings < 5000 {
		t.Errorf("only %d ceilings compared", ceilings)
	}
	// A total is the sum add gives, whatever the terms' exponents.
	for range 2000 {
		var tot total
		var want decimal.Decimal
		for range rng.Intn(70) {
			x := val()
			tot.add(x)
			want = add(want, x)
		}
		if got := tot.value(); !got.Equal(want) {
			t.Fatalf("total %s, add gives %s", got, want)
		}
	}
	// Ties round away from zero: 1/8 = 0.125 → 0.13, 5/2 = 2.5 → 3, and
	// their negatives; 1/3 → 0.33333; 7.5/0.05 = 150 exactly.
	for _, c := range []struct {
		a, b   string
		places int32
		want   string
	}{{"1", "8", 2, "0.13"}, {"-1", "8", 2, "-0.13"}, {"1", "-8", 2, "-0.13"}, {"5", "2", 0, "3"}, {"-5", "2", 0, "-3"},
		{"1", "3", 5, "0.33333"}, {"7.5", "0.05", 0, "150"}, {"0.0000001", "3", 2, "0"}} {
		a, b := decimal.RequireFromString(c.a), decimal.RequireFromString(c.b)
		if got := quo(a, b, c.places); got.String() != c.want || !got.Equal(a.DivRound(b, c.places)) {
			t.Errorf("quo(%s, %s, %d) = %s, want %s", c.a, c.b, c.places, got, c.want)
		}
	}
	// The operands are left as they were.
	a, b := decimal.RequireFromString("1.25"), decimal.RequireFromString("-3.5")
	_, _, _ = sum(a, b), diff(a, b), mul(a, b)
	if a.String() != "1.25" || b.String() != "-3.5" {
		t.Errorf("operands changed: %s %s", a, b)
	}
}

// Scratch handed back (freeInt) never takes a result's cell: results of
// quo, quoTrunc, floor, add3, mul3, mulDiv, mulDiff and mulRoundTo (and what cmp leaves), kept while thousands more
// are made, still hold decimal's values at the end, in four goroutines at
// once (cells are shared between goroutines natively; run with -race too).
func TestFreedScratchLeavesResults(t *testing.T) {
	done := make(chan string, 4)
	for g := range 4 {
		go func() {
			rng := rand.New(rand.NewSource(int64(20 + g)))
			val := func() decimal.Decimal {
				n := new(big.Int).Rand(rng, pow10[1+rng.Intn(len(pow10)-1)])
				n.Add(n, oneInt) // not zero
				if rng.Intn(3) == 0 {
					n.Neg(n)
				}
				return decimal.NewFromBigInt(n, int32(rng.Intn(50)-40))
			}
			type kept struct{ got, want decimal.Decimal }
			var all []kept
			for range 20000 {
				a, b := val(), val()
				places := int32(rng.Intn(30))
				q, _ := a.QuoRem(b, places)
				c := val()
				all = append(all, kept{quo(a, b, places), a.DivRound(b, places)}, kept{quoTrunc(a, b, places), q},
					kept{floor(a), a.Floor()}, kept{sum(a, b), a.Add(b)},
					kept{add3(a, b, c), a.Add(b).Add(c)}, kept{mulDiff(a, b, c), a.Sub(b).Mul(c)}, kept{mulRoundTo(a, b, 3), roundedOver(a.Mul(b), 3)}, kept{mul3(a, b, c), a.Mul(b).Mul(c)}, kept{mulDiv(a, b, c), a.Mul(b).DivRound(c, Prec)})
				if cmp(a, b) != a.Cmp(b) {
					done <- "cmp of " + a.String() + " and " + b.String()
					return
				}
			}
			for _, k := range all {
				if k.got.Cmp(k.want) != 0 || k.got.Exponent() != k.want.Exponent() {
					done <- "kept " + k.got.String() + ", want " + k.want.String()
					return
				}
			}
			done <- ""
		}()
	}
	for range 4 {
		if msg := <-done; msg != "" {
			t.Error(msg)
		}
	}
}

// roundedOver is d rounded to places when it has more (mulRoundTo's
// meaning), d otherwise.
func roundedOver(d decimal.Decimal, places int32) decimal.Decimal {
	if d.Exponent() < -places {
		return d.Round(places)
	}
	return d
}
