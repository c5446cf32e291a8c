package engine

import (
	"math"
	"math/rand"
	"slices"
	"testing"
)

// sortInt64s sorts as slices.Sort does: empty, one value, duplicates, the
// int64 range's ends (cents saturate there), sorted and reversed input,
// and random slices of 0 to 2,000 values.
func TestSortInt64s(t *testing.T) {
	cases := [][]int64{nil, {}, {7}, {2, 1}, {1, 2}, {3, 3, 3}, {math.MaxInt64, math.MinInt64, 0, -1, 1, math.MaxInt64, math.MinInt64}}
	rng := rand.New(rand.NewSource(5))
	for n := range 60 {
		v := make([]int64, rng.Intn(2001))
		for i := range v {
			switch n % 3 {
			case 0:
				v[i] = rng.Int63n(50) - 25 // many equal values
			case 1:
				v[i] = rng.Int63() - rng.Int63()
			default:
				v[i] = int64(i) // sorted
			}
		}
		if n%6 == 2 {
			slices.Reverse(v)
		}
		cases = append(cases, v)
	}
	for _, c := range cases {
		got, want := slices.Clone(c), slices.Clone(c)
		sortInt64s(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Fatalf("sortInt64s(%v) = %v, want %v", c, got, want)
		}
	}
}
