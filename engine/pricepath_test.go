package engine

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// tenthOff is the annual rate whose monthly factor is exactly 0.9:
// 0.9^12 = 0.282429536481, so 1 + a = 0.282429536481 and a =
// −0.717570463519. Every factor 0.9^k, k ≤ 24, has k ≤ 24 decimal places:
// the path is exact at Prec = 24 places, and so is every figure below.
const tenthOff = "-0.717570463519"

func TestMonthlyFactor(t *testing.T) {
	for _, c := range []struct{ annual, want string }{
		{"0", "1"},
		{tenthOff, "0.9"},
		// 2^(1/12), the equal-tempered semitone, 1.05946309435929526456182529…
		// (OEIS A010774), rounded to 24 places.
		{"1", "1.059463094359295264561825"},
	} {
		if got := monthlyFactor(d(c.annual)); !got.Equal(d(c.want)) {
			t.Errorf("monthlyFactor(%s) = %s, want %s", c.annual, got, c.want)
		}
	}
	// Any rate in range: f^12 is 1 + a to within 12 × 10^−24 (f is within
	// 5 × 10^−25 of the root, and d(f^12)/df = 12 f^11 < 12 × 1.06^11 < 23).
	for _, a := range []string{"-0.9", "-0.3", "-0.05", "0.000001", "0.07", "0.5", "1"} {
		f := monthlyFactor(d(a))
		p := f.Pow(d("12")) // exact: an integer power
		if diff := p.Sub(one.Add(d(a))).Abs(); diff.Cmp(d("3e-23")) > 0 {
			t.Errorf("monthlyFactor(%s)^12 = %s, off by %s", a, p, diff)
		}
		if -f.Exponent() > Prec {
			t.Errorf("monthlyFactor(%s) = %s has more than %d places", a, f, Prec)
		}
	}
}

func TestPathFactors(t *testing.T) {
	if got := pathFactors(zero, 24); got != nil {
		t.Errorf("a zero rate has a path: %v", got)
	}
	got := pathFactors(d(tenthOff), 24)
	if len(got) != 24 {
		t.Fatalf("%d factors, want 24", len(got))
	}
	// Month 1 at today's price, month 13 one year on: 0.9^12 = 1 + a.
	want := one
	for m, f := range got {
		if !f.Equal(want) {
			t.Errorf("month %d: factor %s, want 0.9^%d = %s", m+1, f, m, want)
		}
		want = want.Mul(d("0.9"))
	}
	if !got[12].Equal(d("0.282429536481")) {
		t.Errorf("month 13: %s, want 0.282429536481", got[12])
	}
	// Past the path, factorAt compounds on: month 25 is 0.9^24.
	if f := factorAt(got, d(tenthOff), 24); !f.Equal(d("0.079766443076872509863361")) {
		t.Errorf("month 25: %s, want 0.9^24 = 0.079766443076872509863361", f)
	}
	// A 30 % fall a year: month 13 is 0.7 to within 10^−22 (12 steps of
	// compounding, each rounded to 10^−24).
	p := pathFactors(d("-0.3"), 25)
	if diff := p[12].Sub(d("0.7")).Abs(); diff.Cmp(d("1e-22")) > 0 {
		t.Errorf("−30 %%: month 13 factor %s", p[12])
	}
	if diff := p[24].Sub(d("0.49")).Abs(); diff.Cmp(d("1e-22")) > 0 {
		t.Errorf("−30 %%: month 25 factor %s", p[24])
	}
}

// pathScenario: 1,200 requests a day, 36,500 a month (1,200 × 365 / 12);
// 2,000 input and 1,000 output tokens each; 24 months.
func pathScenario(opts ...Option) *Scenario {
	return &Scenario{Version: FormatVersion,
		Workload: Workload{RequestsPerDay: N("1200"), InputTokens: N("2000"), OutputTokens: N("1000"), HorizonMonths: N("24"), TPOTSLOms: N("0")},
		Model:    Model{Preset: "llama-3.1-8b"},
		Options:  opts,
	}
}

