package engine

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Metric is a figure of one option that the sensitivity analysis follows.
type Metric string

const (
	MetricTotalCost        Metric = "total_cost"
	MetricCostPerMTokens   Metric = "cost_per_m_tokens"
	MetricCostPer1k        Metric = "cost_per_1k_requests"
	MetricLastMonthCost    Metric = "last_month_cost"
	MetricPeakAccelerators Metric = "peak_accelerators"
	MetricTotalMargin      Metric = "total_margin"
)

// Metrics lists the metrics in display order with their labels.
var Metrics = []struct {
	Metric Metric
	Label  string
}{
	{MetricTotalCost, "Total cost"},
	{MetricCostPerMTokens, "Cost per M tokens"},
	{MetricCostPer1k, "Cost per 1,000 requests"},
	{MetricLastMonthCost, "Cost in the last month"},
	{MetricPeakAccelerators, "Peak accelerators"},
	{MetricTotalMargin, "Total margin"},
}

// DefaultSwingPercent is how far each input moves each way.
var DefaultSwingPercent = decimal.NewFromInt(20)

// Swing is what moving one input down and up does to the metric.
type Swing struct {
	Path      string          `json:"path"`
	Label     string          `json:"label"`
	Base      decimal.Decimal `json:"base_input"`
	LowInput  decimal.Decimal `json:"low_input"`
	HighInput decimal.Decimal `json:"high_input"`
	// Low and High are the metric with the input moved down and up; nil
	// when that move makes the scenario invalid (Note says why).
	Low   *decimal.Decimal `json:"low"`
	High  *decimal.Decimal `json:"high"`
	Range decimal.Decimal  `json:"range"` // |High − Low|, what the tornado sorts by
	Note  string           `json:"note,omitempty"`
}

// Tornado is the sensitivity of one option's metric to each input.
type Tornado struct {
	Option  int             `json:"option"`
	Metric  Metric          `json:"metric"`
	Percent decimal.Decimal `json:"percent"`
	Base    decimal.Decimal `json:"base"`
	Swings  []Swing         `json:"swings"`
}

// Pace runs between the evaluations of a long computation (a tornado, a
// volume curve). The app uses it to let the browser handle a keystroke in
// the middle of one, and to drop work whose input has changed: returning
// false stops the computation with ErrStopped. A nil Pace never stops.
type Pace func() bool

// ErrStopped is returned when a Pace asked a computation to stop.
var ErrStopped = errors.New("stopped before the end")

func (p Pace) stop() bool { return p != nil && !p() }

