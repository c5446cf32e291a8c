package engine

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// tieredCloud is measuredCloud over four months of demand doubling each
// month, with three commitment tiers: a ramp and a prepaid renewal.
//
// Provisioned accelerators (TestCloudOnDemandHandWorked's working: replicas
// = ceil(rpd × 1.1 / 86,400) + 1 spare, 2 accelerators each):
//
//	month 1:  86,400 rpd → ceil(1.1) + 1 = 3 replicas →  6 accelerators
//	month 2: 172,800 rpd → ceil(2.2) + 1 = 4 replicas →  8
//	month 3: 345,600 rpd → ceil(4.4) + 1 = 6 replicas → 12
//	month 4: 691,200 rpd → ceil(8.8) + 1 = 10 replicas → 20
//
// Tiers (a month of one accelerator-hour rate is × 730 h; on demand $2 →
// $1,460 an accelerator-month):
//
//	tier 1 (commit_*):        8 at $1.50 ($1,095), months 1–2, nothing upfront
//	tier 2 (commitments[0]):  4 at $1.00   ($730), months 2–4, half upfront
//	tier 3 (commitments[1]): 10 at $1.40 ($1,022), months 3–5, all upfront
func tieredScenario() *Scenario {
	o := measuredCloud()
	o.CommitAccelerators, o.CommitHourlyRate, o.CommitMonths = N("8"), N("1.5"), N("2")
	o.Commitments = []Commitment{
		{Accelerators: N("4"), HourlyRate: N("1"), StartMonth: N("2"), Months: N("3"), UpfrontShare: N("0.5")},
		{Accelerators: N("10"), HourlyRate: N("1.4"), StartMonth: N("3"), Months: N("3"), UpfrontShare: N("1")},
	}
	s := handScenario(o)
	s.Workload.MonthlyGrowth = N("1")
	s.Workload.HorizonMonths = N("4")
	return s
}

