package engine

import (
	"errors"
	"fmt"
	"slices"

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

// ErrHybridSensitivity is Sensitivity's answer for a hybrid option: it
// draws on other options, and the analysis moves one option alone.
var ErrHybridSensitivity = errors.New("not computed for a hybrid option, which draws on other options; see its layers' own options")

// ErrStopped is returned when a Pace asked a computation to stop.
var ErrStopped = errors.New("stopped before the end")

func (p Pace) stop() bool { return p != nil && !p() }

// Sensitivity moves each input that applies to option i by ±percent % and
// returns the swings of the metric, largest first. Only option i is
// re-evaluated, so the work is two evaluations of one option per input.
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
	if s.Options[i].Kind == Hybrid {
		return nil, ErrHybridSensitivity
	}
	single := s.Clone()
	single.Options = []Option{s.Options[i].Clone()}
	bp, errs := Check(&single)
	if errs != nil {
		return nil, errs
	}
	br, err := bp.evaluate()
	if err != nil {
		return nil, err
	}
	base, _ := metricOf(metric, &br.Options[0])
	// What the moved inputs leave unchanged is reused: demand for any
	// non-workload input; for price-like inputs, every candidate replica's
	// throughput and capacity (a price can change which is cheapest, so
	// each is costed again).
	months := bp.demand()
	lean := metric != MetricTotalMargin
	shared := &reuse{months: months, tot: sumDemand(months), lean: lean}
	priced := &reuse{months: shared.months, tot: shared.tot, throughputs: br.Options[0].candidates, capacity: br.Options[0].capacities, lean: lean}
	full := &reuse{lean: lean}
	t := &Tornado{Option: i, Metric: metric, Percent: percent, Base: base}
	down := one.Sub(div(percent, hundred))
	up := one.Add(div(percent, hundred))
	for _, in := range sensitiveInputs(&single) {
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
			m, err := metricWith(&c, metric, r)
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
	slices.SortStableFunc(t.Swings, func(a, b Swing) int { return b.Range.Cmp(a.Range) })
	return t, nil
}

func firstError(err error) string {
	if errs, ok := err.(Errors); ok && len(errs) > 0 {
		return errs[0].Error()
	}
	return err.Error()
}

// metricWith evaluates a single-option scenario, reusing what r carries.
func metricWith(s *Scenario, m Metric, r *reuse) (decimal.Decimal, error) {
	p, errs := Check(s)
	if errs != nil {
		return zero, errs
	}
	p.reuse = r
	res, err := p.evaluate()
	if err != nil {
		return zero, err
	}
	v, _ := metricOf(m, &res.Options[0])
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
// scenario's only option and can change a result there, with their
// resolved values.
func sensitiveInputs(s *Scenario) []input {
	r := Resolve(s)
	var out []input
	add := func(e *Resolved, get func(*Scenario) *Num) {
		if e.Field == nil || !e.Field.Sensitive || !e.Used() {
			return
		}
		base, _ := e.Value()
		out = append(out, input{e.Path(), e.Field.Label, e.Field, e.group, base, get})
	}
	for k, f := range WorkloadFields {
		add(&r.Workload[k], func(c *Scenario) *Num { return f.Get(&c.Workload) })
	}
	for k, f := range RevenueFields {
		if r.Revenue != nil {
			add(&r.Revenue[k], func(c *Scenario) *Num { return f.Get(c.Revenue) })
		}
	}
	o := &r.Options[0]
	for k, f := range AcceleratorFields {
		if o.Accelerator != nil {
			add(&o.Accelerator[k], func(c *Scenario) *Num { return f.Get(c.Options[0].Accelerator) })
		}
	}
	for k, f := range OptionFields {
		add(&o.Fields[k], func(c *Scenario) *Num { return f.Get(&c.Options[0]) })
	}
	return out
}
