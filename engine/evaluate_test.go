package engine

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// d parses a decimal literal for expectations.
func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// near reports whether got is within 1e-12 of want: exact figures with
// non-terminating fractions are compared at that tolerance (the engine
// keeps 24 places).
func near(got, want decimal.Decimal) bool {
	return got.Sub(want).Abs().Cmp(d("0.000000000001")) <= 0
}

func checkNear(t *testing.T, what string, got, want decimal.Decimal) {
	t.Helper()
	if !near(got, want) {
		t.Errorf("%s = %s, want %s", what, got, want)
	}
}

// handWorkload is 86,400 requests a day, one a second on average.
func handScenario(opts ...Option) *Scenario {
	return &Scenario{
		Version: 1,
		Name:    "hand-worked",
		Workload: Workload{
			RequestsPerDay:   N("86400"),
			InputTokens:      N("1000"),
			OutputTokens:     N("500"),
			CachedInputShare: N("0.5"),
			PeakToAverage:    N("2"),
			HorizonMonths:    N("2"),
		},
		Model:   Model{Preset: "llama-3.1-8b"},
		Options: opts,
	}
}

// measuredCloud has measured rates so the working stays short:
// accelerator-seconds per request = 1000 × 0.5 / 10,000 + 500 / 1,000 = 0.55.
func measuredCloud() Option {
	return Option{
		Label: "cloud", Kind: Cloud,
		Accelerator:            &Accelerator{MemoryGB: N("80"), BandwidthTBps: N("3"), TFLOPS: N("1000")},
		HourlyRate:             N("2"),
		PrefillTokensPerS:      N("10000"),
		DecodeTokensPerS:       N("1000"),
		AcceleratorsPerReplica: N("2"),
		MaxUtilization:         N("0.5"),
		SpareReplicas:          N("1"),
	}
}

func mustEval(t *testing.T, s *Scenario) *Result {
	t.Helper()
	r, err := Evaluate(s)
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	return r
}

func TestCloudOnDemandHandWorked(t *testing.T) {
	r := mustEval(t, handScenario(measuredCloud()))
	o := r.Options[0]
	// busy = 86,400/86,400 × 0.55 = 0.55 accelerators.
	// replicas = ceil(0.55 × 2 / (0.5 × 2)) = ceil(1.1) = 2, plus 1 spare = 3,
	// × 2 accelerators = 6 provisioned.
	checkNear(t, "seconds per request", o.AcceleratorSecondsPerRequest, d("0.55"))
	checkNear(t, "busy", o.Months[0].BusyAccelerators, d("0.55"))
	checkNear(t, "provisioned", o.Months[0].Accelerators, d("6"))
	// utilization = 0.55 / 6.
	checkNear(t, "utilization", *o.Months[0].Utilization(), d("0.55").DivRound(d("6"), 24))
	// cost = 6 × $2 × 730 h = $8,760 a month, $17,520 over 2 months.
	checkNear(t, "month cost", o.Months[0].Cost, d("8760"))
	checkNear(t, "total", o.TotalCost, d("17520"))
	// requests a month = 86,400 × 365 / 12 = 2,628,000; tokens a month =
	// 2,628,000 × 1,500 = 3,942,000,000; two months 7,884,000,000.
	checkNear(t, "requests", o.Months[0].Requests, d("2628000"))
	// $/M tokens = 17,520 / 7,884 = 20/9.
	checkNear(t, "cost per M tokens", o.CostPerMTokens, d("20").DivRound(d("9"), 24))
	// Prefill takes 0.05 of 0.55 s: 1/11 of the cost is input.
	// $/M input = 17,520 / 11 / 5,256 = 10/33; $/M output = 17,520 × 10/11 / 2,628 = 200/33.
	checkNear(t, "cost per M input", *o.CostPerMInputTokens, d("10").DivRound(d("33"), 24))
	checkNear(t, "cost per M output", o.CostPerMOutputTokens, d("200").DivRound(d("33"), 24))
	// $/1k requests = 17,520 / 5,256,000 × 1,000 = 10/3.
	checkNear(t, "cost per 1k requests", o.CostPer1kRequests, d("10").DivRound(d("3"), 24))
	checkNear(t, "peak", o.PeakAccelerators, d("6"))
	if o.StrandedTotal.Sign() != 0 {
		t.Errorf("stranded = %s without a commitment", o.StrandedTotal)
	}
}

