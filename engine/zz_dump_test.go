package engine

import (
	"os"
	"strings"
	"testing"
)

func TestZZDump(t *testing.T) {
	pre := os.Getenv("ZZ")
	if pre == "" {
		t.Skip()
	}
	for _, r := range readThroughputCSV(t, "cases.csv") {
		if !strings.HasPrefix(r["id"], pre) {
			continue
		}
		c := &validationCase{col: r, measured: ParseNum(r["measured_tokens_per_s"]).Dec()}
		if err := c.evaluate(); err != nil {
			t.Fatal(err)
		}
		p := c.checked
		cands, _ := throughputs(p.workload, p.model, &p.options[0])
		for _, tp := range cands {
			if tp.Layout != c.layout() {
				continue
			}
			t.Logf("%s %s %s %s %s/%s b%s: batch %d step %s ms %s pf %s/s est %s meas %s ratio %s", r["id"], r["model"], r["accelerator"], r["layout"], r["input_tokens"], r["output_tokens"], r["max_batch"], *tp.BatchSize, tp.DecodeStepMs.StringFixed(2), tp.Binds(), tp.PrefillTokensPerS.StringFixed(0), c.estimate.StringFixed(0), c.measured.StringFixed(0), c.ratio.StringFixed(2))
		}
	}
}
