package engine

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/shopspring/decimal"
)

// CSVPlaces is how many decimal places the CSV export keeps: exact to a
// millionth of a dollar or token, readable in any spreadsheet.
const CSVPlaces = 6

// CSVHeader names the columns of the monthly CSV export.
var CSVHeader = []string{
	"option", "kind", "month", "requests_per_day", "requests", "input_tokens", "cached_input_tokens", "output_tokens",
	"accelerators", "fleet", "busy_accelerators", "utilization", "cost",
	"on_demand", "committed", "depreciation", "capital", "energy", "facility", "operations", "tokens",
	"stranded_cost", "capex", "cash_cost", "revenue", "margin", "cumulative_cash",
}

// WriteCSV writes one row per option and month. The app's export and
// `infercost eval -format csv` both call it, so they match byte for byte.
func WriteCSV(w io.Writer, r *Result) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	f := func(d decimal.Decimal) string { return trimFixed(d, CSVPlaces) }
	for _, o := range r.Options {
		for _, m := range o.Months {
			util := ""
			if u := m.Utilization(); u != nil {
				util = f(*u)
			}
			b := m.Breakdown
			row := []string{
				o.Label, string(o.Kind), strconv.Itoa(m.Month), f(m.RequestsPerDay), f(m.Requests), f(m.InputTokens), f(m.CachedInputTokens), f(m.OutputTokens),
				f(m.Accelerators), f(m.Fleet), f(m.BusyAccelerators), util, f(m.Cost),
				f(b.OnDemand), f(b.Committed), f(b.Depreciation), f(b.Capital), f(b.Energy), f(b.Facility), f(b.Operations), f(b.Tokens),
				f(m.StrandedCost), f(m.Capex), f(m.CashCost), f(m.Revenue), f(m.Margin()), f(m.CumulativeCash),
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// trimFixed rounds to places (half away from zero) and drops trailing zeros.
func trimFixed(d decimal.Decimal, places int32) string {
	return d.Round(places).String()
}