func TestCloudCommitmentHandWorked(t *testing.T) {
	for _, tc := range []struct {
		name                    string
		units                   string
		m1, committed, onDemand string
		stranded, total         string
	}{
		// 10 committed at $1.50: 10 × 1.5 × 730 = 10,950 paid; 6 used, so
		// 4 × 1.5 × 730 = 4,380 stranded; month 2 is on demand: 8,760.
		{"over-committed", "10", "10950", "10950", "0", "4380", "19710"},
		// 4 committed: 4 × 1.5 × 730 = 4,380 plus 2 on demand × 2 × 730 = 2,920.
		{"under-committed", "4", "7300", "4380", "2920", "0", "16060"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := measuredCloud()
			o.CommitAccelerators = N(tc.units)
			o.CommitHourlyRate = N("1.5")
			o.CommitMonths = N("1")
			r := mustEval(t, handScenario(o))
			m := r.Options[0].Months
			checkNear(t, "month 1", m[0].Cost, d(tc.m1))
			checkNear(t, "committed", m[0].Breakdown.Committed, d(tc.committed))
			checkNear(t, "on demand", m[0].Breakdown.OnDemand, d(tc.onDemand))
			checkNear(t, "stranded", m[0].StrandedCost, d(tc.stranded))
			checkNear(t, "month 2", m[1].Cost, d("8760"))
			checkNear(t, "total", r.Options[0].TotalCost, d(tc.total))
			checkNear(t, "stranded total", r.Options[0].StrandedTotal, d(tc.stranded))
		})
	}
}

func TestOwnedHandWorked(t *testing.T) {
	o := measuredCloud()
	o.Kind, o.Label, o.HourlyRate = Owned, "owned", Num{}
	o.CapexPerAccelerator = N("10000")
	o.DepreciationYears = N("1")
	o.ResidualShare = N("0.1")
	o.CostOfCapital = N("0.12")
	o.PowerKW = N("1")
	o.IdlePowerShare = N("0.5")
	o.PUE = N("1.5")
	o.ElectricityPerKWh = N("0.1")
	o.ColoPerKWMonth = N("100")
	o.OpexSharePerYear = N("0.12")
	o.StaffPerMonth = N("1000")
	r := mustEval(t, handScenario(o))
	or := r.Options[0]
	m1, m2 := or.Months[0], or.Months[1]
	// 6 accelerators bought in month 1: $60,000 of capex.
	checkNear(t, "capex", m1.Capex, d("60000"))
	// Depreciation: 10,000 × (1 − 0.1) / 12 = 750 each, 4,500 a month.
	checkNear(t, "depreciation", m1.Breakdown.Depreciation, d("4500"))
	// Capital: 60,000 × 0.12 / 12 = 600; month 2 on 55,500: 555.
	checkNear(t, "capital 1", m1.Breakdown.Capital, d("600"))
	checkNear(t, "capital 2", m2.Breakdown.Capital, d("555"))
	// Energy: one kW for a month = 1 × 730 × 1.5 × 0.1 = 109.5; idle 54.75.
	// 6 × 54.75 + (1 − 0.5) × 0.55 busy × 109.5 = 328.5 + 30.1125 = 358.6125.
	checkNear(t, "energy", m1.Breakdown.Energy, d("358.6125"))
	// Facility: 6 × 1 kW × $100 = 600. Operations: 60,000 × 0.12 / 12 + 1,000 = 1,600.
	checkNear(t, "facility", m1.Breakdown.Facility, d("600"))
	checkNear(t, "operations", m1.Breakdown.Operations, d("1600"))
	checkNear(t, "month 1", m1.Cost, d("7658.6125"))
	checkNear(t, "month 2", m2.Cost, d("7613.6125"))
	checkNear(t, "total", or.TotalCost, d("15272.225"))
	// Cash: capex when bought, plus energy, facility and operations.
	checkNear(t, "cash 1", m1.CashCost, d("62558.6125"))
	checkNear(t, "cash 2", m2.CashCost, d("2558.6125"))
	// Book value after 2 × 4,500 of depreciation.
	checkNear(t, "book value", or.BookValue, d("51000"))
}

