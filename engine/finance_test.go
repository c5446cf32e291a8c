package engine

import (
	"math"
	"math/big"
	"math/rand"
	"testing"

	"github.com/shopspring/decimal"
)

func float(d decimal.Decimal) float64 { f, _ := d.Float64(); return f }

// closeTo checks got against an independent float64 computation, to a
// relative error of 10^−9 (float64 keeps about 16 digits).
func closeTo(t *testing.T, what string, got decimal.Decimal, want float64) {
	t.Helper()
	if g := float(got); math.Abs(g-want) > 1e-9*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %s, want %.12g", what, got, want)
	}
}

func TestDiscountFactors(t *testing.T) {
	// No discounting: every factor 1.
	for m, v := range discountFactors(zero, 3) {
		if !v.Equal(one) {
			t.Errorf("r = 0, month %d: %s", m+1, v)
		}
	}
	// 8 % a year: v = 1.08^(−1/12); a dollar at the end of month 12 is
	// worth 1/1.08 = 0.925925925925… today, to within 10^−22.
	v := discountFactors(d("0.08"), 24)
	if diff := v[11].Sub(one.DivRound(d("1.08"), 30)).Abs(); diff.Cmp(d("1e-22")) > 0 {
		t.Errorf("month 12: %s, want 1/1.08", v[11])
	}
	if diff := v[23].Sub(one.DivRound(d("1.1664"), 30)).Abs(); diff.Cmp(d("1e-22")) > 0 {
		t.Errorf("month 24: %s, want 1/1.08²", v[23])
	}
	closeTo(t, "month 1", v[0], math.Pow(1.08, -1.0/12))
}

// TestNetPresentValue checks the finance view of a level cash flow
// against the annuity formula. The API of pathScenario costs $146 every
// month at fixed prices. Discounted at r a year, with j = (1 + r)^(1/12) − 1
// a month and cash at each month's end, 24 payments of C are worth
// C × (1 − (1 + j)^−24) / j = C × (1 − (1 + r)^−2) / j. At 8 %:
// j = 0.00643403011, (1 − 1/1.1664) / j = 22.17279…, so the net present
// cost is $3,237.23 against $3,504 paid.
func TestNetPresentValue(t *testing.T) {
	s := pathScenario(Option{Label: "API", Kind: API, PriceInputPerM: N("1"), PriceOutputPerM: N("2")})
	annuity := func(r float64) float64 { return (1 - math.Pow(1+r, -2)) / (math.Pow(1+r, 1.0/12) - 1) }
	r := mustEval(t, s)
	if !r.Workload.DiscountRate.Equal(d("0.08")) {
		t.Errorf("default discount rate %s, want the default cost of capital 0.08", r.Workload.DiscountRate)
	}
	o := r.Options[0]
	closeTo(t, "net present cost at 8 %", o.NetPresentCost, 146*annuity(0.08))
	if got := Money(o.NetPresentCost); got != "$3,237" {
		t.Errorf("shown %s, want $3,237", got)
	}
	if o.NPV != nil || o.IRR != nil || o.DiscountedPaybackMonth != nil {
		t.Errorf("no revenue, yet NPV %v, IRR %v, payback %v", o.NPV, o.IRR, o.DiscountedPaybackMonth)
	}
	// Cumulative discounted cash: −C × v(1 − v^m)/(1 − v), month 12 = −C ×
	// (1 − 1/1.08) / j.
	closeTo(t, "cumulative discounted cash, month 12", o.Months[11].CumulativeDiscountedCash, -146*(1-1/1.08)/(math.Pow(1.08, 1.0/12)-1))
	// The last month's cumulative discounted cash is minus the net present cost.
	if !o.Months[23].CumulativeDiscountedCash.Equal(o.NetPresentCost.Neg()) {
		t.Errorf("month 24 cumulative %s, net present cost %s", o.Months[23].CumulativeDiscountedCash, o.NetPresentCost)
	}
	// At 0 % the net present cost is the cash paid.
	s.Workload.DiscountRate = N("0")
	if o := mustEval(t, s).Options[0]; !o.NetPresentCost.Equal(d("3504")) {
		t.Errorf("at 0 %%: %s, want 3,504", o.NetPresentCost)
	}
	// With revenue: $3/M in and out earns 3,000 × $3/M = $0.009 a request,
	// $328.5 a month, so $182.5 a month net. At 10 % a year the NPV is
	// $182.5 × annuity(10 %) and the net present cost $146 × annuity(10 %).
	s.Workload.DiscountRate = N("0.1")
	s.Revenue = &Revenue{PriceInputPerM: N("3"), PriceOutputPerM: N("3")}
	o = mustEval(t, s).Options[0]
	closeTo(t, "NPV at 10 %", *o.NPV, 182.5*annuity(0.1))
	closeTo(t, "net present cost at 10 %", o.NetPresentCost, 146*annuity(0.1))
	if o.DiscountedPaybackMonth == nil || *o.DiscountedPaybackMonth != 1 {
		t.Errorf("payback %v, want month 1: every month earns more than it costs", o.DiscountedPaybackMonth)
	}
	if o.IRR != nil || o.IRRNote != IRRNoSignChange {
		t.Errorf("IRR %v (%q), want none: the cash flows never change sign", o.IRR, o.IRRNote)
	}
}

