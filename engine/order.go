package engine

import (
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

// int64s sorts (sort.Sort) in ascending order.
type int64s []int64

func (s int64s) Len() int           { return len(s) }
func (s int64s) Less(i, j int) bool { return s[i] < s[j] }
func (s int64s) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }
