package engine

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Uncertainty is what a scenario says it does not know: ranges on numeric
// inputs, and the seed and sample count of the Monte Carlo that turns them
// into a spread of outcomes (Simulate). Nil or empty, there is none; the
// point figures (Evaluate) never read it.
type Uncertainty struct {
	Seed    Num     `json:"seed,omitzero"`    // default DefaultSeed
	Samples Num     `json:"samples,omitzero"` // default DefaultSamples, at most MaxSamples
	Ranges  []Range `json:"ranges,omitempty"` // at most MaxRanges
}

// Range is one uncertain input: its path as errors name it
// ("workload.monthly_growth", "options[1].hourly_rate",
// "options[0].throughput"), its low, most likely and high values, and the
// shape of the distribution between them.
//
// options[i].throughput is a multiplier on a self-hosted option's
// throughput (1 is the estimate); unless a range gives it, an estimated
// option's throughput follows its validation band (Accuracy: low, median,
// high).
type Range struct {
	Path  string `json:"path"`
	Shape Shape  `json:"shape,omitempty"` // "" is Triangular
	Low   Num    `json:"low,omitzero"`
	Mode  Num    `json:"mode,omitzero"`
	High  Num    `json:"high,omitzero"`
}

// Shape is a range's distribution.
type Shape string

// Triangular, the default shape: density rising linearly from low to the
// most likely value and falling linearly to high. Lognormal
// (lognormal.go) is the other.
const Triangular Shape = "triangular"

// Limits that bound a simulation's time and memory.
const (
	MaxSamples     = 10000
	DefaultSamples = 1000
	DefaultSeed    = 1
	MaxRanges      = 32
	// MaxDrawMonths bounds what a run holds: samples × options × months of
	// the horizon, each option's monthly cost kept for every draw (the fan
	// chart's spreads). 2,400,000 is 10,000 draws of the reference's 4
	// options over 60 months; 10,000 draws of 8 options over 120 months
	// held 186 MB of heap natively and took 21 s (2026-12-01), minutes in
	// the page.
	MaxDrawMonths = 2_400_000
	maxSeed       = 1<<53 - 1
	// drawPlaces is the decimal places a drawn input keeps.
	drawPlaces = 10
)

// ThroughputKey is the pseudo-field of a self-hosted option's throughput
// multiplier in a range's path.
const ThroughputKey = "throughput"

var (
	throughputMin = decimal.New(1, -2) // 0.01×
	throughputMax = decimal.New(100, 0)
)

// Clone returns a deep copy.
func (u *Uncertainty) Clone() *Uncertainty {
	if u == nil {
		return nil
	}
	c := *u
	c.Ranges = slices.Clone(u.Ranges)
	return &c
}

// Spread is a figure's 10th, 50th and 90th percentile over the draws.
type Spread struct {
	P10 decimal.Decimal `json:"p10"`
	P50 decimal.Decimal `json:"p50"`
	P90 decimal.Decimal `json:"p90"`
}

// OptionSpread is one option's outcomes over the draws.
type OptionSpread struct {
	Label          string `json:"label"`
	TotalCost      Spread `json:"total_cost"`
	CostPerMTokens Spread `json:"cost_per_m_tokens"`
	Stranded       Spread `json:"stranded_total"`
	// Margin is nil without revenue prices.
	Margin *Spread `json:"total_margin"`
	// NPV is the net present value of revenue less cash cost at the
	// scenario's discount rate, with revenue prices (nil without);
	// NetPresentCost is the present value of the cash cost, without
	// revenue prices (nil with them). Each draw's is the point figure's
	// (finance.go) for the drawn inputs.
	NPV            *Spread `json:"npv"`
	NetPresentCost *Spread `json:"net_present_cost"`
	// Wins is the number of draws in which the option was the cheapest
	// (ties go to the option ranked first by the point figures);
	// WinShare is Wins / samples, rounded so that the shares sum to 1.
	Wins     int             `json:"wins"`
	WinShare decimal.Decimal `json:"win_share"`
	// Regret is the option's total cost above the cheapest option of the
	// same draw.
	Regret Spread `json:"regret"`
	// Monthly is the spread of each month's cost, to the cent (the fan
	// chart).
	Monthly []Spread `json:"monthly_cost"`
	// CannotServe is the number of draws in which the option could not
	// serve the workload (OptionResult.Infeasible, e.g. a latency target
	// its drawn throughput misses): it wins none of them, and its spreads
	// are of the other draws only (all zero, and no Monthly, when it never
	// can serve).
	CannotServe int `json:"cannot_serve_draws,omitempty"`
}

// UsedRange is a range as the simulation drew it (defaults applied).
type UsedRange struct {
	Path    string          `json:"path"`
	Label   string          `json:"label"`
	Shape   Shape           `json:"shape"`
	Low     decimal.Decimal `json:"low"`
	Mode    decimal.Decimal `json:"mode"`
	High    decimal.Decimal `json:"high"`
	Default bool            `json:"default"` // the throughput band, not given
	// DrawnWith is, for an option's throughput that shares its estimate
	// with an earlier range's option (the same accelerator), that range's
	// path: both take the same uniform each draw.
	DrawnWith string `json:"drawn_with,omitempty"`
}

// Simulation is the Monte Carlo's result.
type Simulation struct {
	Seed    int64          `json:"seed"`
	Samples int            `json:"samples"`
	Ranges  []UsedRange    `json:"ranges"`
	Options []OptionSpread `json:"options"`
	// Redrawn is the number of draws that fell outside the model's limits
	// (the drawn scenario failed a check, e.g. growth taking demand past
	// 10^15 requests a day) and were drawn again: the spread is of the
	// Samples draws within them (the distribution truncated to the
	// model's limits). Rejections says why, by the input the check named.
	Redrawn    int         `json:"redrawn"`
	Rejections []Rejection `json:"rejections,omitempty"`
}

// Rejection is one reason draws were drawn again: the input a check named,
// its label, the check's message (the first such draw's) and how many
// draws it refused. The Draws of a simulation's rejections sum to its
// Redrawn.
type Rejection struct {
	Path   string `json:"path"`
	Label  string `json:"label"`
	Reason string `json:"reason"`
	Draws  int    `json:"draws"`
}

