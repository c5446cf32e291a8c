package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestEvalFinanced: the CLI says how each owned option pays for its
// hardware and prints the figures of engine/owned_test.go's hand-worked
// loan and lease (6 accelerators at $10,000).
func TestEvalFinanced(t *testing.T) {
	code, stdout, stderr := runCLI("", "eval", "testdata/financed.json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"hardware: bought with a loan over 12 months at 12 % a year, 20 % down; kept at the horizon",
		// 12 payments of 4,264.7418… on $48,000 borrowed: $3,176.90 of interest.
		"loan interest $3,177, resale $0, owed at the horizon $0",
		"hardware: leased for 12 months at 3 % of the price a month, renewed at the then price",
		// Lease: $1,800 + $600 of maintenance a month, 12 months: $28,800.
		"$28,800",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("table lacks %q:\n%s", want, stdout)
		}
	}
	// The finance CSV's summary rows carry the same: 12 × 4,264.741856… −
	// 48,000 = 3,176.902279 of interest, to six places.
	code, report, stderr := runCLI("", "eval", "-format", "csv", "testdata/financed.json")
	if code != 0 {
		t.Fatalf("csv: exit %d: %s", code, stderr)
	}
	if !strings.Contains(report, `"bought with a loan over 12 months at 12 % a year, 20 % down; kept at the horizon",3176.902279,0,0`) ||
		!strings.Contains(report, "financing,interest_total,resale_total,loan_balance") {
		t.Errorf("the CSV report lacks the loan's financing, interest, resale and balance:\n%s", report[:min(len(report), 3000)])
	}
	code, js, stderr := runCLI("", "eval", "-format", "json", "testdata/financed.json")
	if code != 0 {
		t.Fatalf("json: exit %d: %s", code, stderr)
	}
	var r struct {
		Options []struct {
			Financing     string `json:"financing"`
			InterestTotal string `json:"interest_total"`
			TotalCashCost string `json:"total_cash_cost"`
			Months        []struct {
				LoanPayment string `json:"loan_payment"`
				CashCost    string `json:"cash_cost"`
			} `json:"months"`
		} `json:"options"`
	}
	if err := json.Unmarshal([]byte(js), &r); err != nil {
		t.Fatal(err)
	}
	loan := r.Options[0]
	if !strings.HasPrefix(loan.InterestTotal, "3176.9022787248") || !strings.HasPrefix(loan.Months[1].LoanPayment, "4264.74185656040195") ||
		!strings.HasPrefix(loan.Months[0].CashCost, "16264.74185656040195") {
		t.Errorf("loan: interest %s, month 2 payment %s, month 1 cash %s", loan.InterestTotal, loan.Months[1].LoanPayment, loan.Months[0].CashCost)
	}
	if r.Options[1].TotalCashCost != "28800" {
		t.Errorf("lease cash %s, want 28800", r.Options[1].TotalCashCost)
	}

	// Through a link and back: the same table.
	if _, decoded := throughLink(t, "testdata/financed.json", stdout); !strings.Contains(decoded, `"loan_months": "12"`) || !strings.Contains(decoded, `"lease_rate_factor": "0.03"`) {
		t.Fatalf("the decoded file lacks the financing:\n%s", decoded)
	}
}

// TestEvalFinancingRefused: a lease with a loan is refused, naming the
// field, as the page refuses it.
func TestEvalFinancingRefused(t *testing.T) {
	code, _, stderr := runCLI(`{"version":2,"workload":{"requests_per_day":1000,"input_tokens":100,"output_tokens":10},"model":{"preset":"llama-3.1-8b"},
		"options":[{"label":"x","kind":"owned","accelerator":{"preset":"h100-sxm"},"lease_months":12,"lease_rate_factor":"0.03","loan_months":12,"loan_rate":"0.1"}]}`, "eval", "-")
	if code != 2 || !strings.Contains(stderr, "options[0].loan_months: must be 0 when the accelerators are leased") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}
