package engine

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// sizingScenario is tieredScenario's demand (6, 8, 12, 20 accelerators in
// months 1–4, $2 an hour on demand: $1,460 an accelerator-month) without
// its tiers, and a committed rate of $1.40 ($1,022 a month).
func sizingScenario() *Scenario {
	s := tieredScenario()
	o := &s.Options[0]
	o.CommitAccelerators, o.CommitMonths, o.Commitments = Num{}, Num{}, nil
	o.CommitHourlyRate = N("1.4")
	return s
}

func TestSizingHandWorked(t *testing.T) {
	z, err := SizeCommitment(sizingScenario(), nil, 0, []Term{{Months: 2}, {Months: 4}})
	if err != nil {
		t.Fatal(err)
	}
	// Term 4: a committed accelerator costs α = 4 × 1,022 = 4,088. With
	// nothing committed f(0) = 1,460 × (6 + 8 + 12 + 20) = 67,160. The slope
	// is α less 1,460 for each month that needs more than c:
	//   (0, 6):  4,088 − 4 × 1,460 = −1,752 → f(6)  = 67,160 − 10,512 = 56,648
	//   (6, 8):  4,088 − 3 × 1,460 =   −292 → f(8)  = 56,648 −    584 = 56,064
	//   (8, 12): 4,088 − 2 × 1,460 =  1,168 → f(12) = 56,064 +  4,672 = 60,736
	//   (12, 20): 4,088 −    1,460 =  2,628 → f(20) = 60,736 + 21,024 = 81,760
	// Check f(8): 8 × 4,088 + 1,460 × (4 + 12) = 32,704 + 23,360 = 56,064.
	// Term 2: α = 2,044; months 3–4 stay on demand (1,460 × 32 = 46,720);
	//   f(6) = 67,160 − 6 × 876 = 61,904, f(8) = 61,904 + 2 × 584 = 63,072:
	//   best 6 at 61,904, dearer than term 4's 56,064.
	if z.Months != 4 || !z.HourlyRate.Equal(d("1.4")) {
		t.Errorf("best term %d months at %s, want 4 at 1.4", z.Months, z.HourlyRate)
	}
	checkPoint := func(what string, p SizingPoint, size, cost string) {
		t.Helper()
		if !p.Accelerators.Equal(d(size)) || !p.Cost.Equal(d(cost)) {
			t.Errorf("%s = %s at %s, want %s at %s", what, p.Cost, p.Accelerators, cost, size)
		}
	}
	checkPoint("optimum", z.Optimum, "8", "56064")
	// 25 % under: 6 (56,648, 584 more); over: 10, f(10) = 56,064 + 2 ×
	// 1,168 = 58,400 (2,336 more); check: 10 × 4,088 + 1,460 × (2 + 10).
	checkPoint("under", z.Under, "6", "56648")
	checkPoint("over", z.Over, "10", "58400")
	checkPoint("none", z.None, "0", "67160")
	checkPoint("peak", z.Peak, "20", "81760")
	want := []SizingPoint{{d("0"), d("67160")}, {d("6"), d("56648")}, {d("8"), d("56064")}, {d("12"), d("60736")}, {d("20"), d("81760")}}
	if len(z.Curve) != len(want) {
		t.Fatalf("curve %v, want %v", z.Curve, want)
	}
	for k := range want {
		checkPoint(fmt.Sprint("curve ", k), z.Curve[k], want[k].Accelerators.String(), want[k].Cost.String())
	}
	if len(z.Terms) != 2 {
		t.Fatalf("%d terms", len(z.Terms))
	}
	checkPoint("term 2", z.Terms[0].Optimum, "6", "61904")
	checkPoint("term 4", z.Terms[1].Optimum, "8", "56064")
	if got, want := z.Sentence(), "cloud: committing 8 accelerators for 4 months at $1.40 an hour has the least total cost, $56,064 over the horizon. 25 % fewer (6) costs $584.00 more, 25 % more (10) $2,336 more; committing to the peak (20) $25,696 more, and nothing $11,096 more."; got != want {
		t.Errorf("sentence:\n%s\nwant\n%s", got, want)
	}
}

