package engine

import "testing"

func TestSensitivityCloudHandWorked(t *testing.T) {
	s := handScenario(measuredCloud())
	tor, err := Sensitivity(s, 0, MetricTotalCost, d("20"))
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
		if _, err := Sensitivity(s, tc.i, tc.metric, d(tc.pct)); err == nil {
			t.Errorf("%+v: no error", tc)
		}
	}
}

func TestSensitivityEveryOptionOfReference(t *testing.T) {
	s := loadReference(t)
	for i := range s.Options {
		tor, err := Sensitivity(s, i, MetricCostPerMTokens, DefaultSwingPercent)
		if err != nil {
			t.Fatalf("option %d: %v", i, err)
		}
		if len(tor.Swings) < 4 {
			t.Errorf("option %d: only %d swings", i, len(tor.Swings))
		}
	}
}
