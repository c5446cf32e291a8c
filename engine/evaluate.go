package engine

import (
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"sync"

	"github.com/shopspring/decimal"
)

// Calendar conventions (docs/methodology.md).
var (
	HoursPerMonth = decimal.NewFromInt(730)
	DaysPerYear   = decimal.NewFromInt(365)
	SecondsPerDay = decimal.NewFromInt(86_400)
	twelve        = decimal.NewFromInt(12)
	maxSpareInt   = decimal.NewFromInt(1 << 20)
)

// Result is everything the engine computes for a scenario.
type Result struct {
	Name       string         `json:"name"`
	Horizon    int            `json:"horizon_months"`
	Workload   Assumed        `json:"workload"`
	Options    []OptionResult `json:"options"`
	Comparison Comparison     `json:"comparison"`
	// Power is the site budget's capacity and the power each self-hosted
	// option needs (power.go); nil in the sensitivity's evaluations.
	Power *Power `json:"power"`
	// ContextWarning says, when a request (prompt and output) is longer
	// than the catalog model's context window, that no provider can serve
	// it as one request and the figures cost it as if one could; "" when
	// it fits or the model is custom (no limit known).
	ContextWarning string `json:"context_warning,omitempty"`
	// discount is the plan's discount factors (plan.discount), kept for
	// the commitment sizing by net present cost; nil when not computed.
	discount []decimal.Decimal
}

// Assumed is the workload as evaluated: each value as typed, or its
// default. The summary states these assumptions next to the answer.
type Assumed struct {
	RequestsPerDay   decimal.Decimal  `json:"requests_per_day"` // in month 1
	InputTokens      decimal.Decimal  `json:"input_tokens"`
	OutputTokens     decimal.Decimal  `json:"output_tokens"`
	CachedInputShare decimal.Decimal  `json:"cached_input_share"`
	PeakToAverage    decimal.Decimal  `json:"peak_to_average"`
	MonthlyGrowth    decimal.Decimal  `json:"monthly_growth"`
	TPOTSLOms        *decimal.Decimal `json:"tpot_slo_ms"`   // nil when there is no target
	TTFTSLOms        *decimal.Decimal `json:"ttft_slo_ms"`   // nil when there is no target
	DiscountRate     decimal.Decimal  `json:"discount_rate"` // a share a year
	// SitePowerMW is the site's power budget; nil when none is given.
	SitePowerMW *decimal.Decimal `json:"site_power_mw,omitempty"`
	// DailyProfile is the day's shape as given (a preset's name or 24
	// shares), "" for the flat day.
	DailyProfile string `json:"daily_profile,omitempty"`
}

// OptionResult is one option's monthly rows and summary.
type OptionResult struct {
	Label string `json:"label"`
	Kind  Kind   `json:"kind"`
	// Infeasible says in words why the option cannot serve the workload at
	// these inputs (a latency target its hardware cannot meet, a model its
	// replica cannot hold), naming the field and what to change; "" when
	// it can. An option that cannot serve has no throughput, no months and
	// no costs: the ranking, the headline, the break-even volumes, the
	// sensitivity, the power and the simulation leave it out, and the page
	// and the CLI show it as unable to serve.
	Infeasible string `json:"infeasible,omitempty"`
	*Throughput

	Months []Month `json:"months"`

	TotalCost            decimal.Decimal  `json:"total_cost"`
	TotalCashCost        decimal.Decimal  `json:"total_cash_cost"`
	CostPerMTokens       decimal.Decimal  `json:"cost_per_m_tokens"`
	CostPerMInputTokens  *decimal.Decimal `json:"cost_per_m_input_tokens"`
	CostPerMOutputTokens decimal.Decimal  `json:"cost_per_m_output_tokens"`
	CostPer1kRequests    decimal.Decimal  `json:"cost_per_1k_requests"`
	FirstMonthCost       decimal.Decimal  `json:"first_month_cost"`
	LastMonthCost        decimal.Decimal  `json:"last_month_cost"`
	PeakAccelerators     decimal.Decimal  `json:"peak_accelerators"`
	AverageUtilization   *decimal.Decimal `json:"average_utilization"`
	StrandedTotal        decimal.Decimal  `json:"stranded_total"`
	CapexTotal           decimal.Decimal  `json:"capex_total"`
	BookValue            decimal.Decimal  `json:"book_value"`
	TotalRevenue         *decimal.Decimal `json:"total_revenue"`
	TotalMargin          *decimal.Decimal `json:"total_margin"`
	MarginShare          *decimal.Decimal `json:"margin_share"`
	BreakEvenMonth       *int             `json:"break_even_month"`
	// Commitments are a cloud option's commitment tiers, nil without any.
	Commitments []TierResult `json:"commitments,omitempty"`
	// Hybrid is a hybrid option's layers (hybrid.go), nil for other kinds.
	Hybrid *HybridResult `json:"hybrid,omitempty"`

	// Financing says in words how an owned option pays for its hardware
	// ("bought for cash; kept at the horizon"); "" for other kinds.
	Financing     string          `json:"financing"`
	InterestTotal decimal.Decimal `json:"interest_total"` // loan interest, part of the capital category
	ResaleTotal   decimal.Decimal `json:"resale_total"`   // cash from hardware sold, at refresh or at the horizon
	LoanBalance   decimal.Decimal `json:"loan_balance"`   // owed on loans at the horizon

	// The finance view (finance.go), at the scenario's discount rate:
	// the present value of the cash cost; with revenue, the net present
	// value of revenue less cash cost, the first month from which the
	// cumulative discounted cash stays at or above zero, and the annual
	// internal rate of return (nil, and IRRNote says why, when there is
	// none).
	NetPresentCost         decimal.Decimal  `json:"net_present_cost"`
	NPV                    *decimal.Decimal `json:"npv"`
	DiscountedPaybackMonth *int             `json:"discounted_payback_month"`
	IRR                    *decimal.Decimal `json:"irr"`
	IRRNote                string           `json:"irr_note,omitempty"`

	// candidates are the replicas the option was costed with, the chosen
	// one among them, and capacities each one's months; the sensitivity
	// analysis reuses them.
	candidates []Throughput
	capacities [][]capMonth
}

