package engine

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
)

// Hybrid fleets (docs/methodology.md, Hybrid fleets). A hybrid option
// layers three of the scenario's other options, named by number:
//
//   - a base: a cloud option's accelerators committed for the whole horizon
//     at its committed rate (else its hourly rate), or an owned option's
//     fleet bought in month 1; held all day, every month;
//   - a burst: a cloud option's accelerators rented by the hour at its
//     on-demand rate, in whole replicas, each billed for at least
//     burst_min_hours once started;
//   - an overflow: an API option's token prices, for what the other two do
//     not serve (without one, the burst layer rents whatever is needed).
//
// Each month's day is the daily profile (24 hourly shares) times the
// month's requests a day. Hour by hour the base serves up to its capacity,
// the burst layer serves the rest in whole replicas (up to its cap), and
// the API the remainder. Each layer uses its own option's replica and
// throughput as that option was evaluated, and its target utilization: a
// replica serves 3,600 × max utilization × accelerators a replica /
// accelerator-seconds a request requests an hour.

// DailyProfile is a preset shape of a day's load: integer weights for the
// 24 hours from midnight; an hour's share is its weight over their sum.
// The presets are illustrative shapes, not measurements: give your own
// 24 shares when you know your traffic.
type DailyProfile struct {
	Name    string
	Label   string
	Weights [24]int64
}

// DailyProfiles lists the presets in display order.
var DailyProfiles = []DailyProfile{
	{"flat", "Flat (the same every hour)", [24]int64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}},
	// Office traffic: eight busy hours from 09:00 (8 of 96 each), shoulders
	// at 08:00 and 17:00, a quiet night. Peak to average 8 × 24 / 96 = 2.
	{"business_hours", "Business hours (09:00–17:00)", [24]int64{1, 1, 1, 1, 1, 1, 1, 2, 5, 8, 8, 8, 8, 8, 8, 8, 8, 5, 3, 2, 2, 2, 2, 2}},
	// Consumer apps: a daytime plateau rising to an evening peak from 19:00
	// to 22:00 (8 of 96 each), a quiet early morning. Peak to average 2.
	{"consumer_evenings", "Consumer evenings (peak 19:00–22:00)", [24]int64{2, 2, 1, 1, 1, 1, 2, 3, 3, 4, 4, 5, 5, 5, 3, 3, 5, 6, 7, 8, 8, 8, 5, 4}},
}

// MaxProfileLen bounds the daily profile's text.
const MaxProfileLen = 600

// profileTolerance is how far from 1 custom shares may sum: 24 shares
// rounded to four places (0.0417 × 24 = 1.0008) pass.
var profileTolerance = decimal.RequireFromString("0.001")

// profile is a parsed daily profile: each hour's share of the day, which
// sum to 1 (to Prec places).
type profile struct {
	shares [24]decimal.Decimal
	peak   decimal.Decimal // the busiest hour's share × 24
	// groups gathers the hours of equal share: a day's hours of equal load
	// fill alike, so each group is worked out once.
	groups []shareGroup
}

type shareGroup struct {
	share decimal.Decimal
	hours []int
}

// FindDailyProfile returns the preset of that name.
func FindDailyProfile(name string) (DailyProfile, bool) {
	for _, p := range DailyProfiles {
		if p.Name == name {
			return p, true
		}
	}
	return DailyProfile{}, false
}

// ParseDailyProfile reads a daily profile: a preset's name or 24 shares
// separated by commas (spaces allowed), each ≥ 0, summing to 1 to within
// 0.001; each is then divided by their sum. "" is the flat day.
func ParseDailyProfile(text string) (shares [24]decimal.Decimal, err error) {
	p, err := parseProfile(text)
	return p.shares, err
}

func parseProfile(text string) (profile, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		text = "flat"
	}
	if pr, ok := presetProfiles()[text]; ok {
		return pr, nil
	}
	return readProfile(text)
}

// presetProfiles is each preset's profile, read once: every scenario that
// names a preset (the flat day included) gets the same, read only.
var presetProfiles = sync.OnceValue(func() map[string]profile {
	m := make(map[string]profile, len(DailyProfiles))
	for _, d := range DailyProfiles {
		if pr, err := readProfile(d.Name); err == nil {
			m[d.Name] = pr
		}
	}
	return m
})