// target is where a range's drawn value goes.
type target struct {
	path, label string
	field       Field
	option      int  // -1 outside the options
	neutral     bool // leaves every throughput candidate as it is
	demand      bool // changes the demand months (workload, revenue)
	throughput  bool // the option's throughput multiplier
	set         func(*Scenario, decimal.Decimal)
	// patch, when not nil, puts a drawn value straight into a copy of
	// the checked plan: what Check of the scenario with the value set
	// gives (TestDrawPatchEqualsCheck), for a field that no default is
	// derived from (or whose derived defaults it sets too) and that only
	// growthProblem checks against another. Draws of such fields alone
	// are not checked again: their range's bounds were (checkUncertainty).
	patch func(*plan, decimal.Decimal)
}

// findTarget resolves a range's path against the registry and the
// scenario; the string says what is wrong.
func findTarget(s *Scenario, path string) (target, string) {
	if len(path) > 100 {
		return target{}, "is not a field of this scenario"
	}
	head, key, ok := strings.Cut(path, ".")
	if !ok {
		return target{}, fmt.Sprintf("%q is not a field of this scenario", path)
	}
	switch head {
	case "workload":
		for _, f := range WorkloadFields {
			if f.Key == key && key != "horizon_months" && key != "site_power_mw" && key != "sizing_basis" {
				neutral := key == "requests_per_day" || key == "monthly_growth" || key == "peak_to_average"
				t := target{path: path, label: f.Label, field: f.Field, option: -1, neutral: neutral, demand: true,
					set: func(c *Scenario, v decimal.Decimal) { *f.Get(&c.Workload) = NumOf(v) }}
				switch key {
				case "requests_per_day":
					t.patch = func(p *plan, v decimal.Decimal) { p.workload.rpd = v }
				case "monthly_growth":
					t.patch = func(p *plan, v decimal.Decimal) { p.workload.growth = v }
				}
				return t, ""
			}
		}
	case "revenue":
		if s.Revenue == nil {
			return target{}, "the scenario has no revenue prices"
		}
		for _, f := range RevenueFields {
			if f.Key == key {
				return target{path: path, label: f.Label, field: f.Field, option: -1, neutral: true, demand: true,
					set: func(c *Scenario, v decimal.Decimal) { *f.Get(c.Revenue) = NumOf(v) }}, ""
			}
		}
	case "model":
		for _, f := range ModelFields {
			if f.Key == key {
				return target{path: path, label: f.Label, field: f.Field, option: -1,
					set: func(c *Scenario, v decimal.Decimal) { *f.Get(&c.Model) = NumOf(v) }}, ""
			}
		}
	default:
		idx, ok := strings.CutPrefix(head, "options[")
		if !ok {
			break
		}
		idx, ok = strings.CutSuffix(idx, "]")
		i, err := strconv.Atoi(idx)
		if !ok || err != nil || len(idx) > 2 || i < 0 || i >= len(s.Options) {
			return target{}, fmt.Sprintf("%q names no option of this scenario", head)
		}
		o := &s.Options[i]
		if key == ThroughputKey {
			if !o.Kind.SelfHosted() {
				return target{}, "an API option has no throughput"
			}
			f := Field{Key: ThroughputKey, Label: "Throughput", Unit: "× the estimate", Min: zero, MinExclusive: true, Max: throughputMax}
			return target{path: path, label: o.Label + ": throughput", field: f, option: i, neutral: true, throughput: true}, ""
		}
		if akey, ok := strings.CutPrefix(key, "accelerator."); ok {
			if o.Accelerator == nil {
				return target{}, "the option has no accelerator"
			}
			for _, f := range AcceleratorFields {
				if f.Key == akey {
					return target{path: path, label: o.Label + ": " + f.Label, field: f.Field, option: i,
						set: func(c *Scenario, v decimal.Decimal) { *f.Get(c.Options[i].Accelerator) = NumOf(v) }}, ""
				}
			}
			break
		}
		for _, f := range OptionFields {
			if f.Key == key {
				if !f.AppliesTo(o.Kind) {
					return target{}, fmt.Sprintf("%s does not apply to a %s option", f.Label, o.Kind)
				}
				if f.Unit == optionNumber { // a hybrid's layer (hybrid.go)
					return target{}, fmt.Sprintf("%s names an option: it has no range", f.Label)
				}
				t := target{path: path, label: o.Label + ": " + f.Label, field: f.Field, option: i, neutral: f.CostOnly,
					set: func(c *Scenario, v decimal.Decimal) { *f.Get(&c.Options[i]) = NumOf(v) }}
				switch {
				case key == "price_output_per_m" && o.Kind == API:
					t.patch = func(p *plan, v decimal.Decimal) { p.options[i].price.out = div(v, million) }
				case key == "hourly_rate" && o.Kind == Cloud && len(o.Commitments) == 0:
					// The committed rate, unless given, is the hourly
					// rate (commitment tiers' too: none here).
					follows := !o.CommitHourlyRate.Set()
					t.patch = func(p *plan, v decimal.Decimal) {
						p.options[i].hourly = v
						if follows {
							p.options[i].commitRate = v
						}
					}
				}
				return t, ""
			}
		}
	}
	return target{}, fmt.Sprintf("%q is not a numeric input of this scenario", path)
}

// draw is one range ready to sample.
type draw struct {
	target
	lo, mode, hi decimal.Decimal
	def          bool
	shape        Shape
	// A log-normal range's σ of ln x below and above its median (mode).
	sigBelow, sigAbove decimal.Decimal
	// group is, for an option's throughput, its estimate group
	// (estimateGroups; the index of the group's first option), -1 for
	// any other input: the options of one group share one uniform a draw.
	group int
}