// Sensitivity moves each input that applies to option i by ±percent % and
// returns the swings of the metric, largest first. Only option i is
// re-evaluated, so the work is two evaluations of one option per input.
// A hybrid option is re-evaluated with the options its layers draw on
// (sensitivityScenario): its inputs are the workload's, its own and
// those of each layer's option, and a move of any of them re-evaluates
// the layers' options and then the hybrid (its base size searched again
// when it is searched), exactly as a whole evaluation would.
func Sensitivity(s *Scenario, i int, metric Metric, percent decimal.Decimal, pace Pace) (*Tornado, error) {
	if i < 0 || i >= len(s.Options) {
		return nil, fmt.Errorf("sensitivity: no option %d", i)
	}
	if percent.Sign() <= 0 || percent.Cmp(hundred) >= 0 {
		return nil, errors.New("sensitivity: the percentage must be between 0 and 100")
	}
	if _, ok := metricOf(metric, &OptionResult{}); !ok {
		return nil, fmt.Errorf("sensitivity: unknown metric %q", metric)
	}
	if metric == MetricTotalMargin && s.Revenue == nil {
		return nil, errors.New("sensitivity: margin needs revenue prices")
	}
	single, orig := sensitivityScenario(s, i)
	target := len(single.Options) - 1
	bp, errs := Check(&single)
	if errs != nil {
		return nil, errs
	}
	br, err := bp.evaluate()
	if err != nil {
		return nil, err
	}
	if why := br.Options[target].Infeasible; why != "" {
		return nil, fmt.Errorf("sensitivity: %s cannot serve this workload: %s", br.Options[target].Label, why)
	}
	base, _ := metricOf(metric, &br.Options[target])
	// What the moved inputs leave unchanged is reused: demand for any
	// non-workload input; for price-like inputs, every candidate replica's
	// throughput and capacity (a price can change which is cheapest, so
	// each is costed again). With a hybrid's layers, each self-hosted
	// option's candidate throughputs (byOption) are reused and capacity is
	// worked out again: reuse.capacity holds one option's.
	months := bp.demand()
	lean := metric != MetricTotalMargin
	shared := &reuse{months: months, tot: sumDemand(months), lean: lean}
	priced := &reuse{months: shared.months, tot: shared.tot, throughputs: br.Options[0].candidates, capacity: br.Options[0].capacities, lean: lean}
	if target > 0 {
		by := make([][]Throughput, len(single.Options))
		for k := range br.Options {
			by[k] = br.Options[k].candidates // nil for an API and the hybrid
		}
		priced = &reuse{months: shared.months, tot: shared.tot, byOption: by, lean: lean}
	}
	full := &reuse{lean: lean}
	t := &Tornado{Option: i, Metric: metric, Percent: percent, Base: base}
	down := one.Sub(div(percent, hundred))
	up := one.Add(div(percent, hundred))
	for _, in := range sensitiveInputs(&single, orig) {
		if metric != MetricTotalMargin && in.group == "revenue" {
			continue // prices charged move only the margin
		}
		sw := Swing{Path: in.path, Label: in.label, Base: in.base}
		sw.LowInput = in.clamp(in.base.Mul(down))
		sw.HighInput = in.clamp(in.base.Mul(up))
		if sw.LowInput.Equal(in.base) && sw.HighInput.Equal(in.base) {
			continue
		}
		for _, side := range []struct {
			v   decimal.Decimal
			out **decimal.Decimal
		}{{sw.LowInput, &sw.Low}, {sw.HighInput, &sw.High}} {
			if pace.stop() {
				return nil, ErrStopped
			}
			c := single.Clone()
			*in.get(&c) = NumOf(side.v)
			r := full
			switch {
			case in.field.CostOnly:
				r = priced
			case in.group == "option" || in.group == "accelerator":
				r = shared
			}
			m, err := metricWith(&c, metric, r, target)
			if err != nil {
				sw.Note = firstError(err)
				continue
			}
			*side.out = &m
		}
		if sw.Low != nil && sw.High != nil {
			sw.Range = sw.High.Sub(*sw.Low).Abs()
		}
		t.Swings = append(t.Swings, sw)
	}
	t.Swings = permute(t.Swings, stableOrder(len(t.Swings), func(a, b int) int { return t.Swings[b].Range.Cmp(t.Swings[a].Range) }))
	return t, nil
}

func firstError(err error) string {
	if errs, ok := err.(Errors); ok && len(errs) > 0 {
		if len(errs) > 1 && errs[0].Msg == NoOptionCanServe {
			return errs[1].Error() // the first option's reason
		}
		return errs[0].Error()
	}
	return err.Error()
}

// sensitivityScenario is the scenario the analysis of option i moves: that
// option alone, or for a hybrid the options its layers draw on (in their
// order) followed by the hybrid, its layer numbers renumbered to them.
// orig gives each of its options' index in s, so that a swing's path
// names the option as the scenario does (options[i]., not the copy's
// options[0].).
func sensitivityScenario(s *Scenario, i int) (Scenario, []int) {
	single := s.Clone()
	o := s.Options[i].Clone()
	if o.Kind != Hybrid {
		single.Options = []Option{o}
		return single, []int{i}
	}
	var orig []int
	refs := []*Num{&o.BaseOption, &o.BurstOption, &o.OverflowOption}
	for _, v := range refs {
		if j, ok := optionRef(*v, len(s.Options)); ok && j != i && !slices.Contains(orig, j) {
			orig = append(orig, j)
		}
	}
	slices.Sort(orig)
	single.Options = nil
	for _, j := range orig {
		single.Options = append(single.Options, s.Options[j].Clone())
	}
	for _, v := range refs {
		if j, ok := optionRef(*v, len(s.Options)); ok && j != i {
			*v = NumOf(dec(int64(slices.Index(orig, j) + 1)))
		}
	}
	single.Options = append(single.Options, o)
	return single, append(orig, i)
}

// optionRef is the option a layer field names, from 0, when it names one
// in range (Check reports the rest).
func optionRef(v Num, n int) (int, bool) {
	if !v.Set() || !v.Dec().IsInteger() || v.Dec().Sign() <= 0 || v.Dec().Cmp(dec(int64(n))) > 0 {
		return 0, false
	}
	return int(v.Dec().IntPart()) - 1, true
}

// metricWith evaluates a sensitivity scenario, reusing what r carries, and
// returns option target's metric.
func metricWith(s *Scenario, m Metric, r *reuse, target int) (decimal.Decimal, error) {
	p, errs := Check(s)
	if errs != nil {
		return zero, errs
	}
	p.reuse = r
	res, err := p.evaluate()
	if err != nil {
		return zero, err
	}
	if why := res.Options[target].Infeasible; why != "" {
		return zero, errors.New("cannot serve: " + why)
	}
	v, _ := metricOf(m, &res.Options[target])
	return v, nil
}

