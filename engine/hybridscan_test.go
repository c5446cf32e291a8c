package engine

import (
	"fmt"
	"math/big"
	mrand "math/rand"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// evalHybridBoth evaluates s with the base-size search done by hybridScan
// and by hybridTotal (the rows' way), and reports each hybrid option's
// results from both, and whether the scan was used for it.
func evalHybridBoth(t *testing.T, s *Scenario) (fast, brute *Result, scanned []bool) {
	t.Helper()
	run := func(bruteForce bool) (*Result, []bool) {
		p, errs := Check(s)
		if errs != nil {
			t.Fatalf("check: %v", errs)
		}
		p.bruteHybrid = bruteForce
		r, err := p.evaluate()
		if err != nil {
			t.Fatalf("evaluate (brute force %v): %v", bruteForce, err)
		}
		var sc []bool
		for i := range p.options {
			if h := p.options[i].hyb; h != nil {
				sc = append(sc, h.scanned)
			}
		}
		return r, sc
	}
	fast, scanned = run(false)
	brute, _ = run(true)
	return fast, brute, scanned
}

// sameHybrid fails unless every hybrid option's search curve, chosen base
// and total cost agree between the two results, point by point.
func sameHybrid(t *testing.T, name string, fast, brute *Result) {
	t.Helper()
	for i := range brute.Options {
		bh, fh := brute.Options[i].Hybrid, fast.Options[i].Hybrid
		if bh == nil {
			continue
		}
		if len(fh.Curve) != len(bh.Curve) {
			t.Fatalf("%s: option %d: the scan tried %d sizes, the brute force %d", name, i+1, len(fh.Curve), len(bh.Curve))
		}
		for k := range bh.Curve {
			if !fh.Curve[k].Accelerators.Equal(bh.Curve[k].Accelerators) || !fh.Curve[k].Cost.Equal(bh.Curve[k].Cost) {
				t.Fatalf("%s: option %d at %s accelerators: scan %s, brute force %s", name, i+1,
					bh.Curve[k].Accelerators, fh.Curve[k].Cost, bh.Curve[k].Cost)
			}
		}
		if !fh.BaseAccelerators.Equal(bh.BaseAccelerators) || !fast.Options[i].TotalCost.Equal(brute.Options[i].TotalCost) {
			t.Fatalf("%s: option %d: scan chose %s accelerators (%s), brute force %s (%s)", name, i+1,
				fh.BaseAccelerators, fast.Options[i].TotalCost, bh.BaseAccelerators, brute.Options[i].TotalCost)
		}
	}
}

// TestHybridScanEqualsBruteForce: the fast base-size search (hybridscan.go)
// gives every size's total cost exactly as hybridTotal does, on the hybrid
// example and on variants that reach each of its branches: no burst cap
// (the burst layer serves all), no burst layer (the API serves all), no
// API (no cap), price paths on the burst option and on the API (costed
// month by month), no growth (one run of months), other profiles, minimum
// billed hours, an hourly base without a committed rate, an owned base.
func TestHybridScanEqualsBruteForce(t *testing.T) {
	ex := Examples[len(Examples)-1].Scenario
	if ex.Options[3].Kind != Hybrid || ex.Options[3].BaseAccelerators.Set() {
		t.Fatal("the last example is no longer the searched hybrid")
	}
	variants := []struct {
		name string
		edit func(s *Scenario)
	}{
		{"the example", func(*Scenario) {}},
		{"no burst cap", func(s *Scenario) { s.Options[3].BurstMaxAccelerators = Num{} }},
		{"no burst layer", func(s *Scenario) { s.Options[3].BurstOption, s.Options[3].BurstMaxAccelerators = Num{}, Num{} }},
		{"no API", func(s *Scenario) { s.Options[3].OverflowOption, s.Options[3].BurstMaxAccelerators = Num{}, Num{} }},
		{"price paths", func(s *Scenario) { s.Options[1].PriceChange, s.Options[2].PriceChange = N("-0.3"), N("-0.5") }},
		{"burst price path", func(s *Scenario) { s.Options[1].PriceChange = N("0.2") }},
		{"no growth", func(s *Scenario) { s.Workload.MonthlyGrowth = N("0") }},
		{"flat day", func(s *Scenario) { s.Workload.DailyProfile = "flat" }},
		{"consumer evenings, 4 h minimum", func(s *Scenario) {
			s.Workload.DailyProfile, s.Options[3].BurstMinHours = "consumer_evenings", N("4")
		}},
		{"1 h minimum, cap 64", func(s *Scenario) { s.Options[3].BurstMinHours, s.Options[3].BurstMaxAccelerators = N("1"), N("64") }},
		{"hourly base", func(s *Scenario) { s.Options[3].BaseOption = N("2") }},
		{"owned base", func(s *Scenario) {
			s.Options[0] = Option{Label: "owned", Kind: Owned, Accelerator: &Accelerator{Preset: "h100-sxm"}, AcceleratorsPerReplica: N("2")}
		}},
		{"owned base, no burst layer, price paths", func(s *Scenario) {
			s.Options[0] = Option{Label: "owned", Kind: Owned, Accelerator: &Accelerator{Preset: "h100-sxm"}, AcceleratorsPerReplica: N("2"), PriceChange: N("-0.2")}
			s.Options[2].PriceChange = N("-0.3")
			s.Options[3].BurstOption, s.Options[3].BurstMaxAccelerators = Num{}, Num{}
		}},
	}
	for _, v := range variants {
		s := ex.Clone()
		v.edit(&s)
		fast, brute, scanned := evalHybridBoth(t, &s)
		if len(scanned) == 0 {
			t.Fatalf("%s: no hybrid option", v.name)
		}
		for k, ok := range scanned {
			if !ok {
				t.Fatalf("%s: hybrid %d: scanned %v, want the scan", v.name, k+1, scanned)
			}
		}
		if len(brute.Options[3].Hybrid.Curve) < 3 {
			t.Fatalf("%s: a search of %d sizes tests little", v.name, len(brute.Options[3].Hybrid.Curve))
		}
		sameHybrid(t, v.name, fast, brute)
	}
}

// TestHybridScanRandom compares the two ways on random scenarios around
// the hybrid example: volume, growth, profile, minimum hours, burst cap,
// price paths, horizon and an owned base drawn at random.
func TestHybridScanRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 7))
	n := 40
	if testing.Short() {
		n = 8
	}
	profiles := []string{"flat", "business_hours", "consumer_evenings",
		"0.01,0.01,0.01,0.01,0.01,0.02,0.03,0.05,0.06,0.07,0.07,0.07,0.07,0.07,0.07,0.06,0.06,0.05,0.05,0.04,0.03,0.02,0.02,0.04"}
	for i := range n {
		s := Examples[len(Examples)-1].Scenario.Clone()
		s.Workload.RequestsPerDay = N(fmt.Sprint(100000 + rng.IntN(3000000)))
		s.Workload.MonthlyGrowth = N(fmt.Sprintf("0.0%d", rng.IntN(6)))
		s.Workload.HorizonMonths = N(fmt.Sprint(1 + rng.IntN(36)))
		s.Workload.DailyProfile = profiles[rng.IntN(len(profiles))]
		h := &s.Options[3]
		h.BurstMinHours = N(fmt.Sprint(1 + rng.IntN(6)))
		switch rng.IntN(3) {
		case 0:
			h.BurstMaxAccelerators = Num{}
		case 1:
			h.BurstMaxAccelerators = N(fmt.Sprint(2 * (1 + rng.IntN(20))))
		}
		if rng.IntN(3) == 0 {
			s.Options[1].PriceChange = N("-0.25")
		}
		if rng.IntN(3) == 0 {
			s.Options[2].PriceChange = N("-0.4")
		}
		if rng.IntN(3) == 0 {
			s.Options[0] = Option{Label: "owned", Kind: Owned, Accelerator: &Accelerator{Preset: "h100-sxm"}, AcceleratorsPerReplica: N("2")}
		}
		fast, brute, scanned := evalHybridBoth(t, &s)
		if !scanned[0] {
			t.Fatalf("draw %d: not scanned", i)
		}
		sameHybrid(t, fmt.Sprintf("draw %d (%s)", i, EncodeLink(&s)), fast, brute)
	}
}