// checkUncertainty validates the scenario's uncertainty: each error names
// its path (uncertainty.samples, uncertainty.ranges[k].low, ...).
func checkUncertainty(s *Scenario) (seed int64, samples int, draws []draw, errs Errors) {
	u := s.Uncertainty
	if u == nil {
		u = &Uncertainty{}
	}
	seed, samples = DefaultSeed, DefaultSamples
	whole := func(path string, n Num, min, max int64) (int64, bool) {
		switch {
		case n.Bad() != "":
			errs.add(path, NumProblem(n))
		case !n.Set():
			return 0, false
		case !n.Dec().Equal(n.Dec().Truncate(0)):
			errs.add(path, "must be a whole number")
		case n.Dec().Cmp(decimal.NewFromInt(min)) < 0 || n.Dec().Cmp(decimal.NewFromInt(max)) > 0:
			errs.add(path, fmt.Sprintf("must be from %d to %d", min, max))
		default:
			return n.Dec().IntPart(), true
		}
		return 0, false
	}
	if v, ok := whole("uncertainty.seed", u.Seed, 0, maxSeed); ok {
		seed = v
	}
	if v, ok := whole("uncertainty.samples", u.Samples, 1, MaxSamples); ok {
		samples = int(v)
	}
	if len(u.Ranges) > MaxRanges {
		errs.add("uncertainty.ranges", fmt.Sprintf("at most %d ranges (got %d)", MaxRanges, len(u.Ranges)))
		return
	}
	seen := map[string]bool{}
	for k, r := range u.Ranges {
		base := "uncertainty.ranges[" + strconv.Itoa(k) + "]"
		t, msg := findTarget(s, r.Path)
		if msg != "" {
			errs.add(base+".path", msg)
			continue
		}
		if seen[r.Path] {
			errs.add(base+".path", fmt.Sprintf("%s has two ranges", r.Path))
			continue
		}
		seen[r.Path] = true
		if r.Shape != "" && r.Shape != Triangular && r.Shape != Lognormal {
			errs.add(base+".shape", fmt.Sprintf("unknown shape %q (triangular or lognormal)", truncate(string(r.Shape), 20)))
			continue
		}
		d := draw{target: t, shape: Triangular}
		if r.Shape == Lognormal {
			d.shape = Lognormal
		}
		bad := false
		for _, side := range []struct {
			name string
			n    Num
			v    *decimal.Decimal
		}{{"low", r.Low, &d.lo}, {"mode", r.Mode, &d.mode}, {"high", r.High, &d.hi}} {
			if !side.n.Set() && side.n.Bad() == "" {
				errs.add(base+"."+side.name, "is empty")
				bad = true
				continue
			}
			if msg := checkRange(t.field, side.n); msg != "" {
				errs.add(base+"."+side.name, msg)
				bad = true
				continue
			}
			*side.v = side.n.Dec()
		}
		if bad {
			continue
		}
		switch {
		case d.lo.Cmp(d.hi) > 0:
			errs.add(base+".low", fmt.Sprintf("low (%s) is above high (%s)", d.lo, d.hi))
		case d.mode.Cmp(d.lo) < 0 || d.mode.Cmp(d.hi) > 0:
			errs.add(base+".mode", fmt.Sprintf("the most likely value (%s) must lie from low (%s) to high (%s)", d.mode, d.lo, d.hi))
		case d.shape == Lognormal && d.lo.Sign() <= 0:
			errs.add(base+".low", fmt.Sprintf("a log-normal range needs low above 0 (got %s)", d.lo))
		case d.shape == Lognormal && d.lo.Cmp(d.hi) < 0 && (d.mode.Equal(d.lo) || d.mode.Equal(d.hi)):
			errs.add(base+".mode", fmt.Sprintf("a log-normal range's median (%s) must lie strictly between low (%s) and high (%s)", d.mode, d.lo, d.hi))
		default:
			if d.shape == Lognormal && d.lo.Cmp(d.hi) < 0 {
				_, d.sigBelow, d.sigAbove = lognormalSigmas(d.lo, d.mode, d.hi)
			}
			draws = append(draws, d)
		}
	}
	return
}

// Simulate draws the scenario's uncertain inputs samples times and
// evaluates every option at each draw. Draws are reproducible: the same
// scenario (seed included) gives the same result natively and in wasm
// (docs/methodology.md, Uncertainty). pace runs between draws.
func Simulate(s *Scenario, pace Pace) (*Simulation, error) {
	sm, err := newSimulator(s, pace)
	if err != nil {
		return nil, err
	}
	samples, base := sm.samples, sm.base
	n := len(base.Options)
	rank := make([]int, n) // position in the point ranking, for ties (last: unable to serve there)
	for i := range rank {
		rank[i] = n
	}
	for pos, i := range base.Comparison.Ranking {
		rank[i] = pos
	}
	total := make([]drawFigures, n)
	perM := make([]drawFigures, n)
	stranded := make([]drawFigures, n)
	margin := make([]drawFigures, n)
	npv := make([]drawFigures, n)
	npc := make([]drawFigures, n)
	regret := make([]drawFigures, n)
	months := base.Horizon
	monthly := make([][]int64, n*months) // cents, [option*months+month][draw]
	for k := range monthly {
		monthly[k] = make([]int64, 0, samples)
	}
	wins := make([]int, n)
	cannot := make([]int, n)
	var c, r big.Int // scratch for the cents
	for k := 0; k < samples; k++ {
		if pace.stop() {
			return nil, ErrStopped
		}
		res, err := sm.within(k, pace)
		if err != nil {
			return nil, err
		}
		// An option that cannot serve in this draw wins none of it and has
		// no cost in it (cannot[i]).
		best := -1
		for i := range res.Options {
			o := &res.Options[i]
			if o.Infeasible != "" {
				continue
			}
			if best < 0 {
				best = i
				continue
			}
			cmp, b := o.TotalCost.Cmp(res.Options[best].TotalCost), rank[i] < rank[best]
			if cmp < 0 || cmp == 0 && b {
				best = i
			}
		}
		wins[best]++
		for i := range res.Options {
			o := &res.Options[i]
			if o.Infeasible != "" {
				cannot[i]++
				continue
			}
			total[i].add(o.TotalCost)
			perM[i].add(o.CostPerMTokens)
			stranded[i].add(o.StrandedTotal)
			regret[i].add(diff(o.TotalCost, res.Options[best].TotalCost))
			if o.TotalMargin != nil {
				margin[i].add(*o.TotalMargin)
			}
			if o.NPV != nil {
				npv[i].add(*o.NPV)
			} else {
				npc[i].add(o.NetPresentCost)
			}
			for m := range o.Months {
				monthly[i*months+m] = append(monthly[i*months+m], centsIn(o.Months[m].Cost, &c, &r))
			}
			freeMonths(o.Months) // read: the next draw may reuse its rows
		}
	}
	shares := winShares(wins, samples)
	sim := &Simulation{Seed: sm.seed, Samples: samples, Ranges: sm.used, Redrawn: sm.redrawn, Rejections: sm.rejections}
	// The spreads are made one figure at a time, the pace between them:
	// sorting a thousand draws of every figure of every option at once
	// held the page for about 100 ms under wasm.
	stopped := false
	spreadOf := func(f *drawFigures) Spread {
		stopped = stopped || pace.stop()
		return spread(f.decimals())
	}
	for i := range base.Options {
		os := OptionSpread{Label: base.Options[i].Label, TotalCost: spreadOf(&total[i]), CostPerMTokens: spreadOf(&perM[i]),
			Stranded: spreadOf(&stranded[i]), Regret: spreadOf(&regret[i]), Wins: wins[i], WinShare: shares[i], CannotServe: cannot[i]}
		if n := len(margin[i].at); n == samples-cannot[i] && n > 0 {
			os.Margin = ptr(spreadOf(&margin[i]))
		}
		if n := len(npv[i].at); n == samples-cannot[i] && n > 0 {
			os.NPV = ptr(spreadOf(&npv[i]))
		}
		if n := len(npc[i].at); n == samples-cannot[i] && n > 0 {
			os.NetPresentCost = ptr(spreadOf(&npc[i]))
		}
		for m := 0; m < months && cannot[i] < samples; m++ { // none when it never serves
			// Paced month by month: an option's months sorted in one go
			// held the page for 10–25 ms under wasm.
			if pace.stop() {
				return nil, ErrStopped
			}
			os.Monthly = append(os.Monthly, centSpread(monthly[i*months+m]))
		}
		if stopped || pace.stop() {
			return nil, ErrStopped
		}
		sim.Options = append(sim.Options, os)
	}
	return sim, nil
}

