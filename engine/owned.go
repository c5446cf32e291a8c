package engine

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// loanPlan holds an owned option's loans: every purchase borrows on the
// same terms, so each month's interest is the monthly rate times the
// balance of all loans, and its payments the sum of the loans' equal
// payments, without following each loan on its own.
type loanPlan struct {
	rate   decimal.Decimal // a month: the annual rate / 12
	months int             // payments of each loan
	// pay is the payment a month per dollar borrowed (an annuity):
	// rate / (1 − (1 + rate)^−months), or 1 / months at a zero rate.
	pay decimal.Decimal
	// left[k] is the balance per dollar borrowed after k payments, for k
	// within the horizon and up to months; left[months], when a loan ends
	// within the horizon, is what the rounding of pay leaves (tiny).
	left []decimal.Decimal

	balance  decimal.Decimal   // owed now, every loan
	paying   decimal.Decimal   // each month's payments, every loan
	borrowed []decimal.Decimal // borrowed in each month index
	ends     []decimal.Decimal // payments that stop at the start of a month index
	residue  []decimal.Decimal // balance dropped at the start of a month index (a loan's end)
}

// newLoanPlan prepares loans of the given annual rate and number of
// monthly payments over a horizon of n months. Powers are taken by
// repeated multiplication, each product rounded to Prec places: at most
// 360 of them.
func newLoanPlan(annual decimal.Decimal, months, n int) *loanPlan {
	l := &loanPlan{rate: div(annual, twelve), months: months,
		borrowed: make([]decimal.Decimal, n), ends: make([]decimal.Decimal, n+1), residue: make([]decimal.Decimal, n+1)}
	growth := one.Add(l.rate)
	if l.rate.Sign() == 0 {
		l.pay = div(one, dec(int64(months)))
	} else {
		pow := one
		for range months {
			pow = pow.Mul(growth).Round(Prec)
		}
		l.pay = div(l.rate.Mul(pow), pow.Sub(one))
	}
	k := min(months, n)
	l.left = make([]decimal.Decimal, k+1)
	l.left[0] = one
	for i := 1; i <= k; i++ {
		l.left[i] = l.left[i-1].Mul(growth).Round(Prec).Sub(l.pay)
	}
	return l
}

// start begins month index m: loans whose last payment was the month
// before end, and the rounding they leave is dropped.
func (l *loanPlan) start(m int) {
	if l.ends[m].Sign() != 0 {
		l.paying = l.paying.Sub(l.ends[m])
		l.balance = l.balance.Sub(l.residue[m])
	}
}

// borrow adds a loan of principal taken in month index m: its payments run
// from that month for l.months months.
func (l *loanPlan) borrow(m int, principal decimal.Decimal) {
	if principal.Sign() == 0 {
		return
	}
	l.borrowed[m] = l.borrowed[m].Add(principal)
	l.balance = l.balance.Add(principal)
	p := principal.Mul(l.pay).Round(Prec)
	l.paying = l.paying.Add(p)
	if end := m + l.months; end < len(l.ends) {
		l.ends[end] = l.ends[end].Add(p)
		l.residue[end] = l.residue[end].Add(principal.Mul(l.left[l.months]).Round(Prec))
	}
}

// repay pays off, in month index m, the loan taken in month index s (its
// hardware is sold): the balance after its m − s payments. It returns the
// amount, zero when the loan has ended.
func (l *loanPlan) repay(s, m int) decimal.Decimal {
	k := m - s
	if l.borrowed[s].Sign() == 0 || k >= l.months {
		return zero
	}
	owed := l.borrowed[s].Mul(l.left[k]).Round(Prec)
	p := l.borrowed[s].Mul(l.pay).Round(Prec)
	l.balance = l.balance.Sub(owed)
	l.paying = l.paying.Sub(p)
	if end := s + l.months; end < len(l.ends) {
		// Its payments were to stop then; they have stopped now.
		l.ends[end] = l.ends[end].Sub(p)
		l.residue[end] = l.residue[end].Sub(l.borrowed[s].Mul(l.left[l.months]).Round(Prec))
	}
	l.borrowed[s] = zero
	return owed
}

// month is month index m's interest (on the balance after this month's new
// loans) and payments. The caller moves the balance by interest − paid.
func (l *loanPlan) month(m int) (interest, paid decimal.Decimal) {
	return l.balance.Mul(l.rate).Round(Prec), l.paying
}

// financing says in words how an owned option pays for its hardware over
// a horizon of the given months.
func (o *optionPlan) financing(horizon int) string {
	if o.leaseMonths > 0 {
		return fmt.Sprintf("leased for %d months at %s of the price a month, renewed at the then price", o.leaseMonths, PercentExact(o.leaseFactor))
	}
	parts := []string{"bought for cash"}
	if o.loanMonths > 0 {
		parts[0] = fmt.Sprintf("bought with a loan over %d months at %s a year, %s down", o.loanMonths, PercentExact(o.loanRate), PercentExact(o.loanDown))
	}
	if o.refresh {
		refresh := fmt.Sprintf("refreshed at the end of its %s-year life at the then price", Count(o.deprYears, 2))
		if o.deprYears.Mul(twelve).Cmp(decimal.NewFromInt(int64(horizon))) >= 0 {
			// Nothing bought in month 1 or later reaches the end of its life.
			refresh += fmt.Sprintf(" (none falls due: the life outlasts the %d-month horizon)", horizon)
		}
		parts = append(parts, refresh)
	}
	if o.resale {
		parts = append(parts, "sold at its book value at the horizon")
	} else {
		parts = append(parts, "kept at the horizon")
	}
	return strings.Join(parts, "; ")
}
