package engine

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Limits on counts and text, so no input can make the engine work without
// bound.
const (
	MaxOptions  = 8
	MaxNameLen  = 120 // characters of the scenario name
	MaxLabelLen = 60  // characters of an option label
)

// plan is a scenario with every default applied and every value checked:
// the only input the cost model sees.
type plan struct {
	name     string
	workload workloadPlan
	model    modelPlan
	revenue  *pricePlan
	options  []optionPlan

	// reuse, when set, carries work from an earlier evaluation that the
	// caller knows is unchanged (sensitivity moves one input at a time).
	reuse *reuse
}

// reuse is what an evaluation may take from a previous one of a
// single-option scenario.
type reuse struct {
	months     []demand    // the workload did not change
	tot        totals      //
	throughput *Throughput // nil unless the option's throughput did not change
	capacity   []Month     // nil unless capacity did not change: Busy and Accelerators per month
	lean       bool        // skip cumulative cash and the break-even month (not needed)
}

type workloadPlan struct {
	rpd, in, out, cached, p2a, growth decimal.Decimal
	horizon                           int
	slo                               decimal.Decimal // seconds; zero when unset
}

type modelPlan struct {
	params, activeParams decimal.Decimal // counts, not billions
	weightBytes          decimal.Decimal
	activeWeightBytes    decimal.Decimal
	kvPerToken           decimal.Decimal // bytes
	weightBits           decimal.Decimal
	layers, hidden       decimal.Decimal // zero when unknown: no communication term

	// MoE, when the expert fields are given: the bytes of the routed
	// experts and the share of them one token uses (k of E per layer).
	moe         bool
	routedBytes decimal.Decimal
	expertShare decimal.Decimal
}

type pricePlan struct{ in, cached, out decimal.Decimal } // $ per token

type acceleratorPlan struct {
	memory, bandwidth, flops, powerKW decimal.Decimal // bytes, bytes/s, FLOP/s, kW
	interconnect                      decimal.Decimal // bytes/s per accelerator and direction; zero when unknown
	preset                            string          // catalog ID, "" for custom specs
}

type optionPlan struct {
	label string
	kind  Kind
	index int

	// self-hosted
	accel                               acceleratorPlan
	measured                            bool
	prefillRate, decodeRate             decimal.Decimal // tokens/s per accelerator, measured
	perReplica                          int64           // 0: choose
	mbu, mfu, usableMemory, maxUtil     decimal.Decimal
	usableSet                           bool            // usable_memory_share given: a share of all memory
	collectiveLatency                   decimal.Decimal // seconds
	maxBatch                            int64           // 0: none
	spare                               decimal.Decimal
	hourly, commitUnits, commitRate     decimal.Decimal
	commitMonths                        int
	capex, deprYears, residual, coc     decimal.Decimal
	powerKW, idleShare, pue, elec, colo decimal.Decimal
	opexShare, staff                    decimal.Decimal

	// api
	price pricePlan
}

// value resolves one field: the user's value, else the default, else it
// records that the field is required.
func value(errs *Errors, path string, n Num, def decimal.Decimal, hasDef bool) decimal.Decimal {
	if n.Set() {
		return n.Dec()
	}
	if n.Bad() != "" {
		return def // already reported by the range check
	}
	if !hasDef {
		errs.add(path, "required")
	}
	return def
}

