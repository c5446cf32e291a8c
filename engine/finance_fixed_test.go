package engine

import (
	"math/big"
	mrand "math/rand"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
)

// TestFixedEqualsQuo: fixed divides by 10^k a word of digits at a time
// (divPow10); its integers are those of one truncating division, for
// positive and negative flows at 1 to 47 places.
func TestFixedEqualsQuo(t *testing.T) {
	rng := mrand.New(mrand.NewSource(3))
	for range 3000 {
		c := new(big.Int).Rand(rng, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(1+rng.Intn(40))), nil))
		if rng.Intn(2) == 0 {
			c.Neg(c)
		}
		e := -int32(1 + rng.Intn(len(pow10)-1))
		d := decimal.NewFromBigInt(c, e)
		want := new(big.Int).Lsh(c, fixedBits)
		want.Quo(want, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-e)), nil))
		if got := fixed(d); got.Cmp(want) != 0 {
			t.Fatalf("fixed(%s) = %s, want %s", d, got, want)
		}
	}
}

// TestDiscountMemo: the remembered discount factors are those of the rate
// and horizon asked for, whatever was asked before. At 0 % every factor
// is 1; at 12.6825030131969720661201 % a year the monthly factor is
// 1/1.01 to Prec places (1.01^12 = 1.126825030131969720661201), so month
// 1's is 0.990099009900990099009901 and month 2's its square, rounded.
func TestDiscountMemo(t *testing.T) {
	rate := decimal.RequireFromString("0.126825030131969720661201")
	first := discountFactors(rate, 60)
	zero := discountFactors(decimal.Zero, 24)
	again := discountFactors(rate, 24)
	if len(first) != 60 || len(zero) != 24 || len(again) != 24 {
		t.Fatalf("lengths %d, %d, %d; want 60, 24, 24", len(first), len(zero), len(again))
	}
	for m := range zero {
		if !zero[m].Equal(decimal.NewFromInt(1)) {
			t.Fatalf("0 %%: month %d's factor %s, want 1", m+1, zero[m])
		}
		if !again[m].Equal(first[m]) {
			t.Fatalf("month %d: %s after other rates, %s first", m+1, again[m], first[m])
		}
	}
	v := decimal.RequireFromString("0.990099009900990099009901")
	if !first[0].Equal(v) || !first[1].Equal(v.Mul(v).Round(Prec)) {
		t.Fatalf("months 1 and 2: %s and %s, want %s and its square", first[0], first[1], v)
	}
}

// TestIRRFromMonths: the finance view takes each month's revenue − cash
// cost for the IRR from its present sum's difference, made in place
// (presentSum.c); the IRR and its note are those irr gives from the
// months' revenue − cash cost worked out with decimal's Sub, on the
// reference, the examples and the link corpora, with revenue (and with
// lower prices, so that more rates fall in the search's range).
func TestIRRFromMonths(t *testing.T) {
	scenarios := corpusScenarios(t)
	// Revenue scaled down too, so that more options have a rate in range.
	for _, s := range slices.Clone(scenarios) {
		if s.Revenue == nil {
			continue
		}
		for _, f := range []string{"0.35", "0.6"} {
			v := s.Clone()
			for _, p := range []*Num{&v.Revenue.PriceInputPerM, &v.Revenue.PriceCachedInputPerM, &v.Revenue.PriceOutputPerM} {
				if p.Set() {
					*p = NumOf(p.Dec().Mul(d(f)))
				}
			}
			scenarios = append(scenarios, v)
		}
	}
	compared := 0
	for k := range scenarios {
		r, err := Evaluate(&scenarios[k])
		if err != nil || scenarios[k].Revenue == nil {
			continue
		}
		for _, o := range r.Options {
			if o.Infeasible != "" {
				continue
			}
			cash := make([]decimal.Decimal, len(o.Months))
			for m, row := range o.Months {
				cash[m] = row.Revenue.Sub(row.CashCost)
			}
			want, note := irr(cash)
			if (want == nil) != (o.IRR == nil) || want != nil && !want.Equal(*o.IRR) || note != o.IRRNote {
				t.Errorf("%s, %s: IRR %v (%q), from the months %v (%q)", scenarios[k].Name, o.Label, o.IRR, o.IRRNote, want, note)
			}
			if want != nil {
				compared++
			}
		}
	}
	t.Logf("%d rates compared", compared)
	if compared < 20 {
		t.Errorf("only %d rates compared", compared)
	}
}
