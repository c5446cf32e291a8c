package engine

import (
	"strings"

	"fmt"
	"github.com/shopspring/decimal"
	"os"
	"slices"
	"testing"
)

// TestRound7Explore prints the training set's residuals with the operating
// point of each case (training only; never the validation set).
func TestRound7Explore(t *testing.T) {
	if os.Getenv("INFERCOST_ROUND7") == "" {
		t.Skip("exploratory: INFERCOST_ROUND7=1")
	}
	var train []*validationCase
	for _, r := range readThroughputCSV(t, "cases.csv") {
		if r["split"] == "train" {
			train = append(train, &validationCase{col: r, measured: ParseNum(r["measured_tokens_per_s"]).Dec()})
		}
	}
	type row struct {
		c     *validationCase
		batch int64
		step  string
		bound string
	}
	var rows []row
	for _, c := range train {
		if err := c.evaluate(); err != nil {
			t.Fatal(err)
		}
		p, _ := Check(c.scenario())
		cands, _ := throughputs(p.workload, p.model, &p.options[0])
		for _, tp := range cands {
			if tp.Layout == c.layout() {
				rows = append(rows, row{c, *tp.BatchSize, tp.DecodeStepMs.StringFixed(2), tp.Bound})
			}
		}
	}
	a := accuracyOf(train)
	t.Logf("train: %d within ±25 %%, %d within 0.5–2×, median |ln| %s, median ratio %s", a.within25, a.within2x, a.medianLn.StringFixed(3), a.medianRatio.StringFixed(2))
	slices.SortFunc(rows, func(x, y row) int { return x.c.ratio.Cmp(y.c.ratio) })
	if os.Getenv("INFERCOST_ROUND7") == "all" {
		for _, r := range rows {
			c := r.c
			fmt.Printf("%-12s %-22s %-7s %-6s %5s/%-5s b=%-6d step=%-8s %-13s fw=%s ratio %s\n", c.col["id"], c.col["model"], c.col["accelerator"], c.col["layout"], c.col["input_tokens"], c.col["output_tokens"], r.batch, r.step, r.bound, c.col["source"], c.ratio.StringFixed(2))
		}
	}
}

// round7Candidate is one declared candidate: its grid and how to set it.
type round7Candidate struct {
	name string
	grid []string
	set  func(decimal.Decimal)
}

var round7Candidates = map[string]round7Candidate{
	"none":    {"none", []string{"0"}, func(decimal.Decimal) {}},
	"step":    {"fixed host time a step (µs)", []string{"0", "500", "1000", "2000", "3000", "5000"}, func(x decimal.Decimal) { StepHostOverheadUs = x }},
	"seq":     {"host time a sequence, overlapped (µs)", []string{"0", "5", "10", "20", "30", "50"}, func(x decimal.Decimal) { SeqHostOverheadUs = x }},
	"routed":  {"routed experts' bandwidth share", []string{"1", "0.85", "0.7", "0.55", "0.4"}, func(x decimal.Decimal) { RoutedBandwidthShare = x }},
	"prefill": {"prefill all-reduce share", []string{"0.8"}, func(x decimal.Decimal) { PrefillCollectiveShare = x }},
	"reserve": {"runtime reserve (GB)", []string{"0", "1", "2", "4", "6", "8"}, func(x decimal.Decimal) { RuntimeReserveGB = x }},
}

