package engine

import "github.com/shopspring/decimal"

// Field describes one numeric input: where it lives, its range, unit and
// help. Validation, the link codec, sensitivity and the UI all read this one
// registry, so a field is declared once.
type Field struct {
	Key   string // JSON name, e.g. "hourly_rate"
	Link  string // short key in links; never reused once released
	Label string
	Unit  string
	Help  string

	Min, Max     decimal.Decimal
	MinExclusive bool // the value must be > Min
	Integer      bool

	// Default is the rule that gives the field its value when the user
	// gives none (defaults.go): a constant, a preset's figure, another
	// field's value, or none (the field is then required, or optional).
	Default Rule

	// Sensitive fields are moved by the sensitivity (tornado) analysis.
	Sensitive bool
	// CostOnly fields change what capacity costs, not how much is needed
	// or how fast it serves: moving one leaves each candidate replica's
	// throughput and capacity as they are (the sensitivity analysis reuses
	// them), though which candidate is cheapest may change.
	CostOnly bool
	// Use says when the value can matter at all.
	Use Use

	// Since is the link format version that introduced the field: a link
	// of an older version cannot hold it (0 means version 1).
	Since int
}

// Use says when a field's value can matter, beyond the option kinds it
// applies to.
type Use uint8

const (
	Always    Use = iota
	Estimated     // only when throughput is estimated (the roofline), not measured
	Measured      // only with measured throughput
	Committed     // only when accelerators are committed
	Bought        // only when owned hardware is bought, not leased
	Loan          // only when purchases are financed by a loan
	Leased        // only when owned hardware is leased
	Split         // only with disaggregated serving (and estimated throughput)
)

// bounds is shorthand for a field's range.
func bounds(min, max string) (decimal.Decimal, decimal.Decimal) {
	return decimal.RequireFromString(min), decimal.RequireFromString(max)
}

func field(key, link, label, unit, help, min, max string, def Rule, opts ...func(*Field)) Field {
	lo, hi := bounds(min, max)
	f := Field{Key: key, Link: link, Label: label, Unit: unit, Help: help, Min: lo, Max: hi, Default: def}
	for _, o := range opts {
		o(&f)
	}
	return f
}

func integer(f *Field)   { f.Integer = true }
func positive(f *Field)  { f.MinExclusive = true }
func sensitive(f *Field) { f.Sensitive = true }
func costOnly(f *Field)  { f.CostOnly = true }

// only marks a field whose value matters only under u.
func only(u Use) func(*Field) { return func(f *Field) { f.Use = u } }

// since marks a field introduced by link format version v.
func since(v int) func(*Field) { return func(f *Field) { f.Since = v } }

// InLink reports whether a link of the given format version can hold the
// field.
func (f Field) InLink(version int) bool { return f.Since <= version }

// WorkloadField is a workload input with its accessor.
type WorkloadField struct {
	Field
	Get func(*Workload) *Num
}

// ModelField is a model input with its accessor.
type ModelField struct {
	Field
	Get func(*Model) *Num
}

// AcceleratorField is an accelerator spec with its accessor.
type AcceleratorField struct {
	Field
	Get func(*Accelerator) *Num
}

// RevenueField is a revenue price with its accessor.
type RevenueField struct {
	Field
	Get func(*Revenue) *Num
}

// CommitmentField is a field of one commitment tier (Option.Commitments)
// with its accessor. A link holds a tier as one token whose value lists the
// fields in this order (docs/links.md), so Link is empty and the order is
// part of the link format: a field is only ever appended.
type CommitmentField struct {
	Field
	Get func(*Commitment) *Num
}

// MaxCommitments bounds the tiers an option lists beyond the first.
const MaxCommitments = 8

// CommitmentFields lists a tier's fields in display (and link) order.
var CommitmentFields = []CommitmentField{
	{field("accelerators", "", "Accelerators", "accelerators", "Accelerators reserved take-or-pay for the tier's term, paid whether used or not; demand above every tier is rented on demand.", "0", "1000000", required, integer, since(4)),
		func(c *Commitment) *Num { return &c.Accelerators }},
	{field("hourly_rate", "", "Rate", "$/accelerator-hour", "All-in price of one committed accelerator-hour at this tier's upfront share, as negotiated: the upfront payment is part of it, not on top. Defaults to the on-demand hourly rate.", "0", "10000", tierRate, costOnly, since(4)),
		func(c *Commitment) *Num { return &c.HourlyRate }},
	{field("start_month", "", "Start month", "month", "First month of the tier (1 is the first month of the horizon). A ramp starts later; a renewal starts the month after the tier it renews ends.", "1", "120", constant(one), integer, since(4)),
		func(c *Commitment) *Num { return &c.StartMonth }},
	{field("months", "", "Length", "months", "Months the tier runs from its start month; months past the horizon are not costed (an upfront payment for them is still paid).", "1", "120", required, integer, since(4)),
		func(c *Commitment) *Num { return &c.Months }},
	{field("upfront_share", "", "Upfront share", "0–1", "Share of the tier's whole price (accelerators × rate × 730 h × months) paid in cash at its start month: 0 none, 1 all. The rest is paid monthly. The economic cost is the same each month of the term either way.", "0", "1", constant(zero), since(4)),
		func(c *Commitment) *Num { return &c.UpfrontShare }},
}

