package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/infercost/infercost/engine"
	"github.com/shopspring/decimal"
)

// uncertainFile writes the hand-worked scenario with a range on the API's
// output price: low $2, most likely and high $8 a million.
func uncertainFile(t *testing.T) string {
	b, err := os.ReadFile("testdata/handworked.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	m["uncertainty"] = map[string]any{"ranges": []any{map[string]any{"path": "options[1].price_output_per_m", "low": "2", "mode": "8", "high": "8"}}}
	b, _ = json.Marshal(m)
	path := filepath.Join(t.TempDir(), "uncertain.json")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Without ranges, every draw is the point figures (the measured cloud
// option has no validation band): $17,520 and $27,594 at every
// percentile, the cloud option cheapest in every draw and the API's regret
// $27,594 − $17,520 = $10,074. The NPV at the default 8 % a year: revenue
// is $7,884 over the 2 months ($17,520 − $9,636), $3,942 a month, so the
// cloud option's monthly cash is $3,942 − $8,760 = −$4,818 and the API's
// $3,942 − $13,797 = −$9,855; with v = 1.08^(−1/12) = 0.9936071,
// v + v² = 1.9808622, the NPVs are −$4,818 × 1.9808622 = −$9,544 and
// −$9,855 × 1.9808622 = −$19,521.
func TestEvalSamplesWithoutRanges(t *testing.T) {
	code, stdout, stderr := runCLI("", "eval", "-samples", "20", "-seed", "3", "testdata/handworked.json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	_, section, ok := strings.Cut(stdout, "Uncertainty: 20 draws, seed 3\n")
	if !ok {
		t.Fatalf("no uncertainty section in:\n%s", stdout)
	}
	var rows []string
	for _, line := range strings.Split(section, "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			rows = append(rows, strings.Join(f, " "))
		}
	}
	for _, want := range []string{
		"Measured cloud $17,520 $17,520 $17,520 $2.22 $2.22 $2.22 $0 $0 −$9,636 −$9,636 −$9,636 −$9,544 −$9,544 −$9,544 100.0 % $0 $0",
		"API $27,594 $27,594 $27,594 $3.50 $3.50 $3.50 $0 $0 −$19,710 −$19,710 −$19,710 −$19,521 −$19,521 −$19,521 0.0 % $10,074 $10,074"} {
		if !slices.Contains(rows, want) {
			t.Errorf("missing row %q in:\n%s", want, section)
		}
	}
}

// The API's total over the 2 months is 5,256,000 requests × ($0.00125 +
// 500 × p / 10^6) = $6,570 + $2,628 × p for an output price p: $27,594 at
// p = 8, and below the cloud option's $17,520 when p < 4.1667. With p
// triangular (2, 8, 8), P(p < x) = (x − 2)² / 36, so the API is cheapest
// with probability 2.1667² / 36 = 0.1304. Over 1,000 draws the share's
// standard deviation is √(0.1304 × 0.8696 / 1000) = 0.0107: within 4 of them,
// 0.088 to 0.173. Its P90 total is at p = 2 + √(0.9 × 36) = 7.6921:
// $6,570 + $2,628 × 7.6921 = $26,785 (nearest rank, within a few dollars).
// The CLI's JSON equals the engine's simulation for the same seed.
func TestEvalSamplesMatchEngine(t *testing.T) {
	path := uncertainFile(t)
	got := cliSimulation(t, "-samples", "1000", "-seed", "11", path)
	share := got.Options[1].WinShare
	if share.Cmp(decimal.RequireFromString("0.088")) < 0 || share.Cmp(decimal.RequireFromString("0.173")) > 0 {
		t.Errorf("API cheapest in a share %s of draws, want 0.1304 ± 0.043", share)
	}
	if p90 := got.Options[1].TotalCost.P90; p90.Sub(decimal.NewFromInt(26785)).Abs().Cmp(decimal.NewFromInt(60)) > 0 {
		t.Errorf("API P90 %s, want about $26,785", p90)
	}
	s, err := readScenario(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	s.Uncertainty.Samples, s.Uncertainty.Seed = engine.N("1000"), engine.N("11")
	sim, err := engine.Simulate(&s, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(sim)
	b, _ := json.Marshal(got)
	if string(a) != string(b) {
		t.Errorf("the CLI's simulation differs from the engine's:\n%s\n%s", b, a)
	}
}

// TestEvalSamplesRefused: a bad -samples or -seed is named by its flag, as
// typed, not by the scenario path it sets.
func TestEvalSamplesRefused(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-samples", "1000000"}, "infercost eval: -samples 1000000: must be from 1 to 10000\n"},
		{[]string{"-samples", "0"}, "infercost eval: -samples 0: must be from 1 to 10000\n"},
		{[]string{"-samples", "abc"}, "infercost eval: -samples abc: \"abc\" is not a number\n"},
		{[]string{"-seed", "-4"}, "infercost eval: -seed -4: must be from 0 to 9007199254740991\n"},
	} {
		code, _, stderr := runCLI("", append(append([]string{"eval"}, c.args...), "testdata/handworked.json")...)
		if code != 2 || stderr != c.want {
			t.Errorf("%v: exit %d, stderr %q, want 2 and %q", c.args, code, stderr, c.want)
		}
	}
}

// A log-normal range from a file: the API's total is $6,570 + $2,628 × p
// (TestEvalSamplesMatchEngine) with its output price p log-normal, P10 $2,
// median $4, P90 $8 (exactly log-normal: 4 = √(2 × 8)), so its median total
// is $6,570 + $2,628 × 4 = $17,082 (nearest rank, within the sampling
// band: p between the quantiles 0.5 ± 0.063, 4 × e^(±0.5409 × 0.159) =
// 3.670 to 4.360, totals $16,214.71 to $18,027.28). The CLI names the shape and
// its JSON equals the engine's simulation; without revenue prices the table
// shows the net present cost.
func TestEvalLognormalRange(t *testing.T) {
	b, err := os.ReadFile("testdata/handworked.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	m["uncertainty"] = map[string]any{"ranges": []any{map[string]any{"path": "options[1].price_output_per_m", "shape": "lognormal", "low": "2", "mode": "4", "high": "8"}}}
	delete(m, "revenue")
	b, _ = json.Marshal(m)
	path := filepath.Join(t.TempDir(), "lognormal.json")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI("", "eval", "-samples", "1000", "-seed", "5", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"API: Output price (options[1].price_output_per_m): P10 2, median 4, P90 8, lognormal", "present cost P50"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("missing %q in:\n%s", want, stdout)
		}
	}
	got := cliSimulation(t, "-samples", "1000", "-seed", "5", path)
	api := got.Options[1]
	if p50 := api.TotalCost.P50; p50.Cmp(decimal.NewFromInt(16214)) < 0 || p50.Cmp(decimal.NewFromInt(18028)) > 0 {
		t.Errorf("API P50 %s, want about $17,082", p50)
	}
	if api.NPV != nil || api.NetPresentCost == nil {
		t.Errorf("without revenue: NPV %v, net present cost %v", api.NPV, api.NetPresentCost)
	}
	s, err := readScenario(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	s.Uncertainty.Samples, s.Uncertainty.Seed = engine.N("1000"), engine.N("5")
	sim, err := engine.Simulate(&s, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(sim)
	bb, _ := json.Marshal(got)
	if string(a) != string(bb) {
		t.Error("the CLI's simulation differs from the engine's")
	}
}

// Draws outside the model's limits (the engine's TestSimulateRedrawsOutsideLimits
// case: an API at 976,562,500,000 requests a day over 21 months, growth
// triangular 0 to 1, most likely 0.2; growth above √2 − 1 takes month
// 21 past 10^15 requests a day, in about 43 % of draws): the CLI's JSON
// equals the engine's simulation for the same seed, redrawn draws and
// their reason included, and the table says how many were drawn again and
// why. A range that takes every draw past the limit stops the CLI with
// the engine's message, naming the range's high end.
func TestEvalSamplesRedrawn(t *testing.T) {
	s := engine.Scenario{Version: 2, Name: "Redraw",
		Workload: engine.Workload{RequestsPerDay: engine.N("976562500000"), InputTokens: engine.N("1"), OutputTokens: engine.N("1"),
			CachedInputShare: engine.N("0"), HorizonMonths: engine.N("21")},
		Model:   engine.Model{Preset: "llama-3.1-8b"},
		Options: []engine.Option{{Label: "API", Kind: engine.API, PriceInputPerM: engine.N("1"), PriceOutputPerM: engine.N("1")}},
		Uncertainty: &engine.Uncertainty{Seed: engine.N("8"), Samples: engine.N("1000"), Ranges: []engine.Range{
			{Path: "workload.monthly_growth", Low: engine.N("0"), Mode: engine.N("0.2"), High: engine.N("1")}}},
	}
	write := func(s *engine.Scenario) string { return scenarioFile(t, s) }
	path := write(&s)
	got := cliSimulation(t, path)
	sim, err := engine.Simulate(&s, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(sim)
	b, _ := json.Marshal(got)
	if string(a) != string(b) {
		t.Errorf("the CLI's simulation differs from the engine's:\n%s\n%s", b, a)
	}
	if sim.Redrawn < 650 || sim.Redrawn > 850 || !strings.Contains(string(b), `"redrawn":`+strconv.Itoa(sim.Redrawn)) {
		t.Errorf("redrawn %d (want about 751) in %s", sim.Redrawn, b)
	}
	code, stdout, stderr := runCLI("", "eval", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := "  " + engine.Count(decimal.NewFromInt(int64(sim.Redrawn)), 0) + " draws fell outside the model's limits and were drawn again, so the spread is of the 1,000 draws within them: " +
		"Monthly growth (workload.monthly_growth) grows demand past 10^15 requests a day within the horizon in " + engine.Count(decimal.NewFromInt(int64(sim.Redrawn)), 0) + ".\n"
	if !strings.Contains(stdout, want) {
		t.Errorf("missing %q in:\n%s", want, stdout)
	}
	s.Uncertainty.Ranges[0] = engine.Range{Path: "workload.monthly_growth", Low: engine.N("0.9"), Mode: engine.N("0.95"), High: engine.N("1")}
	code, _, stderr = runCLI("", "eval", "-samples", "20", write(&s))
	if want := "uncertainty.ranges[0].high: 21 of 21 draws fall outside the model's limits, more than the 20 draws asked for: " +
		"Monthly growth (workload.monthly_growth) grows demand past 10^15 requests a day within the horizon in 21 of them; " +
		"narrow the high end of the growth range (or of requests a day) or shorten the horizon\n"; code != 2 || stderr != want {
		t.Errorf("exit %d, stderr %q, want 2 and %q", code, stderr, want)
	}
}

// -samples adds the uncertainty block to the CSV report as it does to the
// table and the JSON (engine.WriteReport; TestReportPowerAndUncertainty
// checks its rows against hand-worked figures): without ranges every draw
// is the point figures, $17,520 and $27,594, the API's regret $27,594 −
// $17,520 = $10,074 (TestEvalSamplesWithoutRanges). Where the monthly rows
// alone are asked for, or the inputs, the flags have nothing to add to and
// are refused rather than ignored.
func TestEvalSamplesCSV(t *testing.T) {
	code, stdout, stderr := runCLI("", "eval", "-format", "csv", "-samples", "20", "-seed", "3", "testdata/handworked.json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := "\n\nuncertainty\nseed,3\nsamples,20\nredrawn,0\nrange,label,shape,low,mode,high,default,drawn_with\n" +
		strings.Join(engine.UncertaintyHeader, ",") + "\n" +
		"Measured cloud,17520,17520,17520,2.222222,2.222222,2.222222,0,0,0,-9636,-9636,-9636,-9543.79396,-9543.79396,-9543.79396,,,,20,1,0,0,0\n" +
		"API,27594,27594,27594,3.5,3.5,3.5,0,0,0,-19710,-19710,-19710,-19521.396736,-19521.396736,-19521.396736,,,,0,0,10074,10074,10074\n\nassumptions\n"
	if !strings.Contains(stdout, want) {
		t.Errorf("no uncertainty block %q in:\n%s", want, stdout)
	}
	for _, args := range [][]string{
		{"-format", "csv-monthly", "-samples", "20"},
		{"-format", "csv-monthly", "-seed", "3"},
		{"-inputs", "-samples", "20"},
	} {
		code, stdout, stderr := runCLI("", append(append([]string{"eval"}, args...), "testdata/handworked.json")...)
		if code != 2 || stdout != "" || !strings.Contains(stderr, "-samples and -seed add the uncertainty block") {
			t.Errorf("%v: exit %d, stdout %d bytes, stderr %q; want 2 and a refusal", args, code, len(stdout), stderr)
		}
	}
}

// cliSimulation runs eval -format json with args and returns its
// uncertainty block, failing the test on a non-zero exit.
func cliSimulation(t *testing.T, args ...string) *engine.Simulation {
	t.Helper()
	code, stdout, stderr := runCLI("", append([]string{"eval", "-format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got struct {
		Uncertainty *engine.Simulation `json:"uncertainty"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	return got.Uncertainty
}

// TestEvalRangeFigures: a range's figures are written with separators, as
// an input shows them (2,500,000,000, not 2500000000), and a minus sign.
func TestEvalRangeFigures(t *testing.T) {
	s := engine.DefaultScenario()
	s.Uncertainty = &engine.Uncertainty{Samples: engine.N("20"), Ranges: []engine.Range{
		{Path: "workload.requests_per_day", Low: engine.N("2500000"), Mode: engine.N("5000000"), High: engine.N("7500000")},
		{Path: "options[0].price_change", Low: engine.N("-0.7"), Mode: engine.N("-0.5"), High: engine.N("-0.2")}}}
	code, stdout, stderr := runCLI("", "eval", scenarioFile(t, &s))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"  Requests a day (workload.requests_per_day): 2,500,000, most likely 5,000,000, 7,500,000, triangular\n",
		"(options[0].price_change): −0.7, most likely −0.5, −0.2, triangular\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("missing %q in:\n%s", want, stdout)
		}
	}
}

// scenarioFile writes s as a scenario file in a temporary directory and
// returns its path.
func scenarioFile(t *testing.T, s *engine.Scenario) string {
	t.Helper()
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "scenario.json")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// The sample count is printed as the page prints it, with separators:
// "1,000 draws", not "1000 draws".
func TestEvalSamplesCountPrinted(t *testing.T) {
	code, stdout, stderr := runCLI("", "eval", "-samples", "1000", "-seed", "3", "testdata/handworked.json")
	if code != 0 || !strings.Contains(stdout, "\nUncertainty: 1,000 draws, seed 3\n") {
		t.Errorf("exit %d, stderr %q; want \"Uncertainty: 1,000 draws, seed 3\" in:\n%s", code, stderr, stdout)
	}
}
