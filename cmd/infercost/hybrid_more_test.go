package main

import (
	"strings"
	"testing"
)

// TestEvalHybridSensitivityPowerBreakEven: the hand-worked hybrid
// (testdata/hybrid.json, engine/hybrid_test.go) with the API's output price
// at $3/M, so that the hybrid wins: a request costs 1,000 × $1/M + 500 ×
// $3/M = $0.0025; the API 100,000 × 365 / 12 × 2 × $0.0025 = $15,208.33;
// the hybrid $8,760 + $3,285 + 73,000 × $0.0025 = $12,227.50, $1.34 per M
// tokens (12,227.5 / 9,125 M tokens).
//
// The summary names the hybrid's drivers:
//   - the base's committed rate ± 20 %: ± $1,752, $10,475.50 / 9,125 =
//     $1.148 → $1.15 and $13,979.50 / 9,125 = $1.532 → $1.53;
//   - the base size 4 ± 20 % → 3 and 5. With 3 (5,400 an hour): 2 burst
//     replicas 12:00–17:00, 2,400 an hour to the API at 16:00 and 17:00;
//     12 replica-hours, 730 accelerator-hours a month = $2,190; API 146,000
//     requests = $365; base $3,285; $5,840 a month, $11,680 / 9,125 = $1.28.
//     With 5 (9,000 an hour): 1 burst replica from 12:00, a second at 16:00
//     held to 18:00 by the 3-hour minimum: 9 replica-hours, $1,642.50 a
//     month; base $5,475; $7,117.50 a month, $14,235 / 9,125 = $1.56.
func TestEvalHybridSensitivityPowerBreakEven(t *testing.T) {
	code, out, stderr := runCLI("", "eval", "-set", "options[2].price_output_per_m=3", "testdata/hybrid.json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(stderr, "sensitivity") {
		t.Errorf("stderr: %s", stderr)
	}
	for _, s := range []string{
		"Over 2 months, hybrid is cheapest: $12,228 in all, $1.34 per million tokens.",
		"committed rate (base: committed) ($1.15 at −20 %, $1.53 at +20 %)",
		"base size ($1.28 at −20 %, $1.56 at +20 %)",
		"the base is a commitment of its own: 4 accelerators for the whole horizon at $1.50 an accelerator-hour, the committed rate of “committed”",
		"break-even volume against the API not defined for a hybrid",
		"hybrid: base layer power not known: the accelerator has no board power",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
	// With board powers (0.5 kW for the base's accelerator, 1 kW for the
	// burst's) and a 5 kW site: engine/power_test.go's
	// TestPowerHybridHandWorked, working there.
	code, out, stderr = runCLI("", "eval", "-set", "options[0].accelerator.power_kw=0.5", "-set", "options[1].accelerator.power_kw=1",
		"-set", "workload.site_power_mw=0.005", "testdata/hybrid.json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, s := range []string{
		"hybrid: base layer (committed): 1.17 kW an accelerator at the meter",
		"burst layer (rented): 2.34 kW an accelerator at the meter",
		"the workload's fleet (base and burst) needs at most 14.04 kW in its busiest hour",
		"the site holds the base alone: 4.68 kW",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
}
