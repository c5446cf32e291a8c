package engine

import (
	"github.com/shopspring/decimal"
)

// Calendar conventions (docs/methodology.md).
var (
	HoursPerMonth = decimal.NewFromInt(730)
	DaysPerYear   = decimal.NewFromInt(365)
	SecondsPerDay = decimal.NewFromInt(86_400)
	twelve        = decimal.NewFromInt(12)
)

// Result is everything the engine computes for a scenario.
type Result struct {
	Name       string         `json:"name"`
	Horizon    int            `json:"horizon_months"`
	Options    []OptionResult `json:"options"`
	Comparison Comparison     `json:"comparison"`
}

// OptionResult is one option's monthly rows and summary.
type OptionResult struct {
	Label string `json:"label"`
	Kind  Kind   `json:"kind"`
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
	Accelerators     decimal.Decimal  `json:"accelerators"`
	Fleet            decimal.Decimal  `json:"fleet"`
	BusyAccelerators decimal.Decimal  `json:"busy_accelerators"`
	Utilization      *decimal.Decimal `json:"utilization"`
	Cost             decimal.Decimal  `json:"cost"`
	Breakdown        Breakdown        `json:"breakdown"`
	StrandedCost     decimal.Decimal  `json:"stranded_cost"`
	Capex            decimal.Decimal  `json:"capex"`
	CashCost         decimal.Decimal  `json:"cash_cost"`
	Revenue          decimal.Decimal  `json:"revenue"`
	Margin           decimal.Decimal  `json:"margin"`
	CumulativeCash   decimal.Decimal  `json:"cumulative_cash"`
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
	var errs Errors
	res := &Result{Name: p.name, Horizon: p.workload.horizon}
	months := p.demand()
	for i := range p.options {
		o := &p.options[i]
		or := OptionResult{Label: o.label, Kind: o.kind}
		if o.kind.SelfHosted() {
			t, fe := throughput(p.workload, p.model, o)
			if fe != nil {
				errs = append(errs, *fe)
				continue
			}
			or.Throughput = &t
		}
		p.cost(o, months, &or)
		res.Options = append(res.Options, or)
	}
	if errs != nil {
		return nil, errs.dedupe()
	}
	res.Comparison = p.compare(res)
	return res, nil
}

// demand computes requests and tokens month by month. Growth compounds one
// month at a time, rounded to Prec, so no power is ever taken.
func (p *plan) demand() []demand {
	w := p.workload
	out := make([]demand, w.horizon)
	rpd := w.rpd
	g := one.Add(w.growth)
	for m := range out {
		if m > 0 {
			rpd = rpd.Mul(g).Round(Prec)
		}
		req := div(rpd.Mul(DaysPerYear), twelve)
		in := req.Mul(w.in)
		d := demand{rpd: rpd, requests: req, in: in, cached: in.Mul(w.cached), out: req.Mul(w.out)}
		if p.revenue != nil {
			d.revenue = p.revenue.charge(d)
		}
		out[m] = d
	}
	return out
}

// charge prices a month of tokens.
func (pp pricePlan) charge(d demand) decimal.Decimal {
	return d.in.Sub(d.cached).Mul(pp.in).Add(d.cached.Mul(pp.cached)).Add(d.out.Mul(pp.out))
}