// MarshalJSON writes the throughput fields as null for an API option, so
// that every option has the same fields.
func (o OptionResult) MarshalJSON() ([]byte, error) {
	type fields OptionResult
	if o.Infeasible != "" { // no figures at all: nothing to misread as a cost
		return json.Marshal(struct {
			Label      string `json:"label"`
			Kind       Kind   `json:"kind"`
			Infeasible string `json:"infeasible"`
		}{o.Label, o.Kind, o.Infeasible})
	}
	if o.Throughput != nil {
		return json.Marshal(fields(o))
	}
	return json.Marshal(struct {
		fields
		AcceleratorsPerReplica       *int64           `json:"accelerators_per_replica"`
		BatchSize                    *int64           `json:"batch_size"`
		DecodeStepMs                 *decimal.Decimal `json:"decode_step_ms"`
		PrefillTokensPerS            *decimal.Decimal `json:"prefill_tokens_per_s"`
		DecodeTokensPerS             *decimal.Decimal `json:"decode_tokens_per_s"`
		AcceleratorSecondsPerRequest *decimal.Decimal `json:"accelerator_seconds_per_request"`
	}{fields: fields(o)})
}

// Month is one month of one option.
type Month struct {
	Month             int             `json:"month"`
	RequestsPerDay    decimal.Decimal `json:"requests_per_day"`
	Requests          decimal.Decimal `json:"requests"`
	InputTokens       decimal.Decimal `json:"input_tokens"`
	CachedInputTokens decimal.Decimal `json:"cached_input_tokens"`
	OutputTokens      decimal.Decimal `json:"output_tokens"`
	// Accelerators is the number provisioned this month; for owned
	// options, Fleet is the number held (never less).
	Accelerators     decimal.Decimal `json:"accelerators"`
	Fleet            decimal.Decimal `json:"fleet"`
	BusyAccelerators decimal.Decimal `json:"busy_accelerators"`
	Cost             decimal.Decimal `json:"cost"`
	Breakdown        Breakdown       `json:"breakdown"`
	StrandedCost     decimal.Decimal `json:"stranded_cost"`
	Capex            decimal.Decimal `json:"capex"`
	CashCost         decimal.Decimal `json:"cash_cost"`
	Revenue          decimal.Decimal `json:"revenue"`
	// CumulativeCash is revenue less cash cost, summed from month 1.
	CumulativeCash decimal.Decimal `json:"cumulative_cash"`
	// Resale is cash in from hardware sold this month (owned: at refresh
	// or at the horizon); LoanPayment the principal and interest paid on
	// loans, a balance repaid at a sale included. CashCost counts both.
	Resale      decimal.Decimal `json:"resale"`
	LoanPayment decimal.Decimal `json:"loan_payment"`
	// CumulativeDiscountedCash is the same, each month's cash discounted
	// to month 1's start (finance.go).
	CumulativeDiscountedCash decimal.Decimal `json:"cumulative_discounted_cash"`
}

// Utilization is busy over held accelerators, or nil for an API option.
// It is computed when asked for, not for every month of every evaluation:
// a division is the dearest operation under wasm.
func (m *Month) Utilization() *decimal.Decimal {
	if m.Fleet.Sign() == 0 {
		return nil
	}
	return ptr(div(m.BusyAccelerators, m.Fleet))
}

// Margin is revenue less economic cost (the negative cost without revenue).
func (m *Month) Margin() decimal.Decimal { return m.Revenue.Sub(m.Cost) }

// MarshalJSON adds the derived figures to the month's fields.
func (m Month) MarshalJSON() ([]byte, error) {
	type fields Month
	return json.Marshal(struct {
		fields
		Utilization *decimal.Decimal `json:"utilization"`
		Margin      decimal.Decimal  `json:"margin"`
	}{fields(m), m.Utilization(), m.Margin()})
}

// Breakdown splits a month's economic cost by category; they add up to Cost.
type Breakdown struct {
	OnDemand     decimal.Decimal `json:"on_demand"`
	Committed    decimal.Decimal `json:"committed"`
	Depreciation decimal.Decimal `json:"depreciation"`
	Capital      decimal.Decimal `json:"capital"`
	Energy       decimal.Decimal `json:"energy"`
	Facility     decimal.Decimal `json:"facility"`
	Operations   decimal.Decimal `json:"operations"`
	Tokens       decimal.Decimal `json:"tokens"`
}

// Categories names the breakdown fields in display order.
var Categories = []string{"on_demand", "committed", "depreciation", "capital", "energy", "facility", "operations", "tokens"}

// Get returns a category's value by its name in Categories.
func (b Breakdown) Get(cat string) decimal.Decimal {
	switch cat {
	case "on_demand":
		return b.OnDemand
	case "committed":
		return b.Committed
	case "depreciation":
		return b.Depreciation
	case "capital":
		return b.Capital
	case "energy":
		return b.Energy
	case "facility":
		return b.Facility
	case "operations":
		return b.Operations
	case "tokens":
		return b.Tokens
	}
	return zero
}

func (b Breakdown) add(o Breakdown) Breakdown {
	return Breakdown{b.OnDemand.Add(o.OnDemand), b.Committed.Add(o.Committed), b.Depreciation.Add(o.Depreciation),
		b.Capital.Add(o.Capital), b.Energy.Add(o.Energy), b.Facility.Add(o.Facility), b.Operations.Add(o.Operations), b.Tokens.Add(o.Tokens)}
}

// demand is the traffic of one month, shared by every option.
type demand struct {
	rpd, requests, in, cached, out, revenue decimal.Decimal
}

// totals sums the demand over the horizon, once for all options.
type totals struct {
	rpd, requests, in, cached, out, revenue decimal.Decimal
}

func sumDemand(months []demand) totals {
	var rpd, requests, in, cached, out, revenue total
	for _, d := range months {
		rpd.add(d.rpd)
		requests.add(d.requests)
		in.add(d.in)
		cached.add(d.cached)
		out.add(d.out)
		revenue.add(d.revenue)
	}
	return totals{rpd.value(), requests.value(), in.value(), cached.value(), out.value(), revenue.value()}
}

// Evaluate checks the scenario and computes every option. On invalid input
// it returns the problems (Errors) and no result.
func Evaluate(s *Scenario) (*Result, error) {
	p, errs := Check(s)
	if errs != nil {
		return nil, errs
	}
	return p.evaluate()
}

