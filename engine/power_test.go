package engine

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// powerScenario is a hand-worked site: measured throughput, so that the
// seconds a request are exact. 1,000 input tokens at 20,000 tokens/s is
// 0.05 s of prefill, 200 output tokens at 1,000 tokens/s 0.2 s of decode:
// 0.25 accelerator-seconds a request. Two accelerators a replica, one
// spare replica, a target utilization of 0.8, a peak of twice the
// average. The owned option's accelerator draws 1.8 kW all-in at PUE 1.3;
// the cloud one's board power is 1 kW: × 1.8 = 1.8 kW all-in, at the
// default PUE 1.3. Both draw 2.34 kW at the meter.
func powerScenario(siteMW string) *Scenario {
	measured := func(o Option) Option {
		o.PrefillTokensPerS, o.DecodeTokensPerS, o.AcceleratorsPerReplica = N("20000"), N("1000"), N("2")
		o.SpareReplicas, o.MaxUtilization = N("1"), N("0.8")
		return o
	}
	s := &Scenario{Version: 2, Name: "Power",
		Workload: Workload{RequestsPerDay: N("276480"), InputTokens: N("1000"), OutputTokens: N("200"),
			PeakToAverage: N("2"), MonthlyGrowth: N("0.5"), HorizonMonths: N("4")},
		Model: Model{Preset: "llama-3.1-70b"},
		Options: []Option{
			measured(Option{Label: "owned", Kind: Owned, Accelerator: &Accelerator{MemoryGB: N("80"), BandwidthTBps: N("3"), TFLOPS: N("1000")},
				CapexPerAccelerator: N("30000"), PowerKW: N("1.8"), PUE: N("1.3")}),
			measured(Option{Label: "cloud", Kind: Cloud, Accelerator: &Accelerator{MemoryGB: N("80"), BandwidthTBps: N("3"), TFLOPS: N("1000"), PowerKW: N("1")},
				HourlyRate: N("2")}),
			{Label: "api", Kind: API, PriceInputPerM: N("1"), PriceOutputPerM: N("2")},
		},
	}
	if siteMW != "" {
		s.Workload.SitePowerMW = N(siteMW)
	}
	return s
}

func evalPower(t *testing.T, s *Scenario) *Result {
	t.Helper()
	r, err := Evaluate(s)
	if err != nil {
		t.Fatal(err)
	}
	if r.Power == nil {
		t.Fatal("no power section")
	}
	return r
}

