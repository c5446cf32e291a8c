package engine

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Power budgets (docs/methodology.md, Power): what a site's power hosts
// and serves for each self-hosted option, and, the other way round, the
// power the workload needs month by month.
//
// The power an accelerator draws at the meter is its all-in power (its
// share of the host included) times the facility's PUE. An owned option
// has both (power_kw, pue). A cloud option has neither: the engine takes
// the accelerator's board power × HostPowerFactor, as an owned option's
// default, and DefaultPUE; a provider's own figures are not known.

// Power is the power section of a result.
type Power struct {
	// SiteMW is the site's power budget, nil when none is given.
	SiteMW *decimal.Decimal `json:"site_mw"`
	// Options holds one entry per self-hosted option, in result order.
	Options []OptionPower `json:"options"`
}

// OptionPower is one self-hosted option's power figures.
type OptionPower struct {
	Option int    `json:"option"` // index in Result.Options
	Label  string `json:"label"`
	Kind   Kind   `json:"kind"`
	// AllInKW is one accelerator's all-in power at full load (IT power);
	// nil when it is not known (a cloud accelerator without board power).
	AllInKW *decimal.Decimal `json:"all_in_kw"`
	PUE     decimal.Decimal  `json:"pue"`
	// MeterKW is AllInKW × PUE: one accelerator's draw at the meter.
	MeterKW *decimal.Decimal `json:"meter_kw"`
	// Basis says in words where AllInKW and PUE come from.
	Basis string `json:"basis"`
	// MonthlyMW is the power of each month's fleet (held for an owned
	// option, rented for a cloud one) at full load: fleet × MeterKW /
	// 1,000. Nil when the power is not known.
	MonthlyMW []decimal.Decimal `json:"monthly_mw"`
	PeakMW    *decimal.Decimal  `json:"peak_mw"`
	// OutgrowsMonth is the first month whose fleet needs more power than
	// the site has; nil without a site or when the workload fits to the
	// horizon.
	OutgrowsMonth *int `json:"outgrows_month"`
	// Site is what the site hosts with this option; nil without a site
	// or when the power is not known.
	Site *SiteCapacity `json:"site"`
	// Layers is a hybrid option's power layer by layer (base, then burst;
	// nil for other kinds). A hybrid mixes up to two accelerators, so its
	// AllInKW and MeterKW are nil and each layer has its own; MonthlyMW
	// is their sum. The base is on the site: OutgrowsMonth compares the
	// base's power with the budget and Site is what the site hosts with
	// the base's option. The burst layer is rented by the hour from a
	// provider's capacity elsewhere and draws no site power.
	Layers []LayerPower `json:"layers,omitempty"`
}

// LayerPower is one self-hosted layer of a hybrid option: its own
// option's power per accelerator (as that option's own figures) and the
// power of its accelerators month by month.
type LayerPower struct {
	Layer   string           `json:"layer"`  // "base" or "burst"
	Option  int              `json:"option"` // the option it draws on
	Label   string           `json:"label"`
	AllInKW *decimal.Decimal `json:"all_in_kw"`
	PUE     decimal.Decimal  `json:"pue"`
	MeterKW *decimal.Decimal `json:"meter_kw"`
	Basis   string           `json:"basis"`
	// OnSite: the base is on the site; the burst layer is not.
	OnSite bool `json:"on_site"`
	// MonthlyMW: the base's accelerators, or the burst's in the month's
	// busiest hour, × MeterKW / 1,000; nil when the power is not known.
	MonthlyMW []decimal.Decimal `json:"monthly_mw"`
}

