package engine

import (
	"math/big"

	"github.com/shopspring/decimal"
)

// The base-size search (prepareHybrid) costs the horizon at every whole
// number of base replicas. hybridTotal does it as the monthly rows are
// costed, in decimals: tens of thousands of decimal operations, most of the
// page's keystroke time for a hybrid option under wasm. hybridScan gives
// the same totals, exactly:
//
//   - every load, capacity and overflow of the day's fill is a whole number
//     of trillionths of a request (hybridPrec), so the fill is done in
//     integers of that unit, into buffers reused from size to size;
//   - a day of burst replicas needed hour by hour is billed by billBurst
//     once, whatever the size and month it comes back at (the same need,
//     the same bill);
//   - a month's overflow, perMonth(a day's) = a day's × 365 / 12 rounded to
//     Prec places, is worked out in integers of 10^−24 (see perMonthAt);
//   - sums are exact in decimals (only division and rounding are not), so
//     what is the same every month is multiplied by the months, and the
//     API's price applied to the horizon's requests at once when it has no
//     price path (with one, each month is priced and rounded as the rows
//     are);
//   - an owned base is costed by its option's own costing (costOwned), as
//     the rows do, from the requests the base serves each day, filled as
//     the rest.
//
// TestHybridScanEqualsBruteForce checks it against hybridTotal at every
// size, on the hybrid example and variants of it that reach each branch,
// and TestHybridScanRandom on random ones.
type hybridScan struct {
	p      *plan
	h      *hybridPlan
	owned  *optionPlan // an owned base; nil for a cloud one
	groups []shareGroup
	blocks []scanBlock
	months int64

	capB, capU big.Int // a replica's requests an hour, in 10^−12
	hours      []int64 // hours in each share group

	baseRate   decimal.Decimal   // the base's cost an accelerator-month
	burstFlat  bool              // the burst option's rate is the same every month
	burstRate  decimal.Decimal   // that rate
	burstRates []decimal.Decimal // else its rate each month
	api        bool
	perRequest decimal.Decimal
	apiPath    []decimal.Decimal // the API's price factor each month; nil: none

	bills   map[[24]int64]int // need → bills index
	billsAt []scanBill

	c, x, q, r, t, a, sum big.Int // reused
}

// scanBlock is a run of months of the same demand: their days fill alike.
type scanBlock struct {
	from, to int       // months [from, to)
	loads    []big.Int // each share group's hour load, in 10^−12 requests
	peak     big.Int   // the largest of them
	day      big.Int   // the day's requests, in 10^−12 (Σ loads × hours)
	served   big.Int   // the base serves of them at the size being costed
	count    int64     // to − from
}

// scanBill is a day's burst bill: perMonth(billed replica-hours × the
// replica's accelerators), its cost at a flat rate (rounded as the rows
// are), and how many months have it at the size being costed.
type scanBill struct {
	hours  decimal.Decimal
	cost   decimal.Decimal
	months int64
}

// perMonthNum is 365 × 10^24 / 12 / 10^12 × 3: a day's overflow of A
// trillionths of a request is, a month, A × 365 / 12 requests; in 10^−24
// that is A × perMonthNum / 3.
var perMonthNum = big.NewInt(365 * 250000000000)

var bigOne, three = big.NewInt(1), big.NewInt(3)

// newHybridScan prepares the scan, or returns nil where hybridTotal must
// do (a load not a whole number of trillionths).
func (p *plan) newHybridScan(o *optionPlan, months []demand) *hybridScan {
	h := o.hyb
	bo := &p.options[h.base]
	s := &hybridScan{p: p, h: h, groups: p.workload.profile.groups, months: int64(len(months)), bills: map[[24]int64]int{}}
	switch bo.kind {
	case Cloud:
		rate := bo.commitRate
		if !bo.commitRateSet {
			rate = bo.hourly
		}
		s.baseRate = rate.Mul(HoursPerMonth)
	case Owned:
		s.owned = bo
	default:
		return nil
	}
	if !trillionths(&s.capB, h.capB) {
		return nil
	}
	for _, g := range s.groups {
		s.hours = append(s.hours, int64(len(g.hours)))
	}
	for m := 0; m < len(months); {
		b := scanBlock{from: m, loads: make([]big.Int, len(s.groups))}
		for k := range s.groups {
			if !trillionths(&b.loads[k], h.loads[m][k]) {
				return nil
			}
			if b.loads[k].Cmp(&b.peak) > 0 {
				b.peak.Set(&b.loads[k])
			}
			b.day.Add(&b.day, new(big.Int).Mul(&b.loads[k], big.NewInt(int64(len(s.groups[k].hours)))))
		}
		for m++; m < len(months) && months[m].rpd.Equal(months[b.from].rpd); m++ {
		}
		b.to, b.count = m, int64(m-b.from)
		s.blocks = append(s.blocks, b)
	}
	if h.burst >= 0 {
		if !trillionths(&s.capU, h.capU) || s.capU.Sign() <= 0 {
			return nil
		}
		u := &p.options[h.burst]
		s.burstFlat = u.hourlyPath == nil
		if s.burstFlat {
			s.burstRate = u.hourly
		} else {
			for m := range months {
				s.burstRates = append(s.burstRates, u.hourlyAt(m))
			}
		}
	}
	if h.overflow >= 0 {
		api := &p.options[h.overflow]
		s.api, s.perRequest, s.apiPath = true, p.perRequestAPI(api), api.pricePath
	}
	return s
}

// trillionths sets z to x in 10^−12 and reports whether x is a whole
// number of them.
func trillionths(z *big.Int, x decimal.Decimal) bool {
	y := x.Shift(hybridPrec)
	if !y.IsInteger() {
		return false
	}
	z.Set(y.BigInt())
	return true
}