func TestOwnedFleetIsKeptAndDepreciationEnds(t *testing.T) {
	o := measuredCloud()
	o.Kind, o.Label, o.HourlyRate = Owned, "owned", Num{}
	o.CapexPerAccelerator = N("1200")
	o.DepreciationYears = N("0.25") // 3 months
	o.ResidualShare = N("0")
	o.CostOfCapital = N("0")
	o.PowerKW = N("1")
	o.ColoPerKWMonth = N("0")
	o.OpexSharePerYear = N("0")
	o.ElectricityPerKWh = N("0")
	s := handScenario(o)
	s.Workload.HorizonMonths = N("5")
	s.Workload.MonthlyGrowth = N("-0.5") // demand halves: the fleet must not shrink
	r := mustEval(t, s)
	m := r.Options[0].Months
	for i, want := range []string{"2400", "2400", "2400", "0", "0"} {
		// 6 × 1,200 / 3 = 2,400 a month for three months, then nothing.
		checkNear(t, "depreciation", m[i].Breakdown.Depreciation, d(want))
	}
	// Month 2: 43,200 requests a day → busy 0.275 → 1 replica + 1 spare = 4
	// provisioned, 6 held: 2 idle of 6 carry a third of the fixed cost.
	checkNear(t, "provisioned", m[1].Accelerators, d("4"))
	checkNear(t, "fleet", m[1].Fleet, d("6"))
	checkNear(t, "stranded", m[1].StrandedCost, d("800"))
	checkNear(t, "book value", r.Options[0].BookValue, d("0"))
}

func TestOwnedFractionalLife(t *testing.T) {
	o := measuredCloud()
	o.Kind, o.Label, o.HourlyRate = Owned, "owned", Num{}
	o.CapexPerAccelerator = N("1000")
	o.DepreciationYears = N("0.125") // 1.5 months
	o.ResidualShare = N("0")
	o.CostOfCapital = N("0")
	o.PowerKW = N("1")
	s := handScenario(o)
	s.Workload.HorizonMonths = N("3")
	r := mustEval(t, s)
	m := r.Options[0].Months
	// 6,000 over 1.5 months: 4,000 in month 1, the remaining 2,000 in month 2.
	for i, want := range []string{"4000", "2000", "0"} {
		checkNear(t, "depreciation", m[i].Breakdown.Depreciation, d(want))
	}
}

func TestAPIHandWorked(t *testing.T) {
	s := handScenario(Option{Label: "api", Kind: API, PriceInputPerM: N("2"), PriceCachedInputPerM: N("0.5"), PriceOutputPerM: N("8")})
	s.Workload = Workload{RequestsPerDay: N("1000"), InputTokens: N("1000"), OutputTokens: N("100"), CachedInputShare: N("0.2"), HorizonMonths: N("1")}
	r := mustEval(t, s)
	o := r.Options[0]
	// A request: 800 × $2/M + 200 × $0.5/M + 100 × $8/M = $0.0025.
	// A month: 1,000 × 365/12 = 30,416.66… requests → $76.041666…
	want := d("0.0025").Mul(d("1000")).Mul(d("365")).DivRound(d("12"), 24)
	checkNear(t, "cost", o.TotalCost, want)
	checkNear(t, "per 1k requests", o.CostPer1kRequests, d("2.5"))
	// Input costs 0.0016 + 0.0001 per 1,000 input tokens: $1.70/M.
	checkNear(t, "per M input", *o.CostPerMInputTokens, d("1.7"))
	checkNear(t, "per M output", o.CostPerMOutputTokens, d("8"))
	if o.Throughput != nil || o.AverageUtilization != nil {
		t.Error("an API option has no accelerators")
	}
}

func TestGrowthCompoundsMonthly(t *testing.T) {
	s := handScenario(Option{Label: "api", Kind: API, PriceInputPerM: N("1"), PriceOutputPerM: N("1")})
	s.Workload.RequestsPerDay = N("1000")
	s.Workload.MonthlyGrowth = N("0.1")
	s.Workload.HorizonMonths = N("3")
	r := mustEval(t, s)
	for i, want := range []string{"1000", "1100", "1210"} {
		checkNear(t, "requests per day", r.Options[0].Months[i].RequestsPerDay, d(want))
	}
	// 1,210 × 365 / 12 = 36,804.1666…
	checkNear(t, "requests in month 3", r.Options[0].Months[2].Requests, d("1210").Mul(d("365")).DivRound(d("12"), 24))
}