// TestIRR checks the internal rate of return against rates solved by hand.
func TestIRR(t *testing.T) {
	flows := func(v ...string) []decimal.Decimal {
		out := make([]decimal.Decimal, len(v))
		for i, s := range v {
			out[i] = d(s)
		}
		return out
	}
	// −100, 0, 121: 121 / 1.1² = 100, so 10 % a month, 1.1^12 − 1 =
	// 2.138428376721 a year; reported to 6 places.
	if got, note := irr(flows("-100", "0", "121")); got == nil || !got.Equal(d("2.138428")) || note != "" {
		t.Errorf("−100, 0, 121: %v %q, want 2.138428", got, note)
	}
	// −100, 50, 60: 60x² + 50x − 100 = 0 for x = 1/(1 + i), so x =
	// (−50 + √26,500) / 120 = 0.93990171…, i = 6.3940796…% a month,
	// (1 + i)^12 − 1 = 1.10311… a year. The same flows with the opposite
	// sign have the same rate.
	x := (-50 + math.Sqrt(26500)) / 120
	want := math.Pow(1/x, 12) - 1
	for _, f := range [][]decimal.Decimal{flows("-100", "50", "60"), flows("100", "-50", "-60")} {
		got, note := irr(f)
		if got == nil || math.Abs(float(*got)-want) > 1e-6 || note != "" {
			t.Errorf("%v: %v %q, want %.7f", f, got, note, want)
		}
	}
	// A level annuity: −1,000 now (month 1), then 11 × 100: the monthly
	// rate solves 1,000 = 100 × Σ x^k, k = 1..11 (x = 1/(1 + i) after the
	// first month); solved here by float64 bisection, independently.
	f := append(flows("-1000"), make([]decimal.Decimal, 11)...)
	for k := 1; k < 12; k++ {
		f[k] = d("100")
	}
	pv := func(i float64) float64 {
		s := 0.0
		for k, c := range []float64{-1000, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100} {
			s += c / math.Pow(1+i, float64(k+1))
		}
		return s
	}
	lo, hi := 0.0, 0.5
	for range 200 {
		if mid := (lo + hi) / 2; pv(mid) > 0 {
			lo = mid
		} else {
			hi = mid
		}
	}
	if got, _ := irr(f); got == nil || math.Abs(float(*got)-(math.Pow(1+lo, 12)-1)) > 1e-6 {
		t.Errorf("annuity: %v, want %.7f", got, math.Pow(1+lo, 12)-1)
	}
	// None: no change of sign; a rate above or below the range; two
	// changes of sign with both ends of the range on the same side
	// (−1, 2.3, −1.32 is zero at 10 % and 20 % a month).
	for _, c := range []struct {
		flows []decimal.Decimal
		note  string
	}{
		{flows("5", "0", "5"), IRRNoSignChange},
		{flows("0", "0"), IRRNoSignChange},
		{flows("-1", "1000"), IRRAbove}, // 99,900 % a month
		{flows("-100", "1"), IRRBelow},  // −99 % a month
		{flows("-1", "2.3", "-1.32"), IRRAmbiguous},
	} {
		if got, note := irr(c.flows); got != nil || note != c.note {
			t.Errorf("%v: %v %q, want none, %q", c.flows, got, note, c.note)
		}
	}
}