func (p *plan) evaluate() (*Result, error) {
	var errs, infeasible Errors
	w := p.workload
	res := &Result{Name: p.name, Horizon: w.horizon, Workload: Assumed{
		RequestsPerDay: w.rpd, InputTokens: w.in, OutputTokens: w.out, CachedInputShare: w.cached,
		PeakToAverage: w.p2a, MonthlyGrowth: w.growth, TPOTSLOms: w.sloMs, TTFTSLOms: w.ttftMs,
		DiscountRate: w.discountRate, SitePowerMW: w.siteMW, DailyProfile: w.profileText,
	}}
	if p.reuse == nil {
		res.ContextWarning = p.contextWarning()
		p.discount = discountFactors(w.discountRate, w.horizon)
		p.discountCoef = coefficients(p.discount)
		res.discount = p.discount
	} else {
		// The sensitivity analysis never reads the finance view (nil); the
		// Monte Carlo reads each option's NPV (lean: finance).
		p.discount, p.discountCoef = p.reuse.discount, p.reuse.discountCoef
	}
	var months []demand
	var tot totals
	if p.reuse != nil && p.reuse.months != nil {
		months, tot = p.reuse.months, p.reuse.tot
	} else {
		months = p.demand()
		tot = sumDemand(months)
		if p.drawing() { // a draw's months carry no tokens (demand)
			tot.in, tot.cached, tot.out = w.tokens(tot.requests)
		}
	}
	var pvRevenue decimal.Decimal
	if p.discount != nil && p.revenue != nil && !p.lean() {
		pvRevenue = presentRevenue(months, p.discount)
	}
	// Hybrid options draw on the others' results: they come second.
	done := make([]OptionResult, len(p.options))
	for pass := range 2 {
		if pass == 1 && errs != nil {
			break
		}
		if pass == 1 {
			p.ownHybrids()
		}
		for i := range p.options {
			o := &p.options[i]
			if (o.kind == Hybrid) != (pass == 1) {
				continue
			}
			if o.kind == Hybrid {
				if why := hybridInfeasible(o, done); why != "" {
					done[i] = OptionResult{Label: o.label, Kind: o.kind, Infeasible: why}
					continue
				}
				if fe := p.prepareHybrid(o, months, done); fe != nil {
					errs = append(errs, *fe)
					continue
				}
			}
			or, fe := p.option(o, months, tot)
			if fe != nil {
				// The option's hardware cannot serve the workload at
				// these inputs (throughputs' errors are all of that
				// kind): the others are still compared.
				done[i] = OptionResult{Label: o.label, Kind: o.kind, Infeasible: fe.Msg}
				infeasible = append(infeasible, FieldError{fe.Path, fmt.Sprintf("option %d (%s) cannot serve: %s", i+1, o.label, fe.Msg)})
				continue
			}
			if p.discount != nil { // the chosen replica's cash flows only
				p.finance(&or, p.discount, pvRevenue)
			}
			done[i] = or
		}
	}
	if errs != nil {
		return nil, errs.dedupe()
	}
	if !slices.ContainsFunc(done, func(o OptionResult) bool { return o.Infeasible == "" }) {
		// No option can serve: there is nothing to compare.
		return nil, append(Errors{{"options", NoOptionCanServe}}, infeasible.dedupe()...)
	}
	res.Options = done
	if p.drawing() {
		return res, nil
	}
	res.Comparison = p.compare(res)
	if p.reuse == nil && !p.noPower {
		res.Power = p.power(res)
	}
	return res, nil
}

// NoOptionCanServe is the first problem reported when every option is
// infeasible (OptionResult.Infeasible); each option's reason follows.
const NoOptionCanServe = "no option can serve this workload at these inputs, so there is nothing to compare: change the inputs named below"

// hybridInfeasible says why a hybrid cannot serve when an option its
// layers draw on cannot (its base or its burst); "" when both can.
func hybridInfeasible(o *optionPlan, done []OptionResult) string {
	for _, l := range []struct {
		name string
		i    int
	}{{"base", o.hyb.base}, {"burst", o.hyb.burst}} {
		if l.i >= 0 && done[l.i].Infeasible != "" {
			return fmt.Sprintf("its %s, option %d (%s), cannot serve: %s", l.name, l.i+1, done[l.i].Label, done[l.i].Infeasible)
		}
	}
	return ""
}

// Feasible reports whether option i can serve the workload (its
// Infeasible is empty).
func (r *Result) Feasible(i int) bool { return r.Options[i].Infeasible == "" }

// option computes one option over the given months. A self-hosted option
// with several candidate replicas (sizes and layouts, throughputs) is
// costed with each, and the cheapest over the horizon is kept: the one
// that serves this demand, in whole replicas, for the least total cost
// (on a tie, the smaller replica, then tensor parallel).
func (p *plan) option(o *optionPlan, months []demand, tot totals) (OptionResult, *FieldError) {
	or := OptionResult{Label: o.label, Kind: o.kind}
	if !o.kind.SelfHosted() {
		p.cost(o, months, tot, &or, nil)
		return or, nil
	}
	draw := p.drawing()
	var cands []Throughput
	if p.reuse != nil && p.reuse.throughputs != nil {
		cands = p.reuse.throughputs
	} else if p.reuse != nil && p.reuse.byOption != nil && p.reuse.byOption[o.index] != nil {
		cands = p.reuse.byOption[o.index]
	} else {
		var fe *FieldError
		if cands, fe = throughputs(p.workload, p.model, o); fe != nil {
			return or, fe
		}
	}
	// Each candidate's capacity (busy and provisioned accelerators a
	// month), known from an earlier evaluation or computed here, except
	// for candidates that another is known to beat whatever the prices
	// (nil: never costed).
	capacities := make([][]capMonth, len(cands))
	if p.reuse != nil && p.reuse.capacity != nil {
		capacities = p.reuse.capacity
	} else {
		rpr := make([]decimal.Decimal, len(cands))
		for i := range cands {
			rpr[i] = p.replicasPerRPD(o, &cands[i])
		}
		for i := range cands {
			if len(cands) > 1 && outgrown(o, cands, rpr, i) {
				continue
			}
			rows := p.capRows(len(months))
			for m := range months {
				rows[m].rpd = months[m].rpd
			}
			p.provision(o, &cands[i], rows, rpr[i])
			capacities[i] = rows
		}
	}
	best := -1
	var bestOR OptionResult
	heavier := onDemandHeavier(o, capacities)
	for i := range cands {
		if capacities[i] == nil || len(cands) > 1 && dominated(o, cands, capacities, i) {
			continue
		}
		try := or
		t := cands[i]
		try.Throughput = &t
		// A draw's cloud option reads no busy accelerators (they serve
		// only utilization and an owned option's energy).
		if (p.reuse == nil || p.reuse.capacity == nil) && !(draw && o.kind == Cloud) {
			p.busy(&t, capacities[i]) // kept for the sensitivity, costed or not
		}
		if heavier != nil && heavier[i] {
			continue
		}
		p.cost(o, months, tot, &try, capacities[i])
		if best < 0 || try.TotalCost.Cmp(bestOR.TotalCost) < 0 ||
			try.TotalCost.Equal(bestOR.TotalCost) && t.AcceleratorsPerReplica < bestOR.AcceleratorsPerReplica {
			if best >= 0 {
				freeMonths(bestOR.Months)
			}
			best, bestOR = i, try
		} else {
			freeMonths(try.Months)
		}
	}
	if draw { // a draw keeps no candidate's capacity
		return bestOR, nil
	}
	bestOR.Why = why(cands, best, "the cheapest", " for this demand")
	if bestOR.Throughput != nil {
		o.annotate(p.workload, p.model, bestOR.Throughput)
	}
	bestOR.candidates, bestOR.capacities = cands, capacities
	return bestOR, nil
}

