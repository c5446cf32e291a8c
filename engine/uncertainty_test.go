package engine

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"math/rand"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// referenceWithRanges is the reference scenario with ranges on growth,
// requests a day, the on-demand H100 rate and the API's output price; the
// self-hosted options' throughput follows their validation bands.
func referenceWithRanges(t testing.TB, samples string) *Scenario {
	s := loadReference(t)
	s.Uncertainty = &Uncertainty{Seed: N("42"), Samples: N(samples), Ranges: []Range{
		{Path: "workload.monthly_growth", Low: N("0.01"), Mode: N("0.05"), High: N("0.12")},
		{Path: "workload.requests_per_day", Low: N("1500000"), Mode: N("2000000"), High: N("3000000")},
		{Path: "options[0].hourly_rate", Low: N("2"), Mode: N("2.5"), High: N("3.5")},
		{Path: "options[3].price_output_per_m", Low: N("0.5"), Mode: N("0.8"), High: N("1")},
	}}
	return s
}

func TestSqrtDec(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2", "1.414213562373095048801689"}, // √2 = 1.41421356237309504880168872…, to 24 places
		{"0.0004", "0.02"},
		{"1e12", "1000000"},
		{"0.5", "0.707106781186547524400844"}, // √0.5 = 0.70710678118654752440084436…
	} {
		if got := sqrtDec(decimal.RequireFromString(c.in)); !got.Equal(decimal.RequireFromString(c.want)) {
			t.Errorf("√%s = %s, want %s", c.in, got, c.want)
		}
	}
	// The steps in integers give the decimal steps' digits, for
	// coefficients of 1 to 60 digits and exponents down to −110 (both
	// sides of the integers' range), perfect squares included, for v from
	// 10^−50 (a draw's v is at least 5 × 10^−52: u ≥ 5 × 10^−16 times two
	// widths of at least 10^−18; the decimal steps divide by zero below
	// about 10^−56) to 10^20.
	rng := rand.New(rand.NewSource(3))
	for n := range 3000 {
		c := new(big.Int).Rand(rng, pow10[1+rng.Intn(60)])
		c.Add(c, big.NewInt(1))
		if n%10 == 0 {
			c.Mul(c, c)
		}
		d := len(c.String())
		v := decimal.NewFromBigInt(c, int32(rng.Intn(71+d)-50-d))
		digits := len(v.Coefficient().String()) + int(v.Exponent())
		e := digits / 2
		if digits > 0 {
			e = (digits + 1) / 2
		}
		if got, want := sqrtDec(v), sqrtSteps(v, e); !got.Equal(want) {
			t.Fatalf("√%s = %s, the decimal steps give %s", v, got, want)
		}
	}
}

// The triangular inverse CDF at hand-worked points: low 1, mode 2, high 5
// (width 4; F(mode) = 1/4). At u = 1/16: 1 + √(1/16 × 4 × 1) = 1.5. At
// u = 0.25 (the mode's share): 5 − √(0.75 × 4 × 3) = 5 − 3 = 2. At
// u = 0.91: 5 − √(0.09 × 12) = 5 − √1.08 = 5 − 1.03923048454… = 3.9607695155
// (to 10 places).
func TestTriangularInverse(t *testing.T) {
	d := draw{lo: N("1").Dec(), mode: N("2").Dec(), hi: N("5").Dec()}
	for _, c := range []struct{ u, want string }{{"0.0625", "1.5"}, {"0.25", "2"}, {"0.91", "3.9607695155"}} {
		if got := d.sample(decimal.RequireFromString(c.u)); !got.Equal(decimal.RequireFromString(c.want)) {
			t.Errorf("F⁻¹(%s) = %s, want %s", c.u, got, c.want)
		}
	}
}

// SplitMix64 from seed 0 gives 0xe220a8397b1dcdaf first (the reference
// sequence of Vigna's splitmix64.c).
func TestRNG(t *testing.T) {
	r := newRNG(0)
	if got := r.next(); got != 0xe220a8397b1dcdaf {
		t.Errorf("first draw %#x, want 0xe220a8397b1dcdaf", got)
	}
}

