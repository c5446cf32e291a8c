package engine

import (
	"fmt"
	"os"
	"testing"

	"github.com/shopspring/decimal"
)

// TestRound10Dump evaluates one split (R10=train or validation) at the
// factors given in the environment (R10MBU, R10MFU, R10LAT, R10SHARE,
// R10LAYER, R10K, R10A, R10EPIN, R10EPOUT, R10AMD; unset: the defaults),
// logs the summary of each validation group and writes every case's ratio
// to /tmp/r10_<split><R10TAG>.tsv.
func TestRound10Dump(t *testing.T) {
	split := os.Getenv("R10")
	if split == "" {
		t.Skip()
	}
	env := func(k string) string { return os.Getenv(k) }
	defer func(a bool, k, share, layer, in, out decimal.Decimal) {
		AttentionAfterMatmuls, DecodeMFURatio, CollectiveBandwidthShare, DecodeLayerOverheadUs, ExpertParallelEfficiency, ExpertParallelEfficiencyScaleOut = a, k, share, layer, in, out
	}(AttentionAfterMatmuls, DecodeMFURatio, CollectiveBandwidthShare, DecodeLayerOverheadUs, ExpertParallelEfficiency, ExpertParallelEfficiencyScaleOut)
	AttentionAfterMatmuls = env("R10A") != ""
	for k, p := range map[string]*decimalPtr{"R10K": {&DecodeMFURatio}, "R10SHARE": {&CollectiveBandwidthShare}, "R10LAYER": {&DecodeLayerOverheadUs}, "R10EPIN": {&ExpertParallelEfficiency}, "R10EPOUT": {&ExpertParallelEfficiencyScaleOut}} {
		if v := env(k); v != "" {
			*p.p = d(v)
		}
	}
	var cases []*validationCase
	var b []byte
	for _, r := range readThroughputCSV(t, "cases.csv") {
		if r["split"] != split {
			continue
		}
		c := &validationCase{col: r, measured: ParseNum(r["measured_tokens_per_s"]).Dec()}
		if env("R10MFU") != "" {
			f := one
			if r["stack_efficiency"] != "" {
				f = d(env("R10AMD"))
			}
			c.mfu = NumOf(d(env("R10MFU")).Mul(f))
			c.mbu = NumOf(d(env("R10MBU")).Mul(f))
			c.latencyUs = N(env("R10LAT"))
		}
		if err := c.evaluate(); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, c)
		b = fmt.Appendf(b, "%s\t%s\t%s\t%s\t%s\t%s\t%s/%s\t%s\n", r["id"], r["vendor"], r["kind"], r["model"], r["accelerator"], r["layout"], r["input_tokens"], r["output_tokens"], c.ratio.StringFixed(3))
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
	os.WriteFile("/tmp/r10_"+split+env("R10TAG")+".tsv", b, 0o644)
}

type decimalPtr struct{ p *decimal.Decimal }