// Check validates s and resolves every default. It returns all problems at
// once, each named by its path.
func Check(s *Scenario) (*plan, Errors) {
	var errs Errors
	p := &plan{name: s.Name}
	switch {
	case s.Version == 0:
		errs.add("version", fmt.Sprintf("required (this infercost reads version %d)", FormatVersion))
	case s.Version > FormatVersion:
		errs.add("version", fmt.Sprintf("version %d is newer than this infercost understands (%d): open it with a newer release", s.Version, FormatVersion))
	case s.Version < 0:
		errs.add("version", "must be ≥ 1")
	}
	checkText(&errs, "name", s.Name, MaxNameLen)

	// Ranges of every numeric field, before any arithmetic.
	for _, f := range WorkloadFields {
		if msg := checkRange(f.Field, *f.Get(&s.Workload)); msg != "" {
			errs.add("workload."+f.Key, msg)
		}
	}
	for _, f := range ModelFields {
		if msg := checkRange(f.Field, *f.Get(&s.Model)); msg != "" {
			errs.add("model."+f.Key, msg)
		}
	}
	if s.Revenue != nil {
		for _, f := range RevenueFields {
			if msg := checkRange(f.Field, *f.Get(s.Revenue)); msg != "" {
				errs.add("revenue."+f.Key, msg)
			}
		}
	}
	for i := range s.Options {
		o := &s.Options[i]
		for _, f := range OptionFields {
			if !f.AppliesTo(o.Kind) {
				continue
			}
			if msg := checkRange(f.Field, *f.Get(o)); msg != "" {
				errs.add(OptionPath(i, f.Key), msg)
			}
		}
		if o.Accelerator != nil && o.Kind.SelfHosted() {
			for _, f := range AcceleratorFields {
				if msg := checkRange(f.Field, *f.Get(o.Accelerator)); msg != "" {
					errs.add(OptionPath(i, "accelerator."+f.Key), msg)
				}
			}
		}
	}

	p.workload = checkWorkload(&errs, &s.Workload)
	p.model = checkModel(&errs, &s.Model)
	if s.Revenue != nil {
		r := s.Revenue
		in := value(&errs, "revenue.price_input_per_m", r.PriceInputPerM, zero, false)
		p.revenue = &pricePlan{
			in:     div(in, million),
			cached: div(value(&errs, "revenue.price_cached_input_per_m", r.PriceCachedInputPerM, in, true), million),
			out:    div(value(&errs, "revenue.price_output_per_m", r.PriceOutputPerM, zero, false), million),
		}
	}
	switch {
	case len(s.Options) == 0:
		errs.add("options", "add at least one option")
	case len(s.Options) > MaxOptions:
		errs.add("options", fmt.Sprintf("at most %d options (got %d)", MaxOptions, len(s.Options)))
	default:
		for i := range s.Options {
			p.options = append(p.options, checkOption(&errs, i, &s.Options[i], p.model))
		}
	}
	if len(errs) > 0 {
		return nil, errs.dedupe()
	}
	return p, nil
}

// checkText checks a name or label: UTF-8, at most max characters, and
// plain text on one line (textProblem).
func checkText(errs *Errors, path, s string, max int) {
	switch {
	case !utf8.ValidString(s):
		errs.add(path, "is not valid UTF-8 text")
	case utf8.RuneCountInString(s) > max:
		errs.add(path, fmt.Sprintf("too long (%d characters, at most %d)", utf8.RuneCountInString(s), max))
	default:
		if msg := textProblem(s); msg != "" {
			errs.add(path, msg)
		}
	}
}

// textProblem names the first character a name or label must not hold, or
// returns "". Such characters would act instead of showing, wherever the
// text goes (a terminal, the page, a spreadsheet, a file listing):
//   - control characters, C0, DEL and C1 (U+0080–U+009F: U+009B is a
//     terminal's CSI, U+0085 a line break);
//   - the invisible bidirectional-text controls (embeddings, overrides,
//     isolates and marks), which reorder the text around them;
//   - the line and paragraph separators.
func textProblem(s string) string {
	i := strings.IndexFunc(s, unsafeRune)
	if i < 0 {
		return ""
	}
	switch r, _ := utf8.DecodeRuneInString(s[i:]); {
	case bidiControl(r):
		return fmt.Sprintf("contains an invisible text-direction control character (U+%04X)", r)
	case r == 0x2028 || r == 0x2029:
		return fmt.Sprintf("contains a line break (U+%04X)", r)
	default:
		return fmt.Sprintf("contains a control character (U+%04X)", r)
	}
}

// unsafeRune reports the characters textProblem refuses.
// UnsafeRune reports a character that names and labels refuse: control
// characters, Unicode's bidi controls and line separators. The page uses it
// to quote text that validation has not accepted (yet).
func UnsafeRune(r rune) bool { return unsafeRune(r) }