// readProfile is parseProfile without the presets read once.
func readProfile(text string) (profile, error) {
	if len(text) > MaxProfileLen {
		return profile{}, fmt.Errorf("too long (%d characters, at most %d)", len(text), MaxProfileLen)
	}
	var w [24]decimal.Decimal
	var total decimal.Decimal
	if pr, ok := FindDailyProfile(text); ok {
		for h, x := range pr.Weights {
			w[h] = dec(x)
			total = total.Add(w[h])
		}
	} else {
		parts := strings.Split(text, ",")
		if len(parts) == 1 {
			names := make([]string, len(DailyProfiles))
			for k, p := range DailyProfiles {
				names[k] = p.Name
			}
			return profile{}, fmt.Errorf("unknown profile %q: a preset (%s) or 24 shares separated by commas", truncate(text, 30), strings.Join(names, ", "))
		}
		if len(parts) != 24 {
			return profile{}, fmt.Errorf("has %d shares; a day has 24, one for each hour from midnight", len(parts))
		}
		for h, s := range parts {
			s = strings.TrimSpace(s)
			v, err := decimal.NewFromString(s)
			if err != nil || len(s) > 24 {
				return profile{}, fmt.Errorf("share %d (hour %02d:00) is not a number: %q", h+1, h, truncate(s, 24))
			}
			if v.Sign() < 0 {
				return profile{}, fmt.Errorf("share %d (hour %02d:00) is negative (%s); a share is ≥ 0", h+1, h, s)
			}
			w[h] = v
			total = total.Add(v)
		}
		if total.Sub(one).Abs().Cmp(profileTolerance) > 0 {
			return profile{}, fmt.Errorf("its shares sum to %s; they must sum to 1 (to within 0.001)", total.String())
		}
	}
	var p profile
	var top decimal.Decimal
	for h := range w {
		p.shares[h] = div(w[h], total)
		if w[h].Cmp(top) > 0 {
			top = w[h]
		}
	}
	p.peak = div(top.Mul(dec(24)), total)
next:
	for h, s := range p.shares {
		for g := range p.groups {
			if p.groups[g].share.Equal(s) {
				p.groups[g].hours = append(p.groups[g].hours, h)
				continue next
			}
		}
		p.groups = append(p.groups, shareGroup{s, []int{h}})
	}
	return p, nil
}

// profilePeak is the peak-to-average's default: with a daily profile, its
// busiest hour's share × 24, else DefaultPeakToAverage.
func profilePeak(sc *scope) Default {
	if t := sc.s.Workload.DailyProfile; strings.TrimSpace(t) != "" {
		if p, err := parseProfile(t); err == nil {
			return Default{p.peak, Origin{Kind: OriginDerived, Rule: "the daily profile's busiest hour's share × 24", From: "workload.daily_profile"}}
		}
	}
	return Default{DefaultPeakToAverage, Origin{Kind: OriginDefault}}
}

// optionNumber is the unit of the fields that name an option by number.
const optionNumber = "option number"

// hybridPlan is a hybrid option's layers, checked: option indexes (−1 for
// none) and sizes.
type hybridPlan struct {
	base, burst, overflow int
	baseSize              *decimal.Decimal // nil: searched
	burstCap              *decimal.Decimal // nil: none
	minHours              int

	// Set before costing (prepare): each layer's replica, its requests an
	// hour a replica, the base's replicas, the cost per accelerator-hour
	// of a cloud base.
	nb, nu     int64
	capB, capU decimal.Decimal
	secB, secU decimal.Decimal     // accelerator-seconds a request
	inB, inU   decimal.Decimal     // the input's share of each layer's time
	capR       int64               // the burst cap in replicas; −1: none
	loads      [][]decimal.Decimal // each month's hour loads, by share group
	kb         int64               // base replicas
	baseUnits  decimal.Decimal     // base accelerators paid for
	searched   bool
	scanned    bool // searched by hybridScan (its tests)
	curve      []SizingPoint
	inCost     decimal.Decimal // the input tokens' share of the cost
	result     *HybridResult
}

