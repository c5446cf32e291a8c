package app

import (
	"slices"
	"testing"

	"github.com/infercost/infercost/engine"
)

func TestColorBookFollowsOptions(t *testing.T) {
	ex := engine.Examples[0].Scenario
	f := formFrom(&ex) // three options
	var b colorBook
	b.assign(f)
	if !slices.Equal(b.slots, []int{0, 1, 2}) {
		t.Fatalf("first slots %v", b.slots)
	}
	f.remove(0)
	b.assign(f)
	if !slices.Equal(b.slots, []int{1, 2}) {
		t.Errorf("after removing the first: %v, want the others' colours kept", b.slots)
	}
	f.move(0, 1)
	b.assign(f)
	if !slices.Equal(b.slots, []int{2, 1}) {
		t.Errorf("after a move: %v, want the colours to move with the options", b.slots)
	}
	f.addOption(engine.API) // takes the freed slot 0
	b.assign(f)
	if !slices.Equal(b.slots, []int{2, 1, 0}) {
		t.Errorf("after adding: %v", b.slots)
	}
	// Another form (an example, a link) starts again.
	g := formFrom(&ex)
	b.assign(g)
	if !slices.Equal(b.slots, []int{0, 1, 2}) {
		t.Errorf("new form: %v", b.slots)
	}
}