// drawFigures holds one figure of every draw as the words of its coefficient,
// one after another, its exponent and its sign, in slices without
// pointers: the collector, which runs many times in a simulation, has a
// few slices to look at, not a heap object for each figure of each draw.
type drawFigures struct {
	words []big.Word
	at    []figureAt
}

type figureAt struct {
	off, n, exp int32
	neg         bool
}

func (f *drawFigures) add(v decimal.Decimal) {
	c := coef(v)
	w := c.Bits()
	f.at = append(f.at, figureAt{off: int32(len(f.words)), n: int32(len(w)), exp: v.Exponent(), neg: c.Sign() < 0})
	f.words = append(f.words, w...)
}

// decimals is the figures as decimals, in the order added.
func (f *drawFigures) decimals() []decimal.Decimal {
	out := make([]decimal.Decimal, len(f.at))
	for k, a := range f.at {
		z := new(big.Int).SetBits(slices.Clone(f.words[a.off : a.off+a.n]))
		if a.neg {
			z.Neg(z)
		}
		out[k] = decimal.NewFromBigInt(z, a.exp)
	}
	return out
}

// simulator is a simulation under way: the checked scenario, its point
// evaluation, the ranges to draw and what every draw shares.
type simulator struct {
	s          *Scenario
	seed       int64
	samples    int
	draws      []draw
	used       []UsedRange
	bp         *plan
	base       *Result
	shared     reuse  // demand when it does not move; the discount factors
	fixed      []bool // option i's candidate replicas do not move
	fieldMoves bool   // a scenario field moves (not only throughput)
	patched    bool   // every field that moves has a patch: no Check a draw
	// grows is false when no draw's growth can take demand past the
	// engine's limit (growthBounded): the draws skip that check.
	grows         bool
	discountMoves bool
	r             *rng
	values        []decimal.Decimal
	redrawn       int         // draws refused by a check and drawn again
	rejections    []Rejection // why, by the input the check named
	// each estimate group's uniform in the draw under way (uniformOf)
	groupU     []decimal.Decimal
	groupDrawn []bool
	// What a draw's plan is made in, made again each draw (next): the
	// plan, its options, the reuse and each option's scaled throughputs
	// and multiplier. Nothing of a draw's result refers to them.
	buffers drawBuffers
}

// drawBuffers is the memory each draw's plan is made in (simulator.next).
type drawBuffers struct {
	p        plan
	options  []optionPlan
	ru       reuse
	scaled   [][]Throughput // each option's own, appended to
	byOption [][]Throughput
	mult     []decimal.Decimal
	rows     []capMonth // the candidates' capacity rows (plan.capRows)
	months   []demand   // the demand months (plan.demandRows)
}

// uniformOf is the uniform draw d samples its range at: a fresh one, or,
// for an option's throughput, the one its estimate group drew first in
// this draw, so that options sharing an estimate move together (each at
// the same quantile of its own range; with the same range, the same
// multiplier).
func (sm *simulator) uniformOf(d *draw) decimal.Decimal {
	if d.group < 0 {
		return sm.r.uniform()
	}
	if !sm.groupDrawn[d.group] {
		sm.groupU[d.group], sm.groupDrawn[d.group] = sm.r.uniform(), true
	}
	return sm.groupU[d.group]
}

