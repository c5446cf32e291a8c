package app

import (
	"testing"

	"github.com/shopspring/decimal"
)

// TestCoincidingEmptySeries: an option that cannot serve has no points.
// It was reported as "= Token API" (no point differs) and, drawn second,
// made the first series index an empty one (a panic that blanked the
// monthly chart). It coincides with nothing; equal series still do.
func TestCoincidingEmptySeries(t *testing.T) {
	d := func(s string) *decimal.Decimal { v := decimal.RequireFromString(s); return &v }
	y := newAxis([]decimal.Decimal{decimal.Zero, decimal.RequireFromString("10")}, 100, 0)
	series := [][]*decimal.Decimal{{d("1"), d("2")}, {}, {d("1"), d("2")}, {}}
	same, _ := coinciding(series, []string{"API", "H100", "Copy", "B200"}, y)
	if same[0] != "" || same[1] != "" || same[2] != "= API" || same[3] != "" {
		t.Errorf("same = %q", same)
	}
}