// TestRound7Fit refits steps 1–3 (TestFitEfficiency's rule, narrower
// step-1 grid) with the candidates named in INFERCOST_ROUND7_FIT
// (comma-separated; their grids crossed) on the training set only.
func TestRound7Fit(t *testing.T) {
	names := os.Getenv("INFERCOST_ROUND7_FIT")
	if names == "" {
		t.Skip("exploratory: INFERCOST_ROUND7_FIT=step,seq,...")
	}
	saved := []decimal.Decimal{StepHostOverheadUs, SeqHostOverheadUs, RoutedBandwidthShare, PrefillCollectiveShare, RuntimeReserveGB, CollectiveBandwidthShare, DecodeLayerOverheadUs, ExpertParallelEfficiency, ExpertParallelEfficiencyScaleOut}
	savedOverlap := ExpertParallelOverlap
	defer func() {
		StepHostOverheadUs, SeqHostOverheadUs, RoutedBandwidthShare, PrefillCollectiveShare, RuntimeReserveGB, CollectiveBandwidthShare, DecodeLayerOverheadUs, ExpertParallelEfficiency, ExpertParallelEfficiencyScaleOut = saved[0], saved[1], saved[2], saved[3], saved[4], saved[5], saved[6], saved[7], saved[8]
		ExpertParallelOverlap = savedOverlap
	}()
	var cands []round7Candidate
	for _, n := range strings.Split(names, ",") {
		c, ok := round7Candidates[n]
		if !ok {
			t.Fatalf("unknown candidate %q", n)
		}
		cands = append(cands, c)
	}
	// combos: the cross product of the candidates' grids.
	combos := [][]string{{}}
	for _, c := range cands {
		var next [][]string
		for _, pre := range combos {
			for _, v := range c.grid {
				next = append(next, append(slices.Clone(pre), v))
			}
		}
		combos = next
	}
	setCombo := func(vals []string) {
		for i, c := range cands {
			c.set(d(vals[i]))
		}
	}
	var train []*validationCase
	for _, r := range readThroughputCSV(t, "cases.csv") {
		if r["split"] == "train" {
			train = append(train, &validationCase{col: r, measured: ParseNum(r["measured_tokens_per_s"]).Dec()})
		}
	}
	var tensor, stacked, expert, expertIn, expertOut []*validationCase
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
		default:
			tensor = append(tensor, c)
		}
	}
	grid := struct{ mbu, mfu, lat, share, layer []string }{
		[]string{"0.75", "0.8", "0.85", "0.9"}, []string{"0.35", "0.4", "0.45", "0.5"},
		[]string{"20", "35", "50"}, []string{"0.5", "0.3", "0.2"}, []string{"0", "10", "20", "30"},
	}
	if os.Getenv("INFERCOST_ROUND7_WIDE") != "" {
		grid.mbu = efficiencyGrid.mbu
		grid.mfu = efficiencyGrid.mfu
		grid.lat = efficiencyGrid.latencyUs
		grid.share = efficiencyGrid.linkShare
		grid.layer = efficiencyGrid.layerOverheadUs
	}
	eval := func(cs []*validationCase) accuracy {
		for _, c := range cs {
			if err := c.evaluate(); err != nil {
				t.Fatalf("%s: %v", c.col["id"], err)
			}
		}
		return accuracyOf(cs)
	}
	var best [4]string
	var bestLayer string
	var bestCombo []string
	var bestA accuracy
	for _, combo := range combos {
		setCombo(combo)
		for _, layer := range grid.layer {
			DecodeLayerOverheadUs = d(layer)
			for _, share := range grid.share {
				CollectiveBandwidthShare = d(share)
				for _, mbu := range grid.mbu {
					for _, mfu := range grid.mfu {
						for _, us := range grid.lat {
							for _, c := range tensor {
								c.mbu, c.mfu, c.latencyUs = N(mbu), N(mfu), N(us)
							}
							if a := eval(tensor); bestCombo == nil || a.medianLn.Cmp(bestA.medianLn) < 0 {
								best, bestLayer, bestCombo, bestA = [4]string{mbu, mfu, us, share}, layer, combo, a
							}
						}
					}
				}
			}
		}
	}
	setCombo(bestCombo)
	CollectiveBandwidthShare, DecodeLayerOverheadUs = d(best[3]), d(bestLayer)
	at := func(c *validationCase, stack string) {
		f := one
		if stack != "" {
			f = d(stack)
		}
		c.mbu, c.mfu, c.latencyUs = NumOf(d(best[0]).Mul(f)), NumOf(d(best[1]).Mul(f)), N(best[2])
	}
	bestStack, bestS := "", accuracy{}
	for _, f := range efficiencyGrid.stackEfficiency {
		for _, c := range stacked {
			at(c, f)
		}
		if a := eval(stacked); bestStack == "" || a.medianLn.Cmp(bestS.medianLn) < 0 {
			bestStack, bestS = f, a
		}
	}
	stackOf := func(c *validationCase) string {
		if c.col["stack_efficiency"] == "" {
			return ""
		}
		return bestStack
	}
	fitEff := func(cases []*validationCase, set func(decimal.Decimal)) string {
		var bestEff string
		var bestC accuracy
		for _, eff := range efficiencyGrid.expertEfficiency {
			set(d(eff))
			for _, c := range cases {
				at(c, stackOf(c))
			}
			if a := eval(cases); bestEff == "" || a.medianLn.Cmp(bestC.medianLn) < 0 {
				bestEff, bestC = eff, a
			}
		}
		set(d(bestEff))
		return bestEff
	}
	var in, out string
	var bestOverlap bool
	var bestE accuracy
	for _, overlap := range []bool{false, true} {
		ExpertParallelOverlap = overlap
		i := fitEff(expertIn, func(x decimal.Decimal) { ExpertParallelEfficiency = x })
		o := fitEff(expertOut, func(x decimal.Decimal) { ExpertParallelEfficiencyScaleOut = x })
		for _, c := range expert {
			at(c, stackOf(c))
		}
		if a := eval(expert); in == "" || a.medianLn.Cmp(bestE.medianLn) < 0 {
			in, out, bestOverlap, bestE = i, o, overlap, a
		}
	}
	ExpertParallelOverlap, ExpertParallelEfficiency, ExpertParallelEfficiencyScaleOut = bestOverlap, d(in), d(out)
	for _, c := range train {
		at(c, stackOf(c))
	}
	all := eval(train)
	t.Logf("candidates %s = %v: MBU %s, MFU %s, %s µs, link share %s, %s µs a layer, AMD %s, EP overlap %v %s/%s: TRAIN median |ln| %s, %d within ±25 %%, %d within 0.5–2×, median ratio %s",
		names, bestCombo, best[0], best[1], best[2], best[3], bestLayer, bestStack, bestOverlap, in, out, all.medianLn.StringFixed(3), all.within25, all.within2x, all.medianRatio.StringFixed(2))
	if os.Getenv("INFERCOST_ROUND7_CASES") != "" {
		slices.SortFunc(train, func(x, y *validationCase) int { return x.ratio.Cmp(y.ratio) })
		for _, c := range train {
			if r := c.ratio; r.Cmp(d("0.75")) < 0 || r.Cmp(d("1.25")) > 0 {
				fmt.Printf("%-12s %-22s %-7s %-6s %5s/%-5s %s\n", c.col["id"], c.col["model"], c.col["accelerator"], c.col["layout"], c.col["input_tokens"], c.col["output_tokens"], c.ratio.StringFixed(2))
			}
		}
	}
}

// TestRound7Screen evaluates the training set at today's factors for each
// value of each candidate's grid.
func TestRound7Screen(t *testing.T) {
	if os.Getenv("INFERCOST_ROUND7_SCREEN") == "" {
		t.Skip("exploratory")
	}
	var train []*validationCase
	for _, r := range readThroughputCSV(t, "cases.csv") {
		if r["split"] == "train" {
			train = append(train, &validationCase{col: r, measured: ParseNum(r["measured_tokens_per_s"]).Dec()})
		}
	}
	for _, key := range []string{"step", "seq", "routed", "prefill", "reserve"} {
		c := round7Candidates[key]
		for _, v := range c.grid {
			c.set(d(v))
			for _, x := range train {
				if err := x.evaluate(); err != nil {
					t.Fatal(err)
				}
			}
			a := accuracyOf(train)
			t.Logf("%s = %s: median |ln| %s, %d within ±25 %%, %d within 0.5–2×", c.name, v, a.medianLn.StringFixed(3), a.within25, a.within2x)
		}
		c.set(d(c.grid[0]))
		if key == "routed" || key == "prefill" {
			c.set(map[string]decimal.Decimal{"routed": one, "prefill": zero}[key])
		}
	}
}
