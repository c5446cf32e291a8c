package main

import (
	"strings"
	"testing"
)

// commitTiers is the auditor's commit.json: two H100 options, the second
// with a single commitments[] tier of 200 accelerators at $2.00 for 36
// months, half paid upfront, and no commit_* fields.
const commitTiers = `{"version":2,"name":"commit vs flexible, falling prices",
"workload":{"requests_per_day":"10000000","input_tokens":"2000","output_tokens":"500","cached_input_share":"0.4","peak_to_average":"1.8","monthly_growth":"0.03","horizon_months":"36"},
"model":{"preset":"llama-3.1-70b","weight_bits":"8","kv_bits":"8"},
"options":[
{"label":"H100 od, falling 30%/yr","kind":"cloud","accelerator":{"preset":"h100-sxm"},"hourly_rate_change":"-0.3"},
{"label":"H100 3y commit 200 @2.0 upfront 50%","kind":"cloud","accelerator":{"preset":"h100-sxm"},"hourly_rate_change":"-0.3",
 "commitments":[{"accelerators":"200","hourly_rate":"2.0","start_month":"1","months":"36","upfront_share":"0.5"}]}]}`

// TestSizingFirstCommitment: -commit-sizing sizes the second option's
// commitments[0] as entered (its $2.00 rate and 50 % upfront, its 36-month
// term among those compared), not an empty tier at the on-demand $2.99.
// Checks against the evaluation itself: committing nothing costs what the
// same option on demand costs ($9,633,672, option 1's total), and the tier
// as given costs the option's evaluated total ($12,353,447). That the
// optimum (130 for 12 months) is the cheapest of every size is
// engine.TestSizingMatchesBruteForce's check, on tiers like this one.
func TestSizingFirstCommitment(t *testing.T) {
	code, out, stderr := runCLI(commitTiers, "eval", "-commit-sizing", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"     1              H100 od, falling 30%/yr  cloud              2         346    44.2 %     $0.2002  $0.1009  $0.5976   $0.5005  $270,655    $266,853   $9,633,672",
		"     2  H100 3y commit 200 @2.0 upfront 50%  cloud              2         346    44.2 %     $0.2567  $0.1293  $0.7663   $0.6419  $327,040    $405,576  $12,353,447",
		"  H100 od, falling 30%/yr: committing nothing has the least total cost ($9,633,672 over the horizon): no commitment of 12, 24 or 36 months at $2.99 an hour beats renting on demand for this demand; committing to the peak (346) would cost $5,843,286 more.",
		"  H100 3y commit 200 @2.0 upfront 50% (its first tier, options[1].commitments[0], 50.0 % paid upfront): committing 130 accelerators for 12 months at $2.00 an hour has the least total cost, $9,075,456 over the horizon. 25 % fewer (98) costs $121,146 more, 25 % more (163) $272,449 more; committing to the peak (346) $3,532,193 more, and nothing $558,217 more. The first tier as given (200 for 36 months) has a total cost of $12,353,447, $3,277,991 more.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// $9,075,456 + $558,217 = $9,633,673, $9,633,672 rounded before the sum:
	// nothing committed is option 1's cost.
	if strings.Contains(out, "at $2.99 an hour, no commitment of 12 months") {
		t.Error("the old sentence")
	}
}

// TestVerdictSiteOutgrown: the auditor's power.json (a 200 kW site). The
// verdict names the month the winner's fleet outgrows the site, the month
// the power section gives (engine.TestVerdictSiteOutgrown works a case by
// hand); the ranking stays by total cost.
func TestVerdictSiteOutgrown(t *testing.T) {
	const power = `{"version":2,"name":"power budget",
"workload":{"requests_per_day":"2000000","input_tokens":"1000","output_tokens":"300","peak_to_average":"1.5","monthly_growth":"0.1","horizon_months":"36","site_power_mw":"0.2"},
"model":{"preset":"llama-3.1-70b","weight_bits":"8","kv_bits":"8"},
"options":[{"label":"API","kind":"api","price_input_per_m":"0.88","price_output_per_m":"0.88"},
{"label":"H100 owned","kind":"owned","accelerator":{"preset":"h100-sxm"}},
{"label":"H100 od","kind":"cloud","accelerator":{"preset":"h100-sxm"}}]}`
	code, out, stderr := runCLI(power, "eval", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"\nOver 36 months, H100 owned is cheapest: $5,331,569 in all, $0.2254 per million tokens, but its fleet outgrows the 200 kW site in month 24.\n",
		"  H100 owned: 1.638 kW an accelerator at the meter (the option's power per accelerator, 1.26 kW all-in, × its PUE 1.3); the workload's fleet needs at most 645.37 kW\n    outgrows the site's 200 kW in month 24\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestContextWarningCLI: the auditor's long.json sends 1,000,000-token
// prompts to Llama 3.1 70B (context 131,072 tokens, its config.json): the
// answer carries the warning right under the verdict, and still answers.
func TestContextWarningCLI(t *testing.T) {
	const long = `{"version":2,"name":"long context",
"workload":{"requests_per_day":"100000","input_tokens":"1000000","output_tokens":"500","cached_input_share":"0","peak_to_average":"2","horizon_months":"12"},
"model":{"preset":"llama-3.1-70b","weight_bits":"8","kv_bits":"8"},
"options":[{"label":"API","kind":"api","price_input_per_m":"0.88","price_output_per_m":"0.88"}]}`
	code, out, stderr := runCLI(long, "eval", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// The API: 100,000 × 365/12 × 1,000,500 × $0.88 / 1e6 = $2,678,005 a
	// month, × 12 = $32,136,060.
	want := "Over 12 months, API is cheapest: $32,136,060 in all, $0.8800 per million tokens.\nA request of 1,000,500 tokens (1,000,000 prompt and 500 output) is longer than Llama 3.1 70B's context window of 131,072 tokens (max_position_embeddings in its config.json, https://huggingface.co/meta-llama/Llama-3.1-70B/blob/main/config.json, as of 2026-11-01): no provider can serve it as one request, and every figure here costs it as if one could. Shorten the prompt or the output, or choose a model with a longer context.\n"
	if !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
}