// TestPowerSiteHandWorked converts 1 MW into accelerators, tokens and cost.
func TestPowerSiteHandWorked(t *testing.T) {
	r := evalPower(t, powerScenario("1"))
	p := r.Power
	checkNear(t, "site MW", *p.SiteMW, d("1"))
	if len(p.Options) != 2 || p.Options[0].Option != 0 || p.Options[1].Option != 1 {
		t.Fatalf("want the two self-hosted options, got %+v", p.Options)
	}
	for _, op := range p.Options {
		s := op.Site
		if s == nil {
			t.Fatalf("%s: no site figures", op.Label)
		}
		// Meter power: 1.8 kW all-in × PUE 1.3 = 2.34 kW an accelerator.
		checkNear(t, op.Label+" all-in kW", *op.AllInKW, d("1.8"))
		checkNear(t, op.Label+" meter kW", *op.MeterKW, d("2.34"))
		// floor(1,000 kW / 2.34) = floor(427.35…) = 427 accelerators;
		// whole replicas of 2: floor(427 / 2) = 213 replicas, 426
		// accelerators, 212 serving (one spare); 426 × 2.34 = 996.84 kW.
		checkNear(t, op.Label+" powered", s.PoweredAccelerators, d("427"))
		checkNear(t, op.Label+" replicas", s.Replicas, d("213"))
		checkNear(t, op.Label+" accelerators", s.Accelerators, d("426"))
		checkNear(t, op.Label+" serving", s.ServingReplicas, d("212"))
		checkNear(t, op.Label+" power MW", s.PowerMW, d("0.99684"))
		// At the peak, 212 × 2 × 0.8 = 339.2 accelerators are busy: 339.2 /
		// 0.25 s = 1,356.8 requests a second, × 200 output tokens =
		// 271,360 output tokens/s. The average day is half the peak:
		// 339.2 × 86,400 / (2 × 0.25) = 58,613,760 requests, × 200 =
		// 11,722,752,000 output tokens. Per MW: the same (1 MW).
		checkNear(t, op.Label+" peak output tokens/s", s.PeakOutputTokensPerS, d("271360"))
		checkNear(t, op.Label+" requests a day", s.RequestsPerDay, d("58613760"))
		checkNear(t, op.Label+" output tokens a day", s.OutputTokensPerDay, d("11722752000"))
		checkNear(t, op.Label+" peak tokens/s per MW", s.PeakOutputTokensPerSPerMW, d("271360"))
		checkNear(t, op.Label+" tokens a day per MW", s.OutputTokensPerDayPerMW, d("11722752000"))
		if s.MonthlyCost == nil || s.CostPerMTokens == nil || s.Note != "" {
			t.Fatalf("%s: no cost (%q)", op.Label, s.Note)
		}
	}
	// Owned: capex 426 × $30,000 = $12,780,000. Its first month, fully
	// built (defaults: 4 years to a 10 % residual, 8 % cost of capital,
	// idle power 0.3, $0.10/kWh, $150/kW-month, maintenance 5 % a year):
	//   depreciation 12,780,000 × 0.9 / 48          = 239,625
	//   capital      12,780,000 × 0.08 / 12         =  85,200
	//   energy: a kW-month at full load is 1.8 × 730 × 1.3 × 0.1 = $170.82;
	//     idle 426 × 170.82 × 0.3                   =  21,830.796
	//     busy (average 339.2 / 2 = 169.6) × 170.82 × 0.7 = 20,279.7504
	//   facility     426 × 1.8 × 150                = 115,020
	//   operations   12,780,000 × 0.05 / 12         =  53,250
	//   total                                       = 535,205.5464
	// Tokens that month: 58,613,760 × 365 / 12 = 1,782,835,200 requests ×
	// 1,200 tokens = 2,139,402,240,000; $/M = 535,205.5464 / 2,139,402.24
	// = 0.250165927843…
	o := p.Options[0].Site
	checkNear(t, "owned capex", *o.Capex, d("12780000"))
	b := o.Breakdown
	checkNear(t, "depreciation", b.Depreciation, d("239625"))
	checkNear(t, "capital", b.Capital, d("85200"))
	checkNear(t, "energy", b.Energy, d("42110.5464"))
	checkNear(t, "facility", b.Facility, d("115020"))
	checkNear(t, "operations", b.Operations, d("53250"))
	checkNear(t, "owned monthly cost", *o.MonthlyCost, d("535205.5464"))
	checkNear(t, "owned $/M tokens", *o.CostPerMTokens, d("0.250165927843470894000747"))
	// Cloud: 426 × $2 × 730 h = $621,960 a month, no capex; $/M =
	// 621,960 / 2,139,402.24 = 0.290716…
	c := p.Options[1].Site
	if c.Capex != nil {
		t.Errorf("cloud capex = %s, want none", c.Capex)
	}
	checkNear(t, "cloud monthly cost", *c.MonthlyCost, d("621960"))
	checkNear(t, "cloud on demand", c.Breakdown.OnDemand, d("621960"))
	checkNear(t, "cloud $/M tokens", *c.CostPerMTokens, d("621960").Mul(million).DivRound(d("2139402240000"), 24))
	if !strings.Contains(p.Options[1].Basis, "1 kW board power × 1.8") || !strings.Contains(p.Options[1].Basis, "PUE 1.3") {
		t.Errorf("cloud basis = %q", p.Options[1].Basis)
	}
}

// TestPowerSiteFitsThePlanner: the requests a day a site serves, given to
// the capacity planner as flat demand, need exactly the site's
// accelerators, no more.
func TestPowerSiteFitsThePlanner(t *testing.T) {
	for _, mw := range []string{"1", "0.37", "2500"} {
		r := evalPower(t, powerScenario(mw))
		for _, op := range r.Power.Options {
			s := powerScenario("")
			s.Workload.RequestsPerDay = NumOf(op.Site.RequestsPerDay)
			s.Workload.MonthlyGrowth = Num{}
			s.Workload.HorizonMonths = N("1")
			got := evalPower(t, s).Options[op.Option].PeakAccelerators
			if !got.Equal(op.Site.Accelerators) {
				t.Errorf("%s MW, %s: the site's %s requests a day need %s accelerators, the site hosts %s", mw, op.Label, op.Site.RequestsPerDay, got, op.Site.Accelerators)
			}
		}
	}
}

