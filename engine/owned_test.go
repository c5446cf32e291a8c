package engine

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// ownedPlain is six owned accelerators at $10,000 (measuredCloud's demand
// holds 6 in every month without growth) with no energy, facility or
// operations cost, so that a month's cost is depreciation and capital alone
// and its cash the hardware's flows.
func ownedPlain() Option {
	o := measuredCloud()
	o.Kind, o.Label, o.HourlyRate = Owned, "owned", Num{}
	o.CapexPerAccelerator = N("10000")
	o.ResidualShare = N("0.1")
	o.CostOfCapital = N("0.12")
	o.PowerKW = N("1")
	o.ElectricityPerKWh = N("0")
	o.ColoPerKWMonth = N("0")
	o.OpexSharePerYear = N("0")
	return o
}

func ownedScenario(o Option, months string) *Scenario {
	s := handScenario(o)
	s.Workload.HorizonMonths = N(months)
	return s
}

// sumMonths adds one figure of every month.
func sumMonths(ms []Month, f func(*Month) decimal.Decimal) decimal.Decimal {
	var t decimal.Decimal
	for i := range ms {
		t = t.Add(f(&ms[i]))
	}
	return t
}

func TestOwnedRefreshAtEndOfLife(t *testing.T) {
	o := ownedPlain()
	o.DepreciationYears = N("2") // 24 months
	o.Refresh = N("1")
	r := mustEval(t, ownedScenario(o, "36"))
	or := r.Options[0]
	m := or.Months
	// Month 1: 6 × $10,000 = $60,000 bought, depreciating (1 − 0.1) × 60,000
	// / 24 = $2,250 a month for months 1–24. Its book value after 24
	// months is 60,000 − 24 × 2,250 = $6,000, its residual value: in month
	// 25 it is sold for $6,000 and 6 are bought again at $10,000 each,
	// which depreciate $2,250 a month for months 25–36 (and 37–48).
	checkNear(t, "capex 1", m[0].Capex, d("60000"))
	checkNear(t, "capex 25", m[24].Capex, d("60000"))
	checkNear(t, "resale 25", m[24].Resale, d("6000"))
	for i := range m {
		checkNear(t, "depreciation", m[i].Breakdown.Depreciation, d("2250"))
		if i != 0 && i != 24 {
			checkNear(t, "capex", m[i].Capex, d("0"))
			checkNear(t, "cash", m[i].CashCost, d("0"))
		}
	}
	// Cash: $60,000 in month 1; 60,000 − 6,000 = $54,000 in month 25.
	checkNear(t, "cash 1", m[0].CashCost, d("60000"))
	checkNear(t, "cash 25", m[24].CashCost, d("54000"))
	// Capital is 1 % a month of the book value at the start of the month:
	// month 24 on 60,000 − 23 × 2,250 = 8,250: $82.50; month 25 on the
	// new 60,000 (the old 6,000 sold): $600.
	checkNear(t, "capital 24", m[23].Breakdown.Capital, d("82.5"))
	checkNear(t, "capital 25", m[24].Breakdown.Capital, d("600"))
	// Book value at the horizon: 60,000 − 12 × 2,250 = $33,000.
	checkNear(t, "book value", or.BookValue, d("33000"))
	checkNear(t, "capex total", or.CapexTotal, d("120000"))
	checkNear(t, "resale total", or.ResaleTotal, d("6000"))
	// Total: depreciation 36 × 2,250 = 81,000; capital 1 % of Σ book values:
	// months 1–24: 24 × 60,000 − 2,250 × (0 + … + 23) = 819,000 → 8,190;
	// months 25–36: 12 × 60,000 − 2,250 × (0 + … + 11) = 571,500 → 5,715.
	// 81,000 + 8,190 + 5,715 = 94,905. Cash: 60,000 + 54,000 = 114,000.
	checkNear(t, "total", or.TotalCost, d("94905"))
	checkNear(t, "total cash", or.TotalCashCost, d("114000"))
	if !strings.Contains(or.Financing, "refreshed at the end of its 2-year life") {
		t.Errorf("financing = %q", or.Financing)
	}

	// Without refresh the hardware stays in service at its residual value:
	// no depreciation after month 24, nothing bought or sold.
	o.Refresh = Num{}
	kept := mustEval(t, ownedScenario(o, "36")).Options[0]
	checkNear(t, "kept depreciation 25", kept.Months[24].Breakdown.Depreciation, d("0"))
	checkNear(t, "kept capex", kept.CapexTotal, d("60000"))
	checkNear(t, "kept book value", kept.BookValue, d("6000"))
}

