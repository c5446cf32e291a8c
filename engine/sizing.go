package engine

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Commitment sizing: for a cloud option, the size of its first commitment
// tier (accelerators from month 1) and, among the terms asked for, the
// length that cost the least over the horizon. The option's other tiers,
// its replica and its monthly fleet stay as evaluated; only the first tier
// moves. docs/methodology.md, Commitment sizing.
//
// Why a handful of sizes is an exact search. Let the first tier hold c
// accelerators for T' = min(term, horizon) months at a rate r; P_m is the
// fleet provisioned in month m, E_m what the other tiers hold then, and
// a_m = max(0, P_m − E_m) what is left for the first tier. The total cost
// over the horizon is
//
//	f(c) = K + α·c + Σ_{m < T'} w_m · max(0, a_m − c)
//
// where α = r × 730 × T' is the tier's own cost per accelerator, w_m the
// on-demand price of an accelerator-month in month m (onDemand730), and K
// everything c does not move (the other tiers, on-demand months after the
// term). Each max(0, a_m − c) is convex and piecewise linear in c with one
// kink, at a_m; a sum of such terms with weights w_m ≥ 0, plus a line, is
// convex and piecewise linear with kinks only at the a_m. On [0, ∞) it is
// therefore smallest at 0 or at one of the a_m (a linear piece is smallest
// at an end, and past the largest a_m the slope is α ≥ 0). The a_m are
// whole numbers (fleets and tiers are whole accelerators), so that minimum
// is also the minimum over every whole size: evaluating f at 0 and at the
// a_m is exact. Between two kinks f is a straight line, so those points
// also draw the whole curve exactly. TestSizingMatchesBruteForce checks
// this against every size from 0 to the peak.
//
// Between kinks b_j < b_{j+1} the slope is α − W_j, W_j the sum of w_m with
// a_m > b_j, so the curve is built from f(0) in one pass over the sorted
// kinks: additions and multiplications only, exact.
//
// Net present cost (the basis BasisNetPresentCost, workload sizing_basis 1)
// weights each month's cost by its discount factor d_m = v^(m+1), the
// present value of a dollar paid at the end of month m+1 at the scenario's
// discount rate (discountFactors, as the finance view discounts): α
// becomes Σ_{m < T'} r × 730 × d_m and w_m becomes w_m × d_m. The d_m are in
// (0, 1], so the weights stay ≥ 0 and the argument and the search are
// unchanged; sizingBasis.monthWeight is the one place that reads them. The
// month's cost is then its cash, as in the finance view's net present
// cost: the other tiers' monthly payments, and an upfront payment in its
// tier's start month, discounted at that month (sizingBasis.tier), not
// the capital a prepayment ties up, which the total cost charges instead
// (the discounting is that charge).

// Term is one commitment length the sizing compares, and its rate; a nil
// Rate is the option's committed rate (commit_hourly_rate, else the hourly
// rate).
type Term struct {
	Months int
	Rate   *decimal.Decimal
}

// MaxTerms bounds the terms one sizing compares.
const MaxTerms = 8

// DefaultTerms are the lengths clouds usually offer: one, two and three
// years.
var DefaultTerms = []Term{{Months: 12}, {Months: 24}, {Months: 36}}

// ParseTerms reads terms as a user lists them: months, each with an
// optional rate after "@", separated by commas or spaces ("12, 24, 36",
// "12@2.3 36@1.9"). An empty list is DefaultTerms.
func ParseTerms(text string) ([]Term, error) {
	fields := strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ' ' || r == ';' })
	if len(fields) == 0 {
		return DefaultTerms, nil
	}
	if len(fields) > MaxTerms {
		return nil, fmt.Errorf("at most %d terms (got %d)", MaxTerms, len(fields))
	}
	var out []Term
	for _, f := range fields {
		months, rate, hasRate := strings.Cut(f, "@")
		n, err := strconv.Atoi(months)
		if err != nil || n < 1 || n > 120 {
			return nil, fmt.Errorf("term %q: months must be a whole number from 1 to 120", truncate(f, 20))
		}
		t := Term{Months: n}
		if hasRate {
			v := ParseNum(rate)
			if !v.Set() || v.Dec().Sign() < 0 || v.Dec().Cmp(decimal.NewFromInt(10000)) > 0 {
				return nil, fmt.Errorf("term %q: the rate after @ must be a number of $ per accelerator-hour from 0 to 10,000", truncate(f, 20))
			}
			r := v.Dec()
			t.Rate = &r
		}
		out = append(out, t)
	}
	return out, nil
}