func TestRevenueMarginAndBreakEven(t *testing.T) {
	o := measuredCloud()
	o.Kind, o.Label, o.HourlyRate = Owned, "owned", Num{}
	o.CapexPerAccelerator = N("10000")
	o.PowerKW = N("1")
	s := handScenario(o, Option{Label: "api", Kind: API, PriceInputPerM: N("1"), PriceOutputPerM: N("1")})
	s.Workload.HorizonMonths = N("12")
	// $1 per M tokens on 3,942 M tokens a month: $3,942 of revenue a month.
	s.Revenue = &Revenue{PriceInputPerM: N("1"), PriceOutputPerM: N("1")}
	r := mustEval(t, s)
	api := r.Options[1]
	checkNear(t, "revenue", api.Months[0].Revenue, d("3942"))
	// The API costs exactly what we charge: margin 0, break-even in month 1.
	checkNear(t, "api margin", *api.TotalMargin, d("0"))
	if api.BreakEvenMonth == nil || *api.BreakEvenMonth != 1 {
		t.Errorf("api break-even = %v, want month 1", api.BreakEvenMonth)
	}
	// Owned: $60,000 of capex in month 1, then each month revenue $3,942
	// against cash costs of energy (6 × 1 kW × 730 × 1.3 × $0.10 × 0.3 idle =
	// 170.82, plus 0.55 busy × 0.7 × 94.9 = 36.5365), facility (6 × $150 =
	// 900) and maintenance (60,000 × 0.05 / 12 = 250): $1,357.3565. The
	// cumulative cash is 23 × 2,584.6435 − 60,000 = −553.2 after month 23
	// and +2,031.4 after month 24: break-even in month 24, not within 12.
	owned := r.Options[0]
	if owned.BreakEvenMonth != nil {
		t.Errorf("owned break-even within 12 months: %d", *owned.BreakEvenMonth)
	}
	checkNear(t, "owned cash month 2", owned.Months[1].CashCost, d("1357.3565"))
	s.Workload.HorizonMonths = N("30")
	owned = mustEval(t, s).Options[0]
	checkNear(t, "cumulative cash month 23", owned.Months[22].CumulativeCash, d("-553.1995"))
	if owned.BreakEvenMonth == nil || *owned.BreakEvenMonth != 24 {
		t.Errorf("owned break-even = %v, want month 24", owned.BreakEvenMonth)
	}
}

func TestValidationNamesEveryField(t *testing.T) {
	s := handScenario(measuredCloud(), Option{Label: "", Kind: "barter"})
	s.Version = 0
	s.Workload.RequestsPerDay = N("-5")
	s.Workload.CachedInputShare = ParseNum("lots")
	s.Workload.HorizonMonths = N("2.5")
	s.Options[0].HourlyRate = N("-1")
	s.Options[0].Accelerator.MemoryGB = N("0")
	_, err := Evaluate(s)
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("want Errors, got %v", err)
	}
	for path, msg := range map[string]string{
		"version":                          "required (this infercost reads version 2)",
		"workload.requests_per_day":        "must be > 0",
		"workload.cached_input_share":      `"lots" is not a number`,
		"workload.horizon_months":          "must be a whole number",
		"options[0].hourly_rate":           "must be ≥ 0",
		"options[0].accelerator.memory_gb": "must be > 0",
		"options[1].label":                 "required",
		"options[1].kind":                  `must be cloud, owned, api or hybrid (got "barter")`,
	} {
		if got := errs.For(path); got != msg {
			t.Errorf("%s: %q, want %q", path, got, msg)
		}
	}
}

func TestValidationCrossField(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*Scenario)
		path string
		msg  string
	}{
		{"future version", func(s *Scenario) { s.Version = FormatVersion + 1 }, "version", "newer than this infercost"},
		{"no options", func(s *Scenario) { s.Options = nil }, "options", "at least one"},
		{"nine options", func(s *Scenario) {
			for len(s.Options) < 9 {
				s.Options = append(s.Options, measuredCloud())
			}
		}, "options", "at most 8"},
		{"unknown model", func(s *Scenario) { s.Model.Preset = "gpt-9" }, "model.preset", `unknown model "gpt-9"`},
		{"unknown accelerator", func(s *Scenario) { s.Options[0].Accelerator = &Accelerator{Preset: "h900"} }, "options[0].accelerator.preset", "unknown accelerator"},
		{"no accelerator", func(s *Scenario) { s.Options[0].Accelerator = nil }, "options[0].accelerator", "required"},
		{"active above total", func(s *Scenario) { s.Model.ActiveParamsB = N("9") }, "model.active_params_b", "must be ≤ total"},
		{"half measured", func(s *Scenario) { s.Options[0].DecodeTokensPerS = Num{} }, "options[0].decode_tokens_per_s", "required with a measured prefill"},
		{"commit without months", func(s *Scenario) { s.Options[0].CommitAccelerators = N("4") }, "options[0].commit_months", "must be ≥ 1"},
		{"custom accelerator without price", func(s *Scenario) { s.Options[0].HourlyRate = Num{} }, "options[0].hourly_rate", "required"},
		{"owned custom without power", func(s *Scenario) {
			s.Options[0].Kind = Owned
			s.Options[0].CapexPerAccelerator = N("1")
		}, "options[0].power_kw", "required"},
		{"api without prices", func(s *Scenario) { s.Options[0] = Option{Label: "a", Kind: API} }, "options[0].price_input_per_m", "required"},
		{"revenue without prices", func(s *Scenario) { s.Revenue = &Revenue{} }, "revenue.price_output_per_m", "required"},
		{"explosive growth", func(s *Scenario) {
			s.Workload.MonthlyGrowth = N("1")
			s.Workload.HorizonMonths = N("120")
		}, "workload.monthly_growth", "past 10^15"},
		{"control characters", func(s *Scenario) { s.Name = "a\x00b" }, "name", "contains a control character (U+0000)"},
		{"long label", func(s *Scenario) { s.Options[0].Label = strings.Repeat("é", 61) }, "options[0].label", "too long (61 characters, at most 60)"},
		{"huge number", func(s *Scenario) { s.Workload.RequestsPerDay = ParseNum("1e20") }, "workload.requests_per_day", "too large"},
		{"too precise", func(s *Scenario) { s.Workload.CachedInputShare = ParseNum("0.1234567890123456789") }, "workload.cached_input_share", "more than 18 decimal places"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := handScenario(measuredCloud())
			tc.edit(s)
			_, err := Evaluate(s)
			var errs Errors
			if !errors.As(err, &errs) {
				t.Fatalf("want errors, got %v", err)
			}
			if got := errs.For(tc.path); !strings.Contains(got, tc.msg) {
				t.Errorf("%s: %q, want it to contain %q (all: %v)", tc.path, got, tc.msg, errs)
			}
		})
	}
}