// outgrown reports, without provisioning a month, that a candidate
// preferred on a tie provisions no more accelerators than candidate j in
// any month: a replica of n_i accelerators, n_j a multiple of it (r = n_j
// / n_i), needing replicasPerRPD_i ≤ r × replicasPerRPD_j, provisions
// n_i × ceil(rpd × replicasPerRPD_i) ≤ n_i × r × ceil(rpd ×
// replicasPerRPD_j), what j provisions (spares likewise). For an owned
// option it must also need no more accelerator-seconds a request. Then j
// is never cheaper (see dominated).
func outgrown(o *optionPlan, cands []Throughput, rpr []decimal.Decimal, j int) bool {
	nj := cands[j].AcceleratorsPerReplica
	for i := range cands {
		ni := cands[i].AcceleratorsPerReplica
		if i == j || ni > nj || ni == nj && i > j || nj%ni != 0 {
			continue
		}
		if o.kind == Owned && cands[i].AcceleratorSecondsPerRequest.Cmp(cands[j].AcceleratorSecondsPerRequest) > 0 {
			continue
		}
		if rpr[i].Cmp(rpr[j].Mul(dec(nj/ni))) <= 0 {
			return true
		}
	}
	return false
}

// dominated reports whether another candidate, preferred on a tie (a
// smaller replica, or the same size earlier in the list), costs no more than
// candidate j whatever the prices: it provisions no more accelerators in
// any month and, for an owned option (whose energy follows the busy
// accelerators), needs no more accelerator-seconds a request. Every cost
// only grows with those, so j need not be costed: the choice stays exact.
func dominated(o *optionPlan, cands []Throughput, capacities [][]capMonth, j int) bool {
	for i := range cands {
		if i == j || cands[i].AcceleratorsPerReplica > cands[j].AcceleratorsPerReplica ||
			cands[i].AcceleratorsPerReplica == cands[j].AcceleratorsPerReplica && i > j {
			continue
		}
		if capacities[i] == nil || o.kind == Owned && cands[i].AcceleratorSecondsPerRequest.Cmp(cands[j].AcceleratorSecondsPerRequest) > 0 {
			continue // a candidate outgrown is beaten by one that is checked
		}
		fewer := true
		for m := range capacities[j] {
			if capacities[i][m].accelerators.Cmp(capacities[j][m].accelerators) > 0 {
				fewer = false
				break
			}
		}
		if fewer {
			return true
		}
	}
	return false
}

// onDemandHeavier marks the candidates that a cloud option without
// commitment tiers or an hourly price path can skip costing, nil when
// there is no such option or choice. Such an option costs each month its
// accelerators × the one on-demand price (costCloud: no tier, so nothing
// committed, no capital charge, no stranded cost), so its total cost is
// that price × its accelerator-months, Σ accelerators. With a price above
// zero, a candidate with more accelerator-months than another costs
// strictly more, and is never the cheapest: it is marked. Those with the
// fewest are not (among them the tie rule decides, as before), so the
// choice is the one costing every candidate gives, ties included
// (TestOnDemandPruningExact).
func onDemandHeavier(o *optionPlan, capacities [][]capMonth) []bool {
	if o.kind != Cloud || len(o.tiers) > 0 || o.hourlyPath != nil || o.hourly.Sign() <= 0 || len(capacities) < 2 {
		return nil
	}
	sums := make([]decimal.Decimal, len(capacities))
	least := -1
	for i, rows := range capacities {
		if rows == nil {
			continue
		}
		var t total
		for m := range rows {
			t.add(rows[m].accelerators)
		}
		sums[i] = t.value()
		if least < 0 || sums[i].Cmp(sums[least]) < 0 {
			least = i
		}
	}
	if least < 0 {
		return nil
	}
	heavier := make([]bool, len(capacities))
	for i := range capacities {
		heavier[i] = capacities[i] != nil && sums[i].Cmp(sums[least]) > 0
	}
	return heavier
}

// demand computes requests and tokens month by month. Growth compounds one
// month at a time, rounded to Prec, so no power is ever taken.
func (p *plan) demand() []demand {
	w := p.workload
	out := p.demandRows(w.horizon)
	rpd := w.rpd
	g := one.Add(w.growth)
	var revPerRequest decimal.Decimal
	if p.revenue != nil {
		revPerRequest = p.revenue.perRequest(w)
	}
	known := w.path.monthsFor(&w) // growthProblem's, when they apply
	draw := p.drawing()           // reads only the tokens' totals (evaluate)
	for m := range out {
		switch {
		case m > 0 && known != nil:
			rpd = known[m]
		case m > 0:
			rpd = nextRPD(rpd, g)
		}
		req := mulDiv(rpd, DaysPerYear, twelve)
		d := demand{rpd: rpd, requests: req}
		if !draw {
			in := mul(req, w.in)
			d.in, d.cached, d.out = in, mul(in, w.cached), mul(req, w.out)
		}
		if p.revenue != nil {
			d.revenue = mul(req, revPerRequest)
			if p.revenuePath != nil { // the user's prices on their path
				d.revenue = roundTo(mul(d.revenue, p.revenuePath[m]), Prec)
			}
		}
		out[m] = d
	}
	return out
}