// Basis is what a commitment sizing minimises (workload sizing_basis).
type Basis string

const (
	// BasisTotalCost is the total cost over the horizon (sizing_basis 0).
	BasisTotalCost Basis = "total_cost"
	// BasisNetPresentCost is the net present cost at the scenario's
	// discount rate (sizing_basis 1).
	BasisNetPresentCost Basis = "net_present_cost"
)

// Words is the basis in the app's and the command line's words: "total
// cost" or "net present cost".
func (b Basis) Words() string {
	if b == BasisNetPresentCost {
		return "net present cost"
	}
	return "total cost"
}

// SizingPoint is the cost of one commitment size on the sizing's basis:
// the total cost over the horizon, or the net present cost.
type SizingPoint struct {
	Accelerators decimal.Decimal `json:"accelerators"`
	Cost         decimal.Decimal `json:"cost"`
}

// TermSizing is the best size for one term.
type TermSizing struct {
	Months     int             `json:"months"`
	HourlyRate decimal.Decimal `json:"hourly_rate"`
	Optimum    SizingPoint     `json:"optimum"`
}

// Sizing is the commitment sizing of one cloud option.
type Sizing struct {
	Option int    `json:"option"`
	Label  string `json:"label"`
	// Basis is what every Cost below is: the total cost over the horizon
	// or the net present cost at DiscountRate (a share a year; nil on
	// total cost).
	Basis        Basis            `json:"basis"`
	DiscountRate *decimal.Decimal `json:"discount_rate,omitempty"`
	// Months and HourlyRate are the best term's; Optimum its best size
	// (the smallest, when several cost the same).
	Months     int             `json:"months"`
	HourlyRate decimal.Decimal `json:"hourly_rate"`
	Optimum    SizingPoint     `json:"optimum"`
	// None commits nothing in the first tier; Peak commits the option's
	// peak fleet; Under and Over commit 25 % below and above the optimum
	// (rounded to whole accelerators, half up).
	None  SizingPoint `json:"none"`
	Peak  SizingPoint `json:"peak"`
	Under SizingPoint `json:"under"`
	Over  SizingPoint `json:"over"`
	// Curve is the best term's cost at 0, every kink and the peak, by
	// size: straight lines between them are exact.
	Curve []SizingPoint `json:"curve"`
	Terms []TermSizing  `json:"terms"`
	// Given is the scenario's own first tier (its size and its cost on
	// the basis) and GivenMonths its length; nil when it commits nothing.
	Given       *SizingPoint `json:"given"`
	GivenMonths int          `json:"given_months,omitempty"`
	// Tier is the path of the tier sized (the option's, for its commit_*
	// fields, or its first commitments[] entry's), StartMonth its first
	// month (from 1) and UpfrontShare the share of each term paid upfront,
	// as entered.
	Tier         string          `json:"tier"`
	StartMonth   int             `json:"start_month"`
	UpfrontShare decimal.Decimal `json:"upfront_share"`
}

// sizedTier is the tier a sizing moves: the option's first as entered
// (the commit_* fields, else its first commitments[] entry), else an
// empty tier from month 1 at the committed rate (the hourly rate when
// none is given), the commit_* fields' path.
func sizedTier(o *optionPlan) tierPlan {
	first := -1
	for k := range o.tiers {
		if first < 0 || o.tiers[k].tier < o.tiers[first].tier {
			first = k
		}
	}
	if first >= 0 {
		return o.tiers[first]
	}
	rate := o.commitRate
	if !o.commitRateSet {
		rate = o.hourly
	}
	return newTier(1, strings.TrimSuffix(OptionPath(o.index, ""), "."), zero, rate, 0, 12, zero)
}

