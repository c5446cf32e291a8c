package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestEvalCommitmentTiers runs the hand-worked tiered scenario of
// engine/commitment_test.go (working there): demand of 6, 8, 12 and 20
// accelerators, a first tier of 8 at $1.50 for months 1–2, a ramp of 4 at
// $1 from month 2, half upfront, and 10 at $1.40 from month 3, all upfront.
func TestEvalCommitmentTiers(t *testing.T) {
	code, want, stderr := runCLI("", "eval", "testdata/tiered.json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, s := range []string{
		"$55,879", // total: 17,520 + 8,818.40 + 20,780.67 + 8,760 on demand (the tiers' prepaid capital included)
		"commitment tier 1 (options[0].commit_accelerators, commit_hourly_rate, commit_months): 8 accelerators at $1.50 an hour, months 1–2, nothing upfront; costs $17,520 within the horizon; accelerator-months: 10 used, 6 stranded ($6,570)",
		"commitment tier 2 (options[0].commitments[0]): 4 accelerators at $1.00 an hour, months 2–4, 50.0 % upfront ($4,380 in month 2); costs $8,818 within the horizon; accelerator-months: 12 used, none stranded",
		"commitment tier 3 (options[0].commitments[1]): 10 accelerators at $1.40 an hour, months 3–5, 100.0 % upfront ($30,660 in month 3); costs $20,781 within the horizon; accelerator-months: 18 used, 2 stranded ($2,044)",
	} {
		if !strings.Contains(want, s) {
			t.Errorf("table lacks %q:\n%s", s, want)
		}
	}
	// Without a first tier the list still starts at tier 1, said empty, so
	// that tier 2 (commitments[0]) is not left without one.
	code, noFirst, stderr := runCLI("", "eval", "-set", "options[0].commit_accelerators=0", "testdata/tiered.json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if s := "    commitment tier 1 (options[0].commit_accelerators, commit_hourly_rate, commit_months): none\n    commitment tier 2 (options[0].commitments[0]): 4 accelerators"; !strings.Contains(noFirst, s) {
		t.Errorf("table lacks %q:\n%s", s, noFirst)
	}
	// The tiers round-trip through a link and through the file the link
	// decodes to: the same table.
	_, js := throughLink(t, "testdata/tiered.json", want)
	if !strings.Contains(js, `"commitments": [`) {
		t.Fatalf("the decoded file lacks the tiers:\n%s", js)
	}
	// JSON: the tiers with their figures.
	code, out, _ := runCLI("", "eval", "-format", "json", "testdata/tiered.json")
	var res struct {
		Options []struct {
			TotalCashCost string `json:"total_cash_cost"`
			Commitments   []struct {
				Tier        int    `json:"tier"`
				Upfront     string `json:"upfront"`
				StrandedUSD string `json:"stranded_cost"`
			} `json:"commitments"`
		} `json:"options"`
	}
	if err := json.Unmarshal([]byte(out), &res); code != 0 || err != nil {
		t.Fatalf("exit %d: %v", code, err)
	}
	c := res.Options[0].Commitments
	// Cash 65,700: the economic 55,480 plus tier 3's month 5, prepaid (10,220).
	if res.Options[0].TotalCashCost != "65700" || len(c) != 3 || c[2].Upfront != "30660" || c[0].StrandedUSD != "6570" {
		t.Errorf("json: %+v", res.Options[0])
	}
}