// checkHybrid checks a hybrid option's layers against the other options.
func checkHybrid(errs *Errors, i int, r *Resolution) *hybridPlan {
	o := &r.Values.Options[i]
	n := len(r.Values.Options)
	h := &hybridPlan{base: -1, burst: -1, overflow: -1, minHours: int(o.BurstMinHours.Dec().IntPart())}
	ref := func(key string, v Num, what string, kinds ...Kind) int {
		if !v.Set() || !v.Dec().IsInteger() || v.Dec().Sign() <= 0 {
			return -1 // unset, or out of range (reported with the ranges)
		}
		path := OptionPath(i, key)
		j := int(v.Dec().IntPart()) - 1
		switch {
		case j >= n:
			errs.add(path, fmt.Sprintf("there is no option number %d: the scenario has %d options, numbered from 1 here", j+1, n))
		case j == i:
			errs.add(path, "must name another option, not this hybrid itself")
		case !slices.Contains(kinds, r.Values.Options[j].Kind):
			want := string(kinds[0])
			if len(kinds) == 2 {
				want += " or " + string(kinds[1])
			}
			errs.add(path, fmt.Sprintf("names option number %d in the list, “%s”, which is %s; the %s must be %s", j+1, truncate(r.Values.Options[j].Label, 30), r.Values.Options[j].Kind, what, want))
		default:
			return j
		}
		return -1
	}
	h.base = ref("base_option", o.BaseOption, "base", Cloud, Owned)
	h.burst = ref("burst_option", o.BurstOption, "burst layer", Cloud)
	h.overflow = ref("overflow_option", o.OverflowOption, "overflow", API)
	if o.BaseAccelerators.Set() {
		v := o.BaseAccelerators.Dec()
		h.baseSize = &v
	}
	if o.BurstMaxAccelerators.Set() {
		if !o.OverflowOption.Set() {
			errs.add(OptionPath(i, "burst_max_accelerators"), "needs an overflow option (overflow_option): without one, the burst layer serves whatever the base does not")
		}
		if !o.BurstOption.Set() {
			errs.add(OptionPath(i, "burst_max_accelerators"), "needs a burst option (burst_option)")
		}
		v := o.BurstMaxAccelerators.Dec()
		h.burstCap = &v
	}
	if !o.BurstOption.Set() && !o.OverflowOption.Set() {
		errs.add(OptionPath(i, "burst_option"), "required without an overflow option: load above the base needs a burst layer or an API")
	}
	return h
}

// hybridPrec is the places an hour's requests and a replica's requests an
// hour are rounded to (a trillionth of a request): the hour-by-hour fill
// works on numbers of a few dozen digits, not of the 48 places a product
// of two divisions has, and runs several times faster under wasm.
const hybridPrec = 12

// hybridSearchBudget bounds the base-size search: sizes tried × months of
// different demand. Past it, the user gives the size.
const hybridSearchBudget = 10000

// maxHourReplicas bounds the replicas one hour may need.
var maxHourReplicas = decimal.New(1, 12)

