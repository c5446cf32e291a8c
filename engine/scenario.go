package engine

// FormatVersion is the version of the scenario file format that this
// engine writes. Version 2 gave the time-per-output-token target a default
// (DefaultTPOTTargetMs); a version-1 scenario without one meant none, and
// upgrade says so (docs/links.md, Versions).
const FormatVersion = 2

// Kind is how an option buys compute.
type Kind string

const (
	Cloud Kind = "cloud" // rented accelerators, on demand or committed
	Owned Kind = "owned" // bought accelerators in a facility
	API   Kind = "api"   // a token API, priced per million tokens
	// Hybrid layers other options: a base (cloud committed or owned), a
	// burst rented by the hour, an API for the rest (hybrid.go).
	Hybrid Kind = "hybrid"
)

// Kinds lists the option kinds in display order.
var Kinds = []Kind{Cloud, Owned, API, Hybrid}

// Scenario is everything the user describes; it is also the JSON file
// format (snake_case, numbers written as strings).
type Scenario struct {
	Version  int      `json:"version"`
	Name     string   `json:"name,omitempty"`
	Workload Workload `json:"workload"`
	Model    Model    `json:"model"`
	Revenue  *Revenue `json:"revenue,omitempty"`
	Options  []Option `json:"options"`
	// Uncertainty holds ranges on inputs and the Monte Carlo's seed and
	// sample count (uncertainty.go); nil for none.
	Uncertainty *Uncertainty `json:"uncertainty,omitempty"`
}

// Workload is the traffic to serve.
type Workload struct {
	RequestsPerDay   Num `json:"requests_per_day,omitzero"`
	InputTokens      Num `json:"input_tokens,omitzero"`
	OutputTokens     Num `json:"output_tokens,omitzero"`
	CachedInputShare Num `json:"cached_input_share,omitzero"`
	PeakToAverage    Num `json:"peak_to_average,omitzero"`
	MonthlyGrowth    Num `json:"monthly_growth,omitzero"`
	HorizonMonths    Num `json:"horizon_months,omitzero"`
	TPOTSLOms        Num `json:"tpot_slo_ms,omitzero"`
	TTFTSLOms        Num `json:"ttft_slo_ms,omitzero"`
	// SitePowerMW is the power a site can draw, facility overhead
	// included; unset, there is no site budget (power.go).
	SitePowerMW  Num `json:"site_power_mw,omitzero"`
	DiscountRate Num `json:"discount_rate,omitzero"`
	// DailyProfile is how a day's requests spread over its 24 hours: a
	// preset's name (DailyProfiles) or 24 shares separated by commas;
	// "" is the flat day (hybrid.go). Since link format 5.
	DailyProfile string `json:"daily_profile,omitempty"`
	// SizingBasis is what the commitment sizing minimises: 0 (unset) the
	// total cost, 1 the net present cost (sizing.go, Basis).
	SizingBasis Num `json:"sizing_basis,omitzero"`
}

// Model is the served model: a catalog preset, custom shape, or a preset
// with overrides.
type Model struct {
	Preset          string `json:"preset,omitempty"`
	TotalParamsB    Num    `json:"total_params_b,omitzero"`
	ActiveParamsB   Num    `json:"active_params_b,omitzero"`
	Experts         Num    `json:"experts,omitzero"`
	ExpertsPerToken Num    `json:"experts_per_token,omitzero"`
	RoutedParamsB   Num    `json:"routed_params_b,omitzero"`
	Layers          Num    `json:"layers,omitzero"`
	KVHeads         Num    `json:"kv_heads,omitzero"`
	HeadDim         Num    `json:"head_dim,omitzero"`
	KVBytesPerToken Num    `json:"kv_bytes_per_token,omitzero"`
	HiddenSize      Num    `json:"hidden_size,omitzero"`
	AttentionHeads  Num    `json:"attention_heads,omitzero"`
	// SlidingWindowLayers of Layers attend to the last SlidingWindow
	// tokens only (gpt-oss, Gemma 3): their KV is held and read for the
	// window, not the whole context.
	SlidingWindowLayers Num `json:"sliding_window_layers,omitzero"`
	SlidingWindow       Num `json:"sliding_window,omitzero"`
	WeightBits          Num `json:"weight_bits,omitzero"`
	KVBits              Num `json:"kv_bits,omitzero"`
}