// tokens is the input, cached input and output tokens of the given
// requests: requests × input tokens a request, that × the cached share,
// and requests × output tokens a request. Of the horizon's requests, it is
// the sum of each month's tokens (sumDemand), digit for digit: products and
// sums of decimals are exact, and the sum's exponent is the least of its
// terms', as the product's is (zero stays zero, as a total of nothing).
func (w workloadPlan) tokens(requests decimal.Decimal) (in, cached, out decimal.Decimal) {
	nonzero := func(d decimal.Decimal) decimal.Decimal {
		if d.IsZero() {
			return zero
		}
		return d
	}
	in = nonzero(mul(requests, w.in))
	return in, nonzero(mul(in, w.cached)), nonzero(mul(requests, w.out))
}

// perRequest prices one request of the workload.
func (pp pricePlan) perRequest(w workloadPlan) decimal.Decimal {
	cached := w.in.Mul(w.cached)
	return w.in.Sub(cached).Mul(pp.in).Add(cached.Mul(pp.cached)).Add(w.out.Mul(pp.out))
}

// cost fills one option's months and summary. capacity, when not nil,
// holds the busy and provisioned accelerators of each month, known from an
// earlier evaluation.
func (p *plan) cost(o *optionPlan, months []demand, tot totals, or *OptionResult, capacity []capMonth) {
	or.Months = newMonths(len(months))
	for m := range months {
		d := &months[m]
		row := &or.Months[m]
		row.Month = m + 1
		row.RequestsPerDay, row.Requests = d.rpd, d.requests
		row.InputTokens, row.CachedInputTokens, row.OutputTokens = d.in, d.cached, d.out
		row.Revenue = d.revenue
	}
	var sumBusy, sumHeld decimal.Decimal
	switch o.kind {
	case API:
		// Every request costs the same, so a month costs requests × that.
		perRequest := p.perRequestAPI(o)
		for m := range or.Months {
			row := &or.Months[m]
			row.Breakdown.Tokens = mul(row.Requests, perRequest)
			if o.pricePath != nil { // the token prices on their path
				row.Breakdown.Tokens = roundTo(mul(row.Breakdown.Tokens, o.pricePath[m]), Prec)
			}
			row.Cost = row.Breakdown.Tokens
			row.CashCost = row.Cost
		}
	case Cloud:
		sumHeld = p.costCloud(o, or, capacity)
	case Owned:
		sumHeld = p.costOwned(o, or, capacity)
	case Hybrid:
		sumBusy, sumHeld = p.costHybrid(o, or)
	}
	if o.kind.SelfHosted() && !p.drawing() {
		sumBusy = tot.rpd.Mul(div(or.Throughput.AcceleratorSecondsPerRequest, SecondsPerDay))
	}
	var cumCash decimal.Decimal
	var totalCost, totalCash, stranded total
	for m := range or.Months {
		row := &or.Months[m]
		totalCost.add(row.Cost)
		if o.kind != API && !p.drawing() {
			totalCash.add(row.CashCost)
		}
		stranded.add(row.StrandedCost)
		if p.lean() {
			continue
		}
		if p.revenue != nil {
			cumCash = add(cumCash, row.Revenue)
		}
		cumCash = sub(cumCash, row.CashCost)
		row.CumulativeCash = cumCash
	}
	or.TotalCost, or.TotalCashCost, or.StrandedTotal = totalCost.value(), totalCash.value(), stranded.value()
	if o.kind == API {
		or.TotalCashCost = or.TotalCost
	}
	p.summarize(o, or, tot, sumBusy, sumHeld)
}

// capacity computes the busy and provisioned accelerators of each month.
// busy = requests a day × seconds a request / 86,400; replicas =
// ceil(busy × peak-to-average / (max utilization × accelerators a
// replica)), at least one, plus spares. Both use factors computed once.
func (p *plan) capacity(o *optionPlan, or *OptionResult, known []capMonth) {
	if known == nil {
		known = make([]capMonth, len(or.Months))
		for m := range or.Months {
			known[m].rpd = or.Months[m].RequestsPerDay
		}
		p.provision(o, or.Throughput, known, p.replicasPerRPD(o, or.Throughput))
		p.busy(or.Throughput, known)
	}
	for m := range or.Months {
		or.Months[m].BusyAccelerators = known[m].busy
		or.Months[m].Accelerators = known[m].accelerators
	}
}

// capMonth is a month's capacity: the requests a day it serves, the
// accelerators provisioned for them and those they keep busy (the same
// fields of Month, which costing copies them into). A candidate replica's
// capacity is worked out once, and kept for the sensitivity analysis.
type capMonth struct {
	rpd, accelerators, busy decimal.Decimal
}

// replicasPerRPD is the replicas one request a day needs at peak,
// truncated, not rounded, so that demand of exactly k replicas never
// rounds up to k+1.
func (p *plan) replicasPerRPD(o *optionPlan, t *Throughput) decimal.Decimal {
	return quoTrunc(t.AcceleratorSecondsPerRequest.Mul(p.workload.p2a), SecondsPerDay.Mul(o.maxUtil).Mul(dec(t.AcceleratorsPerReplica)), Prec)
}

// busy fills each month's busy accelerators: requests a day × seconds a
// request / 86,400.
func (p *plan) busy(t *Throughput, rows []capMonth) {
	busyPerRPD := div(t.AcceleratorSecondsPerRequest, SecondsPerDay)
	for m := range rows {
		rows[m].busy = mul(rows[m].rpd, busyPerRPD)
	}
}