func TestOwnedResaleAtHorizon(t *testing.T) {
	// TestOwnedHandWorked's option, sold at the horizon: its book value
	// after two months is 60,000 − 2 × 4,500 = 51,000, cash in month 2.
	o := measuredCloud()
	o.Kind, o.Label, o.HourlyRate = Owned, "owned", Num{}
	o.CapexPerAccelerator, o.DepreciationYears, o.ResidualShare, o.CostOfCapital = N("10000"), N("1"), N("0.1"), N("0.12")
	o.PowerKW, o.IdlePowerShare, o.PUE, o.ElectricityPerKWh = N("1"), N("0.5"), N("1.5"), N("0.1")
	o.ColoPerKWMonth, o.OpexSharePerYear, o.StaffPerMonth = N("100"), N("0.12"), N("1000")
	o.ResaleAtHorizon = N("1")
	or := mustEval(t, handScenario(o)).Options[0]
	checkNear(t, "resale", or.Months[1].Resale, d("51000"))
	// Month 2's cash: 2,558.6125 of running costs − 51,000 = −48,441.3875.
	checkNear(t, "cash 2", or.Months[1].CashCost, d("-48441.3875"))
	checkNear(t, "resale total", or.ResaleTotal, d("51000"))
	checkNear(t, "book value", or.BookValue, d("0"))
	// Sold at book value: no gain or loss, the economic cost is unchanged.
	checkNear(t, "total", or.TotalCost, d("15272.225"))
	// Cash = economic cost − capital: 62,558.6125 − 48,441.3875 =
	// 14,117.225 = 15,272.225 − (600 + 555).
	checkNear(t, "total cash", or.TotalCashCost, d("14117.225"))
}

func TestOwnedRefreshAndResaleKeepCashAndCostConsistent(t *testing.T) {
	// Bought for cash and sold at the horizon, every dollar of capex is
	// either depreciated or sold: Σ cash = Σ economic cost − Σ capital.
	o := ownedPlain()
	o.DepreciationYears, o.Refresh, o.ResaleAtHorizon = N("2"), N("1"), N("1")
	o.ElectricityPerKWh, o.ColoPerKWMonth, o.OpexSharePerYear, o.StaffPerMonth = N("0.1"), N("100"), N("0.05"), N("500")
	s := ownedScenario(o, "36")
	s.Workload.MonthlyGrowth = N("0.05")
	or := mustEval(t, s).Options[0]
	capital := sumMonths(or.Months, func(m *Month) decimal.Decimal { return m.Breakdown.Capital })
	checkNear(t, "cash = cost − capital", or.TotalCashCost, or.TotalCost.Sub(capital))
	// Here with the TestOwnedRefreshAtEndOfLife figures plus the growth:
	// month 25 sells month 1's 6 and buys them again.
	checkNear(t, "month 25 resale", or.Months[24].Resale, d("6000"))
}

