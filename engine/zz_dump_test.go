package engine

import (
	"fmt"
	"strings"
	"testing"
)

func TestZZDump(t *testing.T) {
	for _, r := range readThroughputCSV(t, "cases.csv") {
		if !strings.HasPrefix(r["id"], "TRT10-") && !strings.HasPrefix(r["id"], "TRT013-") {
			continue
		}
		if r["model"] != "Llama-3.1-70B" && r["model"] != "Llama-3.1-405B" && r["model"] != "Llama-3.3-70B" {
			continue
		}
		c := &validationCase{col: r, measured: ParseNum(r["measured_tokens_per_s"]).Dec()}
		if err := c.check(); err != nil {
			t.Fatal(err)
		}
		p := c.checked
		cands, _ := throughputs(p.workload, p.model, &p.options[0])
		tp := cands[0]
		for _, x := range cands {
			if x.Layout == c.layout() {
				tp = x
			}
		}
		c.estimateChecked()
		fmt.Printf("%-11s %-6s %s n=%d %5s/%-5s b=%d(%s) step=%sms %s prefill/acc=%s inshare=%s ratio=%s\n", r["id"], r["accelerator"], r["model"], tp.AcceleratorsPerReplica, r["input_tokens"], r["output_tokens"], *tp.BatchSize, tp.BatchLimit, tp.DecodeStepMs.StringFixed(1), tp.Bound, tp.PrefillTokensPerS.StringFixed(0), tp.InputShareOfTime.StringFixed(2), c.ratio.StringFixed(2))
	}
}