func TestCommitmentTiersHandWorked(t *testing.T) {
	r := mustEval(t, tieredScenario())
	o := r.Options[0]
	m := o.Months
	for k, want := range []string{"6", "8", "12", "20"} {
		checkNear(t, "provisioned", m[k].Accelerators, d(want))
	}
	// Demand fills the tiers that run, cheapest first: tier 2 ($1.00),
	// tier 3 ($1.40), tier 1 ($1.50).
	//
	// Month 1: only tier 1 runs: 8 × 1,095 = 8,760; 6 used, 2 stranded
	// (2,190). Cash the same.
	// Month 2: tier 2 holds 4, tier 1 the other 4 of 8, 4 stranded (4,380).
	// Committed 8,760 + 4 × 730 = 11,680. Cash: 8,760 + half of 2,920 =
	// 1,460 + tier 2's upfront, half of 2,920 × 3 = 4,380: 14,600.
	// Month 3: tier 1 has ended; tier 2 holds 4, tier 3 the other 8 of 10:
	// 2 stranded (2 × 1,022 = 2,044). Committed 2,920 + 10,220 = 13,140.
	// Cash: 1,460 + tier 3's whole term, 10,220 × 3 = 30,660: 32,120.
	// Month 4: 4 + 10 held, 6 on demand: 6 × 1,460 = 8,760. Committed
	// 13,140 + 8,760 = 21,900; cash 1,460 + 8,760 = 10,220 (tier 3 is
	// prepaid).
	//
	// The prepayments tie up money, charged at the default discount rate,
	// 8 % a year (0.08 / 12 a month), on what is not yet used up at the
	// start of each month: upfront × monthly × months left of the term.
	// Tier 2 (1,460 prepaid a month of its term): 1,460 × 3 × 0.08/12 =
	// 29.20 in month 2, × 2 = 19.4666… in month 3, × 1 = 9.7333… in month 4.
	// Tier 3 (10,220 a month, all prepaid): 10,220 × 3 × 0.08/12 = 204.40 in
	// month 3, × 2 = 136.2666… in month 4. So the months cost 8,760;
	// 11,680 + 29.2 = 11,709.20; 13,140 + 19.4666… + 204.4 = 13,363.8666…;
	// 21,900 + 9.7333… + 136.2666… = 22,046.
	for k, want := range []struct{ committed, capital, onDemand, cost, cash, stranded string }{
		{"8760", "0", "0", "8760", "8760", "2190"},
		{"11680", "29.2", "0", "11709.2", "14600", "4380"},
		{"13140", "223.866666666666666666666667", "0", "13363.866666666666666666666667", "32120", "2044"},
		{"13140", "146", "8760", "22046", "10220", "0"},
	} {
		checkNear(t, "committed", m[k].Breakdown.Committed, d(want.committed))
		checkNear(t, "capital", m[k].Breakdown.Capital, d(want.capital))
		checkNear(t, "on demand", m[k].Breakdown.OnDemand, d(want.onDemand))
		checkNear(t, "cost", m[k].Cost, d(want.cost))
		checkNear(t, "cash", m[k].CashCost, d(want.cash))
		checkNear(t, "stranded", m[k].StrandedCost, d(want.stranded))
	}
	// Economic: tier 1 2 × 8,760 = 17,520; tier 2 3 × 2,920 + its capital
	// 58.40 = 8,818.40; tier 3 2 × 10,220 + 340.6666… = 20,780.6666… (its
	// month 5 is past the horizon); on demand 8,760: 55,879.0666…. Cash:
	// 17,520 + 8,760 + 30,660 (month 5 prepaid too) + 8,760 = 65,700.
	checkNear(t, "total", o.TotalCost, d("55879.066666666666666666666667"))
	checkNear(t, "total cash", o.TotalCashCost, d("65700"))
	checkNear(t, "stranded total", o.StrandedTotal, d("8614"))
	checkNear(t, "cumulative cash", m[3].CumulativeCash, d("-65700"))
	if len(o.Commitments) != 3 {
		t.Fatalf("%d tiers reported, want 3", len(o.Commitments))
	}
	for k, want := range []struct {
		tier                                   int
		path                                   string
		start, end                             int
		cost, upfront, used, idle, strandedUSD string
	}{
		// Tier 1: used 6 + 4 = 10, idle 2 + 4 = 6 accelerator-months, 6,570.
		{1, "options[0]", 1, 2, "17520", "0", "10", "6", "6570"},
		// Tier 2: always full, 3 × 4 = 12.
		{2, "options[0].commitments[0]", 2, 4, "8818.4", "4380", "12", "0", "0"},
		// Tier 3: 8 + 10 = 18 used, 2 idle (2,044).
		{3, "options[0].commitments[1]", 3, 5, "20780.666666666666666666666667", "30660", "18", "2", "2044"},
	} {
		tr := o.Commitments[k]
		if tr.Tier != want.tier || tr.Path != want.path || tr.StartMonth != want.start || tr.EndMonth != want.end {
			t.Errorf("tier %d = %d %q months %d–%d, want %d %q %d–%d", k, tr.Tier, tr.Path, tr.StartMonth, tr.EndMonth, want.tier, want.path, want.start, want.end)
		}
		checkNear(t, "tier cost", tr.Cost, d(want.cost))
		checkNear(t, "tier upfront", tr.Upfront, d(want.upfront))
		checkNear(t, "tier used", tr.UsedAcceleratorMonths, d(want.used))
		checkNear(t, "tier stranded", tr.StrandedAcceleratorMonths, d(want.idle))
		checkNear(t, "tier stranded cost", tr.StrandedCost, d(want.strandedUSD))
	}
}

// The first tier written as a commitments entry from month 1 costs exactly
// what the commit_* fields cost: one model, two spellings.
func TestCommitmentTierMatchesFirstTier(t *testing.T) {
	a := tieredScenario()
	a.Options[0].Commitments = nil
	b := tieredScenario()
	b.Options[0].CommitAccelerators, b.Options[0].CommitHourlyRate, b.Options[0].CommitMonths = Num{}, Num{}, Num{}
	b.Options[0].Commitments = []Commitment{{Accelerators: N("8"), HourlyRate: N("1.5"), Months: N("2")}}
	ra, rb := mustEval(t, a), mustEval(t, b)
	checkNear(t, "total", rb.Options[0].TotalCost, ra.Options[0].TotalCost)
	checkNear(t, "stranded", rb.Options[0].StrandedTotal, ra.Options[0].StrandedTotal)
	for m := range ra.Options[0].Months {
		checkNear(t, "month", rb.Options[0].Months[m].Cost, ra.Options[0].Months[m].Cost)
	}
}

// A renewal starting the month after the first tier ends continues it.
func TestCommitmentRenewal(t *testing.T) {
	s := tieredScenario()
	o := &s.Options[0]
	o.Commitments = []Commitment{{Accelerators: N("8"), HourlyRate: N("1.5"), StartMonth: N("3"), Months: N("2")}}
	r := mustEval(t, s)
	// 8 at $1,095 in every month; months 3 and 4 need 12 and 20: 4 and 12
	// on demand at $1,460. Stranded: 2 in month 1 only (2,190).
	// Total 4 × 8,760 + 16 × 1,460 = 35,040 + 23,360 = 58,400.
	checkNear(t, "total", r.Options[0].TotalCost, d("58400"))
	checkNear(t, "stranded", r.Options[0].StrandedTotal, d("2190"))
}

