package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalPower: the hand-worked 1 MW site of engine/power_test.go
// (TestPowerSiteHandWorked has the working), in the table and the JSON,
// from the file and from its link.
func TestEvalPower(t *testing.T) {
	code, table, stderr := runCLI("", "eval", "testdata/power.json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"Power, with a site of 1 MW:",
		// 1.8 kW × 1.3 = 2.34 kW; the fleet peaks at 10 accelerators, 23.4 kW.
		"  owned: 2.34 kW an accelerator at the meter (the option's power per accelerator, 1.8 kW all-in, × its PUE 1.3); the workload's fleet needs at most 23.4 kW\n",
		"    fits in the site's 1 MW to the horizon\n",
		// floor(1,000 / 2.34) = 427 → 213 replicas of 2, 426 accelerators, 996.84 kW.
		"    the site hosts 426 accelerators (213 replicas, 212 serving), drawing 996.84 kW\n",
		// 212 × 2 × 0.8 = 339.2 busy at the peak: × 200 / 0.25 s = 271,360
		// tokens/s; 339.2 × 86,400 / (2 × 0.25) = 58,613,760 requests a day.
		"    it serves 271,360 output tokens/s at the peak and 58,613,760 requests a day (the peak at the target utilization), 271,360 output tokens/s and 11,722,752,000 output tokens a day per MW\n",
		// $535,205.5464 a month over 2,139,402.24 M tokens = $0.2502.
		"    fully built it costs $535,206 a month, $0.2502 per M tokens, after $12,780,000 of capex\n",
		"  cloud: 2.34 kW an accelerator at the meter (rented: 1 kW board power × 1.8 for its share of the host = 1.8 kW all-in, × PUE 1.3",
		// 426 × $2 × 730 h = $621,960; / 2,139,402.24 = $0.2907.
		"    fully built it costs $621,960 a month, $0.2907 per M tokens\n",
	} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %q:\n%s", want, table)
		}
	}

	code, fromFile, stderr := runCLI("", "eval", "-format", "json", "testdata/power.json")
	if code != 0 {
		t.Fatalf("json: exit %d: %s", code, stderr)
	}
	var res struct {
		Power struct {
			SiteMW  string `json:"site_mw"`
			Options []struct {
				Label     string   `json:"label"`
				MonthlyMW []string `json:"monthly_mw"`
				Outgrows  *int     `json:"outgrows_month"`
				Site      struct {
					Accelerators   string `json:"accelerators"`
					RequestsPerDay string `json:"requests_per_day"`
					MonthlyCost    string `json:"monthly_cost"`
					Capex          *string
				} `json:"site"`
			} `json:"options"`
		} `json:"power"`
	}
	if err := json.Unmarshal([]byte(fromFile), &res); err != nil {
		t.Fatal(err)
	}
	p := res.Power
	if p.SiteMW != "1" || len(p.Options) != 2 || p.Options[0].Site.Accelerators != "426" || p.Options[0].Site.RequestsPerDay != "58613760" ||
		p.Options[1].Site.MonthlyCost != "621960" || strings.Join(p.Options[0].MonthlyMW, " ") != "0.00936 0.01404 0.01872 0.0234" || p.Options[0].Outgrows != nil {
		t.Errorf("power = %+v", p)
	}

	// The link carries the site: the same JSON from it, and it decodes
	// back to the field.
	code, link, stderr := runCLI("", "link", "encode", "testdata/power.json")
	if code != 0 {
		t.Fatalf("link: exit %d: %s", code, stderr)
	}
	link = "#" + strings.TrimPrefix(strings.TrimSpace(link), "#")
	if code, fromLink, stderr := runCLI("", "eval", "-format", "json", link); code != 0 || fromLink != fromFile {
		t.Errorf("eval of the link: exit %d %s; JSON differs from the file's", code, stderr)
	}
	if code, decoded, _ := runCLI("", "link", "decode", link); code != 0 || !strings.Contains(decoded, `"site_power_mw": "1"`) {
		t.Errorf("link decode: exit %d:\n%s", code, decoded)
	}
}

// TestEvalPowerRefused: a site out of range is refused, naming the field,
// as the page refuses it.
func TestEvalPowerRefused(t *testing.T) {
	b, err := os.ReadFile("testdata/power.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{`"10000.5"`, `"0"`, `"-3"`, `"1e9"`} {
		path := filepath.Join(t.TempDir(), "bad.json")
		os.WriteFile(path, []byte(strings.Replace(string(b), `"site_power_mw": "1"`, `"site_power_mw": `+bad, 1)), 0o644)
		code, _, stderr := runCLI("", "eval", path)
		if code != 2 || !strings.Contains(stderr, "workload.site_power_mw") {
			t.Errorf("site %s: exit %d, stderr %q", bad, code, stderr)
		}
	}
}