// prepareHybrid reads the layers' replicas and throughput from their
// options' results (done), and sizes the base: as given, or by trying
// every whole number of base replicas from none to the peak hour's need
// and keeping the cheapest over the horizon (the smallest on a tie).
// Beyond that need the base serves no more and costs no less, so the
// scan is exhaustive.
func (p *plan) prepareHybrid(o *optionPlan, months []demand, done []OptionResult) *FieldError {
	h := o.hyb
	tb := done[h.base].Throughput
	bo := &p.options[h.base]
	h.nb = tb.AcceleratorsPerReplica
	h.secB = tb.AcceleratorSecondsPerRequest
	h.inB = tb.InputShareOfTime
	h.capB = div(dec(3600).Mul(bo.maxUtil).Mul(dec(h.nb)), h.secB).Round(hybridPrec)
	h.capR = -1
	if h.burst >= 0 {
		tu := done[h.burst].Throughput
		uo := &p.options[h.burst]
		h.nu = tu.AcceleratorsPerReplica
		h.secU = tu.AcceleratorSecondsPerRequest
		h.inU = tu.InputShareOfTime
		h.capU = div(dec(3600).Mul(uo.maxUtil).Mul(dec(h.nu)), h.secU).Round(hybridPrec)
		if h.burstCap != nil && h.overflow >= 0 {
			h.capR = h.burstCap.Div(dec(h.nu)).IntPart() // whole replicas within the cap
		}
	}
	// Each month's hour loads, by group of equal share, once; and the
	// peak hour's need in base replicas, over every month.
	groups := p.workload.profile.groups
	h.loads = make([][]decimal.Decimal, len(months))
	var peakLoad decimal.Decimal
	for m := range months {
		if m > 0 && months[m].rpd.Equal(months[m-1].rpd) {
			h.loads[m] = h.loads[m-1]
			continue
		}
		h.loads[m] = make([]decimal.Decimal, len(groups))
		for k, g := range groups {
			h.loads[m][k] = roundTo(mul(months[m].rpd, g.share), hybridPrec)
			if h.loads[m][k].Cmp(peakLoad) > 0 {
				peakLoad = h.loads[m][k]
			}
		}
	}
	kmax := ceil(div(peakLoad, h.capB))
	if h.burst >= 0 && ceil(div(peakLoad, h.capU)).Cmp(maxHourReplicas) > 0 || kmax.Cmp(maxHourReplicas) > 0 {
		return &FieldError{OptionPath(o.index, "base_option"), "the peak hour needs more than 10^12 replicas: check the demand and the throughput"}
	}
	if h.baseSize != nil {
		h.baseUnits = *h.baseSize
		h.kb = h.baseSize.Div(dec(h.nb)).IntPart()
		return nil
	}
	distinct := 1
	for m := 1; m < len(months); m++ {
		if !months[m].rpd.Equal(months[m-1].rpd) {
			distinct++
		}
	}
	K := kmax.IntPart()
	if (K+1)*int64(distinct) > hybridSearchBudget {
		months := fmt.Sprintf("%d months of different demand", distinct)
		if distinct == 1 {
			months = "1 month's demand"
		}
		return &FieldError{OptionPath(o.index, "base_accelerators"), fmt.Sprintf("the search would try %d base sizes over %s, more than it does (%d sizes × months): give the base size", K+1, months, hybridSearchBudget)}
	}
	h.searched = true
	h.curve = h.curve[:0]
	best := int64(0)
	var bestCost decimal.Decimal
	var scan *hybridScan // nil: the rows' way
	if !p.bruteHybrid {
		scan = p.newHybridScan(o, months) // hybridscan.go
	}
	h.scanned = scan != nil
	for k := int64(0); k <= K; k++ {
		h.kb, h.baseUnits = k, dec(k*h.nb)
		var c decimal.Decimal
		if scan != nil {
			c = scan.total(k, h.baseUnits)
		} else {
			c = p.hybridTotal(o, months)
		}
		h.curve = append(h.curve, SizingPoint{h.baseUnits, c})
		if k == 0 || c.Cmp(bestCost) < 0 {
			best, bestCost = k, c
		}
	}
	h.kb, h.baseUnits = best, dec(best*h.nb)
	return nil
}

func (pr *profile) maxShare() decimal.Decimal {
	m := pr.shares[0]
	for _, s := range pr.shares {
		if s.Cmp(m) > 0 {
			m = s
		}
	}
	return m
}

// hybridDay is one day of a month: requests each layer serves, the burst
// layer's billed replica-hours and its most replicas in an hour, and the
// peak hour's load.
type hybridDay struct {
	base, burst, api decimal.Decimal
	billed           decimal.Decimal // replica-hours a day
	peak             int64
	peakLoad         decimal.Decimal
}

// day fills the hours of a day of rpd requests (see the file's comment).
// Only the figures costs need are worked out unless rows asks for all (the
// search needs no more than the costs; an owned base's busy power needs
// the base's requests).
func (p *plan) hybridDay(h *hybridPlan, loads []decimal.Decimal, rows bool) hybridDay {
	served := rows || p.options[h.base].kind == Owned
	var d hybridDay
	var need [24]int64
	capacity := mul(intDecimal(h.kb), h.capB)
	for k, g := range p.workload.profile.groups {
		load := loads[k]
		if load.Cmp(d.peakLoad) > 0 {
			d.peakLoad = load
		}
		hours := intDecimal(int64(len(g.hours)))
		x := sub(load, capacity)
		if served {
			d.base = add(d.base, mul(minDec(load, capacity), hours))
		}
		if x.Sign() <= 0 {
			continue
		}
		if h.burst >= 0 {
			q, rem := x.QuoRem(h.capU, 0)
			n := q.IntPart()
			if rem.Sign() > 0 {
				n++
			}
			if h.capR >= 0 && n > h.capR {
				n = h.capR
			}
			for _, hr := range g.hours {
				need[hr] = n
			}
			b := minDec(x, mul(intDecimal(n), h.capU))
			if rows {
				d.burst = add(d.burst, mul(b, hours))
			}
			x = sub(x, b)
		}
		d.api = add(d.api, mul(x, hours))
	}
	if h.burst >= 0 {
		d.billed, d.peak = billBurst(need, h.minHours)
	}
	return d
}