// TestPowerMonthByMonth: the reverse, for a hand-worked growth case.
// One request a day needs 0.25 × 2 / (86,400 × 0.8 × 2) = 1/276,480
// replicas at the peak. Month 1: 276,480 requests a day need 1 replica, +1
// spare = 2 replicas, 4 accelerators; growth 50 % a month: 414,720 (1.5 →
// 2, +1: 6 accelerators), 622,080 (2.25 → 3, +1: 8), 933,120 (3.375 → 4,
// +1: 10). × 2.34 kW: 9.36, 14.04, 18.72, 23.4 kW. A 0.02 MW site is
// outgrown in month 4 (0.0234 MW).
func TestPowerMonthByMonth(t *testing.T) {
	want := []string{"0.00936", "0.01404", "0.01872", "0.0234"}
	for _, site := range []string{"", "0.02", "0.0234"} {
		r := evalPower(t, powerScenario(site))
		for _, op := range r.Power.Options {
			if len(op.MonthlyMW) != len(want) {
				t.Fatalf("%s: %d months", op.Label, len(op.MonthlyMW))
			}
			for m, w := range want {
				checkNear(t, op.Label+" MW", op.MonthlyMW[m], d(w))
			}
			checkNear(t, op.Label+" peak MW", *op.PeakMW, d("0.0234"))
			switch site {
			case "0.02":
				if op.OutgrowsMonth == nil || *op.OutgrowsMonth != 4 {
					t.Errorf("%s: outgrows %v, want month 4", op.Label, op.OutgrowsMonth)
				}
				// 20 kW / 2.34 = 8.5: 8 accelerators, 4 replicas, 3 serving.
				checkNear(t, op.Label+" site accelerators", op.Site.Accelerators, d("8"))
				checkNear(t, op.Label+" site serving", op.Site.ServingReplicas, d("3"))
			case "0.0234": // exactly the peak: never more than the site
				if op.OutgrowsMonth != nil {
					t.Errorf("%s: outgrows month %d, want never", op.Label, *op.OutgrowsMonth)
				}
				checkNear(t, op.Label+" site accelerators", op.Site.Accelerators, d("10"))
			default:
				if op.OutgrowsMonth != nil || op.Site != nil || r.Power.SiteMW != nil {
					t.Errorf("%s: site figures without a site", op.Label)
				}
			}
		}
	}
}

// TestPowerSiteTooSmall: a site that cannot feed one serving replica says
// so and costs nothing (no division by zero tokens).
func TestPowerSiteTooSmall(t *testing.T) {
	// 0.005 MW = 5 kW: floor(5 / 2.34) = 2 accelerators, one replica,
	// which is the spare.
	r := evalPower(t, powerScenario("0.005"))
	for _, op := range r.Power.Options {
		s := op.Site
		checkNear(t, "accelerators", s.Accelerators, d("2"))
		checkNear(t, "serving", s.ServingReplicas, d("0"))
		if s.MonthlyCost != nil || s.CostPerMTokens != nil || !strings.Contains(s.Note, "not one serving replica of 2 on top of 1 spare replicas") {
			t.Errorf("%s: %+v", op.Label, s)
		}
	}
}

// TestPowerUnknown: a cloud accelerator without board power has no power
// figures, and says why.
func TestPowerUnknown(t *testing.T) {
	s := powerScenario("1")
	s.Options[1].Accelerator.PowerKW = Num{}
	op := evalPower(t, s).Power.Options[1]
	if op.AllInKW != nil || op.MonthlyMW != nil || op.Site != nil || !strings.Contains(op.Basis, "no board power") {
		t.Errorf("%+v", op)
	}
}

// TestPowerGigawatt: the largest site, 10 GW, on the H100 preset.
func TestPowerGigawatt(t *testing.T) {
	s := powerScenario("10000")
	s.Options[1].Accelerator = &Accelerator{Preset: "h100-sxm"}
	s.Options[1].HourlyRate = N("2")
	op := evalPower(t, s).Power.Options[1]
	// 0.7 kW × 1.8 × 1.3 = 1.638 kW; floor(10,000,000 / 1.638) = 6,105,006.
	checkNear(t, "powered", op.Site.PoweredAccelerators, d("6105006"))
	checkNear(t, "accelerators", op.Site.Accelerators, d("6105006"))
	// The range: above 10,000 MW or 0 is refused, naming the field.
	for _, bad := range []string{"10000.001", "0", "-1"} {
		s.Workload.SitePowerMW = N(bad)
		if _, err := Evaluate(s); err == nil || !strings.Contains(err.Error(), "workload.site_power_mw") {
			t.Errorf("site %s MW: %v", bad, err)
		}
	}
}