// pace runs between the set-up's steps (the check, the point evaluation):
// the first run after the page opens does them in code not yet compiled
// by the browser's fast tier.
func newSimulator(s *Scenario, pace Pace) (*simulator, error) {
	seed, samples, draws, errs := checkUncertainty(s)
	if errs != nil {
		return nil, errs
	}
	bp, cerrs := Check(s)
	if cerrs != nil {
		return nil, cerrs
	}
	if pace.stop() {
		return nil, ErrStopped
	}
	base, err := bp.evaluate()
	if err != nil {
		return nil, err
	}
	if n := len(base.Options) * base.Horizon; samples*n > MaxDrawMonths {
		return nil, Errors{{Path: "uncertainty.samples", Msg: fmt.Sprintf("%s draws of %d options over %d months is more than a run may hold: at most %s draws here (draws × options × months at most %s)",
			countOf(samples), len(base.Options), base.Horizon, countOf(MaxDrawMonths/n), countOf(MaxDrawMonths))}}
	}
	if pace.stop() {
		return nil, ErrStopped
	}
	// The default throughput ranges: each estimated option's validation
	// band, unless a range gives its throughput.
	for i := range base.Options {
		o := &base.Options[i]
		if o.Throughput == nil || o.Accuracy == nil {
			continue
		}
		path := OptionPath(i, ThroughputKey)
		if slices.ContainsFunc(draws, func(d draw) bool { return d.path == path }) {
			continue
		}
		t, _ := findTarget(s, path)
		a := o.Accuracy
		draws = append(draws, draw{target: t, lo: a.Low, mode: a.Median, hi: a.High, def: true, shape: Triangular})
	}
	// Drawn in the order of their paths, whatever the order they were
	// listed in, so that a page that keeps them otherwise draws the same.
	draws = permute(draws, stableOrder(len(draws), func(a, b int) int { return strings.Compare(draws[a].path, draws[b].path) }))
	sm := &simulator{s: s, seed: seed, samples: samples, draws: draws, bp: bp, base: base,
		r: newRNG(uint64(seed)), values: make([]decimal.Decimal, len(draws))}
	// The options of one estimate group share their throughput's uniform:
	// one estimate, one error (docs/methodology.md).
	groups := estimateGroups(bp)
	sm.groupU, sm.groupDrawn = make([]decimal.Decimal, len(groups)), make([]bool, len(groups))
	for j := range sm.draws {
		sm.draws[j].group = -1
		if d := &sm.draws[j]; d.throughput {
			d.group = groups[d.option]
		}
	}
	demandMoves, modelMoves := false, false
	sm.patched = true
	for _, d := range draws {
		sm.patched = sm.patched && (d.throughput || d.patch != nil)
		sm.fieldMoves = sm.fieldMoves || !d.throughput
		sm.used = append(sm.used, UsedRange{Path: d.path, Label: d.label, Shape: d.shape, Low: d.lo, Mode: d.mode, High: d.hi, Default: d.def})
		demandMoves = demandMoves || d.demand
		modelMoves = modelMoves || (d.option < 0 && !d.neutral)
		sm.discountMoves = sm.discountMoves || d.path == "workload.discount_rate"
	}
	sm.grows = !sm.growthBounded()
	for j := range sm.draws {
		if g := sm.draws[j].group; g >= 0 {
			if k := slices.IndexFunc(sm.draws[:j], func(e draw) bool { return e.group == g }); k >= 0 {
				sm.used[j].DrawnWith = sm.draws[k].path
			}
		}
	}
	// What a draw leaves unchanged: the demand months, unless a workload
	// or revenue input moves; each option's candidate replicas, unless an
	// input their throughput depends on moves; the discount factors,
	// unless the discount rate moves.
	sm.shared = reuse{lean: true, draw: true, discount: bp.discount, discountCoef: coefficients(bp.discount)}
	if !demandMoves {
		sm.shared.months = bp.demand()
		sm.shared.tot = sumDemand(sm.shared.months)
	}
	sm.fixed = make([]bool, len(base.Options))
	for i := range sm.fixed {
		sm.fixed[i] = !modelMoves && !slices.ContainsFunc(draws, func(d draw) bool { return d.option == i && !d.neutral })
	}
	return sm, nil
}

// next makes draw k (from 0; draws are made in order): it draws each range,
// checks the drawn scenario and evaluates it, leanly: a draw's result has
// every figure Simulate reads (each option's totals, stranded cost,
// margin, NPV or net present cost and monthly cost) exactly as a full
// evaluation of the same plan gives them, and not the rest. It returns the
// plan and each option's throughput multiplier (zero: none) as drawn,
// both made in the simulator's buffers: the next draw reuses them.
func (sm *simulator) next(k int) (*plan, []decimal.Decimal, *Result, error) {
	var c Scenario
	if sm.fieldMoves && !sm.patched {
		c = sm.s.Clone()
	}
	n := len(sm.base.Options)
	buf := &sm.buffers
	if buf.mult == nil {
		buf.mult, buf.scaled, buf.byOption = make([]decimal.Decimal, n), make([][]Throughput, n), make([][]Throughput, n)
	}
	mult := buf.mult
	clear(mult)
	clear(sm.groupDrawn)
	for j, d := range sm.draws {
		v := d.lo // a range of one value takes no draw
		if !d.lo.Equal(d.hi) {
			v = d.sample(sm.uniformOf(&d))
		}
		if d.field.Integer {
			v = v.Round(0)
		}
		sm.values[j] = v
		switch {
		case d.throughput:
			mult[d.option] = v
		case !sm.patched:
			d.set(&c, v)
		}
	}
	var p *plan
	if sm.fieldMoves && !sm.patched {
		var cerrs Errors
		if p, cerrs = Check(&c); cerrs != nil {
			return nil, nil, nil, drawError(k, sm.draws, sm.values, cerrs)
		}
	} else {
		// Only throughput or patched fields move: the checked plan, with
		// the drawn values put in (evaluate only reads the rest).
		buf.p = *sm.bp
		p = &buf.p
		if sm.fieldMoves {
			buf.options = append(buf.options[:0], sm.bp.options...)
			p.options = buf.options
			for j, d := range sm.draws {
				if d.patch != nil {
					d.patch(p, sm.values[j])
				}
			}
			if sm.grows {
				if msg := p.workload.growthProblem(); msg != "" {
					return nil, nil, nil, drawError(k, sm.draws, sm.values, Errors{{"workload.monthly_growth", msg}})
				}
			}
		}
	}
	buf.ru = sm.shared
	ru := &buf.ru
	if sm.discountMoves {
		ru.discount = discountFactors(p.workload.discountRate, p.workload.horizon)
		ru.discountCoef = coefficients(ru.discount)
	}
	ru.byOption = buf.byOption
	clear(ru.byOption)
	for i := range p.options {
		o := &p.options[i]
		if !o.kind.SelfHosted() {
			continue
		}
		cands := sm.base.Options[i].candidates
		if !sm.fixed[i] {
			var fe *FieldError
			if cands, fe = throughputs(p.workload, p.model, o); fe != nil {
				continue // it cannot serve in this draw (evaluate says why)
			}
		}
		if m := mult[i]; unscaled(m) {
			ru.byOption[i] = cands // as they are: never appended to
		} else {
			buf.scaled[i] = scaleThroughputs(buf.scaled[i][:0], cands, m)
			ru.byOption[i] = buf.scaled[i]
		}
	}
	ru.rows, ru.drawMonths = buf.rows[:0], buf.months
	p.reuse = ru
	res, err := p.evaluate()
	buf.rows, buf.months = ru.rows[:0], ru.drawMonths // grown, perhaps, for the next draw
	if err != nil {
		return nil, nil, nil, drawError(k, sm.draws, sm.values, err)
	}
	return p, mult, res, nil
}