// TestSizingNetPresentHandWorked sizes sizingScenario's demand (6, 8, 12,
// 20 accelerators, $1,460 an accelerator-month on demand) at a committed
// rate of $1.49 ($1,087.70 a month) over a 4-month term, on both bases.
//
// Total cost: a committed accelerator costs 4 × 1,087.70 = 4,350.80 and
// saves 1,460 a month it is used. The slope from 6 to 8 (used in months
// 2–4) is 4,350.80 − 3 × 1,460 = −29.20, from 8 to 12 4,350.80 − 2 ×
// 1,460 > 0: the optimum is 8, f(8) = 8 × 4,350.80 + 1,460 × (4 + 12) =
// 58,166.40 (f(6) = 6 × 4,350.80 + 1,460 × 22 = 58,224.80).
//
// Net present cost at 30 % a year: each month's cash counts at its end,
// discounted by d_m = v^m, v = 1.3^(−1/12):
// d = 0.97837359, 0.95721488, 0.93651376, 0.91626033 (Σ 3.78836255).
// A committed accelerator costs α = 1,087.70 × Σd = 4,120.60 in present
// value; a month it saves is worth 1,460 × d_m.
//
//	f(0) = 1,460 × (6d1 + 8d2 + 12d3 + 20d4) = 1,460 × 43.09133222 = 62,913.35
//	(0, 6): α − 1,460 × Σd = 4,120.60 − 5,531.01 = −1,410.41 → f(6) = 62,913.35 − 8,462.44 = 54,450.90
//	(6, 8): α − 1,460 × (d2 + d3 + d4) = 4,120.60 − 4,102.58 = +18.02 → f(8) = 54,450.90 + 36.04 = 54,486.94
//
// so the optimum is 6: the months that make the 7th and 8th accelerators
// pay (2–4) come later than the payments for them, and weigh less.
// Check f(6) = 6α + 1,460 × (2d2 + 6d3 + 14d4) = 24,723.61 + 1,460 ×
// 20.36115689 = 24,723.61 + 29,727.29 = 54,450.90. 25 % fewer is 4.5 →
// 5 (half up): f(5) = 62,913.35 − 5 × 1,410.41 = 55,861.31, 1,410.41 more;
// 25 % more is 7.5 → 8, 36.04 more; the peak f(20) = 20α = 82,412.04,
// 27,961.14 more; nothing 8,462.44 more. Figures to the cent (the
// factors are rounded above, the engine's to 24 places).
func TestSizingNetPresentHandWorked(t *testing.T) {
	s := sizingScenario()
	s.Options[0].CommitHourlyRate = N("1.49")
	s.Workload.DiscountRate = N("0.3")
	terms := []Term{{Months: 4}}
	z, err := SizeCommitment(s, nil, 0, terms)
	if err != nil {
		t.Fatal(err)
	}
	if z.Basis != BasisTotalCost || z.DiscountRate != nil || !z.Optimum.Accelerators.Equal(d("8")) || !z.Optimum.Cost.Equal(d("58166.4")) {
		t.Errorf("total cost: %s, %v: %s at %s, want 8 at 58,166.40", z.Basis, z.DiscountRate, z.Optimum.Cost, z.Optimum.Accelerators)
	}
	s.Workload.SizingBasis = N("1")
	if z, err = SizeCommitment(s, nil, 0, terms); err != nil {
		t.Fatal(err)
	}
	if z.Basis != BasisNetPresentCost || z.DiscountRate == nil || !z.DiscountRate.Equal(d("0.3")) {
		t.Fatalf("basis %s at %v, want net present cost at 0.3", z.Basis, z.DiscountRate)
	}
	cents := func(what string, p SizingPoint, size, cost string) {
		t.Helper()
		if !p.Accelerators.Equal(d(size)) || !p.Cost.Round(2).Equal(d(cost)) {
			t.Errorf("%s = %s at %s, want %s at %s", what, p.Cost, p.Accelerators, cost, size)
		}
	}
	cents("optimum", z.Optimum, "6", "54450.90")
	cents("under", z.Under, "5", "55861.31")
	cents("over", z.Over, "8", "54486.94")
	cents("peak", z.Peak, "20", "82412.04")
	cents("none", z.None, "0", "62913.35")
	if len(z.Curve) != 5 {
		t.Fatalf("curve %v", z.Curve)
	}
	cents("curve 1", z.Curve[1], "6", "54450.90")
	cents("curve 2", z.Curve[2], "8", "54486.94")
	if got, want := z.Sentence(), "cloud: committing 6 accelerators for 4 months at $1.49 an hour has the least net present cost, $54,451 at a discount rate of 30 % a year. 25 % fewer (5) costs $1,410 more, 25 % more (8) $36.04 more; committing to the peak (20) $27,961 more, and nothing $8,462 more."; got != want {
		t.Errorf("sentence:\n%s\nwant\n%s", got, want)
	}
	// The given tier, 8 for 4 months: its net present cost is the finance
	// view's (which rounds each month's present value to 24 places).
	s.Options[0].CommitAccelerators, s.Options[0].CommitMonths = N("8"), N("4")
	if z, err = SizeCommitment(s, nil, 0, terms); err != nil {
		t.Fatal(err)
	}
	cents("given", *z.Given, "8", "54486.94")
	npc := mustEval(t, s).Options[0].NetPresentCost
	if diff := z.Given.Cost.Sub(npc).Abs(); diff.Cmp(d("1e-22")) > 0 {
		t.Errorf("given %s, the finance view's net present cost %s", z.Given.Cost, npc)
	}
	if want := " The first tier as given (8 for 4 months) has a net present cost of $54,487, $36.04 more."; !strings.HasSuffix(z.Sentence(), want) {
		t.Errorf("sentence %q lacks %q", z.Sentence(), want)
	}
	// The discount factors the evaluation kept, or computed again when an
	// evaluation did not keep them: the same sizing.
	r := mustEval(t, s)
	r.discount = nil
	again, err := SizeCommitment(s, r, 0, terms)
	if err != nil {
		t.Fatal(err)
	}
	if again.Sentence() != z.Sentence() || !again.Optimum.Cost.Equal(z.Optimum.Cost) || !again.Given.Cost.Equal(z.Given.Cost) {
		t.Errorf("without the evaluation's factors: %s\nwith them: %s", again.Sentence(), z.Sentence())
	}
}