// SiteCapacity is what a site's power budget hosts with one option, built
// out in whole replicas, and what that serves and costs.
type SiteCapacity struct {
	// PoweredAccelerators is floor(site kW / MeterKW): the accelerators
	// the power could feed.
	PoweredAccelerators decimal.Decimal `json:"powered_accelerators"`
	// Replicas is floor(PoweredAccelerators / accelerators a replica),
	// spares included; Accelerators is Replicas × accelerators a replica.
	Replicas     decimal.Decimal `json:"replicas"`
	Accelerators decimal.Decimal `json:"accelerators"`
	// ServingReplicas is Replicas less the option's spare replicas.
	ServingReplicas decimal.Decimal `json:"serving_replicas"`
	// PowerMW is what Accelerators draw at full load: ≤ the budget.
	PowerMW decimal.Decimal `json:"power_mw"`
	// PeakOutputTokensPerS is the output tokens a second at the peak, the
	// serving replicas busy at the option's target utilization, at the
	// option's operating point (batch and step, which meet the workload's
	// time-per-token and first-token targets).
	PeakOutputTokensPerS decimal.Decimal `json:"peak_output_tokens_per_s"`
	// RequestsPerDay is the average day those replicas serve when its peak
	// (peak to average × the average) keeps them at the target
	// utilization: the demand the capacity planner would fit in them.
	RequestsPerDay     decimal.Decimal `json:"requests_per_day"`
	OutputTokensPerDay decimal.Decimal `json:"output_tokens_per_day"`
	// Capex is Accelerators × capex per accelerator (owned and bought);
	// nil for a cloud option or leased hardware.
	Capex *decimal.Decimal `json:"capex"`
	// MonthlyCost is the cost model's first month with the whole site
	// built (bought in that month, or rented) and RequestsPerDay served:
	// its categories in Breakdown. CostPerMTokens divides it by that
	// month's input and output tokens. All three are nil when no serving
	// replica fits.
	MonthlyCost    *decimal.Decimal `json:"monthly_cost"`
	Breakdown      *Breakdown       `json:"breakdown"`
	CostPerMTokens *decimal.Decimal `json:"cost_per_m_tokens"`
	// Per MW of the site's budget.
	PeakOutputTokensPerSPerMW decimal.Decimal `json:"peak_output_tokens_per_s_per_mw"`
	OutputTokensPerDayPerMW   decimal.Decimal `json:"output_tokens_per_day_per_mw"`
	// Note says why the site serves nothing, or "".
	Note string `json:"note,omitempty"`
}

// power computes the power section from the plan and the evaluated
// options.
func (p *plan) power(res *Result) *Power {
	pw := &Power{SiteMW: p.workload.siteMW}
	for i := range res.Options {
		or := &res.Options[i]
		if or.Infeasible != "" {
			continue // it cannot serve: it draws no power
		}
		if or.Hybrid != nil {
			pw.Options = append(pw.Options, p.hybridPower(&p.options[i], i, res))
			continue
		}
		if or.Throughput == nil {
			continue
		}
		pw.Options = append(pw.Options, p.optionPower(&p.options[i], i, or))
	}
	return pw
}