// cost fills one option's months and summary.
func (p *plan) cost(o *optionPlan, months []demand, or *OptionResult) {
	w := p.workload
	or.Months = make([]Month, len(months))
	var (
		sec, n, perReplica          decimal.Decimal
		rate730, commitRate730      decimal.Decimal
		fleet, nbv, deprRate        decimal.Decimal
		capexTotal, cumCash         decimal.Decimal
		sumBusy, sumProv            decimal.Decimal
		deprEnds                    []decimal.Decimal // change of depreciation rate at the start of month m (index m-1)
		lifeMonths, lifeWhole       decimal.Decimal
		wholeMonths                 int
		lifeFrac                    decimal.Decimal
		energyPerKWBusy, energyIdle decimal.Decimal
	)
	if o.kind.SelfHosted() {
		sec = or.Throughput.AcceleratorSecondsPerRequest
		n = dec(or.Throughput.AcceleratorsPerReplica)
		perReplica = o.maxUtil.Mul(n)
	}
	switch o.kind {
	case Cloud:
		rate730 = o.hourly.Mul(HoursPerMonth)
		commitRate730 = o.commitRate.Mul(HoursPerMonth)
	case Owned:
		deprEnds = make([]decimal.Decimal, len(months)+2)
		lifeMonths = o.deprYears.Mul(twelve)
		lifeWhole = lifeMonths.Floor()
		wholeMonths = int(lifeWhole.IntPart())
		lifeFrac = lifeMonths.Sub(lifeWhole)
		// kWh price of one kW for a month, facility overhead included.
		energyPerKWBusy = o.powerKW.Mul(HoursPerMonth).Mul(o.pue).Mul(o.elec)
		energyIdle = energyPerKWBusy.Mul(o.idleShare)
	}
	for m := range months {
		d := months[m]
		row := &or.Months[m]
		row.Month = m + 1
		row.RequestsPerDay, row.Requests = d.rpd, d.requests
		row.InputTokens, row.CachedInputTokens, row.OutputTokens = d.in, d.cached, d.out
		row.Revenue = d.revenue
		var b Breakdown
		if o.kind == API {
			b.Tokens = o.price.charge(d)
			row.Cost = b.Tokens
			row.CashCost = b.Tokens
		} else {
			busy := div(d.rpd.Mul(sec), SecondsPerDay)
			replicas := div(busy.Mul(w.p2a), perReplica).Ceil()
			if replicas.Sign() == 0 {
				replicas = one
			}
			prov := replicas.Add(o.spare).Mul(n)
			row.BusyAccelerators = busy
			row.Accelerators = prov
			switch o.kind {
			case Cloud:
				if m < o.commitMonths && o.commitUnits.Sign() > 0 {
					b.Committed = o.commitUnits.Mul(commitRate730)
					if over := prov.Sub(o.commitUnits); over.Sign() > 0 {
						b.OnDemand = over.Mul(rate730)
					} else if over.Sign() < 0 {
						row.StrandedCost = over.Neg().Mul(commitRate730)
					}
				} else {
					b.OnDemand = prov.Mul(rate730)
				}
				row.Fleet = prov
				row.Cost = b.OnDemand.Add(b.Committed)
				row.CashCost = row.Cost
			case Owned:
				if prov.Cmp(fleet) > 0 {
					bought := prov.Sub(fleet)
					spend := bought.Mul(o.capex)
					row.Capex = spend
					capexTotal = capexTotal.Add(spend)
					nbv = nbv.Add(spend)
					fleet = prov
					if lifeMonths.Sign() > 0 {
						r := div(spend.Mul(one.Sub(o.residual)), lifeMonths)
						deprRate = deprRate.Add(r)
						// The cohort depreciates fully for the whole months of its
						// life and for the fraction of the next one.
						if end := m + wholeMonths; end < len(deprEnds) {
							deprEnds[end] = deprEnds[end].Add(r.Mul(one.Sub(lifeFrac)))
						}
						if end := m + wholeMonths + 1; end < len(deprEnds) {
							deprEnds[end] = deprEnds[end].Add(r.Mul(lifeFrac))
						}
					}
				}
				deprRate = deprRate.Sub(deprEnds[m])
				row.Fleet = fleet
				b.Capital = div(nbv.Mul(o.coc), twelve)
				b.Depreciation = deprRate
				nbv = nbv.Sub(deprRate)
				b.Energy = fleet.Mul(energyIdle).Add(one.Sub(o.idleShare).Mul(busy).Mul(energyPerKWBusy))
				b.Facility = fleet.Mul(o.powerKW).Mul(o.colo)
				b.Operations = div(capexTotal.Mul(o.opexShare), twelve).Add(o.staff)
				row.Cost = b.Depreciation.Add(b.Capital).Add(b.Energy).Add(b.Facility).Add(b.Operations)
				row.CashCost = row.Capex.Add(b.Energy).Add(b.Facility).Add(b.Operations)
				if idle := fleet.Sub(prov); idle.Sign() > 0 {
					// Hardware kept but not needed: its share of the fixed costs.
					fixed := b.Depreciation.Add(b.Capital).Add(b.Facility).Add(div(capexTotal.Mul(o.opexShare), twelve)).Add(fleet.Mul(energyIdle))
					row.StrandedCost = div(fixed.Mul(idle), fleet)
				}
			}
			held := row.Fleet
			row.Utilization = ptr(div(busy, held))
			sumBusy = sumBusy.Add(busy)
			sumProv = sumProv.Add(held)
			if held.Cmp(or.PeakAccelerators) > 0 {
				or.PeakAccelerators = held
			}
		}
		row.Breakdown = b
		row.Margin = row.Revenue.Sub(row.Cost)
		cumCash = cumCash.Add(row.Revenue).Sub(row.CashCost)
		row.CumulativeCash = cumCash
		or.TotalCost = or.TotalCost.Add(row.Cost)
		or.TotalCashCost = or.TotalCashCost.Add(row.CashCost)
		or.StrandedTotal = or.StrandedTotal.Add(row.StrandedCost)
	}
	or.CapexTotal = capexTotal
	or.BookValue = nbv
	p.summarize(o, or, sumBusy, sumProv)
}

