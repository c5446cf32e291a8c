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
				c := &b.cells[k]
				c.i.SetBits(c.w[:0])
				return &c.i
			}
		}
		nb := new(cellBlock)
		nb.next.Store(1)
		if cellBlocks.CompareAndSwap(b, nb) {
			c := &nb.cells[0]
			c.i.SetBits(c.w[:0])
			return &c.i
		}
	}
}