// hybridPower is a hybrid option's power: each self-hosted layer's
// accelerators × its own option's power at the meter, month by month
// (the base's accelerators all month; the burst's most in the month's
// busiest hour: the power to provision, as for the other options), and
// their sum. The site holds the base alone: a base of more power than
// the site outgrows it from month 1 (the base is held all the horizon),
// and what the site hosts is what it hosts with the base's option.
func (p *plan) hybridPower(o *optionPlan, i int, res *Result) OptionPower {
	h := o.hyb
	or := &res.Options[i]
	base := or.Hybrid.BaseAccelerators
	op := OptionPower{Option: i, Label: or.Label, Kind: or.Kind}
	known := true
	layer := func(name string, j int, onSite bool, accel func(m int) decimal.Decimal) LayerPower {
		allIn, pue, basis := meterPower(&p.options[j])
		l := LayerPower{Layer: name, Option: j, Label: res.Options[j].Label, PUE: pue, Basis: basis, OnSite: onSite}
		if allIn.Sign() <= 0 {
			known = false
			return l
		}
		meter := allIn.Mul(pue)
		l.AllInKW, l.MeterKW = &allIn, &meter
		l.MonthlyMW = make([]decimal.Decimal, len(or.Months))
		for m := range or.Months {
			l.MonthlyMW[m] = accel(m).Mul(meter).Shift(-3) // kW to MW, exact
		}
		return l
	}
	b := layer("base", h.base, true, func(int) decimal.Decimal { return base })
	op.Layers = append(op.Layers, b)
	op.PUE = b.PUE
	where := "on the site"
	if p.workload.siteMW == nil {
		where = "on a site of its own"
	}
	parts := []string{fmt.Sprintf("base (%s): %s, %s", b.Label, b.Basis, where)}
	if h.burst >= 0 {
		u := layer("burst", h.burst, false, func(m int) decimal.Decimal { return or.Months[m].Accelerators.Sub(base) })
		op.Layers = append(op.Layers, u)
		parts = append(parts, fmt.Sprintf("burst (%s): %s, rented by the hour from the provider's capacity elsewhere, drawing no site power", u.Label, u.Basis))
	}
	op.Basis = "by layer; " + strings.Join(parts, "; ")
	if b.MonthlyMW != nil && p.workload.siteMW != nil {
		if b.MonthlyMW[0].Cmp(*p.workload.siteMW) > 0 {
			op.OutgrowsMonth = ptr(1)
		}
		op.Site = p.site(&p.options[h.base], res.Options[h.base].Throughput, *p.workload.siteMW, *b.MeterKW)
	}
	if !known {
		return op
	}
	op.MonthlyMW = make([]decimal.Decimal, len(or.Months))
	var peak decimal.Decimal
	for m := range or.Months {
		for _, l := range op.Layers {
			op.MonthlyMW[m] = op.MonthlyMW[m].Add(l.MonthlyMW[m])
		}
		peak = decimal.Max(peak, op.MonthlyMW[m])
	}
	op.PeakMW = &peak
	return op
}

// meterPower is one accelerator's all-in power and PUE, with words saying
// where they come from; allIn is zero when it is not known.
func meterPower(o *optionPlan) (allIn, pue decimal.Decimal, basis string) {
	if o.kind == Owned {
		return o.powerKW, o.pue, fmt.Sprintf("the option's power per accelerator, %s kW all-in, × its PUE %s", o.powerKW, o.pue)
	}
	if o.accel.powerKW.Sign() <= 0 {
		return zero, DefaultPUE, "not known: the accelerator has no board power"
	}
	allIn = o.accel.powerKW.Mul(HostPowerFactor)
	return allIn, DefaultPUE, fmt.Sprintf("rented: %s kW board power × %s for its share of the host = %s kW all-in, × PUE %s, an owned option's defaults, as the provider's are not known",
		o.accel.powerKW, HostPowerFactor, allIn, DefaultPUE)
}

func (p *plan) optionPower(o *optionPlan, i int, or *OptionResult) OptionPower {
	allIn, pue, basis := meterPower(o)
	op := OptionPower{Option: i, Label: or.Label, Kind: or.Kind, PUE: pue, Basis: basis}
	if allIn.Sign() <= 0 {
		return op
	}
	meter := allIn.Mul(pue)
	op.AllInKW, op.MeterKW = &allIn, &meter
	op.MonthlyMW = make([]decimal.Decimal, len(or.Months))
	var peak, lastFleet, lastMW decimal.Decimal
	meterMW := meter.Shift(-3) // kW to MW, exact: f × meterMW is f × meter / 1000, digit for digit
	for m := range or.Months {
		f := or.Months[m].Fleet
		if m == 0 || !f.Equal(lastFleet) {
			lastFleet, lastMW = f, mul(f, meterMW)
		}
		op.MonthlyMW[m] = lastMW
		if cmp(lastMW, peak) > 0 {
			peak = lastMW
		}
		if site := p.workload.siteMW; site != nil && op.OutgrowsMonth == nil && lastMW.Cmp(*site) > 0 {
			op.OutgrowsMonth = ptr(m + 1)
		}
	}
	op.PeakMW = &peak
	if p.workload.siteMW != nil {
		op.Site = p.site(o, or.Throughput, *p.workload.siteMW, meter)
	}
	return op
}

