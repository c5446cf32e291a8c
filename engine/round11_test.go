package engine

import (
	"os"
	"testing"

	"github.com/shopspring/decimal"
)

// TestRound11Fit refits the factors for the eleventh round's candidates
// (docs/methodology.md, "Eleventh round") on the declared step-1 grid:
// R11FIT=base (today's physics), E (a Blackwell stack efficiency), AE
// (with attention after the matmuls) or ADE (and decode's FLOPs at k × MFU).
func TestRound11Fit(t *testing.T) {
	which := os.Getenv("R11FIT")
	if which == "" {
		t.Skip("R11FIT unset")
	}
	defer func(a bool) { AttentionAfterMatmuls = a }(AttentionAfterMatmuls)
	g := efficiencyGrid
	g.mbu = []string{"0.75", "0.8", "0.85", "0.9"}
	g.mfu = []string{"0.35", "0.4", "0.45", "0.5", "0.55", "0.6", "0.65", "0.7"}
	g.latencyUs = []string{"20", "35", "50"}
	g.linkShare = []string{"0.5", "0.3", "0.2"}
	g.layerOverheadUs = []string{"10", "20", "30"}
	shares := []string{"1", "0.9", "0.8", "0.7", "0.6", "0.5", "0.4", "0.3"}
	blackwell := true
	switch which {
	case "base":
		shares, blackwell = []string{"1"}, false
	case "E":
		shares = []string{"1"}
	case "AE":
		shares = []string{"1"}
		AttentionAfterMatmuls = true
	case "ADE":
		AttentionAfterMatmuls = true
	default:
		t.Fatalf("R11FIT=%s", which)
	}
	fitRound11(t, g, shares, blackwell)
}

// isBlackwell is whether a case runs on an NVIDIA Blackwell accelerator.
func isBlackwell(c *validationCase) bool {
	return c.col["accelerator"] == "B200" || c.col["accelerator"] == "GB200"
}

