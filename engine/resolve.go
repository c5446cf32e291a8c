package engine

import (
	"fmt"
	"math/big"
	"slices"
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
	// revenueChange is the annual change of the user's prices, revenuePath
	// its factor for each month (nil: no change).
	revenueChange decimal.Decimal
	revenuePath   []decimal.Decimal
	// discount holds the present value of a dollar at the end of each
	// month (discountFactors); nil when the finance view is not needed.
	discount []decimal.Decimal
	// discountCoef holds their coefficients (finance), nil until needed.
	discountCoef []*big.Int

	// reuse, when set, carries work from an earlier evaluation that the
	// caller knows is unchanged (sensitivity moves one input at a time).
	reuse *reuse
	// noPower leaves the power figures out (EvaluateHeadline).
	noPower bool
	// bruteHybrid costs each base size of a hybrid's search as the rows
	// are (hybridTotal), not by hybridScan: its tests' reference.
	bruteHybrid bool
}

// reuse is what an evaluation may take from a previous one of a
// single-option scenario.
type reuse struct {
	months []demand // the workload did not change
	tot    totals   //
	// throughputs are the option's candidate replicas, nil unless they did
	// not change; capacity, nil unless it did not change either, holds
	// each candidate's months (Busy and Accelerators). Which candidate is
	// cheapest can change with a price, so all are kept and costed again.
	throughputs []Throughput
	capacity    [][]capMonth
	lean        bool // skip cumulative cash and the break-even month (not needed)
	// draw marks a Monte Carlo draw (lean too): it skips, besides, every
	// figure Simulate does not read (the comparison, the per-unit
	// figures other than cost per M tokens, the cash total, the reasons).
	draw bool
	// discount, when set, gives the finance view's discount factors; a
	// lean evaluation computes only each option's NPV (or net present cost)
	// with them, not its payback, IRR or the present value of revenue.
	discount     []decimal.Decimal
	discountCoef []*big.Int // their coefficients (finance)
	// byOption, when set, holds each option's candidate replicas (nil for
	// an option whose candidates are computed as usual): the uncertainty
	// analysis draws their throughput.
	byOption [][]Throughput
	// rows and drawMonths, in a draw, are where its candidates' capacity rows
	// (capRows) and its demand months (demandRows) are made; the simulator
	// hands the same memory to every draw.
	rows       []capMonth
	drawMonths []demand
}

// capRows is n zero capacity rows: in a draw, cut from reuse.rows (none
// outlives the draw); otherwise new.
func (p *plan) capRows(n int) []capMonth {
	r := p.reuse
	if r == nil || !r.draw {
		return make([]capMonth, n)
	}
	if len(r.rows)+n > cap(r.rows) {
		r.rows = make([]capMonth, 0, max(2*cap(r.rows), 8*n)) // rows cut before stay where they are
	}
	rows := r.rows[len(r.rows) : len(r.rows)+n]
	r.rows = r.rows[:len(r.rows)+n]
	clear(rows)
	return rows
}

// demandRows is n zero demand months: in a draw, reuse.drawMonths (none
// outlives the draw); otherwise new.
func (p *plan) demandRows(n int) []demand {
	r := p.reuse
	if r == nil || !r.draw {
		return make([]demand, n)
	}
	if cap(r.drawMonths) < n {
		r.drawMonths = make([]demand, n)
	}
	rows := r.drawMonths[:n]
	clear(rows)
	return rows
}

// lean reports an evaluation that skips what reuse.lean says.
func (p *plan) lean() bool { return p.reuse != nil && p.reuse.lean }

// drawing reports a Monte Carlo draw's evaluation (reuse.draw): it
// computes only the figures Simulate reads.
func (p *plan) drawing() bool { return p.reuse != nil && p.reuse.draw }

type workloadPlan struct {
	rpd, in, out, cached, p2a, growth decimal.Decimal
	horizon                           int
	slo                               decimal.Decimal  // seconds per output token; zero: no target
	ttft                              decimal.Decimal  // seconds to the first token; zero: no target
	sloMs, ttftMs                     *decimal.Decimal // the targets as given; nil when none
	siteMW                            *decimal.Decimal // the site's power budget; nil when none
	discountRate                      decimal.Decimal  // a share a year
	profile                           profile          // the daily profile (hybrid.go)
	profileText                       string           // as given, "" for the flat day
	sizingBasis                       Basis            // what the commitment sizing minimises
	path                              *rpdPath         // growthProblem's months, which demand reuses
}