// Revenue is what the user charges their own customers.
type Revenue struct {
	PriceInputPerM       Num `json:"price_input_per_m,omitzero"`
	PriceCachedInputPerM Num `json:"price_cached_input_per_m,omitzero"`
	PriceOutputPerM      Num `json:"price_output_per_m,omitzero"`
	PriceChange          Num `json:"price_change,omitzero"` // a share a year
}

// Accelerator is a catalog preset, custom specs, or a preset with overrides.
type Accelerator struct {
	Preset           string `json:"preset,omitempty"`
	MemoryGB         Num    `json:"memory_gb,omitzero"`
	BandwidthTBps    Num    `json:"bandwidth_tbps,omitzero"`
	TFLOPS           Num    `json:"tflops,omitzero"`
	InterconnectGBps Num    `json:"interconnect_gbps,omitzero"`
	ScaleUpDomain    Num    `json:"scale_up_domain,omitzero"`
	ScaleOutGBps     Num    `json:"scale_out_gbps,omitzero"`
	PowerKW          Num    `json:"power_kw,omitzero"`
	StackEfficiency  Num    `json:"stack_efficiency,omitzero"`
	MLADecodeNs      Num    `json:"mla_decode_ns,omitzero"`
}

// Option is one way to serve the workload. Which fields apply depends on
// Kind; the field registry (fields.go) says which.
type Option struct {
	Label       string       `json:"label"`
	Kind        Kind         `json:"kind"`
	Accelerator *Accelerator `json:"accelerator,omitempty"`
	// ThroughputPreset names a published measurement (MeasuredPresets) the
	// estimate is calibrated to; "" for none. Self-hosted options only.
	ThroughputPreset string `json:"throughput_preset,omitempty"`

	// cloud
	HourlyRate         Num `json:"hourly_rate,omitzero"`
	CommitAccelerators Num `json:"commit_accelerators,omitzero"`
	CommitHourlyRate   Num `json:"commit_hourly_rate,omitzero"`
	CommitMonths       Num `json:"commit_months,omitzero"`
	HourlyRateChange   Num `json:"hourly_rate_change,omitzero"` // a share a year
	// Commitments are tiers beyond the first (the three fields above, from
	// month 1, nothing upfront): ramps, renewals, tranches, prepaid terms.
	// At most MaxCommitments.
	Commitments []Commitment `json:"commitments,omitempty"`

	// owned
	CapexPerAccelerator Num `json:"capex_per_accelerator,omitzero"`
	CapexChange         Num `json:"capex_change,omitzero"` // a share a year
	DepreciationYears   Num `json:"depreciation_years,omitzero"`
	ResidualShare       Num `json:"residual_share,omitzero"`
	CostOfCapital       Num `json:"cost_of_capital,omitzero"`
	PowerKW             Num `json:"power_kw,omitzero"`
	IdlePowerShare      Num `json:"idle_power_share,omitzero"`
	PUE                 Num `json:"pue,omitzero"`
	ElectricityPerKWh   Num `json:"electricity_per_kwh,omitzero"`
	ColoPerKWMonth      Num `json:"colo_per_kw_month,omitzero"`
	OpexSharePerYear    Num `json:"opex_share_per_year,omitzero"`
	StaffPerMonth       Num `json:"staff_per_month,omitzero"`
	// owned: refresh, resale and financing (link format 4)
	Refresh         Num `json:"refresh,omitzero"`
	ResaleAtHorizon Num `json:"resale_at_horizon,omitzero"`
	LoanMonths      Num `json:"loan_months,omitzero"`
	LoanRate        Num `json:"loan_rate,omitzero"`
	LoanDownShare   Num `json:"loan_down_share,omitzero"`
	LeaseMonths     Num `json:"lease_months,omitzero"`
	LeaseRateFactor Num `json:"lease_rate_factor,omitzero"`

	// api
	PriceInputPerM       Num `json:"price_input_per_m,omitzero"`
	PriceCachedInputPerM Num `json:"price_cached_input_per_m,omitzero"`
	PriceOutputPerM      Num `json:"price_output_per_m,omitzero"`
	PriceChange          Num `json:"price_change,omitzero"` // a share a year

	// self-hosted throughput: measured, or estimated by the roofline
	PrefillTokensPerS      Num `json:"prefill_tokens_per_s,omitzero"`
	DecodeTokensPerS       Num `json:"decode_tokens_per_s,omitzero"`
	AcceleratorsPerReplica Num `json:"accelerators_per_replica,omitzero"`
	// disaggregated serving (link format 6): prefill and decode pools
	Disaggregated                 Num `json:"disaggregated,omitzero"`
	PrefillAcceleratorsPerReplica Num `json:"prefill_accelerators_per_replica,omitzero"`
	MBU                           Num `json:"mbu,omitzero"`
	MFU                           Num `json:"mfu,omitzero"`
	UsableMemoryShare             Num `json:"usable_memory_share,omitzero"`
	MaxBatch                      Num `json:"max_batch,omitzero"`
	CollectiveLatencyUs           Num `json:"collective_latency_us,omitzero"`
	RequestOverheadMs             Num `json:"request_overhead_ms,omitzero"` // link format 7
	MaxUtilization                Num `json:"max_utilization,omitzero"`
	SpareReplicas                 Num `json:"spare_replicas,omitzero"`

	// hybrid: its layers name other options by number (1 is the first)
	BaseOption           Num `json:"base_option,omitzero"`
	BaseAccelerators     Num `json:"base_accelerators,omitzero"`
	BurstOption          Num `json:"burst_option,omitzero"`
	BurstMaxAccelerators Num `json:"burst_max_accelerators,omitzero"`
	BurstMinHours        Num `json:"burst_min_hours,omitzero"`
	OverflowOption       Num `json:"overflow_option,omitzero"`
}