// site is what siteMW hosts with option o at its operating point t, each
// accelerator drawing meterKW.
func (p *plan) site(o *optionPlan, t *Throughput, siteMW, meterKW decimal.Decimal) *SiteCapacity {
	w := p.workload
	n := dec(t.AcceleratorsPerReplica)
	s := &SiteCapacity{}
	s.PoweredAccelerators, _ = siteMW.Shift(3).QuoRem(meterKW, 0)
	s.Replicas, _ = s.PoweredAccelerators.QuoRem(n, 0)
	s.Accelerators = s.Replicas.Mul(n)
	s.PowerMW = s.Accelerators.Mul(meterKW).Shift(-3)
	s.ServingReplicas = maxDec(s.Replicas.Sub(o.spare), zero)
	if o.kind == Owned && o.leaseMonths == 0 { // leased hardware is not bought
		s.Capex = ptr(s.Accelerators.Mul(o.capex))
	}
	if s.ServingReplicas.Sign() == 0 {
		s.Note = fmt.Sprintf("%s MW feeds %s accelerators: not one serving replica of %d", siteMW, s.PoweredAccelerators, t.AcceleratorsPerReplica)
		if o.spare.Sign() > 0 {
			s.Note += fmt.Sprintf(" on top of %s spare replicas", o.spare)
		}
		return s
	}
	// At the peak the serving accelerators are busy at the target
	// utilization; the average day is the peak over peak to average.
	peakBusy := s.ServingReplicas.Mul(n).Mul(o.maxUtil)
	s.PeakOutputTokensPerS = div(peakBusy.Mul(w.out), t.AcceleratorSecondsPerRequest)
	// Truncated, so that the capacity planner fits this demand in the
	// serving replicas (replicasPerRPD is truncated too).
	s.RequestsPerDay, _ = peakBusy.Mul(SecondsPerDay).QuoRem(w.p2a.Mul(t.AcceleratorSecondsPerRequest), Prec)
	s.OutputTokensPerDay = s.RequestsPerDay.Mul(w.out)
	s.PeakOutputTokensPerSPerMW = div(s.PeakOutputTokensPerS, siteMW)
	s.OutputTokensPerDayPerMW = div(s.OutputTokensPerDay, siteMW)
	if s.RequestsPerDay.Sign() == 0 { // below 10^-24 a day: nothing to cost it by
		s.Note = "the site serves less than 10^-24 requests a day"
		return s
	}

	// One month of the cost model: the whole site held, busy on average
	// requests a day × seconds a request / 86,400.
	req := div(s.RequestsPerDay.Mul(DaysPerYear), twelve)
	in := req.Mul(w.in)
	months := []demand{{rpd: s.RequestsPerDay, requests: req, in: in, cached: in.Mul(w.cached), out: req.Mul(w.out)}}
	known := []capMonth{{accelerators: s.Accelerators, busy: s.RequestsPerDay.Mul(div(t.AcceleratorSecondsPerRequest, SecondsPerDay))}}
	q := *p
	q.revenue, q.reuse = nil, nil
	tt := *t
	or := OptionResult{Throughput: &tt}
	q.cost(o, months, sumDemand(months), &or, known)
	m := or.Months[0]
	s.MonthlyCost, s.Breakdown, s.CostPerMTokens = ptr(m.Cost), ptr(m.Breakdown), ptr(or.CostPerMTokens)
	return s
}

// PowerText formats a power given in MW: kW below 1 MW, GW from 1,000 MW.
func PowerText(mw decimal.Decimal) string {
	switch {
	case mw.Abs().Cmp(one) < 0:
		return Count(mw.Shift(3), 2) + " kW"
	case mw.Abs().Cmp(thousand) >= 0:
		return Count(mw.Shift(-3), 3) + " GW"
	}
	return Count(mw, 3) + " MW"
}