func metricOf(m Metric, o *OptionResult) (decimal.Decimal, bool) {
	switch m {
	case MetricTotalCost:
		return o.TotalCost, true
	case MetricCostPerMTokens:
		return o.CostPerMTokens, true
	case MetricCostPer1k:
		return o.CostPer1kRequests, true
	case MetricLastMonthCost:
		return o.LastMonthCost, true
	case MetricPeakAccelerators:
		return o.PeakAccelerators, true
	case MetricTotalMargin:
		if o.TotalMargin == nil {
			return zero, true
		}
		return *o.TotalMargin, true
	}
	return zero, false
}

// input is one movable input of a single-option scenario.
type input struct {
	path, label string
	field       *Field
	group       string // as Resolved's
	base        decimal.Decimal
	get         func(*Scenario) *Num
}

func (in input) clamp(v decimal.Decimal) decimal.Decimal {
	if in.field.Integer {
		v = v.Round(0)
	}
	if v.Cmp(in.field.Max) > 0 {
		v = in.field.Max
	}
	if v.Cmp(in.field.Min) < 0 || (in.field.MinExclusive && v.Cmp(in.field.Min) <= 0) {
		return in.base
	}
	return v
}

// sensitiveInputs lists the inputs flagged Sensitive that apply to the
// sensitivity scenario's options and can change a result there, with
// their resolved values. With orig (each option's index in the whole
// scenario), paths name the options by that index; a hybrid's layer
// option's inputs are labelled with its role and label.
func sensitiveInputs(s *Scenario, orig []int) []input {
	r := Resolve(s)
	var out []input
	add := func(e *Resolved, label string, get func(*Scenario) *Num) {
		if e.Field == nil || !e.Field.Sensitive || !e.Used() && !baseRate(s, orig, e) {
			return
		}
		base, _ := e.Value()
		path := e.Path()
		if orig != nil && (e.group == "option" || e.group == "accelerator") {
			if k, rest, ok := SplitOptionPath(path); ok {
				path = OptionPath(orig[k], rest)
			}
		}
		out = append(out, input{path, label, e.Field, e.group, base, get})
	}
	for k, f := range WorkloadFields {
		add(&r.Workload[k], r.Workload[k].labelOr(), func(c *Scenario) *Num { return f.Get(&c.Workload) })
	}
	for k, f := range RevenueFields {
		if r.Revenue != nil {
			add(&r.Revenue[k], r.Revenue[k].labelOr(), func(c *Scenario) *Num { return f.Get(c.Revenue) })
		}
	}
	last := len(s.Options) - 1
	for j := range s.Options {
		o := &r.Options[j]
		suffix := ""
		if j < last {
			suffix = " (" + layerRoles(&s.Options[last], j) + ": " + truncate(s.Options[j].Label, 30) + ")"
		}
		for k, f := range AcceleratorFields {
			if o.Accelerator != nil {
				add(&o.Accelerator[k], o.Accelerator[k].labelOr()+suffix, func(c *Scenario) *Num { return f.Get(c.Options[j].Accelerator) })
			}
		}
		for k, f := range OptionFields {
			add(&o.Fields[k], o.Fields[k].labelOr()+suffix, func(c *Scenario) *Num { return f.Get(&c.Options[j]) })
		}
	}
	return out
}

// baseRate reports that e is the committed rate of a hybrid's cloud base,
// which the hybrid pays for its base (hybrid.go) though its own option,
// without commitment tiers, does not use it.
func baseRate(s *Scenario, orig []int, e *Resolved) bool {
	if orig == nil || e.group != "option" || e.Field.Key != "commit_hourly_rate" || !e.Given.Set() {
		return false
	}
	h := &s.Options[len(s.Options)-1]
	return h.Kind == Hybrid && h.BaseOption.Set() && h.BaseOption.Dec().Equal(dec(int64(e.option+1)))
}

// labelOr is the field's label ("" without a field; add skips it then).
func (r *Resolved) labelOr() string {
	if r.Field == nil {
		return ""
	}
	return r.Field.Label
}

// layerRoles names the layers of hybrid h (in the sensitivity scenario)
// that draw on option j: "base", "burst", "base and burst", "overflow".
func layerRoles(h *Option, j int) string {
	var roles []string
	for k, v := range []Num{h.BaseOption, h.BurstOption, h.OverflowOption} {
		if v.Set() && v.Dec().Equal(dec(int64(j+1))) {
			roles = append(roles, []string{"base", "burst", "overflow"}[k])
		}
	}
	return strings.Join(roles, " and ")
}