// TestEvalCommitSizing sizes the hand-worked demand (6, 8, 12, 20) at a
// committed $1.40 (engine/sizing_test.go, TestSizingHandWorked): over 4
// months, 8 accelerators, $56,064; over 2 months, 6, $61,904.
func TestEvalCommitSizing(t *testing.T) {
	js := tieredFileWithoutTiers(t)
	code, out, stderr := runCLI(js, "eval", "-commit-sizing", "-commit-terms", "2,4", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, s := range []string{
		"Measured cloud: committing 8 accelerators for 4 months at $1.40 an hour has the least total cost, $56,064 over the horizon. 25 % fewer (6) costs $584.00 more, 25 % more (10) $2,336 more; committing to the peak (20) $25,696 more, and nothing $11,096 more.",
		"2 months", "$61,904", "$67,160", "optimum", "peak", "$81,760",
		"best size  total cost", "Total cost over the horizon against the accelerators committed for 4 months",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
	code, out, stderr = runCLI(js, "eval", "-format", "json", "-commit-sizing", "-commit-terms", "2,4", "-")
	var res struct {
		TotalOptions []json.RawMessage `json:"options"`
		Sizing       []struct {
			Basis   string `json:"basis"`
			Months  int    `json:"months"`
			Optimum struct {
				Accelerators string `json:"accelerators"`
				Cost         string `json:"cost"`
			} `json:"optimum"`
			Curve []json.RawMessage `json:"curve"`
		} `json:"commit_sizing"`
	}
	if err := json.Unmarshal([]byte(out), &res); code != 0 || err != nil {
		t.Fatalf("exit %d %s: %v", code, stderr, err)
	}
	if len(res.TotalOptions) != 1 || len(res.Sizing) != 1 || res.Sizing[0].Basis != "total_cost" || res.Sizing[0].Months != 4 || res.Sizing[0].Optimum.Accelerators != "8" ||
		res.Sizing[0].Optimum.Cost != "56064" || len(res.Sizing[0].Curve) != 5 {
		t.Errorf("json: %s", out)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-commit-terms", "12"}, "-commit-terms lists the terms of -commit-sizing: add -commit-sizing"},
		{[]string{"-commit-sizing", "-format", "csv"}, "use it with -format table or json"},
		{[]string{"-commit-sizing", "-commit-terms", "0"}, `-commit-terms: term "0": months must be a whole number from 1 to 120`},
	} {
		code, _, stderr := runCLI(js, append(append([]string{"eval"}, tc.args...), "-")...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d %s", tc.args, code, stderr)
		}
	}
}

// TestEvalCommitSizingNetPresent sizes the same demand by net present cost
// at 30 % a year, committed at $1.49 over 4 months, as the page does with
// its sizing basis (engine/sizing_test.go, TestSizingNetPresentHandWorked):
// 6 accelerators, $54,450.90, where the total cost picks 8 ($58,166.40).
func TestEvalCommitSizingNetPresent(t *testing.T) {
	js := tieredFileWithoutTiers(t)
	sets := []string{"-set", "workload.discount_rate=30%", "-set", "options[0].commit_hourly_rate=1.49"}
	run := func(args ...string) string {
		t.Helper()
		code, out, stderr := runCLI(js, append(append(append([]string{"eval"}, sets...), args...), "-")...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		return out
	}
	out := run("-commit-sizing", "-commit-terms", "4")
	if want := "Measured cloud: committing 8 accelerators for 4 months at $1.49 an hour has the least total cost, $58,166 over the horizon."; !strings.Contains(out, want) {
		t.Errorf("total cost: output lacks %q:\n%s", want, out)
	}
	sets = append(sets, "-set", "workload.sizing_basis=1")
	out = run("-commit-sizing", "-commit-terms", "4")
	for _, s := range []string{
		"Measured cloud: committing 6 accelerators for 4 months at $1.49 an hour has the least net present cost, $54,451 at a discount rate of 30 % a year. 25 % fewer (5) costs $1,410 more, 25 % more (8) $36.04 more; committing to the peak (20) $27,961 more, and nothing $8,462 more.",
		"best size  net present cost", "Net present cost at a discount rate of 30 % a year against the accelerators committed for 4 months",
		"$62,913", "$82,412",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
	var res struct {
		Sizing []struct {
			Basis        string `json:"basis"`
			DiscountRate string `json:"discount_rate"`
			Optimum      struct {
				Accelerators string `json:"accelerators"`
				Cost         string `json:"cost"`
			} `json:"optimum"`
		} `json:"commit_sizing"`
	}
	out = run("-format", "json", "-commit-sizing", "-commit-terms", "4")
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.Sizing) != 1 {
		t.Fatalf("json %v: %s", err, out)
	}
	z := res.Sizing[0]
	if z.Basis != "net_present_cost" || z.DiscountRate != "0.3" || z.Optimum.Accelerators != "6" || !strings.HasPrefix(z.Optimum.Cost, "54450.90") {
		t.Errorf("json: %+v", z)
	}
	// The basis is checked as any input: named, with its range.
	code, _, stderr := runCLI(js, "eval", "-commit-sizing", "-set", "workload.sizing_basis=2", "-")
	if code != 2 || !strings.Contains(stderr, "workload.sizing_basis") {
		t.Errorf("sizing_basis=2: exit %d %s", code, stderr)
	}
}

func tieredFileWithoutTiers(t *testing.T) string {
	t.Helper()
	code, js, stderr := runCLI("", "link", "decode", "#4r.h=4~g=1~rpd=86400~in=1000~out=500~cache=0.5~p2a=2~slo=0~m=llama-3.1-8b~o=cloud~l=Measured+cloud~a=~mem=80~bw=3~fl=1000~hr=2~chr=1.4~pf=10000~dc=1000~apr=2~mu=0.5~sp=1")
	if code != 0 {
		t.Fatalf("decode: %s", stderr)
	}
	return js
}