// Lines describes one option's power in words, as the CLI prints it and
// the page's figure reads it: where the power comes from, the peak, the
// month the site is outgrown, and what the site hosts.
func (op *OptionPower) Lines(siteMW *decimal.Decimal) []string {
	var lines []string
	switch {
	case op.Layers != nil:
		for _, l := range op.Layers {
			line := l.Layer + " layer power " + l.Basis
			if l.MeterKW != nil {
				line = fmt.Sprintf("%s layer (%s): %s kW an accelerator at the meter (%s)", l.Layer, l.Label, Count(*l.MeterKW, 4), l.Basis)
				if l.OnSite {
					line += ", on the site"
				} else {
					line += ", rented elsewhere: no site power"
				}
			}
			lines = append(lines, line)
		}
		if op.PeakMW != nil {
			lines = append(lines, fmt.Sprintf("the workload's fleet (base and burst) needs at most %s in its busiest hour", PowerText(*op.PeakMW)))
		}
	case op.MeterKW == nil:
		return []string{"power " + op.Basis}
	default:
		lines = []string{fmt.Sprintf("%s kW an accelerator at the meter (%s); the workload's fleet needs at most %s", Count(*op.MeterKW, 4), op.Basis, PowerText(*op.PeakMW))}
	}
	if siteMW == nil || op.Site == nil {
		return lines
	}
	if op.Layers != nil {
		lines = append(lines, fmt.Sprintf("the site holds the base alone: %s; what it hosts below is the base's option built out on the site, on that option's own terms", PowerText(op.Layers[0].MonthlyMW[0])))
	}
	if op.OutgrowsMonth != nil {
		lines = append(lines, fmt.Sprintf("outgrows the site's %s in month %d", PowerText(*siteMW), *op.OutgrowsMonth))
	} else {
		lines = append(lines, fmt.Sprintf("fits in the site's %s to the horizon", PowerText(*siteMW)))
	}
	s := op.Site
	lines = append(lines, fmt.Sprintf("the site hosts %s accelerators (%s replicas, %s serving), drawing %s", Count(s.Accelerators, 0), Count(s.Replicas, 0), Count(s.ServingReplicas, 0), PowerText(s.PowerMW)))
	if s.Note != "" {
		return append(lines, s.Note)
	}
	lines = append(lines, fmt.Sprintf("it serves %s output tokens/s at the peak and %s requests a day (the peak at the target utilization), %s output tokens/s and %s output tokens a day per MW",
		Count(s.PeakOutputTokensPerS.Floor(), 0), Count(s.RequestsPerDay.Floor(), 0), Count(s.PeakOutputTokensPerSPerMW.Floor(), 0), Count(s.OutputTokensPerDayPerMW.Floor(), 0)))
	cost := fmt.Sprintf("fully built it costs %s a month, %s per M tokens", Money(*s.MonthlyCost), Money(*s.CostPerMTokens))
	if s.Capex != nil {
		cost += fmt.Sprintf(", after %s of capex", Money(*s.Capex))
	}
	return append(lines, cost)
}

// siteOutgrown is the first month option i's fleet (a hybrid's base)
// needs more power than the site's budget, as power finds it; nil without
// a budget, for a sensitivity's evaluation, or when it never does.
func (p *plan) siteOutgrown(res *Result, i int) *int {
	or := &res.Options[i]
	if p.workload.siteMW == nil || p.reuse != nil || or.Infeasible != "" {
		return nil
	}
	switch {
	case or.Hybrid != nil:
		return p.hybridPower(&p.options[i], i, res).OutgrowsMonth
	case or.Throughput != nil:
		return p.optionPower(&p.options[i], i, or).OutgrowsMonth
	}
	return nil
}