func TestOwnedLoanHandWorked(t *testing.T) {
	o := ownedPlain()
	o.DepreciationYears = N("1")
	o.CostOfCapital = N("0.06") // 0.5 % a month
	o.LoanMonths, o.LoanRate, o.LoanDownShare = N("12"), N("0.12"), N("0.2")
	or := mustEval(t, ownedScenario(o, "12")).Options[0]
	m := or.Months
	// $60,000 bought in month 1: 20 % down ($12,000), $48,000 borrowed at
	// 1 % a month over 12 payments, the first in month 1. Annuity:
	// P = 48,000 × 0.01 / (1 − 1.01^−12); 1.01^12 = 1.126825030131969720661201,
	// so P = 4,264.741856560401952319…
	P := d("4264.7418565604019523194158989")
	checkNear(t, "payment 1", m[0].LoanPayment, P)
	checkNear(t, "payment 12", m[11].LoanPayment, P)
	checkNear(t, "cash 1", m[0].CashCost, d("12000").Add(P))
	checkNear(t, "cash 2", m[1].CashCost, P)
	// Interest: month 1 on 48,000: 480.00 (principal 3,784.7418…);
	// month 2 on 44,215.2581…: 442.152581434395980476…;
	// month 3 on 40,392.6688…: 403.926688683135920758….
	// Capital: 0.5 % of the book value not borrowed, plus the interest:
	// month 1: (60,000 − 48,000) × 0.005 + 480 = 540.
	checkNear(t, "capital 1", m[0].Breakdown.Capital, d("540"))
	// Month 2: book value 60,000 − 4,500 = 55,500, owed 44,215.2581434395980476805841:
	// (55,500 − 44,215.2581…) × 0.005 + 442.1525814…
	owed2 := d("48000").Sub(d("3784.7418565604019523194158989"))
	checkNear(t, "capital 2", m[1].Breakdown.Capital, d("55500").Sub(owed2).Mul(d("0.005")).Add(d("442.152581434395980476805841")))
	capital3 := m[2].Breakdown.Capital
	owed3 := owed2.Sub(d("3822.5892751260059718426100579"))
	checkNear(t, "capital 3", capital3, d("51000").Sub(owed3).Mul(d("0.005")).Add(d("403.92668868313592075837974")))
	// Twelve payments: 12 P = 51,176.902278724823427832…; interest 3,176.9022787248….
	checkNear(t, "payments", sumMonths(m, func(m *Month) decimal.Decimal { return m.LoanPayment }), d("51176.902278724823427832990787"))
	checkNear(t, "interest", or.InterestTotal, d("3176.902278724823427832990787"))
	checkNear(t, "owed at the end", or.LoanBalance, d("0"))
	checkNear(t, "total cash", or.TotalCashCost, d("63176.902278724823427832990787"))
	if want := "bought with a loan over 12 months at 12 % a year, 20 % down; kept at the horizon"; or.Financing != want {
		t.Errorf("financing = %q, want %q", or.Financing, want)
	}

	// At a loan rate equal to the cost of capital the economic cost is the
	// cash purchase's: the borrowed part costs what capital would.
	o.CostOfCapital = N("0.12")
	loan := mustEval(t, ownedScenario(o, "12")).Options[0]
	o.LoanMonths, o.LoanRate, o.LoanDownShare = Num{}, Num{}, Num{}
	cash := mustEval(t, ownedScenario(o, "12")).Options[0]
	checkNear(t, "same cost", loan.TotalCost, cash.TotalCost)
	if cash.Financing != "bought for cash; kept at the horizon" {
		t.Errorf("financing = %q", cash.Financing)
	}
}

func TestOwnedLoanOutlivesHorizonAndSale(t *testing.T) {
	o := ownedPlain()
	o.DepreciationYears = N("1")
	o.LoanMonths, o.LoanRate, o.LoanDownShare = N("12"), N("0.12"), N("0.2")
	// Three months of the twelve: the balance after three payments,
	// 48,000 − 3,784.7418… − 3,822.5892… − 3,860.8151… = 36,531.8537004363260442769…,
	// is still owed.
	or := mustEval(t, ownedScenario(o, "3")).Options[0]
	checkNear(t, "owed", or.LoanBalance, d("36531.853700436326044276937885"))
	// Sold at the horizon: book value 60,000 − 3 × 4,500 = 46,500 comes in
	// and repays the balance.
	o.ResaleAtHorizon = N("1")
	sold := mustEval(t, ownedScenario(o, "3")).Options[0]
	P := d("4264.7418565604019523194158989")
	checkNear(t, "owed after sale", sold.LoanBalance, d("0"))
	checkNear(t, "month 3 loan", sold.Months[2].LoanPayment, P.Add(d("36531.853700436326044276937885")))
	checkNear(t, "month 3 cash", sold.Months[2].CashCost, P.Add(d("36531.853700436326044276937885")).Sub(d("46500")))
	// All paid back: cash = economic cost − the capital charged on the part
	// not borrowed (capital less interest).
	capital := sumMonths(sold.Months, func(m *Month) decimal.Decimal { return m.Breakdown.Capital })
	checkNear(t, "cash = cost − (capital − interest)", sold.TotalCashCost, sold.TotalCost.Sub(capital.Sub(sold.InterestTotal)))
}