func TestCommitmentValidation(t *testing.T) {
	for _, tc := range []struct {
		name, path, want string
		edit             func(*Scenario)
	}{
		{"start past the horizon", "options[0].commitments[1].start_month", "must be ≤ the horizon (month 4)",
			func(s *Scenario) { s.Options[0].Commitments[1].StartMonth = N("5") }},
		{"negative accelerators", "options[0].commitments[0].accelerators", "must be ≥ 0",
			func(s *Scenario) { s.Options[0].Commitments[0].Accelerators = N("-1") }},
		{"upfront above all", "options[0].commitments[1].upfront_share", "must be ≤ 1: a share, where 1 is 100 % (for 1.5 % type 1.5% or 0.015)",
			func(s *Scenario) { s.Options[0].Commitments[1].UpfrontShare = N("1.5") }},
		{"no length", "options[0].commitments[0].months", "required",
			func(s *Scenario) { s.Options[0].Commitments[0].Months = Num{} }},
		{"zero length", "options[0].commitments[0].months", "must be ≥ 1",
			func(s *Scenario) { s.Options[0].Commitments[0].Months = N("0") }},
		{"fractional start", "options[0].commitments[1].start_month", "must be a whole number",
			func(s *Scenario) { s.Options[0].Commitments[1].StartMonth = N("2.5") }},
		{"too many tiers", "options[0].commitments", "at most 8 tiers (got 9)",
			func(s *Scenario) {
				for len(s.Options[0].Commitments) <= MaxCommitments {
					s.Options[0].Commitments = append(s.Options[0].Commitments, s.Options[0].Commitments[0])
				}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := tieredScenario()
			tc.edit(s)
			_, err := Evaluate(s)
			errs, _ := err.(Errors)
			if got := errs.For(tc.path); got != tc.want {
				t.Errorf("%s: %q, want %q (all: %v)", tc.path, got, tc.want, err)
			}
		})
	}
}

