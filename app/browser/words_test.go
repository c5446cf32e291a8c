package browser

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/infercost/infercost/engine"
)

// tinyScenario is the audit's tiny.json: 10 requests a day of 500 input
// and 200 output tokens for 12 months against an API at $0.10 and $0.20 per
// M, and an L40S rented at its preset's $0.99 an hour.
const tinyScenario = `{"version":2,"name":"tiny",
"workload":{"requests_per_day":"10","input_tokens":"500","output_tokens":"200","horizon_months":"12"},
"model":{"preset":"llama-3.1-8b"},
"options":[{"label":"API","kind":"api","price_input_per_m":"0.1","price_output_per_m":"0.2"},
{"label":"L40S od","kind":"cloud","accelerator":{"preset":"l40s"}}]}`

// TestVerdictWords: the comparison table says an option's cost above the
// API as such (not a negative saving, and as a multiple past 1,000 %), the
// months each option is cheapest, and a commitment list without its first
// tier says tier 1 is empty, as `infercost eval` does.
//
// Working (tiny): the API costs 500 × 0.1 / 1e6 + 200 × 0.2 / 1e6 =
// $0.00009 a request, × 10 × 730 / 24 = $0.027375 a month, $0.3285 in 12
// months. The L40S: one accelerator × $0.99 × 730 h = $722.70 a month,
// $8,672.40 in all: $8,672 more than the API, 8,672.40 / 0.3285 = 26,400×
// its cost. The API is cheaper in every month.
func TestVerdictWords(t *testing.T) {
	s := calcSite(t)
	sc, err := engine.DecodeScenario(strings.NewReader(tinyScenario))
	if err != nil {
		t.Fatal(err)
	}
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(&sc)), WaitApp(), WaitTable())
	table := comparisonRows(t, ctx)
	checkRows(t, table, map[string][]string{
		"Total cost":              {"$0.3285", "$8,672"},
		"Savings against the API": {"–", "costs $8,672 more (26,400× the API's cost)"},
		"Cheapest":                {"in every month", "never"},
	})
	// tierLink without its first tier (commit_accelerators 0): the table
	// lists tiers 2 on and its caption says tier 1 is empty.
	tiers, err := engine.DecodeLink(tierLink)
	if err != nil {
		t.Fatal(err)
	}
	tiers.Options[0].CommitAccelerators = engine.Num{}
	tiers.Options[0].Commitments = []engine.Commitment{{Accelerators: engine.N("4"), HourlyRate: engine.N("1"), StartMonth: engine.N("2"), Months: engine.N("3")}}
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(&tiers)), WaitApp(),
		WaitJS(`document.getElementById("tiers-table-caption") !== null`, 30*time.Second))
	if got, want := text(t, ctx, "#tiers-table-caption"), "Commitment tiers of Measured cloud: accelerator-months used and stranded. Demand fills the cheapest tier first, so idle units are those of the dearest tiers. Tier 1, the option's own commitment, is empty."; got != want {
		t.Errorf("tier caption\n got %q\nwant %q", got, want)
	}
}