func TestOwnedLoanRepaidAtRefresh(t *testing.T) {
	o := ownedPlain()
	o.DepreciationYears, o.Refresh = N("2"), N("1")
	o.LoanMonths, o.LoanRate, o.LoanDownShare = N("36"), N("0.12"), N("0.2")
	or := mustEval(t, ownedScenario(o, "36")).Options[0]
	m := or.Months
	// $48,000 over 36 months at 1 %: P = 48,000 × 0.01 / (1 − 1.01^−36) =
	// 1,594.28687101685734491…. Month 25 sells month 1's hardware: 24
	// payments are made, the balance, the 12 payments left discounted at
	// 1 %, P × (1 − 1.01^−12) / 0.01 = 17,943.8222482541272800…, is repaid;
	// the new purchase puts 12,000 down and makes its first payment P.
	P := d("1594.2868710168573449135680419")
	owed := d("17943.822248254127280021021366")
	checkNear(t, "payment 24", m[23].LoanPayment, P)
	checkNear(t, "month 25 loan", m[24].LoanPayment, owed.Add(P))
	checkNear(t, "month 25 cash", m[24].CashCost, d("12000").Add(owed).Add(P).Sub(d("6000")))
	checkNear(t, "payment 26", m[25].LoanPayment, P)
	// At the horizon the new loan has made 12 payments: P × (1 − 1.01^−24)
	// / 0.01 = 33,868.0534007628809621… owed.
	checkNear(t, "owed", or.LoanBalance, d("33868.053400762880962107801318"))
}

func TestOwnedLeaseHandWorked(t *testing.T) {
	o := ownedPlain()
	o.OpexSharePerYear = N("0.12")
	o.LeaseMonths, o.LeaseRateFactor = N("12"), N("0.03")
	or := mustEval(t, ownedScenario(o, "24")).Options[0]
	m := or.Months
	// 6 accelerators of $10,000 leased at 3 % a month: $1,800 a month,
	// renewed in month 13 at the same price. Maintenance: 12 % a year of
	// the $60,000 of hardware: $600 a month. Nothing bought: no capex,
	// depreciation, capital or book value.
	for i := range m {
		checkNear(t, "lease", m[i].Breakdown.Committed, d("1800"))
		checkNear(t, "operations", m[i].Breakdown.Operations, d("600"))
		checkNear(t, "cost", m[i].Cost, d("2400"))
		checkNear(t, "cash", m[i].CashCost, d("2400"))
		checkNear(t, "depreciation", m[i].Breakdown.Depreciation, d("0"))
		checkNear(t, "capital", m[i].Breakdown.Capital, d("0"))
	}
	checkNear(t, "total", or.TotalCost, d("57600"))
	checkNear(t, "total cash", or.TotalCashCost, d("57600"))
	checkNear(t, "capex", or.CapexTotal, d("0"))
	checkNear(t, "book value", or.BookValue, d("0"))
	if want := "leased for 12 months at 3 % of the price a month, renewed at the then price"; or.Financing != want {
		t.Errorf("financing = %q, want %q", or.Financing, want)
	}
}

