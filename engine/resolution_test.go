package engine

import "testing"

// resolvedAt finds a field of a resolution by its path.
func resolvedAt(t *testing.T, r *Resolution, path string) *Resolved {
	t.Helper()
	for e := range r.All() {
		if e.Path() == path {
			return e
		}
	}
	t.Fatalf("no field %s in the resolution", path)
	return nil
}

// TestResolve checks values and origins worked by hand from the catalog
// (catalog.go) and the defaults (defaults.go), for a preset scenario and a
// custom one.
func TestResolve(t *testing.T) {
	const (
		h100      = "NVIDIA H100 SXM 80 GB"
		h100Specs = "https://www.nvidia.com/en-us/data-center/h100/"
		lambda    = "https://lambda.ai/pricing"
		llama     = "Llama 3.1 70B"
		llamaSrc  = "https://huggingface.co/meta-llama/Llama-3.1-70B/blob/main/config.json"
		deepseek  = "DeepSeek-V3 (MoE, MLA, FP8)"
		asOf      = "2026-11-01"
	)
	preset := &Scenario{
		Version:  1,
		Workload: Workload{RequestsPerDay: N("1000"), InputTokens: N("100"), OutputTokens: N("10")},
		Model:    Model{Preset: "llama-3.1-70b"},
		Revenue:  &Revenue{PriceInputPerM: N("3"), PriceOutputPerM: N("9")},
		Options: []Option{
			{Label: "rented", Kind: Cloud, Accelerator: &Accelerator{Preset: "h100-sxm"}},
			{Label: "owned", Kind: Owned, Accelerator: &Accelerator{Preset: "h100-sxm"}},
			{Label: "api", Kind: API, PriceInputPerM: N("0.5"), PriceOutputPerM: N("2")},
			{Label: "measured", Kind: Cloud, Accelerator: &Accelerator{Preset: "h100-sxm"}, HourlyRate: N("2.5"),
				CommitAccelerators: N("4"), PrefillTokensPerS: N("9000"), DecodeTokensPerS: N("900")},
		},
	}
	custom := &Scenario{
		Version: 1,
		Model:   Model{WeightBits: N("8"), KVBytesPerToken: N("1000")},
		Options: []Option{
			{Label: "rented", Kind: Cloud, Accelerator: &Accelerator{}},
			{Label: "owned", Kind: Owned, Accelerator: &Accelerator{PowerKW: N("1")}},
			{Label: "committed", Kind: Cloud, Accelerator: &Accelerator{Preset: "h100-sxm"}, CommitAccelerators: N("2")},
		},
	}
	amd := &Scenario{Version: 2, Model: Model{Preset: "llama-3.1-70b"},
		Options: []Option{{Label: "m", Kind: Cloud, Accelerator: &Accelerator{Preset: "mi300x"}}}}
	amdOwn := &Scenario{Version: 2, Model: Model{Preset: "llama-3.1-70b"},
		Options: []Option{{Label: "m", Kind: Cloud, Accelerator: &Accelerator{Preset: "mi300x", StackEfficiency: N("0.9")}, MFU: N("0.6")}}}
	fp8 := &Scenario{Version: 2, Model: Model{Preset: "deepseek-v3", KVBits: N("8")},
		Options: []Option{{Label: "b", Kind: Cloud, Accelerator: &Accelerator{Preset: "h100-sxm"}}}}

	for _, tc := range []struct {
		s      *Scenario
		path   string
		value  string // "" for none
		origin Origin
		unused bool
	}{
		{preset, "workload.requests_per_day", "1000", Origin{Kind: OriginUser}, false},
		{preset, "workload.horizon_months", "36", Origin{Kind: OriginDefault}, false},
		// A version-1 scenario had no default target: the upgrade states
		// none (0), as if the user had typed it.
		{preset, "workload.tpot_slo_ms", "0", Origin{Kind: OriginUser}, false},
		{preset, "workload.ttft_slo_ms", "", Origin{Kind: OriginNone, Rule: "no target"}, false},
		// Format 2 defaults to 50 ms a token.
		{fp8, "workload.tpot_slo_ms", "50", Origin{Kind: OriginDefault}, false},
		{preset, "model.total_params_b", "70.6", Origin{Kind: OriginPreset, Preset: llama, Source: llamaSrc, AsOf: asOf}, false},
		// A dense preset: the active parameters are the total.
		{preset, "model.active_params_b", "70.6", Origin{Kind: OriginDerived, Rule: "the total parameters: a dense model", From: "model.total_params_b"}, false},
		{preset, "model.experts", "", Origin{Kind: OriginNone, Rule: "a dense model, or an MoE described by its active parameters alone"}, false},
		{preset, "model.kv_bytes_per_token", "", Origin{Kind: OriginNone, Rule: "2 × layers × KV heads × head dimension × KV precision"}, false},
		{preset, "revenue.price_cached_input_per_m", "3", Origin{Kind: OriginDerived, Rule: "the input price", From: "revenue.price_input_per_m"}, false},
		{preset, "options[0].hourly_rate", "2.99", Origin{Kind: OriginPreset, Rule: "indicative", Preset: h100, Source: lambda, AsOf: asOf}, false},
		{preset, "options[0].commit_hourly_rate", "2.99", Origin{Kind: OriginDerived, Rule: "the hourly rate", From: "options[0].hourly_rate"}, true},
		{preset, "options[0].accelerator.tflops", "989", Origin{Kind: OriginPreset, Rule: "BF16: weights above 8 bits", Preset: h100, Source: h100Specs, AsOf: asOf}, false},
		{preset, "options[0].mbu", "0.8", Origin{Kind: OriginDefault}, false},
		// An NVIDIA Hopper preset has no stack efficiency: 1, MBU and MFU as fitted.
		{preset, "options[0].accelerator.stack_efficiency", "", Origin{Kind: OriginNone, Rule: "1: the accelerators MBU and MFU were fitted on (NVIDIA Hopper and older, Intel Gaudi 3)"}, false},
		{preset, "options[0].prefill_tokens_per_s", "", Origin{Kind: OriginNone, Rule: "estimated"}, true},
		// Capex: the rental page states no purchase price, so the figure is
		// an estimate with no source of its own (docs/catalog-audit.md).
		{preset, "options[1].capex_per_accelerator", "35000", Origin{Kind: OriginPreset, Rule: capexWords, Preset: h100, AsOf: asOf}, false},
		// All-in power: 0.7 kW of board power × 1.8 = 1.26 kW.
		{preset, "options[1].power_kw", "1.26", Origin{Kind: OriginDerived, Rule: "1.8 × board power", From: "options[1].accelerator.power_kw"}, false},
		{preset, "options[1].pue", "1.3", Origin{Kind: OriginDefault}, false},
		{preset, "options[2].price_cached_input_per_m", "0.5", Origin{Kind: OriginDerived, Rule: "the input price", From: "options[2].price_input_per_m"}, false},
		{preset, "options[3].commit_hourly_rate", "2.5", Origin{Kind: OriginDerived, Rule: "the hourly rate", From: "options[3].hourly_rate"}, false},
		{preset, "options[3].mbu", "0.8", Origin{Kind: OriginDefault}, true},
		// AMD Instinct: the fitted stack efficiency 0.75 scales the default
		// MBU and MFU: 0.8 × 0.75 = 0.6 and 0.6 × 0.75 = 0.45.
		{amd, "options[0].accelerator.stack_efficiency", "0.75", Origin{Kind: OriginPreset, Preset: "AMD Instinct MI300X 192 GB", Source: amdEfficiencySource, AsOf: asOf}, false},
		{amd, "options[0].mbu", "0.6", Origin{Kind: OriginDerived, Rule: "0.8 × the accelerator's stack efficiency", From: "options[0].accelerator.stack_efficiency"}, false},
		{amd, "options[0].mfu", "0.45", Origin{Kind: OriginDerived, Rule: "0.6 × the accelerator's stack efficiency", From: "options[0].accelerator.stack_efficiency"}, false},
		// CDNA3's fitted MLA decode time (the twentieth round), from the
		// preset's efficiency source; none on an NVIDIA preset.
		{amd, "options[0].accelerator.mla_decode_ns", "200", Origin{Kind: OriginPreset, Preset: "AMD Instinct MI300X 192 GB", Source: amdEfficiencySource, AsOf: asOf}, false},
		{preset, "options[0].accelerator.mla_decode_ns", "", Origin{Kind: OriginNone, Rule: "0: no MLA decode term (fitted for AMD CDNA3 only)"}, false},
		// The user's stack efficiency scales them the same way: 0.8 × 0.9 = 0.72;
		// an MBU the user gives is used as given.
		{amdOwn, "options[0].mbu", "0.72", Origin{Kind: OriginDerived, Rule: "0.8 × the accelerator's stack efficiency", From: "options[0].accelerator.stack_efficiency"}, false},
		{amdOwn, "options[0].mfu", "0.6", Origin{Kind: OriginUser}, false},
		{preset, "options[3].accelerator.bandwidth_tbps", "3.35", Origin{Kind: OriginPreset, Preset: h100, Source: h100Specs, AsOf: asOf}, true},
		{preset, "options[3].decode_tokens_per_s", "900", Origin{Kind: OriginUser}, false},

		{custom, "workload.requests_per_day", "", Origin{Kind: OriginRequired}, false},
		{custom, "model.total_params_b", "", Origin{Kind: OriginRequired}, false},
		{custom, "model.kv_bits", "16", Origin{Kind: OriginDefault}, false},
		{custom, "model.layers", "", Origin{Kind: OriginNone, Rule: "not needed: the KV bytes per token are known"}, false},
		{custom, "options[0].accelerator.memory_gb", "", Origin{Kind: OriginRequired}, false},
		{custom, "options[0].accelerator.interconnect_gbps", "", Origin{Kind: OriginNone, Rule: "no communication term"}, false},
		{custom, "options[0].hourly_rate", "", Origin{Kind: OriginRequired}, false},
		{custom, "options[0].commit_hourly_rate", "", Origin{Kind: OriginNone, Rule: "not needed: nothing is committed"}, true},
		{custom, "options[1].power_kw", "1.8", Origin{Kind: OriginDerived, Rule: "1.8 × board power", From: "options[1].accelerator.power_kw"}, false},
		{custom, "options[1].capex_per_accelerator", "", Origin{Kind: OriginRequired}, false},
		// 8-bit weights run at the FP8 rate.
		{custom, "options[2].accelerator.tflops", "1979", Origin{Kind: OriginPreset, Rule: "FP8: weights of 8 bits", Preset: h100, Source: h100Specs, AsOf: asOf}, false},
		{custom, "options[2].commit_hourly_rate", "2.99", Origin{Kind: OriginDerived, Rule: "the hourly rate", From: "options[2].hourly_rate"}, false},

		// MoE preset: its own active parameters. MLA: its KV bytes at 16
		// bits, halved at 8: 70,272 / 2 = 35,136.
		{fp8, "model.active_params_b", "37", Origin{Kind: OriginPreset, Preset: deepseek, Source: "https://huggingface.co/deepseek-ai/DeepSeek-V3/blob/main/config.json", AsOf: asOf}, false},
		{fp8, "model.kv_bytes_per_token", "35136", Origin{Kind: OriginPreset, Rule: "scaled to the KV precision", Preset: deepseek, Source: "https://huggingface.co/deepseek-ai/DeepSeek-V3/blob/main/config.json", AsOf: asOf}, false},
		{fp8, "model.kv_heads", "", Origin{Kind: OriginNone, Rule: "not needed: the KV bytes per token are known"}, false},
	} {
		e := resolvedAt(t, Resolve(tc.s), tc.path)
		got := ""
		if v, ok := e.Value(); ok {
			got = v.String()
		}
		if got != tc.value || e.Origin() != tc.origin || e.Used() == tc.unused {
			t.Errorf("%s = %q from %+v (used %t), want %q from %+v (used %t)", tc.path, got, e.Origin(), e.Used(), tc.value, tc.origin, !tc.unused)
		}
		if want := tc.origin.Kind == OriginRequired; e.Missing() != want {
			t.Errorf("%s: missing %t, want %t", tc.path, e.Missing(), want)
		}
	}
}