// TestDiscountedPayback: −100 in month 1, then +35 a month. Undiscounted,
// the cumulative cash is −100, −65, −30, +5: break-even in month 4.
// Discounted at 100 % a year (v = 2^(−1/12) = 0.943874): −94.39, −63.21,
// −33.78, −5.99, then +20.22: payback in month 5.
func TestDiscountedPayback(t *testing.T) {
	p := &plan{revenue: &pricePlan{}}
	months := func() []Month {
		m := make([]Month, 5)
		for i := range m {
			m[i].Month = i + 1
			m[i].Revenue = d("35")
		}
		m[0].Revenue, m[0].CashCost = zero, d("100")
		return m
	}
	for _, c := range []struct {
		rate  string
		month int
	}{{"0", 4}, {"1", 5}} {
		or := &OptionResult{Months: months()}
		p.finance(or, discountFactors(d(c.rate), 5), zero)
		if or.DiscountedPaybackMonth == nil || *or.DiscountedPaybackMonth != c.month {
			t.Errorf("at %s: payback %v, want month %d", c.rate, or.DiscountedPaybackMonth, c.month)
		}
	}
	or := &OptionResult{Months: months()}
	p.finance(or, discountFactors(one, 5), zero)
	v := math.Pow(2, -1.0/12)
	closeTo(t, "month 4", or.Months[3].CumulativeDiscountedCash, -100*v+35*(v*v+v*v*v+v*v*v*v))
	// Never: −100 then +10 a month.
	or = &OptionResult{Months: months()}
	for i := 1; i < 5; i++ {
		or.Months[i].Revenue = d("10")
	}
	p.finance(or, discountFactors(zero, 5), zero)
	if or.DiscountedPaybackMonth != nil {
		t.Errorf("payback %d, want never", *or.DiscountedPaybackMonth)
	}
}