// rpdPath is the requests a day of each month, as demand works them out
// (nextRPD), from the requests a day, growth and horizon it was made for:
// growthProblem makes it while checking them, and demand reads it while
// they are unchanged (a plan patched for a draw can change them).
type rpdPath struct {
	rpd, growth decimal.Decimal
	horizon     int
	months      []decimal.Decimal
}

// nextRPD is the requests a day a month after one of rpd, at growth factor
// g = 1 + growth: rpd × g, rounded to Prec places when it has more.
func nextRPD(rpd, g decimal.Decimal) decimal.Decimal {
	return mulRoundTo(rpd, g, Prec)
}

// monthsFor is the path's requests a day for w, nil when it was made for
// other values.
func (pa *rpdPath) monthsFor(w *workloadPlan) []decimal.Decimal {
	if pa == nil || pa.horizon != w.horizon || !pa.rpd.Equal(w.rpd) || !pa.growth.Equal(w.growth) {
		return nil
	}
	return pa.months
}

type modelPlan struct {
	preset               string          // the catalog model's ID; "" for a custom model
	params, activeParams decimal.Decimal // counts, not billions
	weightBytes          decimal.Decimal
	activeWeightBytes    decimal.Decimal
	kvPerToken           decimal.Decimal // bytes
	weightBits           decimal.Decimal
	layers, hidden       decimal.Decimal // zero when unknown: no communication term
	// attnPerCtx is MLA attention's FLOPs for one query token per token
	// of context it attends to, all layers (attentionPerContext). Zero
	// for other models, or when the heads are unknown: no term.
	attnPerCtx decimal.Decimal
	// slidingShare is the share of the layers that attend to a sliding
	// window of window tokens (zero: none); a decode step reads their KV
	// for the window alone (kvRead); memory holds it whole (kvHeld).
	slidingShare, window decimal.Decimal
	// kvHeads is the model's KV heads (zero when not given); with mla it
	// says how many copies of a sequence's KV a tensor-parallel replica
	// holds (kvCopies).
	kvHeads decimal.Decimal

	// MoE, when the expert fields are given: the routed experts'
	// parameters and bytes, and the share of them one token uses (k of E
	// per layer).
	moe             bool
	routedParams    decimal.Decimal
	routedBytes     decimal.Decimal
	expertShare     decimal.Decimal
	expertsPerToken decimal.Decimal // k
}

type pricePlan struct{ in, cached, out decimal.Decimal } // $ per token

type acceleratorPlan struct {
	memory, bandwidth, flops, powerKW decimal.Decimal // bytes, bytes/s, FLOP/s, kW
	interconnect                      decimal.Decimal // bytes/s per accelerator and direction; zero when unknown
	domain                            int64           // accelerators in one scale-up domain; zero when unknown (no limit)
	scaleOut                          decimal.Decimal // bytes/s per accelerator and direction out of the domain; zero when unknown
	preset                            string          // catalog ID, "" for custom specs
	mlaDecode                         decimal.Decimal // seconds a cached token a layer of an MLA decode step (mla_decode_ns); zero: none
}

