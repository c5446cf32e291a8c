package engine

import (
	"fmt"
	"os"
	"testing"

	"github.com/shopspring/decimal"
)

// TestRound11Dump evaluates one split (R11=train or validation) at the
// factors given in the environment (R11MBU, R11MFU, R11LAT, R11SHARE,
// R11LAYER, R11K, R11A, R11EPIN, R11EPOUT, R11AMD; unset: the defaults),
// logs the summary of each validation group and writes every case's ratio
// to /tmp/r11_<split><R11TAG>.tsv.
func TestRound11Dump(t *testing.T) {
	split := os.Getenv("R11")
	if split == "" {
		t.Skip()
	}
	env := func(k string) string { return os.Getenv(k) }
	defer func(a bool, k, share, layer, in, out decimal.Decimal) {
		AttentionAfterMatmuls, DecodeMFURatio, CollectiveBandwidthShare, DecodeLayerOverheadUs, ExpertParallelEfficiency, ExpertParallelEfficiencyScaleOut = a, k, share, layer, in, out
	}(AttentionAfterMatmuls, DecodeMFURatio, CollectiveBandwidthShare, DecodeLayerOverheadUs, ExpertParallelEfficiency, ExpertParallelEfficiencyScaleOut)
	AttentionAfterMatmuls = env("R11A") != ""
	for k, p := range map[string]*decimalPtr{"R11K": {&DecodeMFURatio}, "R11SHARE": {&CollectiveBandwidthShare}, "R11LAYER": {&DecodeLayerOverheadUs}, "R11EPIN": {&ExpertParallelEfficiency}, "R11EPOUT": {&ExpertParallelEfficiencyScaleOut}} {
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
		if env("R11MFU") != "" {
			f := one
			if r["stack_efficiency"] != "" {
				f = d(env("R11AMD"))
			}
			if v := env("R11BW"); v != "" && (r["accelerator"] == "B200" || r["accelerator"] == "GB200") {
				f = d(v)
			}
			c.mfu = NumOf(d(env("R11MFU")).Mul(f))
			c.mbu = NumOf(d(env("R11MBU")).Mul(f))
			c.latencyUs = N(env("R11LAT"))
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
	os.WriteFile("/tmp/r11_"+split+env("R11TAG")+".tsv", b, 0o644)
}

type decimalPtr struct{ p *decimal.Decimal }