// total is hybridTotal at k base replicas (h.baseUnits accelerators).
func (s *hybridScan) total(k int64, baseUnits decimal.Decimal) decimal.Decimal {
	h := s.h
	s.c.SetInt64(k)
	s.c.Mul(&s.c, &s.capB) // the base's capacity an hour
	s.sum.SetInt64(0)
	for i := range s.billsAt {
		s.billsAt[i].months = 0
	}
	var burst, api decimal.Decimal // with price paths, month by month
	for bi := range s.blocks {
		b := &s.blocks[bi]
		if b.peak.Cmp(&s.c) <= 0 {
			b.served.Set(&b.day)
			continue // the base serves every hour: no burst, no overflow
		}
		var need [24]int64
		s.a.SetInt64(0)
		b.served.SetInt64(0)
		for g := range b.loads {
			x := s.x.Sub(&b.loads[g], &s.c)
			if s.owned != nil {
				s.t.SetInt64(s.hours[g])
				if x.Sign() <= 0 {
					s.t.Mul(&s.t, &b.loads[g])
				} else {
					s.t.Mul(&s.t, &s.c)
				}
				b.served.Add(&b.served, &s.t)
			}
			if x.Sign() <= 0 {
				continue
			}
			if h.burst >= 0 {
				s.q.QuoRem(x, &s.capU, &s.r)
				n := s.q.Int64() // at most 10^12 (prepareHybrid)
				if s.r.Sign() > 0 {
					n++
				}
				if h.capR >= 0 && n > h.capR {
					n = h.capR
				}
				for _, hr := range s.groups[g].hours {
					need[hr] = n
				}
				s.t.SetInt64(n)
				if s.t.Mul(&s.t, &s.capU).Cmp(x) >= 0 {
					continue // the burst layer serves it all
				}
				x.Sub(x, &s.t)
			}
			s.t.SetInt64(s.hours[g])
			s.a.Add(&s.a, s.t.Mul(&s.t, x))
		}
		if h.burst >= 0 {
			bill := &s.billsAt[s.bill(need)]
			switch {
			case bill.hours.Sign() == 0:
			case s.burstFlat:
				bill.months += b.count
			default:
				for m := b.from; m < b.to; m++ {
					burst = burst.Add(bill.hours.Mul(s.burstRates[m]).Round(Prec))
				}
			}
		}
		if s.api && s.a.Sign() > 0 {
			perMonthAt(&s.t, &s.a) // the month's overflow requests, in 10^−24
			if s.apiPath == nil {
				s.sum.Add(&s.sum, s.t.Mul(&s.t, s.q.SetInt64(b.count)))
			} else {
				req := decimal.NewFromBigInt(new(big.Int).Set(&s.t), -2*hybridPrec).Mul(s.perRequest)
				for m := b.from; m < b.to; m++ {
					api = api.Add(req.Mul(s.apiPath[m]).Round(Prec))
				}
			}
		}
	}
	total := burst.Add(api)
	switch {
	case s.owned == nil:
		total = total.Add(baseUnits.Mul(s.baseRate).Mul(dec(s.months)))
	case baseUnits.Sign() > 0:
		total = total.Add(s.ownedBase(baseUnits))
	}
	for i := range s.billsAt {
		if n := s.billsAt[i].months; n > 0 {
			total = total.Add(s.billsAt[i].cost.Mul(dec(n)))
		}
	}
	if s.sum.Sign() > 0 {
		total = total.Add(decimal.NewFromBigInt(new(big.Int).Set(&s.sum), -2*hybridPrec).Mul(s.perRequest))
	}
	return total
}

// ownedBase is an owned base's cost over the horizon, as hybridMonths
// costs it: the owned option's costing of a fleet of baseUnits from month
// 1, its busy accelerators those the base's requests keep busy.
func (s *hybridScan) ownedBase(baseUnits decimal.Decimal) decimal.Decimal {
	n := int(s.months)
	owned := &OptionResult{Months: make([]Month, n)}
	rows := make([]capMonth, n)
	for bi := range s.blocks {
		b := &s.blocks[bi]
		busy := div(decimal.NewFromBigInt(new(big.Int).Set(&b.served), -hybridPrec).Mul(s.h.secB), SecondsPerDay)
		for m := b.from; m < b.to; m++ {
			rows[m].accelerators, rows[m].busy = baseUnits, busy
		}
	}
	s.p.costOwned(s.owned, owned, rows)
	var t decimal.Decimal
	for m := range owned.Months {
		t = t.Add(owned.Months[m].Cost)
	}
	return t
}

// perMonthAt sets z to perMonth(a × 10^−12) in 10^−24: a × perMonthNum / 3
// rounded half away from zero, as div rounds (a ≥ 0; a remainder of 1
// third rounds down, of 2 up: (n + 1) / 3 floored).
func perMonthAt(z, a *big.Int) {
	z.Mul(a, perMonthNum)
	z.Add(z, bigOne)
	z.Quo(z, three)
}

// bill is the index of need's bill, billed on first sight.
func (s *hybridScan) bill(need [24]int64) int {
	if i, ok := s.bills[need]; ok {
		return i
	}
	h := s.h
	var b scanBill
	if billed, _ := billBurst(need, h.minHours); billed.Sign() > 0 {
		b.hours = perMonth(billed.Mul(dec(h.nu)))
		if s.burstFlat {
			b.cost = b.hours.Mul(s.burstRate).Round(Prec)
		}
	}
	s.billsAt = append(s.billsAt, b)
	s.bills[need] = len(s.billsAt) - 1
	return len(s.billsAt) - 1
}