// provision fills each month's provisioned accelerators.
func (p *plan) provision(o *optionPlan, t *Throughput, rows []capMonth, replicasPerRPD decimal.Decimal) {
	// In whole numbers while they stay far inside an int64 (spares at most
	// 10,000, replicas below 2^31, accelerators a replica a few dozen).
	spare := int64(-1)
	if o.spare.IsInteger() && o.spare.Sign() >= 0 && o.spare.Cmp(maxSpareInt) <= 0 && t.AcceleratorsPerReplica > 0 && t.AcceleratorsPerReplica < 1<<16 {
		spare = o.spare.IntPart()
	}
	var c, r big.Int
	var lastRPD, lastProv decimal.Decimal
	for m := range rows {
		row := &rows[m]
		if m > 0 && row.rpd.Equal(lastRPD) {
			row.accelerators = lastProv // flat demand: same fleet, no rounding work
			continue
		}
		if k, ok := ceilProduct(row.rpd, replicasPerRPD, &c, &r); ok && spare >= 0 && k < 1<<31 {
			row.accelerators = intDecimal((max(k, 1) + spare) * t.AcceleratorsPerReplica)
		} else {
			replicas := ceil(row.rpd.Mul(replicasPerRPD))
			if replicas.Sign() <= 0 {
				replicas = one
			}
			row.accelerators = replicas.Add(o.spare).Mul(dec(t.AcceleratorsPerReplica))
		}
		lastRPD, lastProv = row.rpd, row.accelerators
	}
}

// costCloud: each month, the provisioned accelerators fill the commitment
// tiers that run that month, cheapest rate first (tierPlan, checkTiers);
// what no tier holds is rented on demand. Every tier that runs is paid
// whether used or not: its units left idle are stranded. A tier's economic
// cost is units × rate × 730 each month of its term; its cash cost is the
// same less the upfront share, and the upfront share of the whole term is
// paid in its start month (docs/methodology.md, Commitments).
func (p *plan) costCloud(o *optionPlan, or *OptionResult, known []capMonth) (sumHeld decimal.Decimal) {
	p.capacity(o, or, known)
	draw := p.drawing() // no utilization: no accelerator-months held; no tier's figures
	var tiers []TierResult
	if len(o.tiers) > 0 && !draw {
		tiers = make([]TierResult, len(o.tiers))
		for k := range o.tiers {
			tiers[k] = o.tiers[k].result()
		}
	}
	var onDemand decimal.Decimal // an accelerator's month on demand: moves only on a price path
	for m := range or.Months {
		row := &or.Months[m]
		prov := row.Accelerators
		b := &row.Breakdown
		if m == 0 || o.hourlyPath != nil {
			onDemand = p.onDemand730(o, m)
		}
		left := prov // accelerators not yet held by a tier
		var cash decimal.Decimal
		for _, k := range o.fill {
			t := &o.tiers[k]
			if m < t.start || m >= t.end {
				continue
			}
			b.Committed = add(b.Committed, t.monthly)
			capital := t.prepaidCapital(m, p.workload.discountRate)
			if capital.Sign() != 0 {
				b.Capital = add(b.Capital, capital)
			}
			cash = add(cash, t.monthlyCash)
			upfront := m == t.start && t.upfrontCash.Sign() != 0
			if upfront {
				cash = add(cash, t.upfrontCash)
			}
			used := t.units
			if left.Cmp(used) < 0 {
				used = left
			}
			left = sub(left, used)
			idle := sub(t.units, used)
			var stranded decimal.Decimal
			if idle.Sign() > 0 {
				stranded = mul3(idle, t.rate, HoursPerMonth)
				row.StrandedCost = add(row.StrandedCost, stranded)
			}
			if draw {
				continue // a draw reads no tier's figures
			}
			tr := &tiers[k]
			tr.Cost = add(tr.Cost, t.monthly)
			if capital.Sign() != 0 {
				tr.Cost = add(tr.Cost, capital)
			}
			if upfront {
				tr.Upfront = t.upfrontCash
			}
			tr.UsedAcceleratorMonths = add(tr.UsedAcceleratorMonths, used)
			if idle.Sign() > 0 {
				tr.StrandedAcceleratorMonths = add(tr.StrandedAcceleratorMonths, idle)
				tr.StrandedCost = add(tr.StrandedCost, stranded)
			}
		}
		if left.Sign() > 0 {
			b.OnDemand = mul(left, onDemand)
		}
		row.Cost = add3(b.OnDemand, b.Committed, b.Capital)
		row.CashCost = add(b.OnDemand, b.Committed)
		if len(o.fill) > 0 {
			row.CashCost = add(b.OnDemand, cash)
		}
		row.Fleet = prov
		if !draw {
			sumHeld = add(sumHeld, prov)
		}
		if prov.Cmp(or.PeakAccelerators) > 0 {
			or.PeakAccelerators = prov
		}
	}
	or.Commitments = tiers
	return sumHeld
}

// onDemand730 is the on-demand price of one accelerator for month m (from
// 0): the hourly rate on its path (hourlyAt) × 730 hours. Every on-demand
// charge of a cloud option, and the commitment sizing, read it here.
func (p *plan) onDemand730(o *optionPlan, m int) decimal.Decimal {
	return mul(o.hourlyAt(m), HoursPerMonth)
}

// TierResult is one commitment tier over the horizon: its terms and which
// of its accelerator-months were used or stranded. Demand fills the tiers
// that run in a month cheapest rate first (then the earlier start, then the
// tier's order), so stranded units are those of the dearest tiers.
type TierResult struct {
	// Tier is 1 for the first tier (commit_accelerators, commit_hourly_rate,
	// commit_months), k+2 for commitments[k]; Path is where its fields are.
	Tier         int             `json:"tier"`
	Path         string          `json:"path"`
	Accelerators decimal.Decimal `json:"accelerators"`
	HourlyRate   decimal.Decimal `json:"hourly_rate"`
	StartMonth   int             `json:"start_month"`
	EndMonth     int             `json:"end_month"` // its last month, perhaps past the horizon
	UpfrontShare decimal.Decimal `json:"upfront_share"`
	// Cost is its economic cost within the horizon; Upfront the cash paid
	// at its start month (for the whole term, past the horizon too).
	Cost                      decimal.Decimal `json:"cost"`
	Upfront                   decimal.Decimal `json:"upfront"`
	UsedAcceleratorMonths     decimal.Decimal `json:"used_accelerator_months"`
	StrandedAcceleratorMonths decimal.Decimal `json:"stranded_accelerator_months"`
	StrandedCost              decimal.Decimal `json:"stranded_cost"`
}