// billBurst bills a day's burst replicas. In hour t the layer needs
// need[t]; it starts s_t = max(0, need[t] − held[t−1]) (those held an hour
// earlier serve again) and holds held[t] = max(need[t], those started in
// the last minHours hours), each billed for at least minHours hours, and
// by the hour after that while needed. A day starts with what the day
// before left, so days are run from an empty start until a day starts as
// an earlier one did: from then on the days repeat in a cycle (of one day
// when nothing is held across midnight), and the replica-hours billed a day
// are the cycle's average. The state is bounded, so a cycle comes; if none
// within 64 days, the last 32 days are averaged.
func billBurst(need [24]int64, minHours int) (billed decimal.Decimal, peak int64) {
	type state struct {
		starts [24]int64 // the last 24 hours' starts, by hour of the day
		held   int64
	}
	var st state
	var seen [64]state // the state each day started in
	var days, peaks [64]int64
	n, from := 0, -1
	for day := range 64 {
		for k := range day {
			if seen[k] == st {
				from = k
				break
			}
		}
		if from >= 0 {
			break
		}
		seen[day] = st
		var b, pk int64
		for t := range 24 {
			s := max(need[t]-st.held, 0)
			st.starts[t] = s
			locked := int64(0)
			for k := range minHours {
				locked += st.starts[(t-k+24)%24]
			}
			st.held = max(need[t], locked)
			b += st.held
			pk = max(pk, st.held)
		}
		days[day], peaks[day] = b, pk
		n = day + 1
	}
	if from < 0 {
		from = n - 32
	}
	var sum int64
	for k := from; k < n; k++ {
		sum += days[k]
		peak = max(peak, peaks[k])
	}
	return div(dec(sum), dec(int64(n-from))), peak
}

// hybridMonth is one month of a hybrid: each layer's cost and what the
// base option's own costing gave (an owned base).
type hybridMonth struct {
	day                  hybridDay
	base, burst, api     decimal.Decimal // economic cost
	baseRow              *Month          // an owned base's row, nil for a cloud base
	baseHours, burstHrs  decimal.Decimal // accelerator-hours held
	baseReq, burstReq    decimal.Decimal // requests a month
	apiReq, apiInputCost decimal.Decimal
}

// hybridMonths costs every month at the current base size.
func (p *plan) hybridMonths(o *optionPlan, months []demand, rows bool) ([]hybridMonth, *OptionResult) {
	h := o.hyb
	out := make([]hybridMonth, len(months))
	var owned *OptionResult
	bo := &p.options[h.base]
	var dayRows []capMonth
	for m := range months {
		if m > 0 && months[m].rpd.Equal(months[m-1].rpd) {
			out[m].day = out[m-1].day
		} else {
			out[m].day = p.hybridDay(h, h.loads[m], rows)
		}
	}
	if bo.kind == Owned && h.baseUnits.Sign() > 0 {
		// The owned option's own costing, for a fleet of the base's size
		// from month 1 and the accelerators its requests keep busy.
		owned = &OptionResult{Months: make([]Month, len(months))}
		dayRows = make([]capMonth, len(months))
		for m := range months {
			dayRows[m].accelerators = h.baseUnits
			dayRows[m].busy = div(mul(out[m].day.base, h.secB), SecondsPerDay)
		}
		p.costOwned(bo, owned, dayRows)
	}
	baseMonthly := h.baseUnits.Mul(bo.commitRate).Mul(HoursPerMonth)
	if !bo.commitRateSet {
		baseMonthly = h.baseUnits.Mul(bo.hourly).Mul(HoursPerMonth)
	}
	var perRequest, inputPerRequest decimal.Decimal
	var api *optionPlan
	if h.overflow >= 0 {
		api = &p.options[h.overflow]
		perRequest = p.perRequestAPI(api)
		if rows { // the API's price of a request's input tokens
			cached := p.workload.in.Mul(p.workload.cached)
			inputPerRequest = p.workload.in.Sub(cached).Mul(api.price.in).Add(cached.Mul(api.price.cached))
		}
	}
	nu := intDecimal(h.nu)
	var baseHours decimal.Decimal
	if rows {
		baseHours = h.baseUnits.Mul(HoursPerMonth)
	}
	for m := range months {
		x := &out[m]
		switch {
		case owned != nil:
			x.baseRow = &owned.Months[m]
			x.base = x.baseRow.Cost
		case bo.kind == Cloud:
			x.base = baseMonthly
		}
		if rows {
			x.baseReq = perMonth(x.day.base)
			x.baseHours = baseHours
		}
		if h.burst >= 0 && x.day.billed.Sign() > 0 {
			x.burstHrs = perMonth(mul(x.day.billed, nu))
			x.burst = roundTo(mul(x.burstHrs, p.options[h.burst].hourlyAt(m)), Prec)
			if rows {
				x.burstReq = perMonth(x.day.burst)
			}
		}
		if api != nil && x.day.api.Sign() > 0 {
			x.apiReq = perMonth(x.day.api)
			x.api = mul(x.apiReq, perRequest)
			if api.pricePath != nil {
				x.api = roundTo(mul(x.api, api.pricePath[m]), Prec)
			}
			if rows {
				x.apiInputCost = mul(x.apiReq, inputPerRequest)
				if api.pricePath != nil {
					x.apiInputCost = roundTo(mul(x.apiInputCost, api.pricePath[m]), Prec)
				}
			}
		}
	}
	return out, owned
}