// growthBounded reports that no draw's growth takes demand past the
// engine's limit: the checked plan with requests a day and monthly growth
// at the highest values a draw can give them passes growthProblem. Each
// month's requests a day, round(last × (1 + growth), Prec), never falls
// when last or growth rises (a product of positive numbers, then a
// rounding, both non-decreasing), so a draw at or below those values stays
// at or below that plan's demand every month; a draw of zero or negative
// growth is never checked. A drawn value is within its range's bounds,
// rounded to a whole number for a whole-number field (hence the ceiling).
func (sm *simulator) growthBounded() bool {
	w := sm.bp.workload
	for _, d := range sm.draws {
		if d.patch == nil || d.option >= 0 {
			continue
		}
		hi := d.hi
		if d.field.Integer {
			hi = hi.Ceil()
		}
		switch d.path {
		case "workload.requests_per_day":
			w.rpd = maxDec(w.rpd, hi)
		case "workload.monthly_growth":
			w.growth = maxDec(w.growth, hi)
		}
	}
	return w.growthProblem() == ""
}

func drawError(k int, draws []draw, values []decimal.Decimal, err error) error {
	var at []string
	for j, d := range draws {
		at = append(at, d.path+" = "+values[j].String())
	}
	e := &drawFailed{msg: fmt.Sprintf("draw %d (%s): %s", k+1, strings.Join(at, ", "), firstError(err))}
	if errs, ok := err.(Errors); ok && len(errs) > 0 {
		e.check = errs[0]
	}
	return e
}

// drawFailed is a draw that next could not evaluate: check is the first
// problem a check found in the drawn scenario (empty Path: the error was
// not a check's).
type drawFailed struct {
	msg   string
	check FieldError
}

func (e *drawFailed) Error() string { return e.msg }

// growthPastLimit is how growthProblem's message begins; a rejection names
// it without the month, which differs from draw to draw.
const growthPastLimit = "grows demand past 10^15 requests a day"

// within makes draw k (from 0) within the model's limits: a draw whose
// scenario fails a check (next's drawFailed with a check) is counted,
// with its reason, and the whole draw is made again from the next random
// numbers, so the draws kept are the ranges' distribution truncated to the
// scenario's limits, reproducibly for the seed. More redrawn draws than
// the samples asked for stop the run, naming the inputs and the limits
// (tooManyRedrawn). pace runs before each redraw.
func (sm *simulator) within(k int, pace Pace) (*Result, error) {
	for {
		_, _, res, err := sm.next(k)
		var df *drawFailed
		if err == nil || !errors.As(err, &df) || df.check.Path == "" {
			return res, err
		}
		reason := df.check.Msg
		if df.check.Path == "workload.monthly_growth" && strings.HasPrefix(reason, growthPastLimit) {
			reason = growthPastLimit + " within the horizon"
		}
		sm.redrawn++
		j := slices.IndexFunc(sm.rejections, func(r Rejection) bool { return r.Path == df.check.Path && r.Reason == reason })
		if j < 0 {
			label := df.check.Path
			if t, msg := findTarget(sm.s, df.check.Path); msg == "" {
				label = t.label
			}
			sm.rejections = append(sm.rejections, Rejection{Path: df.check.Path, Label: label, Reason: reason})
			j = len(sm.rejections) - 1
		}
		sm.rejections[j].Draws++
		if sm.redrawn > sm.samples {
			return nil, sm.tooManyRedrawn(k)
		}
		if pace.stop() {
			return nil, ErrStopped
		}
	}
}

// tooManyRedrawn is the error that stops a run whose draws fall outside
// the model's limits more often than the samples asked for (while making
// draw k): at the range on the input refused most often (its high end for
// growth past the demand limit), or at the ranges when no range is on it.
func (sm *simulator) tooManyRedrawn(k int) error {
	made := k + sm.redrawn // k draws kept, then the redrawn ones
	order := slices.Clone(sm.rejections)
	slices.SortStableFunc(order, func(a, b Rejection) int { return b.Draws - a.Draws })
	var parts []string
	for _, r := range order {
		parts = append(parts, fmt.Sprintf("%s (%s) %s in %s of them", r.Label, r.Path, r.Reason, countOf(r.Draws)))
	}
	top := order[0]
	advice := "narrow the ranges that take the scenario there"
	path := "uncertainty.ranges"
	if top.Path == "workload.monthly_growth" && strings.HasPrefix(top.Reason, growthPastLimit) {
		advice = "narrow the high end of the growth range (or of requests a day) or shorten the horizon"
	}
	if u := sm.s.Uncertainty; u != nil {
		if i := slices.IndexFunc(u.Ranges, func(r Range) bool { return r.Path == top.Path }); i >= 0 {
			path = "uncertainty.ranges[" + strconv.Itoa(i) + "]"
			if top.Path == "workload.monthly_growth" && strings.HasPrefix(top.Reason, growthPastLimit) {
				path += ".high"
			}
		}
	}
	return Errors{{path, fmt.Sprintf("%s of %s draws fall outside the model's limits, more than the %s draws asked for: %s; %s",
		countOf(sm.redrawn), countOf(made), countOf(sm.samples), strings.Join(parts, "; "), advice)}}
}