// TestResolveValues: the resolution's Values hold what the engine uses:
// the user's value, else the default, else nothing.
func TestResolveValues(t *testing.T) {
	s := handScenario(measuredCloud())
	s.Workload.MonthlyGrowth = ParseNum("fast") // unreadable: the default stands in
	r := Resolve(s)
	w := r.Values.Workload
	if !w.RequestsPerDay.Equal(N("86400")) || !w.MonthlyGrowth.Equal(N("0")) || !w.TPOTSLOms.Equal(N("0")) || w.TTFTSLOms.Set() {
		t.Errorf("workload values: %+v", w)
	}
	if o := r.Values.Options[0]; !o.CommitHourlyRate.Equal(N("2")) || !o.MBU.Equal(NumOf(DefaultMBU)) {
		t.Errorf("option values: commit rate %s, MBU %s", o.CommitHourlyRate, o.MBU)
	}
	if s.Options[0].MBU.Set() {
		t.Error("Resolve changed the scenario")
	}
}

// TestEveryFieldHasARule: every registry field has a default rule, and a
// field that resolves to no value is either required or says what its
// absence means.
func TestEveryFieldHasARule(t *testing.T) {
	var fields []*Field
	for i := range WorkloadFields {
		fields = append(fields, &WorkloadFields[i].Field)
	}
	for i := range ModelFields {
		fields = append(fields, &ModelFields[i].Field)
	}
	for i := range AcceleratorFields {
		fields = append(fields, &AcceleratorFields[i].Field)
	}
	for i := range RevenueFields {
		fields = append(fields, &RevenueFields[i].Field)
	}
	for i := range OptionFields {
		fields = append(fields, &OptionFields[i].Field)
	}
	for _, f := range fields {
		if f.Default == nil {
			t.Errorf("%s has no default rule", f.Key)
		}
	}
	bare := &Scenario{Revenue: &Revenue{}}
	for _, k := range Kinds {
		bare.Options = append(bare.Options, Option{Kind: k, Accelerator: &Accelerator{}})
	}
	for _, s := range []*Scenario{bare, loadReference(t)} {
		for e := range Resolve(s).All() {
			if o := e.Origin(); o.Kind == OriginNone && o.Rule == "" {
				t.Errorf("%s: no value, not required, and no words for why", e.Path())
			}
		}
	}
}