// OptionField is an option input, the kinds it applies to, and its accessor.
type OptionField struct {
	Field
	Kinds []Kind
	// Group folds fields in the UI: "price", "commit", "facility", "finance", "throughput", "advanced".
	Group string
	Get   func(*Option) *Num
}

// AppliesTo reports whether the field is used by options of kind k.
func (f OptionField) AppliesTo(k Kind) bool {
	for _, x := range f.Kinds {
		if x == k {
			return true
		}
	}
	return false
}

var selfHosted = []Kind{Cloud, Owned}

// rateHelp is the help of an annual rate of change of what.
func rateHelp(what, more string) string {
	return "The yearly change of " + what + ", e.g. −0.3 for a price falling 30 % a year; month 1 is at today's price and each month moves by the 12th root of (1 + rate)." + more + " 0 for no change."
}

// WorkloadFields lists the workload inputs in display order.
var WorkloadFields = []WorkloadField{
	{field("requests_per_day", "rpd", "Requests a day", "requests/day", "Average daily requests in month 1.", "0", "1000000000000", required, positive, sensitive),
		func(w *Workload) *Num { return &w.RequestsPerDay }},
	{field("input_tokens", "in", "Input tokens", "tokens/request", "Prompt tokens per request, system prompt and context included.", "0", "10000000", required, integer, sensitive),
		func(w *Workload) *Num { return &w.InputTokens }},
	{field("output_tokens", "out", "Output tokens", "tokens/request", "Generated tokens per request.", "1", "1000000", required, integer, sensitive),
		func(w *Workload) *Num { return &w.OutputTokens }},
	{field("cached_input_share", "cache", "Cached input share", "0–1", "Share of input tokens served from the prefix cache: they cost no prefill and are billed at the cached price by APIs.", "0", "1", constant(DefaultCachedInputShare), sensitive),
		func(w *Workload) *Num { return &w.CachedInputShare }},
	{field("peak_to_average", "p2a", "Peak to average", "×", "Peak load over average load; self-hosted capacity is sized for the peak. With a daily profile, defaults to its busiest hour's share × 24.", "1", "100", profilePeak, sensitive),
		func(w *Workload) *Num { return &w.PeakToAverage }},
	{field("monthly_growth", "g", "Monthly growth", "share/month", "Growth of daily requests each month, e.g. 0.05 for 5 %.", "-0.5", "1", constant(DefaultMonthlyGrowth), sensitive),
		func(w *Workload) *Num { return &w.MonthlyGrowth }},
	{field("horizon_months", "h", "Horizon", "months", "How many months to cost.", "1", "120", constant(DefaultHorizonMonths), integer),
		func(w *Workload) *Num { return &w.HorizonMonths }},
	{field("tpot_slo_ms", "slo", "Time per output token target", "ms", "The slowest acceptable time between two output tokens for each user: 50 ms is 20 tokens/s per user, a chat reply faster than people read. It counts the decode step and the share of other requests' prompts each step also processes, and limits the batch. 0 for no target (batch throughput).", "0", "100000", constant(DefaultTPOTTargetMs)),
		func(w *Workload) *Num { return &w.TPOTSLOms }},
	{field("ttft_slo_ms", "ttft", "Time to first token target", "ms", "Optional: the slowest acceptable wait for the first token, held against the estimate: the option's fixed time a request for the server, tokenizer and scheduler (request_overhead_ms, "+RequestOverheadMs.String()+" ms by default), the prompt's prefill on an idle replica and a decode step; queueing is not included. It rules out replicas too narrow to prefill the prompt in time. Each option's time-to-first-token band says how far published runs landed from the estimate.", "0", "3600000", optional("no target"), positive, since(3)),
		func(w *Workload) *Num { return &w.TTFTSLOms }},
	{field("site_power_mw", "mw", "Site power", "MW", "Optional: the power a site can draw from the grid, cooling and facility overhead included (1,000 MW is 1 GW). The results then show, for each self-hosted option, the accelerators it hosts, what they serve and cost, and the month the workload outgrows it. A hybrid option's base alone is on the site: its bursts are rented by the hour elsewhere.", "0", "10000", optional("no site budget"), positive, since(4)),
		func(w *Workload) *Num { return &w.SitePowerMW }},
	{field("discount_rate", "dr", "Discount rate", "share/year", "The annual rate at which future cash is discounted for each option's net present value, discounted payback and the ranking by NPV; each month's cash counts at the month's end. E.g. 0.1 for 10 % a year.", "0", "1", constantSaid(DefaultCostOfCapital, "the engine's default cost of capital"), since(4)),
		func(w *Workload) *Num { return &w.DiscountRate }},
	{field("sizing_basis", "sb", "Commitment sizing basis", "0 or 1", "What the commitment sizing minimises. 0: the total cost over the horizon, every month's cost counted in full. 1: the net present cost at the discount rate, each month's cash discounted from the month's end (an upfront payment at its tier's start month), so that money paid later weighs less.", "0", "1", constant(decimal.Zero), integer, since(5)),
		func(w *Workload) *Num { return &w.SizingBasis }},
}

