package engine

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestSensitivityCloudHandWorked(t *testing.T) {
	s := handScenario(measuredCloud())
	tor, err := Sensitivity(s, 0, MetricTotalCost, d("20"), nil)
	if err != nil {
		t.Fatal(err)
	}
	checkNear(t, "base", tor.Base, d("17520"))
	swings := map[string]Swing{}
	for _, sw := range tor.Swings {
		swings[sw.Path] = sw
	}
	// Hourly rate ±20 %: $1.60 and $2.40 → 6 × 730 × 2 × rate = 14,016 and 21,024.
	hr := swings["options[0].hourly_rate"]
	checkNear(t, "hourly low", *hr.Low, d("14016"))
	checkNear(t, "hourly high", *hr.High, d("21024"))
	// Requests ±20 %: busy 0.44 → ceil(0.88) = 1 replica + 1 = 4 accelerators:
	// 4 × 2 × 730 × 2 = 11,680; busy 0.66 → ceil(1.32) = 2 + 1 → 17,520.
	rq := swings["workload.requests_per_day"]
	checkNear(t, "requests low", *rq.Low, d("11680"))
	checkNear(t, "requests high", *rq.High, d("17520"))
	// The largest swing comes first.
	if tor.Swings[0].Path != "options[0].hourly_rate" {
		t.Errorf("first swing %s, want the hourly rate", tor.Swings[0].Path)
	}
	for i := 1; i < len(tor.Swings); i++ {
		if tor.Swings[i].Range.Cmp(tor.Swings[i-1].Range) > 0 {
			t.Errorf("swings not sorted at %d", i)
		}
	}
	// Growth is 0: moving it by a percentage does nothing, so it is left out.
	if _, ok := swings["workload.monthly_growth"]; ok {
		t.Error("a zero input was moved")
	}
}

func TestSensitivityErrors(t *testing.T) {
	s := handScenario(measuredCloud())
	for _, tc := range []struct {
		i      int
		metric Metric
		pct    string
	}{{1, MetricTotalCost, "20"}, {0, "nope", "20"}, {0, MetricTotalCost, "0"}, {0, MetricTotalCost, "100"}, {0, MetricTotalMargin, "20"}} {
		if _, err := Sensitivity(s, tc.i, tc.metric, d(tc.pct), nil); err == nil {
			t.Errorf("%+v: no error", tc)
		}
	}
}

func TestSensitivityEveryOptionOfReference(t *testing.T) {
	s := loadReference(t)
	for i := range s.Options {
		tor, err := Sensitivity(s, i, MetricCostPerMTokens, DefaultSwingPercent, nil)
		if err != nil {
			t.Fatalf("option %d: %v", i, err)
		}
		if len(tor.Swings) < 4 {
			t.Errorf("option %d: only %d swings", i, len(tor.Swings))
		}
	}
}

// TestSensitivityReuseMatchesFullEvaluation: the reused demand, throughput
// and capacity give exactly what a full evaluation of each moved scenario
// gives, for every option of the reference scenario and two metrics. A
// swing names option i's inputs options[i].… as the scenario does; the
// test moves them in a copy holding option i alone (its options[0].…),
// and every swing must name an input of option i or of the workload.
func TestSensitivityReuseMatchesFullEvaluation(t *testing.T) {
	s := loadReference(t)
	for i := range s.Options {
		for _, metric := range []Metric{MetricTotalCost, MetricTotalMargin} {
			tor, err := Sensitivity(s, i, metric, DefaultSwingPercent, nil)
			if err != nil {
				t.Fatal(err)
			}
			single := s.Clone()
			single.Options = []Option{s.Options[i].Clone()}
			inputs := map[string]input{}
			for _, in := range sensitiveInputs(&single, nil) {
				inputs[in.path] = in
			}
			options := 0
			for _, sw := range tor.Swings {
				path := sw.Path
				if k, rest, ok := SplitOptionPath(sw.Path); ok {
					if k != i {
						t.Errorf("%s: a swing names %s", s.Options[i].Label, sw.Path)
						continue
					}
					path = OptionPath(0, rest)
					options++
				}
				in, ok := inputs[path]
				if !ok {
					t.Errorf("%s: %s (%s in the copy) is not an input of the option", s.Options[i].Label, sw.Path, path)
					continue
				}
				for _, side := range []struct {
					v   decimal.Decimal
					got *decimal.Decimal
				}{{sw.LowInput, sw.Low}, {sw.HighInput, sw.High}} {
					c := single.Clone()
					*in.get(&c) = NumOf(side.v)
					r, err := Evaluate(&c)
					if err != nil {
						if side.got != nil {
							t.Errorf("%s %s: full evaluation fails (%v) but the tornado has %s", s.Options[i].Label, sw.Path, err, side.got)
						}
						continue
					}
					want, _ := metricOf(metric, &r.Options[0])
					if side.got == nil || !side.got.Equal(want) {
						t.Errorf("%s %s at %s: tornado %v, full evaluation %s", s.Options[i].Label, sw.Path, side.v, side.got, want)
					}
				}
			}
			if options == 0 {
				t.Errorf("%s: no swing of the option's own inputs", s.Options[i].Label)
			}
		}
	}
}

// TestPaceStops checks that a Pace runs before every evaluation of the
// long computations and that returning false stops them with ErrStopped,
// after exactly the evaluations allowed.
func TestPaceStops(t *testing.T) {
	s := handScenario(measuredCloud(), Option{Label: "api", Kind: API, PriceInputPerM: N("1"), PriceOutputPerM: N("1")})
	counting := func(allow int) (Pace, *int) {
		calls := 0
		return func() bool { calls++; return calls <= allow }, &calls
	}
	// Unstopped, the pace runs once per curve point (12, see TestVolumeCurve).
	pace, calls := counting(1000)
	if pts, err := VolumeCurve(s, pace); err != nil || len(pts) != 12 || *calls != 12 {
		t.Fatalf("curve: %d points, %d paces, %v", len(pts), *calls, err)
	}
	pace, calls = counting(3)
	if pts, err := VolumeCurve(s, pace); err != ErrStopped || pts != nil || *calls != 4 {
		t.Errorf("stopped curve: %d points, %d paces, %v", len(pts), *calls, err)
	}
	// A tornado paces before each of its two evaluations per input.
	full, err := Sensitivity(s, 0, MetricTotalCost, DefaultSwingPercent, nil)
	if err != nil {
		t.Fatal(err)
	}
	pace, calls = counting(1000)
	if _, err := Sensitivity(s, 0, MetricTotalCost, DefaultSwingPercent, pace); err != nil || *calls != 2*len(full.Swings) {
		t.Errorf("tornado: %d paces for %d swings, %v", *calls, len(full.Swings), err)
	}
	pace, calls = counting(5)
	if tor, err := Sensitivity(s, 0, MetricTotalCost, DefaultSwingPercent, pace); err != ErrStopped || tor != nil || *calls != 6 {
		t.Errorf("stopped tornado: %d paces, %v", *calls, err)
	}
}