// ErrNotCloud is SizeCommitment's answer for an option that rents nothing.
var ErrNotCloud = errors.New("commitment sizing applies to rented (cloud) accelerators only")

var (
	quarterLess = decimal.RequireFromString("0.75")
	quarterMore = decimal.RequireFromString("1.25")
)

// SizeCommitment sizes option i's first commitment tier over each term
// (DefaultTerms when none) and returns the cheapest. r, when not nil, is
// the scenario's evaluation (else it is evaluated). The work is bounded:
// at most MaxTerms terms of at most 120 kinks each.
func SizeCommitment(s *Scenario, r *Result, i int, terms []Term) (*Sizing, error) {
	p, errs := Check(s)
	if errs != nil {
		return nil, errs
	}
	if i < 0 || i >= len(p.options) {
		return nil, fmt.Errorf("commitment sizing: no option %d", i)
	}
	o := &p.options[i]
	if o.kind != Cloud {
		return nil, ErrNotCloud
	}
	if r == nil {
		var err error
		if r, err = p.evaluate(); err != nil {
			return nil, err
		}
	}
	if len(terms) == 0 {
		terms = DefaultTerms
	}
	if len(terms) > MaxTerms {
		return nil, fmt.Errorf("commitment sizing: at most %d terms", MaxTerms)
	}
	// The tier sized: the option's first as the user entered it (the
	// commit_* fields, else its first commitments[] entry: its start, rate
	// and upfront share, its term among those compared), else an empty
	// first tier from month 1 at the committed rate.
	st := sizedTier(o)
	// The scenario's own first tier is one of the choices: without its
	// term, the sizing could name a dearer deal than the one given.
	givenMonths := st.end - st.start
	if st.units.Sign() > 0 && !slices.ContainsFunc(terms, func(t Term) bool { return t.Months == givenMonths && t.Rate == nil }) {
		terms = append(slices.Clip(terms), Term{Months: givenMonths})
	}
	or := &r.Options[i]
	if or.Infeasible != "" {
		return nil, fmt.Errorf("commitment sizing: %s cannot serve this workload: %s", or.Label, or.Infeasible)
	}
	H := len(or.Months)
	b := p.sizingBasis(r, H)
	// What the other tiers hold each month, and their cost.
	held := make([]decimal.Decimal, H)
	var fixed decimal.Decimal
	for k := range o.tiers {
		t := &o.tiers[k]
		if t.tier == st.tier {
			continue
		}
		for m := t.start; m < t.end && m < H; m++ {
			held[m] = held[m].Add(t.units)
			fixed = fixed.Add(b.tier(t, m).Mul(b.monthWeight(m)))
		}
	}
	a := make([]decimal.Decimal, H) // left for the first tier
	w := make([]decimal.Decimal, H) // on-demand price of an accelerator-month, weighted
	for m := range H {
		if left := or.Months[m].Accelerators.Sub(held[m]); left.Sign() > 0 {
			a[m] = left
		}
		w[m] = p.onDemand730(o, m).Mul(b.monthWeight(m))
	}
	z := &Sizing{Option: i, Label: o.label, Basis: b.basis, Tier: st.path, StartMonth: st.start + 1, UpfrontShare: st.upfront}
	if b.basis == BasisNetPresentCost {
		z.DiscountRate = &b.rate
	}
	sm := b.months(a, w, fixed)
	var best, given *termCurve
	for _, term := range terms {
		if term.Months < 1 || term.Months > 120 {
			return nil, fmt.Errorf("commitment sizing: a term of %d months (1 to 120)", term.Months)
		}
		rate := st.rate
		if term.Rate != nil {
			rate = *term.Rate
		}
		// α: what one accelerator committed costs on the basis, the tier
		// at this term and rate holding one (linear in its size).
		unit := newTier(st.tier, st.path, one, rate, st.start, term.Months, st.upfront)
		var alpha decimal.Decimal
		for m := st.start; m < unit.end && m < H; m++ {
			alpha = alpha.Add(b.tier(&unit, m).Mul(b.monthWeight(m)))
		}
		if b.basis == BasisNetPresentCost && st.start >= H {
			alpha = zero
		}
		tc := sm.term(rate, alpha, st.start, term.Months, or.PeakAccelerators)
		z.Terms = append(z.Terms, TermSizing{Months: term.Months, HourlyRate: rate, Optimum: tc.optimum})
		if best == nil || tc.optimum.Cost.Cmp(best.optimum.Cost) < 0 ||
			tc.optimum.Cost.Equal(best.optimum.Cost) && term.Months < best.months {
			best = &tc
		}
		if term.Months == givenMonths && term.Rate == nil && given == nil {
			given = &tc
		}
	}
	z.Months, z.HourlyRate, z.Optimum, z.Curve = best.months, best.rate, best.optimum, best.curve
	z.None, z.Peak = best.curve[0], best.curve[len(best.curve)-1]
	opt := best.optimum.Accelerators
	z.Under = best.at(opt.Mul(quarterLess).Round(0))
	z.Over = best.at(opt.Mul(quarterMore).Round(0))
	if st.units.Sign() > 0 && given != nil {
		// f at the given size, on the basis: on total cost, the option's
		// total cost as evaluated (TestSizingGiven); on net present cost,
		// its net present cost before the finance view rounds each
		// month's present value to Prec places.
		pt := given.at(st.units)
		z.Given = &pt
		z.GivenMonths = givenMonths
	}
	return z, nil
}

