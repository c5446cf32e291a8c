package engine

import (
	"fmt"
	"os"
	"testing"

	"github.com/shopspring/decimal"
)

// TestRound12Dump evaluates the training set (R12=train) at the defaults and
// writes every training case's ratio with its batch, bound and step to
// /tmp/r12/train<R12TAG>.tsv. Training only: the round chooses from these.
func TestRound12Dump(t *testing.T) {
	split := os.Getenv("R12")
	if split != "train" {
		t.Skip()
	}
	defer func(f bool, bm decimal.Decimal) { Round12F, Round12GroupedTileM = f, bm }(Round12F, Round12GroupedTileM)
	Round12F = os.Getenv("R12F") != ""
	if v := os.Getenv("R12TILE"); v != "" {
		Round12GroupedTileM = d(v)
	}
	var cases []*validationCase
	var b []byte
	for _, r := range readThroughputCSV(t, "cases.csv") {
		if r["split"] != split {
			continue
		}
		c := &validationCase{col: r, measured: ParseNum(r["measured_tokens_per_s"]).Dec()}
		if err := c.evaluate(); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, c)
		p := c.checked
		cands, _ := throughputs(p.workload, p.model, &p.options[0])
		var tp Throughput
		for _, x := range cands {
			if x.Layout == c.layout() {
				tp = x
			}
		}
		bs := int64(0)
		if tp.BatchSize != nil {
			bs = *tp.BatchSize
		}
		step := ""
		if tp.DecodeStepMs != nil {
			step = tp.DecodeStepMs.StringFixed(2)
		}
		b = fmt.Appendf(b, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s/%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\n", r["id"], r["source"], r["vendor"], r["kind"], r["model"], r["accelerator"], r["layout"], r["input_tokens"], r["output_tokens"], r["phase"], bs, tp.Bound, tp.BatchLimit, step, tp.InputShareOfTime.StringFixed(2), c.ratio.StringFixed(3))
	}
	for _, g := range validationGroups {
		var in []*validationCase
		for _, c := range cases {
			if g.in(c.col) {
				in = append(in, c)
			}
		}
		a := accuracyOf(in)
		t.Logf("%-16s %3d cases: %3d within ±25 %%, %3d within 0.5–2×, median ratio %s, median |ln ratio| %s", g.label, a.n, a.within25, a.within2x, a.medianRatio.StringFixed(2), a.medianLn.StringFixed(5))
	}
	a := accuracyOf(cases)
	t.Logf("%d cases: %d within ±25 %%, %d within 0.5–2×, median |ln ratio| %s", a.n, a.within25, a.within2x, a.medianLn.StringFixed(5))
	os.WriteFile("/tmp/r12/"+split+os.Getenv("R12TAG")+".tsv", b, 0o644)
}
