package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestEvalHybrid runs the hand-worked hybrid of engine/hybrid_test.go
// (TestHybridHandWorked, working there): 4 committed base accelerators at
// $1.50, a burst of two-accelerator replicas at $3 capped at 4 and billed 3
// hours at least, API overflow; $6,095.50 a month, $12,191 in all.
func TestEvalHybrid(t *testing.T) {
	code, want, stderr := runCLI("", "eval", "testdata/hybrid.json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, s := range []string{
		"$12,191",               // total
		"peak 3.6× the average", // the profile's busiest hour, 0.15 × 24
		"base of 4 accelerators (as given); the burst layer holds at most 4 in an hour",
		"base (committed): 73.2 % of tokens, $8,760 (71.9 % of the cost), utilization 21.2 %",
		"burst (rented): 25.6 % of tokens, $3,285 (26.9 % of the cost), utilization 39.5 %",
		"overflow (api): 1.2 % of tokens, $146.00 (1.2 % of the cost)",
		// The table's peak accelerators: the base's 4 and the burst's cap
		// of 4 (two replicas of 2), as the page's card shows; no replica
		// size of its own.
		"     2     hybrid  hybrid              –           8    24.1 %",
		// The profile is named in the assumptions.
		"peak 3.6× the average, the day's load shaped by the 24 hourly shares given;",
	} {
		if !strings.Contains(want, s) {
			t.Errorf("table lacks %q:\n%s", s, want)
		}
	}
	// The profile and every hybrid field round-trip through a link and the
	// file it decodes to: the same table.
	_, js := throughLink(t, "testdata/hybrid.json", want)
	if !strings.Contains(js, `"daily_profile": "0.02,0.02,`) || !strings.Contains(js, `"burst_min_hours": "3"`) {
		t.Fatalf("the decoded file lacks the profile or the layers:\n%s", js)
	}
	// -set reaches the profile and the hybrid's fields: unset the base
	// size, and the search finds the cheapest.
	code, out, stderr := runCLI("", "eval", "-set", "workload.daily_profile=business_hours", "-set", "options[3].base_accelerators=", "testdata/hybrid.json")
	if code != 0 || !strings.Contains(out, "peak 2× the average") || !strings.Contains(out, "accelerators (the size that costs the least)") {
		t.Errorf("-set: exit %d %s\n%s", code, stderr, out)
	}
	// JSON: the layers with their figures.
	code, out, _ = runCLI("", "eval", "-format", "json", "testdata/hybrid.json")
	var res struct {
		Options []struct {
			Hybrid *struct {
				BaseAccelerators string `json:"base_accelerators"`
				Layers           []struct {
					Layer      string `json:"layer"`
					TokenShare string `json:"token_share"`
					Cost       string `json:"cost"`
				} `json:"layers"`
			} `json:"hybrid"`
		} `json:"options"`
	}
	if err := json.Unmarshal([]byte(out), &res); code != 0 || err != nil {
		t.Fatalf("exit %d: %v", code, err)
	}
	h := res.Options[3].Hybrid
	if h == nil || h.BaseAccelerators != "4" || len(h.Layers) != 3 || h.Layers[1].Cost != "3285" || h.Layers[2].TokenShare != "0.012" {
		t.Errorf("json: %+v", h)
	}
	if res.Options[0].Hybrid != nil {
		t.Error("a cloud option has hybrid layers")
	}
	// -inputs lists the profile after the workload's numbers, and the peak
	// to average it sets.
	code, out, _ = runCLI("", "eval", "-inputs", "testdata/hybrid.json")
	for _, s := range []string{"workload.daily_profile", "0.02,0.02,", "the daily profile's busiest hour's share × 24 (workload.daily_profile)", "options[3].burst_min_hours"} {
		if code != 0 || !strings.Contains(out, s) {
			t.Errorf("-inputs lacks %q:\n%s", s, out)
		}
	}
	// The CSV report has a block of the layers (accelerator-hours: base 4 ×
	// 730 × 2 months = 5,840; burst 547.5 × 2 = 1,095).
	code, out, _ = runCLI("", "eval", "-format", "csv", "testdata/hybrid.json")
	for _, s := range []string{"\nhybrid layers\noption,layer,draws_on,requests,token_share,cost,cost_share,utilization,accelerator_hours,base_accelerators,base_searched\n",
		"hybrid,base,committed,4453000,0.732,8760,0.718563,0.211806,5840,4,false\n",
		"hybrid,burst,rented,1557333.333333,0.256,3285,0.269461,0.395062,1095,4,false\n",
		"hybrid,overflow,api,73000,0.012,146,0.011976,,0,4,false\n"} {
		if code != 0 || !strings.Contains(out, s) {
			t.Errorf("csv lacks %q", s)
		}
	}
	// A hostile profile: a clear error naming the field, exit 2.
	code, _, stderr = runCLI("", "eval", "-set", "workload.daily_profile=0.5,0.5", "testdata/hybrid.json")
	if code != 2 || !strings.Contains(stderr, "workload.daily_profile: has 2 shares; a day has 24, one for each hour from midnight") {
		t.Errorf("2 shares: exit %d %s", code, stderr)
	}
}
