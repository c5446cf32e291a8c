package engine

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestInteractivityCurve(t *testing.T) {
	s := &Scenario{
		Version:  FormatVersion,
		Workload: Workload{RequestsPerDay: N("1000000"), InputTokens: N("1000"), OutputTokens: N("300"), HorizonMonths: N("12"), TPOTSLOms: N("50")},
		Model:    Model{Preset: "llama-3.1-70b"},
		Options: []Option{
			{Label: "H100", Kind: Cloud, Accelerator: &Accelerator{Preset: "h100-sxm"}},
			{Label: "API", Kind: API, PriceInputPerM: N("0.6"), PriceOutputPerM: N("0.8")},
			{Label: "Measured", Kind: Owned, Accelerator: &Accelerator{Preset: "h100-sxm"},
				PrefillTokensPerS: N("5000"), DecodeTokensPerS: N("500"), AcceleratorsPerReplica: N("2")},
		},
	}
	curve, err := InteractivityCurve(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(curve) != len(InteractivityTargets) {
		t.Fatalf("%d points, want %d", len(curve), len(InteractivityTargets))
	}
	met := 0
	for _, pt := range curve {
		if pt.Options[1] != nil || pt.Options[2] != nil {
			t.Errorf("%s tokens/s: the API and the measured option do not depend on the target", pt.TokensPerSecondPerUser)
		}
		// Each point is the scenario evaluated with a TPOT target of
		// 1,000 / x ms.
		at := s.Clone()
		at.Workload.TPOTSLOms = NumOf(div(thousand, pt.TokensPerSecondPerUser))
		r, err := Evaluate(&at)
		c := pt.Options[0]
		if err == nil && r.Options[0].Infeasible != "" {
			err = errors.New(r.Options[0].Infeasible) // the option cannot meet the target
		}
		if err != nil {
			if c != nil {
				t.Errorf("%s tokens/s: a point where Evaluate fails (%v)", pt.TokensPerSecondPerUser, err)
			}
			continue
		}
		met++
		o := r.Options[0]
		if c == nil || !c.CostPerMTokens.Equal(o.CostPerMTokens) || c.BatchSize != *o.BatchSize || c.AcceleratorsPerReplica != o.AcceleratorsPerReplica {
			t.Errorf("%s tokens/s: point %+v, Evaluate gives %s per M at batch %d on %d", pt.TokensPerSecondPerUser, c, o.CostPerMTokens, *o.BatchSize, o.AcceleratorsPerReplica)
			continue
		}
		if c.TokensPerSecondPerUser.Cmp(pt.TokensPerSecondPerUser) < 0 {
			t.Errorf("%s tokens/s: serves only %s", pt.TokensPerSecondPerUser, c.TokensPerSecondPerUser)
		}
	}
	// 70B at 16 bits reads 141 GB a step: no 4 ms step on H100s (3.35 TB/s
	// each would need 42 of them at full bandwidth), while 5 tokens/s is easy.
	if curve[0].Options[0] == nil || curve[len(curve)-1].Options[0] != nil || met < 5 {
		t.Errorf("reachable: first %v, last %v, %d of %d", curve[0].Options[0], curve[len(curve)-1].Options[0], met, len(curve))
	}
}

func TestFastestWithin(t *testing.T) {
	pt := func(x string, cost ...string) InteractivityPoint {
		p := InteractivityPoint{TokensPerSecondPerUser: d(x)}
		for _, c := range cost {
			if c == "" {
				p.Options = append(p.Options, nil)
				continue
			}
			p.Options = append(p.Options, &InteractivityCost{CostPerMTokens: d(c), TokensPerSecondPerUser: d(x)})
		}
		return p
	}
	curve := []InteractivityPoint{pt("10", "0.20", "1"), pt("20", "0.30", "2"), pt("50", "0.90", ""), pt("100", "", "")}
	for _, tc := range []struct {
		i       int
		ceiling string
		want    string // tokens/s per user, "" for none
	}{
		{0, "0.30", "20"}, // exactly at the ceiling counts
		{0, "0.29", "10"},
		{0, "5", "50"}, // 100 is out of reach
		{0, "0.1", ""},
		{1, "1.5", "10"},
	} {
		got := FastestWithin(curve, tc.i, d(tc.ceiling))
		if (got == nil) != (tc.want == "") || got != nil && !got.TokensPerSecondPerUser.Equal(d(tc.want)) {
			t.Errorf("option %d within %s: %+v, want %s", tc.i, tc.ceiling, got, tc.want)
		}
	}
}

func TestFastestWithinSentence(t *testing.T) {
	c := &InteractivityCost{CostPerMTokens: d("0.3023"), TokensPerSecondPerUser: d("22.68"), BatchSize: 248, AcceleratorsPerReplica: 2}
	if got, want := FastestWithinSentence("H100", c, d("0.5")), "H100: up to 22.7 tokens/s per user for $0.3023 per M tokens (batch 248 on 2 accelerators a replica)."; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	if got, want := FastestWithinSentence("H100", nil, d("0.1")), "H100: no interactivity target from 5 tokens/s per user up costs $0.1000 per M tokens or less."; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

// TestInteractivityCannotServe: the start-up example at a 5 ms target
// (TestCannotServe): the H100 options cannot serve it, but the curve
// shows them, marked, where they can. Their fastest replica takes 10.54 ms
// a decode step at batch 1, so they serve 80 tokens/s per user (12.5 ms)
// and not 100 (10 ms): their lines stop there, and the gap is explained.
func TestInteractivityCannotServe(t *testing.T) {
	s := Examples[0].Scenario.Clone()
	s.Workload.TPOTSLOms = N("5")
	r := mustEval(t, &s)
	curve, err := InteractivityCurve(&s, nil)
	if err != nil {
		t.Fatal(err)
	}
	cols := InteractivityOptions(r, curve)
	if !slices.Equal(cols, []int{1, 2}) {
		t.Fatalf("options %v", cols)
	}
	if got := InteractivityLabel(r, curve, 1); got != "H100 on demand (cannot serve its targets)" {
		t.Errorf("label %q", got)
	}
	if got := InteractivityLabel(r, curve, 0); got != "Token API" {
		t.Errorf("label %q", got)
	}
	for _, pt := range curve {
		x := pt.TokensPerSecondPerUser.IntPart()
		for _, i := range cols {
			if serves := pt.Options[i] != nil; serves != (x <= 80) {
				t.Errorf("option %d at %d tokens/s: serves %v", i, x, serves)
			}
		}
	}
	want := "Where a line stops (–), the option cannot serve each user that many tokens a second with any replica size it considers, even at batch 1."
	if got := InteractivityGap(r, curve, cols); got != want {
		t.Errorf("gap %q", got)
	}
	// With a time-to-first-token target the gap says it may be the cause.
	s.Workload.TTFTSLOms = N("60000")
	r = mustEval(t, &s)
	if got := InteractivityGap(r, curve, cols); got != strings.TrimSuffix(want, ".")+", or meets it only on replicas too slow for the time-to-first-token target (workload.ttft_slo_ms)." {
		t.Errorf("gap with a TTFT target %q", got)
	}
	// Every option meets every target: nothing to explain.
	if got := InteractivityGap(r, curve[:1], cols); got != "" {
		t.Errorf("no gap: %q", got)
	}

	// A 1 ms time-to-first-token target: no replica meets it, at any speed
	// of the curve (one decode step alone takes at least 10.54 ms, the
	// fastest replica's at batch 1),
	// so the H100 options have no line at all: still listed, labelled
	// "(cannot serve)" as the other legends do, and no gap to explain.
	s.Workload.TTFTSLOms = N("1")
	r = mustEval(t, &s)
	if curve, err = InteractivityCurve(&s, nil); err != nil {
		t.Fatal(err)
	}
	cols = InteractivityOptions(r, curve)
	if !slices.Equal(cols, []int{1, 2}) || InteractivityLabel(r, curve, 2) != "H100, 4 reserved for a year (cannot serve)" || InteractivityGap(r, curve, cols) != "" {
		t.Errorf("options %v, label %q, gap %q", cols, InteractivityLabel(r, curve, 2), InteractivityGap(r, curve, cols))
	}
	for _, pt := range curve {
		if pt.Options[1] != nil || pt.Options[2] != nil {
			t.Errorf("at %s tokens/s an H100 option meets a 1 ms TTFT", pt.TokensPerSecondPerUser)
		}
	}
}
