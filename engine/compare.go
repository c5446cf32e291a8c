package engine

import (
	"slices"

	"github.com/shopspring/decimal"
)

// Comparison ranks the options and says which wins when.
type Comparison struct {
	// Ranking lists option indexes from the cheapest total cost.
	Ranking []int `json:"ranking"`
	// Cheapest is the index of the option with the lowest total cost.
	Cheapest int `json:"cheapest"`
	// NPVRanking lists option indexes from the best net present value: the
	// lowest net present cost (every option earns the same revenue), ties
	// in the order of Ranking.
	NPVRanking []int `json:"npv_ranking"`
	// MonthlyCheapest is, for each month, the index of the cheapest option.
	MonthlyCheapest []int `json:"monthly_cheapest"`
	// APIOption is the index of the API option the others are compared
	// with (the first one), or nil.
	APIOption *int            `json:"api_option"`
	Options   []OptionVerdict `json:"options"`
	// SiteOutgrownMonth is the first month in which the cheapest option's
	// fleet (a hybrid's base, the part on the site) needs more power than
	// the site's budget (workload site_power_mw), as the power section
	// finds it; nil without a budget or when it never does. The ranking
	// does not change: the summary says it.
	SiteOutgrownMonth *int `json:"site_outgrown_month,omitempty"`
}

// OptionVerdict is one option against the others.
type OptionVerdict struct {
	Rank    int `json:"rank"`     // 1 is cheapest
	NPVRank int `json:"npv_rank"` // 1 is the best net present value
	// CheapestFromMonth is the first month in which this option is the
	// cheapest, or nil if it never is.
	CheapestFromMonth *int `json:"cheapest_from_month"`
	// SavingsVsAPI is the API option's total cost minus this one's.
	SavingsVsAPI      *decimal.Decimal `json:"savings_vs_api"`
	SavingsVsAPIShare *decimal.Decimal `json:"savings_vs_api_share"`
	// BreakEvenRequestsPerDay is the daily volume above which this
	// self-hosted option always costs less than the API option, or nil.
	BreakEvenRequestsPerDay *decimal.Decimal `json:"break_even_requests_per_day"`
	// BreakEvenBasis says which prices the break-even volume assumes; it
	// can differ from the totals, which follow the option's terms month by
	// month (a commitment, growth), and the page and the CLI say so. For a
	// hybrid it says why there is none (BreakEvenHybrid).
	BreakEvenBasis string `json:"break_even_basis,omitempty"`
}

// Break-even bases, in words (see breakEvenVolume).
const (
	breakEvenCloud = "renting at the on-demand rate with no commitment, at month-1 prices with later price changes ignored, in a steady month"
	breakEvenOwned = "buying the hardware new at month-1 prices with later price changes ignored, in a steady month"
	breakEvenLoan  = "buying the hardware new with the loan, its rate charged on the borrowed share, at month-1 prices with later price changes ignored, in a steady month"
	breakEvenLease = "leasing the hardware at its monthly lease payment, at month-1 prices with later price changes ignored, in a steady month"
	// BreakEvenHybrid is a hybrid's: it has no break-even volume.
	BreakEvenHybrid = "not defined for a hybrid: its cost does not grow in step with volume (whole burst replicas, minimum billing, a base sized for the demand, its own overflow priced like an API), " +
		"so no one volume divides the volumes where it costs less than the API from those where it costs more; the page's volume chart shows its cost per M tokens against the API's at each volume"
)

func (p *plan) compare(res *Result) Comparison {
	c := Comparison{Options: make([]OptionVerdict, len(res.Options))}
	// An option that cannot serve (Infeasible) is left out of the
	// rankings, the months and the comparison with the API: its verdict
	// stays zero (no rank).
	for i := range res.Options {
		if res.Feasible(i) {
			c.Ranking = append(c.Ranking, i)
		}
	}
	slices.SortStableFunc(c.Ranking, func(a, b int) int {
		return res.Options[a].TotalCost.Cmp(res.Options[b].TotalCost)
	})
	for r, i := range c.Ranking {
		c.Options[i].Rank = r + 1
	}
	c.Cheapest = c.Ranking[0]
	c.SiteOutgrownMonth = p.siteOutgrown(res, c.Cheapest)
	c.NPVRanking = slices.Clone(c.Ranking)
	slices.SortStableFunc(c.NPVRanking, func(a, b int) int {
		return res.Options[a].NetPresentCost.Cmp(res.Options[b].NetPresentCost)
	})
	for r, i := range c.NPVRanking {
		c.Options[i].NPVRank = r + 1
	}

	c.MonthlyCheapest = make([]int, res.Horizon)
	for m := 0; m < res.Horizon; m++ {
		best := c.Ranking[0]
		for _, i := range c.Ranking {
			if cmp(res.Options[i].Months[m].Cost, res.Options[best].Months[m].Cost) < 0 {
				best = i
			}
		}
		c.MonthlyCheapest[m] = best
		if c.Options[best].CheapestFromMonth == nil {
			c.Options[best].CheapestFromMonth = ptr(m + 1)
		}
	}

	for i := range p.options {
		if p.options[i].kind == API {
			c.APIOption = ptr(i)
			break
		}
	}
	if c.APIOption == nil {
		return c
	}
	a := *c.APIOption
	api := res.Options[a].TotalCost
	for i := range res.Options {
		if i == a || !res.Feasible(i) {
			continue
		}
		save := api.Sub(res.Options[i].TotalCost)
		c.Options[i].SavingsVsAPI = ptr(save)
		if api.Sign() > 0 {
			c.Options[i].SavingsVsAPIShare = ptr(div(save, api))
		}
		if p.options[i].kind == Hybrid {
			c.Options[i].BreakEvenBasis = BreakEvenHybrid
		}
		if o := &p.options[i]; o.kind.SelfHosted() {
			c.Options[i].BreakEvenRequestsPerDay = p.breakEvenVolume(o, res.Options[i].Throughput, &p.options[a])
			c.Options[i].BreakEvenBasis = breakEvenCloud
			if o.kind == Owned {
				switch {
				case o.leaseMonths > 0:
					c.Options[i].BreakEvenBasis = breakEvenLease
				case o.loanMonths > 0:
					c.Options[i].BreakEvenBasis = breakEvenLoan
				default:
					c.Options[i].BreakEvenBasis = breakEvenOwned
				}
			}
		}
	}
	return c
}

