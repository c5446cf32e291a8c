//go:build !js

package engine

import "math/big"

// cellBlocks is the block newInt takes from.
var cellBlocks atomicBlock

// newInt: see fastdec.go. Safe for concurrent use: each cell goes to one
// caller (the block's next is taken atomically; a goroutine that finds
// the block used up swaps in a new one, or takes from another's).
func newInt() *big.Int {
	for {
		b := cellBlocks.Load()
		if b != nil {
			if k := b.next.Add(1) - 1; k < cellsPerBlock {
				return &b.cells[k].i
			}
		}
		nb := newCellBlock()
		nb.next.Store(1)
		if cellBlocks.CompareAndSwap(b, nb) {
			return &nb.cells[0].i
		}
	}
}

// freeInt: see fastdec.go. The last cell handed out is handed back by
// moving the block's next back over it, only if it is still the last
// (compared and swapped: a cell another goroutine took since stays taken,
// and z is then left to the collector).
func freeInt(z *big.Int) {
	b := cellBlocks.Load()
	if b == nil {
		return
	}
	if k := b.next.Load() - 1; k >= 0 && k < cellsPerBlock && &b.cells[k].i == z {
		b.cells[k].reset() // still this goroutine's until the swap
		b.next.CompareAndSwap(k+1, k)
	}
}