// summarize derives the per-unit figures from the monthly rows.
func (p *plan) summarize(o *optionPlan, or *OptionResult, sumBusy, sumProv decimal.Decimal) {
	var req, in, out, inCost decimal.Decimal
	for _, m := range or.Months {
		req = req.Add(m.Requests)
		in = in.Add(m.InputTokens)
		out = out.Add(m.OutputTokens)
		if o.kind == API {
			inCost = inCost.Add(m.InputTokens.Sub(m.CachedInputTokens).Mul(o.price.in)).Add(m.CachedInputTokens.Mul(o.price.cached))
		}
	}
	if o.kind.SelfHosted() {
		inCost = or.TotalCost.Mul(or.Throughput.InputShareOfTime)
		or.AverageUtilization = ptr(div(sumBusy, sumProv))
	}
	or.CostPerMTokens = div(or.TotalCost.Mul(million), in.Add(out))
	if in.Sign() > 0 {
		or.CostPerMInputTokens = ptr(div(inCost.Mul(million), in))
	}
	or.CostPerMOutputTokens = div(or.TotalCost.Sub(inCost).Mul(million), out)
	or.CostPer1kRequests = div(or.TotalCost.Mul(thousand), req)
	or.FirstMonthCost = or.Months[0].Cost
	or.LastMonthCost = or.Months[len(or.Months)-1].Cost
	if p.revenue != nil {
		var rev decimal.Decimal
		for _, m := range or.Months {
			rev = rev.Add(m.Revenue)
		}
		margin := rev.Sub(or.TotalCost)
		or.TotalRevenue = ptr(rev)
		or.TotalMargin = ptr(margin)
		if rev.Sign() > 0 {
			or.MarginShare = ptr(div(margin, rev))
		}
		or.BreakEvenMonth = breakEven(or.Months)
	}
}

// breakEven is the first month from which cumulative cash stays at or above
// zero to the horizon, or nil.
func breakEven(months []Month) *int {
	found := 0
	for i := len(months) - 1; i >= 0; i-- {
		if months[i].CumulativeCash.Sign() < 0 {
			break
		}
		found = months[i].Month
	}
	if found == 0 {
		return nil
	}
	return &found
}

func ptr[T any](v T) *T { return &v }