// ModelFields lists the model shape inputs in display order.
var ModelFields = []ModelField{
	{field("total_params_b", "tp", "Total parameters", "billions", "All parameters, every expert included: they all sit in memory.", "0", "100000", modelPreset(required), positive),
		func(m *Model) *Num { return &m.TotalParamsB }},
	{field("active_params_b", "ap", "Active parameters", "billions", "Parameters used per token (MoE); equal to total for dense models.", "0", "100000", moePreset(derived("total_params_b", "the total parameters: a dense model", func(sc *scope) Num { return sc.v.Model.TotalParamsB }, optional("the total parameters: a dense model"))), positive),
		func(m *Model) *Num { return &m.ActiveParamsB }},
	{field("experts", "ex", "Routed experts", "per MoE layer", "MoE: routed experts in each MoE layer, shared experts not counted. With experts per token and routed-expert parameters, it sets how much of the weights a decode step reads.", "1", "100000", modelPreset(noExperts), integer, since(2)),
		func(m *Model) *Num { return &m.Experts }},
	{field("experts_per_token", "ek", "Experts per token", "experts", "MoE: routed experts each token uses in each MoE layer.", "1", "100000", modelPreset(noExperts), integer, since(2)),
		func(m *Model) *Num { return &m.ExpertsPerToken }},
	{field("routed_params_b", "rp", "Routed-expert parameters", "billions", "MoE: parameters in the routed experts of all layers. The rest (attention, embeddings, shared experts, dense layers) is read at every decode step; a routed expert only when a token of the batch uses it.", "0", "100000", modelPreset(noExperts), positive, since(2)),
		func(m *Model) *Num { return &m.RoutedParamsB }},
	{field("layers", "ly", "Layers", "", "Transformer layers.", "1", "10000", modelPreset(kvShape), integer),
		func(m *Model) *Num { return &m.Layers }},
	{field("kv_heads", "kvh", "KV heads", "", "Key-value heads per layer (GQA).", "1", "10000", modelPreset(kvShape), integer),
		func(m *Model) *Num { return &m.KVHeads }},
	{field("head_dim", "hd", "Head dimension", "", "Dimension of one attention head.", "1", "100000", modelPreset(kvShape), integer),
		func(m *Model) *Num { return &m.HeadDim }},
	{field("kv_bytes_per_token", "kvb", "KV bytes per token", "bytes", "KV cache per token at the model's KV precision, for MLA and other layouts; overrides layers × heads × dim.", "0", "1000000000", kvBytes, positive),
		func(m *Model) *Num { return &m.KVBytesPerToken }},
	{field("hidden_size", "hid", "Hidden size", "", "Model dimension: a tensor-parallel replica exchanges it for every token, twice a layer.", "1", "1000000", modelPreset(optional("no communication term")), integer, since(2)),
		func(m *Model) *Num { return &m.HiddenSize }},
	{field("attention_heads", "ah", "Attention heads", "", "MLA models (KV bytes per token given, no head dimension): query heads per layer. Every head attends to each cached token's latent, so the attention's compute grows with the context. Unset, or for other models, it is left out.", "1", "100000", modelPreset(optional("no attention compute term")), integer, since(5)),
		func(m *Model) *Num { return &m.AttentionHeads }},
	{field("sliding_window_layers", "swl", "Sliding-window layers", "layers", "Layers, of all the layers, whose attention sees only the last so many tokens (the sliding window): a decode step reads their KV cache for the window alone. Memory still holds it for the whole sequence, as TensorRT-LLM and SGLang hold it by default (vLLM's hybrid KV cache manager holds the window alone, and so fits more sequences than this estimate). gpt-oss: half its layers at 128 tokens; Gemma 3: five layers in six at 1,024. 0: every layer attends to the whole context.", "0", "10000", modelPreset(optional("every layer attends to the whole context")), integer, since(9)),
		func(m *Model) *Num { return &m.SlidingWindowLayers }},
	{field("sliding_window", "sww", "Sliding window", "tokens", "The tokens a sliding-window layer attends to; with sliding-window layers.", "1", "100000000", modelPreset(optional("no sliding-window layers")), integer, since(9)),
		func(m *Model) *Num { return &m.SlidingWindow }},
	{field("weight_bits", "wb", "Weight precision", "bits", "16 for BF16, 8 for FP8, 4 for FP4.", "0", "32", modelPreset(constant(DefaultBits)), positive),
		func(m *Model) *Num { return &m.WeightBits }},
	{field("kv_bits", "kb", "KV cache precision", "bits", "16 for BF16, 8 for FP8.", "0", "32", modelPreset(constant(DefaultBits)), positive),
		func(m *Model) *Num { return &m.KVBits }},
}