// RedrawnText says how many draws were drawn again and why, as the page
// and the CLI show it ("" when none was).
func RedrawnText(sim *Simulation) string {
	if sim.Redrawn == 0 {
		return ""
	}
	var parts []string
	for _, r := range sim.Rejections {
		parts = append(parts, fmt.Sprintf("%s (%s) %s in %s", r.Label, r.Path, r.Reason, countOf(r.Draws)))
	}
	return fmt.Sprintf("%s draws fell outside the model's limits and were drawn again, so the spread is of the %s draws within them: %s.",
		countOf(sim.Redrawn), countOf(sim.Samples), strings.Join(parts, "; "))
}

func countOf(n int) string { return Count(decimal.NewFromInt(int64(n)), 0) }

// scaleThroughputs multiplies each candidate's throughput by m (zero: 1):
// its prefill and decode rates by m, the accelerator-seconds a request
// needs by 1/m. The scaled candidates are appended to dst (its memory
// reused); with no multiplier (unscaled), cands is returned as it is.
func scaleThroughputs(dst, cands []Throughput, m decimal.Decimal) []Throughput {
	if unscaled(m) {
		return cands
	}
	for _, t := range cands {
		t.PrefillTokensPerS = mul(t.PrefillTokensPerS, m)
		t.DecodeTokensPerS = mul(t.DecodeTokensPerS, m)
		t.AcceleratorSecondsPerRequest = div(t.AcceleratorSecondsPerRequest, m)
		dst = append(dst, t)
	}
	return dst
}

// unscaled reports a throughput multiplier that changes nothing: none
// drawn (zero) or exactly 1.
func unscaled(m decimal.Decimal) bool { return m.IsZero() || m.Equal(one) }

// sample is the inverse of the range's CDF at u (0 < u < 1), rounded to
// drawPlaces; a log-normal range's is sampleLognormal, a triangular
// range's is, kept within [low, high]:
//
//	x = low + √(u (high − low)(mode − low))         when u < (mode − low)/(high − low)
//	x = high − √((1 − u)(high − low)(high − mode))  otherwise
func (d draw) sample(u decimal.Decimal) decimal.Decimal {
	if d.shape == Lognormal {
		return d.sampleLognormal(u)
	}
	width := d.hi.Sub(d.lo)
	if width.Sign() == 0 {
		return d.lo
	}
	var x decimal.Decimal
	if uw, below := mul(u, width), diff(d.mode, d.lo); uw.Cmp(below) < 0 {
		x = sum(d.lo, sqrtDec(mul(uw, below)))
	} else {
		x = diff(d.hi, sqrtDec(mul(mul(diff(one, u), width), diff(d.hi, d.mode))))
	}
	x = roundTo(x, drawPlaces)
	if x.Cmp(d.lo) < 0 {
		x = d.lo
	}
	if x.Cmp(d.hi) > 0 {
		x = d.hi
	}
	return x
}

// sqrtDec is √v to Prec places by Newton's iteration from above,
// x ← (x + v/x)/2, which falls monotonically to √v: it stops when a step
// no longer falls (at most 200 steps; from the starting power of ten,
// about 7 + log2(digits) are needed). Each step keeps Prec + 4 places:
// v/x rounded half away from zero (quo), then the half of the sum rounded
// likewise. The steps run on integers counting 10^−(Prec+4), in place
// (sqrtSteps, in decimals, when v is beyond the table of powers): with x
// = X × 10^−p and v = V × 10^e, v/x at p places is V × 10^(e+2p) / X
// rounded, and (X + Q)/2 rounded half up is ⌊(X + Q + 1)/2⌋. The same
// digits either way (TestSqrtDec).
func sqrtDec(v decimal.Decimal) decimal.Decimal {
	if v.Sign() <= 0 {
		return zero
	}
	digits := v.NumDigits() + int(v.Exponent()) // v < 10^digits
	e := digits / 2
	if digits > 0 {
		e = (digits + 1) / 2
	}
	const p = Prec + 4
	k := int(v.Exponent()) + 2*p
	if e+p < 0 || e+p >= len(pow10) || k >= len(pow10) || -k >= len(pow10) {
		return sqrtSteps(v, e)
	}
	var x, num, den, q, r big.Int
	x.Set(pow10[e+p]) // 10^e ≥ √v
	if k >= 0 {
		num.Mul(coef(v), pow10[k])
	} else {
		num.Set(coef(v))
	}
	for i := 0; i < 200; i++ {
		d := &x
		if k < 0 {
			d = den.Mul(&x, pow10[-k])
		}
		q.QuoRem(&num, d, &r)
		if r.Lsh(&r, 1).Cmp(d) >= 0 {
			q.Add(&q, oneInt)
		}
		q.Add(&q, &x)
		q.Add(&q, oneInt)
		q.Rsh(&q, 1) // the next x
		if q.Cmp(&x) >= 0 {
			break
		}
		x.Set(&q)
	}
	return roundTo(wrap(&x, -p), Prec)
}

// sqrtSteps is sqrtDec's iteration in decimals, from 10^e.
func sqrtSteps(v decimal.Decimal, e int) decimal.Decimal {
	x := decimal.New(1, int32(e)) // ≥ √v
	half := decimal.New(5, -1)
	for i := 0; i < 200; i++ {
		nx := x.Add(v.DivRound(x, Prec+4)).Mul(half).Round(Prec + 4)
		if nx.Cmp(x) >= 0 {
			break
		}
		x = nx
	}
	return x.Round(Prec)
}

// rng is SplitMix64 (Steele, Lea and Flood, 2014): integer arithmetic
// only, so the same seed gives the same sequence on every platform.
type rng struct{ s uint64 }

func newRNG(seed uint64) *rng { return &rng{s: seed} }

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

const uniformSteps = 1_000_000_000_000_000 // 10^15

