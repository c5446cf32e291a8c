package engine

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestRound14Fit refits the factors for the fourteenth round's candidates
// (docs/methodology.md, "Fourteenth round") on the declared grid: R14FIT=base,
// T, M or TM. Training only.
func TestRound14Fit(t *testing.T) {
	which := os.Getenv("R14FIT")
	if which == "" {
		t.Skip("R14FIT unset")
	}
	tiles, moes := []string{"0"}, []string{"0"}
	defer func(bm, c decimal.Decimal) { Round14TileRows, Round14MoELayerUs = bm, c }(Round14TileRows, Round14MoELayerUs)
	switch which {
	case "base":
	case "T":
		tiles = []string{"0", "16", "32", "64", "128"}
	case "M":
		moes = []string{"0", "25", "50", "100", "200"}
	case "TM":
		tiles = []string{"0", "16", "32", "64", "128"}
		moes = []string{"0", "25", "50", "100", "200"}
	default:
		t.Fatalf("R14FIT=%s", which)
	}
	if v := os.Getenv("R14TILES"); v != "" {
		tiles = strings.Split(v, ",")
	}
	if v := os.Getenv("R14MOE"); v != "" {
		moes = strings.Split(v, ",")
	}
	var bestTile, bestMoE string
	var train []*validationCase
	for _, r := range readThroughputCSV(t, "cases.csv") {
		if r["split"] == "train" {
			train = append(train, &validationCase{col: r, measured: ParseNum(r["measured_tokens_per_s"]).Dec()})
		}
	}
	if len(train) < 100 {
		t.Fatalf("%d training cases: too few to fit", len(train))
	}
	g := efficiencyGrid
	defaultShare, defaultOverlap, defaultEff, defaultEffOut, defaultLayer, defaultK := CollectiveBandwidthShare, ExpertParallelOverlap, ExpertParallelEfficiency, ExpertParallelEfficiencyScaleOut, DecodeLayerOverheadUs, DecodeMFURatio
	defer func() {
		CollectiveBandwidthShare, ExpertParallelOverlap, ExpertParallelEfficiency, ExpertParallelEfficiencyScaleOut, DecodeLayerOverheadUs, DecodeMFURatio = defaultShare, defaultOverlap, defaultEff, defaultEffOut, defaultLayer, defaultK
	}()
	// Each factor is fitted on the cases its term applies to, in turn:
	//  1. MBU, MFU, the collective latency, the all-reduce's link share,
	//     the decode step's time a layer and decode's share k of MFU on the
	//     cases evaluated tensor parallel on accelerators without a
	//     stack efficiency (NVIDIA Hopper and older, Intel: the factor
	//     is 1 there by definition; the expert-parallel factors do not
	//     touch these cases);
	//  2. with those fixed, each stack efficiency on the tensor-parallel
	//     cases of the accelerators that carry it (AMD Instinct; NVIDIA
	//     Blackwell);
	//  3. with those fixed, the expert-parallel overlap and efficiencies
	//     on the cases evaluated expert parallel: for each overlap, the
	//     efficiency within one scale-up domain on the cases within one
	//     and the efficiency across the scale-out network on the cases
	//     wider than their domain; the overlap whose pair gives the
	//     smaller median |ln ratio| over all of them.
	var tensor, stacked, blackwell, expert, expertIn, expertOut []*validationCase
	for _, c := range train {
		switch {
		case c.layout() == LayoutExpert:
			expert = append(expert, c)
			if c.scalesOut() {
				expertOut = append(expertOut, c)
			} else {
				expertIn = append(expertIn, c)
			}
		case isBlackwell(c):
			blackwell = append(blackwell, c)
		case c.col["stack_efficiency"] != "":
			stacked = append(stacked, c)
		default:
			tensor = append(tensor, c)
		}
	}
	var best [6]string // MBU, MFU, latency, link share, expert-parallel efficiency within a domain and across
	var bestLayer, bestK string
	var bestOverlap bool
	var bestA accuracy
	for _, tile := range tiles {
		Round14TileRows = d(tile)
		for _, moeUs := range moes {
			Round14MoELayerUs = d(moeUs)
			for _, k := range g.decodeMFURatio {
				DecodeMFURatio = d(k)
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
										best, bestLayer, bestK, bestA = [6]string{mbu, mfu, us, share, "", ""}, layer, k, a
										bestTile, bestMoE = tile, moeUs
									}
								}
							}
						}
					}
				}
			}
		}
	}
	Round14TileRows, Round14MoELayerUs = d(bestTile), d(bestMoE)
	CollectiveBandwidthShare, DecodeLayerOverheadUs, DecodeMFURatio = d(best[3]), d(bestLayer), d(bestK)
	// at sets a case's MBU, MFU and latency to the fitted values, scaled
	// by stack, the stack efficiency of the case's accelerator ("" for one).
	at := func(c *validationCase, stack string) {
		f := one
		if stack != "" {
			f = d(stack)
		}
		c.mbu, c.mfu, c.latencyUs = NumOf(d(best[0]).Mul(f)), NumOf(d(best[1]).Mul(f)), N(best[2])
	}
	// fitStack is the grid's stack efficiency whose estimates of cases have
	// the smallest median |ln ratio|.
	fitStack := func(cases []*validationCase) (string, accuracy) {
		bestStack, bestS := "", accuracy{}
		for _, f := range g.stackEfficiency {
			for _, c := range cases {
				at(c, f)
			}
			if c, err := forCases(cases, (*validationCase).evaluate); err != nil {
				t.Fatalf("%s: %v", c.col["id"], err)
			}
			if a := accuracyOf(cases); len(cases) > 0 && (bestStack == "" || a.medianLn.Cmp(bestS.medianLn) < 0) {
				bestStack, bestS = f, a
			}
		}
		return bestStack, bestS
	}
	bestStack, bestS := fitStack(stacked)
	bestB, bestBA := fitStack(blackwell)
	stackOf := func(c *validationCase) string {
		switch {
		case isBlackwell(c):
			return bestB
		case c.col["stack_efficiency"] == "":
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
	t.Logf("R14FIT=%s: tile %s, MoE layer %s µs; exact median |ln ratio| %s", which, bestTile, bestMoE, bestA.medianLn.StringFixed(8))
	dumpR14(t, which, train)
	t.Logf("%d training cases (%d tensor parallel, %d with the AMD stack efficiency, %d tensor parallel on Blackwell, %d expert parallel: %d within a domain, %d across): MBU %s, MFU %s, %s µs, link share %s, %s µs a layer a decode step, decode's FLOPs at %s × MFU, AMD stack efficiency %s (%d of %d within ±25 %%, median ratio %s), Blackwell stack efficiency %s (%d of %d within ±25 %%, median ratio %s), expert-parallel overlap %v and efficiency %s within a domain, %s across (%d of %d within ±25 %%, median ratio %s): median |ln ratio| %s, median ratio %s, %d within ±25 %%, %d within 0.5–2×",
		len(train), len(tensor), len(stacked), len(blackwell), len(expert), len(expertIn), len(expertOut), best[0], best[1], best[2], best[3], bestLayer, bestK, bestStack, bestS.within25, bestS.n, bestS.medianRatio.StringFixed(2),
		bestB, bestBA.within25, bestBA.n, bestBA.medianRatio.StringFixed(2),
		bestOverlap, best[4], best[5], bestE.within25, bestE.n, bestE.medianRatio.StringFixed(2), bestA.medianLn.StringFixed(5), bestA.medianRatio.StringFixed(2), bestA.within25, bestA.within2x)
}

// dumpR14 logs the training groups at the fitted factors and writes each
// training case's ratio to /tmp/r14/fit_<which>.tsv.
func dumpR14(t *testing.T, which string, cases []*validationCase) {
	var b []byte
	for _, c := range cases {
		r := c.col
		b = fmt.Appendf(b, "%s\t%s\t%s\t%s\t%s\t%s\t%s/%s\t%s\n", r["id"], r["vendor"], r["kind"], r["model"], r["accelerator"], r["layout"], r["input_tokens"], r["output_tokens"], c.ratio.StringFixed(3))
	}
	os.WriteFile("/tmp/r14/fit_"+which+".tsv", b, 0o644)
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
}
