package engine

import (
	"fmt"
	"os"
	"testing"
)

func TestRound9Dump(t *testing.T) {
	if os.Getenv("R9") == "" {
		t.Skip()
	}
	split := os.Getenv("R9")
	defer func(a bool) { AttentionAfterMatmuls = a }(AttentionAfterMatmuls)
	AttentionAfterMatmuls = os.Getenv("R9A") != ""
	var b []byte
	for _, r := range readThroughputCSV(t, "cases.csv") {
		if r["split"] != split {
			continue
		}
		c := &validationCase{col: r, measured: ParseNum(r["measured_tokens_per_s"]).Dec()}
		if v := os.Getenv("R9MFU"); v != "" {
			f := one
			if r["stack_efficiency"] != "" {
				f = d(r["stack_efficiency"])
			}
			c.mfu = NumOf(d(v).Mul(f))
			c.mbu = NumOf(d(os.Getenv("R9MBU")).Mul(f))
		}
		if err := c.evaluate(); err != nil {
			t.Fatal(err)
		}
		p := c.checked
		cands, _ := throughputs(p.workload, p.model, &p.options[0])
		var tp Throughput
		for _, x := range cands {
			if x.Layout == c.layout() {
				tp = x
			}
		}
		bb := dec(*tp.BatchSize)
		m, o, w := p.model, &p.options[0], p.workload
		wb := m.stepWeightBytes(bb)
		kv := bb.Mul(w.in.Add(div(w.out, two)).Mul(m.kvPerToken))
		n := dec(tp.AcceleratorsPerReplica)
		memt := div(wb.Add(kv), n.Mul(o.accel.bandwidth).Mul(o.mbu))
		flt := div(bb.Mul(two.Mul(m.activeParams)), n.Mul(o.accel.flops).Mul(o.mfu))
		_ = memt
		b = fmt.Appendf(b, "kvshare=%s\tmem=%s\tflop=%s\t", div(kv, wb.Add(kv)).StringFixed(2), memt.Mul(thousand).StringFixed(1), flt.Mul(thousand).StringFixed(1))
		b = fmt.Appendf(b, "%s\t%s\t%s\t%s\t%s\t%s\t%s/%s\tmb=%s\tb=%d\t%s\tstep=%s\tin%%=%s\test=%s\tmeas=%s\tr=%s\n",
			r["id"], r["vendor"], r["kind"], r["model"], r["accelerator"], r["layout"], r["input_tokens"], r["output_tokens"], r["max_batch"],
			*tp.BatchSize, tp.Bound, tp.DecodeStepMs.StringFixed(2), tp.InputShareOfTime.StringFixed(2), c.estimate.StringFixed(0), c.measured.StringFixed(0), c.ratio.StringFixed(6))
	}
	os.WriteFile("/tmp/r9_"+split+".tsv", b, 0o644)
}
