package engine

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Summary is the answer in plain words, built from a result alone (and,
// once computed, the winner's sensitivity): the app leads its results with
// it and `infercost eval` prints it, so both say the same thing.
type Summary struct {
	// Verdict names the cheapest option over the horizon, with its total
	// and its cost per million tokens.
	Verdict string
	// Margin is the winner's lead over the runner-up and over the API.
	Margin string
	// Context warns that a request is longer than the catalog model's
	// context window (Result.ContextWarning); "" when it fits.
	Context string
	// Scale warns that an option's peak fleet is larger than any
	// deployment announced (PlausibleFleetAccelerators); "" when none is.
	Scale string
	// Unable names each option that cannot serve the workload, with why
	// (OptionResult.Infeasible), one sentence an option; empty when every
	// option can.
	Unable []string
	// Change says in which months which option is cheapest, when that
	// changes over the horizon; "" when it does not.
	Change string
	// Finance says how the ranking by net present value (at the discount
	// rate) differs from the ranking by total cost; "" when they agree.
	Finance string
	// Drivers names the inputs that move the winner's figure most; "" until
	// the winner's tornado is given.
	Drivers string
	// Assumptions states the workload the figures assume.
	Assumptions string
}

// summaryDrivers is how many inputs Drivers names.
const summaryDrivers = 3

// summaryChanges is how many stretches of months Change lists.
const summaryChanges = 4

// Summarize says who wins and why. t is the sensitivity of one option; it
// is used only when it is the winner's (nil while it is being computed).
func Summarize(r *Result, t *Tornado) Summary {
	if r == nil || len(r.Options) == 0 {
		return Summary{}
	}
	c := r.Comparison
	w := c.Cheapest
	best := r.Options[w]
	s := Summary{
		Verdict:     fmt.Sprintf("Over %s, %s is cheapest: %s in all, %s per million tokens%s.", months(r.Horizon), best.Label, Money(best.TotalCost), Money(best.CostPerMTokens), outgrows(r)),
		Margin:      margin(r),
		Unable:      unable(r),
		Context:     r.ContextWarning,
		Scale:       scale(r),
		Change:      change(r),
		Finance:     finance(r),
		Assumptions: assumptions(r),
	}
	if t != nil && t.Option == w {
		s.Drivers = drivers(r, t)
	}
	return s
}

// Sentences lists the summary's non-empty sentences in reading order.
func (s Summary) Sentences() []string {
	var out []string
	all := append([]string{s.Verdict, s.Context, s.Margin, s.Scale}, s.Unable...)
	for _, x := range append(all, s.Change, s.Finance, s.Drivers, s.Assumptions) {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

// outgrows is ", but its fleet outgrows the 200 kW site in month 26" when
// the cheapest option's fleet (a hybrid's base) needs more power than the
// site's budget within the horizon; "" otherwise.
func outgrows(r *Result) string {
	m := r.Comparison.SiteOutgrownMonth
	if m == nil || r.Workload.SitePowerMW == nil {
		return ""
	}
	what := "fleet"
	if r.Options[r.Comparison.Cheapest].Hybrid != nil {
		what = "base (the part on the site)"
	}
	return fmt.Sprintf(", but its %s outgrows the %s site in month %d", what, PowerText(*r.Workload.SitePowerMW), *m)
}

// unable says which options cannot serve and why; they are left out of
// the comparison.
func unable(r *Result) []string {
	var parts []string
	for _, o := range r.Options {
		if o.Infeasible != "" {
			parts = append(parts, fmt.Sprintf("%s cannot serve this workload and is left out of the comparison: %s", o.Label, o.Infeasible))
		}
	}
	return parts
}

// scale warns when an option's fleet peaks above
// PlausibleFleetAccelerators: the figures then rest on a fleet larger
// than any deployment announced, most likely a mistyped workload. A
// warning, not a refusal: the arithmetic holds.
func scale(r *Result) string {
	var parts []string
	for _, o := range r.Options {
		if o.Infeasible == "" && o.PeakAccelerators.Cmp(PlausibleFleetAccelerators) > 0 {
			if len(parts) == 0 {
				parts = append(parts, fmt.Sprintf("%s needs %s accelerators", o.Label, Count(o.PeakAccelerators, 0)))
			} else {
				parts = append(parts, fmt.Sprintf("%s %s", o.Label, Count(o.PeakAccelerators, 0)))
			}
		}
	}
	if len(parts) == 0 {
		return ""
	}
	its := "its peak"
	if n := len(parts); n > 1 {
		its = "their peaks"
		parts[n-2] += " and " + parts[n-1]
		parts = parts[:n-1]
	}
	return fmt.Sprintf("Beyond any real deployment: at %s, %s, more than the largest announced to date (about %s: %s). Check the workload (requests a day, growth, horizon) before relying on these figures.",
		its, strings.Join(parts, ", "), Count(PlausibleFleetAccelerators, 0), PlausibleFleetSource)
}

func months(n int) string {
	if n == 1 {
		return "1 month"
	}
	return fmt.Sprintf("%d months", n)
}

// lead is "$X less than LABEL (Y % less)": what the winner saves against
// option i, as a share of option i's total.
func lead(r *Result, i int, who string) string {
	w := r.Options[r.Comparison.Cheapest]
	o := r.Options[i]
	d := o.TotalCost.Sub(w.TotalCost)
	if d.Sign() == 0 {
		return "the same as " + who + ", " + o.Label
	}
	s := Money(d) + " less than " + who + ", " + o.Label
	if o.TotalCost.Sign() > 0 {
		s += " (" + Percent(div(d, o.TotalCost)) + " less)"
	}
	return s
}

func margin(r *Result) string {
	c := r.Comparison
	if len(c.Ranking) == 1 {
		if len(r.Options) > 1 {
			return "It is the only option that can serve this workload."
		}
		return "It is the only option compared."
	}
	w, second := c.Cheapest, c.Ranking[1]
	api := -1
	if c.APIOption != nil {
		api = *c.APIOption
	}
	switch {
	case api == second:
		return "It costs " + lead(r, second, "the runner-up, the API") + "."
	case api >= 0 && api != w:
		return "It costs " + lead(r, second, "the runner-up") + ", and " + lead(r, api, "the API") + "."
	}
	return "It costs " + lead(r, second, "the runner-up") + "."
}

// change lists the stretches of months in which each option is cheapest,
// when more than one option ever is.
func change(r *Result) string {
	mc := r.Comparison.MonthlyCheapest
	type stretch struct{ opt, from, to int }
	var ss []stretch
	for m, i := range mc {
		if n := len(ss); n > 0 && ss[n-1].opt == i {
			ss[n-1].to = m + 1
			continue
		}
		ss = append(ss, stretch{i, m + 1, m + 1})
	}
	if len(ss) <= 1 {
		return ""
	}
	var parts []string
	for k, st := range ss {
		if k == summaryChanges {
			if more := len(ss) - k; more == 1 {
				parts = append(parts, "and the lead changes once more")
			} else {
				parts = append(parts, fmt.Sprintf("and the lead changes %d more times", more))
			}
			break
		}
		var when string
		switch {
		case st.to == len(mc) && k > 0:
			when = fmt.Sprintf("from month %d", st.from)
		case st.from == st.to:
			when = fmt.Sprintf("in month %d", st.from)
		default:
			when = fmt.Sprintf("in months %d–%d", st.from, st.to)
		}
		parts = append(parts, r.Options[st.opt].Label+" "+when)
	}
	return "The cheapest month by month changes: " + strings.Join(parts, ", ") + "."
}

// finance says when the ranking by net present value (the lowest net
// present cost: every option earns the same revenue) differs from the
// ranking by total cost: which option comes first, or the new order.
func finance(r *Result) string {
	c := r.Comparison
	if len(c.Ranking) < 2 || len(c.NPVRanking) != len(c.Ranking) || slices.Equal(c.Ranking, c.NPVRanking) {
		return ""
	}
	by, figure := "net present cost", func(o *OptionResult) string { return Money(o.NetPresentCost) }
	if r.Options[0].NPV != nil {
		by, figure = "net present value", func(o *OptionResult) string { return Money(*o.NPV) }
	}
	head := fmt.Sprintf("Ranked by %s at a discount rate of %s a year", by, Percent(r.Workload.DiscountRate))
	if n, w := c.NPVRanking[0], c.Cheapest; n != w {
		return fmt.Sprintf("%s, %s comes first (%s), not %s (%s), the cheapest in total: %s.",
			head, r.Options[n].Label, figure(&r.Options[n]), r.Options[w].Label, figure(&r.Options[w]), flipReason(r, n, w))
	}
	labels := make([]string, len(c.NPVRanking))
	for k, i := range c.NPVRanking {
		labels[k] = r.Options[i].Label
	}
	return fmt.Sprintf("%s, %s still comes first, but the order behind it changes: %s.", head, r.Options[c.NPVRanking[0]].Label, strings.Join(labels, ", "))
}

// flipReason says why option n comes first by net present value while w,
// the cheapest in total, does not. The present value discounts each
// month's cash; the total adds each month's cost, which charges owned
// hardware as it depreciates. When n also pays less cash over the horizon
// (undiscounted), the reason is what each counts, not when: w keeps
// hardware whose value at the horizon its total leaves uncharged but its
// cash counts as nothing. Otherwise w pays less cash in all but later
// cash is worth less: the timing changes the answer.
func flipReason(r *Result, n, w int) string {
	on, ow := &r.Options[n], &r.Options[w]
	if on.TotalCashCost.Cmp(ow.TotalCashCost) < 0 {
		cash := fmt.Sprintf("in cash over the horizon, before discounting, %s pays %s and %s %s", ow.Label, Money(ow.TotalCashCost), on.Label, Money(on.TotalCashCost))
		if ow.Kind == Owned && ow.BookValue.Sign() > 0 {
			return fmt.Sprintf("%s keeps hardware with a book value of %s at the horizon, which its total cost leaves uncharged (it charges the hardware as it depreciates) but the cash counts as worth nothing (%s)",
				ow.Label, Money(ow.BookValue), cash)
		}
		return "the cash differs from the cost counted in the totals (" + cash + ")"
	}
	return fmt.Sprintf("when the cash is paid changes the answer (in cash over the horizon, before discounting, %s pays %s and %s %s, but more of it early)",
		ow.Label, Money(ow.TotalCashCost), on.Label, Money(on.TotalCashCost))
}

func drivers(r *Result, t *Tornado) string {
	label, format := "", Money
	for _, m := range Metrics {
		if m.Metric == t.Metric {
			label = lowerFirst(m.Label)
		}
	}
	if t.Metric == MetricPeakAccelerators {
		format = func(d decimal.Decimal) string { return Count(d, 0) }
	}
	pct := Count(t.Percent, 2) + " %"
	var parts []string
	for _, sw := range t.Swings {
		if len(parts) == summaryDrivers {
			break
		}
		if sw.Low == nil || sw.High == nil || sw.Range.Sign() == 0 {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s (%s at −%s, %s at +%s)", lowerFirst(sw.Label), format(*sw.Low), pct, format(*sw.High), pct))
	}
	if len(parts) == 0 {
		return fmt.Sprintf("No input moved %s either way changes its %s (%s).", pct, label, format(t.Base))
	}
	list := parts[0]
	if n := len(parts); n > 1 {
		list = strings.Join(parts[:n-1], ", ") + " and " + parts[n-1]
	}
	return fmt.Sprintf("Its %s (%s) depends most on %s.", label, format(t.Base), list)
}

func assumptions(r *Result) string {
	a := r.Workload
	growth := "no growth"
	if a.MonthlyGrowth.Sign() != 0 {
		growth = "growing " + Percent(a.MonthlyGrowth) + " a month"
	}
	cache := "no cached input"
	if a.CachedInputShare.Sign() != 0 {
		cache = Percent(a.CachedInputShare) + " of input tokens cached"
	}
	slo := "no time-per-output-token target"
	if a.TPOTSLOms != nil {
		slo = "a time-per-output-token target of " + Count(*a.TPOTSLOms, 3) + " ms"
	}
	if a.TTFTSLOms != nil {
		slo += " and a time-to-first-token target of " + Count(*a.TTFTSLOms, 3) + " ms"
	}
	return fmt.Sprintf("Assumed: %s requests a day in month 1 (%s input and %s output tokens each), %s, over %s; peak %s× the average%s; %s; %s.",
		Count(a.RequestsPerDay, 2), Count(a.InputTokens, 2), Count(a.OutputTokens, 2), growth, months(r.Horizon),
		Count(a.PeakToAverage, 2), day(a.DailyProfile), cache, slo) + financed(r)
}

// day names the daily profile: ", the day's load shaped as business hours
// (09:00–17:00)" for a preset, the 24 hourly shares given otherwise; ""
// for the flat day.
func day(text string) string {
	switch pr, ok := FindDailyProfile(text); {
	case text == "":
		return ""
	case ok:
		return ", the day's load shaped as " + lowerFirst(pr.Label)
	}
	return ", the day's load shaped by the 24 hourly shares given"
}

// plainOwned is the Financing of hardware bought for cash and kept, the
// assumption the summary does not repeat.
const plainOwned = "bought for cash; kept at the horizon"

// financed says, for each owned option that is not bought for cash and
// kept, how it pays for its hardware; "" when none.
func financed(r *Result) string {
	var b strings.Builder
	for _, o := range r.Options {
		if o.Kind == Owned && o.Financing != plainOwned {
			fmt.Fprintf(&b, " %s: %s.", o.Label, o.Financing)
		}
	}
	return b.String()
}

// lowerFirst lowercases a label's first letter for use inside a sentence,
// unless the label starts with an abbreviation ("MBU", "TPOT").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	if next, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
