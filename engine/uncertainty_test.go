package engine

import (
	"encoding/json"
	"math"
	"slices"
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
	const want = `H100 on demand 6068320.08 14018255.29 59486157.37 wins 0.005 regret 7900364.00 37849413.04 month 60 228094.89 743897.56 4892517.22
H200 committed 8420674.10 15688795.00 65710731.00 wins 0 regret 9360810.69 43973899.67 month 60 235169.5 766375.9 5483599.4
MI300X owned 3718655.33 6367112.04 22645027.87 wins 0.995 regret 0.00 0.00 month 60 93488.9 253854.3 1686358.52
Token API 9789623.35 22306684.63 97129785.94 wins 0 regret 15707751.44 73491301.43 month 60 338216.5 1126055.59 7451852.99
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
		{Uncertainty{Ranges: []Range{{Path: "options[0].hourly_rate", Shape: "lognormal", Low: N("1"), Mode: N("1"), High: N("1")}}}, "uncertainty.ranges[0].shape"},
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