func TestComparison(t *testing.T) {
	cheap := measuredCloud()
	cheap.Label, cheap.HourlyRate = "cheap", N("1")
	dear := measuredCloud()
	dear.Label = "dear"
	api := Option{Label: "api", Kind: API, PriceInputPerM: N("1"), PriceOutputPerM: N("1")}
	r := mustEval(t, handScenario(dear, cheap, api))
	c := r.Comparison
	// cheap: 6 × $1 × 730 × 2 = 8,760; dear: 17,520; api: 7,884 M tokens × $1 = 7,884.
	if got := c.Ranking; len(got) != 3 || got[0] != 2 || got[1] != 1 || got[2] != 0 {
		t.Errorf("ranking = %v, want [2 1 0]", got)
	}
	checkNear(t, "savings of cheap", *c.Options[1].SavingsVsAPI, d("-876"))
	if c.Options[2].CheapestFromMonth == nil || *c.Options[2].CheapestFromMonth != 1 || c.Options[1].CheapestFromMonth != nil {
		t.Errorf("cheapest from month: %+v", c.Options)
	}
}

// TestReplicaChoiceMatchesBruteForce: the replica each self-hosted option
// of the examples and the reference scenario is costed with is the one
// costing every candidate would choose (the pruning of candidates that
// cannot be cheaper leaves the choice exact), at their own demand and at
// 1 % and 100× of it.
func TestReplicaChoiceMatchesBruteForce(t *testing.T) {
	scenarios := []*Scenario{loadReference(t)}
	for _, e := range Examples {
		s := e.Scenario.Clone()
		scenarios = append(scenarios, &s)
	}
	for _, base := range scenarios {
		for _, scale := range []string{"1", "0.01", "100"} {
			s := base.Clone()
			s.Workload.RequestsPerDay = NumOf(s.Workload.RequestsPerDay.Dec().Mul(d(scale)))
			p, errs := Check(&s)
			if errs != nil {
				t.Fatal(errs)
			}
			res, err := p.evaluate()
			if err != nil {
				continue // e.g. growth past the limit
			}
			months := p.demand()
			tot := sumDemand(months)
			for i := range p.options {
				o := &p.options[i]
				if !o.kind.SelfHosted() {
					continue
				}
				cands, fe := throughputs(p.workload, p.model, o)
				if fe != nil {
					t.Fatal(fe)
				}
				var want OptionResult
				for k := range cands {
					try := OptionResult{Label: o.label, Kind: o.kind, Throughput: &cands[k]}
					p.cost(o, months, tot, &try, nil)
					if k == 0 || try.TotalCost.Cmp(want.TotalCost) < 0 ||
						try.TotalCost.Equal(want.TotalCost) && cands[k].AcceleratorsPerReplica < want.AcceleratorsPerReplica {
						want = try
					}
				}
				got := res.Options[i]
				if got.AcceleratorsPerReplica != want.AcceleratorsPerReplica || got.Layout != want.Layout || !got.TotalCost.Equal(want.TotalCost) {
					t.Errorf("%s × %s, %s: chose %d %s (%s), brute force %d %s (%s)", s.Name, scale, o.label,
						got.AcceleratorsPerReplica, got.Layout, got.TotalCost, want.AcceleratorsPerReplica, want.Layout, want.TotalCost)
				}
			}
		}
	}
}