// TestAPIPricePath is the hand-worked 24-month path of an API whose
// prices fall by the factor 0.9 a month (tenthOff a year).
//
// A request costs 2,000 × $1/M + 1,000 × $2/M = $0.004; a month of 36,500
// requests $146 at month 1's prices. Month m costs $146 × 0.9^(m−1):
// month 2 $131.4, month 13 $146 × 0.282429536481 = $41.234712326226,
// month 24 $146 × 0.9^23 = $12.93988965469265160005634 (0.9^23 =
// 0.08862938119652501095929). Over 24 months: $146 × (1 − 0.9^24) / 0.1 =
// $1,460 × 0.920233556923127490136639 = $1,343.54099310776613559949294
// (against $3,504 at fixed prices).
// Input: 73M tokens a month at $1/M, $73 × 0.9^(m−1), in all $730 ×
// 0.920233556923127490136639 = $671.77049655388306779974647 for 1,752M
// tokens: $0.383430648717969787556932916… per M, the average price paid,
// not the month-1 price of $1. Output likewise: $671.770… for 876M
// tokens, $0.766861297435939575113865833… per M.
func TestAPIPricePath(t *testing.T) {
	s := pathScenario(Option{Label: "API", Kind: API, PriceInputPerM: N("1"), PriceOutputPerM: N("2"), PriceChange: N(tenthOff)})
	r := mustEval(t, s)
	o := r.Options[0]
	for m, want := range map[int]string{1: "146", 2: "131.4", 13: "41.234712326226", 24: "12.93988965469265160005634"} {
		if got := o.Months[m-1].Cost; !got.Equal(d(want)) {
			t.Errorf("month %d: cost %s, want %s", m, got, want)
		}
	}
	if !o.TotalCost.Equal(d("1343.54099310776613559949294")) {
		t.Errorf("total %s, want 1343.54099310776613559949294", o.TotalCost)
	}
	if got := o.CostPerMInputTokens.StringFixed(20); got != "0.38343064871796978756" {
		t.Errorf("$/M input %s, want 0.38343064871796978756", got)
	}
	if got := o.CostPerMOutputTokens.StringFixed(20); got != "0.76686129743593957511" {
		t.Errorf("$/M output %s, want 0.76686129743593957511", got)
	}
	// No change: $146 every month.
	s.Options[0].PriceChange = Num{}
	if r := mustEval(t, s); !r.Options[0].TotalCost.Equal(d("3504")) || !r.Options[0].CostPerMInputTokens.Equal(one) {
		t.Errorf("fixed prices: total %s, $/M input %s", r.Options[0].TotalCost, r.Options[0].CostPerMInputTokens)
	}
}

// TestRevenuePricePath: the user's prices, $1/M input and output, fall by
// 0.9 a month: a request earns 3,000 × $1/M = $0.003, a month $109.5 at
// month 1's prices, then $109.5 × 0.9^(m−1); in all $1,095 ×
// 0.920233556923127490136639 = $1,007.655744830824601699619705.
func TestRevenuePricePath(t *testing.T) {
	s := pathScenario(Option{Label: "API", Kind: API, PriceInputPerM: N("1"), PriceOutputPerM: N("2")})
	s.Revenue = &Revenue{PriceInputPerM: N("1"), PriceOutputPerM: N("1"), PriceChange: N(tenthOff)}
	o := mustEval(t, s).Options[0]
	if got := o.Months[12].Revenue; !got.Equal(d("30.9260342446695")) { // 109.5 × 0.282429536481
		t.Errorf("month 13 revenue %s, want 30.9260342446695", got)
	}
	if !o.TotalRevenue.Equal(d("1007.655744830824601699619705")) {
		t.Errorf("revenue %s, want 1007.655744830824601699619705", o.TotalRevenue)
	}
	// Margin: $1,007.66 − $3,504.
	if !o.TotalMargin.Equal(d("-2496.344255169175398300380295")) {
		t.Errorf("margin %s", o.TotalMargin)
	}
}

