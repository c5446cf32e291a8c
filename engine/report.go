package engine

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Assumption is one input as a report lists it: the value the figures use
// and where it comes from, in words.
type Assumption struct {
	Path   string // as errors name it: "options[1].pue"
	Option string // the option's label, for an option's or accelerator's field
	Label  string // the field's label
	Value  string // the exact value used, "" when there is none
	Unit   string
	From   string // Describe
	Used   bool   // false when the value cannot change any result here
}

// ReportAssumptions lists the assumptions of a scenario as reports state
// them: of its canonical form (Normalize), the form a link holds, so that a
// value typed equal to its default reads "default" in the page's report,
// in the printed page and in `infercost eval -format csv` of the scenario's
// file or link alike.
func ReportAssumptions(s *Scenario) []Assumption {
	n := Normalize(s)
	return Assumptions(Resolve(&n))
}

// Assumptions lists every input that applies to the scenario, in the order
// of the scenario file, folded groups included: the printed report and the
// CSV report list them, and `infercost eval -inputs` prints them.
func Assumptions(r *Resolution) []Assumption {
	var out []Assumption
	profile := r.Values.Workload.DailyProfile // text, after the workload's numbers (hybrid.go)
	for e := range r.All() {
		if profile != "" && e.group != "workload" {
			out = append(out, Assumption{Path: "workload.daily_profile", Label: "Daily profile", Value: profile, Unit: "preset or 24 hourly shares", From: "given", Used: true})
			profile = ""
		}
		a := Assumption{Path: e.Path(), Label: e.Field.Label, Unit: e.Field.Unit, From: e.Describe(), Used: e.Used()}
		if v, ok := e.Value(); ok {
			a.Value = v.String()
		}
		if e.group == "option" || e.group == "accelerator" {
			a.Option = r.Values.Options[e.option].Label
		}
		out = append(out, a)
	}
	return out
}

// Describe says where a resolved value comes from, in words: "given",
// "default", "required", the preset with the source and date of its
// figure, the rule and the field a value is derived from, or what the
// absence of an optional value means.
func (r *Resolved) Describe() string {
	o := r.Origin()
	switch o.Kind {
	case OriginUser:
		return "given"
	case OriginPreset:
		note := o.Source + ", as of " + o.AsOf
		switch {
		case o.Source == "": // an estimate, cited as such (capexWords)
			note = o.Rule + "; as of " + o.AsOf
		case o.Rule != "":
			note = o.Rule + "; " + note
		}
		return "preset " + o.Preset + " (" + note + ")"
	case OriginDerived:
		return o.Rule + " (" + o.From + ")"
	case OriginNone:
		return "none (" + o.Rule + ")"
	case OriginDefault:
		if o.Rule != "" { // "no change", "the engine's default cost of capital"
			return "default (" + o.Rule + ")"
		}
	}
	return o.Kind.String()
}

// ReportSummaryHeader names the columns of the report's summary block, one
// row per option.
var ReportSummaryHeader = []string{
	"option", "kind", "rank", "total_cost", "total_cash_cost", "cost_per_m_tokens", "cost_per_m_input_tokens",
	"cost_per_m_output_tokens", "cost_per_1k_requests", "first_month_cost", "last_month_cost", "peak_accelerators",
	"average_utilization", "stranded_total", "capex_total", "book_value", "total_revenue", "total_margin",
	"margin_share", "break_even_month", "savings_vs_api", "break_even_requests_per_day", "break_even_basis",
	"financing", "interest_total", "resale_total", "loan_balance",
	"net_present_cost", "npv", "npv_rank", "discounted_payback_month", "irr",
}

// AssumptionsHeader names the columns of the report's assumptions block.
var AssumptionsHeader = []string{"input", "option", "label", "value", "unit", "from", "used"}

