package engine

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestHybridSensitivityHandWorked: the tornado of the hybrid's total cost
// (hybridScenario, base of 4 given): $8,760 base + $3,285 burst + $146
// API = $12,191 over the two months (TestHybridHandWorked).
//
//   - the burst option's hourly rate, $3 ± 20 %: the burst's 1,095
//     accelerator-hours cost × 0.8 or × 1.2: $2,628 or $3,942, totals
//     $11,534 and $12,848;
//   - the base option's committed rate, $1.50 ± 20 %: base $7,008 or
//     $10,512, totals $10,439 and $13,943;
//   - the API's input price, $1/M ± 20 %: a request costs 1,000 × $0.8/M +
//     500 × $2/M = $0.0018 or $0.0022; 73,000 overflow requests cost $131.40
//     or $160.60, totals $12,176.40 and $12,205.60;
//   - the hybrid's minimum billing, 3 hours ± 20 % = 2.4 and 3.6, rounded
//     to 2 and 4. With 2: one replica 12:00–15:00, two at 16:00 and 17:00,
//     none at 18:00 (the second's 2 hours are up): 4 + 4 = 8 replica-hours,
//     16 accelerator-hours a day, × 365 / 12 × $3 = $1,460 a month; total
//     8,760 + 2,920 + 146 = $11,826. With 4: the second, started at 16:00,
//     is held to 19:00: 4 + 4 + 2 = 10 replica-hours, 20 accelerator-hours,
//     $1,825 a month; total 8,760 + 3,650 + 146 = $12,556.
//   - the base size, 4 ± 20 % = 3.2 and 4.8, rounded to 3 and 5, is
//     re-evaluated (checked against whole evaluations below).
func TestHybridSensitivityHandWorked(t *testing.T) {
	s := hybridScenario()
	tor, err := Sensitivity(s, 3, MetricTotalCost, DefaultSwingPercent, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkNear(t, "base", tor.Base, d("12191"))
	got := map[string]Swing{}
	for _, sw := range tor.Swings {
		got[sw.Path] = sw
	}
	for _, want := range []struct{ path, label, low, high string }{
		{"options[1].hourly_rate", "Hourly rate (burst: rented)", "11534", "12848"},
		{"options[0].commit_hourly_rate", "(base: committed)", "10439", "13943"},
		{"options[2].price_input_per_m", "(overflow: api)", "12176.4", "12205.6"},
		{"options[3].burst_min_hours", "Burst minimum billing", "11826", "12556"},
	} {
		sw, ok := got[want.path]
		if !ok {
			t.Errorf("no swing for %s; have %v", want.path, keys(got))
			continue
		}
		if !strings.Contains(sw.Label, want.label) {
			t.Errorf("%s label %q, want it to contain %q", want.path, sw.Label, want.label)
		}
		if sw.Low == nil || sw.High == nil {
			t.Errorf("%s: %+v", want.path, sw)
			continue
		}
		checkNear(t, want.path+" low", *sw.Low, d(want.low))
		checkNear(t, want.path+" high", *sw.High, d(want.high))
	}
	for _, path := range []string{"workload.requests_per_day", "options[3].base_accelerators", "options[3].burst_max_accelerators", "options[1].max_utilization"} {
		if _, ok := got[path]; !ok {
			t.Errorf("no swing for %s", path)
		}
	}
}

func keys(m map[string]Swing) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestHybridSensitivityMatchesWholeEvaluation: each swing of a hybrid's
// tornado, the base given or searched, equals what evaluating the whole
// scenario with that input moved gives the hybrid: the sub-scenario of
// its layers and the reused demand and throughputs change nothing.
func TestHybridSensitivityMatchesWholeEvaluation(t *testing.T) {
	for _, searched := range []bool{false, true} {
		s := hybridScenario()
		s.Workload.MonthlyGrowth = N("0.1")
		if searched {
			s.Options[3].BaseAccelerators = Num{}
		}
		whole := map[string]input{}
		for _, in := range sensitiveInputs(s, []int{0, 1, 2, 3}) { // the hybrid is last
			whole[in.path] = in
		}
		for _, metric := range []Metric{MetricTotalCost, MetricCostPerMTokens, MetricPeakAccelerators} {
			tor, err := Sensitivity(s, 3, metric, DefaultSwingPercent, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(tor.Swings) < 15 {
				t.Errorf("only %d swings", len(tor.Swings))
			}
			for _, sw := range tor.Swings {
				in, ok := whole[sw.Path]
				if !ok {
					t.Errorf("swing %s is no input of the whole scenario", sw.Path)
					continue
				}
				for _, side := range []struct {
					v   decimal.Decimal
					got *decimal.Decimal
				}{{sw.LowInput, sw.Low}, {sw.HighInput, sw.High}} {
					c := s.Clone()
					*in.get(&c) = NumOf(side.v)
					r, err := Evaluate(&c)
					if err != nil {
						if side.got != nil {
							t.Errorf("%s: whole evaluation fails (%v), the tornado has %s", sw.Path, err, side.got)
						}
						continue
					}
					want, _ := metricOf(metric, &r.Options[3])
					if side.got == nil || !side.got.Equal(want) {
						t.Errorf("searched %v %s %s at %s: tornado %v, whole evaluation %s", searched, metric, sw.Path, side.v, side.got, want)
					}
				}
			}
		}
	}
}

// TestHybridBreakEvenAndBaseNote: a hybrid has no break-even volume against
// the API, and the verdict says why in words; its base's terms are said:
// the hand-worked hybrid's cloud base is 4 accelerators at option 1's
// committed $1.50, whatever commitment tiers option 1 has (a tier added
// to option 1 changes option 1, not the hybrid's $12,191); an owned base
// is bought in month 1.
func TestHybridBreakEvenAndBaseNote(t *testing.T) {
	s := hybridScenario()
	r := mustEval(t, s)
	v := r.Comparison.Options[3]
	if v.BreakEvenRequestsPerDay != nil || v.BreakEvenBasis != BreakEvenHybrid || !strings.HasPrefix(v.BreakEvenBasis, "not defined for a hybrid") {
		t.Errorf("break-even %v %q", v.BreakEvenRequestsPerDay, v.BreakEvenBasis)
	}
	h := r.Options[3].Hybrid
	if h.BaseRate == nil {
		t.Fatal("no base rate")
	}
	checkNear(t, "base rate", *h.BaseRate, d("1.5"))
	want := "the base is a commitment of its own: 4 accelerators for the whole horizon at $1.50 an accelerator-hour, the committed rate of “committed” (its hourly rate when none is given); the commitment tiers of “committed” itself, if any, are its plan on its own and are not used here"
	if got := h.BaseNote(); got != want {
		t.Errorf("base note %q", got)
	}
	if lines := h.Lines(); len(lines) < 2 || lines[1] != want {
		t.Errorf("lines %q", lines)
	}
	// Option 1 with a commitment of 2 accelerators for month 1 at $1.20:
	// option 1 changes, the hybrid does not.
	s.Options[0].Commitments = []Commitment{{Accelerators: N("2"), StartMonth: N("1"), Months: N("1"), HourlyRate: N("1.2")}}
	r2 := mustEval(t, s)
	checkNear(t, "hybrid with option 1's tier", r2.Options[3].TotalCost, d("12191"))
	if r2.Options[0].TotalCost.Equal(r.Options[0].TotalCost) {
		t.Error("the tier did not change option 1")
	}
	// Without a committed rate, the hourly rate: 4 × $2 × 730 × 2 = $11,680
	// of base, $15,111 in all.
	s = hybridScenario()
	s.Options[0].CommitHourlyRate = Num{}
	r3 := mustEval(t, s)
	checkNear(t, "base rate, hourly", *r3.Options[3].Hybrid.BaseRate, d("2"))
	checkNear(t, "total at the hourly rate", r3.Options[3].TotalCost, d("15111"))
	// An owned base has no rate.
	s = hybridScenario()
	s.Options[0] = Option{Label: "owned", Kind: Owned, Accelerator: &Accelerator{MemoryGB: N("80"), BandwidthTBps: N("3"), TFLOPS: N("1000")},
		CapexPerAccelerator: N("36000"), PowerKW: N("1"), PrefillTokensPerS: N("2000"), DecodeTokensPerS: N("1000"), AcceleratorsPerReplica: N("1"), MaxUtilization: N("0.5")}
	h = mustEval(t, s).Options[3].Hybrid
	if h.BaseRate != nil || h.BaseNote() != "the base is bought in month 1 and held to the horizon, costed as the owned fleet of “owned”" {
		t.Errorf("owned base: rate %v, note %q", h.BaseRate, h.BaseNote())
	}
}