// An API option's total cost at zero growth is linear in requests a day:
// cost = rpd × 365/12 × (1,000 × 1 + 100 × 2) / 10^6 × 12 months
// = rpd × 365 × 0.0012 = 0.438 × rpd (input $1/M, 1,000 tokens; output
// $2/M, 100 tokens; no cache; 12 months of 365/12 days). With rpd
// triangular (low 1,000, mode 2,000, high 4,000), the exact q-quantile of
// cost is 0.438 × F⁻¹(q).
//
// Sampling error: the nearest-rank q-percentile of N draws is the draw of
// rank ⌈qN⌉; the number of draws below the true quantile F⁻¹(q) is
// binomial(N, q), standard deviation √(N q (1−q)) = √(1000 × 0.09) ≈ 9.5
// draws for P10 and P90, 15.8 for P50. So the estimate lies between the
// exact quantiles at q ± 4 × √(q(1−q)/N) (q ± 0.038 for P10/P90, ± 0.064 for
// P50) except with probability below 10^-4; the test checks that band.
func TestSimulateLinearInUniformInput(t *testing.T) {
	s := &Scenario{Version: 2, Workload: Workload{RequestsPerDay: N("2000"), InputTokens: N("1000"), OutputTokens: N("100"),
		CachedInputShare: N("0"), MonthlyGrowth: N("0"), HorizonMonths: N("12")},
		Model:   Model{Preset: "llama-3.1-8b"},
		Options: []Option{{Label: "API", Kind: API, PriceInputPerM: N("1"), PriceOutputPerM: N("2")}},
		Uncertainty: &Uncertainty{Seed: N("7"), Samples: N("1000"), Ranges: []Range{
			{Path: "workload.requests_per_day", Low: N("1000"), Mode: N("2000"), High: N("4000")}}},
	}
	sim, err := Simulate(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	// F⁻¹(q) = 1000 + √(q × 3000 × 1000) for q < 1/3, else 4000 − √((1−q) × 3000 × 2000).
	inv := func(q float64) float64 {
		if q < 1.0/3 {
			return 1000 + math.Sqrt(q*3e6)
		}
		return 4000 - math.Sqrt((1-q)*6e6)
	}
	got := sim.Options[0].TotalCost
	for _, c := range []struct {
		q   float64
		est decimal.Decimal
	}{{0.1, got.P10}, {0.5, got.P50}, {0.9, got.P90}} {
		band := 4 * math.Sqrt(c.q*(1-c.q)/1000)
		lo, hi := 0.438*inv(c.q-band), 0.438*inv(c.q+band)
		v := c.est.InexactFloat64()
		if v < lo || v > hi {
			t.Errorf("P%.0f = %s, exact %.2f, want within [%.2f, %.2f]", c.q*100, c.est, 0.438*inv(c.q), lo, hi)
		}
	}
	if !sim.Options[0].WinShare.Equal(one) || sim.Options[0].Wins != 1000 {
		t.Errorf("the only option wins %d draws (share %s), want 1000 (1)", sim.Options[0].Wins, sim.Options[0].WinShare)
	}
	if !sim.Options[0].Regret.P90.IsZero() {
		t.Errorf("regret of the only option %s, want 0", sim.Options[0].Regret.P90)
	}
}

func TestWinSharesSumToOne(t *testing.T) {
	for _, c := range []struct {
		wins  []int
		total int
		want  []string
	}{
		{[]int{1, 1, 1}, 3, []string{"0.333334", "0.333333", "0.333333"}},
		{[]int{2, 0, 5}, 7, []string{"0.285714", "0", "0.714286"}}, // 0.2857142…, 0.7142857…
		{[]int{10}, 10, []string{"1"}},
	} {
		got := winShares(c.wins, c.total)
		sum := zero
		for i, g := range got {
			sum = sum.Add(g)
			if !g.Equal(decimal.RequireFromString(c.want[i])) {
				t.Errorf("%v/%d: share %d = %s, want %s", c.wins, c.total, i, g, c.want[i])
			}
		}
		if !sum.Equal(one) {
			t.Errorf("%v/%d: shares sum to %s", c.wins, c.total, sum)
		}
	}
}

// simulationGolden pins the seed-42, 200-draw simulation of the reference
// scenario with ranges: the same figures must come out natively and in
// wasm (the Makefile's wasmtest runs this test under node).
func TestSimulateGolden(t *testing.T) {
	s := referenceWithRanges(t, "200")
	sim, err := Simulate(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	sum := zero
	wins := 0
	for _, o := range sim.Options {
		sum = sum.Add(o.WinShare)
		wins += o.Wins
		if o.Regret.P10.Sign() < 0 {
			t.Errorf("%s: negative regret", o.Label)
		}
		if len(o.Monthly) != 60 {
			t.Errorf("%s: %d months in the fan", o.Label, len(o.Monthly))
		}
	}
	if !sum.Equal(one) || wins != 200 {
		t.Errorf("win shares sum to %s over %d wins", sum, wins)
	}
	var b strings.Builder
	for _, o := range sim.Options {
		b.WriteString(o.Label + " " + o.TotalCost.P10.StringFixed(2) + " " + o.TotalCost.P50.StringFixed(2) + " " + o.TotalCost.P90.StringFixed(2) +
			" wins " + o.WinShare.String() + " regret " + o.Regret.P50.StringFixed(2) + " " + o.Regret.P90.StringFixed(2) +
			" month 60 " + o.Monthly[59].P10.String() + " " + o.Monthly[59].P50.String() + " " + o.Monthly[59].P90.String() + "\n")
	}
	const want = `H100 on demand 5022860.87 11636711.07 48918769.24 wins 0.02 regret 5274455.61 28006858.95 month 60 183947.12 608219.66 4064803.34
H200 committed 7283560.40 12260853.70 46839070.30 wins 0 regret 6039761.90 25927160.01 month 60 168768.7 542273.2 3795912.4
MI300X owned 3618309.52 6170070.67 22092638.90 wins 0.98 regret 0.00 0.00 month 60 92080.19 248474.04 1624189.18
Token API 9789623.35 22306684.63 97129785.94 wins 0 regret 15814143.23 72974368.94 month 60 338216.5 1126055.59 7451852.99
`
	if b.String() != want {
		t.Errorf("golden:\n%s\nwant:\n%s", b.String(), want)
	}
	if len(sim.Ranges) != 7 || !sim.Ranges[1].Default || sim.Ranges[1].Path != "options[0].throughput" {
		j, _ := json.Marshal(sim.Ranges)
		t.Errorf("ranges: %s", j)
	}
}

func TestSimulateHostile(t *testing.T) {
	for _, c := range []struct {
		u    Uncertainty
		path string
	}{
		{Uncertainty{Samples: N("100001")}, "uncertainty.samples"},
		{Uncertainty{Samples: N("0")}, "uncertainty.samples"},
		{Uncertainty{Seed: N("-1")}, "uncertainty.seed"},
		{Uncertainty{Seed: N("1.5")}, "uncertainty.seed"},
		{Uncertainty{Ranges: []Range{{Path: "workload.monthly_growth", Low: N("0.1"), Mode: N("0.1"), High: N("0.05")}}}, "uncertainty.ranges[0].low"},
		{Uncertainty{Ranges: []Range{{Path: "workload.monthly_growth", Low: N("0"), Mode: N("0.2"), High: N("0.1")}}}, "uncertainty.ranges[0].mode"},
		{Uncertainty{Ranges: []Range{{Path: "workload.monthly_growth", Low: N("0"), Mode: N("0.2"), High: N("5")}}}, "uncertainty.ranges[0].high"},
		{Uncertainty{Ranges: []Range{{Path: "workload.monthly_growth", Low: N("0"), High: N("0.1")}}}, "uncertainty.ranges[0].mode"},
		{Uncertainty{Ranges: []Range{{Path: "workload.nothing", Low: N("0"), Mode: N("0"), High: N("0")}}}, "uncertainty.ranges[0].path"},
		{Uncertainty{Ranges: []Range{{Path: "options[9].hourly_rate", Low: N("1"), Mode: N("1"), High: N("1")}}}, "uncertainty.ranges[0].path"},
		{Uncertainty{Ranges: []Range{{Path: "options[3].hourly_rate", Low: N("1"), Mode: N("1"), High: N("1")}}}, "uncertainty.ranges[0].path"},
		{Uncertainty{Ranges: []Range{{Path: "options[3].throughput", Low: N("1"), Mode: N("1"), High: N("1")}}}, "uncertainty.ranges[0].path"},
		{Uncertainty{Ranges: []Range{{Path: "options[0].throughput", Low: N("0"), Mode: N("1"), High: N("1")}}}, "uncertainty.ranges[0].low"},
		{Uncertainty{Ranges: []Range{{Path: "options[0].hourly_rate", Shape: "normal", Low: N("1"), Mode: N("1"), High: N("1")}}}, "uncertainty.ranges[0].shape"},
		{Uncertainty{Ranges: []Range{{Path: "workload.monthly_growth", Shape: Lognormal, Low: N("0"), Mode: N("0.05"), High: N("0.1")}}}, "uncertainty.ranges[0].low"},
		{Uncertainty{Ranges: []Range{{Path: "workload.monthly_growth", Shape: Lognormal, Low: N("0.01"), Mode: N("0.1"), High: N("0.1")}}}, "uncertainty.ranges[0].mode"},
		{Uncertainty{Ranges: []Range{{Path: "options[-1].hourly_rate"}}}, "uncertainty.ranges[0].path"},
		{Uncertainty{Ranges: make([]Range, MaxRanges+1)}, "uncertainty.ranges"},
	} {
		s := loadReference(t)
		s.Uncertainty = &c.u
		start := time.Now()
		_, err := Simulate(s, nil)
		errs, ok := err.(Errors)
		if !ok || len(errs) == 0 || errs[0].Path != c.path {
			t.Errorf("%+v: got %v, want an error at %s", c.u, err, c.path)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("%+v: refused in %v", c.u, d)
		}
	}
}

// Stopping: a pace that says stop ends the simulation with ErrStopped.
func TestSimulateStops(t *testing.T) {
	s := referenceWithRanges(t, "1000")
	calls := 0
	_, err := Simulate(s, func() bool { calls++; return calls < 3 })
	if err != ErrStopped || calls != 3 {
		t.Errorf("got %v after %d paces", err, calls)
	}
}

// BenchmarkSimulate is 1,000 draws of the reference scenario with ranges.
// Target under wasm: 3 s.
func BenchmarkSimulate(b *testing.B) {
	s := referenceWithRanges(b, "1000")
	for b.Loop() {
		if _, err := Simulate(s, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSimulateLognormal is BenchmarkSimulate with three of its four
// ranges log-normal (Φ⁻¹ and e^x in decimal for each in every draw). Growth
// stays triangular: a log-normal 1–12 % a month draws 41 % once in 1,000,
// which grows demand past the engine's limit within 60 months.
func BenchmarkSimulateLognormal(b *testing.B) {
	s := referenceWithRanges(b, "1000")
	for k := range s.Uncertainty.Ranges {
		if s.Uncertainty.Ranges[k].Path != "workload.monthly_growth" {
			s.Uncertainty.Ranges[k].Shape = Lognormal
		}
	}
	for b.Loop() {
		if _, err := Simulate(s, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// A link carries the seed, the sample count and every range: decoding it
// gives the same inputs and the same simulation. The ranges' tokens are
// compact: u=g,0.01,0.05,0.12 and u=0.hr,2,2.5,3.5.
func TestUncertaintyLinkRoundTrip(t *testing.T) {
	s := referenceWithRanges(t, "50")
	s.Uncertainty.Ranges = append(s.Uncertainty.Ranges,
		Range{Path: "options[2].throughput", Low: N("0.5"), Mode: N("0.9"), High: N("1.1")},
		Range{Path: "options[1].accelerator.bandwidth_tbps", Low: N("4"), Mode: N("4.8"), High: N("4.8")},
		Range{Path: "revenue.price_output_per_m", Low: N("2"), Mode: N("3"), High: N("3")})
	link := EncodeLink(s)
	n := Normalize(s)
	tokens := strings.Join(linkTokens(&n), "~")
	for _, want := range []string{"sd=42", "ns=50", "u=g,0.01,0.05,0.12", "u=rpd,1500000,2000000,3000000", "u=0.hr,2,2.5,3.5", "u=3.po,0.5,0.8,1", "u=2.thr,0.5,0.9,1.1", "u=1.bw,4,4.8,4.8", "u=ro,2,3,3"} {
		if !strings.Contains(tokens, want+"~") {
			t.Errorf("link tokens %s lack %s", tokens, want)
		}
	}
	d, err := DecodeLink(link)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(n.Uncertainty)
	b, _ := json.Marshal(d.Uncertainty)
	if string(a) != string(b) {
		t.Errorf("decoded uncertainty %s, want %s", b, a)
	}
	s1, err := Simulate(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	s2, err := Simulate(&d, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, _ = json.Marshal(s1)
	b, _ = json.Marshal(s2)
	if string(a) != string(b) {
		t.Error("the link's simulation differs from the scenario's")
	}
	// The order ranges are listed in does not change the draws.
	r := s.Clone()
	slices.Reverse(r.Uncertainty.Ranges)
	s3, err := Simulate(&r, nil)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ = json.Marshal(s3); string(a) != string(b) {
		t.Error("listing the ranges in another order changed the simulation")
	}
	// The file format carries it too.
	f, _ := json.Marshal(s)
	fs, err := DecodeScenario(strings.NewReader(string(f)))
	if err != nil {
		t.Fatal(err)
	}
	b, _ = json.Marshal(fs.Uncertainty)
	if a, _ := json.Marshal(s.Uncertainty); string(a) != string(b) {
		t.Errorf("file round trip: %s, want %s", b, a)
	}
}

func TestUncertaintyLinkRefused(t *testing.T) {
	for _, c := range []struct{ link, want string }{
		{"#3r.u=g,0,0,0", `unknown part "u"`},
		{"#3r.sd=4", `unknown part "sd"`},
		{"#4r.u=zz,1,2,3", "unknown input"},
		{"#4r.u=9.hr,1,2,3", "unknown input"},
		{"#4r.u=01.hr,1,2,3", "unknown input"},
		{"#4r.u=g,1,2", "3 values"},
		{"#4r.u=g,1,2,3,4,5", "6 values"},
		{"#4r.u=g,1,2,1e99", "range's value"},
		{"#4r.u", "1 values"},
		{"#4r.sd=1~sd=2", "appears twice"},
		{"#4r." + strings.Repeat("u=g,0,0,0~", MaxRanges) + "u=g,0,0,0", "more than 32 ranges"},
		{"#4r.o=api~u=g,0,0,0", `unknown part "u"`},
	} {
		_, err := DecodeLink(c.link)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.link, err, c.want)
		}
	}
	// An unset value and an unknown shape pass the link and are refused by
	// validation, naming the range.
	s, err := DecodeLink("#4r.rpd=1000~in=10~out=10~m=llama-3.1-8b~u=g,,0,0.1~o=api~pi=1~po=1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Simulate(&s, nil); err == nil || !strings.Contains(err.Error(), "uncertainty.ranges[0].low: is empty") {
		t.Errorf("got %v", err)
	}
}

// uncertaintyEqual compares two scenarios' uncertainty value by value.
func uncertaintyEqual(a, b *Uncertainty) bool {
	if a == nil || b == nil {
		return a == b
	}
	if !a.Seed.Equal(b.Seed) || !a.Samples.Equal(b.Samples) || len(a.Ranges) != len(b.Ranges) {
		return false
	}
	for i, r := range a.Ranges {
		q := b.Ranges[i]
		if r.Path != q.Path || r.Shape != q.Shape || !r.Low.Equal(q.Low) || !r.Mode.Equal(q.Mode) || !r.High.Equal(q.High) {
			return false
		}
	}
	return true
}

// BenchmarkSimulateBands is 1,000 draws of the reference scenario as it
// is: only the default throughput bands move, so demand is shared.
func BenchmarkSimulateBands(b *testing.B) {
	s := loadReference(b)
	s.Uncertainty = &Uncertainty{Samples: N("1000")}
	for b.Loop() {
		if _, err := Simulate(s, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// A range of one value takes no draw and changes nothing: the bands-only
// simulation (which reuses the checked plan) equals the same with a fixed
// range on growth at its value (which checks each draw's scenario).
func TestSimulateFixedRangeChangesNothing(t *testing.T) {
	s := loadReference(t)
	s.Uncertainty = &Uncertainty{Seed: N("5"), Samples: N("40")}
	a, err := Simulate(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	s.Uncertainty.Ranges = []Range{{Path: "workload.monthly_growth", Low: N("0.05"), Mode: N("0.05"), High: N("0.05")}}
	b, err := Simulate(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	b.Ranges = a.Ranges
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		t.Error("a fixed range changed the simulation")
	}
	if a.Options[2].TotalCost.P10.Equal(a.Options[2].TotalCost.P90) {
		t.Error("the throughput band did not move the owned option's cost")
	}
}

func TestCents(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
	}{{"12.345", 1235}, {"-12.345", -1235}, {"0.004", 0}, {"1e3", 100000}, {"7", 700}, {"1e30", math.MaxInt64}, {"-1e30", math.MinInt64}} {
		if got := cents(decimal.RequireFromString(c.in)); got != c.want {
			t.Errorf("cents(%s) = %d, want %d", c.in, got, c.want)
		}
	}
}

// A draw is evaluated leanly (demand and throughput shared where they do
// not move, no payback, IRR, power or break-even): every figure Simulate
// reads must equal a full evaluation of the same drawn plan, whose
// candidate replicas are computed afresh and scaled by the drawn
// throughput multipliers. Checked on the reference scenario with ranges
// (fields and throughput move), with its bands alone (only throughput
// moves: the plan is shared), and with a range on the discount rate.
func TestSimulateDrawEqualsFullEvaluation(t *testing.T) {
	ranges := referenceWithRanges(t, "12")
	bands := loadReference(t)
	bands.Uncertainty = &Uncertainty{Seed: N("3"), Samples: N("12")}
	disc := loadReference(t)
	disc.Revenue = nil
	disc.Uncertainty = &Uncertainty{Seed: N("9"), Samples: N("12"), Ranges: []Range{
		{Path: "workload.discount_rate", Low: N("0.02"), Mode: N("0.08"), High: N("0.2")}}}
	for name, s := range map[string]*Scenario{"ranges": ranges, "bands": bands, "discount rate": disc} {
		sm, err := newSimulator(s, nil)
		if err != nil {
			t.Fatal(err)
		}
		for k := range 12 {
			p, mult, got, err := sm.next(k)
			if err != nil {
				t.Fatal(err)
			}
			q := *p
			full := &reuse{byOption: make([][]Throughput, len(q.options)), discount: discountFactors(q.workload.discountRate, q.workload.horizon)}
			for i := range q.options {
				if q.options[i].kind.SelfHosted() {
					cands, fe := throughputs(q.workload, q.model, &q.options[i])
					if fe != nil {
						t.Fatal(fe)
					}
					full.byOption[i] = scaleThroughputs(nil, cands, mult[i])
				}
			}
			q.reuse = full
			want, err := q.evaluate()
			if err != nil {
				t.Fatal(err)
			}
			for i := range want.Options {
				g, w := &got.Options[i], &want.Options[i]
				eq := func(what string, a, b decimal.Decimal) {
					if !a.Equal(b) {
						t.Errorf("%s, draw %d, %s: %s %s, full evaluation %s", name, k, w.Label, what, a, b)
					}
				}
				eq("total cost", g.TotalCost, w.TotalCost)
				eq("cost per M tokens", g.CostPerMTokens, w.CostPerMTokens)
				eq("stranded", g.StrandedTotal, w.StrandedTotal)
				if (g.TotalMargin == nil) != (w.TotalMargin == nil) || (g.NPV == nil) != (w.NPV == nil) {
					t.Fatalf("%s, draw %d, %s: margin or NPV present in one evaluation only", name, k, w.Label)
				}
				if w.TotalMargin != nil {
					eq("margin", *g.TotalMargin, *w.TotalMargin)
				}
				if w.NPV != nil {
					eq("NPV", *g.NPV, *w.NPV)
				} else {
					eq("net present cost", g.NetPresentCost, w.NetPresentCost)
				}
				for m := range w.Months {
					eq("month "+strconv.Itoa(m+1)+" cost", g.Months[m].Cost, w.Months[m].Cost)
				}
			}
		}
	}
}

// The NPV spread, worked by hand. An API at $1/M input and $2/M output
// tokens (1,000 in, 100 out, none cached) costs 0.0012 a request; revenue
// at $2/M and $4/M brings 0.0024. At zero growth over 12 months of
// rpd × 365/12 requests, the margin is rpd × 365 × 0.0012 = 0.438 × rpd,
// and the NPV at 8 % a year (cash at each month's end) is the monthly
// margin 0.0365 × rpd times the annuity factor A = (1 − 1/1.08) / j, with
// j = 1.08^(1/12) − 1 = 0.00643403011…: A = 11.512858…, so NPV =
// 0.438 × rpd × A/12 = 0.420219… × rpd. Both grow with rpd, so each
// percentile of the NPV is the NPV of the draw at that percentile of the
// margin: NPV_Pq = margin_Pq × A/12 (to 10^−9; each month's present value
// is rounded to 24 places). Without revenue prices, the net present cost
// is likewise the total cost's percentile × A/12 (cost = 0.438 × rpd too)
// and the NPV is nil. With rpd triangular (1,000, 2,000, 4,000), the
// median NPV also lies within the sampling band of the exact median,
// 0.420219 × (4000 − √(0.5 × 6×10^6)) = 0.420219 × 2267.949… = 953.04.
func TestSimulateNPVHandWorked(t *testing.T) {
	a := (1 - 1/1.08) / (math.Pow(1.08, 1.0/12) - 1)
	if math.Abs(a-11.512858) > 1e-6 {
		t.Fatalf("annuity factor %v", a)
	}
	s := &Scenario{Version: 2, Workload: Workload{RequestsPerDay: N("2000"), InputTokens: N("1000"), OutputTokens: N("100"),
		CachedInputShare: N("0"), MonthlyGrowth: N("0"), HorizonMonths: N("12"), DiscountRate: N("0.08")},
		Model:   Model{Preset: "llama-3.1-8b"},
		Revenue: &Revenue{PriceInputPerM: N("2"), PriceOutputPerM: N("4")},
		Options: []Option{{Label: "API", Kind: API, PriceInputPerM: N("1"), PriceOutputPerM: N("2")}},
		Uncertainty: &Uncertainty{Seed: N("7"), Samples: N("1000"), Ranges: []Range{
			{Path: "workload.requests_per_day", Low: N("1000"), Mode: N("2000"), High: N("4000")}}},
	}
	sim, err := Simulate(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	o := sim.Options[0]
	if o.NPV == nil || o.Margin == nil || o.NetPresentCost != nil {
		t.Fatalf("with revenue: NPV %v, margin %v, net present cost %v", o.NPV, o.Margin, o.NetPresentCost)
	}
	for _, c := range []struct {
		name     string
		npv, mar decimal.Decimal
	}{{"P10", o.NPV.P10, o.Margin.P10}, {"P50", o.NPV.P50, o.Margin.P50}, {"P90", o.NPV.P90, o.Margin.P90}} {
		closeTo(t, "NPV "+c.name, c.npv, c.mar.InexactFloat64()*a/12)
	}
	band := 4 * math.Sqrt(0.25/1000)
	lo, hi := 0.438*a/12*(4000-math.Sqrt((0.5+band)*6e6)), 0.438*a/12*(4000-math.Sqrt((0.5-band)*6e6))
	if v := o.NPV.P50.InexactFloat64(); v < lo || v > hi || math.Abs(0.438*a/12*2267.949-953.04) > 0.01 {
		t.Errorf("NPV P50 = %s, want within [%.2f, %.2f]", o.NPV.P50, lo, hi)
	}
	s.Revenue = nil
	if sim, err = Simulate(s, nil); err != nil {
		t.Fatal(err)
	}
	o = sim.Options[0]
	if o.NPV != nil || o.NetPresentCost == nil {
		t.Fatalf("without revenue: NPV %v, net present cost %v", o.NPV, o.NetPresentCost)
	}
	closeTo(t, "net present cost P90", o.NetPresentCost.P90, o.TotalCost.P90.InexactFloat64()*a/12)
	closeTo(t, "net present cost P10", o.NetPresentCost.P10, o.TotalCost.P10.InexactFloat64()*a/12)
}

// Φ⁻¹ by AS 241 in decimal, against references computed with mpmath at 40
// digits (√2 erfinv(2u − 1)), rounded to 25 significant digits: within
// 10^−15 (AS 241 is accurate to about 1 part in 10^16) in the centre and
// in both tail branches (u = 10^−10: r = √(−ln u) = 4.80 ≤ 5; u = 5 ×
// 10^−16, the smallest u drawn: r = 5.94 > 5).
func TestInvNormal(t *testing.T) {
	for _, c := range []struct{ u, want string }{
		{"0.5", "0"},
		{"0.9", "1.281551565544600466965103"},
		{"0.1", "-1.281551565544600466965103"},
		{"0.975", "1.959963984540054235524594"},
		{"0.3", "-0.5244005127080407840382893"},
		{"0.0000000001", "-6.361340902404056204695376"},
		{"0.0000000000000005", "-8.026858882534540892421769"},
		{"0.9999999999999995", "8.026858882534540892421769"},
	} {
		got := invNormal(decimal.RequireFromString(c.u))
		if d := got.Sub(decimal.RequireFromString(c.want)).Abs(); d.Cmp(decimal.New(1, -15)) > 0 {
			t.Errorf("Φ⁻¹(%s) = %s, want %s (off by %s)", c.u, got, c.want, d)
		}
	}
}

// The coefficients as transcribed sum, mantissa by mantissa, to AS 241's
// published hash sums: 55.8831928806149014439 (A and B),
// 49.33206503301610289036 (C and D), 47.52583317549289671629 (E and F).
func TestAS241Transcription(t *testing.T) {
	mantissa := func(d decimal.Decimal) decimal.Decimal {
		for d.Cmp(decimal.NewFromInt(10)) >= 0 {
			d = d.Shift(-1)
		}
		for d.Sign() > 0 && d.Cmp(one) < 0 {
			d = d.Shift(1)
		}
		return d
	}
	for _, c := range []struct {
		name string
		a, b []decimal.Decimal
		want string
	}{{"A, B", as241A, as241B[:7], "55.8831928806149014439"}, {"C, D", as241C, as241D[:7], "49.33206503301610289036"}, {"E, F", as241E, as241F[:7], "47.52583317549289671629"}} {
		sum := zero
		for _, v := range append(slices.Clone(c.a), c.b...) {
			sum = sum.Add(mantissa(v))
		}
		if !sum.Equal(decimal.RequireFromString(c.want)) {
			t.Errorf("%s: hash sum %s, want %s", c.name, sum, c.want)
		}
	}
}

// e^x against mpmath (40 digits): e^2.5 = 12.18249396070347343807017595…,
// e^−7.25 = 0.000710174388842549063584600…; to logPlaces places.
func TestExpLn(t *testing.T) {
	for _, c := range []struct{ x, want string }{{"2.5", "12.182493960703473438070175951168"}, {"-7.25", "0.000710174388842549063584600371"}, {"0", "1"}} {
		got := expDec(decimal.RequireFromString(c.x))
		if d := got.Sub(decimal.RequireFromString(c.want)).Abs(); d.Cmp(decimal.New(1, -logPlaces)) > 0 {
			t.Errorf("e^%s = %s, want %s", c.x, got, c.want)
		}
	}
	// ln 2 = 0.693147180559945309417232121458176568…
	if got := lnDec(two); !got.Equal(decimal.RequireFromString("0.693147180559945309417232121458")) {
		t.Errorf("ln 2 = %s", got)
	}
}

// A log-normal range's inverse CDF, worked by hand: low 1,000 (P10),
// median 2,000, high 4,000 (P90) is exactly log-normal (2,000 = √(1,000 ×
// 4,000)), σ = ln 2 / z₉₀ = 0.693147 / 1.281552 = 0.540866 on both sides.
// At u = 0.9 the draw is 2,000 × e^(σ z₉₀) = 2,000 × 2 = 4,000; at u = 0.1,
// 1,000; at u = ½, the median; at u = 0.975, 2,000 × e^(0.540866 ×
// 1.959964) = 2,000 × e^1.060078 = 2,000 × 2.886594 = 5,773.19 (mpmath:
// 5773.18726681778…). Split: low 1,000, median 1,500, high 4,000 keeps the
// three points (u = 0.1 → 1,000, u = 0.9 → 4,000).
func TestLognormalInverse(t *testing.T) {
	mk := func(lo, mode, hi string) draw {
		d := draw{target: target{field: WorkloadFields[0].Field}, lo: N(lo).Dec(), mode: N(mode).Dec(), hi: N(hi).Dec(), shape: Lognormal}
		_, d.sigBelow, d.sigAbove = lognormalSigmas(d.lo, d.mode, d.hi)
		return d
	}
	d := mk("1000", "2000", "4000")
	if !d.sigBelow.Equal(d.sigAbove) || d.sigBelow.Sub(decimal.RequireFromString("0.540865618829305")).Abs().Cmp(decimal.New(1, -14)) > 0 {
		t.Errorf("σ %s and %s, want 0.540865618829305…", d.sigBelow, d.sigAbove)
	}
	for _, c := range []struct{ u, want string }{{"0.9", "4000"}, {"0.1", "1000"}, {"0.5", "2000"}, {"0.975", "5773.1872668178"}} {
		got := d.sample(decimal.RequireFromString(c.u))
		if diff := got.Sub(decimal.RequireFromString(c.want)).Abs(); diff.Cmp(decimal.RequireFromString("0.0001")) > 0 {
			t.Errorf("F⁻¹(%s) = %s, want %s", c.u, got, c.want)
		}
	}
	s := mk("1000", "1500", "4000")
	for _, c := range []struct{ u, want string }{{"0.9", "4000"}, {"0.1", "1000"}, {"0.5", "1500"}} {
		if got := s.sample(decimal.RequireFromString(c.u)); got.Sub(decimal.RequireFromString(c.want)).Abs().Cmp(decimal.RequireFromString("0.000001")) > 0 {
			t.Errorf("split: F⁻¹(%s) = %s, want %s", c.u, got, c.want)
		}
	}
}

// The closed-form case with a log-normal input: the API's cost is 0.438 ×
// rpd (TestSimulateLinearInUniformInput), rpd log-normal with P10 1,000,
// median 2,000 and P90 4,000 (exactly log-normal: σ = ln 2 / z₉₀), so the
// exact q-quantile of cost is 0.438 × 2,000 × e^(σ Φ⁻¹(q)): $438, $876 and
// $1,752 at q = 0.1, 0.5 and 0.9. The estimate must lie between the exact
// quantiles at q ± 4 √(q(1−q)/N) (the same binomial bound). A split range
// (median 1,500) keeps its three points as P10, P50 and P90 likewise.
func TestSimulateLognormalClosedForm(t *testing.T) {
	sigma := math.Ln2 / 1.2815515655446004
	phiInv := func(q float64) float64 { return math.Sqrt2 * math.Erfinv(2*q-1) }
	for _, c := range []struct {
		median float64
		mode   string
	}{{2000, "2000"}, {1500, "1500"}} {
		s := &Scenario{Version: 2, Workload: Workload{RequestsPerDay: N("2000"), InputTokens: N("1000"), OutputTokens: N("100"),
			CachedInputShare: N("0"), MonthlyGrowth: N("0"), HorizonMonths: N("12")},
			Model:   Model{Preset: "llama-3.1-8b"},
			Options: []Option{{Label: "API", Kind: API, PriceInputPerM: N("1"), PriceOutputPerM: N("2")}},
			Uncertainty: &Uncertainty{Seed: N("7"), Samples: N("1000"), Ranges: []Range{
				{Path: "workload.requests_per_day", Shape: Lognormal, Low: N("1000"), Mode: N(c.mode), High: N("4000")}}},
		}
		sim, err := Simulate(s, nil)
		if err != nil {
			t.Fatal(err)
		}
		if sim.Ranges[0].Shape != Lognormal {
			t.Errorf("range shape %q", sim.Ranges[0].Shape)
		}
		below, above := math.Log(c.median/1000)/1.2815515655446004, math.Log(4000/c.median)/1.2815515655446004
		if c.median == 2000 && (math.Abs(below-sigma) > 1e-12 || math.Abs(above-sigma) > 1e-12) {
			t.Fatalf("σ %v %v, want %v", below, above, sigma)
		}
		inv := func(q float64) float64 {
			z := phiInv(q)
			if z < 0 {
				return c.median * math.Exp(below*z)
			}
			return c.median * math.Exp(above*z)
		}
		got := sim.Options[0].TotalCost
		for _, p := range []struct {
			q   float64
			est decimal.Decimal
		}{{0.1, got.P10}, {0.5, got.P50}, {0.9, got.P90}} {
			band := 4 * math.Sqrt(p.q*(1-p.q)/1000)
			lo, hi := 0.438*inv(p.q-band), 0.438*inv(p.q+band)
			if v := p.est.InexactFloat64(); v < lo || v > hi {
				t.Errorf("median %v: P%.0f = %s, exact %.2f, want within [%.2f, %.2f]", c.median, p.q*100, p.est, 0.438*inv(p.q), lo, hi)
			}
		}
	}
}

// A log-normal simulation pinned digit for digit: the same figures must
// come out natively and in wasm (ln, e^x and Φ⁻¹ are decimal arithmetic).
func TestSimulateLognormalGolden(t *testing.T) {
	s := referenceWithRanges(t, "60")
	s.Uncertainty.Ranges[0].Shape = Lognormal // growth 0.01, 0.05, 0.12
	s.Uncertainty.Ranges[2].Shape = Lognormal // H100 rate 2, 2.5, 3.5
	sim, err := Simulate(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, o := range sim.Options {
		b.WriteString(o.Label + " " + o.TotalCost.P10.StringFixed(2) + " " + o.TotalCost.P50.StringFixed(2) + " " + o.TotalCost.P90.StringFixed(2) + " " + o.WinShare.String() + "\n")
	}
	const want = `H100 on demand 2142065.33 5664646.10 87445999.88 0.166667
H200 committed 5601406.80 7579597.30 97909585.60 0
MI300X owned 2677486.60 3845446.38 39655855.77 0.833333
Token API 4965080.18 10385601.91 186031593.51 0
`
	if b.String() != want {
		t.Errorf("golden:\n%s\nwant:\n%s", b.String(), want)
	}
}

// A log-normal range travels in links as a fifth value "ln" (since format
// 5) and in files as "shape": "lognormal"; the same simulation comes back.
// A version-4 link's fifth value other than "triangular" is refused, so a
// version-4 range keeps its meaning (triangular).
func TestLognormalLink(t *testing.T) {
	s := referenceWithRanges(t, "30")
	s.Uncertainty.Ranges[0].Shape = Lognormal
	s.Uncertainty.Ranges[1].Shape = Triangular
	n := Normalize(s)
	tokens := strings.Join(linkTokens(&n), "~") + "~"
	for _, want := range []string{"u=g,0.01,0.05,0.12,ln~", "u=rpd,1500000,2000000,3000000~"} {
		if !strings.Contains(tokens, want) {
			t.Errorf("link tokens %s lack %s", tokens, want)
		}
	}
	d, err := DecodeLink(EncodeLink(s))
	if err != nil {
		t.Fatal(err)
	}
	if d.Uncertainty.Ranges[0].Shape != Lognormal && d.Uncertainty.Ranges[1].Shape != Lognormal {
		t.Errorf("decoded shapes %q, %q", d.Uncertainty.Ranges[0].Shape, d.Uncertainty.Ranges[1].Shape)
	}
	a, err := Simulate(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Simulate(&d, nil)
	if err != nil {
		t.Fatal(err)
	}
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		t.Error("the link's simulation differs from the scenario's")
	}
	f, _ := json.Marshal(s)
	if !strings.Contains(string(f), `"shape":"lognormal"`) {
		t.Errorf("file lacks the shape: %s", f)
	}
	fs, err := DecodeScenario(strings.NewReader(string(f)))
	if err != nil || fs.Uncertainty.Ranges[0].Shape != Lognormal {
		t.Errorf("file round trip: %v %+v", err, fs.Uncertainty)
	}
	for _, c := range []struct{ link, want string }{
		{"#4r.u=g,0.01,0.04,0.12,ln", `shape "ln" needs link format 5`},
		{"#4r.u=g,0.01,0.04,0.12,lognormal", "needs link format 5"},
	} {
		if _, err := DecodeLink(c.link); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.link, err, c.want)
		}
	}
	if v4, err := DecodeLink("#4r.u=g,0.01,0.04,0.12,triangular"); err != nil || v4.Uncertainty.Ranges[0].Shape != "" {
		t.Errorf("a version-4 triangular range: %v", err)
	}
}

// A hostile log-normal range (low 10^−18, median 1, high 10^12 on requests
// a day: σ ≈ 32 below and 22 above, so σz reaches ±270) is drawn in
// bounded time: the steps beyond ±200 are held at the field's bounds.
func TestLognormalHostileBounded(t *testing.T) {
	s := &Scenario{Version: 2, Workload: Workload{RequestsPerDay: N("1000"), InputTokens: N("10"), OutputTokens: N("10")},
		Model:   Model{Preset: "llama-3.1-8b"},
		Options: []Option{{Label: "API", Kind: API, PriceInputPerM: N("1"), PriceOutputPerM: N("1")}},
		Uncertainty: &Uncertainty{Samples: N("300"), Ranges: []Range{
			{Path: "workload.requests_per_day", Shape: Lognormal, Low: N("0.000000000000000001"), Mode: N("1"), High: N("1e12")}}},
	}
	start := time.Now()
	if _, err := Simulate(s, nil); err != nil && !strings.Contains(err.Error(), "draw ") {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
	for _, u := range []string{"0.0000000000000005", "0.9999999999999995"} {
		d := draw{target: target{field: WorkloadFields[0].Field}, lo: N("0.000000000000000001").Dec(), mode: one, hi: N("1e12").Dec(), shape: Lognormal}
		_, d.sigBelow, d.sigAbove = lognormalSigmas(d.lo, d.mode, d.hi)
		x := d.sample(decimal.RequireFromString(u))
		if x.Cmp(d.field.Min) < 0 || x.Cmp(d.field.Max) > 0 {
			t.Errorf("u = %s: %s outside the field's range", u, x)
		}
	}
}

// BenchmarkLognormalSample is one log-normal draw's inverse CDF (Φ⁻¹ by
// AS 241 and e^x, both in decimal), at a tail u.
func BenchmarkLognormalSample(b *testing.B) {
	d := draw{target: target{field: WorkloadFields[0].Field}, lo: N("1000").Dec(), mode: N("1500").Dec(), hi: N("4000").Dec(), shape: Lognormal}
	_, d.sigBelow, d.sigAbove = lognormalSigmas(d.lo, d.mode, d.hi)
	u := decimal.RequireFromString("0.97")
	for b.Loop() {
		d.sample(u)
	}
}

// roundTo is decimal's Round, digit for digit and exponent for exponent,
// on 20,000 random coefficients of up to 100 digits at up to 90 places,
// rounded to 0–29 places (both signs, ties included by chance and by the
// cases listed), and divPow10 is one division.
func TestRoundTo(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	cases := []decimal.Decimal{decimal.RequireFromString("2.5"), decimal.RequireFromString("-2.5"), decimal.RequireFromString("0.125"),
		decimal.RequireFromString("-0.125"), decimal.RequireFromString("0.0049999"), decimal.RequireFromString("99999.9999999999999999999995")}
	for range 20000 {
		n := new(big.Int).Rand(rng, pow10[1+rng.Intn(63)])
		n.Mul(n, big.NewInt(int64(1+rng.Intn(1000))))
		if rng.Intn(2) == 0 {
			n.Neg(n)
		}
		cases = append(cases, decimal.NewFromBigInt(n, -int32(rng.Intn(90))))
	}
	for k, d := range cases {
		places := int32(rng.Intn(30))
		if k < 6 {
			places = 0
		}
		a, b := d.Round(places), roundTo(d, places)
		if !a.Equal(b) || a.Exponent() != b.Exponent() {
			t.Fatalf("%s to %d places: Round %s (exponent %d), roundTo %s (%d)", d, places, a, a.Exponent(), b, b.Exponent())
		}
		if e := -int(d.Exponent()); e > 0 && e < len(pow10) {
			c, r := d.Coefficient(), new(big.Int)
			inexact := divPow10(c, e, r)
			q, rem := new(big.Int).QuoRem(d.Coefficient(), pow10[e], new(big.Int))
			if c.Cmp(q) != 0 || inexact != (rem.Sign() != 0) {
				t.Fatalf("divPow10(%s, %d) = %s (%v), want %s (%v)", d.Coefficient(), e, c, inexact, q, rem.Sign() != 0)
			}
		}
	}
}

// A patched draw's plan is the plan Check gives the drawn scenario, field
// for field (reflect.DeepEqual: the same digits and exponents): for every
// field findTarget patches, in the reference and every example, with and
// without a committed rate, at values below, at and above the field's.
func TestDrawPatchEqualsCheck(t *testing.T) {
	scenarios := []Scenario{*loadReference(t)}
	for _, e := range Examples {
		scenarios = append(scenarios, e.Scenario.Clone())
	}
	committed := loadReference(t).Clone()
	for i := range committed.Options {
		if committed.Options[i].Kind == Cloud {
			committed.Options[i].CommitHourlyRate = N("1.75")
		}
	}
	scenarios = append(scenarios, committed)
	patched := 0
	for _, s := range scenarios {
		var paths []string
		for _, f := range WorkloadFields {
			paths = append(paths, "workload."+f.Key)
		}
		for i := range s.Options {
			for _, f := range OptionFields {
				paths = append(paths, OptionPath(i, f.Key))
			}
		}
		base, errs := Check(&s)
		if errs != nil {
			t.Fatalf("%s: %v", s.Name, errs)
		}
		for _, path := range paths {
			tg, msg := findTarget(&s, path)
			if msg != "" || tg.patch == nil {
				continue
			}
			for _, v := range []string{"0.02", "0.07", "1.3", "2", "3000000", "123456.789"} {
				d := decimal.RequireFromString(v)
				if checkRange(tg.field, NumOf(d)) != "" {
					continue
				}
				c := s.Clone()
				tg.set(&c, d)
				want, errs := Check(&c)
				if errs != nil {
					continue // refused (growth past the limit): growthProblem's
				}
				q := *base
				got := &q
				got.options = slices.Clone(got.options)
				tg.patch(got, d)
				// The months growthProblem kept for demand (rpdPath) are a
				// memo: the patched plan keeps the base's, which demand
				// must not read for other values; its months are Check's.
				if !reflect.DeepEqual(got.demand(), want.demand()) {
					t.Errorf("%s, %s = %s: the patched plan's months differ from Check's", s.Name, path, v)
				}
				got.workload.path, want.workload.path = nil, nil
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s, %s = %s: the patched plan differs from Check's", s.Name, path, v)
				}
				patched++
			}
		}
	}
	if patched < 20 {
		t.Fatalf("only %d patched values compared", patched)
	}
}

// Draws whose growth takes demand past the limit are drawn again; when
// every draw does, the run stops naming the range, in the same words
// whether the draw is patched into the plan (growth alone moves) or
// checked again (a range without a patch, on peak to average, rides along
// at one value). Growth from 0.9: month m has 2,000,000 × 1.9^(m−1)
// requests a day or more, past 10^15 by month 32 (1.9^31 ≈ 4.3 × 10^8)
// of the 60: all 6 draws made fall outside, more than the 5 asked for.
func TestSimulateGrowthLimitPatchedOrChecked(t *testing.T) {
	s := loadReference(t)
	s.Uncertainty = &Uncertainty{Seed: N("1"), Samples: N("5"), Ranges: []Range{
		{Path: "workload.monthly_growth", Low: N("0.9"), Mode: N("0.95"), High: N("1")}}}
	_, errA := Simulate(s, nil)
	s.Uncertainty.Ranges = append(s.Uncertainty.Ranges, Range{Path: "workload.peak_to_average", Low: N("1.5"), Mode: N("1.5"), High: N("1.5")})
	_, errB := Simulate(s, nil)
	if errA == nil || errB == nil {
		t.Fatalf("no error: patched %v, checked %v", errA, errB)
	}
	want := "uncertainty.ranges[0].high: 6 of 6 draws fall outside the model's limits, more than the 5 draws asked for: " +
		"Monthly growth (workload.monthly_growth) grows demand past 10^15 requests a day within the horizon in 6 of them; " +
		"narrow the high end of the growth range (or of requests a day) or shorten the horizon"
	if a, b := errA.Error(), errB.Error(); a != want || b != want {
		t.Fatalf("patched: %s\nchecked: %s", a, b)
	}
}

// Draws skip the growth limit's check only when the highest requests a day
// and growth the ranges allow pass it. The reference ranges' highest, 3
// million requests a day growing 12 % a month, reach 3 × 10^6 × 1.12^59 ≈
// 3 × 10^6 × 801 ≈ 2.4 × 10^9 in month 60, far below 10^15: skipped. At
// 80 % a month, month 35 has 3 × 10^6 × 1.8^34 ≈ 3 × 10^6 × 4.8 × 10^8 ≈
// 1.4 × 10^15: checked.
func TestSimulateGrowthBounded(t *testing.T) {
	s := referenceWithRanges(t, "10")
	sm, err := newSimulator(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sm.grows {
		t.Error("the reference ranges' draws check the growth limit")
	}
	s.Uncertainty.Ranges[0].High = N("0.8")
	if sm, err = newSimulator(s, nil); err != nil {
		t.Fatal(err)
	}
	if !sm.grows {
		t.Error("growth up to 80 % a month is not checked")
	}
}

// TestSimulatePacesItsSpreads: after the last draw the spreads are made
// with the pace between them (a page's task stays short), so a pace that
// says stop then ends the run; one that never does gives the same
// simulation as no pace at all.
func TestSimulatePacesItsSpreads(t *testing.T) {
	s := referenceWithRanges(t, "20")
	calls := 0
	counting := Pace(func() bool { calls++; return true })
	paced, err := Simulate(s, counting)
	if err != nil {
		t.Fatal(err)
	}
	if paced.Redrawn != 0 || calls <= 20 {
		t.Fatalf("%d redrawn, %d pace calls: want none redrawn and more calls than the 20 draws", paced.Redrawn, calls)
	}
	// The pace runs twice in the set-up (after the check and after the
	// point evaluation), before each draw and before each option's month
	// of the fan chart is sorted (an option's months in one go held the
	// page for 10–25 ms under wasm).
	months := 0
	for _, o := range paced.Options {
		months += len(o.Monthly)
	}
	if months == 0 || calls < 2+20+months {
		t.Fatalf("%d pace calls for the set-up, 20 draws and %d months of spreads: want at least 2, then one each", calls, months)
	}
	setup := 0
	if _, err := newSimulator(s, func() bool { setup++; return true }); err != nil || setup != 2 {
		t.Errorf("the set-up paced %d times (%v), want 2: after the check and after the point evaluation", setup, err)
	}
	plain, err := Simulate(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(paced)
	b, _ := json.Marshal(plain)
	if string(a) != string(b) {
		t.Errorf("a paced simulation differs from an unpaced one")
	}
	n := 0
	stopAfterDraws := Pace(func() bool { n++; return n <= 20 })
	if _, err := Simulate(s, stopAfterDraws); err != ErrStopped {
		t.Errorf("a stop after the draws: %v, want ErrStopped", err)
	}
}

// A run is bounded by draws × options × months (MaxDrawMonths): 10,000
// draws of 8 options over 120 months (9,600,000) is refused before any
// draw, naming the sample count and the most it may be here:
// 2,400,000 / (8 × 120) = 2,500 draws. 2,500 is accepted (not run here);
// the reference's 4 options over 60 months may take 10,000 (2,400,000).
func TestSimulateDrawMonthsBounded(t *testing.T) {
	s := referenceWithRanges(t, "10000")
	for len(s.Options) < MaxOptions {
		o := s.Options[len(s.Options)%4]
		o.Label = fmt.Sprintf("%s %d", o.Label, len(s.Options))
		s.Options = append(s.Options, o)
	}
	s.Workload.HorizonMonths = N("120")
	start := time.Now()
	_, err := Simulate(s, nil)
	want := "uncertainty.samples: 10,000 draws of 8 options over 120 months is more than a run may hold: at most 2,500 draws here (draws × options × months at most 2,400,000)"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("refused in %v", d)
	}
	// The bound is inclusive: 2,500 draws pass the check. Stopped at the
	// first pace (false: stop) so the test does not run them.
	s.Uncertainty.Samples = N("2500")
	if _, err := Simulate(s, func() bool { return false }); err != ErrStopped {
		t.Errorf("2,500 draws: got %v, want the run to start (and stop)", err)
	}
	ref := referenceWithRanges(t, "10000")
	if _, err := Simulate(ref, func() bool { return false }); err != ErrStopped {
		t.Errorf("the reference's 10,000 draws: got %v, want the run to start", err)
	}
}

// A range value, seed or sample count the page holds as text that is not a
// number ("1,5", "1_000", 1e31, 44 digits) is written to the link as empty,
// so that the link opens (the decoder refuses such text): the range's
// value is then empty, which the Monte Carlo refuses, naming the range as
// it did the text; the seed takes its default.
func TestUncertaintyLinkWritesNoBadNumber(t *testing.T) {
	for _, text := range []string{"1,5", "1_000", "1e31", strings.Repeat("9", 44)} {
		s := referenceWithRanges(t, "1000")
		s.Uncertainty.Ranges[0].Low = ParseNum(text)
		s.Uncertainty.Seed = ParseNum(text)
		if s.Uncertainty.Ranges[0].Low.Bad() == "" || s.Uncertainty.Seed.Bad() == "" {
			t.Fatalf("%q parses as a number", text)
		}
		_, before := Simulate(s, nil)
		back, err := DecodeLink(EncodeLink(s))
		if err != nil {
			t.Errorf("%q: the link does not open: %v", text, err)
			continue
		}
		if u := back.Uncertainty; u.Ranges[0].Low.Set() || u.Ranges[0].Low.Bad() != "" || u.Seed.Set() || !u.Ranges[0].Mode.Equal(s.Uncertainty.Ranges[0].Mode) {
			t.Errorf("%q: opened as low %v, seed %v, mode %v; want low and seed empty, mode as written", text, u.Ranges[0].Low, u.Seed, u.Ranges[0].Mode)
		}
		_, after := Simulate(&back, nil)
		be, ae := before.(Errors), after.(Errors)
		if len(be) == 0 || len(ae) == 0 || be[0].Path != "uncertainty.seed" || ae[0].Path != "uncertainty.ranges[0].low" {
			t.Errorf("%q: the Monte Carlo refused %v before and %v after", text, before, after)
		}
	}
}
