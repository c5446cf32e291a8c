package app

import "fmt"

// Option colours follow the option, not its position: a colour (one of
// seriesClasses CSS classes .s1 … .s8) is given to an option the first
// time it is evaluated and kept while it exists, through moves and the
// removal of others. Category colours (.c1 … .c8, the breakdown chart) are
// a separate palette; web/palette_test.go checks that both can be told
// apart with deuteranopia and protanopia, and from each other.
//
// The identity of an option is the form's option ID, unique within a form
// (form.gen) and kept through moves (see optionKeys: the one place that
// reads the form).

// colorBook assigns the colour slots.
type colorBook struct {
	gen   int
	slot  map[int]int // option ID → colour slot
	slots []int       // slot of each option of the last result, by index
}

// optionKeys is the identity of each option of the form, in order.
func optionKeys(f *form) (gen int, ids []int) {
	for _, o := range f.Options {
		ids = append(ids, o.ID)
	}
	return f.gen, ids
}

// assign gives every option of f a slot: the one it had, else the lowest
// slot no other option holds. Call it with the form a result was computed
// from, when the result is kept.
func (b *colorBook) assign(f *form) {
	gen, ids := optionKeys(f)
	if b.slot == nil || gen != b.gen {
		b.gen, b.slot = gen, map[int]int{}
	}
	live := map[int]bool{}
	for _, id := range ids {
		live[id] = true
	}
	for id := range b.slot {
		if !live[id] {
			delete(b.slot, id)
		}
	}
	b.slots = b.slots[:0]
	for _, id := range ids {
		s, ok := b.slot[id]
		if !ok {
			s = b.free()
			b.slot[id] = s
		}
		b.slots = append(b.slots, s)
	}
}

// free is the lowest slot no option holds (with more options than
// colours, the least used one).
func (b *colorBook) free() int {
	used := make([]int, seriesClasses)
	for _, s := range b.slot {
		used[s%seriesClasses]++
	}
	best := 0
	for s, n := range used {
		if n < used[best] {
			best = s
		}
	}
	return best
}

// class is the CSS class of the colour of the result's option i.
func (b *colorBook) class(i int) string {
	if i < len(b.slots) {
		return seriesClass(b.slots[i])
	}
	return seriesClass(i)
}

// optionClass is the colour class of option i of the results on screen.
func (c *Calculator) optionClass(i int) string { return c.colors.class(i) }

// categoryClass is the colour class of engine.Categories[i].
func categoryClass(i int) string { return fmt.Sprintf("c%d", i%8+1) }

// formOptionClass is the colour class of the form's option i, for its card:
// the colour its results have, or its position's before it was evaluated.
func (c *Calculator) formOptionClass(i int) string {
	if c.f != nil && i < len(c.f.Options) && c.colors.gen == c.f.gen {
		if s, ok := c.colors.slot[c.f.Options[i].ID]; ok {
			return seriesClass(s)
		}
	}
	return seriesClass(i)
}