// TestSizingGiven: the scenario's own first tier, 6 for 4 months at $1.40,
// costs f(6) = 56,648 (TestSizingHandWorked), 584 more than the optimum.
func TestSizingGiven(t *testing.T) {
	s := sizingScenario()
	s.Options[0].CommitAccelerators, s.Options[0].CommitMonths = N("6"), N("4")
	z, err := SizeCommitment(s, nil, 0, []Term{{Months: 4}})
	if err != nil {
		t.Fatal(err)
	}
	if z.Given == nil || !z.Given.Accelerators.Equal(d("6")) || !z.Given.Cost.Equal(d("56648")) || z.GivenMonths != 4 {
		t.Fatalf("given %+v for %d months", z.Given, z.GivenMonths)
	}
	if total := mustEval(t, s).Options[0].TotalCost; !z.Given.Cost.Equal(total) {
		t.Errorf("given %s, the option's total cost as evaluated %s", z.Given.Cost, total)
	}
	if want := " The first tier as given (6 for 4 months) has a total cost of $56,648, $584.00 more."; !strings.HasSuffix(z.Sentence(), want) {
		t.Errorf("sentence %q lacks %q", z.Sentence(), want)
	}
}

// TestSizingComparesTheGivenTerm: the scenario's own first tier, 8 for 4
// months at $1.40 (56,064, the optimum of TestSizingHandWorked), is compared
// even when the terms listed leave 4 months out; before, the sizing named
// term 2's 61,904 as the least and the given deal "−$5,840 more".
func TestSizingComparesTheGivenTerm(t *testing.T) {
	s := sizingScenario()
	s.Options[0].CommitAccelerators, s.Options[0].CommitMonths = N("8"), N("4")
	terms := []Term{{Months: 2}}
	z, err := SizeCommitment(s, nil, 0, terms)
	if err != nil {
		t.Fatal(err)
	}
	if len(terms) != 1 || terms[0].Months != 2 {
		t.Errorf("the caller's terms were changed: %v", terms)
	}
	if len(z.Terms) != 2 || z.Terms[1].Months != 4 || z.Months != 4 || !z.Optimum.Cost.Equal(d("56064")) {
		t.Fatalf("terms %+v, best %d months at %s; want term 4 compared and best at 56,064", z.Terms, z.Months, z.Optimum.Cost)
	}
	if want := " The first tier as given (8 for 4 months) has a total cost of $56,064: the least."; !strings.HasSuffix(z.Sentence(), want) {
		t.Errorf("sentence %q lacks %q", z.Sentence(), want)
	}
}

