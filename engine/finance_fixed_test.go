package engine

import (
	"math/big"
	mrand "math/rand"
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