// TestCloudPricePath: the on-demand rate, $2 an accelerator-hour, falls by
// 0.9 a month; a committed rate stays fixed for its term. Demand is flat,
// so every month provisions the same A accelerators.
func TestCloudPricePath(t *testing.T) {
	cloud := Option{Label: "Cloud", Kind: Cloud, Accelerator: &Accelerator{MemoryGB: N("80"), BandwidthTBps: N("3"), TFLOPS: N("1000")},
		HourlyRate: N("2"), HourlyRateChange: N(tenthOff), PrefillTokensPerS: N("10000"), DecodeTokensPerS: N("5"), AcceleratorsPerReplica: N("1")}
	s := pathScenario(cloud)
	o := mustEval(t, s).Options[0]
	a := o.Months[0].Accelerators
	if a.Cmp(d("2")) < 0 {
		t.Fatalf("want several accelerators, got %s", a)
	}
	// On demand: month m costs A × $2 × 730 × 0.9^(m−1) = A × $1,460 × 0.9^(m−1).
	f := one
	for m := range o.Months {
		if want := a.Mul(d("1460")).Mul(f); !o.Months[m].Cost.Equal(want) || !o.Months[m].Breakdown.OnDemand.Equal(want) {
			t.Errorf("month %d: %s, want A × 1,460 × 0.9^%d = %s", m+1, o.Months[m].Cost, m, want)
		}
		f = f.Mul(d("0.9"))
	}
	// Commit A − 1 units at $1.5 for 12 months: months 1–12 pay A − 1 ×
	// $1,095 flat, and 1 unit on demand at the month's rate; months 13–24
	// all A on demand at the month's rate.
	s.Options[0].CommitAccelerators = NumOf(a.Sub(one))
	s.Options[0].CommitHourlyRate = N("1.5")
	s.Options[0].CommitMonths = N("12")
	o = mustEval(t, s).Options[0]
	f = one
	for m := range o.Months {
		row := o.Months[m]
		wantCommitted, wantOnDemand := a.Sub(one).Mul(d("1095")), d("1460").Mul(f)
		if m >= 12 {
			wantCommitted, wantOnDemand = zero, a.Mul(d("1460")).Mul(f)
		}
		if !row.Breakdown.Committed.Equal(wantCommitted) || !row.Breakdown.OnDemand.Equal(wantOnDemand) {
			t.Errorf("month %d: committed %s on demand %s, want %s and %s", m+1, row.Breakdown.Committed, row.Breakdown.OnDemand, wantCommitted, wantOnDemand)
		}
		f = f.Mul(d("0.9"))
	}
}

// TestOwnedCapexPath: an accelerator bought in month m costs $10,000 ×
// 0.9^(m−1); demand grows, so the fleet grows and each purchase is paid at
// its month's price.
func TestOwnedCapexPath(t *testing.T) {
	owned := Option{Label: "Owned", Kind: Owned, Accelerator: &Accelerator{MemoryGB: N("80"), BandwidthTBps: N("3"), TFLOPS: N("1000")},
		CapexPerAccelerator: N("10000"), CapexChange: N(tenthOff), PowerKW: N("1"),
		PrefillTokensPerS: N("10000"), DecodeTokensPerS: N("5"), AcceleratorsPerReplica: N("1")}
	s := pathScenario(owned)
	s.Workload.MonthlyGrowth = N("0.1")
	p, errs := Check(s)
	if errs != nil {
		t.Fatal(errs)
	}
	for m, want := range map[int]string{0: "10000", 1: "9000", 12: "2824.29536481", 30: "423.91158275216203514295" /* past the path: 0.9^30 = 0.042391158275216203514294433201 rounded to 24 places, × 10,000 */} {
		if got := p.options[0].capexAt(m); !got.Equal(d(want)) {
			t.Errorf("capexAt(%d) = %s, want %s", m, got, want)
		}
	}
	o := mustEval(t, s).Options[0]
	var fleet decimal.Decimal
	bought := 0
	for m, row := range o.Months {
		want := row.Fleet.Sub(fleet).Mul(d("10000").Mul(d("0.9").Pow(d(itoa(m)))))
		if !row.Capex.Equal(want) {
			t.Errorf("month %d: capex %s, want %s new × $10,000 × 0.9^%d = %s", m+1, row.Capex, row.Fleet.Sub(fleet), m, want)
		}
		if row.Capex.Sign() > 0 {
			bought++
		}
		fleet = row.Fleet
	}
	if bought < 3 {
		t.Errorf("only %d months with purchases: the test does not test a path", bought)
	}
}

func itoa(i int) string { return decimal.NewFromInt(int64(i)).String() }

// TestOldScenarioUnchanged: a scenario that sets every new rate to 0 is
// the scenario without them, figure for figure.
func TestPricePathZeroIsNoChange(t *testing.T) {
	s := loadReference(t)
	base := mustEval(t, s)
	z := s.Clone()
	z.Revenue.PriceChange = N("0")
	for i := range z.Options {
		o := &z.Options[i]
		switch o.Kind {
		case Cloud:
			o.HourlyRateChange = N("0")
		case Owned:
			o.CapexChange = N("0")
		case API:
			o.PriceChange = N("0")
		}
	}
	got := mustEval(t, &z)
	for i := range base.Options {
		if !got.Options[i].TotalCost.Equal(base.Options[i].TotalCost) || !got.Options[i].CostPerMTokens.Equal(base.Options[i].CostPerMTokens) {
			t.Errorf("%s: %s, want %s", base.Options[i].Label, got.Options[i].TotalCost, base.Options[i].TotalCost)
		}
	}
}

