package app

import (
	"os"
	"testing"

	"github.com/infercost/infercost/engine"
)

// calculatorOn is a calculator showing the reference scenario's results
// (engine/testdata/reference.json, the scenario the browser bench types
// into), as a keystroke leaves it, natively.
func calculatorOn(tb testing.TB) *Calculator {
	tb.Helper()
	f, err := os.Open("../engine/testdata/reference.json")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	s, err := engine.DecodeScenario(f)
	if err != nil {
		tb.Fatal(err)
	}
	c := &Calculator{sensOption: -1, capOption: -1, sizeOption: -1, sensMetric: engine.MetricCostPerMTokens}
	c.f = formFrom(&s)
	if !c.evaluateNow() {
		tb.Fatal(c.errs)
	}
	c.drawn[0] = drawnResult{c.resultSeq, c.result, c.good} // painted: the table is laid out
	return c
}

// BenchmarkKeystrokeRender times, natively, what the page builds on a
// keystroke besides the engine's evaluation (BenchmarkKeystroke in the
// engine): each piece's go-app tree, before go-app compares it with the
// last one. Under wasm each is several times slower.
func BenchmarkKeystrokeRender(b *testing.B) {
	c := calculatorOn(b)
	edit := func(i int) {
		c.f.Workload["requests_per_day"] = []string{"2000000", "2001000"}[i%2]
		if !c.evaluateNow() {
			b.Fatal(c.errs)
		}
	}
	for _, p := range []struct {
		name string
		fn   func()
	}{
		{"calculator", func() { c.render() }},
		{"inputs", func() { c.renderInputs() }},
		{"changed", func() { c.renderChanged() }},
		{"headline", func() { c.renderHeadline() }},
		{"table-layout", func() { c.layoutTable() }},
		{"table", func() { c.layoutTable(); v := *c.tableMemo.view; v.C = c; v.render() }},
		{"workload-card", func() { c.renderInputs(); (&workloadCard{C: c}).Render() }},
	} {
		b.Run(p.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				b.StopTimer()
				edit(i)
				i++
				b.StartTimer()
				p.fn()
			}
		})
	}
}
