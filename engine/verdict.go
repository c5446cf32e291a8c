package engine

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// The words for one option against the others (Comparison.Options), shared
// by the page and `infercost eval` so both say the same thing.

// CheapestMonths says in which months option i is the cheapest of all:
// "in months 1–6", "from month 7 on" (a stretch that lasts to the
// horizon), "in month 1 and months 4–6", "in every month"; "" when it never
// is. It reads Comparison.MonthlyCheapest.
func CheapestMonths(r *Result, i int) string {
	mc := r.Comparison.MonthlyCheapest
	var parts []string
	last := ""
	for m := 0; m < len(mc); m++ {
		if mc[m] != i {
			continue
		}
		from := m
		for m+1 < len(mc) && mc[m+1] == i {
			m++
		}
		switch {
		case from == 0 && m == len(mc)-1:
			return "in every month"
		case m == len(mc)-1:
			last = fmt.Sprintf("from month %d on", from+1)
		case from == m:
			parts = append(parts, fmt.Sprintf("month %d", from+1))
		default:
			parts = append(parts, fmt.Sprintf("months %d–%d", from+1, m+1))
		}
	}
	s := ""
	if len(parts) > 0 {
		s = "in " + andList(parts)
	}
	switch {
	case s == "":
		return last
	case last != "":
		return s + " and " + last
	}
	return s
}

// andList joins "a", "b" and "c" as "a, b and c".
func andList(parts []string) string {
	if n := len(parts); n > 1 {
		return strings.Join(parts[:n-1], ", ") + " and " + parts[n-1]
	}
	return strings.Join(parts, "")
}

// savingsTimes is the ratio above which an option's cost over the API's is
// said as a multiple ("26,400× the API's cost") rather than a percentage
// above it: more than 1,000 % more.
var savingsTimes = decimal.NewFromInt(11)

// AgainstAPI says what the option saves against the API over the horizon,
// or how much more it costs: "saves $77,203 (34.2 %) against the API",
// "costs $8,672 more than the API (177.9 % more)" or, when it costs more
// than 11 times the API, "costs $8,672 more than the API (26,400× the API's
// cost)". "" without an API to compare with.
func (v OptionVerdict) AgainstAPI() string {
	if v.SavingsVsAPI == nil {
		return ""
	}
	if v.SavingsVsAPI.Sign() >= 0 {
		s := "saves " + Money(*v.SavingsVsAPI)
		if v.SavingsVsAPIShare != nil {
			s += " (" + Percent(*v.SavingsVsAPIShare) + ")"
		}
		return s + " against the API"
	}
	return "costs " + Money(v.SavingsVsAPI.Neg()) + " more than the API" + v.costlier()
}

// costlier is " (Y % more)" or " (N× the API's cost)" for an option that
// costs more than the API, "" when the API costs nothing.
func (v OptionVerdict) costlier() string {
	if v.SavingsVsAPIShare == nil {
		return ""
	}
	// share = (api − total) / api, so total / api = 1 − share.
	times := decimal.NewFromInt(1).Sub(*v.SavingsVsAPIShare)
	if times.Cmp(savingsTimes) > 0 {
		return " (" + Count(times, 0) + "× the API's cost)"
	}
	return " (" + Percent(v.SavingsVsAPIShare.Neg()) + " more)"
}

// AgainstAPICell is AgainstAPI for a table cell: "$77,203 (34.2 %)" saved,
// "costs $8,672 more (177.9 % more)" or "costs $8,672 more (26,400× the
// API's cost)"; "" without an API.
func (v OptionVerdict) AgainstAPICell() string {
	if v.SavingsVsAPI == nil {
		return ""
	}
	if v.SavingsVsAPI.Sign() >= 0 {
		s := Money(*v.SavingsVsAPI)
		if v.SavingsVsAPIShare != nil {
			s += " (" + Percent(*v.SavingsVsAPIShare) + ")"
		}
		return s
	}
	return "costs " + Money(v.SavingsVsAPI.Neg()) + " more" + v.costlier()
}

// BreakEvenText says at which daily volume the self-hosted option i beats
// the API and on what basis: "beats the API at every volume above 128,419
// requests a day (renting …, at month-1 prices, …)", or that it never does
// at any volume; for a hybrid, that there is none. It adds BreakEvenCaveat.
// "" without an API or for the API itself.
func BreakEvenText(r *Result, i int) string {
	c := r.Comparison
	v := c.Options[i]
	o := &r.Options[i]
	var s string
	switch {
	case v.BreakEvenRequestsPerDay != nil:
		s = fmt.Sprintf("beats the API at every volume above %s requests a day (%s)", Count(*v.BreakEvenRequestsPerDay, 0), v.BreakEvenBasis)
	case o.Throughput != nil && c.APIOption != nil:
		s = "never beats the API at any volume (" + v.BreakEvenBasis + ")"
	case o.Hybrid != nil && c.APIOption != nil:
		return "break-even volume against the API " + v.BreakEvenBasis
	default:
		return ""
	}
	if cv := BreakEvenCaveat(r, i); cv != "" {
		s += "; " + cv
	}
	return s
}

// BreakEvenCaveat explains a break-even volume that month 1's demand already
// exceeds while the option still costs more than the API over the horizon:
// the break-even is one steady month at month-1 prices, the totals follow
// each month. "" otherwise.
func BreakEvenCaveat(r *Result, i int) string {
	v := r.Comparison.Options[i]
	if v.BreakEvenRequestsPerDay == nil || v.SavingsVsAPI == nil || v.SavingsVsAPI.Sign() >= 0 ||
		r.Workload.RequestsPerDay.Cmp(*v.BreakEvenRequestsPerDay) <= 0 {
		return ""
	}
	return fmt.Sprintf("month 1's demand (%s requests a day) is already above it, yet over the horizon it costs more than the API: "+
		"the totals follow each month's prices, demand and terms (price changes, growth, commitments, purchases), which the break-even leaves out",
		Count(r.Workload.RequestsPerDay, 0))
}