// TestPowerFieldRoundTrip: the site budget goes through a link and a file
// unchanged, and an older link cannot hold it.
func TestPowerFieldRoundTrip(t *testing.T) {
	s := powerScenario("1234.5")
	link := EncodeLink(s)
	n := Normalize(s)
	if tokens := strings.Join(linkTokens(&n), "~"); !strings.Contains(tokens, "~mw=1234.5~") {
		t.Errorf("link tokens %s have no mw=1234.5", tokens)
	}
	got, err := DecodeLink(link)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Workload.SitePowerMW.Equal(N("1234.5")) {
		t.Errorf("link: site = %s", got.Workload.SitePowerMW)
	}
	var buf bytes.Buffer
	if err := EncodeScenario(&buf, s); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"site_power_mw": "1234.5"`) {
		t.Errorf("file has no site_power_mw:\n%s", buf.String())
	}
	f, err := DecodeScenario(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !f.Workload.SitePowerMW.Equal(N("1234.5")) {
		t.Errorf("file: site = %s", f.Workload.SitePowerMW)
	}
	for _, v := range []string{"1", "2", "3"} {
		if _, err := DecodeLink("#" + v + "r.mw=1"); err == nil || !strings.Contains(err.Error(), `unknown part "mw"`) {
			t.Errorf("a version-%s link with mw: %v", v, err)
		}
	}
	// Without a site, the JSON says so, and every option's power is there.
	r := evalPower(t, powerScenario(""))
	b, _ := json.Marshal(r.Power)
	if !strings.HasPrefix(string(b), `{"site_mw":null,"options":[{"option":0,"label":"owned"`) {
		t.Errorf("JSON %s", b)
	}
}

// TestPowerSiteServesAlmostNothing: a replica so slow that the site's
// requests a day truncate to 0 costs nothing rather than dividing by zero
// tokens.
func TestPowerSiteServesAlmostNothing(t *testing.T) {
	s := powerScenario("1")
	// 1,000 tokens at 10^-18 tokens/s: 10^21 s of prefill a request;
	// 0.8 × 424 busy × 86,400 / (2 × 10^21) ≈ 1.5 × 10^-14 a day, but a
	// target utilization of 10^-18 brings it to ≈ 2 × 10^-32: below 10^-24.
	s.Options[0].PrefillTokensPerS, s.Options[0].MaxUtilization = N("0.000000000000000001"), N("0.000000000000000001")
	op := evalPower(t, s).Power.Options[0]
	if op.Site.RequestsPerDay.Sign() != 0 || op.Site.MonthlyCost != nil || !strings.Contains(op.Site.Note, "less than 10^-24") {
		t.Errorf("%+v", op.Site)
	}
}

// TestPowerLeasedSiteHasNoCapex: leased hardware is not bought, so the
// site's figures claim no capex and its sentence names none.
func TestPowerLeasedSiteHasNoCapex(t *testing.T) {
	s := powerScenario("1")
	for i := range s.Options {
		if s.Options[i].Kind == Owned {
			s.Options[i].LeaseMonths, s.Options[i].LeaseRateFactor = N("36"), N("0.03")
		}
	}
	r := evalPower(t, s)
	for _, op := range r.Power.Options {
		if op.Site == nil {
			t.Fatalf("%s: no site figures", op.Label)
		}
		if op.Site.Capex != nil {
			t.Errorf("%s: capex %s for leased or rented hardware", op.Label, op.Site.Capex)
		}
	}
}

// TestPowerHybridHandWorked: a hybrid's power is its layers'. The hybrid
// scenario (hybrid_test.go) with board powers: option 1 (the base) 0.5 kW,
// × 1.8 = 0.9 kW all-in, × PUE 1.3 = 1.17 kW at the meter; option 2 (the
// burst) 1 kW, × 1.8 = 1.8 kW, × 1.3 = 2.34 kW.
//
// Base: 4 accelerators × 1.17 kW = 4.68 kW = 0.00468 MW, every month.
// Burst: 4 accelerators in the busiest hour (16:00, 2 replicas of 2) ×
// 2.34 kW = 9.36 kW. Each month (no growth): 14.04 kW = 0.01404 MW.
//
// A site of 5 kW (0.005 MW) holds the base (4.68 kW ≤ 5 kW): it is not
// outgrown, though the whole fleet draws 14.04 kW, because the burst is
// rented elsewhere. With the base's option the site hosts floor(5 / 1.17)
// = 4 accelerators (one a replica, no spare: 4 serving, 4.68 kW); busy at
// the peak 4 × 0.5 = 2, serving 2 × 500 / 1 s = 1,000 output tokens/s at
// the peak and 2 × 86,400 / (3.6 × 1) = 48,000 requests a day. A site of
// 4 kW is outgrown in month 1 (4.68 > 4).
func TestPowerHybridHandWorked(t *testing.T) {
	s := hybridScenario()
	s.Options[0].Accelerator.PowerKW = N("0.5")
	s.Options[1].Accelerator.PowerKW = N("1")
	s.Workload.SitePowerMW = N("0.005")
	r := evalPower(t, s)
	var op *OptionPower
	for k := range r.Power.Options {
		if r.Power.Options[k].Option == 3 {
			op = &r.Power.Options[k]
		}
	}
	if op == nil || len(op.Layers) != 2 || op.MeterKW != nil || op.AllInKW != nil {
		t.Fatalf("hybrid power %+v", op)
	}
	b, u := op.Layers[0], op.Layers[1]
	if b.Layer != "base" || b.Option != 0 || !b.OnSite || u.Layer != "burst" || u.Option != 1 || u.OnSite {
		t.Fatalf("layers %+v", op.Layers)
	}
	checkNear(t, "base meter kW", *b.MeterKW, d("1.17"))
	checkNear(t, "burst meter kW", *u.MeterKW, d("2.34"))
	for m := range 2 {
		checkNear(t, "base MW", b.MonthlyMW[m], d("0.00468"))
		checkNear(t, "burst MW", u.MonthlyMW[m], d("0.00936"))
		checkNear(t, "hybrid MW", op.MonthlyMW[m], d("0.01404"))
	}
	checkNear(t, "peak MW", *op.PeakMW, d("0.01404"))
	if op.OutgrowsMonth != nil {
		t.Errorf("outgrows month %d; the base alone is on the site and fits", *op.OutgrowsMonth)
	}
	site := op.Site
	if site == nil {
		t.Fatal("no site figures")
	}
	checkNear(t, "site accelerators", site.Accelerators, d("4"))
	checkNear(t, "site serving", site.ServingReplicas, d("4"))
	checkNear(t, "site power", site.PowerMW, d("0.00468"))
	checkNear(t, "site tokens/s", site.PeakOutputTokensPerS, d("1000"))
	checkNear(t, "site requests a day", site.RequestsPerDay, d("48000"))
	lines := strings.Join(op.Lines(r.Power.SiteMW), "\n")
	for _, want := range []string{"base layer (committed): 1.17 kW", "burst layer (rented): 2.34 kW", "rented elsewhere: no site power",
		"needs at most 14.04 kW in its busiest hour", "the site holds the base alone: 4.68 kW", "fits in the site's 5 kW", "the site hosts 4 accelerators"} {
		if !strings.Contains(lines, want) {
			t.Errorf("lines lack %q:\n%s", want, lines)
		}
	}

	s.Workload.SitePowerMW = N("0.004")
	r = evalPower(t, s)
	for _, op := range r.Power.Options {
		if op.Option == 3 && (op.OutgrowsMonth == nil || *op.OutgrowsMonth != 1) {
			t.Errorf("a 4 kW site: outgrows %v, want month 1", op.OutgrowsMonth)
		}
	}
	// Without the burst's board power the total is not known; the base's
	// site figures still are.
	s.Options[1].Accelerator.PowerKW = Num{}
	r = evalPower(t, s)
	for _, op := range r.Power.Options {
		if op.Option == 3 && (op.MonthlyMW != nil || op.PeakMW != nil || op.Site == nil || op.OutgrowsMonth == nil) {
			t.Errorf("burst power unknown: %+v", op)
		}
	}
}