// Commitment is one tier of a cloud option's commitments: accelerators
// reserved take-or-pay at a rate for a term from a start month, with a share
// of the whole term's price paid upfront. Its fields are CommitmentFields.
type Commitment struct {
	Accelerators Num `json:"accelerators,omitzero"`
	HourlyRate   Num `json:"hourly_rate,omitzero"`
	StartMonth   Num `json:"start_month,omitzero"`
	Months       Num `json:"months,omitzero"`
	UpfrontShare Num `json:"upfront_share,omitzero"`
}

// SelfHosted reports whether the option runs its own accelerators.
func (k Kind) SelfHosted() bool { return k == Cloud || k == Owned }

// Valid reports one of Kinds.
func (k Kind) Valid() bool { return k == Cloud || k == Owned || k == API || k == Hybrid }

// Clone returns a deep copy, so that editing it never touches s.
func (s Scenario) Clone() Scenario {
	c := s
	if s.Revenue != nil {
		r := *s.Revenue
		c.Revenue = &r
	}
	c.Uncertainty = s.Uncertainty.Clone()
	c.Options = make([]Option, len(s.Options))
	for i, o := range s.Options {
		c.Options[i] = o.Clone()
	}
	return c
}

// Clone returns a deep copy of the option.
func (o Option) Clone() Option {
	if o.Accelerator != nil {
		a := *o.Accelerator
		o.Accelerator = &a
	}
	if o.Commitments != nil {
		o.Commitments = append([]Commitment(nil), o.Commitments...)
	}
	return o
}