var twentyFour = decimal.NewFromInt(24)

// perMonth turns a day's figure into a month's: × 365 / 12.
func perMonth(x decimal.Decimal) decimal.Decimal { return div(mul(x, DaysPerYear), twelve) }

// hybridTotal is the total cost over the horizon at the current base size,
// summed as the monthly rows are (cost adds them in the same order).
func (p *plan) hybridTotal(o *optionPlan, months []demand) decimal.Decimal {
	ms, _ := p.hybridMonths(o, months, false)
	var t decimal.Decimal
	for m := range ms {
		t = t.Add(ms[m].base.Add(ms[m].burst).Add(ms[m].api))
	}
	return t
}

// HybridResult is a hybrid option's layers over the horizon.
type HybridResult struct {
	// BaseAccelerators is the base's size: as given, or found by the
	// search (BaseSearched), which Curve then traces (the total cost at
	// each whole number of base replicas tried).
	BaseAccelerators decimal.Decimal `json:"base_accelerators"`
	BaseSearched     bool            `json:"base_searched"`
	Curve            []SizingPoint   `json:"curve,omitempty"`
	// BurstPeakAccelerators is the most the burst layer holds in any hour.
	BurstPeakAccelerators decimal.Decimal `json:"burst_peak_accelerators"`
	// BaseRate is a cloud base's rate an accelerator-hour: its option's
	// committed rate (its hourly rate when none is given), paid for the
	// base's accelerators over the whole horizon; nil for an owned base.
	// The base is a commitment of its own (BaseNote): its option's
	// commitment tiers are that option's plan, not the hybrid's.
	BaseRate *decimal.Decimal `json:"base_rate,omitempty"`
	Layers   []LayerResult    `json:"layers"`
}

// LayerResult is one layer of a hybrid option over the horizon.
type LayerResult struct {
	Layer  string `json:"layer"`  // "base", "burst" or "overflow"
	Option int    `json:"option"` // the option it draws on, from 0
	Label  string `json:"label"`
	// Requests served (tokens follow: every request has the same), and
	// their share of all; Cost and its share of the option's.
	Requests   decimal.Decimal `json:"requests"`
	TokenShare decimal.Decimal `json:"token_share"`
	Cost       decimal.Decimal `json:"cost"`
	CostShare  decimal.Decimal `json:"cost_share"`
	// Utilization is busy over held accelerator-hours (nil for the API).
	Utilization *decimal.Decimal `json:"utilization"`
	// AcceleratorHours held (base) or billed (burst) over the horizon.
	AcceleratorHours decimal.Decimal `json:"accelerator_hours"`
}