func TestCommitmentRoundTrips(t *testing.T) {
	s := tieredScenario()
	s.Version = FormatVersion
	// A tier with its rate and start month left to their defaults.
	s.Options[0].Commitments = append(s.Options[0].Commitments, Commitment{Accelerators: N("2"), Months: N("12")})
	n := Normalize(s)
	tokens := strings.Join(linkTokens(&n), "~")
	if want := "~ct=4,1,2,3,0.5~ct=10,1.4,3,3,1~ct=2,,,12"; !strings.HasSuffix(tokens, want) {
		t.Errorf("tokens %s do not end with %s", tokens, want)
	}
	// Text that is not a number (a draft's) is never written into a token:
	// "2~h=999" would add a key, "1,5" would shift the values.
	bad := s.Clone()
	bad.Options[0].Commitments[2].Accelerators, bad.Options[0].Commitments[2].Months = ParseNum("1,5"), ParseNum("2~h=999")
	if tokens := strings.Join(linkTokens(&bad), "~"); !strings.HasSuffix(tokens, "~ct=") {
		t.Errorf("a tier of text wrote %s", tokens)
	}
	got := checkRoundTrip(t, s)
	if len(got.Options[0].Commitments) != 3 {
		t.Fatalf("round trip kept %d tiers", len(got.Options[0].Commitments))
	}
	var b bytes.Buffer
	if err := EncodeScenario(&b, s); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"commitments": [`) || !strings.Contains(b.String(), `"upfront_share": "0.5"`) {
		t.Errorf("file lacks the tiers:\n%s", b.String())
	}
	f, err := DecodeScenario(&b)
	if err != nil {
		t.Fatal(err)
	}
	if !scenarioEqual(f, *s) {
		t.Errorf("file round trip differs")
	}
	r1, r2 := mustEval(t, s), mustEval(t, &f)
	j1, _ := json.Marshal(r1)
	j2, _ := json.Marshal(r2)
	if !bytes.Equal(j1, j2) {
		t.Errorf("results differ after a file round trip")
	}
}

func TestCommitmentHostileLinksAndFiles(t *testing.T) {
	many := "#4r.o=cloud~hr=2" + strings.Repeat("~ct=1,,,1", MaxCommitments+1)
	for _, tc := range []struct{ link, want string }{
		{many, "more than 8 commitment tiers"},
		{"#4r.o=cloud~ct=1,2,3,4,5,6", "a commitment tier has 6 values, at most 5"},
		{"#4r.o=cloud~ct=1,x", "commitment tier 2: Rate"},
		{"#4r.o=cloud~ct", `part "ct" has no value`},
		{"#4r.o=owned~ct=1", `unknown part "ct" for an option of kind owned`},
		{"#3r.o=cloud~ct=1", `unknown part "ct" for an option of kind cloud`},
		{"#4r.ct=1", `unknown part "ct"`},
	} {
		_, err := DecodeLink(tc.link)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%.60s: %v, want %q", tc.link, err, tc.want)
		}
	}
	// A negative or too large value decodes, and validation names it.
	s, err := DecodeLink("#4r.h=12~o=cloud~hr=2~ct=-3,,13,121")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Evaluate(&s)
	errs, _ := err.(Errors)
	for path, want := range map[string]string{
		"options[0].commitments[0].accelerators": "must be ≥ 0",
		"options[0].commitments[0].start_month":  "must be ≤ the horizon (month 12)",
		"options[0].commitments[0].months":       "must be ≤ 120",
	} {
		if got := errs.For(path); got != want {
			t.Errorf("%s: %q, want %q", path, got, want)
		}
	}
	for _, tc := range []struct{ file, want string }{
		{`{"version":2,"options":[{"kind":"api","commitments":[]}]}`, "options[0].commitments: does not apply to an option of kind api (only to cloud)"},
		{`{"version":2,"options":[{"kind":"cloud","commitments":{}}]}`, "options[0].commitments: expected a list of commitment tiers (a JSON array), got a JSON object"},
		{`{"version":2,"options":[{"kind":"cloud","commitments":[1]}]}`, "options[0].commitments[0]: expected a commitment tier (a JSON object), got a JSON number"},
		{`{"version":2,"options":[{"kind":"cloud","commitments":[{"start":1}]}]}`, `options[0].commitments[0]: unknown field "start"`},
		{`{"version":2,"options":[{"kind":"cloud","commitments":[{},{"months":"1","months":"2"}]}]}`, "options[0].commitments[1].months: appears twice"},
		{`{"version":2,"options":[{"kind":"cloud","commitments":[` + strings.Repeat(`{},`, MaxCommitments) + `{}]}]}`, "options[0].commitments: more than 8 commitment tiers"},
	} {
		_, err := DecodeScenario(strings.NewReader(tc.file))
		if err == nil || err.Error() != tc.want {
			t.Errorf("%.70s: %v, want %q", tc.file, err, tc.want)
		}
	}
}

func TestCommittedAt(t *testing.T) {
	o := mustEval(t, tieredScenario()).Options[0]
	// Tier 1 (8) in months 1–2, tier 2 (4) in 2–4, tier 3 (10) in 3–5.
	for m, want := range map[int]string{1: "8", 2: "12", 3: "14", 4: "14", 5: "10", 6: "0"} {
		if got := o.CommittedAt(m); !got.Equal(d(want)) {
			t.Errorf("month %d: %s committed, want %s", m, got, want)
		}
	}
}

// TestUpfrontCommitmentCostsItsCapital: 10 accelerators for 36 months at
// $2.00 an hour paid monthly, against $1.75 all upfront, at 8 % a year.
// Monthly: 10 × 2 × 730 = 14,600, 525,600 in all. Upfront: 10 × 1.75 × 730
// = 12,775 a month, 459,900 prepaid; the money tied up costs 12,775 ×
// (36 + 35 + … + 1) × 0.08 / 12 = 12,775 × 666 × 0.08 / 12 = 56,721. So the
// prepayment saves 525,600 − 516,621 = 8,979, not 65,700.
func TestUpfrontCommitmentCostsItsCapital(t *testing.T) {
	cost := func(rate, upfront string) decimal.Decimal {
		s := handScenario(measuredCloud())
		s.Workload.HorizonMonths = N("36")
		s.Options[0].Commitments = []Commitment{{Accelerators: N("10"), HourlyRate: N(rate), Months: N("36"), UpfrontShare: N(upfront)}}
		r := mustEval(t, s)
		var committed decimal.Decimal
		for _, m := range r.Options[0].Months {
			committed = committed.Add(m.Breakdown.Committed).Add(m.Breakdown.Capital)
		}
		return committed
	}
	monthly, prepaid := cost("2", "0"), cost("1.75", "1")
	checkNear(t, "paid monthly", monthly, d("525600"))
	checkNear(t, "prepaid, with its capital", prepaid, d("516621"))
	checkNear(t, "saving", monthly.Sub(prepaid), d("8979"))
}