// uniform is (k + ½) / 10^15 for k uniform on 0 … 10^15 − 1, drawn without
// bias (a 64-bit draw at or above the largest multiple of 10^15 is drawn
// again), as an exact decimal strictly between 0 and 1.
func (r *rng) uniform() decimal.Decimal {
	const limit = (1<<64 - 1) / uniformSteps * uniformSteps // largest multiple ≤ 2^64 − 1
	for {
		n := r.next()
		if n < limit {
			return decimal.New(int64(n%uniformSteps)*10+5, -16)
		}
	}
}

// nearestRank is the nearest-rank q-th percentile of sorted values: the
// value of rank ⌈q × N / 100⌉.
func nearestRank(sorted []decimal.Decimal, q int) decimal.Decimal {
	n := len(sorted)
	k := (q*n + 99) / 100
	if k < 1 {
		k = 1
	}
	return sorted[k-1]
}

func spread(v []decimal.Decimal) Spread {
	if len(v) == 0 {
		return Spread{}
	}
	s := slices.Clone(v)
	sort.Sort(decimals(s))
	return Spread{P10: nearestRank(s, 10), P50: nearestRank(s, 50), P90: nearestRank(s, 90)}
}

// cents is a month's cost to the cent (rounded half away from zero: the
// coefficient of the value rounded to 2 places), saturating at the int64
// range (±$92 quadrillion), so the fan's draws take 8 bytes each.
func cents(v decimal.Decimal) int64 {
	var c big.Int
	return centsIn(v, &c, new(big.Int))
}

// centsIn is cents(v) computed in the scratch integers c and r.
func centsIn(v decimal.Decimal, c, r *big.Int) int64 {
	if k := int(-2 - v.Exponent()); k > 0 && k < len(pow10) {
		c.Set(coef(v))
		dropDigits(c, k, r) // as roundedCoefficient
	} else {
		c.Set(coef(v.Round(2)))
	}
	if !c.IsInt64() {
		if c.Sign() > 0 {
			return math.MaxInt64
		}
		return math.MinInt64
	}
	return c.Int64()
}

func centSpread(v []int64) Spread {
	if len(v) == 0 {
		return Spread{}
	}
	// The nearest ranks (nearestRank), from the highest down: the values
	// below rank k90 are the k90 smallest, so the lower ranks are among them.
	s := slices.Clone(v)
	rank := func(q int) int { return max((q*len(s)+99)/100, 1) - 1 }
	k10, k50, k90 := rank(10), rank(50), rank(90)
	selectInt64s(s, k90)
	selectInt64s(s[:k90+1], k50)
	selectInt64s(s[:k50+1], k10)
	at := func(k int) decimal.Decimal { return decimal.New(s[k], -2) }
	return Spread{P10: at(k10), P50: at(k50), P90: at(k90)}
}

// winShares is each count over total, rounded down to 6 places, then the
// millionths left over given one each to the largest remainders (ties to
// the first option), so that the shares sum to exactly 1.
func winShares(wins []int, total int) []decimal.Decimal {
	const scale = 1_000_000
	units := make([]int64, len(wins))
	rem := make([]int64, len(wins))
	var sum int64
	for i, w := range wins {
		units[i] = int64(w) * scale / int64(total)
		rem[i] = int64(w) * scale % int64(total)
		sum += units[i]
	}
	order := make([]int, len(wins))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case rem[a] > rem[b]:
			return -1
		case rem[a] < rem[b]:
			return 1
		}
		return 0
	})
	for j := 0; sum < scale; j++ {
		units[order[j%len(order)]]++
		sum++
	}
	out := make([]decimal.Decimal, len(wins))
	for i, u := range units {
		out[i] = decimal.New(u, -6)
	}
	return out
}

func uncertaintyKey(k string) bool { return k == "seed" || k == "samples" || k == "ranges" }
func rangeKey(k string) bool {
	return k == "path" || k == "shape" || k == "low" || k == "mode" || k == "high"
}

// uncertainty reads a scenario file's uncertainty (null is none): seed,
// samples and at most MaxRanges ranges.
func (d *fileDecoder) uncertainty(path string) (*Uncertainty, error) {
	u := &Uncertainty{}
	null, err := d.object(path, uncertaintyKey, func(key, path string) error {
		switch key {
		case "seed":
			return d.num(path, &u.Seed)
		case "samples":
			return d.num(path, &u.Samples)
		}
		t, err := d.next()
		if err != nil || t == nil {
			return err
		}
		if t != json.Delim('[') {
			return FieldError{path, "expected a list of ranges (a JSON array), got " + jsonType(t)}
		}
		for d.dec.More() {
			if len(u.Ranges) == MaxRanges {
				return FieldError{path, fmt.Sprintf("more than %d ranges", MaxRanges)}
			}
			var r Range
			p := path + "[" + strconv.Itoa(len(u.Ranges)) + "]"
			t, err := d.next()
			if err != nil {
				return err
			}
			if t != json.Delim('{') {
				return FieldError{p, "expected a range (a JSON object), got " + jsonType(t)}
			}
			if _, err := d.fields(p, rangeKey, func(key, path string) error {
				switch key {
				case "path":
					return d.textTo(&r.Path, path, 100)
				case "shape":
					var sh string
					err := d.textTo(&sh, path, 20)
					r.Shape = Shape(sh)
					return err
				case "low":
					return d.num(path, &r.Low)
				case "mode":
					return d.num(path, &r.Mode)
				}
				return d.num(path, &r.High)
			}); err != nil {
				return err
			}
			u.Ranges = append(u.Ranges, r)
		}
		_, err = d.next() // ]
		return err
	})
	if null || err != nil {
		return nil, err
	}
	return u, nil
}

// DrawnWithText says, for a range drawn with another's uniform (an
// option's throughput on the same accelerator as an earlier option's),
// which range by its label and path, as the page and the CLI show it (""
// for a range drawn on its own).
func DrawnWithText(sim *Simulation, u UsedRange) string {
	if u.DrawnWith == "" {
		return ""
	}
	label := u.DrawnWith
	for _, v := range sim.Ranges {
		if v.Path == u.DrawnWith {
			label = "“" + v.Label + "” (" + v.Path + ")"
			break
		}
	}
	return "drawn with " + label + ": the same accelerator, one estimate, one error"
}
