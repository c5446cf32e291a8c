package engine

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// reportBlock returns the report's block that opens with the row name,
// up to the next empty line.
func reportBlock(t *testing.T, report, name string) string {
	t.Helper()
	_, rest, ok := strings.Cut(report, "\n\n"+name+"\n")
	if !ok {
		t.Fatalf("no %s block in:\n%s", name, report)
	}
	block, _, _ := strings.Cut(rest, "\n\n")
	return name + "\n" + block
}

// The report carries what the page and `infercost eval` show beyond the
// point figures: the power block and the Monte Carlo's spread.
//
// The scenario is the hand-worked one (6 rented accelerators at $2 an
// hour: $8,760 a month, $17,520 over 2 months, 7,884 M tokens; revenue
// $7,884) with a board power of 1 kW, a 10 kW site and a range fixing the
// hourly rate at $3.
//
// Power: a rented accelerator's 1 kW × 1.8 for its share of the host =
// 1.8 kW all-in, × PUE 1.3 = 2.34 kW at the meter; the 6 accelerators
// need 14.04 kW = 0.01404 MW, more than the site's 10 kW from month 1.
//
// Uncertainty, both draws at $3: 6 × $3 × 730 h × 2 = $26,280, $26,280 /
// 7,884 M tokens = $3.333333 per M, margin $7,884 − $26,280 = −$18,396;
// NPV = the revenue's present value ($17,352.352654 − $9,543.79396 =
// $7,808.558694, from the point figures) − 1.5 × the cost's
// ($26,028.528981) = −$18,219.970287. The API ($27,594, unchanged) loses
// both draws, by $27,594 − $26,280 = $1,314.
func TestReportPowerAndUncertainty(t *testing.T) {
	b, err := os.ReadFile("testdata/report/power_uncertainty.json")
	if err != nil {
		t.Fatal(err)
	}
	var s Scenario
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	r, err := Evaluate(&s)
	if err != nil {
		t.Fatal(err)
	}
	sim, err := Simulate(&s, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := WriteReport(&out, &s, r, sim); err != nil {
		t.Fatal(err)
	}
	report := out.String()
	wantPower := `power
site_mw,0.01
option,layer,all_in_kw,pue,meter_kw,peak_mw,outgrows_site_month,lines
Measured cloud,,1.8,1.3,2.34,0.01404,1,"2.34 kW an accelerator at the meter (rented: 1 kW board power × 1.8 for its share of the host = 1.8 kW all-in, × PUE 1.3, an owned option's defaults, as the provider's are not known); the workload's fleet needs at most 14.04 kW; outgrows the site's 10 kW in month 1; the site hosts 4 accelerators (2 replicas, 1 serving), drawing 9.36 kW; it serves 909 output tokens/s at the peak and 78,545 requests a day (the peak at the target utilization), 90,909 output tokens/s and 3,927,272,727 output tokens a day per MW; fully built it costs $5,840 a month, $1.63 per M tokens"`
	if got := reportBlock(t, report, "power"); got != wantPower {
		t.Errorf("power block:\n got %s\nwant %s", got, wantPower)
	}
	wantUnc := `uncertainty
seed,1
samples,2
redrawn,0
range,label,shape,low,mode,high,default,drawn_with
options[0].hourly_rate,Measured cloud: Hourly rate,triangular,3,3,3,false,
option,total_p10,total_p50,total_p90,cost_per_m_tokens_p10,cost_per_m_tokens_p50,cost_per_m_tokens_p90,stranded_p10,stranded_p50,stranded_p90,margin_p10,margin_p50,margin_p90,npv_p10,npv_p50,npv_p90,net_present_cost_p10,net_present_cost_p50,net_present_cost_p90,wins,win_share,regret_p10,regret_p50,regret_p90
Measured cloud,26280,26280,26280,3.333333,3.333333,3.333333,0,0,0,-18396,-18396,-18396,-18219.970287,-18219.970287,-18219.970287,,,,2,1,0,0,0
API,27594,27594,27594,3.5,3.5,3.5,0,0,0,-19710,-19710,-19710,-19521.396736,-19521.396736,-19521.396736,,,,0,0,1314,1314,1314`
	if got := reportBlock(t, report, "uncertainty"); got != wantUnc {
		t.Errorf("uncertainty block:\n got %s\nwant %s", got, wantUnc)
	}
	// The summary names what the winner's cost depends most on: its
	// hourly rate ±20 % moves $2.222222 per M by ±20 %: $1.78 and $2.67.
	if !strings.Contains(report, "\nsummary,\"Its cost per M tokens ($2.22) depends most on hourly rate ($1.78 at −20 %, $2.67 at +20 %)") {
		t.Errorf("no drivers sentence in:\n%s", report[:800])
	}

	// Not drawn yet (the page before its Monte Carlo has finished): the
	// scenario's own block (its seed by default 1), and a row saying the
	// spread is not there.
	out.Reset()
	if err := WriteReport(&out, &s, r, nil); err != nil {
		t.Fatal(err)
	}
	wantNot := `uncertainty
seed,1
samples,2
status,not drawn: the spread is not in this report
range,label,shape,low,mode,high,default,drawn_with
options[0].hourly_rate,,,3,3,3,false,`
	if got := reportBlock(t, out.String(), "uncertainty"); got != wantNot {
		t.Errorf("uncertainty block, not drawn:\n got %s\nwant %s", got, wantNot)
	}
}

// The start-up example's report says, as the page does, that its ranking
// is within the estimates' error and to measure before committing
// (TestStartupRobustWithCommonError).
func TestReportRobustness(t *testing.T) {
	s := DefaultScenario()
	r, err := Evaluate(&s)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := WriteReport(&out, &s, r, nil); err != nil {
		t.Fatal(err)
	}
	want := "\nsummary,\"The ranking is within the estimates' validated error: with H100 on demand's throughput (and that of the other option on the same accelerator) at 0.60× the estimate and the other estimates at the high end of their validation bands, Token API would be cheapest ($225,626 in all, against $248,828 for H100 on demand). Measure throughput before committing.\"\n"
	if !strings.Contains(out.String(), want) {
		t.Errorf("no robustness sentence in:\n%s", out.String()[:1500])
	}
}