// sizingBasis is what one month's cost counts for in a sizing.
type sizingBasis struct {
	basis Basis
	rate  decimal.Decimal   // the discount rate, a share a year
	d     []decimal.Decimal // d[m] = v^(m+1), net present cost only
}

// sizingBasis is the scenario's sizing basis over its h months; r is its
// evaluation, whose discount factors are used when it kept them (at this
// rate, for every month), else computed as the evaluation computes them.
func (p *plan) sizingBasis(r *Result, h int) sizingBasis {
	b := sizingBasis{basis: p.workload.sizingBasis, rate: p.workload.discountRate}
	if b.basis == BasisNetPresentCost {
		if b.d = r.discount; len(b.d) != h || !r.Workload.DiscountRate.Equal(b.rate) {
			b.d = discountFactors(b.rate, h)
		}
	}
	return b
}

// monthWeight is the factor month m's cost counts for: 1 for the total
// cost over the horizon, the month's discount factor d_m for the net
// present cost.
func (b *sizingBasis) monthWeight(m int) decimal.Decimal {
	if b.d == nil {
		return one
	}
	return b.d[m]
}

// tier is what tier t costs in month m of its term, before monthWeight:
// on total cost, its economic cost (units × rate × 730 and the capital its
// prepayment ties up, as costCloud charges them); on net present cost, its
// cash (the monthly part, and in its start month the upfront payment for
// the whole term, as costCloud's CashCost pays them), which the weight
// then discounts from that month's end.
func (b *sizingBasis) tier(t *tierPlan, m int) decimal.Decimal {
	if b.basis != BasisNetPresentCost {
		return t.monthly.Add(t.prepaidCapital(m, b.rate))
	}
	if m == t.start {
		return t.monthlyCash.Add(t.upfrontCash)
	}
	return t.monthlyCash
}

// termCurve is f (above) for one term.
type termCurve struct {
	months  int
	rate    decimal.Decimal
	a, w    []decimal.Decimal // within the term
	k       decimal.Decimal   // the cost c does not move
	alpha   decimal.Decimal
	optimum SizingPoint
	curve   []SizingPoint
}

// at is f(c), summed directly.
func (tc *termCurve) at(c decimal.Decimal) SizingPoint {
	f := tc.k.Add(tc.alpha.Mul(c))
	for m := range tc.a {
		if over := tc.a[m].Sub(c); over.Sign() > 0 {
			f = f.Add(tc.w[m].Mul(over))
		}
	}
	return SizingPoint{Accelerators: c, Cost: f}
}

