package engine

import (
	"strings"
	"testing"
)

// calibrated is Llama 3.1 8B at 8 bits on an H100 calibrated to
// TensorRT-LLM 1.0's measurement TRT10-004: 1,000 in, 1,000 out, maximum
// throughput, 15,220 output tokens/s on one H100.
func calibratedScenario() *Scenario {
	return &Scenario{
		Version:  FormatVersion,
		Workload: Workload{RequestsPerDay: N("1000000"), InputTokens: N("1000"), OutputTokens: N("1000"), HorizonMonths: N("1"), TPOTSLOms: N("0")},
		Model:    Model{Preset: "llama-3.1-8b", WeightBits: N("8"), KVBits: N("8")},
		Options:  []Option{{Label: "H100", Kind: Cloud, Accelerator: &Accelerator{Preset: "h100-sxm"}, ThroughputPreset: "TRT10-004"}},
	}
}

// TestCalibrationReproducesItsMeasurement: under the measurement's own
// conditions the calibrated estimate is the measurement, 15,220 tokens/s
// (to the engine's 24 places, rounded here to 10); the result names it and
// lists no difference.
func TestCalibrationReproducesItsMeasurement(t *testing.T) {
	mp, ok := FindMeasured("TRT10-004")
	if !ok || mp.InputTokens != 1000 || mp.OutputTokens != 1000 || mp.Accelerators != 1 || !mp.TokensPerS.Equal(d("15220")) || !mp.KVBits.Equal(d("8")) {
		t.Fatalf("TRT10-004 is %+v", mp)
	}
	r, err := Evaluate(calibratedScenario())
	if err != nil {
		t.Fatal(err)
	}
	o := r.Options[0]
	got := div(d("1000"), o.AcceleratorSecondsPerRequest)
	if !got.Round(10).Equal(d("15220")) {
		t.Errorf("calibrated estimate %s tokens/s, want 15,220", got)
	}
	if o.Calibration == nil || o.Calibration.Preset != "TRT10-004" || len(o.Calibration.Differences) != 0 || o.Accuracy != nil {
		t.Errorf("calibration %+v, accuracy %+v", o.Calibration, o.Accuracy)
	}
	// Uncalibrated, the estimate differs from the measurement by the factor.
	s := calibratedScenario()
	s.Options[0].ThroughputPreset = ""
	r0, _ := Evaluate(s)
	raw := div(d("1000"), r0.Options[0].AcceleratorSecondsPerRequest)
	if f := div(d("15220"), raw); !f.Round(10).Equal(o.Calibration.Factor.Round(10)) {
		t.Errorf("factor %s, want 15,220 / %s = %s", o.Calibration.Factor, raw, f)
	}
	// An MLA model on a CDNA3 preset, whose decode step pays the MLA decode
	// time: dstack's DeepSeek-R1 on 8 MI300X at 3,200 / 800 and concurrency
	// 128 (a mean of 125 in flight), 914.7383228 output tokens/s over the 8
	// GPUs, 114.3375 a GPU (measured_table.go keeps four places), held at
	// the measurement's batch. The factor scales τ with the rest, so the
	// calibrated estimate is the measurement.
	dsk := &Scenario{Version: FormatVersion,
		Workload: Workload{RequestsPerDay: N("1000"), InputTokens: N("3200"), OutputTokens: N("800"), HorizonMonths: N("1"), TPOTSLOms: N("0")},
		Model:    Model{Preset: "deepseek-v3"},
		Options:  []Option{{Label: "MI300X", Kind: Cloud, Accelerator: &Accelerator{Preset: "mi300x"}, ThroughputPreset: "DSTACK-001", MaxBatch: N("125")}}}
	rd, err := Evaluate(dsk)
	if err != nil {
		t.Fatal(err)
	}
	if got := div(d("800"), rd.Options[0].AcceleratorSecondsPerRequest); !got.Round(10).Equal(d("114.3375")) {
		t.Errorf("calibrated to DSTACK-001: %s tokens/s, want 114.3375", got)
	}
	// Other conditions: said in words.
	s = calibratedScenario()
	s.Workload.InputTokens, s.Workload.TPOTSLOms = N("2000"), N("50")
	r, _ = Evaluate(s)
	want := []string{"measured at 1,000 / 1,000 tokens, the workload has 2,000 / 1,000", "measured at maximum throughput with no latency target, the workload has one"}
	if got := r.Options[0].Calibration.Differences; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("differences %q, want %q", got, want)
	}
}

func TestCalibrationRefused(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*Scenario)
		want   string
	}{
		{"unknown", func(s *Scenario) { s.Options[0].ThroughputPreset = "TRT10-999" }, `unknown measurement "TRT10-999"`},
		{"another model", func(s *Scenario) { s.Model.Preset = "llama-3.1-70b" }, "TRT10-004 measured Llama 3.1 8B on NVIDIA H100 SXM 80 GB: choose that model and accelerator"},
		{"another accelerator", func(s *Scenario) { s.Options[0].Accelerator.Preset = "h200" }, "choose that model and accelerator"},
		{"another precision", func(s *Scenario) { s.Model.WeightBits = N("16") }, "TRT10-004 measured 8-bit weights, the model has 16"},
		{"measured rates", func(s *Scenario) {
			s.Options[0].PrefillTokensPerS, s.Options[0].DecodeTokensPerS, s.Options[0].AcceleratorsPerReplica = N("1"), N("1"), N("1")
		}, "cannot calibrate measured rates"},
	} {
		s := calibratedScenario()
		tc.change(s)
		_, err := Evaluate(s)
		if err == nil || !strings.Contains(err.Error(), "options[0].throughput_preset") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}

// TestThroughputPresetInLinksAndFiles: the preset travels in version-3
// links ("tpp") and files; an older link cannot hold it; an API option has
// none.
func TestThroughputPresetInLinksAndFiles(t *testing.T) {
	s := calibratedScenario()
	link := EncodeLink(s)
	if !strings.Contains(link, "~tpp=TRT10-004~") {
		t.Errorf("link %s", link)
	}
	back, err := DecodeLink(link)
	if err != nil || back.Options[0].ThroughputPreset != "TRT10-004" {
		t.Errorf("decoded %+v, %v", back.Options, err)
	}
	if _, err := DecodeLink("2r.o=cloud~tpp=TRT10-004"); err == nil || !strings.Contains(err.Error(), `unknown part "tpp"`) {
		t.Errorf("version 2: %v", err)
	}
	if _, err := DecodeLink("3r.o=api~tpp=TRT10-004"); err == nil {
		t.Error("an API option took a throughput preset")
	}
	f, err := DecodeScenario(strings.NewReader(`{"version": 2, "options": [{"label": "x", "kind": "cloud", "throughput_preset": "TRT10-004"}]}`))
	if err != nil || f.Options[0].ThroughputPreset != "TRT10-004" {
		t.Errorf("file: %+v, %v", f.Options, err)
	}
	if _, err := DecodeScenario(strings.NewReader(`{"version": 2, "options": [{"label": "x", "kind": "api", "throughput_preset": "TRT10-004"}]}`)); err == nil || !strings.Contains(err.Error(), "does not apply") {
		t.Errorf("file, api: %v", err)
	}
}
