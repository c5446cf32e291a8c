package engine

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// redrawScenario is an API at 976,562,500,000 requests a day in month 1
// (10^15 / 1,024) over 21 months, one input and one output token a
// request, with monthly growth g triangular from 0 to 1, most likely 0.2.
// Month 21 has 976,562,500,000 × (1 + g)^20 requests a day, past 10^15
// exactly when (1 + g)^20 > 1,024 = 2^10, that is when g > √2 − 1 =
// 0.41421356: such draws fall outside the model's limits and are drawn
// again. The triangular CDF there is F(g*) = 1 − (1 − g*)² / ((1 − 0) ×
// (1 − 0.2)) = 1 − (2 − √2)² / 0.8 = 1 − 0.3431458 / 0.8 = 0.5710678: a
// draw is kept with probability 0.571, refused with 0.429, so 1,000 kept
// draws take about 1,000 × 0.429 / 0.571 ≈ 751 redraws.
func redrawScenario(seed, samples string) *Scenario {
	return &Scenario{Version: 2, Name: "Redraw",
		Workload: Workload{RequestsPerDay: N("976562500000"), InputTokens: N("1"), OutputTokens: N("1"),
			CachedInputShare: N("0"), HorizonMonths: N("21")},
		Model:   Model{Preset: "llama-3.1-8b"},
		Options: []Option{{Label: "API", Kind: API, PriceInputPerM: N("1"), PriceOutputPerM: N("1")}},
		Uncertainty: &Uncertainty{Seed: N(seed), Samples: N(samples), Ranges: []Range{
			{Path: "workload.monthly_growth", Low: N("0"), Mode: N("0.2"), High: N("1")}}},
	}
}

// TestSimulateRedrawsOutsideLimits: the draws outside the limit are drawn
// again, and counted. The count is worked out independently of the
// simulator: the same seed's uniform numbers u, one a draw (the only
// range), each refused when u > F(g*) (redrawScenario), until 1,000 are
// kept. The same count comes whether the growth is patched into the plan
// or the scenario checked again (a fixed range on peak to average rides
// along). The kept draws are the triangular truncated at g*: their
// median growth has G(x) = F(x) / F(g*) = 0.5, F(x) = 0.2855339, above
// the mode (F(0.2) = 0.2), so (1 − x)² = 0.8 × (1 − 0.2855339), x =
// 0.2439758 (untruncated, the median would be 1 − √0.4 = 0.3675445). At
// 1,000 draws the nearest rank's quantile lies within 0.5 ± 0.047 (3
// standard deviations, √(0.25 / 1,000) = 0.0158): G⁻¹(0.453) = 0.2299 to
// G⁻¹(0.547) = 0.2584 (F = 0.2587 and 0.3124, 1 − √(0.8 × (1 − F))), and
// the API's total cost rises with growth, so its P50 lies between the
// point totals at those two growths.
func TestSimulateRedrawsOutsideLimits(t *testing.T) {
	keep := 1 - (2-math.Sqrt2)*(2-math.Sqrt2)/0.8
	if math.Abs(keep-0.5710678) > 1e-7 {
		t.Fatalf("F(g*) = %v", keep)
	}
	r := newRNG(8)
	want, kept := 0, 0
	for kept < 1000 {
		if r.uniform().InexactFloat64() > keep {
			want++
		} else {
			kept++
		}
	}
	t.Logf("%d redraws counted for 1,000 kept draws", want)
	if want < 650 || want > 850 {
		t.Fatalf("%d redraws counted: the case does not redraw about 751", want)
	}
	var first []byte
	for _, checked := range []bool{false, true} {
		s := redrawScenario("8", "1000")
		if checked {
			s.Uncertainty.Ranges = append(s.Uncertainty.Ranges, Range{Path: "workload.peak_to_average", Low: N("1.5"), Mode: N("1.5"), High: N("1.5")})
		}
		sim, err := Simulate(s, nil)
		if err != nil {
			t.Fatal(err)
		}
		if sim.Redrawn != want || len(sim.Rejections) != 1 || sim.Rejections[0] != (Rejection{Path: "workload.monthly_growth", Label: "Monthly growth",
			Reason: "grows demand past 10^15 requests a day within the horizon", Draws: want}) {
			t.Errorf("checked %v: redrawn %d %+v, want %d, all for growth", checked, sim.Redrawn, sim.Rejections, want)
		}
		if sim.Samples != 1000 || sim.Options[0].Wins != 1000 {
			t.Errorf("checked %v: %d samples, %d wins, want 1,000 kept draws", checked, sim.Samples, sim.Options[0].Wins)
		}
		sim.Ranges = nil
		j, _ := json.Marshal(sim)
		if first == nil {
			first = j
		} else if string(j) != string(first) {
			t.Errorf("patched and checked draws differ:\n%s\n%s", first, j)
		}
		if checked {
			continue
		}
		at := func(g string) decimal.Decimal {
			p := redrawScenario("8", "1000")
			p.Uncertainty, p.Workload.MonthlyGrowth = nil, N(g)
			res, err := Evaluate(p)
			if err != nil {
				t.Fatal(err)
			}
			return res.Options[0].TotalCost
		}
		p50, lo, hi, untruncated := sim.Options[0].TotalCost.P50, at("0.2299"), at("0.2584"), at("0.3675")
		t.Logf("P50 total %s, band %s to %s, untruncated %s", p50, lo, hi, untruncated)
		if p50.Cmp(lo) < 0 || p50.Cmp(hi) > 0 {
			t.Errorf("P50 total %s, want the truncated median's, from %s to %s (untruncated: %s)", p50, lo, hi, untruncated)
		}
	}
	if !strings.HasPrefix("grows demand past 10^15 requests a day by month 21: lower the growth or the horizon", growthPastLimit) {
		t.Error("growthPastLimit no longer begins growthProblem's message")
	}
	w := redrawScenario("1", "1").Workload
	wp := workloadPlan{rpd: w.RequestsPerDay.Dec(), growth: N("0.5").Dec(), horizon: 21}
	if msg := wp.growthProblem(); !strings.HasPrefix(msg, growthPastLimit) {
		t.Errorf("growthProblem says %q", msg)
	}
}