// perRequestAPI is the API's price of one request of the workload.
func (p *plan) perRequestAPI(api *optionPlan) decimal.Decimal {
	return api.price.perRequest(p.workload)
}

// breakEvenVolume finds the smallest daily volume V* such that at every
// volume V ≥ V* the option's steady monthly cost (month-1 prices, no
// commitment, whole replicas) is at most the API's. See methodology.md,
// "Break-even volume": with k replicas serving up to k·b requests a day, a
// fixed cost F, a cost U per replica and a variable cost e per request, the
// option wins within step k from t_k = (F + (k+s)·U) / ((c − e)·D), where c
// is the API price of a request and D the days in a month. The steps where
// the API wins at the start are the k < (f + s·a + b)/(b − a), a = U/((c−e)D),
// f = F/((c−e)D), so the answer is at the last such step.
func (p *plan) breakEvenVolume(o *optionPlan, t *Throughput, api *optionPlan) *decimal.Decimal {
	w := p.workload
	days := div(DaysPerYear, twelve)
	n := dec(t.AcceleratorsPerReplica)
	// Requests a day one replica serves at the planned peak utilization.
	b := div(o.maxUtil.Mul(n).Mul(SecondsPerDay), w.p2a.Mul(t.AcceleratorSecondsPerRequest))
	var fixed, perReplica, perRequest decimal.Decimal
	switch o.kind {
	case Cloud:
		perReplica = n.Mul(o.hourly).Mul(HoursPerMonth)
	case Owned:
		lifeMonths := o.deprYears.Mul(twelve)
		energyFull := o.powerKW.Mul(HoursPerMonth).Mul(o.pue).Mul(o.elec)
		perAccel := div(o.capex.Mul(one.Sub(o.residual)), lifeMonths). // depreciation
										Add(div(o.capex.Mul(o.coc), twelve)).      // capital on the new asset
										Add(energyFull.Mul(o.idleShare)).          // idle power
										Add(o.powerKW.Mul(o.colo)).                // facility
										Add(div(o.capex.Mul(o.opexShare), twelve)) // maintenance
		switch {
		case o.leaseMonths > 0:
			// Leased: the lease payment instead of depreciation and capital.
			perAccel = o.capex.Mul(o.leaseFactor).
				Add(energyFull.Mul(o.idleShare)).
				Add(o.powerKW.Mul(o.colo)).
				Add(div(o.capex.Mul(o.opexShare), twelve))
		case o.loanMonths > 0:
			// The borrowed share of the new asset costs the loan's rate.
			borrowed := one.Sub(o.loanDown)
			perAccel = perAccel.Add(div(o.capex.Mul(borrowed).Mul(o.loanRate.Sub(o.coc)), twelve))
		}
		perReplica = perAccel.Mul(n)
		fixed = o.staff
		// Busy power above idle, per request.
		perRequest = div(t.AcceleratorSecondsPerRequest.Mul(one.Sub(o.idleShare)).Mul(energyFull), HoursPerMonth.Mul(dec(3600)))
	}
	margin := p.perRequestAPI(api).Sub(perRequest).Mul(days) // API cost minus variable cost, per (request/day) per month
	if margin.Sign() <= 0 {
		return nil
	}
	a := div(perReplica, margin)
	f := div(fixed, margin)
	if a.Cmp(b) >= 0 {
		return nil // each replica costs more than the API traffic it can carry
	}
	s := o.spare
	limit := div(f.Add(s.Mul(a)).Add(b), b.Sub(a))
	// K is the last step whose start the API still wins: the largest
	// integer below limit, and at least 1.
	K := limit.Ceil().Sub(one)
	if K.Cmp(one) < 0 {
		K = one
	}
	tK := f.Add(K.Add(s).Mul(a))
	v := minDec(tK, K.Mul(b))
	v = v.Ceil()
	return &v
}
