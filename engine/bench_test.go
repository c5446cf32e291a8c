package engine

import (
	"testing"
	"time"
)

// BenchmarkEvaluate is the reference scenario: three self-hosted options and
// one API over 60 months. Target under wasm: 4 ms (issue 11).
//
// It is the first benchmark of make bench's process, and under wasm the
// first evaluations also pay for V8 compiling the engine's hot functions
// again, optimised (Liftoff, then TurboFan): the first evaluation is
// reported on its own (first-ms), and warmUp more run before the timed
// loop (b.Loop times only itself), as a keystroke on the page runs warm.
func BenchmarkEvaluate(b *testing.B) {
	s := loadReference(b)
	start := time.Now()
	if _, err := Evaluate(s); err != nil {
		b.Fatal(err)
	}
	first := time.Since(start)
	for range warmUp {
		if _, err := Evaluate(s); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Evaluate(s); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(first.Microseconds())/1000, "first-ms")
}

// warmUp is the evaluations BenchmarkEvaluate runs before it times.
const warmUp = 100

// BenchmarkSensitivity is a full tornado of each self-hosted option of the
// reference scenario (the owned one has the most inputs). Target under
// wasm: 30 ms.
func BenchmarkSensitivity(b *testing.B) {
	s := loadReference(b)
	for _, i := range []int{0, 1, 2} {
		b.Run(s.Options[i].Label, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Sensitivity(s, i, MetricTotalCost, DefaultSwingPercent, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEncodeLink is the reference scenario's link, which the app
// writes to the address bar once typing pauses.
func BenchmarkEncodeLink(b *testing.B) {
	s := loadReference(b)
	b.ReportAllocs()
	for b.Loop() {
		if EncodeLink(s) == "" {
			b.Fatal("empty link")
		}
	}
}

// BenchmarkCommitSizing sizes the commitment of the reference scenario's
// cloud option (60 months) over the default terms, from its evaluation, as
// the page does once results are painted, by total cost. Target under
// wasm: 50 ms.
func BenchmarkCommitSizing(b *testing.B) { benchSizing(b, "") }

// BenchmarkCommitSizingNetPresent is the same sizing by net present cost
// (sizing_basis 1, the reference's discount rate).
func BenchmarkCommitSizingNetPresent(b *testing.B) { benchSizing(b, "1") }

func benchSizing(b *testing.B, basis string) {
	s := loadReference(b)
	s.Workload.SizingBasis = ParseNum(basis)
	r, err := Evaluate(s)
	if err != nil {
		b.Fatal(err)
	}
	i := -1
	for k := range s.Options {
		if s.Options[k].Kind == Cloud {
			i = k
			break
		}
	}
	if r.Horizon != 60 || i < 0 {
		b.Fatalf("the reference scenario has %d months and cloud option %d", r.Horizon, i)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := SizeCommitment(s, r, i, nil); err != nil {
			b.Fatal(err)
		}
	}
}