// WriteReport writes the report for finance as CSV: the scenario and the
// summary in words (with what the winner's cost depends most on and
// whether the ranking survives the estimates' error, as the page and
// `infercost eval` say them), a summary block with one row per option,
// the power block (each self-hosted option's power and the site's), the
// uncertainty block (writeUncertainty), every assumption
// (ReportAssumptions: resolved value and where it comes from), then the
// monthly rows of WriteCSV. Blocks are separated by an empty line and open
// with a row naming them. s must be the scenario r was evaluated from and
// sim its Monte Carlo (nil when it has none or has not been drawn). The
// app's export and `infercost eval -format csv` both call it, so they
// match byte for byte.
func WriteReport(w io.Writer, s *Scenario, r *Result, sim *Simulation) error {
	cw := csv.NewWriter(w)
	f := func(d decimal.Decimal) string { return trimFixed(d, CSVPlaces) }
	opt := func(d *decimal.Decimal) string {
		if d == nil {
			return ""
		}
		return f(*d)
	}
	rows := [][]string{
		{"infercost report"},
		{"scenario", csvText(r.Name)},
		{"horizon_months", strconv.Itoa(r.Horizon)},
	}
	// The winner's sensitivity names what its cost depends most on, as
	// the page's summary and `infercost eval` do; a failure leaves the
	// sentence out, as there.
	tor, err := Sensitivity(s, r.Comparison.Cheapest, MetricCostPerMTokens, DefaultSwingPercent, nil)
	if err != nil {
		tor = nil
	}
	for _, line := range Summarize(r, tor).Sentences() {
		rows = append(rows, []string{"summary", csvText(line)})
	}
	if robust, err := RankingUnderError(s, r); err == nil && robust != nil {
		rows = append(rows, []string{"summary", csvText(robust.Sentence(r))})
	}
	rows = append(rows, nil, []string{"options"}, ReportSummaryHeader)
	for i, o := range r.Options {
		v := r.Comparison.Options[i]
		if o.Infeasible != "" {
			// It cannot serve: no rank and no figures (the summary rows
			// say why).
			rows = append(rows, append([]string{csvText(o.Label), csvText(string(o.Kind))}, make([]string, len(ReportSummaryHeader)-2)...))
			continue
		}
		breakEven, payback := "", ""
		if o.BreakEvenMonth != nil {
			breakEven = strconv.Itoa(*o.BreakEvenMonth)
		}
		if o.DiscountedPaybackMonth != nil {
			payback = strconv.Itoa(*o.DiscountedPaybackMonth)
		}
		rows = append(rows, []string{
			csvText(o.Label), csvText(string(o.Kind)), strconv.Itoa(v.Rank), f(o.TotalCost), f(o.TotalCashCost), f(o.CostPerMTokens),
			opt(o.CostPerMInputTokens), f(o.CostPerMOutputTokens), f(o.CostPer1kRequests), f(o.FirstMonthCost), f(o.LastMonthCost),
			f(o.PeakAccelerators), opt(o.AverageUtilization), f(o.StrandedTotal), f(o.CapexTotal), f(o.BookValue),
			opt(o.TotalRevenue), opt(o.TotalMargin), opt(o.MarginShare), breakEven, opt(v.SavingsVsAPI), opt(v.BreakEvenRequestsPerDay),
			csvText(v.BreakEvenBasis), csvText(o.Financing), f(o.InterestTotal), f(o.ResaleTotal), f(o.LoanBalance),
			f(o.NetPresentCost), opt(o.NPV), strconv.Itoa(v.NPVRank), payback, opt(o.IRR),
		})
	}
	rows = append(rows, hybridLayerRows(r, f)...)
	rows = append(rows, powerRows(r.Power, opt)...)
	rows = append(rows, uncertaintyRows(s, sim, f, opt)...)
	rows = append(rows, nil, []string{"assumptions"}, AssumptionsHeader)
	for _, a := range ReportAssumptions(s) {
		rows = append(rows, []string{a.Path, csvText(a.Option), csvText(a.Label), a.Value, csvText(a.Unit), csvText(a.From), strconv.FormatBool(a.Used)})
	}
	rows = append(rows, nil, []string{"monthly"})
	for _, row := range rows {
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return WriteCSV(w, r)
}

// PowerHeader names the columns of the report's power block: one row per
// self-hosted option (a hybrid's per layer), with the page's lines in
// words (OptionPower.Lines) in the last column.
var PowerHeader = []string{"option", "layer", "all_in_kw", "pue", "meter_kw", "peak_mw", "outgrows_site_month", "lines"}

// powerRows is the report's power block: the site's budget (when given)
// and each self-hosted option's power; none without a self-hosted option.
func powerRows(p *Power, opt func(*decimal.Decimal) string) [][]string {
	if p == nil || len(p.Options) == 0 {
		return nil
	}
	rows := [][]string{nil, {"power"}}
	if p.SiteMW != nil {
		rows = append(rows, []string{"site_mw", opt(p.SiteMW)})
	}
	rows = append(rows, PowerHeader)
	for i := range p.Options {
		op := &p.Options[i]
		outgrows := ""
		if op.OutgrowsMonth != nil {
			outgrows = strconv.Itoa(*op.OutgrowsMonth)
		}
		rows = append(rows, []string{csvText(op.Label), "", opt(op.AllInKW), opt(&op.PUE), opt(op.MeterKW), opt(op.PeakMW), outgrows,
			csvText(strings.Join(op.Lines(p.SiteMW), "; "))})
		for _, l := range op.Layers {
			rows = append(rows, []string{csvText(op.Label), l.Layer + ": " + csvText(l.Label), opt(l.AllInKW), opt(&l.PUE), opt(l.MeterKW), "", "", csvText(l.Basis)})
		}
	}
	return rows
}

// UncertaintyRangesHeader and UncertaintyHeader name the columns of the
// report's uncertainty block: the ranges drawn, then each option's
// spread (P10, P50, P90), its draws won and share (P(cheapest)) and its
// regret.
var (
	UncertaintyRangesHeader = []string{"range", "label", "shape", "low", "mode", "high", "default", "drawn_with"}
	UncertaintyHeader       = []string{"option",
		"total_p10", "total_p50", "total_p90", "cost_per_m_tokens_p10", "cost_per_m_tokens_p50", "cost_per_m_tokens_p90",
		"stranded_p10", "stranded_p50", "stranded_p90", "margin_p10", "margin_p50", "margin_p90",
		"npv_p10", "npv_p50", "npv_p90", "net_present_cost_p10", "net_present_cost_p50", "net_present_cost_p90",
		"wins", "win_share", "regret_p10", "regret_p50", "regret_p90"}
)

// uncertaintyRows is the report's uncertainty block, none when the
// scenario has no uncertainty block. With the simulation: its seed,
// samples and redraws, the ranges as drawn (the default throughput bands
// included) and each option's spread. Without (not drawn yet): the
// scenario's own seed, samples and ranges as given, and a row saying the
// spread is not in the report.
func uncertaintyRows(s *Scenario, sim *Simulation, f func(decimal.Decimal) string, opt func(*decimal.Decimal) string) [][]string {
	if s.Uncertainty == nil {
		return nil
	}
	rows := [][]string{nil, {"uncertainty"}}
	if sim == nil {
		u := s.Uncertainty
		seed, samples := u.Seed.String(), u.Samples.String()
		if !u.Seed.Set() {
			seed = strconv.Itoa(DefaultSeed)
		}
		if !u.Samples.Set() {
			samples = strconv.Itoa(DefaultSamples)
		}
		rows = append(rows, []string{"seed", csvText(seed)}, []string{"samples", csvText(samples)},
			[]string{"status", "not drawn: the spread is not in this report"}, UncertaintyRangesHeader)
		for _, g := range u.Ranges {
			rows = append(rows, []string{csvText(g.Path), "", csvText(string(g.Shape)), csvText(g.Low.String()), csvText(g.Mode.String()), csvText(g.High.String()), "false", ""})
		}
		return rows
	}
	rows = append(rows, []string{"seed", strconv.FormatInt(sim.Seed, 10)}, []string{"samples", strconv.Itoa(sim.Samples)},
		[]string{"redrawn", strconv.Itoa(sim.Redrawn)})
	if t := RedrawnText(sim); t != "" {
		rows = append(rows, []string{"redrawn_why", csvText(t)})
	}
	rows = append(rows, UncertaintyRangesHeader)
	for _, g := range sim.Ranges {
		rows = append(rows, []string{csvText(g.Path), csvText(g.Label), string(g.Shape), f(g.Low), f(g.Mode), f(g.High), strconv.FormatBool(g.Default), csvText(g.DrawnWith)})
	}
	rows = append(rows, UncertaintyHeader)
	sp := func(x *Spread) []string {
		if x == nil {
			return []string{"", "", ""}
		}
		return []string{f(x.P10), f(x.P50), f(x.P90)}
	}
	for _, o := range sim.Options {
		row := []string{csvText(o.Label)}
		for _, x := range []*Spread{&o.TotalCost, &o.CostPerMTokens, &o.Stranded, o.Margin, o.NPV, o.NetPresentCost} {
			row = append(row, sp(x)...)
		}
		row = append(row, strconv.Itoa(o.Wins), f(o.WinShare))
		row = append(row, sp(&o.Regret)...)
		rows = append(rows, row)
	}
	return rows
}