// CommittedAt is the accelerators the option's commitment tiers hold in
// month m (from 1), used or not.
func (o *OptionResult) CommittedAt(m int) decimal.Decimal {
	var n decimal.Decimal
	for _, t := range o.Commitments {
		if m >= t.StartMonth && m <= t.EndMonth {
			n = n.Add(t.Accelerators)
		}
	}
	return n
}

func (t *tierPlan) result() TierResult {
	return TierResult{Tier: t.tier, Path: t.path, Accelerators: t.units, HourlyRate: t.rate,
		StartMonth: t.start + 1, EndMonth: t.end, UpfrontShare: t.upfront}
}

// costOwned: the fleet is the most ever provisioned; purchases are capex in
// their month and depreciate straight-line to the residual value; capital
// is charged on the net book value; energy, facility and maintenance follow
// the fleet held. Optionally (docs/methodology.md, Owned): each purchase is
// refreshed at the end of its life (sold at its residual value, bought
// again at the then price), the fleet is sold at its book value at the
// horizon, purchases are financed by a loan (down payment, then equal
// monthly payments; interest joins the capital charge), or the hardware is
// leased instead (a monthly payment, renewed at the then price at the end
// of each term).
func (p *plan) costOwned(o *optionPlan, or *OptionResult, known []capMonth) (sumHeld decimal.Decimal) {
	p.capacity(o, or, known)
	draw := p.drawing() // no utilization, capex total or energy breakdown
	n := len(or.Months)
	var fleet, nbv, deprRate, capexTotal, inService, maintenance decimal.Decimal
	deprEnds := make([]decimal.Decimal, n+2) // rate drops at the start of month index
	lifeMonths := o.deprYears.Mul(twelve)
	lifeWhole := lifeMonths.Floor()
	wholeMonths := int(lifeWhole.IntPart())
	lifeFrac := lifeMonths.Sub(lifeWhole)
	keep := one.Sub(lifeFrac)
	depreciable := one.Sub(o.residual)
	// The energy of one kW for a month, facility overhead included.
	energyPerKW := o.powerKW.Mul(HoursPerMonth).Mul(o.pue).Mul(o.elec)
	energyIdle := energyPerKW.Mul(o.idleShare)
	energyBusy := energyPerKW.Mul(one.Sub(o.idleShare))
	facilityPerUnit := o.powerKW.Mul(o.colo)
	monthlyCoC := div(o.coc, twelve)
	monthlyOpex := div(o.opexShare, twelve)
	leased := o.leaseMonths > 0
	// cycle is the months from acquiring accelerators to replacing them: a
	// lease's term, or the depreciation life rounded up to whole months
	// (the month after the last depreciation charge); 0: never.
	cycle := 0
	switch {
	case leased:
		cycle = o.leaseMonths
	case o.refresh && lifeMonths.Cmp(dec(int64(n))) < 0:
		cycle = int(ceil(lifeMonths).IntPart())
	}
	// Accelerators acquired in each month, and what they cost (the basis
	// of a lease's payments), while a replacement is due within the
	// horizon; those of one month are one cohort, replaced together.
	var units, basis []decimal.Decimal
	if cycle > 0 && cycle < n {
		units, basis = make([]decimal.Decimal, n), make([]decimal.Decimal, n)
	}
	var ln *loanPlan
	if o.loanMonths > 0 && !leased {
		ln = newLoanPlan(o.loanRate, o.loanMonths, n)
	}
	// Costs that change only when the fleet grows or is replaced:
	// facility, maintenance, staff, idle power and lease payments.
	var facility, idleEnergy, operations, leasePay, fixedCash, fixedEcon decimal.Decimal
	for m := range or.Months {
		row := &or.Months[m]
		b := &row.Breakdown
		prov := row.Accelerators
		changed := false
		var spend decimal.Decimal // bought (or leased) this month, at this month's price
		if ln != nil {
			ln.start(m)
		}
		if units != nil && m >= cycle && units[m-cycle].Sign() > 0 {
			// The cohort of month m − cycle is replaced: sold at its
			// residual value (its book value, fully depreciated), or its
			// lease ends; the same number is bought or leased again.
			s := m - cycle
			if !leased {
				sale := basis[s].Mul(o.residual)
				row.Resale = sale
				nbv = nbv.Sub(sale)
				if ln != nil {
					row.LoanPayment = ln.repay(s, m)
				}
			}
			cost := units[s].Mul(o.capexAt(m))
			inService = inService.Sub(basis[s]).Add(cost)
			units[m], basis[m] = units[s], cost
			spend = cost
			changed = true
		}
		if prov.Cmp(fleet) > 0 {
			bought := mulDiff(prov, fleet, o.capexAt(m)) // (prov − fleet) × capex
			if units != nil {
				units[m] = units[m].Add(prov.Sub(fleet))
				basis[m] = basis[m].Add(bought)
			}
			if changed {
				spend = add(spend, bought)
			} else {
				spend = bought
			}
			inService = add(inService, bought)
			fleet = prov
			facility = mul(fleet, facilityPerUnit)
			idleEnergy = mul(fleet, energyIdle)
			changed = true
		}
		if changed {
			maintenance = mul(inService, monthlyOpex)
			operations = add(maintenance, o.staff)
			fixedCash = add3(facility, operations, idleEnergy)
			if leased {
				leasePay = inService.Mul(o.leaseFactor)
				fixedCash = fixedCash.Add(leasePay)
			} else {
				row.Capex = spend
				if !draw {
					capexTotal = add(capexTotal, spend)
				}
				nbv = add(nbv, spend)
				// The cohort depreciates fully for the whole months of its
				// life and for the fraction of the next one.
				r := mulDiv(spend, depreciable, lifeMonths)
				deprRate = add(deprRate, r)
				if end := m + wholeMonths; end < len(deprEnds) {
					if lifeFrac.Sign() == 0 { // keep = 1
						deprEnds[end] = add(deprEnds[end], r)
					} else {
						deprEnds[end] = add(deprEnds[end], mul(r, keep))
					}
				}
				if end := m + wholeMonths + 1; end < len(deprEnds) && lifeFrac.Sign() > 0 {
					deprEnds[end] = deprEnds[end].Add(r.Mul(lifeFrac))
				}
				if ln != nil {
					ln.borrow(m, spend.Sub(spend.Mul(o.loanDown)))
				}
			}
		}
		if changed || deprEnds[m].Sign() != 0 {
			deprRate = sub(deprRate, deprEnds[m])
			fixedEcon = add(deprRate, fixedCash) // changes only with the fleet or a life ending
		}
		row.Fleet = fleet
		busyEnergy := mul(row.BusyAccelerators, energyBusy)
		if ln != nil {
			// The borrowed part of the book value costs the loan's
			// interest instead of the cost of capital.
			interest, paid := ln.month(m)
			b.Capital = nbv.Sub(ln.balance).Mul(monthlyCoC).Add(interest)
			or.InterestTotal = or.InterestTotal.Add(interest)
			row.LoanPayment = row.LoanPayment.Add(paid)
			ln.balance = ln.balance.Add(interest).Sub(paid)
		} else {
			b.Capital = mul(nbv, monthlyCoC)
		}
		b.Depreciation = deprRate
		nbv = sub(nbv, deprRate)
		if !draw {
			b.Energy = add(idleEnergy, busyEnergy)
		}
		b.Facility = facility
		b.Operations = operations
		b.Committed = leasePay
		row.Cost = add3(fixedEcon, b.Capital, busyEnergy)
		if m == n-1 && o.resale && !leased {
			// Sold at the horizon at its book value: cash in, no gain or
			// loss, so the economic cost is unchanged; the loan's balance
			// is repaid from it.
			row.Resale = row.Resale.Add(nbv)
			nbv = zero
			if ln != nil {
				row.LoanPayment = row.LoanPayment.Add(ln.balance)
				ln.balance = zero
			}
		}
		// The cash cost: the fixed costs and the energy, and what is paid
		// for the accelerators this month.
		switch {
		case ln != nil:
			// Only the down payment is paid at purchase; the loan's
			// payments replace the rest.
			row.CashCost = add(fixedCash, busyEnergy)
			if row.Capex.Sign() != 0 {
				row.CashCost = row.CashCost.Add(row.Capex.Mul(o.loanDown))
			}
			row.CashCost = row.CashCost.Add(row.LoanPayment)
		case row.Capex.Sign() != 0:
			row.CashCost = add3(fixedCash, busyEnergy, row.Capex)
		default:
			row.CashCost = add(fixedCash, busyEnergy)
		}
		if row.Resale.Sign() != 0 {
			row.CashCost = row.CashCost.Sub(row.Resale)
			or.ResaleTotal = or.ResaleTotal.Add(row.Resale)
		}
		if fleet.Cmp(prov) > 0 {
			// Hardware kept but not needed: its share of the fixed costs.
			idle := fleet.Sub(prov)
			fixed := deprRate.Add(b.Capital).Add(facility).Add(maintenance).Add(idleEnergy).Add(leasePay)
			row.StrandedCost = div(fixed.Mul(idle), fleet)
		}
		if !draw {
			sumHeld = add(sumHeld, fleet)
		}
	}
	or.PeakAccelerators = fleet
	or.CapexTotal = capexTotal
	or.BookValue = nbv
	if ln != nil {
		or.LoanBalance = ln.balance
	}
	or.Financing = o.financingWords
	return sumHeld
}

