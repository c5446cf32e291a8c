package engine

import (
	"math"
	"math/big"
	"math/rand"
	"slices"
	"testing"
)

// sortInt64s sorts as slices.Sort does: empty, one value, duplicates, the
// int64 range's ends (cents saturate there), sorted and reversed input,
// and random slices of 0 to 2,000 values.
func TestSortInt64s(t *testing.T) {
	cases := append([][]int64{nil, {}}, int64Cases(rand.New(rand.NewSource(5)), 3, 6, 0)...)
	for _, c := range cases {
		got, want := slices.Clone(c), slices.Clone(c)
		sortInt64s(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Fatalf("sortInt64s(%v) = %v, want %v", c, got, want)
		}
	}
}

// selectInt64s puts at every rank the value slices.Sort puts there, with
// none greater before it and none smaller after it, for the cases of
// TestSortInt64s and slices built to defeat a median-of-three pivot (its
// fallback to sorting then runs).
func TestSelectInt64s(t *testing.T) {
	rng := rand.New(rand.NewSource(6))
	cases := int64Cases(rng, 4, 8, 1)
	// Organ pipe and sawtooth: a median of three near an end of the
	// range at every pass.
	pipe, saw := make([]int64, 1000), make([]int64, 1000)
	for i := range pipe {
		pipe[i] = int64(min(i, 999-i))
		saw[i] = int64(i % 32)
	}
	cases = append(cases, pipe, saw)
	for _, c := range cases {
		want := slices.Clone(c)
		slices.Sort(want)
		ks := []int{0, len(c) - 1, len(c) / 2, (10*len(c)+99)/100 - 1, (90*len(c)+99)/100 - 1}
		for range 5 {
			ks = append(ks, rng.Intn(len(c)))
		}
		for _, k := range ks {
			got := slices.Clone(c)
			selectInt64s(got, k)
			if got[k] != want[k] {
				t.Fatalf("len %d, rank %d: %d, want %d", len(c), k, got[k], want[k])
			}
			for i := range got {
				if i < k && got[i] > got[k] || i > k && got[i] < got[k] {
					t.Fatalf("len %d, rank %d: %d at %d", len(c), k, got[i], i)
				}
			}
			if g, w := slices.Sorted(slices.Values(got)), want; !slices.Equal(g, w) {
				t.Fatalf("len %d, rank %d: not a permutation", len(c), k)
			}
		}
	}
}

// divPow10 gives c.QuoRem's quotient, 10^19 at a time, and whether a
// remainder was left: for zero, ±1, ±(10^k ± 1) around every power it
// divides by, and random integers of up to 600 bits of either sign, for
// every k of the table.
func TestDivPow10(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	var xs []*big.Int
	for k := range len(pow10) {
		for _, d := range []int64{-1, 0, 1} {
			x := new(big.Int).Add(pow10[k], big.NewInt(d))
			xs = append(xs, x, new(big.Int).Neg(x))
		}
	}
	for range 400 {
		x := new(big.Int).Rand(rng, new(big.Int).Lsh(big.NewInt(1), uint(rng.Intn(600)+1)))
		if rng.Intn(2) == 0 {
			x.Neg(x)
		}
		xs = append(xs, x)
	}
	xs = append(xs, new(big.Int))
	for _, x := range xs {
		for k := range len(pow10) {
			want, r := new(big.Int).Set(x), new(big.Int)
			wantInexact := false
			for j := k; j > 0; j -= wordDigits {
				want.QuoRem(want, pow10[min(j, wordDigits)], r)
				wantInexact = wantInexact || r.Sign() != 0
			}
			got := new(big.Int).Set(x)
			if inexact := divPow10(got, k, new(big.Int)); got.Cmp(want) != 0 || inexact != wantInexact {
				t.Fatalf("divPow10(%s, %d) = %s, %v; want %s, %v", x, k, got, inexact, want, wantInexact)
			}
		}
	}
}

// int64Cases is the slices the sort and the selection are checked on: one
// value, two in both orders, three equal, the int64 range's ends (cents
// saturate there), then 60 random slices of minLen to 2,000 values, the
// n-th of kind n % kinds: many equal values, any values, sorted, and (with
// 4 kinds) two values; every reverse-th one reversed.
func int64Cases(rng *rand.Rand, kinds, reverse, minLen int) [][]int64 {
	cases := [][]int64{{7}, {2, 1}, {1, 2}, {3, 3, 3}, {math.MaxInt64, math.MinInt64, 0, -1, 1, math.MaxInt64, math.MinInt64}}
	for n := range 60 {
		v := make([]int64, rng.Intn(2001-minLen)+minLen)
		for i := range v {
			switch n % kinds {
			case 0:
				v[i] = rng.Int63n(50) - 25 // many equal values
			case 1:
				v[i] = rng.Int63() - rng.Int63()
			case 2:
				v[i] = int64(i) // sorted
			default:
				v[i] = int64(i % 2) // two values
			}
		}
		if n%reverse == 2 {
			slices.Reverse(v)
		}
		cases = append(cases, v)
	}
	return cases
}
