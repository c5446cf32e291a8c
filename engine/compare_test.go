package engine

import (
	"testing"

	"github.com/shopspring/decimal"
)

// monthOneCosts evaluates the scenario at a given daily volume for one month
// without growth and returns each option's cost.
func monthOneCosts(t *testing.T, s *Scenario, rpd decimal.Decimal) []decimal.Decimal {
	t.Helper()
	c := s.Clone()
	c.Workload.RequestsPerDay = NumOf(rpd)
	c.Workload.HorizonMonths = N("1")
	c.Workload.MonthlyGrowth = Num{}
	r := mustEval(t, &c)
	out := make([]decimal.Decimal, len(r.Options))
	for i, o := range r.Options {
		out[i] = o.TotalCost
	}
	return out
}

// TestBreakEvenVolumeByBruteForce checks the closed form against a scan of
// every daily volume around it: below V* the API wins somewhere, from V*
// on the self-hosted option never loses.
func TestBreakEvenVolumeByBruteForce(t *testing.T) {
	slow := measuredCloud()
	slow.PrefillTokensPerS, slow.DecodeTokensPerS = N("500"), N("50") // 0.5 × 1000/500 + 500/50 = 11 s a request
	slow.SpareReplicas = N("1")
	owned := slow
	owned.Label, owned.Kind, owned.HourlyRate = "owned", Owned, Num{}
	owned.CapexPerAccelerator = N("20000")
	owned.PowerKW = N("1.5")
	owned.StaffPerMonth = N("3000")
	api := Option{Label: "api", Kind: API, PriceInputPerM: N("3"), PriceCachedInputPerM: N("1"), PriceOutputPerM: N("60")}
	s := handScenario(slow, owned, api)
	r := mustEval(t, s)
	// The basis says which prices the volume assumes: on demand for the
	// cloud option whatever its commitment, a new purchase for the owned one.
	for i, want := range []string{breakEvenCloud, breakEvenOwned, ""} {
		if got := r.Comparison.Options[i].BreakEvenBasis; got != want {
			t.Errorf("option %d: break-even basis %q, want %q", i, got, want)
		}
	}
	for i := 0; i < 2; i++ {
		v := r.Comparison.Options[i].BreakEvenRequestsPerDay
		if v == nil {
			t.Fatalf("option %d: no break-even volume", i)
		}
		star := v.IntPart()
		t.Logf("%s beats the API from %d requests a day", s.Options[i].Label, star)
		// One replica (2 accelerators at 50 % for a 2× peak) carries
		// 0.5 × 2 × 86,400 / (2 × 11) = 3,927 requests a day: scan 4 replicas' worth.
		for rpd := star; rpd < star+16000; rpd += 7 {
			c := monthOneCosts(t, s, dec(rpd))
			if c[i].Cmp(c[2]) > 0 {
				t.Fatalf("%s at %d requests a day costs %s, the API %s", s.Options[i].Label, rpd, c[i], c[2])
			}
		}
		if star > 1 {
			// Just below V* the API wins at some volume in the step below.
			lost := false
			for rpd := star - 1; rpd > 0 && rpd > star-4000; rpd-- {
				c := monthOneCosts(t, s, dec(rpd))
				if c[i].Cmp(c[2]) > 0 {
					lost = true
					break
				}
			}
			if !lost {
				t.Errorf("%s: the API never wins just below %d: the break-even is not the smallest", s.Options[i].Label, star)
			}
		}
	}
}

func TestBreakEvenNeverWhenAPICheaper(t *testing.T) {
	api := Option{Label: "api", Kind: API, PriceInputPerM: N("0.001"), PriceOutputPerM: N("0.001")}
	r := mustEval(t, handScenario(measuredCloud(), api))
	if v := r.Comparison.Options[0].BreakEvenRequestsPerDay; v != nil {
		t.Errorf("break-even %s against an almost free API", v)
	}
}