// TestSizingMatchesBruteForce evaluates the whole scenario at every size
// from 0 to the peak for each term, the first tier set to it, and checks
// that the sizing's optimum is the cheapest of them and each point of its
// curve the scenario's cost at that size, on each basis: the total cost as
// evaluated, and the net present cost summed directly from the evaluated
// months, Σ cash cost_m × d_m (d from discountFactors, the finance view's),
// which must also be the finance view's own figure to its rounding.
func TestSizingMatchesBruteForce(t *testing.T) {
	moved := 0 // cases whose optimum the basis moves
	for _, tc := range []struct {
		name, growth, horizon string
		tiers                 []Commitment
		rateChange            string // the on-demand rate's change a year (pricepath.go)
	}{
		{"growing", "0.3", "12", nil, ""},
		{"growing, on-demand rate falling 40 % a year", "0.3", "12", nil, "-0.4"},
		{"declining with a ramp tier", "-0.15", "12", []Commitment{{Accelerators: N("6"), HourlyRate: N("1.2"), StartMonth: N("4"), Months: N("6"), UpfrontShare: N("0.5")}}, ""},
		{"growing with two tiers", "0.25", "15", []Commitment{
			{Accelerators: N("10"), HourlyRate: N("1.6"), StartMonth: N("7"), Months: N("12")},
			{Accelerators: N("4"), HourlyRate: N("1.1"), StartMonth: N("2"), Months: N("3"), UpfrontShare: N("1")}}, ""},
	} {
		var optimum [2]string
		for basis, dr := range []string{"0.3", "0.6"} {
			t.Run(fmt.Sprintf("%s, sizing basis %d", tc.name, basis), func(t *testing.T) {
				s := sizingScenario()
				s.Workload.MonthlyGrowth, s.Workload.HorizonMonths = N(tc.growth), N(tc.horizon)
				s.Workload.DiscountRate, s.Workload.SizingBasis = N(dr), N(fmt.Sprint(basis))
				if tc.growth[0] == '-' {
					s.Workload.RequestsPerDay = N("1000000")
				}
				s.Options[0].Commitments = tc.tiers
				if tc.rateChange != "" {
					s.Options[0].HourlyRateChange = N(tc.rateChange)
				}
				terms := []Term{{Months: 3}, {Months: 6}, {Months: 12}, {Months: 18, Rate: ptr(d("1.25"))}}
				z, err := SizeCommitment(s, nil, 0, terms)
				if err != nil {
					t.Fatal(err)
				}
				if want := []Basis{BasisTotalCost, BasisNetPresentCost}[basis]; z.Basis != want {
					t.Fatalf("basis %s, want %s", z.Basis, want)
				}
				// cost is the scenario's cost on the basis, from its evaluation.
				discount := discountFactors(d(dr), int(d(tc.horizon).IntPart()))
				cost := func(r *Result) decimal.Decimal {
					o := &r.Options[0]
					if basis == 0 {
						return o.TotalCost
					}
					var npc decimal.Decimal
					for m := range o.Months {
						npc = npc.Add(o.Months[m].CashCost.Mul(discount[m]))
					}
					if npc.Sub(o.NetPresentCost).Abs().Cmp(d("1e-22")) > 0 {
						t.Errorf("Σ cash cost × d_m = %s, the finance view's net present cost %s", npc, o.NetPresentCost)
					}
					return npc
				}
				peak := int(z.Peak.Accelerators.IntPart())
				if peak < 10 {
					t.Fatalf("peak %d: too small a test", peak)
				}
				best := SizingPoint{}
				bestMonths := 0
				for k, term := range terms {
					// The tier sized: the commit_* fields' (at 1.4), or the
					// first commitments[] entry as entered (its start,
					// upfront share and rate).
					rate := d("1.4")
					if len(tc.tiers) > 0 {
						rate = tc.tiers[0].HourlyRate.Dec()
					}
					if term.Rate != nil {
						rate = *term.Rate
					}
					var termBest SizingPoint
					costs := map[string]string{}
					for c := 0; c <= peak; c++ {
						b := s.Clone()
						o := &b.Options[0]
						if len(tc.tiers) > 0 {
							o.Commitments = slices.Clone(o.Commitments)
							o.Commitments[0].Accelerators, o.Commitments[0].Months, o.Commitments[0].HourlyRate = N(fmt.Sprint(c)), N(fmt.Sprint(term.Months)), NumOf(rate)
						} else {
							o.CommitAccelerators, o.CommitMonths, o.CommitHourlyRate = N(fmt.Sprint(c)), N(fmt.Sprint(term.Months)), NumOf(rate)
						}
						cost := cost(mustEval(t, &b))
						costs[fmt.Sprint(c)] = cost.String()
						if c == 0 || cost.Cmp(termBest.Cost) < 0 {
							termBest = SizingPoint{dec(int64(c)), cost}
						}
					}
					got := z.Terms[k].Optimum
					if !got.Accelerators.Equal(termBest.Accelerators) || !got.Cost.Equal(termBest.Cost) {
						t.Errorf("term %d: sizing %s at %s, brute force %s at %s", term.Months, got.Cost, got.Accelerators, termBest.Cost, termBest.Accelerators)
					}
					if bestMonths == 0 || termBest.Cost.Cmp(best.Cost) < 0 {
						best, bestMonths = termBest, term.Months
					}
					if z.Months == term.Months {
						for _, p := range append(z.Curve, z.Under, z.Over) {
							if costs[p.Accelerators.String()] != p.Cost.String() {
								t.Errorf("term %d at %s: sizing %s, evaluation %s", term.Months, p.Accelerators, p.Cost, costs[p.Accelerators.String()])
							}
						}
					}
				}
				if z.Months != bestMonths || !z.Optimum.Cost.Equal(best.Cost) {
					t.Errorf("best: sizing %d months, %s; brute force %d months, %s", z.Months, z.Optimum.Cost, bestMonths, best.Cost)
				}
				optimum[basis] = fmt.Sprintf("%s for %d months", z.Optimum.Accelerators, z.Months)
			})
		}
		if optimum[0] != optimum[1] {
			moved++
		}
		t.Logf("%s: total cost %s, net present cost %s", tc.name, optimum[0], optimum[1])
	}
	// A sizing that ignored the basis would pass every case above.
	if moved == 0 {
		t.Error("no case's optimum depends on the basis")
	}
}