// TestNPVRanking: an owned fleet pays its hardware up front; over a short
// horizon it can cost less in total (depreciation spreads the capex) and
// more in present value than renting. The ranking by net present cost
// and the summary say so.
func TestNPVRanking(t *testing.T) {
	r := &Result{Horizon: 12, Workload: Assumed{DiscountRate: d("0.08")}, Options: []OptionResult{
		{Label: "Rent", TotalCost: d("150"), TotalCashCost: d("150"), NetPresentCost: d("140")},
		{Label: "Buy", TotalCost: d("100"), TotalCashCost: d("145"), NetPresentCost: d("144")},
		{Label: "API", Kind: API, TotalCost: d("200"), TotalCashCost: d("200"), NetPresentCost: d("190")},
	}, Comparison: Comparison{Cheapest: 1, Ranking: []int{1, 0, 2}, NPVRanking: []int{0, 2, 1}, MonthlyCheapest: []int{1}}}
	got := Summarize(r, nil).Finance
	// Buy pays less cash in all ($145 against $150), mostly at once
	// (present value $144), Rent later ($140): only the timing can put
	// Rent first.
	if want := "Ranked by net present cost at a discount rate of 8.0 % a year, Rent comes first ($140.00), not Buy ($144.00), the cheapest in total: " +
		"when the cash is paid changes the answer (in cash over the horizon, before discounting, Buy pays $145.00 and Rent $150.00, but more of it early)."; got != want {
		t.Errorf("finance\n got %q\nwant %q", got, want)
	}
	// Buy bought $500 of hardware for cash at month 1's end (present value
	// 500 / 1.08^(1/12) = $496.80) and kept it: its total charges $100 of
	// depreciation, its cash the whole $500, its book value at the horizon
	// is 500 − 100 = $400. In cash Rent pays less ($150), so what flips the
	// order is the kept hardware, not the timing.
	r.Options[1].Kind, r.Options[1].TotalCashCost, r.Options[1].BookValue, r.Options[1].NetPresentCost = Owned, d("500"), d("400"), d("496.80")
	if got, want := Summarize(r, nil).Finance, "Ranked by net present cost at a discount rate of 8.0 % a year, Rent comes first ($140.00), not Buy ($496.80), the cheapest in total: "+
		"Buy keeps hardware with a book value of $400.00 at the horizon, which its total cost leaves uncharged (it charges the hardware as it depreciates) but the cash counts as worth nothing "+
		"(in cash over the horizon, before discounting, Buy pays $500.00 and Rent $150.00)."; got != want {
		t.Errorf("finance\n got %q\nwant %q", got, want)
	}
	// The same cash without hardware kept (a cloud option's prepayment
	// counted as cost over the months, say): the sentence names the cash.
	r.Options[1].Kind, r.Options[1].BookValue = Cloud, zero
	if got, want := Summarize(r, nil).Finance, "Ranked by net present cost at a discount rate of 8.0 % a year, Rent comes first ($140.00), not Buy ($496.80), the cheapest in total: "+
		"the cash differs from the cost counted in the totals (in cash over the horizon, before discounting, Buy pays $500.00 and Rent $150.00)."; got != want {
		t.Errorf("finance\n got %q\nwant %q", got, want)
	}
	r.Options[1].TotalCashCost, r.Options[1].NetPresentCost = d("145"), d("144")
	r.Comparison.Cheapest, r.Comparison.Ranking = 0, []int{0, 1, 2}
	if got, want := Summarize(r, nil).Finance, "Ranked by net present cost at a discount rate of 8.0 % a year, Rent still comes first, but the order behind it changes: Rent, API, Buy."; got != want {
		t.Errorf("finance\n got %q\nwant %q", got, want)
	}
	r.Comparison.NPVRanking = []int{0, 1, 2}
	if got := Summarize(r, nil).Finance; got != "" {
		t.Errorf("the rankings agree, yet %q", got)
	}
	// With revenue the sentence speaks of net present value.
	for i := range r.Options {
		r.Options[i].NPV = ptr(d("1000").Sub(r.Options[i].NetPresentCost))
	}
	r.Comparison.Cheapest, r.Comparison.Ranking, r.Comparison.NPVRanking = 1, []int{1, 0, 2}, []int{0, 2, 1}
	if got, want := Summarize(r, nil).Finance, "Ranked by net present value at a discount rate of 8.0 % a year, Rent comes first ($860.00), not Buy ($856.00), the cheapest in total: "+
		"when the cash is paid changes the answer (in cash over the horizon, before discounting, Buy pays $145.00 and Rent $150.00, but more of it early)."; got != want {
		t.Errorf("finance\n got %q\nwant %q", got, want)
	}
}

// TestNPVRankingEvaluated: the engine's ranking by NPV orders options by
// net present cost, and an owned fleet bought up front over 12 months
// ranks lower by NPV than by total cost against a cloud at the same
// hourly cost.
func TestNPVRankingEvaluated(t *testing.T) {
	acc := &Accelerator{MemoryGB: N("80"), BandwidthTBps: N("3"), TFLOPS: N("1000")}
	s := pathScenario(
		Option{Label: "Owned", Kind: Owned, Accelerator: acc, CapexPerAccelerator: N("20000"), PowerKW: N("1"),
			PrefillTokensPerS: N("10000"), DecodeTokensPerS: N("5"), AcceleratorsPerReplica: N("1")},
		Option{Label: "Cloud", Kind: Cloud, Accelerator: acc, HourlyRate: N("1.4"),
			PrefillTokensPerS: N("10000"), DecodeTokensPerS: N("5"), AcceleratorsPerReplica: N("1")},
	)
	s.Workload.HorizonMonths = N("12")
	r := mustEval(t, s)
	for k := 1; k < len(r.Comparison.NPVRanking); k++ {
		a, b := r.Options[r.Comparison.NPVRanking[k-1]], r.Options[r.Comparison.NPVRanking[k]]
		if a.NetPresentCost.Cmp(b.NetPresentCost) > 0 {
			t.Errorf("NPV ranking out of order: %s %s before %s %s", a.Label, a.NetPresentCost, b.Label, b.NetPresentCost)
		}
	}
	if r.Comparison.Cheapest != 0 || r.Comparison.NPVRanking[0] != 1 {
		t.Fatalf("want Owned cheapest in total and Cloud first by NPV: totals %s, %s; NPC %s, %s",
			r.Options[0].TotalCost, r.Options[1].TotalCost, r.Options[0].NetPresentCost, r.Options[1].NetPresentCost)
	}
	if r.Comparison.Options[1].NPVRank != 1 || r.Comparison.Options[0].NPVRank != 2 {
		t.Errorf("NPV ranks %+v", r.Comparison.Options)
	}
	if Summarize(r, nil).Finance == "" {
		t.Error("the rankings disagree and the summary does not say so")
	}
}

