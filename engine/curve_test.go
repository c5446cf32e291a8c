package engine

import "testing"

func TestVolumeCurve(t *testing.T) {
	s := handScenario(measuredCloud(), Option{Label: "api", Kind: API, PriceInputPerM: N("1"), PriceOutputPerM: N("1")})
	pts, err := VolumeCurve(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	// 86,400 a day: from 864 to 8,640,000 in 1-2-5 steps: 1,000 … 5,000,000.
	if len(pts) != 12 || !pts[0].RequestsPerDay.Equal(d("1000")) || !pts[11].RequestsPerDay.Equal(d("5000000")) {
		for _, p := range pts {
			t.Log(p.RequestsPerDay)
		}
		t.Fatalf("%d points", len(pts))
	}
	for _, p := range pts {
		// The API costs $1 per M tokens at any volume.
		checkNear(t, "api", *p.CostPerMTokens[1], d("1"))
	}
	// At 1,000 a day the cloud option holds 1 replica (the minimum) plus a
	// spare: 4 accelerators × $2 × 730 = $5,840 for 1,000 × 365/12 × 1,500
	// tokens = 45.625 M tokens.
	checkNear(t, "cloud at 1,000", *pts[0].CostPerMTokens[0], d("5840").DivRound(d("45.625"), 24))
}