type optionPlan struct {
	label string
	kind  Kind
	index int

	// self-hosted
	accel                   acceleratorPlan
	measured                bool
	prefillRate, decodeRate decimal.Decimal // tokens/s per accelerator, measured
	perReplica              int64           // 0: choose
	// disaggregated: prefill and decode on pools of their own
	// (disaggregate); prefillPerReplica pins the prefill pool's replica
	// size (0: choose), perReplica then the decode pool's.
	disaggregated                   bool
	prefillPerReplica               int64
	mbu, mfu, usableMemory, maxUtil decimal.Decimal
	usableSet                       bool            // usable_memory_share given: a share of all memory
	collectiveLatency               decimal.Decimal // seconds
	requestOverhead                 decimal.Decimal // seconds before a request's first token outside the accelerators
	layerOverhead                   decimal.Decimal // seconds a layer a decode step (DecodeLayerOverheadUs)
	maxBatch                        int64           // 0: none
	spare                           decimal.Decimal
	hourly, commitUnits, commitRate decimal.Decimal
	commitMonths                    int
	commitRateSet                   bool // commit_hourly_rate has a value (given, or the hourly rate's)
	// tiers are the commitments: the first (commitUnits, commitRate,
	// commitMonths from month 1) when it holds accelerators, then each of
	// Commitments; fill lists their indexes in the order demand fills them.
	tiers                               []tierPlan
	fill                                []int
	capex, deprYears, residual, coc     decimal.Decimal
	powerKW, idleShare, pue, elec, colo decimal.Decimal
	opexShare, staff                    decimal.Decimal
	// owned: refresh, resale and financing (lease or loan)
	refresh, resale    bool
	loanMonths         int             // 0: purchases paid in cash
	loanRate, loanDown decimal.Decimal // annual rate, share of the price paid down
	leaseMonths        int             // 0: bought
	leaseFactor        decimal.Decimal // monthly payment as a share of the price
	financingWords     string          // financing(), said once

	// price paths (pricepath.go): each annual rate of change, and its
	// factor for each month of the horizon (nil: no change)
	hourlyChange, capexChange, priceChange decimal.Decimal
	hourlyPath, capexPath, pricePath       []decimal.Decimal

	// calibration, when the option names a throughput preset
	calibration *Calibration

	// api
	price pricePlan

	// hybrid: its layers (hybrid.go)
	hyb *hybridPlan
}

// need reports each field of a group that is required and missing.
func need(errs *Errors, group []Resolved) {
	for i := range group {
		if group[i].Missing() {
			errs.add(group[i].Path(), "required")
		}
	}
}

// Check validates s and resolves every default. It returns all problems at
// once, each named by its path.
func Check(s *Scenario) (*plan, Errors) {
	p, _, errs := checkResolved(s)
	return p, errs
}

// checkResolved is Check with Resolve(s), which the plan's figures were
// read from (EvaluateHeadlineResolved hands it on); nil with the errors.
func checkResolved(s *Scenario) (*plan, *Resolution, Errors) {
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
		// Commitments of another kind are ignored, as its other fields
		// that do not apply (decoders refuse them; Normalize drops them).
		switch {
		case len(o.Commitments) == 0 || o.Kind != Cloud:
		case len(o.Commitments) > MaxCommitments:
			errs.add(OptionPath(i, "commitments"), fmt.Sprintf("at most %d tiers (got %d)", MaxCommitments, len(o.Commitments)))
		default:
			for t := range o.Commitments {
				for _, f := range CommitmentFields {
					if msg := checkRange(f.Field, *f.Get(&o.Commitments[t])); msg != "" {
						errs.add(CommitmentPath(i, t, f.Key), msg)
					}
				}
			}
		}
	}

	r := Resolve(s)
	p.workload = checkWorkload(&errs, r)
	p.model = checkModel(&errs, r)
	if s.Revenue != nil {
		need(&errs, r.Revenue)
		v := r.Values.Revenue
		p.revenue = &pricePlan{
			in:     div(v.PriceInputPerM.Dec(), million),
			cached: div(v.PriceCachedInputPerM.Dec(), million),
			out:    div(v.PriceOutputPerM.Dec(), million),
		}
		p.revenueChange = v.PriceChange.Dec()
	}
	switch {
	case len(s.Options) == 0:
		errs.add("options", "add at least one option")
	case len(s.Options) > MaxOptions:
		errs.add("options", fmt.Sprintf("at most %d options (got %d)", MaxOptions, len(s.Options)))
	default:
		for i := range s.Options {
			p.options = append(p.options, checkOption(&errs, i, r))
		}
	}
	if len(errs) == 0 {
		for i := range p.options {
			calibrate(&errs, p, &r.Values, i)
		}
		h := p.workload.horizon
		p.revenuePath = pathFactors(p.revenueChange, h)
		for i := range p.options {
			o := &p.options[i]
			o.hourlyPath = pathFactors(o.hourlyChange, h)
			o.capexPath = pathFactors(o.capexChange, h)
			o.pricePath = pathFactors(o.priceChange, h)
			if o.kind == Owned {
				o.financingWords = o.financing(h)
			}
		}
	}
	if len(errs) > 0 {
		return nil, nil, errs.dedupe()
	}
	return p, r, nil
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