// costHybrid fills a hybrid option's monthly rows at its base size and
// returns the busy and held accelerators summed over the months.
func (p *plan) costHybrid(o *optionPlan, or *OptionResult) (sumBusy, sumHeld decimal.Decimal) {
	h := o.hyb
	months := make([]demand, len(or.Months))
	for m := range or.Months {
		months[m].rpd = or.Months[m].RequestsPerDay
	}
	ms, owned := p.hybridMonths(o, months, true)
	res := &HybridResult{BaseAccelerators: h.baseUnits, BaseSearched: h.searched}
	if bo := &p.options[h.base]; bo.kind == Cloud {
		rate := bo.hourly
		if bo.commitRateSet {
			rate = bo.commitRate
		}
		res.BaseRate = &rate
	}
	if h.searched {
		res.Curve = slices.Clone(h.curve)
	}
	var base, burst, api, baseReq, burstReq, apiReq, baseHours, burstHours, baseBusy, burstBusy decimal.Decimal
	var peakBurst int64
	nu := intDecimal(h.nu)
	// Sums over the months, added in place (total).
	var busyT, heldT, baseT, burstT, apiT, baseReqT, burstReqT, apiReqT, baseHoursT, burstHoursT, baseBusyT, burstBusyT, inCostT total
	for m := range ms {
		x := &ms[m]
		row := &or.Months[m]
		b := &row.Breakdown
		if x.baseRow != nil {
			*b = x.baseRow.Breakdown
			row.CashCost = x.baseRow.CashCost
			row.Capex, row.Resale, row.LoanPayment = x.baseRow.Capex, x.baseRow.Resale, x.baseRow.LoanPayment
		} else {
			b.Committed = x.base
			row.CashCost = x.base
		}
		b.OnDemand = add(b.OnDemand, x.burst)
		b.Tokens = x.api
		row.Cost = add(add(x.base, x.burst), x.api)
		row.CashCost = add(add(row.CashCost, x.burst), x.api)
		// The base replicas the peak hour leaves idle are stranded.
		if h.kb > 0 {
			needed := ceil(div(x.day.peakLoad, h.capB)).IntPart()
			if idle := h.kb - min(h.kb, needed); idle > 0 {
				row.StrandedCost = div(mul(x.base, intDecimal(idle)), intDecimal(h.kb))
			}
		}
		peak := add(h.baseUnits, intDecimal(x.day.peak*h.nu))
		row.Accelerators = peak
		row.Fleet = add(h.baseUnits, div(mul(x.day.billed, nu), twentyFour))
		bb := div(mul(x.day.base, h.secB), SecondsPerDay)
		ub := div(mul(x.day.burst, h.secU), SecondsPerDay)
		row.BusyAccelerators = add(bb, ub)
		if peak.Cmp(or.PeakAccelerators) > 0 {
			or.PeakAccelerators = peak
		}
		peakBurst = max(peakBurst, x.day.peak*h.nu)
		busyT.add(row.BusyAccelerators)
		heldT.add(row.Fleet)
		baseT.add(x.base)
		burstT.add(x.burst)
		apiT.add(x.api)
		baseReqT.add(x.baseReq)
		burstReqT.add(x.burstReq)
		apiReqT.add(x.apiReq)
		baseHoursT.add(x.baseHours)
		burstHoursT.add(x.burstHrs)
		baseBusyT.add(mul(x.baseReq, h.secB))
		burstBusyT.add(mul(x.burstReq, h.secU))
		inCostT.add(mul(x.base, h.inB))
		inCostT.add(mul(x.burst, h.inU))
		inCostT.add(x.apiInputCost)
	}
	sumBusy, sumHeld = busyT.value(), heldT.value()
	base, burst, api = baseT.value(), burstT.value(), apiT.value()
	baseReq, burstReq, apiReq = baseReqT.value(), burstReqT.value(), apiReqT.value()
	baseHours, burstHours = baseHoursT.value(), burstHoursT.value()
	baseBusy, burstBusy = baseBusyT.value(), burstBusyT.value()
	h.inCost = inCostT.value()
	if owned != nil {
		or.CapexTotal, or.BookValue, or.LoanBalance = owned.CapexTotal, owned.BookValue, owned.LoanBalance
		or.InterestTotal, or.ResaleTotal, or.Financing = owned.InterestTotal, owned.ResaleTotal, owned.Financing
	}
	res.BurstPeakAccelerators = dec(peakBurst)
	total := base.Add(burst).Add(api)
	allReq := baseReq.Add(burstReq).Add(apiReq)
	layer := func(name string, j int, req, cost, hours, busySeconds decimal.Decimal, self bool) LayerResult {
		l := LayerResult{Layer: name, Option: j, Label: p.options[j].label, Requests: req, Cost: cost, AcceleratorHours: hours}
		if allReq.Sign() > 0 {
			l.TokenShare = div(req, allReq)
		}
		if total.Sign() > 0 {
			l.CostShare = div(cost, total)
		}
		if self && hours.Sign() > 0 {
			l.Utilization = ptr(div(busySeconds, hours.Mul(dec(3600))))
		}
		return l
	}
	res.Layers = append(res.Layers, layer("base", h.base, baseReq, base, baseHours, baseBusy, true))
	if h.burst >= 0 {
		res.Layers = append(res.Layers, layer("burst", h.burst, burstReq, burst, burstHours, burstBusy, true))
	}
	if h.overflow >= 0 {
		res.Layers = append(res.Layers, layer("overflow", h.overflow, apiReq, api, zero, zero, false))
	}
	or.Hybrid = res
	return sumBusy, sumHeld
}