// sizingMonths is what every term's curve reads: each month's a_m and
// weighted w_m, K's part that no term moves (the other tiers), the months
// in order of a_m, and running sums over the months m < T (index T, from
// 0) of the month's weight (u), of w_m × a_m (wa) and of w_m where a_m > 0
// (wp), so that a term's α, K and f(0) cost one operation each. Every sum
// is exact, so f is the same as summed month by month (termCurve.at).
type sizingMonths struct {
	a, w      []decimal.Decimal
	fixed     decimal.Decimal
	order     []int
	u, wa, wp []decimal.Decimal
}

func (b *sizingBasis) months(a, w []decimal.Decimal, fixed decimal.Decimal) *sizingMonths {
	H := len(a)
	sm := &sizingMonths{a: a, w: w, fixed: fixed, order: make([]int, H),
		u: make([]decimal.Decimal, H+1), wa: make([]decimal.Decimal, H+1), wp: make([]decimal.Decimal, H+1)}
	for m := range H {
		sm.order[m] = m
		sm.u[m+1] = sm.u[m].Add(b.monthWeight(m))
		sm.wa[m+1], sm.wp[m+1] = sm.wa[m], sm.wp[m]
		if a[m].Sign() > 0 {
			sm.wa[m+1] = sm.wa[m].Add(w[m].Mul(a[m]))
			sm.wp[m+1] = sm.wp[m].Add(w[m])
		}
	}
	slices.SortStableFunc(sm.order, func(x, y int) int { return a[x].Cmp(a[y]) })
	return sm
}

// term is f for a tier of months from month index s at rate, α its cost
// per accelerator on the basis (rate × 730 × Σ weight_m over the months of
// the term within the horizon, [s, e), plus, on total cost, the capital
// an upfront share ties up: sizedTier), K = fixed + Σ_{m ∉ [s, e)} w_m ×
// a_m, and f from f(0) = K + Σ_{m ∈ [s, e)} w_m × a_m up the kinks, the
// slope α − W_j between two (W_j the sum of w_m over the months of the
// term with a_m above the kink).
func (sm *sizingMonths) term(rate, alpha decimal.Decimal, s, months int, peak decimal.Decimal) termCurve {
	H := len(sm.a)
	s = min(s, H)
	e := min(s+months, H)
	tc := termCurve{months: months, rate: rate, a: sm.a[s:e], w: sm.w[s:e],
		alpha: alpha,
		k:     sm.fixed.Add(sm.wa[H].Sub(sm.wa[e]).Add(sm.wa[s]))}
	f := sm.fixed.Add(sm.wa[H]) // f(0)
	W := sm.wp[e].Sub(sm.wp[s]) // the weight that leaves the slope at each kink
	prev := zero
	tc.curve = append(tc.curve, SizingPoint{zero, f})
	tc.optimum = tc.curve[0]
	step := func(x decimal.Decimal) {
		f = f.Add(tc.alpha.Sub(W).Mul(x.Sub(prev)))
		prev = x
		pt := SizingPoint{x, f}
		tc.curve = append(tc.curve, pt)
		if f.Cmp(tc.optimum.Cost) < 0 {
			tc.optimum = pt
		}
	}
	a, w, order := sm.a, sm.w, sm.order
	for j := 0; j < len(order); {
		// The months with a_m = x; a kink if one of them is in the term.
		x, end, in := a[order[j]], j, false
		for ; end < len(order) && a[order[end]].Equal(x); end++ {
			in = in || order[end] >= s && order[end] < e
		}
		if in && x.Sign() > 0 && x.Cmp(prev) > 0 {
			step(x)
		}
		for ; j < end; j++ {
			if m := order[j]; m >= s && m < e && x.Sign() > 0 {
				W = W.Sub(w[m])
			}
		}
	}
	if peak.Cmp(prev) > 0 {
		step(peak)
	}
	return tc
}