func checkWorkload(errs *Errors, r *Resolution) workloadPlan {
	need(errs, r.Workload)
	w := &r.Values.Workload
	wp := workloadPlan{
		rpd:     w.RequestsPerDay.Dec(),
		in:      w.InputTokens.Dec(),
		out:     w.OutputTokens.Dec(),
		cached:  w.CachedInputShare.Dec(),
		p2a:     w.PeakToAverage.Dec(),
		growth:  w.MonthlyGrowth.Dec(),
		horizon: int(w.HorizonMonths.Dec().IntPart()),
	}
	wp.discountRate = w.DiscountRate.Dec()
	wp.sizingBasis = BasisTotalCost
	if w.SizingBasis.Dec().Equal(one) {
		wp.sizingBasis = BasisNetPresentCost
	}
	wp.slo = div(w.TPOTSLOms.Dec(), thousand)
	wp.ttft = div(w.TTFTSLOms.Dec(), thousand)
	if v := w.TPOTSLOms.Dec(); v.Sign() > 0 {
		wp.sloMs = &v
	}
	if v := w.TTFTSLOms.Dec(); v.Sign() > 0 {
		wp.ttftMs = &v
	}
	if v := w.SitePowerMW.Dec(); v.Sign() > 0 {
		wp.siteMW = &v
	}
	if pr, err := parseProfile(w.DailyProfile); err != nil {
		errs.add("workload.daily_profile", err.Error())
	} else {
		wp.profile = pr
		if t := strings.TrimSpace(w.DailyProfile); t != "flat" {
			wp.profileText = t
		}
	}
	// Only a growth in range: one out of range has its message already,
	// and a field shows one message at a time.
	if errs.For("workload.monthly_growth") == "" {
		if msg := wp.growthProblem(); msg != "" {
			errs.add("workload.monthly_growth", msg)
		}
	}
	return wp
}

// growthProblem says when growth takes demand past maxRequestsPerDay
// within the horizon ("" if it does not).
func (wp *workloadPlan) growthProblem() string {
	if wp.horizon >= 1 && wp.horizon <= 120 && wp.growth.Cmp(zero) > 0 && wp.rpd.Sign() > 0 {
		// Each month as demand computes it (the same values as rounding
		// every product to Prec places), kept for demand.
		months := make([]decimal.Decimal, wp.horizon)
		months[0] = wp.rpd
		g := one.Add(wp.growth)
		for m := 1; m < wp.horizon; m++ {
			months[m] = nextRPD(months[m-1], g)
			if months[m].Cmp(maxRequestsPerDay) > 0 {
				return fmt.Sprintf("grows demand past 10^15 requests a day by month %d: lower the growth or the horizon", m+1)
			}
		}
		wp.path = &rpdPath{wp.rpd, wp.growth, wp.horizon, months}
	}
	return ""
}

// presetIDs lists a catalog's preset names for an error message: "a, b, c".
func presetIDs[T any](rows []T, id func(T) string) string {
	ids := make([]string, len(rows))
	for k, row := range rows {
		ids[k] = id(row)
	}
	return strings.Join(ids, ", ")
}

