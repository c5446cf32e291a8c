package engine

import (
	"math/bits"
	"slices"

	"github.com/shopspring/decimal"
)

// The sorts below exist to keep app.wasm small: every element type given
// to a generic sort (slices.Sort, slices.SortFunc, slices.SortStableFunc)
// compiles its own copy of the sort, 6 to 20 KB each. Stable sorts go
// through one copy, over indices; unstable ones through package sort,
// which the page links anyway.

// stableOrder is the indices 0..n-1 sorted stably by cmp, which compares
// the elements at two indices.
func stableOrder(n int, cmp func(a, b int) int) []int {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, cmp)
	return order
}

// permute is s reordered: element i of the result is s[order[i]]. An
// empty s is returned as it is (nil stays nil).
func permute[T any](s []T, order []int) []T {
	if len(s) == 0 {
		return s
	}
	out := make([]T, len(s))
	for i, j := range order {
		out[i] = s[j]
	}
	return out
}

// decimals sorts (sort.Sort) in ascending order of value.
type decimals []decimal.Decimal

func (d decimals) Len() int           { return len(d) }
func (d decimals) Less(i, j int) bool { return d[i].Cmp(d[j]) < 0 }
func (d decimals) Swap(i, j int)      { d[i], d[j] = d[j], d[i] }

// sortInt64s sorts s in ascending order: a heapsort, in place, written
// for int64 (the fan chart's cents: each month of each option, a thousand
// draws; now selectInt64s's fallback). Under wasm the 240 sorts of the reference's 1,000 draws took
// 105–125 ms with sort.Sort (Less and Swap called through an interface)
// and 20–57 ms so; a generic sort would add code for one more element
// type (package sort is shared, see stableOrder).
func sortInt64s(s []int64) {
	n := len(s)
	for i := n/2 - 1; i >= 0; i-- {
		siftInt64s(s, i, n)
	}
	for end := n - 1; end > 0; end-- {
		s[0], s[end] = s[end], s[0]
		siftInt64s(s, 0, end)
	}
}

// siftInt64s moves s[i] down the max-heap s[:n] to its place.
func siftInt64s(s []int64, i, n int) {
	for {
		c := 2*i + 1
		if c >= n {
			return
		}
		if c+1 < n && s[c+1] > s[c] {
			c++
		}
		if s[i] >= s[c] {
			return
		}
		s[i], s[c] = s[c], s[i]
		i = c
	}
}

// selectInt64s reorders s so that s[k] holds the value sorting s would put
// there, with none greater before it and none smaller after it (0 ≤ k <
// len(s)): a quickselect, each pass partitioning around the median of
// three values, the side holding k kept. The fan chart needs three ranks
// of each month's draws, not their order: this takes time in proportion
// to the draws where a sort took that times their logarithm. Should the
// partitions shrink slowly (more passes than twice the length's bits), it
// sorts what is left instead, so it never takes longer than a heapsort.
func selectInt64s(s []int64, k int) {
	lo, hi := 0, len(s) // s[lo:hi] holds rank k
	for budget := 2 * bits.Len(uint(len(s))); hi-lo > 12; budget-- {
		if budget == 0 {
			sortInt64s(s[lo:hi])
			return
		}
		a, b, c := s[lo], s[lo+(hi-lo)/2], s[hi-1]
		p := max(min(a, b), min(max(a, b), c)) // the median of a, b, c
		// After the partition, s[lo:j+1] ≤ p, s[i:hi] ≥ p and the values
		// between (if any) are p.
		i, j := lo, hi-1
		for i <= j {
			for s[i] < p {
				i++
			}
			for s[j] > p {
				j--
			}
			if i <= j {
				s[i], s[j] = s[j], s[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j + 1
		case k >= i:
			lo = i
		default:
			return // s[k] is p, in its place
		}
	}
	for i := lo + 1; i < hi; i++ { // insertion sort of the few left
		for j := i; j > lo && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