// AcceleratorFields lists the accelerator specs.
var AcceleratorFields = []AcceleratorField{
	{field("memory_gb", "mem", "Memory", "GB", "Accelerator memory (10^9 bytes).", "0", "100000", spec(func(p *AcceleratorPreset) Num { return p.MemoryGB }, required), positive, only(Estimated)),
		func(a *Accelerator) *Num { return &a.MemoryGB }},
	{field("bandwidth_tbps", "bw", "Memory bandwidth", "TB/s", "10^12 bytes a second.", "0", "1000", spec(func(p *AcceleratorPreset) Num { return p.BandwidthTBps }, required), positive, sensitive, only(Estimated)),
		func(a *Accelerator) *Num { return &a.BandwidthTBps }},
	{field("tflops", "fl", "Dense TFLOPS", "TFLOPS", "Dense tensor throughput at the precision the matmuls run at: FP8 for 8-bit weights, BF16 above 8 bits; below 8 bits FP8 on a chip with a 4-bit float path, else BF16 (weight-only kernels).", "0", "1000000", tflops, positive, sensitive, only(Estimated)),
		func(a *Accelerator) *Num { return &a.TFLOPS }},
	{field("interconnect_gbps", "ic", "Scale-up bandwidth", "GB/s", "Bandwidth between the accelerators of one replica, per accelerator and direction (NVLink, Infinity Fabric, ICI; PCIe where there is none).", "0", "1000000", spec(func(p *AcceleratorPreset) Num { return p.InterconnectGBps }, optional("no communication term")), positive, sensitive, since(2), only(Estimated)),
		func(a *Accelerator) *Num { return &a.InterconnectGBps }},
	{field("scale_up_domain", "sud", "Scale-up domain", "accelerators", "Accelerators joined by the scale-up interconnect (8 in an HGX server, 72 in an NVL72 rack). A replica wider than this sends its collectives over the scale-out network.", "1", "100000", network(func(p *AcceleratorPreset) Num { return p.ScaleUpDomain }, optional("a replica of any size is one scale-up domain")), integer, since(3), only(Estimated)),
		func(a *Accelerator) *Num { return &a.ScaleUpDomain }},
	{field("scale_out_gbps", "sob", "Scale-out bandwidth", "GB/s", "Network bandwidth between scale-up domains, per accelerator and direction (e.g. 50 GB/s for one 400 Gb/s NIC a GPU).", "0", "1000000", network(func(p *AcceleratorPreset) Num { return p.ScaleOutGBps }, optional("the scale-up bandwidth")), positive, sensitive, since(3), only(Estimated)),
		func(a *Accelerator) *Num { return &a.ScaleOutGBps }},
	{field("power_kw", "pw", "Board power", "kW", "Accelerator board power (TDP).", "0", "100", spec(func(p *AcceleratorPreset) Num { return p.PowerKW }, optional("an owned option then needs its all-in power")), positive),
		func(a *Accelerator) *Num { return &a.PowerKW }},
	{field("stack_efficiency", "se", "Stack efficiency", "×", "How much of the default MBU and MFU this accelerator reaches with its usual serving software, relative to the NVIDIA Hopper GPUs and Intel Gaudi 3 they were fitted on (AMD Instinct on ROCm and NVIDIA Blackwell: fitted on published measurements). To go above them, set MBU and MFU.", "0", "1", stackEfficiency, positive, sensitive, since(4), only(Estimated)),
		func(a *Accelerator) *Num { return &a.StackEfficiency }},
	{field("mla_decode_ns", "mla", "MLA decode time", "ns a token a layer", "For MLA models (DeepSeek-V3 and R1, Kimi K2): the time a decode step spends a cached token a layer beyond its memory reads and FLOPs, added to every step (the batch's average context × layers × this). AMD CDNA3 (MI300X, MI325X): fitted on published measurements, whose MLA decode kernels take about as long for one sequence as for a batch. 0: none.", "0", "100000", mlaDecode, sensitive, since(8), only(Estimated)),
		func(a *Accelerator) *Num { return &a.MLADecodeNs }},
}