func checkModel(errs *Errors, r *Resolution) modelPlan {
	m := &r.Values.Model
	if m.Preset != "" {
		if _, ok := FindModel(m.Preset); !ok {
			errs.add("model.preset", fmt.Sprintf("unknown model %q; the presets are %s", truncate(m.Preset, 40), presetIDs(Models, func(m ModelPreset) string { return m.ID })))
			return modelPlan{}
		}
	}
	need(errs, r.Model)
	mp := modelPlan{preset: m.Preset}
	total := m.TotalParamsB.Dec()
	active := m.ActiveParamsB.Dec()
	if active.Cmp(total) > 0 {
		errs.add("model.active_params_b", fmt.Sprintf("must be ≤ total parameters (%s B)", total))
	}
	routed := checkExperts(errs, m, &mp, total)
	mp.weightBits = m.WeightBits.Dec()
	kvBits := m.KVBits.Dec()
	mp.params = total.Mul(billion)
	mp.activeParams = active.Mul(billion)
	mp.weightBytes = div(mp.params.Mul(mp.weightBits), dec(8))
	mp.activeWeightBytes = div(mp.activeParams.Mul(mp.weightBits), dec(8))
	mp.routedParams = routed.Mul(billion)
	mp.routedBytes = div(mp.routedParams.Mul(mp.weightBits), dec(8))
	mp.layers = m.Layers.Dec()
	mp.hidden = m.HiddenSize.Dec()
	if m.KVBytesPerToken.Set() {
		mp.kvPerToken = m.KVBytesPerToken.Dec() // the user's, or the preset's at the chosen precision
	} else {
		mp.kvPerToken = div(two.Mul(m.Layers.Dec()).Mul(m.KVHeads.Dec()).Mul(m.HeadDim.Dec()).Mul(kvBits), dec(8))
	}
	mp.attnPerCtx = attentionPerContext(m, mp.kvPerToken, kvBits)
	mp.kvHeads = m.KVHeads.Dec()
	checkSlidingWindow(errs, m, &mp)
	return mp
}

// checkSlidingWindow resolves the sliding-window fields: none, or some of
// the layers with a window.
func checkSlidingWindow(errs *Errors, m *Model, mp *modelPlan) {
	sliding, window, layers := m.SlidingWindowLayers.Dec(), m.SlidingWindow.Dec(), m.Layers.Dec()
	switch {
	case sliding.Sign() <= 0:
	case !m.SlidingWindow.Set():
		errs.add("model.sliding_window", "required with sliding-window layers")
	case layers.Sign() <= 0:
		errs.add("model.layers", "required with sliding-window layers (their share of the layers)")
	case sliding.Cmp(layers) > 0:
		errs.add("model.sliding_window_layers", fmt.Sprintf("must be ≤ the layers (%s)", layers))
	default:
		mp.slidingShare, mp.window = div(sliding, layers), window
	}
}

// kvHeld is the KV cache a sequence of the given tokens holds: tokens ×
// the KV bytes per token, every layer's, sliding-window layers included.
// TensorRT-LLM gives a sliding layer a cache for the whole sequence unless
// its attention window is configured, and SGLang's default pool for them
// holds 0.8 of the full pool's tokens (the twenty-eighth round; vLLM's
// hybrid manager, which holds the window alone, is not modelled).
func (m modelPlan) kvHeld(tokens decimal.Decimal) decimal.Decimal {
	return mul(tokens, m.kvPerToken)
}

// kvRead is the KV a decode step reads a sequence, on average over a
// request whose context grows from in to in + out tokens: the
// full-attention layers' at the mean context in + out/2, the
// sliding-window layers' at the mean of min(context, window) (slidingMean).
func (m modelPlan) kvRead(in, out decimal.Decimal) decimal.Decimal {
	avg := sum(in, div(out, two))
	if m.slidingShare.Sign() == 0 {
		return mul(avg, m.kvPerToken)
	}
	full := one.Sub(m.slidingShare)
	return mul(m.kvPerToken, sum(mul(full, avg), mul(m.slidingShare, slidingMean(in, out, m.window))))
}

// slidingMean is the mean of min(c, window) for c spread evenly from a =
// in to b = in + out: the window when it is at most a; (a + b)/2 when it
// is at least b; between, ((W² − a²)/2 + W × (b − W)) / (b − a).
func slidingMean(in, out, window decimal.Decimal) decimal.Decimal {
	a, b := in, sum(in, out)
	switch {
	case window.Cmp(a) <= 0:
		return window
	case window.Cmp(b) >= 0:
		return sum(a, div(out, two))
	}
	rising := div(diff(mul(window, window), mul(a, a)), two)
	return div(sum(rising, mul(window, diff(b, window))), out)
}

// mla is whether the model caches one latent a layer that every head
// attends to: the models whose attention FLOPs are counted
// (attentionPerContext).
func (m modelPlan) mla() bool { return m.attnPerCtx.Sign() > 0 }

