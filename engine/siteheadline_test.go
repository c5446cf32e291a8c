package engine

import (
	"slices"
	"strings"
	"testing"
)

// TestVerdictSiteOutgrown: the power scenario (TestPowerSiteHandWorked)
// on a 15 kW site. Both self-hosted options provision, by month (requests
// a day × 2 / 86,400 × 0.25 s busy, over 0.8 × 2 a replica, rounded up,
// plus one spare): month 1 276,480/day → 1.6 busy → 1 + 1 replicas, 4
// accelerators; month 2 414,720 → 2.4 → 2 + 1, 6; month 3 622,080 → 3.6 →
// 3 + 1, 8; month 4 933,120 → 5.4 → 4 + 1, 10. At 2.34 kW each: 9.36,
// 14.04, 18.72 and 23.4 kW: past 15 kW from month 3. The verdict says so;
// the ranking is the one without a site.
func TestVerdictSiteOutgrown(t *testing.T) {
	free := mustEval(t, powerScenario(""))
	r := mustEval(t, powerScenario("0.015"))
	w := r.Comparison.Cheapest
	if r.Options[w].Throughput == nil {
		t.Fatalf("the cheapest, %s, is not self-hosted: the test needs one", r.Options[w].Label)
	}
	if !slices.Equal(r.Comparison.Ranking, free.Comparison.Ranking) || !r.Options[w].TotalCost.Equal(free.Options[w].TotalCost) {
		t.Errorf("the site moved the ranking: %v, without it %v", r.Comparison.Ranking, free.Comparison.Ranking)
	}
	for m, want := range []string{"4", "6", "8", "10"} {
		if got := r.Options[w].Months[m].Fleet; !got.Equal(d(want)) {
			t.Errorf("month %d fleet %s, want %s", m+1, got, want)
		}
	}
	if m := r.Comparison.SiteOutgrownMonth; m == nil || *m != 3 {
		t.Fatalf("outgrown month %v, want 3", m)
	}
	want := ", but its fleet outgrows the 15 kW site in month 3."
	if v := Summarize(r, nil).Verdict; !strings.HasPrefix(v, "Over 4 months, "+r.Options[w].Label+" is cheapest: ") || !strings.HasSuffix(v, want) {
		t.Errorf("verdict %q, want it to end %q", v, want)
	}
	// 18.72 kW fits a 20 kW site to the horizon? No: 23.4 kW in month 4.
	if m := mustEval(t, powerScenario("0.02")).Comparison.SiteOutgrownMonth; m == nil || *m != 4 {
		t.Errorf("20 kW: outgrown month %v, want 4", m)
	}
	// 23.4 kW fits 25 kW: nothing said; without a site, nothing either.
	for _, s := range []*Scenario{powerScenario("0.025"), powerScenario("")} {
		r := mustEval(t, s)
		if r.Comparison.SiteOutgrownMonth != nil || strings.Contains(Summarize(r, nil).Verdict, "outgrows") {
			t.Errorf("%v: %q", s.Workload.SitePowerMW, Summarize(r, nil).Verdict)
		}
	}
	// The page's keystroke path (no power section yet) says the same.
	s := powerScenario("0.015")
	h, err := EvaluateHeadline(s)
	if err != nil {
		t.Fatal(err)
	}
	if h.Power != nil || Summarize(h, nil).Verdict != Summarize(r, nil).Verdict {
		t.Errorf("headline path: %q", Summarize(h, nil).Verdict)
	}
}
