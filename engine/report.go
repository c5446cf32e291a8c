package engine

import (
	"encoding/csv"
	"io"
	"strconv"

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
// summary in words, a summary block with one row per option, every
// assumption (ReportAssumptions: resolved value and where it comes from),
// then the monthly rows of WriteCSV. Blocks are separated by an empty line
// and open with a row naming them. s must be the scenario r was evaluated
// from. The app's export and `infercost eval -format csv` both call it, so
// they match byte for byte.
func WriteReport(w io.Writer, s *Scenario, r *Result) error {
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
	for _, line := range Summarize(r, nil).Sentences() {
		rows = append(rows, []string{"summary", csvText(line)})
	}
	rows = append(rows, nil, []string{"options"}, ReportSummaryHeader)
	for i, o := range r.Options {
		v := r.Comparison.Options[i]
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