// TestPerMonthAt: a day's overflow in trillionths, × 365 / 12 in 10^−24
// integers, equals perMonth in decimals, at remainders 0, 1 and 2 (of 3)
// and at random sizes up to 10^30.
func TestPerMonthAt(t *testing.T) {
	rng := mrand.New(mrand.NewSource(1))
	// 1 trillionth: 365 / 12 × 10^−12 = 30.4166…e−12 → 30416666666667e−24
	// (…66.67 rounds up); 3: 91.25e−12 exactly; 2: 60.8333…e−12 → …333.
	for _, c := range []struct{ a, want string }{{"1", "30416666666667"}, {"2", "60833333333333"}, {"3", "91250000000000"}, {"0", "0"}} {
		a, _ := new(big.Int).SetString(c.a, 10)
		var z big.Int
		perMonthAt(&z, a)
		if z.String() != c.want {
			t.Errorf("perMonthAt(%s) = %s, want %s", c.a, z.String(), c.want)
		}
	}
	for range 2000 {
		a := new(big.Int).Rand(rng, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(1+rng.Intn(30))), nil))
		var z big.Int
		perMonthAt(&z, a)
		want := perMonth(decimal.NewFromBigInt(a, -hybridPrec))
		if got := decimal.NewFromBigInt(&z, -2*hybridPrec); !got.Equal(want) {
			t.Fatalf("perMonthAt(%s) = %s, perMonth %s", a, got, want)
		}
	}
}