func TestSizingRefuses(t *testing.T) {
	s := sizingScenario()
	if _, err := SizeCommitment(s, nil, 0, []Term{{Months: 0}}); err == nil {
		t.Error("a term of 0 months was accepted")
	}
	if _, err := SizeCommitment(s, nil, 3, nil); err == nil {
		t.Error("option 3 of 1 was accepted")
	}
	s.Options[0].Kind, s.Options[0].CapexPerAccelerator, s.Options[0].PowerKW = Owned, N("1000"), N("1")
	if _, err := SizeCommitment(s, nil, 0, nil); err != ErrNotCloud {
		t.Errorf("owned: %v", err)
	}
	for text, want := range map[string]string{
		"":                  "12 24 36",
		"12, 24 36":         "12 24 36",
		"6@2.5;18":          "6@2.5 18",
		"0":                 `term "0": months must be a whole number from 1 to 120`,
		"121":               `term "121": months must be a whole number from 1 to 120`,
		"12@x":              `term "12@x": the rate after @ must be a number of $ per accelerator-hour from 0 to 10,000`,
		"1 2 3 4 5 6 7 8 9": "at most 8 terms (got 9)",
	} {
		terms, err := ParseTerms(text)
		got := ""
		if err != nil {
			got = err.Error()
		} else {
			for k, tm := range terms {
				if k > 0 {
					got += " "
				}
				got += fmt.Sprint(tm.Months)
				if tm.Rate != nil {
					got += "@" + tm.Rate.String()
				}
			}
		}
		if got != want {
			t.Errorf("ParseTerms(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestSizingIsBounded sizes the reference scenario's cloud option (60
// months) over eight terms, on each basis, well within a keystroke's
// budget natively;
// BenchmarkCommitSizing measures it (and under wasm, `make bench`).
func TestSizingIsBounded(t *testing.T) {
	s := loadReference(t)
	i := -1
	for k := range s.Options {
		if s.Options[k].Kind == Cloud {
			i = k
			break
		}
	}
	for _, basis := range []string{"", "1"} { // total cost, net present cost
		s.Workload.SizingBasis = ParseNum(basis)
		r := mustEval(t, s)
		start := time.Now()
		terms, _ := ParseTerms("1 6 12 24 36 48 60 120")
		if _, err := SizeCommitment(s, r, i, terms); err != nil {
			t.Fatal(err)
		}
		if el := time.Since(start); el > 200*time.Millisecond {
			t.Errorf("sizing (basis %q) took %v", basis, el)
		}
	}
}

// TestSizingBasisTravels: the basis is a scenario input, kept by a link
// (key sb, format 5) and a scenario file; a link of format 4 cannot hold
// it, and its absence is the total cost.
func TestSizingBasisTravels(t *testing.T) {
	s := sizingScenario()
	s.Workload.SizingBasis = N("1")
	link := EncodeLink(s)
	if !strings.Contains(link, "~sb=1") && !strings.Contains(link, ".sb=1") {
		t.Errorf("link %s lacks sb=1", link)
	}
	back, err := DecodeLink(link)
	if err != nil || !back.Workload.SizingBasis.Dec().Equal(one) {
		t.Errorf("link round trip: %v, %v", back.Workload.SizingBasis, err)
	}
	var file strings.Builder
	if err := EncodeScenario(&file, s); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(file.String(), `"sizing_basis": "1"`) {
		t.Errorf("file lacks the sizing basis:\n%s", file.String())
	}
	fromFile, err := DecodeScenario(strings.NewReader(file.String()))
	if err != nil || !fromFile.Workload.SizingBasis.Dec().Equal(one) {
		t.Errorf("file round trip: %v, %v", fromFile.Workload.SizingBasis, err)
	}
	if _, err := DecodeLink("#4r.sb=1~o=cloud"); err == nil {
		t.Error("a version-4 link holding sb was accepted")
	}
	s.Workload.SizingBasis = Num{}
	if z, err := SizeCommitment(s, nil, 0, nil); err != nil || z.Basis != BasisTotalCost {
		t.Errorf("no basis: %v, %v", z, err)
	}
}
