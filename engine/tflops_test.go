package engine

import "testing"

// TestTFLOPSByWeightPrecision: an accelerator preset's dense TFLOPS at the
// precision its matmuls run at (docs/methodology.md, Throughput, eighth
// round). The figures are the catalog's own columns (engine/catalog.go):
// 8-bit weights take the FP8 column, weights above 8 bits the BF16 column,
// weights below 8 bits the FP8 column on a chip with a 4-bit float path
// (B200, GB200, MI355X: MXFP8 activations, TensorRT-LLM's GPT-OSS guide)
// and the BF16 column elsewhere (weight-only kernels, 16-bit activations).
func TestTFLOPSByWeightPrecision(t *testing.T) {
	const (
		fp8Words  = "FP8: weights of 8 bits"
		bf16Words = "BF16: weights above 8 bits"
		fp4Words  = "FP8: weights below 8 bits on a chip with a 4-bit float path run 8-bit activations (TensorRT-LLM's GPT-OSS deployment guide)"
		w16Words  = "BF16: weights below 8 bits on a chip without a 4-bit float path run weight-only, with 16-bit activations (TensorRT-LLM's GPT-OSS deployment guide)"
	)
	for _, tc := range []struct {
		accel, bits, want, words string
	}{
		// gpt-oss's MXFP4 (4.25 bits) on Hopper: BF16's 989, not FP8's 1,979.
		{"h100-sxm", "4.25", "989", w16Words},
		{"h200", "4.25", "989", w16Words},
		{"h200", "8", "1979", fp8Words},
		{"h200", "16", "989", bf16Words},
		// Blackwell: FP8's 4,500 and 5,000 (MXFP8 activations), as before.
		{"b200", "4.25", "4500", fp4Words},
		{"gb200", "4.5", "5000", fp4Words},
		{"b200", "8", "4500", fp8Words},
		{"b200", "16", "2250", bf16Words},
		// AMD: MI300X and MI325X have FP8 but no FP4 (1,307 at BF16);
		// MI355X (CDNA 4) has MXFP4: FP8's 5,000.
		{"mi300x", "4", "1307", w16Words},
		{"mi325x", "4.25", "1307", w16Words},
		{"mi300x", "8", "2615", fp8Words},
		{"mi355x", "4.25", "5000", fp4Words},
		// Ada, TPU (INT8 column), Trainium2: no 4-bit float path.
		{"l40s", "4", "362", w16Words},
		{"tpu-v6e", "4", "918", w16Words},
		{"tpu-v6e", "8", "1836", fp8Words},
		{"trainium2", "4", "667", w16Words},
		// One figure in both columns: unchanged whichever rule applies.
		{"a100-80gb", "4", "312", w16Words},
		{"gaudi3", "4", "1835", w16Words},
		// 7 bits is below 8: weight-only on Hopper.
		{"h100-sxm", "7", "989", w16Words},
	} {
		p, ok := FindAccelerator(tc.accel)
		if !ok {
			t.Fatalf("%s: not in the catalog", tc.accel)
		}
		s := Scenario{Model: Model{WeightBits: ParseNum(tc.bits)}, Options: []Option{{Kind: Cloud, Accelerator: &Accelerator{Preset: tc.accel}}}}
		e := resolvedAt(t, Resolve(&s), "options[0].accelerator.tflops")
		v, ok := e.Value()
		want := Origin{Kind: OriginPreset, Rule: tc.words, Preset: p.Name, Source: p.SpecSource, AsOf: p.AsOf}
		if !ok || v.String() != tc.want || e.Origin() != want {
			t.Errorf("%s at %s bits: %s (%t) from %+v, want %s from %+v", tc.accel, tc.bits, v, ok, e.Origin(), tc.want, want)
		}
	}
	// The user's figure is kept as typed, whatever the weights.
	s := Scenario{Model: Model{WeightBits: ParseNum("4.25")}, Options: []Option{{Kind: Cloud, Accelerator: &Accelerator{Preset: "h100-sxm", TFLOPS: ParseNum("1979")}}}}
	e := resolvedAt(t, Resolve(&s), "options[0].accelerator.tflops")
	if v, ok := e.Value(); !ok || v.String() != "1979" || e.Origin().Kind != OriginUser {
		t.Errorf("typed 1,979 at 4.25 bits: %s from %+v", v, e.Origin())
	}
}

// TestLowBitCalibrationPresets: the calibration presets of gpt-oss (MXFP4,
// 4.25 bits) on Hopper still resolve after the eighth round's rule, their
// case data carrying the same BF16 peak (989 TFLOPS) the engine now
// derives, and a calibrated option reproduces each published measurement
// (TensorRT-LLM 1.2's perf overview: output tokens/s per GPU) under its
// own conditions. The factor is the one the default's 989 gives, not the
// FP8 figure's 1,979 (which the case data carried before).
func TestLowBitCalibrationPresets(t *testing.T) {
	for _, id := range []string{"TRT12-011", "TRT12-012", "TRT12-013", "TRT12-014"} {
		mp, ok := FindMeasured(id)
		if !ok {
			t.Fatalf("%s: not a calibration preset", id)
		}
		s := calibratedScenario()
		s.Workload.InputTokens, s.Workload.OutputTokens = NumOf(dec(mp.InputTokens)), NumOf(dec(mp.OutputTokens))
		s.Model = Model{Preset: mp.Model, WeightBits: NumOf(mp.WeightBits), KVBits: NumOf(mp.KVBits)}
		s.Options[0].Accelerator = &Accelerator{Preset: mp.Accelerator}
		s.Options[0].ThroughputPreset = id
		if e := resolvedAt(t, Resolve(s), "options[0].accelerator.tflops"); e.Origin().Kind != OriginPreset {
			t.Errorf("%s: tflops from %+v", id, e.Origin())
		} else if v, _ := e.Value(); v.String() != "989" {
			t.Errorf("%s: tflops %s, want 989 (BF16: MXFP4 weights on Hopper)", id, v)
		}
		r, err := Evaluate(s)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		o := r.Options[0]
		if got := div(dec(mp.OutputTokens), o.AcceleratorSecondsPerRequest); !got.Round(10).Equal(mp.TokensPerS) {
			t.Errorf("%s: calibrated estimate %s tokens/s, want the measurement %s", id, got, mp.TokensPerS)
		}
		// The same factor as a typed 989; another than a typed 1,979.
		factor := func(tf string) string {
			s2 := *s
			s2.Options = []Option{s.Options[0]}
			a := *s.Options[0].Accelerator
			a.TFLOPS = N(tf)
			s2.Options[0].Accelerator = &a
			r2, err := Evaluate(&s2)
			if err != nil {
				t.Fatalf("%s at %s TFLOPS: %v", id, tf, err)
			}
			return r2.Options[0].Calibration.Factor.Round(10).String()
		}
		if f := o.Calibration.Factor.Round(10).String(); f != factor("989") || f == factor("1979") {
			t.Errorf("%s: factor %s, at 989 %s, at 1,979 %s", id, f, factor("989"), factor("1979"))
		}
	}
}