// attentionPerContext is MLA attention's FLOPs for one query token per
// cached token it attends to, over all layers. An MLA model (its KV bytes
// per token given, no head dimension) caches one latent a layer that every
// head attends to, absorbed as in decode: each head takes a dot product
// with the latent as key and a weighted sum of it as value, 2 × 2 × width
// FLOPs, where the width is the KV bytes per token over the layers and the
// bytes of a value (DeepSeek-V3: 512 + 64 = 576; its value is the 512 of
// them, so the rope part is over-counted by 64 of 1,088, 6 %). So 4 ×
// layers × heads × width. Grouped-query attention (a head dimension) is
// left out: its compute is a few FLOPs a byte of KV it reads, which the
// step counts, and adding its FLOPs did not improve the fit on the
// training set (docs/methodology.md). Zero without heads or layers.
func attentionPerContext(m *Model, kvPerToken, kvBits decimal.Decimal) decimal.Decimal {
	heads, layers := m.AttentionHeads.Dec(), m.Layers.Dec()
	if heads.Sign() <= 0 || layers.Sign() <= 0 || m.HeadDim.Dec().Sign() > 0 || kvBits.Sign() <= 0 {
		return zero
	}
	width := div(kvPerToken.Mul(dec(8)), layers.Mul(kvBits))
	return dec(4).Mul(layers).Mul(heads).Mul(width)
}

// checkExperts resolves the MoE fields: none (a dense model, or an MoE
// described by its active parameters alone) or all three. It returns the
// routed-expert parameters, in billions, of a valid MoE, else zero. m holds
// the resolved values.
func checkExperts(errs *Errors, m *Model, mp *modelPlan, total decimal.Decimal) decimal.Decimal {
	experts := m.Experts.Dec()
	perToken := m.ExpertsPerToken.Dec()
	routed := m.RoutedParamsB.Dec()
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
	mp.expertsPerToken = perToken
	return routed
}