// Lines says the layers in words, one a line, for the command line's table
// and the page: the base's size and how it was chosen, then each layer's
// share of tokens, cost and utilization.
func (h *HybridResult) Lines() []string {
	how := "as given"
	if h.BaseSearched {
		how = "the size that costs the least"
	}
	out := []string{fmt.Sprintf("base of %s accelerators (%s); the burst layer holds at most %s in an hour", Count(h.BaseAccelerators, 0), how, Count(h.BurstPeakAccelerators, 0)), h.BaseNote()}
	for _, l := range h.Layers {
		line := fmt.Sprintf("%s (%s): %s of tokens, %s (%s of the cost)", l.Layer, l.Label, Percent(l.TokenShare), Money(l.Cost), Percent(l.CostShare))
		if l.Utilization != nil {
			line += ", utilization " + Percent(*l.Utilization)
		}
		out = append(out, line)
	}
	return out
}

// ownHybrids gives the plan its own copy of each hybrid's working state
// (prepareHybrid writes it), so that plans copied from one another (the
// volume curve, the Monte Carlo's draws) never share it.
func (p *plan) ownHybrids() {
	own := false
	for i := range p.options {
		if p.options[i].hyb != nil {
			own = true
		}
	}
	if !own {
		return
	}
	p.options = slices.Clone(p.options)
	for i := range p.options {
		if h := p.options[i].hyb; h != nil {
			c := *h
			c.curve = nil
			p.options[i].hyb = &c
		}
	}
}

// hybridReady reports whether every option a hybrid draws on has a
// result (the volume curve leaves out an option that cannot serve a
// volume; the hybrid is then left out too).
func hybridReady(h *hybridPlan, got []*decimal.Decimal) bool {
	for _, j := range []int{h.base, h.burst, h.overflow} {
		if j >= 0 && got[j] == nil {
			return false
		}
	}
	return true
}

// BaseNote says in words what the base is paid as: a cloud base is a
// commitment of its own, of the base's size for the whole horizon at its
// option's committed rate, whatever commitment tiers that option has (they
// are its plan when it stands alone); an owned base is bought in month 1.
func (h *HybridResult) BaseNote() string {
	// "of “H100, 40 committed for 2 years”", not "2 years's": a label is
	// quoted, never given a possessive.
	of := "of its option"
	if len(h.Layers) > 0 {
		of = "of “" + h.Layers[0].Label + "”"
	}
	if h.BaseRate == nil {
		return fmt.Sprintf("the base is bought in month 1 and held to the horizon, costed as the owned fleet %s", of)
	}
	return fmt.Sprintf("the base is a commitment of its own: %s accelerators for the whole horizon at %s an accelerator-hour, the committed rate %s (its hourly rate when none is given); the commitment tiers %s itself, if any, are its plan on its own and are not used here",
		Count(h.BaseAccelerators, 0), Money(*h.BaseRate), of, of)
}

// HybridLayersHeader names the columns of the report's block of hybrid
// layers (WriteReport), present only when a hybrid option is.
var HybridLayersHeader = []string{"option", "layer", "draws_on", "requests", "token_share", "cost", "cost_share", "utilization", "accelerator_hours", "base_accelerators", "base_searched"}

// hybridLayerRows is that block: an empty line, its name, its header and
// one row a layer; nothing without a hybrid option.
func hybridLayerRows(r *Result, f func(decimal.Decimal) string) [][]string {
	var rows [][]string
	for _, o := range r.Options {
		h := o.Hybrid
		if h == nil {
			continue
		}
		if rows == nil {
			rows = [][]string{nil, {"hybrid layers"}, HybridLayersHeader}
		}
		for _, l := range h.Layers {
			util := ""
			if l.Utilization != nil {
				util = f(*l.Utilization)
			}
			rows = append(rows, []string{csvText(o.Label), l.Layer, csvText(l.Label), f(l.Requests), f(l.TokenShare), f(l.Cost), f(l.CostShare), util,
				f(l.AcceleratorHours), f(h.BaseAccelerators), fmt.Sprint(h.BaseSearched)})
		}
	}
	return rows
}