// TestPricePathFieldsRoundTrip: the new fields travel through links and
// files, a link of format 3 cannot hold them, and a value out of range is
// refused with its path.
func TestPricePathFieldsRoundTrip(t *testing.T) {
	s := pathScenario(
		Option{Label: "API", Kind: API, PriceInputPerM: N("1"), PriceOutputPerM: N("2"), PriceChange: N("-0.3")},
		Option{Label: "Cloud", Kind: Cloud, Accelerator: &Accelerator{Preset: "h100-sxm"}, HourlyRateChange: N("-0.15")},
		Option{Label: "Owned", Kind: Owned, Accelerator: &Accelerator{Preset: "h100-sxm"}, CapexChange: N("-0.2")},
	)
	s.Workload.DiscountRate = N("0.1")
	s.Revenue = &Revenue{PriceInputPerM: N("1"), PriceOutputPerM: N("2"), PriceChange: N("0.05")}
	link := EncodeLink(s)
	for _, part := range []string{"dr=0.1", "rg=0.05", "pg=-0.3", "hrg=-0.15", "cxg=-0.2"} {
		if !strings.Contains(link, part) {
			t.Errorf("link %s lacks %s", link, part)
		}
	}
	back, err := DecodeLink(link)
	if err != nil {
		t.Fatal(err)
	}
	if n := Normalize(s); !scenarioEqual(back, n) {
		t.Errorf("link round trip changed the scenario: %s", link)
	}
	var b bytes.Buffer
	if err := EncodeScenario(&b, s); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"discount_rate": "0.1"`, `"price_change": "0.05"`, `"price_change": "-0.3"`, `"hourly_rate_change": "-0.15"`, `"capex_change": "-0.2"`} {
		if !strings.Contains(b.String(), key) {
			t.Errorf("file lacks %s:\n%s", key, b.String())
		}
	}
	file, err := DecodeScenario(&b)
	if err != nil {
		t.Fatal(err)
	}
	if !scenarioEqual(file, *s) {
		t.Error("file round trip changed the scenario")
	}
	// A version-3 link cannot hold a version-4 key.
	for _, l := range []string{"#3r.dr=0.1", "#3r.o=api~pg=-0.3", "#3r.rev~rg=0.1"} {
		if _, err := DecodeLink(l); err == nil || !strings.Contains(err.Error(), "unknown part") {
			t.Errorf("%s: %v, want an unknown part", l, err)
		}
	}
	// Out of range, named by path.
	s.Options[2].CapexChange = N("-0.95")
	s.Workload.DiscountRate = N("1.5")
	_, err = Evaluate(s)
	for _, want := range []string{"options[2].capex_change: must be ≥ -0.9", "workload.discount_rate: must be ≤ 1"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want %q", err, want)
		}
	}
}

// TestOwnedRefreshOnCapexPath: flat demand, hardware of a one-year life
// refreshed at its end. The fleet F is bought in month 1 at $10,000 and
// sold in month 13 at its residual value, 10 % of $10,000, and bought
// again at month 13's price, $10,000 × 0.9^12 = $2,824.29536481: capex F ×
// $2,824.29536481, resale F × $1,000.
func TestOwnedRefreshOnCapexPath(t *testing.T) {
	owned := Option{Label: "Owned", Kind: Owned, Accelerator: &Accelerator{MemoryGB: N("80"), BandwidthTBps: N("3"), TFLOPS: N("1000")},
		CapexPerAccelerator: N("10000"), CapexChange: N(tenthOff), PowerKW: N("1"), DepreciationYears: N("1"), Refresh: N("1"),
		PrefillTokensPerS: N("10000"), DecodeTokensPerS: N("5"), AcceleratorsPerReplica: N("1")}
	o := mustEval(t, pathScenario(owned)).Options[0]
	f := o.Months[0].Fleet
	if want := f.Mul(d("10000")); !o.Months[0].Capex.Equal(want) {
		t.Errorf("month 1 capex %s, want %s", o.Months[0].Capex, want)
	}
	if want := f.Mul(d("2824.29536481")); !o.Months[12].Capex.Equal(want) {
		t.Errorf("month 13 capex %s, want F × 2,824.29536481 = %s", o.Months[12].Capex, want)
	}
	if want := f.Mul(d("1000")); !o.Months[12].Resale.Equal(want) {
		t.Errorf("month 13 resale %s, want F × 1,000 = %s", o.Months[12].Resale, want)
	}
}
