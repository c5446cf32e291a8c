//go:build js

package engine

import "math/big"

// The block newInt takes from, and its next cell.
var (
	cellBlockJS *cellBlock
	cellNextJS  int
)

// newInt: see fastdec.go. WebAssembly runs Go on one thread, and a
// goroutine gives way only where it blocks or allocates: the block and
// its next cell are read and the next one taken with no call between, and
// a goroutine that allocates a block takes its first cell after the
// allocation, so each cell goes to one caller without atomic operations
// (each a call in this build).
func newInt() *big.Int {
	b, k := cellBlockJS, cellNextJS
	if b == nil || k >= cellsPerBlock {
		b, k = newCellBlock(), 0
		cellBlockJS = b
	}
	cellNextJS = k + 1
	return &b.cells[k].i
}

// freeInt: see fastdec.go. One thread, and no call between reading the
// block and moving its next back: as newInt.
func freeInt(z *big.Int) {
	if b, k := cellBlockJS, cellNextJS-1; b != nil && k >= 0 && &b.cells[k].i == z {
		b.cells[k].reset()
		cellNextJS = k
	}
}