// A hostile range: growth from 0.9 to 1 on the redraw case takes demand
// past the limit in every draw. With the most draws allowed (10,000) the
// run stops after 10,001 refused draws, in bounded time, at the growth
// range's high end, saying how many draws fell outside, why, and what to
// change; patched or checked again (a fixed range on peak to average).
func TestSimulateTooManyRedrawn(t *testing.T) {
	for _, checked := range []bool{false, true} {
		s := redrawScenario("3", "10000")
		s.Uncertainty.Ranges[0] = Range{Path: "workload.monthly_growth", Low: N("0.9"), Mode: N("0.95"), High: N("1")}
		if checked {
			s.Uncertainty.Ranges = append(s.Uncertainty.Ranges, Range{Path: "workload.peak_to_average", Low: N("1.5"), Mode: N("1.5"), High: N("1.5")})
		}
		start := time.Now()
		_, err := Simulate(s, nil)
		took := time.Since(start)
		errs, ok := err.(Errors)
		want := "uncertainty.ranges[0].high: 10,001 of 10,001 draws fall outside the model's limits, more than the 10,000 draws asked for: " +
			"Monthly growth (workload.monthly_growth) grows demand past 10^15 requests a day within the horizon in 10,001 of them; " +
			"narrow the high end of the growth range (or of requests a day) or shorten the horizon"
		if !ok || len(errs) != 1 || errs[0].Error() != want {
			t.Errorf("checked %v: got %v\nwant %s", checked, err, want)
		}
		if took > 20*time.Second {
			t.Errorf("checked %v: stopped after %v", checked, took)
		}
		t.Logf("checked %v: stopped after %v", checked, took)
	}
}

// A pace that says stop ends a run while it redraws.
func TestSimulateStopsWhileRedrawing(t *testing.T) {
	s := redrawScenario("3", "10")
	s.Uncertainty.Ranges[0] = Range{Path: "workload.monthly_growth", Low: N("0.9"), Mode: N("0.95"), High: N("1")}
	calls := 0
	if _, err := Simulate(s, func() bool { calls++; return calls < 4 }); err != ErrStopped || calls != 4 {
		t.Errorf("got %v after %d paces", err, calls)
	}
}