func fitRound11(t *testing.T, g struct{ mbu, mfu, latencyUs, linkShare, layerOverheadUs, expertEfficiency, stackEfficiency []string }, shares []string, blackwell bool) {
	var train []*validationCase
	for _, r := range readThroughputCSV(t, "cases.csv") {
		if r["split"] == "train" {
			train = append(train, &validationCase{col: r, measured: ParseNum(r["measured_tokens_per_s"]).Dec()})
		}
	}
	if len(train) < 100 {
		t.Fatalf("%d training cases: too few to fit", len(train))
	}
	defaultShare, defaultOverlap, defaultEff, defaultEffOut, defaultLayer := CollectiveBandwidthShare, ExpertParallelOverlap, ExpertParallelEfficiency, ExpertParallelEfficiencyScaleOut, DecodeLayerOverheadUs
	defer func() {
		CollectiveBandwidthShare, ExpertParallelOverlap, ExpertParallelEfficiency, ExpertParallelEfficiencyScaleOut, DecodeLayerOverheadUs = defaultShare, defaultOverlap, defaultEff, defaultEffOut, defaultLayer
	}()
	// Each factor is fitted on the cases its term applies to, in turn:
	//  1. MBU, MFU, the collective latency, the all-reduce's link share and
	//     the decode step's time a layer on the cases evaluated tensor parallel on accelerators without a
	//     stack efficiency (the NVIDIA, Intel and Google ones: the factor
	//     is 1 there by definition; the expert-parallel factors do not
	//     touch these cases);
	//  2. with those fixed, the stack efficiency on the tensor-parallel
	//     cases of accelerators that carry one (AMD Instinct);
	//  3. with those fixed, the expert-parallel overlap and efficiencies
	//     on the cases evaluated expert parallel: for each overlap, the
	//     efficiency within one scale-up domain on the cases within one
	//     and the efficiency across the scale-out network on the cases
	//     wider than their domain; the overlap whose pair gives the
	//     smaller median |ln ratio| over all of them.
	var tensor, stacked, blackTP, expert, expertIn, expertOut []*validationCase
	for _, c := range train {
		switch {
		case c.layout() == LayoutExpert:
			expert = append(expert, c)
			if c.scalesOut() {
				expertOut = append(expertOut, c)
			} else {
				expertIn = append(expertIn, c)
			}
		case c.col["stack_efficiency"] != "":
			stacked = append(stacked, c)
		case blackwell && isBlackwell(c):
			blackTP = append(blackTP, c)
		default:
			tensor = append(tensor, c)
		}
	}
	var best [6]string // MBU, MFU, latency, link share, expert-parallel efficiency within a domain and across
	var bestLayer, bestShare string
	defaultK := DecodeMFURatio
	defer func() { DecodeMFURatio = defaultK }()
	var bestOverlap bool
	var bestA accuracy
	for _, ashare := range shares {
		DecodeMFURatio = d(ashare)
		for _, layer := range g.layerOverheadUs {
			DecodeLayerOverheadUs = d(layer)
			for _, mbu := range g.mbu {
				for _, mfu := range g.mfu {
					for _, us := range g.latencyUs {
						// The link share is read only by the estimate: each
						// case is checked once for all the shares.
						for _, c := range tensor {
							c.mbu, c.mfu, c.latencyUs = N(mbu), N(mfu), N(us)
						}
						if c, err := forCases(tensor, (*validationCase).check); err != nil {
							t.Fatalf("%s: %v", c.col["id"], err)
						}
						for _, share := range g.linkShare {
							CollectiveBandwidthShare = d(share)
							if c, err := forCases(tensor, (*validationCase).estimateChecked); err != nil {
								t.Fatalf("%s: %v", c.col["id"], err)
							}
							if a := accuracyOf(tensor); best[0] == "" || a.medianLn.Cmp(bestA.medianLn) < 0 {
								best, bestLayer, bestA, bestShare = [6]string{mbu, mfu, us, share, "", ""}, layer, a, ashare
							}
						}
					}
				}
			}
		}
	}
	CollectiveBandwidthShare, DecodeLayerOverheadUs, DecodeMFURatio = d(best[3]), d(bestLayer), d(bestShare)
	// at sets a case's MBU, MFU and latency to the fitted values, scaled
	// by stack, the stack efficiency of the case's accelerator ("" for one).
	at := func(c *validationCase, stack string) {
		f := one
		if stack != "" {
			f = d(stack)
		}
		c.mbu, c.mfu, c.latencyUs = NumOf(d(best[0]).Mul(f)), NumOf(d(best[1]).Mul(f)), N(best[2])
	}
	bestStack, bestS := "", accuracy{}
	for _, f := range g.stackEfficiency {
		for _, c := range stacked {
			at(c, f)
		}
		if c, err := forCases(stacked, (*validationCase).evaluate); err != nil {
			t.Fatalf("%s: %v", c.col["id"], err)
		}
		if a := accuracyOf(stacked); len(stacked) > 0 && (bestStack == "" || a.medianLn.Cmp(bestS.medianLn) < 0) {
			bestStack, bestS = f, a
		}
	}
	bestB, bestBA := "", accuracy{}
	if blackwell {
		for _, f := range g.stackEfficiency {
			for _, c := range blackTP {
				at(c, f)
			}
			if c, err := forCases(blackTP, (*validationCase).evaluate); err != nil {
				t.Fatalf("%s: %v", c.col["id"], err)
			}
			if a := accuracyOf(blackTP); bestB == "" || a.medianLn.Cmp(bestBA.medianLn) < 0 {
				bestB, bestBA = f, a
			}
		}
	}
	stackOf := func(c *validationCase) string {
		if blackwell && isBlackwell(c) {
			return bestB
		}
		if c.col["stack_efficiency"] == "" {
			return ""
		}
		return bestStack
	}
	// fitEff is the grid value whose estimates of cases have the smallest
	// median |ln ratio|, set through set.
	fitEff := func(cases []*validationCase, set func(decimal.Decimal)) string {
		var bestEff string
		var bestC accuracy
		for _, eff := range g.expertEfficiency {
			set(d(eff))
			for _, c := range cases {
				at(c, stackOf(c))
			}
			if c, err := forCases(cases, (*validationCase).evaluate); err != nil {
				t.Fatalf("%s: %v", c.col["id"], err)
			}
			if a := accuracyOf(cases); bestEff == "" || a.medianLn.Cmp(bestC.medianLn) < 0 {
				bestEff, bestC = eff, a
			}
		}
		set(d(bestEff))
		return bestEff
	}
	var bestE accuracy
	for _, overlap := range []bool{false, true} {
		ExpertParallelOverlap = overlap
		in := fitEff(expertIn, func(x decimal.Decimal) { ExpertParallelEfficiency = x })
		out := fitEff(expertOut, func(x decimal.Decimal) { ExpertParallelEfficiencyScaleOut = x })
		for _, c := range expert {
			at(c, stackOf(c))
		}
		if c, err := forCases(expert, (*validationCase).evaluate); err != nil {
			t.Fatalf("%s: %v", c.col["id"], err)
		}
		if a := accuracyOf(expert); best[4] == "" || a.medianLn.Cmp(bestE.medianLn) < 0 {
			best[4], best[5], bestOverlap, bestE = in, out, overlap, a
		}
	}
	ExpertParallelOverlap, ExpertParallelEfficiency, ExpertParallelEfficiencyScaleOut = bestOverlap, d(best[4]), d(best[5])
	for _, c := range train { // all cases at the fitted values, for the log
		at(c, stackOf(c))
		if err := c.evaluate(); err != nil {
			t.Fatal(err)
		}
	}
	bestA = accuracyOf(train)
	t.Logf("%d training cases (%d tensor parallel, %d with a stack efficiency, %d expert parallel: %d within a domain, %d across): MBU %s, MFU %s, %s µs, link share %s, %s µs a layer a decode step, stack efficiency %s (%d of %d within ±25 %%, median ratio %s), expert-parallel overlap %v and efficiency %s within a domain, %s across (%d of %d within ±25 %%, median ratio %s): median |ln ratio| %s, median ratio %s, %d within ±25 %%, %d within 0.5–2×",
		len(train), len(tensor), len(stacked), len(expert), len(expertIn), len(expertOut), best[0], best[1], best[2], best[3], bestLayer, bestStack, bestS.within25, bestS.n, bestS.medianRatio.StringFixed(2),
		bestOverlap, best[4], best[5], bestE.within25, bestE.n, bestE.medianRatio.StringFixed(2), bestA.medianLn.StringFixed(3), bestA.medianRatio.StringFixed(2), bestA.within25, bestA.within2x)
	t.Logf("ROUND11 attention after matmuls %v, decode k %s, Blackwell %s (%d of %d TP within ±25 %%, median ratio %s): median |ln ratio| %s, %d within ±25 %%, %d within 0.5–2× of %d", AttentionAfterMatmuls, bestShare, bestB, bestBA.within25, bestBA.n, bestBA.medianRatio.StringFixed(3), bestA.medianLn.StringFixed(8), bestA.within25, bestA.within2x, bestA.n)
	_ = defaultLayer
	_ = bestStack
}