func unsafeRune(r rune) bool {
	return r < 0x20 || r >= 0x7f && r <= 0x9f || bidiControl(r) || r == 0x2028 || r == 0x2029
}

// bidiControl reports Unicode's Bidi_Control characters: U+061C, U+200E,
// U+200F, U+202A–U+202E and U+2066–U+2069.
func bidiControl(r rune) bool {
	return r == 0x061c || r == 0x200e || r == 0x200f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// maxRequestsPerDay bounds demand at the horizon, so that growth cannot
// push any figure past what a decimal computes quickly.
var maxRequestsPerDay = decimal.New(1, 15)

func checkWorkload(errs *Errors, w *Workload) workloadPlan {
	get := func(key string, n Num) decimal.Decimal {
		def, ok := DefaultWorkload(key)
		return value(errs, "workload."+key, n, def, ok)
	}
	wp := workloadPlan{
		rpd:    get("requests_per_day", w.RequestsPerDay),
		in:     get("input_tokens", w.InputTokens),
		out:    get("output_tokens", w.OutputTokens),
		cached: get("cached_input_share", w.CachedInputShare),
		p2a:    get("peak_to_average", w.PeakToAverage),
		growth: get("monthly_growth", w.MonthlyGrowth),
	}
	wp.horizon = int(get("horizon_months", w.HorizonMonths).IntPart())
	if w.TPOTSLOms.Set() {
		wp.slo = div(w.TPOTSLOms.Dec(), thousand)
	}
	if wp.horizon >= 1 && wp.horizon <= 120 && wp.growth.Cmp(zero) > 0 && wp.rpd.Sign() > 0 {
		last := wp.rpd
		g := one.Add(wp.growth)
		for m := 1; m < wp.horizon; m++ {
			last = last.Mul(g).Round(Prec)
			if last.Cmp(maxRequestsPerDay) > 0 {
				errs.add("workload.monthly_growth", fmt.Sprintf("grows demand past 10^15 requests a day by month %d: lower the growth or the horizon", m+1))
				break
			}
		}
	}
	return wp
}

func checkModel(errs *Errors, m *Model) modelPlan {
	if m.Preset != "" {
		if _, ok := FindModel(m.Preset); !ok {
			errs.add("model.preset", fmt.Sprintf("unknown model %q", truncate(m.Preset, 40)))
			return modelPlan{}
		}
	}
	get := func(key string, n Num) decimal.Decimal {
		def, ok := DefaultModel(m.Preset, key)
		return value(errs, "model."+key, n, def, ok)
	}
	var mp modelPlan
	total := get("total_params_b", m.TotalParamsB)
	activeDef := defaultActive(m, total)
	active := value(errs, "model.active_params_b", m.ActiveParamsB, activeDef, true)
	if active.Cmp(total) > 0 {
		errs.add("model.active_params_b", fmt.Sprintf("must be ≤ total parameters (%s B)", total))
	}
	routed := checkExperts(errs, m, &mp, total)
	mp.weightBits = get("weight_bits", m.WeightBits)
	kvBits := get("kv_bits", m.KVBits)
	mp.params = total.Mul(billion)
	mp.activeParams = active.Mul(billion)
	mp.weightBytes = div(mp.params.Mul(mp.weightBits), dec(8))
	mp.activeWeightBytes = div(mp.activeParams.Mul(mp.weightBits), dec(8))
	mp.routedBytes = div(routed.Mul(billion).Mul(mp.weightBits), dec(8))

	optional := func(key string, n Num) decimal.Decimal {
		def, _ := DefaultModel(m.Preset, key)
		return value(errs, "model."+key, n, def, true)
	}
	mp.layers = optional("layers", m.Layers)
	mp.hidden = optional("hidden_size", m.HiddenSize)

	kvb, hasKVB := DefaultModel(m.Preset, "kv_bytes_per_token")
	shapeGiven := m.Layers.Set() || m.KVHeads.Set() || m.HeadDim.Set()
	switch {
	case m.KVBytesPerToken.Set():
		mp.kvPerToken = m.KVBytesPerToken.Dec()
	case hasKVB && !shapeGiven:
		// A preset's KV bytes are at its own KV precision; scale to the chosen one.
		presetBits, _ := DefaultModel(m.Preset, "kv_bits")
		mp.kvPerToken = div(kvb.Mul(kvBits), presetBits)
	default:
		layers := get("layers", m.Layers)
		heads := get("kv_heads", m.KVHeads)
		dim := get("head_dim", m.HeadDim)
		mp.kvPerToken = div(two.Mul(layers).Mul(heads).Mul(dim).Mul(kvBits), dec(8))
	}
	return mp
}

// checkExperts resolves the MoE fields: none (a dense model, or an MoE
// described by its active parameters alone) or all three. It returns the
// routed-expert parameters, in billions, of a valid MoE, else zero.
func checkExperts(errs *Errors, m *Model, mp *modelPlan, total decimal.Decimal) decimal.Decimal {
	get := func(key string, n Num) decimal.Decimal {
		def, _ := DefaultModel(m.Preset, key)
		return value(errs, "model."+key, n, def, true)
	}
	experts := get("experts", m.Experts)
	perToken := get("experts_per_token", m.ExpertsPerToken)
	routed := get("routed_params_b", m.RoutedParamsB)
	given := 0
	for _, v := range []decimal.Decimal{experts, perToken, routed} {
		if v.Sign() > 0 {
			given++
		}
	}
	switch {
	case given == 0:
		return zero
	case given < 3:
		for _, f := range []struct {
			key string
			v   decimal.Decimal
		}{{"experts", experts}, {"experts_per_token", perToken}, {"routed_params_b", routed}} {
			if f.v.Sign() <= 0 {
				errs.add("model."+f.key, "required with the other expert fields (experts, experts_per_token, routed_params_b)")
			}
		}
		return zero
	case perToken.Cmp(experts) > 0:
		errs.add("model.experts_per_token", fmt.Sprintf("must be ≤ the routed experts (%s)", experts))
		return zero
	case routed.Cmp(total) > 0:
		errs.add("model.routed_params_b", fmt.Sprintf("must be ≤ total parameters (%s B)", total))
		return zero
	}
	mp.moe = true
	mp.expertShare = div(perToken, experts)
	return routed
}

// defaultActive is the active parameter count when none is given: the
// preset's for an MoE preset, else the total (a dense model, or a dense
// preset whose total was overridden).
func defaultActive(m *Model, total decimal.Decimal) decimal.Decimal {
	p, ok := FindModel(m.Preset)
	if ok && !p.Shape.ActiveParamsB.Dec().Equal(p.Shape.TotalParamsB.Dec()) {
		return p.Shape.ActiveParamsB.Dec()
	}
	return total
}

func checkOption(errs *Errors, i int, o *Option, mp modelPlan) optionPlan {
	op := optionPlan{label: o.Label, kind: o.Kind, index: i}
	checkText(errs, OptionPath(i, "label"), o.Label, MaxLabelLen)
	if strings.TrimSpace(o.Label) == "" {
		errs.add(OptionPath(i, "label"), "required")
	}
	if o.Kind != Cloud && o.Kind != Owned && o.Kind != API {
		errs.add(OptionPath(i, "kind"), fmt.Sprintf("must be cloud, owned or api (got %q)", truncate(string(o.Kind), 20)))
		return op
	}
	var board decimal.Decimal
	if o.Kind.SelfHosted() {
		op.accel, board = checkAccelerator(errs, i, o.Accelerator, mp.weightBits, o.Kind)
	}
	get := func(key string, n Num) decimal.Decimal {
		def, ok := DefaultOption(o, key, board)
		return value(errs, OptionPath(i, key), n, def, ok)
	}
	switch o.Kind {
	case API:
		in := get("price_input_per_m", o.PriceInputPerM)
		op.price = pricePlan{
			in:     div(in, million),
			cached: div(get("price_cached_input_per_m", o.PriceCachedInputPerM), million),
			out:    div(get("price_output_per_m", o.PriceOutputPerM), million),
		}
		return op
	case Cloud:
		op.hourly = get("hourly_rate", o.HourlyRate)
		op.commitUnits = get("commit_accelerators", o.CommitAccelerators)
		op.commitRate = get("commit_hourly_rate", o.CommitHourlyRate)
		op.commitMonths = int(get("commit_months", o.CommitMonths).IntPart())
		if op.commitUnits.Sign() > 0 && op.commitMonths == 0 {
			errs.add(OptionPath(i, "commit_months"), "must be ≥ 1 when accelerators are committed")
		}
	case Owned:
		op.capex = get("capex_per_accelerator", o.CapexPerAccelerator)
		op.deprYears = get("depreciation_years", o.DepreciationYears)
		op.residual = get("residual_share", o.ResidualShare)
		op.coc = get("cost_of_capital", o.CostOfCapital)
		op.powerKW = get("power_kw", o.PowerKW)
		op.idleShare = get("idle_power_share", o.IdlePowerShare)
		op.pue = get("pue", o.PUE)
		op.elec = get("electricity_per_kwh", o.ElectricityPerKWh)
		op.colo = get("colo_per_kw_month", o.ColoPerKWMonth)
		op.opexShare = get("opex_share_per_year", o.OpexSharePerYear)
		op.staff = get("staff_per_month", o.StaffPerMonth)
	}
	op.mbu = get("mbu", o.MBU)
	op.mfu = get("mfu", o.MFU)
	op.usableMemory = get("usable_memory_share", o.UsableMemoryShare)
	op.usableSet = o.UsableMemoryShare.Set()
	op.collectiveLatency = div(get("collective_latency_us", o.CollectiveLatencyUs), million)
	op.maxUtil = get("max_utilization", o.MaxUtilization)
	op.spare = get("spare_replicas", o.SpareReplicas)
	if o.MaxBatch.Set() {
		op.maxBatch = o.MaxBatch.Dec().IntPart()
	}
	if o.AcceleratorsPerReplica.Set() {
		op.perReplica = o.AcceleratorsPerReplica.Dec().IntPart()
	}
	switch {
	case o.PrefillTokensPerS.Set() && o.DecodeTokensPerS.Set():
		op.measured = true
		op.prefillRate = o.PrefillTokensPerS.Dec()
		op.decodeRate = o.DecodeTokensPerS.Dec()
		if op.perReplica == 0 {
			errs.add(OptionPath(i, "accelerators_per_replica"), "required with measured throughput")
		}
	case o.PrefillTokensPerS.Set():
		errs.add(OptionPath(i, "decode_tokens_per_s"), "required with a measured prefill rate")
	case o.DecodeTokensPerS.Set():
		errs.add(OptionPath(i, "prefill_tokens_per_s"), "required with a measured decode rate")
	}
	return op
}

func checkAccelerator(errs *Errors, i int, a *Accelerator, weightBits decimal.Decimal, kind Kind) (acceleratorPlan, decimal.Decimal) {
	if a == nil {
		errs.add(OptionPath(i, "accelerator"), "required: a preset or custom specs")
		return acceleratorPlan{}, zero
	}
	if a.Preset != "" {
		if _, ok := FindAccelerator(a.Preset); !ok {
			errs.add(OptionPath(i, "accelerator.preset"), fmt.Sprintf("unknown accelerator %q", truncate(a.Preset, 40)))
			return acceleratorPlan{}, zero
		}
	}
	get := func(key string, n Num, required bool) decimal.Decimal {
		def, ok := DefaultAccelerator(a.Preset, key, weightBits)
		return value(errs, OptionPath(i, "accelerator."+key), n, def, ok || !required)
	}
	ap := acceleratorPlan{
		memory:    get("memory_gb", a.MemoryGB, true).Mul(billion),
		bandwidth: get("bandwidth_tbps", a.BandwidthTBps, true).Mul(tera),
		flops:     get("tflops", a.TFLOPS, true).Mul(tera),
		powerKW:   get("power_kw", a.PowerKW, false),
		// Gigabytes: 10^9 bytes, as the vendors' figures.
		interconnect: get("interconnect_gbps", a.InterconnectGBps, false).Mul(billion),
		preset:       a.Preset,
	}
	return ap, ap.powerKW
}