func checkOption(errs *Errors, i int, r *Resolution) optionPlan {
	o := &r.Values.Options[i]
	op := optionPlan{label: o.Label, kind: o.Kind, index: i}
	checkText(errs, OptionPath(i, "label"), o.Label, MaxLabelLen)
	if strings.TrimSpace(o.Label) == "" {
		errs.add(OptionPath(i, "label"), "required")
	}
	if !o.Kind.Valid() {
		errs.add(OptionPath(i, "kind"), fmt.Sprintf("must be cloud, owned, api or hybrid (got %q)", truncate(string(o.Kind), 20)))
		return op
	}
	if o.Kind.SelfHosted() {
		op.accel = checkAccelerator(errs, i, o.Accelerator, r.Options[i].Accelerator)
	}
	need(errs, r.Options[i].Fields)
	switch o.Kind {
	case Hybrid:
		op.hyb = checkHybrid(errs, i, r)
		return op
	case API:
		op.price = pricePlan{
			in:     div(o.PriceInputPerM.Dec(), million),
			cached: div(o.PriceCachedInputPerM.Dec(), million),
			out:    div(o.PriceOutputPerM.Dec(), million),
		}
		op.priceChange = o.PriceChange.Dec()
		return op
	case Cloud:
		op.hourly = o.HourlyRate.Dec()
		op.commitUnits = o.CommitAccelerators.Dec()
		op.commitRate = o.CommitHourlyRate.Dec()
		op.commitRateSet = o.CommitHourlyRate.Set()
		op.commitMonths = int(o.CommitMonths.Dec().IntPart())
		op.hourlyChange = o.HourlyRateChange.Dec()
		if op.commitUnits.Sign() > 0 && op.commitMonths == 0 {
			errs.add(OptionPath(i, "commit_months"), "must be ≥ 1 when accelerators are committed")
		}
		checkTiers(errs, i, r, &op)
	case Owned:
		op.capex = o.CapexPerAccelerator.Dec()
		op.capexChange = o.CapexChange.Dec()
		op.deprYears = o.DepreciationYears.Dec()
		op.residual = o.ResidualShare.Dec()
		op.coc = o.CostOfCapital.Dec()
		op.powerKW = o.PowerKW.Dec()
		op.idleShare = o.IdlePowerShare.Dec()
		op.pue = o.PUE.Dec()
		op.elec = o.ElectricityPerKWh.Dec()
		op.colo = o.ColoPerKWMonth.Dec()
		op.opexShare = o.OpexSharePerYear.Dec()
		op.staff = o.StaffPerMonth.Dec()
		op.refresh = o.Refresh.Dec().Sign() > 0
		op.resale = o.ResaleAtHorizon.Dec().Sign() > 0
		op.loanMonths = int(o.LoanMonths.Dec().IntPart())
		op.loanRate = o.LoanRate.Dec()
		op.loanDown = o.LoanDownShare.Dec()
		op.leaseMonths = int(o.LeaseMonths.Dec().IntPart())
		op.leaseFactor = o.LeaseRateFactor.Dec()
		if op.leaseMonths > 0 {
			// Leased hardware is not bought: nothing to finance, refresh or sell.
			const leased = "must be 0 when the accelerators are leased (lease_months): "
			if op.loanMonths > 0 {
				errs.add(OptionPath(i, "loan_months"), leased+"leased hardware is not bought, so there is no loan")
			}
			if op.refresh {
				errs.add(OptionPath(i, "refresh"), leased+"a lease is renewed at the end of its term")
			}
			if op.resale {
				errs.add(OptionPath(i, "resale_at_horizon"), leased+"leased hardware goes back to the lessor")
			}
		}
	}
	op.mbu = o.MBU.Dec()
	op.mfu = o.MFU.Dec()
	// Unset, KV gets a share of the memory left after the weights
	// (kvRoom); set, it is a share of all the memory.
	op.usableSet = o.UsableMemoryShare.Set()
	op.usableMemory = o.UsableMemoryShare.Or(DefaultUsableMemoryShare)
	op.collectiveLatency = div(o.CollectiveLatencyUs.Dec(), million)
	op.requestOverhead = div(o.RequestOverheadMs.Dec(), thousand)
	op.layerOverhead = div(DecodeLayerOverheadUs, million)
	op.maxUtil = o.MaxUtilization.Dec()
	op.spare = o.SpareReplicas.Dec()
	if o.MaxBatch.Set() {
		op.maxBatch = o.MaxBatch.Dec().IntPart()
	}
	if o.AcceleratorsPerReplica.Set() {
		op.perReplica = o.AcceleratorsPerReplica.Dec().IntPart()
	}
	if o.PrefillAcceleratorsPerReplica.Set() {
		op.prefillPerReplica = o.PrefillAcceleratorsPerReplica.Dec().IntPart()
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
	// Measured rates are per accelerator whatever the serving: the pools
	// matter only to the estimate.
	op.disaggregated = o.Disaggregated.Dec().Sign() > 0 && !op.measured
	return op
}

// tierPlan is one commitment tier, checked.
type tierPlan struct {
	tier  int    // 1 for the first tier (the commit_* fields), k+2 for Commitments[k]
	path  string // the path of its fields: "options[0]" or "options[0].commitments[k]"
	units decimal.Decimal
	rate  decimal.Decimal // $ per accelerator-hour, all-in
	// start and end are month indexes from 0: the tier runs in months
	// [start, end), which may end past the horizon.
	start, end int
	upfront    decimal.Decimal // share of the whole term's price paid at start
	// monthly is units × rate × 730, its economic cost each month of the
	// term; monthlyCash the part paid each month, (1 − upfront) × monthly;
	// upfrontCash the part paid at start, upfront × monthly × months.
	monthly, monthlyCash, upfrontCash decimal.Decimal
}

// prepaidCapital is the cost of the money a tier's upfront payment ties
// up, in month m of its term: the part of the prepayment not yet used up at
// the start of the month, upfront × monthly × (end − m), at the scenario's
// discount rate for a month (rate / 12). An owned option's capital is
// charged on its book value the same way; without it, paying upfront for a
// lower rate would look cheaper than it is (docs/methodology.md,
// Commitments).
func (t *tierPlan) prepaidCapital(m int, rate decimal.Decimal) decimal.Decimal {
	if t.upfront.Sign() == 0 || rate.Sign() == 0 || m < t.start || m >= t.end {
		return zero
	}
	return div(t.upfront.Mul(t.monthly).Mul(dec(int64(t.end-m))).Mul(rate), twelve)
}

func newTier(tier int, path string, units, rate decimal.Decimal, start, months int, upfront decimal.Decimal) tierPlan {
	t := tierPlan{tier: tier, path: path, units: units, rate: rate, start: start, end: start + months, upfront: upfront}
	t.monthly = units.Mul(rate).Mul(HoursPerMonth)
	t.monthlyCash = t.monthly
	if upfront.Sign() > 0 {
		t.monthlyCash = one.Sub(upfront).Mul(t.monthly)
		t.upfrontCash = upfront.Mul(t.monthly).Mul(dec(int64(months)))
	}
	return t
}

// checkTiers builds a cloud option's commitment tiers: the first from the
// commit_* fields, then Commitments (their ranges are checked already), and
// the order demand fills them: the cheapest rate first, then the earlier
// start, then the tier's order.
func checkTiers(errs *Errors, i int, r *Resolution, op *optionPlan) {
	horizon := r.Values.Workload.HorizonMonths.Dec()
	if op.commitUnits.Sign() > 0 && op.commitMonths > 0 {
		op.tiers = append(op.tiers, newTier(1, strings.TrimSuffix(OptionPath(i, ""), "."), op.commitUnits, op.commitRate, 0, op.commitMonths, zero))
	}
	o := &r.Values.Options[i]
	if len(o.Commitments) > MaxCommitments {
		return // reported with the ranges
	}
	for t := range o.Commitments {
		res := r.Options[i].Commitments[t]
		need(errs, res)
		c := &o.Commitments[t]
		start := c.StartMonth.Dec()
		if horizon.Sign() > 0 && start.Cmp(horizon) > 0 {
			errs.add(CommitmentPath(i, t, "start_month"), fmt.Sprintf("must be ≤ the horizon (month %s)", horizon))
		}
		if c.Accelerators.Dec().Sign() <= 0 || !c.Months.Set() || !c.HourlyRate.Set() || start.Sign() <= 0 {
			continue // nothing committed, or an error reported
		}
		op.tiers = append(op.tiers, newTier(t+2, strings.TrimSuffix(CommitmentPath(i, t, ""), "."), c.Accelerators.Dec(), c.HourlyRate.Dec(),
			int(start.IntPart())-1, int(c.Months.Dec().IntPart()), c.UpfrontShare.Dec()))
	}
	op.fill = make([]int, len(op.tiers))
	for k := range op.fill {
		op.fill[k] = k
	}
	slices.SortStableFunc(op.fill, func(a, b int) int {
		ta, tb := &op.tiers[a], &op.tiers[b]
		if c := ta.rate.Cmp(tb.rate); c != 0 {
			return c
		}
		return ta.start - tb.start
	})
}

// checkAccelerator checks an option's accelerator: a (the resolved values)
// and its resolution.
func checkAccelerator(errs *Errors, i int, a *Accelerator, resolved []Resolved) acceleratorPlan {
	if a == nil {
		errs.add(OptionPath(i, "accelerator"), "required: a preset or custom specs")
		return acceleratorPlan{}
	}
	if a.Preset != "" {
		if _, ok := FindAccelerator(a.Preset); !ok {
			errs.add(OptionPath(i, "accelerator.preset"), fmt.Sprintf("unknown accelerator %q; the presets are %s", truncate(a.Preset, 40), presetIDs(Accelerators, func(a AcceleratorPreset) string { return a.ID })))
			return acceleratorPlan{}
		}
	}
	need(errs, resolved)
	return acceleratorPlan{
		memory:    a.MemoryGB.Dec().Mul(billion),
		bandwidth: a.BandwidthTBps.Dec().Mul(tera),
		flops:     a.TFLOPS.Dec().Mul(tera),
		powerKW:   a.PowerKW.Dec(),
		// Gigabytes: 10^9 bytes, as the vendors' figures.
		interconnect: a.InterconnectGBps.Dec().Mul(billion),
		domain:       a.ScaleUpDomain.Dec().IntPart(),
		scaleOut:     a.ScaleOutGBps.Dec().Mul(billion),
		mlaDecode:    a.MLADecodeNs.Dec().Shift(-9), // ns → s, exact
		preset:       a.Preset,
	}
}