// financeWorstCase is the most finance work one evaluation does: eight
// options over 120 months, all with revenue and an IRR found by bisection.
func financeWorstCase() *Scenario {
	acc := &Accelerator{MemoryGB: N("80"), BandwidthTBps: N("3"), TFLOPS: N("1000")}
	var opts []Option
	for i := range MaxOptions {
		opts = append(opts, Option{Label: "Owned " + itoa(i), Kind: Owned, Accelerator: acc, CapexPerAccelerator: N("20000"), CapexChange: N("-0.2"), PowerKW: N("1"),
			PrefillTokensPerS: N("10000"), DecodeTokensPerS: N("5"), AcceleratorsPerReplica: N("1"), StaffPerMonth: NumOf(d("100").Mul(d(itoa(i))))})
	}
	s := pathScenario(opts...)
	s.Workload.HorizonMonths = N("120")
	s.Revenue = &Revenue{PriceInputPerM: N("20"), PriceOutputPerM: N("20")}
	return s
}

func TestFinanceWorstCaseHasIRRs(t *testing.T) {
	r := mustEval(t, financeWorstCase())
	for _, o := range r.Options {
		if o.IRR == nil {
			t.Errorf("%s: no IRR (%s): the benchmark does not bisect", o.Label, o.IRRNote)
		}
	}
	// Discounted at its own IRR, an option's NPV is 0: to within $1 here,
	// the IRR being rounded to 10^−6 a year (an NPV of about $10^5 moves
	// by under $1 for 10^−6 of rate).
	s := financeWorstCase()
	s.Workload.DiscountRate = NumOf(*r.Options[1].IRR)
	if npv := *mustEval(t, s).Options[1].NPV; npv.Abs().Cmp(one) > 0 {
		t.Errorf("NPV at the IRR %s: %s, want about 0", r.Options[1].IRR, npv)
	}
}

// BenchmarkEvaluateFinanceWorstCase: see financeWorstCase.
func BenchmarkEvaluateFinanceWorstCase(b *testing.B) {
	s := financeWorstCase()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Evaluate(s); err != nil {
			b.Fatal(err)
		}
	}
}

// presentSum gives the digits and exponent of adding
// roundTo(cf.Mul(v), Prec) as decimals, month by month: cash flows of
// every sign, size (within and beyond 64 bits) and exponent (down to 70
// places: beyond pow10, roundTo's fallback), discounted
// at 0 % (v = 1, exponent 0), 8 % and 250 % a year.
func TestPresentSum(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for _, rate := range []string{"0", "0.08", "2.5"} {
		discount := discountFactors(decimal.RequireFromString(rate), 60)
		coef := coefficients(discount)
		for range 300 {
			var want decimal.Decimal
			var sum presentSum
			for m := range discount {
				n := new(big.Int).Rand(rng, pow10[1+rng.Intn(40)])
				if rng.Intn(2) == 0 {
					n.Neg(n)
				}
				cf := decimal.NewFromBigInt(n, int32(rng.Intn(80)-70))
				if rng.Intn(10) == 0 {
					cf = decimal.NewFromInt(5).Shift(-int32(Prec + 1)).Mul(decimal.NewFromInt(int64(rng.Intn(3) - 1)))
				}
				want = want.Add(roundTo(cf.Mul(discount[m]), Prec))
				sum.add(cf, discount[m], coef[m])
				if got := sum.value(); !got.Equal(want) || got.Exponent() != want.Exponent() {
					t.Fatalf("rate %s, month %d, cf %s: presentSum %s (exponent %d), decimals %s (%d)", rate, m+1, cf, got, got.Exponent(), want, want.Exponent())
				}
			}
		}
	}
}