// summarize derives the per-unit figures from the monthly rows.
func (p *plan) summarize(o *optionPlan, or *OptionResult, tot totals, sumBusy, sumProv decimal.Decimal) {
	or.CostPerMTokens = div(or.TotalCost.Mul(million), tot.in.Add(tot.out))
	if p.revenue != nil {
		or.TotalRevenue = ptr(tot.revenue)
		or.TotalMargin = ptr(tot.revenue.Sub(or.TotalCost))
	}
	if p.drawing() { // the Monte Carlo reads only these
		return
	}
	var inCost decimal.Decimal
	switch {
	case o.kind == API && o.pricePath != nil:
		// Prices move: each month's input tokens at that month's prices,
		// as the month's cost is (rounded alike).
		for m := range or.Months {
			r := &or.Months[m]
			c := r.InputTokens.Sub(r.CachedInputTokens).Mul(o.price.in).Add(r.CachedInputTokens.Mul(o.price.cached))
			inCost = inCost.Add(roundTo(c.Mul(o.pricePath[m]), Prec))
		}
	case o.kind == API:
		inCost = tot.in.Sub(tot.cached).Mul(o.price.in).Add(tot.cached.Mul(o.price.cached))
	case o.kind == Hybrid:
		inCost = o.hyb.inCost
		if sumProv.Sign() > 0 {
			or.AverageUtilization = ptr(div(sumBusy, sumProv))
		}
	default:
		inCost = or.TotalCost.Mul(or.Throughput.InputShareOfTime)
		or.AverageUtilization = ptr(div(sumBusy, sumProv))
	}
	if tot.in.Sign() > 0 {
		or.CostPerMInputTokens = ptr(div(inCost.Mul(million), tot.in))
	}
	or.CostPerMOutputTokens = div(or.TotalCost.Sub(inCost).Mul(million), tot.out)
	or.CostPer1kRequests = div(or.TotalCost.Mul(thousand), tot.requests)
	or.FirstMonthCost = or.Months[0].Cost
	or.LastMonthCost = or.Months[len(or.Months)-1].Cost
	if p.revenue != nil {
		if tot.revenue.Sign() > 0 {
			or.MarginShare = ptr(div(*or.TotalMargin, tot.revenue))
		}
		if !p.lean() {
			or.BreakEvenMonth = breakEven(or.Months)
		}
	}
}

// breakEven is the first month from which cumulative cash stays at or above
// zero to the horizon, or nil.
func breakEven(months []Month) *int {
	return staysNonNegative(months, func(m *Month) decimal.Decimal { return m.CumulativeCash })
}

func ptr[T any](v T) *T { return &v }

// monthsPool recycles monthly rows no longer referenced: a losing
// candidate's, and a Monte Carlo draw's once read (Simulate). A horizon's
// rows (60 to 120 months of about 400 bytes) are an evaluation's largest
// allocations. newMonths hands back n cleared rows; freeMonths takes rows
// nothing reads any more.
var monthsPool sync.Pool

func newMonths(n int) []Month {
	if v, ok := monthsPool.Get().(*[]Month); ok && cap(*v) >= n {
		rows := (*v)[:n]
		clear(rows)
		return rows
	}
	return make([]Month, n)
}

func freeMonths(rows []Month) {
	if cap(rows) > 0 {
		rows = rows[:0]
		monthsPool.Put(&rows)
	}
}
