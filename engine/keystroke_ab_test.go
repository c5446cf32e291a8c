package engine

import (
	"os"
	"slices"
	"testing"
	"time"
)

// TestKeystrokeAB times the keystroke path's variants in one process,
// interleaved round by round, so that a loaded machine weighs on each
// alike: the reference (with its discount factors remembered from the last
// keystroke, as when typing, and worked out afresh, as before they were
// remembered), and the hybrid example with its base searched by hybridScan
// and by the brute force, given, and with an owned base. Run it under wasm
// (docs/performance.md) with INFERCOST_AB=1; it reports the fastest round
// and the median, in ms an evaluation.
func TestKeystrokeAB(t *testing.T) {
	if os.Getenv("INFERCOST_AB") == "" {
		t.Skip("set INFERCOST_AB=1 to time the keystroke path's variants")
	}
	ref := loadReference(t)
	hybrid := Examples[len(Examples)-1].Scenario.Clone()
	given := hybrid.Clone()
	given.Options[3].BaseAccelerators = N("12")
	owned := hybrid.Clone()
	owned.Options[0] = Option{Label: "owned", Kind: Owned, Accelerator: &Accelerator{Preset: "h100-sxm"}, AcceleratorsPerReplica: N("2")}
	head := func(s *Scenario, brute, forget bool) func() {
		return func() {
			if forget {
				discountMemo.Lock()
				discountMemo.factors = nil
				discountMemo.Unlock()
			}
			p, errs := Check(s)
			if errs != nil {
				t.Fatal(errs)
			}
			p.noPower, p.bruteHybrid = true, brute
			if _, err := p.evaluate(); err != nil {
				t.Fatal(err)
			}
		}
	}
	variants := []struct {
		name string
		run  func()
	}{
		{"reference", head(ref, false, false)},
		{"reference, discount worked out", head(ref, false, true)},
		{"hybrid, scan", head(&hybrid, false, false)},
		{"hybrid, brute force", head(&hybrid, true, false)},
		{"hybrid, base given", head(&given, false, false)},
		{"hybrid owned base, scan", head(&owned, false, false)},
		{"hybrid owned base, brute force", head(&owned, true, false)},
	}
	const rounds, each = 30, 10
	times := make([][]float64, len(variants))
	for r := range rounds {
		for i, v := range variants {
			start := time.Now()
			for range each {
				v.run()
			}
			if r >= 3 { // the first rounds compile and warm up
				times[i] = append(times[i], float64(time.Since(start).Microseconds())/1000/each)
			}
		}
	}
	for i, v := range variants {
		s := slices.Sorted(slices.Values(times[i]))
		t.Logf("%-34s fastest round %6.2f ms, median %6.2f ms", v.name, s[0], s[len(s)/2])
	}
}