// RevenueFields lists what the user charges.
var RevenueFields = []RevenueField{
	{field("price_input_per_m", "ri", "Your input price", "$/M tokens", "What you charge per million uncached input tokens.", "0", "100000", required, sensitive),
		func(r *Revenue) *Num { return &r.PriceInputPerM }},
	{field("price_cached_input_per_m", "rc", "Your cached input price", "$/M tokens", "What you charge per million cached input tokens; defaults to the input price.", "0", "100000", derived("price_input_per_m", "the input price", func(sc *scope) Num { return sc.v.Revenue.PriceInputPerM }, optional("the input price"))),
		func(r *Revenue) *Num { return &r.PriceCachedInputPerM }},
	{field("price_output_per_m", "ro", "Your output price", "$/M tokens", "What you charge per million output tokens.", "0", "100000", required, sensitive),
		func(r *Revenue) *Num { return &r.PriceOutputPerM }},
	{field("price_change", "rg", "Your price change", "share/year", rateHelp("your three prices (input, cached input, output)", "")+" It moves each month's revenue.", "-0.9", "1", noChange, sensitive, since(4)),
		func(r *Revenue) *Num { return &r.PriceChange }},
}

// OptionFields lists the option inputs in display order.
var OptionFields = []OptionField{
	{field("hourly_rate", "hr", "Hourly rate", "$/accelerator-hour", "On-demand price of one accelerator for one hour.", "0", "10000", price(func(p *AcceleratorPreset) Num { return p.HourlyRate }, required), sensitive, costOnly), []Kind{Cloud}, "price",
		func(o *Option) *Num { return &o.HourlyRate }},
	{field("commit_accelerators", "ca", "Committed accelerators", "accelerators", "Accelerators reserved take-or-pay from month 1; demand above them is rented on demand.", "0", "1000000", constant(decimal.Zero), integer), []Kind{Cloud}, "commit",
		func(o *Option) *Num { return &o.CommitAccelerators }},
	{field("commit_hourly_rate", "chr", "Committed rate", "$/accelerator-hour", "Price of a committed accelerator-hour; defaults to the hourly rate.", "0", "10000", derived("hourly_rate", "the hourly rate", func(sc *scope) Num { return sc.option().HourlyRate }, neededIfCommitted), sensitive, only(Committed), costOnly), []Kind{Cloud}, "commit",
		func(o *Option) *Num { return &o.CommitHourlyRate }},
	{field("commit_months", "cm", "Commitment length", "months", "Months the commitment runs from month 1.", "0", "120", constant(decimal.Zero), integer), []Kind{Cloud}, "commit",
		func(o *Option) *Num { return &o.CommitMonths }},
	{field("hourly_rate_change", "hrg", "Hourly rate change", "share/year", rateHelp("the on-demand hourly rate", " A committed rate stays fixed for its term."), "-0.9", "1", noChange, sensitive, costOnly, since(4)), []Kind{Cloud}, "price",
		func(o *Option) *Num { return &o.HourlyRateChange }},

	{field("capex_per_accelerator", "cx", "Capex per accelerator", "$", "All-in purchase price of one accelerator, its share of server and network included.", "0", "100000000", capex(required), sensitive, costOnly), []Kind{Owned}, "price",
		func(o *Option) *Num { return &o.CapexPerAccelerator }},
	{field("capex_change", "cxg", "Capex change", "share/year", rateHelp("the purchase price of accelerators bought later", " Each purchase is paid at its month's price."), "-0.9", "1", noChange, sensitive, costOnly, since(4)), []Kind{Owned}, "price",
		func(o *Option) *Num { return &o.CapexChange }},
	{field("depreciation_years", "dy", "Depreciation life", "years", "Straight-line depreciation to the residual value.", "0", "30", constant(DefaultDepreciationYears), positive, sensitive, costOnly, only(Bought)), []Kind{Owned}, "price",
		func(o *Option) *Num { return &o.DepreciationYears }},
	{field("residual_share", "rs", "Residual value", "share of capex", "Value left at the end of the depreciation life.", "0", "0.99", constant(DefaultResidualShare), costOnly, only(Bought)), []Kind{Owned}, "price",
		func(o *Option) *Num { return &o.ResidualShare }},
	{field("cost_of_capital", "coc", "Cost of capital", "share/year", "Annual cost of the money tied up, charged on the net book value.", "0", "1", constant(DefaultCostOfCapital), sensitive, costOnly, only(Bought)), []Kind{Owned}, "price",
		func(o *Option) *Num { return &o.CostOfCapital }},
	{field("power_kw", "pk", "Power per accelerator", "kW", "All-in power of one accelerator at full load, its share of the host included.", "0", "100", derived("accelerator.power_kw", allInPowerRule, allInPower, required), positive, sensitive, costOnly), []Kind{Owned}, "facility",
		func(o *Option) *Num { return &o.PowerKW }},
	{field("idle_power_share", "ip", "Idle power", "share of full load", "Power drawn when idle, as a share of full load.", "0", "1", constant(DefaultIdlePowerShare), costOnly), []Kind{Owned}, "facility",
		func(o *Option) *Num { return &o.IdlePowerShare }},
	{field("pue", "pue", "PUE", "×", "Facility power over IT power.", "1", "5", constant(DefaultPUE), sensitive, costOnly), []Kind{Owned}, "facility",
		func(o *Option) *Num { return &o.PUE }},
	{field("electricity_per_kwh", "el", "Electricity", "$/kWh", "Price of a kilowatt-hour.", "0", "100", constant(DefaultElectricity), sensitive, costOnly), []Kind{Owned}, "facility",
		func(o *Option) *Num { return &o.ElectricityPerKWh }},
	{field("colo_per_kw_month", "co", "Colocation", "$/kW-month", "Space and cooling per kW of IT power provisioned.", "0", "100000", constant(DefaultColoPerKWMonth), sensitive, costOnly), []Kind{Owned}, "facility",
		func(o *Option) *Num { return &o.ColoPerKWMonth }},
	{field("opex_share_per_year", "ox", "Maintenance", "share of capex/year", "Support contracts and spares each year, as a share of capex.", "0", "1", constant(DefaultOpexSharePerYear), sensitive, costOnly), []Kind{Owned}, "facility",
		func(o *Option) *Num { return &o.OpexSharePerYear }},
	{field("staff_per_month", "st", "Staff", "$/month", "People who run the fleet, whatever its size.", "0", "100000000", constant(decimal.Zero), sensitive, costOnly), []Kind{Owned}, "facility",
		func(o *Option) *Num { return &o.StaffPerMonth }},

	{field("refresh", "rfr", "Refresh at end of life", "0 or 1", "1: when a purchase reaches the end of its depreciation life it is sold at its residual value and the same number of accelerators is bought at the then price; 0: hardware stays in service to the horizon.", "0", "1", constant(decimal.Zero), integer, costOnly, only(Bought), since(4)), []Kind{Owned}, "finance",
		func(o *Option) *Num { return &o.Refresh }},
	{field("resale_at_horizon", "rsh", "Sell at the horizon", "0 or 1", "1: the fleet still held is sold at its book value in the last month (cash in; a loan's balance is repaid from it); 0: it is kept and its book value reported.", "0", "1", constant(decimal.Zero), integer, costOnly, only(Bought), since(4)), []Kind{Owned}, "finance",
		func(o *Option) *Num { return &o.ResaleAtHorizon }},
	{field("loan_months", "lnm", "Loan term", "months", "0: purchases are paid in cash. Otherwise each purchase is financed by a loan repaid in equal monthly payments (an annuity) over this many months, the first in the month of purchase.", "0", "360", constant(decimal.Zero), integer, costOnly, only(Bought), since(4)), []Kind{Owned}, "finance",
		func(o *Option) *Num { return &o.LoanMonths }},
	{field("loan_rate", "lnr", "Loan rate", "share/year", "Annual interest rate of the loan, charged each month at a twelfth of it: 0.07 for 7 %.", "0", "1", neededIfLoan, sensitive, costOnly, only(Loan), since(4)), []Kind{Owned}, "finance",
		func(o *Option) *Num { return &o.LoanRate }},
	{field("loan_down_share", "lnd", "Down payment", "share of price", "Share of each purchase paid in cash when bought; the rest is borrowed.", "0", "1", constant(decimal.Zero), costOnly, only(Loan), since(4)), []Kind{Owned}, "finance",
		func(o *Option) *Num { return &o.LoanDownShare }},
	{field("lease_months", "lsm", "Lease term", "months", "0: the accelerators are bought. Otherwise they are leased from the month they are needed, paid monthly for this many months, then the lease is renewed at the then price; nothing is bought, depreciated or sold.", "0", "120", constant(decimal.Zero), integer, costOnly, since(4)), []Kind{Owned}, "finance",
		func(o *Option) *Num { return &o.LeaseMonths }},
	{field("lease_rate_factor", "lsf", "Lease rate factor", "share of price/month", "Monthly lease payment per accelerator as a share of its purchase price, as lessors quote it: 0.03 is $30,000 a month for $1M of hardware.", "0", "1", neededIfLeased, positive, sensitive, costOnly, only(Leased), since(4)), []Kind{Owned}, "finance",
		func(o *Option) *Num { return &o.LeaseRateFactor }},

	{field("price_input_per_m", "pi", "Input price", "$/M tokens", "Price per million uncached input tokens.", "0", "100000", required, sensitive, costOnly), []Kind{API}, "price",
		func(o *Option) *Num { return &o.PriceInputPerM }},
	{field("price_cached_input_per_m", "pc", "Cached input price", "$/M tokens", "Price per million cached input tokens; defaults to the input price.", "0", "100000", derived("price_input_per_m", "the input price", func(sc *scope) Num { return sc.option().PriceInputPerM }, required), sensitive, costOnly), []Kind{API}, "price",
		func(o *Option) *Num { return &o.PriceCachedInputPerM }},
	{field("price_output_per_m", "po", "Output price", "$/M tokens", "Price per million output tokens.", "0", "100000", required, sensitive, costOnly), []Kind{API}, "price",
		func(o *Option) *Num { return &o.PriceOutputPerM }},
	{field("price_change", "pg", "Price change", "share/year", rateHelp("the three token prices (input, cached input, output)", ""), "-0.9", "1", noChange, sensitive, costOnly, since(4)), []Kind{API}, "price",
		func(o *Option) *Num { return &o.PriceChange }},

	{field("prefill_tokens_per_s", "pf", "Measured prefill", "tokens/s per accelerator", "Sustained prefill throughput you measured; set with decode to skip the estimate.", "0", "1000000000", optional("estimated"), positive, sensitive, only(Measured)), selfHosted, "throughput",
		func(o *Option) *Num { return &o.PrefillTokensPerS }},
	{field("decode_tokens_per_s", "dc", "Measured decode", "tokens/s per accelerator", "Sustained decode throughput you measured, summed over the batch.", "0", "1000000000", optional("estimated"), positive, sensitive, only(Measured)), selfHosted, "throughput",
		func(o *Option) *Num { return &o.DecodeTokensPerS }},
	{field("accelerators_per_replica", "apr", "Accelerators per replica", "accelerators", "Accelerators that serve one copy of the model; by default the size with the lowest total cost among the smallest power of two that fits it and 2, 4 and 8 times that (and, for an MoE model, expert-parallel sizes).", "1", "4096", optional("the cheapest of the smallest power of two that fits the model and 2, 4 and 8 times that"), integer), selfHosted, "throughput",
		func(o *Option) *Num { return &o.AcceleratorsPerReplica }},
	{field("disaggregated", "dg", "Disaggregated serving", "0 or 1", "1: prompts are prefilled on replicas of their own and each prompt's KV cache is sent to a decode replica, over the scale-up interconnect when a unit of the two pools fits in one scale-up domain, else over the scale-out network. The fleet grows in units of so many prefill replicas and so many decode replicas, each pool with its own replica size, chosen for cost; a user's time per output token is then the decode step alone. 0: every replica prefills and decodes (continuous batching with chunked prefill).", "0", "1", constant(decimal.Zero), integer, only(Estimated), since(6)), selfHosted, "throughput",
		func(o *Option) *Num { return &o.Disaggregated }},
	{field("prefill_accelerators_per_replica", "papr", "Prefill accelerators per replica", "accelerators", "With disaggregated serving, the accelerators of one prefill replica (accelerators per replica is then the decode replica's). By default the size chosen with the decode pool for cost, among those that fit the model.", "1", "4096", optional("chosen with the decode pool for cost"), integer, only(Split), since(6)), selfHosted, "throughput",
		func(o *Option) *Num { return &o.PrefillAcceleratorsPerReplica }},
	{field("mbu", "mbu", "Memory bandwidth utilization", "0–1", "Share of peak bandwidth a decode step achieves.", "0", "1", scaledByStack(DefaultMBU), positive, sensitive, only(Estimated)), selfHosted, "throughput",
		func(o *Option) *Num { return &o.MBU }},
	{field("mfu", "mfu", "Compute utilization", "0–1", "Share of peak FLOPS that prefill achieves; a decode step's FLOPs reach a fitted share of it, its smaller matrix products filling less of the chip.", "0", "1", scaledByStack(DefaultMFU), positive, sensitive, only(Estimated)), selfHosted, "throughput",
		func(o *Option) *Num { return &o.MFU }},
	{field("usable_memory_share", "um", "Usable memory", "0–1", "Share of all the memory available to weights and KV cache after activations and runtime: vLLM's --gpu-memory-utilization (0.9 unless set) and SGLang's --mem-fraction-static are this share. Unset, the KV cache gets 0.9 of the memory left after the weights, as TensorRT-LLM sizes it.", "0", "1", optional("KV gets 0.9 of the memory left after the weights"), positive, only(Estimated)), selfHosted, "throughput",
		func(o *Option) *Num { return &o.UsableMemoryShare }},
	{field("max_batch", "mb", "Max batch", "sequences", "Upper limit on concurrent sequences per replica.", "1", "1000000", optional("no limit"), integer, only(Estimated)), selfHosted, "throughput",
		func(o *Option) *Num { return &o.MaxBatch }},
	{field("collective_latency_us", "cl", "Collective latency", "µs", "Fixed time of one all-reduce between a replica's accelerators, whatever its size (launch and synchronization).", "0", "100000", constant(DefaultCollectiveLatencyUs), since(2), only(Estimated)), selfHosted, "throughput",
		func(o *Option) *Num { return &o.CollectiveLatencyUs }},
	{field("request_overhead_ms", "rqo", "Request overhead", "ms", "Fixed time a request spends before its first token outside the accelerators' work: the HTTP server, the tokenizer, the scheduler and the stream. It adds to every time to first token, and the time-to-first-token target holds it. The default, "+RequestOverheadMs.String()+" ms, is fitted on 39 published times to first token of SGLang, vLLM and Neuron deployments (docs/methodology.md, twenty-second and twenty-fifth rounds); a stack whose first token is measured can say what it adds here.", "0", "600000", constant(RequestOverheadMs), only(Estimated), since(7)), selfHosted, "throughput",
		func(o *Option) *Num { return &o.RequestOverheadMs }},
	{field("max_utilization", "mu", "Target utilization", "0–1", "Busy share of capacity you plan for at peak; headroom for bursts.", "0", "1", constant(DefaultMaxUtilization), positive, sensitive), selfHosted, "throughput",
		func(o *Option) *Num { return &o.MaxUtilization }},
	{field("spare_replicas", "sp", "Spare replicas", "replicas", "Replicas kept on top of demand, for failures and deploys.", "0", "10000", constant(decimal.Zero), integer), selfHosted, "throughput",
		func(o *Option) *Num { return &o.SpareReplicas }},

	{field("base_option", "hbo", "Base option", optionNumber, "The option whose accelerators form the base layer, by its number in the list (1 is the first): a cloud option (its accelerators committed for the whole horizon at its committed rate, else its hourly rate) or an owned one (a fleet of that size bought in month 1). Its replica and throughput serve the base.", "1", "8", required, integer, since(5)), []Kind{Hybrid}, "layers",
		func(o *Option) *Num { return &o.BaseOption }},
	{field("base_accelerators", "hba", "Base size", "accelerators", "Accelerators in the base layer, held all day every month. Unset, the size that costs the least over the horizon, found by trying every whole replica from none to the peak hour's need.", "0", "1000000", optional("the size that costs the least (searched)"), integer, sensitive, since(5)), []Kind{Hybrid}, "layers",
		func(o *Option) *Num { return &o.BaseAccelerators }},
	{field("burst_option", "hbu", "Burst option", optionNumber, "The cloud option rented by the hour for load above the base, by its number in the list: its on-demand hourly rate (on its path) and its replica and throughput. Unset: no burst layer.", "1", "8", optional("no burst layer"), integer, since(5)), []Kind{Hybrid}, "layers",
		func(o *Option) *Num { return &o.BurstOption }},
	{field("burst_max_accelerators", "hbm", "Burst cap", "accelerators", "Most accelerators the burst layer rents in any hour; load beyond goes to the overflow API. Needs an overflow option; without one the burst layer is uncapped.", "1", "1000000", optional("no cap"), integer, sensitive, since(5)), []Kind{Hybrid}, "layers",
		func(o *Option) *Num { return &o.BurstMaxAccelerators }},
	{field("burst_min_hours", "hbh", "Burst minimum billing", "hours", "Shortest rental a burst accelerator is billed for, once started: 1 bills by the hour; 4 bills a one-hour spike as 4 hours (the accelerators stay, and serve, until then).", "1", "24", constant(one), integer, costOnly, sensitive, since(5)), []Kind{Hybrid}, "layers",
		func(o *Option) *Num { return &o.BurstMinHours }},
	{field("overflow_option", "hov", "Overflow API", optionNumber, "The API option that serves what the base and the burst layer do not, at its token prices, by its number in the list. Unset: no overflow, and the burst layer rents whatever the load needs.", "1", "8", optional("none: the burst layer is uncapped"), integer, since(5)), []Kind{Hybrid}, "layers",
		func(o *Option) *Num { return &o.OverflowOption }},
}