// Sentence says the optimum and what missing it by 25 % costs, in the
// app's and the command line's words, and what the scenario's own first
// tier costs beside it, each on the sizing's basis, which it names.
func (z *Sizing) Sentence() string {
	s := z.sentence()
	if g := z.Given; g != nil {
		own := fmt.Sprintf(" The first tier as given (%s for %d months) has a %s of %s", Count(g.Accelerators, 0), z.GivenMonths, z.Basis.Words(), Money(g.Cost))
		switch extra := g.Cost.Sub(z.Optimum.Cost); extra.Sign() {
		case 0:
			s += own + ": the least."
		default:
			s += own + ", " + Money(extra) + " more."
		}
	}
	return s
}

// Where is where the sizing's costs are counted, in words: "over the
// horizon" for the total cost, "at a discount rate of 8 % a year" for the
// net present cost.
func (z *Sizing) Where() string {
	if z.Basis == BasisNetPresentCost && z.DiscountRate != nil {
		return "at a discount rate of " + PercentExact(*z.DiscountRate) + " a year"
	}
	return "over the horizon"
}

func (z *Sizing) sentence() string {
	label := z.Label + z.tierWords()
	if z.Optimum.Accelerators.Sign() == 0 {
		return fmt.Sprintf("%s: committing nothing has the least %s (%s %s): no commitment %s beats renting on demand for this demand; committing to the peak (%s) would cost %s more.",
			label, z.Basis.Words(), Money(z.None.Cost), z.Where(), z.termsWords(), Count(z.Peak.Accelerators, 0), Money(z.Peak.Cost.Sub(z.Optimum.Cost)))
	}
	return fmt.Sprintf("%s: committing %s accelerators for %d months at %s an hour has the least %s, %s %s. 25 %% fewer (%s) costs %s more, 25 %% more (%s) %s more; committing to the peak (%s) %s more, and nothing %s more.",
		label, Count(z.Optimum.Accelerators, 0), z.Months, MoneyFixed(z.HourlyRate, 2), z.Basis.Words(), Money(z.Optimum.Cost), z.Where(),
		Count(z.Under.Accelerators, 0), Money(z.Under.Cost.Sub(z.Optimum.Cost)),
		Count(z.Over.Accelerators, 0), Money(z.Over.Cost.Sub(z.Optimum.Cost)),
		Count(z.Peak.Accelerators, 0), Money(z.Peak.Cost.Sub(z.Optimum.Cost)),
		Money(z.None.Cost.Sub(z.Optimum.Cost)))
}

// tierWords names the tier sized when it is not the plain first tier (the
// commit_* fields from month 1, nothing upfront): " (its first tier,
// options[1].commitments[0], from month 3, 50.0 % upfront)".
func (z *Sizing) tierWords() string {
	var parts []string
	if z.Tier != strings.TrimSuffix(OptionPath(z.Option, ""), ".") {
		parts = append(parts, z.Tier)
	}
	if z.StartMonth > 1 {
		parts = append(parts, fmt.Sprintf("from month %d", z.StartMonth))
	}
	if z.UpfrontShare.Sign() > 0 {
		parts = append(parts, Percent(z.UpfrontShare)+" paid upfront")
	}
	if len(parts) == 0 {
		return ""
	}
	return " (its first tier, " + strings.Join(parts, ", ") + ")"
}

// termsWords is every term compared, with its rate: "of 12, 24 or 36
// months at $2.00 an hour", or "of 12 months at $2.30 an hour or 36
// months at $1.90 an hour" when the rates differ.
func (z *Sizing) termsWords() string {
	same := true
	for _, t := range z.Terms {
		same = same && t.HourlyRate.Equal(z.Terms[0].HourlyRate)
	}
	var parts []string
	for _, t := range z.Terms {
		if same {
			parts = append(parts, strconv.Itoa(t.Months))
		} else {
			parts = append(parts, fmt.Sprintf("%d months at %s an hour", t.Months, MoneyFixed(t.HourlyRate, 2)))
		}
	}
	list := parts[0]
	if n := len(parts); n > 1 {
		list = strings.Join(parts[:n-1], ", ") + " or " + parts[n-1]
	}
	if same {
		return "of " + list + " months at " + MoneyFixed(z.Terms[0].HourlyRate, 2) + " an hour"
	}
	return "of " + list
}
