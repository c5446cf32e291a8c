package browser

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/infercost/infercost/engine"
)

// ownedHandWorked is TestCalculatorOwnedHandWorked's scenario: the owned
// option of engine/evaluate_test.go's TestOwnedHandWorked against the API.
func ownedHandWorked() *engine.Scenario {
	sc := handWorked()
	o := &sc.Options[0]
	o.Label, o.Kind, o.HourlyRate = "Owned", engine.Owned, engine.Num{}
	o.CapexPerAccelerator, o.DepreciationYears, o.ResidualShare, o.CostOfCapital = engine.N("10000"), engine.N("1"), engine.N("0.1"), engine.N("0.12")
	o.PowerKW, o.IdlePowerShare, o.PUE, o.ElectricityPerKWh = engine.N("1"), engine.N("0.5"), engine.N("1.5"), engine.N("0.1")
	o.ColoPerKWMonth, o.OpexSharePerYear, o.StaffPerMonth = engine.N("100"), engine.N("0.12"), engine.N("1000")
	return sc
}

// TestCalculatorOwnedFinancing: the owned option's refresh, resale and
// financing inputs are on the page with their units and help, and typing
// them changes the figures as the engine says (each figure also worked by
// hand below).
func TestCalculatorOwnedFinancing(t *testing.T) {
	s := calcSite(t)
	sc := ownedHandWorked()
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(sc)), WaitApp(), WaitTable())
	// The group is folded: open it.
	step(t, ctx, 20*time.Second,
		chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll(".option-card summary")].find((s) => s.textContent === "Refresh, resale and financing").click()`),
		WaitJS(`document.querySelector("input[data-path='options[0].lease_rate_factor']") !== null`, 10*time.Second))
	// Each input: its label with the registry's unit, and its help.
	type shown struct{ Label, Help string }
	for _, key := range []string{"refresh", "resale_at_horizon", "loan_months", "loan_rate", "loan_down_share", "lease_months", "lease_rate_factor"} {
		var fd *engine.OptionField
		for k := range engine.OptionFields {
			if f := &engine.OptionFields[k]; f.Key == key && f.AppliesTo(engine.Owned) {
				fd = f
			}
		}
		if fd == nil {
			t.Fatalf("%s is not an owned option's field", key)
		}
		got := eval[shown](t, ctx, `(() => { const i = document.querySelector("input[data-path='options[0].`+key+`']");
			return {Label: document.querySelector("label[for='" + i.id + "']").textContent, Help: document.getElementById(i.id + "-help").textContent} })()`)
		if want := fd.Label + " (" + fd.Unit + ")"; got.Label != want {
			t.Errorf("%s: label %q, want %q", key, got.Label, want)
		}
		if !strings.HasPrefix(got.Help, fd.Help) {
			t.Errorf("%s: help %q, want it to start with %q", key, got.Help, fd.Help)
		}
	}
	id := func(key string) string {
		return eval[string](t, ctx, `document.querySelector("input[data-path='options[0].`+key+`']").id`)
	}
	money := func(s *engine.Scenario, f func(o *engine.OptionResult) string) string {
		r, err := engine.Evaluate(s)
		if err != nil {
			t.Fatal(err)
		}
		return f(&r.Options[0])
	}

	// Sold at the horizon: its book value, 60,000 − 2 × 4,500 = $51,000,
	// comes back in month 2; cash out 65,117.225 − 51,000 = $14,117; the
	// economic total stays $15,272.
	sc.Options[0].ResaleAtHorizon = engine.N("1")
	wantCash := money(sc, func(o *engine.OptionResult) string { return engine.Money(o.TotalCashCost) })
	if wantCash != "$14,117" {
		t.Fatalf("engine cash out %s, worked by hand $14,117", wantCash)
	}
	step(t, ctx, 30*time.Second, setInput(id("resale_at_horizon"), "1"),
		WaitJS(`[...document.querySelectorAll("#comparison tbody th")].some((th) => th.textContent.trim() === "Hardware sold (cash in)")`, 20*time.Second))
	checkRows(t, comparisonRows(t, ctx), map[string][]string{
		"Total cash out":          {wantCash, "$27,594"},
		"Total cost":              {"$15,272", "$27,594"},
		"Hardware sold (cash in)": {"$51,000", "–"},
		"Book value at the end":   {"$0", "$0"},
		"Hardware":                {"bought for cash; sold at its book value at the horizon", "–"},
	})

	// A lease with a sale at the horizon is refused, naming the field.
	step(t, ctx, 30*time.Second, setInput(id("lease_months"), "12"),
		WaitJS(`(document.getElementById("`+id("resale_at_horizon")+`-err") || {}).textContent === "must be 0 when the accelerators are leased (lease_months): leased hardware goes back to the lessor"`, 20*time.Second))

	// Leased for 12 months at 3 % a month: 6 × 10,000 × 0.03 = $1,800 a
	// month instead of depreciation and capital; with energy 358.6125,
	// facility 600 and operations 600 + 1,000, a month costs 4,358.6125 and
	// two $8,717.225, cash and economic alike.
	sc.Options[0].ResaleAtHorizon = engine.Num{}
	sc.Options[0].LeaseMonths, sc.Options[0].LeaseRateFactor = engine.N("12"), engine.N("0.03")
	wantTotal := money(sc, func(o *engine.OptionResult) string { return engine.Money(o.TotalCost) })
	if wantTotal != "$8,717" {
		t.Fatalf("engine lease total %s, worked by hand $8,717", wantTotal)
	}
	step(t, ctx, 30*time.Second, setInput(id("resale_at_horizon"), ""), setInput(id("lease_rate_factor"), "0.03"),
		waitText(stat(0, "total_cost"), wantTotal))
	checkRows(t, comparisonRows(t, ctx), map[string][]string{
		"Total cash out": {"$8,717", "$27,594"},
		"Capex":          {"$0", "$0"},
		"Hardware":       {"leased for 12 months at 3 % of the price a month, renewed at the then price", "–"},
	})
	// The breakdown chart shows the lease payments: 2 × $1,800.
	step(t, ctx, 30*time.Second, WaitJS(`[...document.querySelectorAll("#chart-breakdown rect title")].some((e) => e.textContent === "Owned, Committed or leased: $3,600")`, 20*time.Second))
	// Bought with a loan of the whole $60,000 at 12 % a year (1 % a month)
	// over 12 months: P = 60,000 × 0.01 / (1 − 1.01^−12) = 5,330.927320…
	// (TestOwnedLoanHandWorked's 4,264.741856… for 48,000, × 1.25).
	// Interest: 600 in month 1; the balance is then 60,000 + 600 − 5,330.93
	// = 55,269.07, so 552.69 in month 2: $1,152.69 in all. Owed at the end:
	// 55,269.07 + 552.69 − 5,330.93 = $50,490.84.
	sc.Options[0].LeaseMonths, sc.Options[0].LeaseRateFactor = engine.Num{}, engine.Num{}
	sc.Options[0].LoanMonths, sc.Options[0].LoanRate = engine.N("12"), engine.N("0.12")
	if got := money(sc, func(o *engine.OptionResult) string {
		return engine.Money(o.InterestTotal) + " " + engine.Money(o.LoanBalance)
	}); got != "$1,153 $50,491" {
		t.Fatalf("engine interest and balance %s, worked by hand $1,153 $50,491", got)
	}
	step(t, ctx, 30*time.Second, setInput(id("lease_months"), ""), setInput(id("lease_rate_factor"), ""),
		setInput(id("loan_months"), "12"), setInput(id("loan_rate"), "12%"),
		WaitJS(`[...document.querySelectorAll("#comparison tbody th")].some((th) => th.textContent.trim() === "Owed on loans at the end")`, 20*time.Second))
	checkRows(t, comparisonRows(t, ctx), map[string][]string{
		"Loan interest":            {"$1,153", "–"},
		"Owed on loans at the end": {"$50,491", "–"},
		"Hardware":                 {"bought with a loan over 12 months at 12 % a year, 0 % down; kept at the horizon", "–"},
	})
	// At 0 % over 60 months the loan pays 1,000 a month while the books
	// write off 60,000 × 0.9 / 12 = 4,500: after month 1 the fleet is worth
	// 55,500 and 59,000 is owed, so month 2's capital is (55,500 − 59,000)
	// × 1 % = −$35, a credit the breakdown draws left of $0 (month 1: 0).
	step(t, ctx, 30*time.Second, setInput(id("loan_months"), "60"), setInput(id("loan_rate"), "0"),
		WaitJS(`[...document.querySelectorAll("#chart-breakdown rect title")].some((e) => e.textContent === "Owned, Cost of capital and interest: −$35.00 (a credit)")`, 20*time.Second))
	zero := eval[float64](t, ctx, `(() => { const ts = [...document.querySelectorAll("#chart-breakdown .axis text")]; const z = ts.find((e) => e.textContent === "$0"); return z ? +z.getAttribute("x") : -1 })()`)
	credit := eval[float64](t, ctx, `(() => { const r = [...document.querySelectorAll("#chart-breakdown rect")].find((r) => (r.querySelector("title") || {}).textContent === "Owned, Cost of capital and interest: −$35.00 (a credit)"); return +r.getAttribute("x") + +r.getAttribute("width") })()`)
	if zero < 0 || credit > zero+0.2 || credit < zero-0.2 {
		t.Errorf("the credit ends at x = %.1f, the $0 tick is at %.1f: it must end at 0", credit, zero)
	}
	// The link carries the new keys.
	if h := eval[string](t, ctx, `location.hash`); !strings.HasPrefix(h, "#"+strconv.Itoa(engine.LinkVersion)) {
		t.Errorf("link %s is not of format %d", h, engine.LinkVersion)
	}
}