func TestOwnedLeaseStrandedWhenDemandFalls(t *testing.T) {
	o := ownedPlain()
	o.LeaseMonths, o.LeaseRateFactor = N("12"), N("0.03")
	s := ownedScenario(o, "2")
	s.Workload.MonthlyGrowth = N("-0.5")
	m := mustEval(t, s).Options[0].Months
	// Month 2 needs 4 of the 6 leased (TestOwnedFleetIsKeptAndDepreciationEnds):
	// 2/6 of the $1,800 lease is stranded.
	checkNear(t, "stranded", m[1].StrandedCost, d("600"))
}

func TestOwnedFinancingValidation(t *testing.T) {
	for _, tc := range []struct {
		name string
		set  func(*Option)
		want string
	}{
		{"loan without rate", func(o *Option) { o.LoanMonths = N("12") }, "options[0].loan_rate: required"},
		{"lease without factor", func(o *Option) { o.LeaseMonths = N("12") }, "options[0].lease_rate_factor: required"},
		{"lease and loan", func(o *Option) {
			o.LeaseMonths, o.LeaseRateFactor, o.LoanMonths, o.LoanRate = N("12"), N("0.03"), N("12"), N("0.1")
		},
			"options[0].loan_months: must be 0 when the accelerators are leased"},
		{"lease and refresh", func(o *Option) { o.LeaseMonths, o.LeaseRateFactor, o.Refresh = N("12"), N("0.03"), N("1") },
			"options[0].refresh: must be 0 when the accelerators are leased"},
		{"lease and resale", func(o *Option) { o.LeaseMonths, o.LeaseRateFactor, o.ResaleAtHorizon = N("12"), N("0.03"), N("1") },
			"options[0].resale_at_horizon: must be 0 when the accelerators are leased"},
		{"refresh not a flag", func(o *Option) { o.Refresh = N("2") }, "options[0].refresh: must be ≤ 1"},
		{"fractional term", func(o *Option) { o.LoanMonths, o.LoanRate = N("12.5"), N("0.1") }, "options[0].loan_months: must be a whole number"},
		{"zero lease factor", func(o *Option) { o.LeaseMonths, o.LeaseRateFactor = N("12"), N("0") }, "options[0].lease_rate_factor: must be > 0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := ownedPlain()
			tc.set(&o)
			_, err := Evaluate(ownedScenario(o, "12"))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestOwnedZeroCapexStillCostsItsFacility(t *testing.T) {
	// A fleet given for free still pays for power, space and people: the
	// breakdown adds up to the cost.
	o := ownedPlain()
	o.CapexPerAccelerator, o.ColoPerKWMonth, o.StaffPerMonth = N("0"), N("100"), N("1000")
	m := mustEval(t, ownedScenario(o, "2")).Options[0].Months
	for i := range m {
		var sum decimal.Decimal
		for _, c := range Categories {
			sum = sum.Add(m[i].Breakdown.Get(c))
		}
		checkNear(t, "breakdown sum", sum, m[i].Cost)
		// 6 × 1 kW × $100 + $1,000 of staff.
		checkNear(t, "cost", m[i].Cost, d("1600"))
	}
}

func TestOwnedLoanPowersBounded(t *testing.T) {
	// The longest loan at the highest rate over the longest horizon stays
	// exact enough and bounded: 360 payments at 100 % a year.
	o := ownedPlain()
	o.LoanMonths, o.LoanRate = N("360"), N("1")
	or := mustEval(t, ownedScenario(o, "120")).Options[0]
	if or.LoanBalance.Sign() <= 0 || or.LoanBalance.Cmp(d("60000")) > 0 {
		t.Errorf("balance %s", or.LoanBalance)
	}
	// At 100 % a year a 360-month loan is nearly interest only: the
	// payment is 60,000 × r / (1 − (1 + r)^−360), r = 1/12, just above
	// 60,000/12 = 5,000.
	if p := or.Months[0].LoanPayment; p.Cmp(d("5000")) <= 0 || p.Cmp(d("5000.01")) > 0 {
		t.Errorf("payment %s", p)
	}
}

func TestOwnedFinancingRoundTripsThroughLinkAndFile(t *testing.T) {
	loan := ownedPlain()
	loan.Label = "loan"
	loan.DepreciationYears, loan.Refresh, loan.ResaleAtHorizon = N("2"), N("1"), N("1")
	loan.LoanMonths, loan.LoanRate, loan.LoanDownShare = N("36"), N("0.075"), N("0.25")
	lease := ownedPlain()
	lease.Label = "lease"
	lease.LeaseMonths, lease.LeaseRateFactor = N("24"), N("0.0275")
	s := ownedScenario(loan, "36")
	s.Options = append(s.Options, lease)
	want := mustEval(t, s)

	link := EncodeLink(s)
	fromLink, err := DecodeLink(link)
	if err != nil {
		t.Fatal(err)
	}
	l0, l1 := fromLink.Options[0], fromLink.Options[1]
	for _, f := range []struct {
		got  Num
		want string
	}{{l0.Refresh, "1"}, {l0.ResaleAtHorizon, "1"}, {l0.LoanMonths, "36"}, {l0.LoanRate, "0.075"}, {l0.LoanDownShare, "0.25"}, {l1.LeaseMonths, "24"}, {l1.LeaseRateFactor, "0.0275"}} {
		if !f.got.Dec().Equal(d(f.want)) {
			t.Errorf("link %s: got %s, want %s", link, f.got.Dec(), f.want)
		}
	}
	n := Normalize(s)
	tokens := "~" + strings.Join(linkTokens(&n), "~") + "~"
	for _, key := range []string{"rfr=1", "rsh=1", "lnm=36", "lnr=0.075", "lnd=0.25", "lsm=24", "lsf=0.0275"} {
		if !strings.Contains(tokens, "~"+key+"~") {
			t.Errorf("link tokens %s lack %s", tokens, key)
		}
	}
	var b strings.Builder
	if err := EncodeScenario(&b, s); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"refresh": "1"`, `"resale_at_horizon": "1"`, `"loan_months": "36"`, `"loan_rate": "0.075"`, `"loan_down_share": "0.25"`, `"lease_months": "24"`, `"lease_rate_factor": "0.0275"`} {
		if !strings.Contains(b.String(), key) {
			t.Errorf("file lacks %s:\n%s", key, b.String())
		}
	}
	fromFile, err := DecodeScenario(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string]*Scenario{"link": &fromLink, "file": &fromFile} {
		r := mustEval(t, got)
		for i := range want.Options {
			if !r.Options[i].TotalCost.Equal(want.Options[i].TotalCost) || !r.Options[i].TotalCashCost.Equal(want.Options[i].TotalCashCost) ||
				r.Options[i].Financing != want.Options[i].Financing {
				t.Errorf("%s: option %d: %s / %s, want %s / %s", name, i, r.Options[i].TotalCost, r.Options[i].TotalCashCost, want.Options[i].TotalCost, want.Options[i].TotalCashCost)
			}
		}
	}
	// A link of version 3 cannot hold the new keys.
	if _, err := DecodeLink("#3r.rpd=1~in=1~out=1~m=llama-3.1-8b~o=owned~l=x~a=h100-sxm~lnm=12"); err == nil || !strings.Contains(err.Error(), "unknown part") {
		t.Errorf("version 3 with lnm: %v", err)
	}
	// An API or cloud option cannot hold them either.
	if _, err := DecodeLink("#4r.rpd=1~in=1~out=1~m=llama-3.1-8b~o=cloud~l=x~a=h100-sxm~lsm=12"); err == nil {
		t.Error("a cloud option took a lease term")
	}
}

func TestSummarySaysHowOwnedHardwareIsPaid(t *testing.T) {
	cash := ownedPlain()
	cash.Label = "bought"
	lease := ownedPlain()
	lease.Label = "leased"
	lease.LeaseMonths, lease.LeaseRateFactor = N("36"), N("0.03")
	s := ownedScenario(cash, "12")
	s.Options = append(s.Options, lease)
	a := Summarize(mustEval(t, s), nil).Assumptions
	if want := " leased: leased for 36 months at 3 % of the price a month, renewed at the then price."; !strings.HasSuffix(a, want) {
		t.Errorf("assumptions %q lack %q", a, want)
	}
	if strings.Contains(a, "bought:") {
		t.Errorf("assumptions %q repeat the plain purchase", a)
	}
}

func TestBreakEvenVolumeOfLeaseAndLoan(t *testing.T) {
	api := Option{Label: "api", Kind: API, PriceInputPerM: N("2"), PriceCachedInputPerM: N("0.5"), PriceOutputPerM: N("8")}
	volume := func(o Option) string {
		t.Helper()
		r := mustEval(t, handScenario(o, api))
		// The basis names how the hardware is paid for.
		want := breakEvenOwned
		if o.LeaseMonths.Set() {
			want = breakEvenLease
		} else if o.LoanMonths.Set() {
			want = breakEvenLoan
		}
		if got := r.Comparison.Options[0].BreakEvenBasis; got != want {
			t.Errorf("break-even basis %q, want %q", got, want)
		}
		v := r.Comparison.Options[0].BreakEvenRequestsPerDay
		if v == nil {
			t.Fatal("no break-even volume")
		}
		return v.String()
	}
	// Bought at $12,000 over one year with no residual and no cost of
	// capital: $1,000 a month an accelerator. Leased at 1/12 of the price a
	// month: the same $1,000. So the same steady cost, the same volume.
	bought := ownedPlain()
	bought.CapexPerAccelerator, bought.DepreciationYears, bought.ResidualShare, bought.CostOfCapital = N("12000"), N("1"), N("0"), N("0")
	leased := bought
	leased.LeaseMonths, leased.LeaseRateFactor = N("12"), N("0.083333333333333333")
	if b, l := volume(bought), volume(leased); b != l {
		t.Errorf("bought %s, leased %s requests a day", b, l)
	}
	// A loan of all the price at 12 % a year adds 12,000 × 0.01 = $120 a
	// month an accelerator, as a cost of capital of 12 % would.
	loan := bought
	loan.LoanMonths, loan.LoanRate = N("12"), N("0.12")
	capital := bought
	capital.CostOfCapital = N("0.12")
	if l, c := volume(loan), volume(capital); l != c {
		t.Errorf("loan %s, cost of capital %s requests a day", l, c)
	}
	if volume(loan) == volume(bought) {
		t.Error("the loan's interest moved nothing")
	}
}

// TestFinancingWordsRepeatRatesExactly: a rate the user typed is said back
// with every digit (7.25 %, not 7.3 %), and the break-even basis names the
// lease or the loan it assumes.
func TestFinancingWordsRepeatRatesExactly(t *testing.T) {
	o := optionPlan{loanMonths: 36, loanRate: d("0.0725"), loanDown: d("0.125")}
	if got, want := o.financing(24), "bought with a loan over 36 months at 7.25 % a year, 12.5 % down; kept at the horizon"; got != want {
		t.Errorf("financing %q, want %q", got, want)
	}
	o = optionPlan{leaseMonths: 24, leaseFactor: d("0.0275")}
	if got, want := o.financing(24), "leased for 24 months at 2.75 % of the price a month, renewed at the then price"; got != want {
		t.Errorf("financing %q, want %q", got, want)
	}
	// A refresh says when none falls due: a 3-year life is 36 months, the
	// horizon's end, so nothing bought in month 1 reaches it; at 48 months
	// the purchases of months 1–12 are refreshed.
	o = optionPlan{refresh: true, deprYears: d("3")}
	if got, want := o.financing(36), "bought for cash; refreshed at the end of its 3-year life at the then price (none falls due: the life outlasts the 36-month horizon); kept at the horizon"; got != want {
		t.Errorf("financing %q, want %q", got, want)
	}
	if got, want := o.financing(48), "bought for cash; refreshed at the end of its 3-year life at the then price; kept at the horizon"; got != want {
		t.Errorf("financing %q, want %q", got, want)
	}
}
