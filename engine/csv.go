package engine

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

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
	"stranded_cost", "capex", "resale", "loan_payment", "cash_cost", "revenue", "margin", "cumulative_cash", "cumulative_discounted_cash",
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
				csvText(o.Label), csvText(string(o.Kind)), strconv.Itoa(m.Month), f(m.RequestsPerDay), f(m.Requests), f(m.InputTokens), f(m.CachedInputTokens), f(m.OutputTokens),
				f(m.Accelerators), f(m.Fleet), f(m.BusyAccelerators), util, f(m.Cost),
				f(b.OnDemand), f(b.Committed), f(b.Depreciation), f(b.Capital), f(b.Energy), f(b.Facility), f(b.Operations), f(b.Tokens),
				f(m.StrandedCost), f(m.Capex), f(m.Resale), f(m.LoanPayment), f(m.CashCost), f(m.Revenue), f(m.Margin()), f(m.CumulativeCash), f(m.CumulativeDiscountedCash),
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

// csvText makes a text cell safe to open in a spreadsheet: a cell that
// starts with =, +, -, @, a tab, a carriage return or a line feed would be
// read as a formula (and could, say, fetch a URL or run a command), so it
// gets a leading single quote, which spreadsheets take as "this is text"
// (OWASP, CSV Injection). Every text cell goes through it; numeric cells do
// not, so that negative numbers stay numbers.
func csvText(s string) string {
	if s != "" && strings.IndexByte("=+-@\t\r\n", s[0]) >= 0 {
		return "'" + s
	}
	return s
}
