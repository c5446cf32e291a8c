package engine

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Throughput is how fast one replica of a self-hosted option serves the
// workload, per accelerator.
type Throughput struct {
	AcceleratorsPerReplica int64            `json:"accelerators_per_replica"`
	BatchSize              *int64           `json:"batch_size"`     // nil when measured
	DecodeStepMs           *decimal.Decimal `json:"decode_step_ms"` // nil when measured
	// TPOTMs is the time between two of a user's output tokens: the decode
	// step plus the share of prefill work each step carries under
	// continuous batching (a request's prefill × batch / output tokens).
	// The TPOT target limits it. Nil when measured.
	TPOTMs *decimal.Decimal `json:"tpot_ms"`
	// TokensPerSecondPerUser is what each sequence of the batch receives:
	// one token a TPOT. Nil when measured.
	TokensPerSecondPerUser *decimal.Decimal `json:"tokens_per_s_per_user"`
	// TimeToFirstTokenMs is the prompt's prefill on the replica plus one
	// decode step, without queueing (firstToken). Nil when measured.
	TimeToFirstTokenMs *decimal.Decimal `json:"ttft_ms"`
	PrefillTokensPerS  decimal.Decimal  `json:"prefill_tokens_per_s"`
	DecodeTokensPerS   decimal.Decimal  `json:"decode_tokens_per_s"`
	// AcceleratorSecondsPerRequest is the busy time one request costs.
	AcceleratorSecondsPerRequest decimal.Decimal `json:"accelerator_seconds_per_request"`
	// InputShareOfTime is the part of that time spent on prefill; it splits
	// cost between input and output tokens.
	InputShareOfTime decimal.Decimal `json:"input_share_of_time"`
	Measured         bool            `json:"measured"`
	// Bound says what limits the decode step: "memory", "compute" or
	// "communication".
	Bound string `json:"bound,omitempty"`
	// BatchLimit says what capped the batch: "memory", "max_batch" or "slo".
	BatchLimit string `json:"batch_limit,omitempty"`
	// TilePadded says a compute-bound step's GEMMs cost more rows than the
	// batch gives them: fewer than DecodeTileRows sequences (or tokens an
	// MoE expert) cost the FLOPs of DecodeTileRows.
	TilePadded bool `json:"tile_padded,omitempty"`
	// Layout is how a replica splits the model: "tensor parallel" (every
	// accelerator holds a slice of every weight; dense models and MoE
	// models alike) or "expert parallel" (an MoE model's always-read
	// weights on every accelerator, its routed experts split between
	// them, each accelerator decoding its own share of the batch). Empty
	// when measured.
	Layout string `json:"layout,omitempty"`
	// Why says how the replica size and layout were chosen, e.g. "2
	// accelerators a replica, tensor parallel: the cheapest of 1, 2, 4, 8
	// (tensor parallel) for this demand"; empty when there was no choice.
	Why string `json:"why,omitempty"`
	// Accuracy is how right the estimate is likely to be; nil when measured
	// or calibrated.
	Accuracy *Accuracy `json:"accuracy,omitempty"`
	// Calibration is the published measurement the estimate is calibrated
	// to; nil when none.
	Calibration *Calibration `json:"calibration,omitempty"`
	// Pools is a disaggregated option's unit of prefill and decode
	// replicas (AcceleratorsPerReplica is then the unit's); nil when every
	// replica prefills and decodes.
	Pools *Pools `json:"pools,omitempty"`
}

// Layouts of a replica (Throughput.Layout).
const (
	LayoutTensor = "tensor parallel"
	LayoutExpert = "expert parallel"
)

// throughput applies the roofline (or the measured rates) to one option,
// choosing among the candidate replicas the one with the fewest
// accelerator-seconds a request (the validation compares this). The cost
// model chooses by cost instead (plan.option). The error names the field
// to change.
func throughput(w workloadPlan, m modelPlan, o *optionPlan) (Throughput, *FieldError) {
	cands, fe := throughputs(w, m, o)
	if fe != nil {
		return Throughput{}, fe
	}
	best := 0
	for i := range cands {
		if cands[i].AcceleratorSecondsPerRequest.Cmp(cands[best].AcceleratorSecondsPerRequest) < 0 {
			best = i
		}
	}
	t := cands[best]
	t.Why = why(cands, best, "the fewest accelerator-seconds a request", "")
	o.annotate(w, m, &t)
	return t, nil
}

// annotate gives the chosen estimate what is known of its accuracy: the
// measurement it is calibrated to, or the validation band of its kind.
// Only the chosen candidate is annotated: the others are dropped.
func (o *optionPlan) annotate(w workloadPlan, m modelPlan, t *Throughput) {
	switch {
	case t.Measured:
	case o.calibration != nil:
		t.Calibration = o.calibration.calibrated(w, t)
	case t.Pools != nil:
		t.Accuracy = estimateAccuracy(w, m, o.accel.preset, max(t.Pools.PrefillAcceleratorsPerReplica, t.Pools.DecodeAcceleratorsPerReplica))
		if t.Accuracy != nil {
			t.Accuracy.Outside = append(t.Accuracy.Outside, "disaggregated serving: each pool's rate is estimated as validated, but no published end-to-end measurement of disaggregated serving is compared as a whole")
		}
	default:
		t.Accuracy = estimateAccuracy(w, m, o.accel.preset, t.AcceleratorsPerReplica)
	}
}

// throughputs is the option's candidate replicas: the measured rates, or
// the roofline for each size and layout estimates considers (the chosen
// one is annotated with its accuracy afterwards).
func throughputs(w workloadPlan, m modelPlan, o *optionPlan) ([]Throughput, *FieldError) {
	if !o.measured {
		return estimates(w, m, o)
	}
	t := Throughput{Measured: true}
	t.AcceleratorsPerReplica = o.perReplica
	t.PrefillTokensPerS = o.prefillRate
	t.DecodeTokensPerS = o.decodeRate
	t.finish(w)
	return []Throughput{t}, nil
}

// why says how candidate best was chosen among cands, by the criterion in
// words (then context); "" when there was no choice.
func why(cands []Throughput, best int, criterion, context string) string {
	if len(cands) < 2 {
		return ""
	}
	var b strings.Builder
	for _, layout := range []string{LayoutTensor, LayoutExpert} {
		var sizes []string
		for _, c := range cands {
			if c.Layout == layout {
				sizes = append(sizes, strconv.FormatInt(c.AcceleratorsPerReplica, 10))
			}
		}
		if len(sizes) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(" and ")
		}
		b.WriteString(strings.Join(sizes, ", ") + " (" + layout + ")")
	}
	c := cands[best]
	if c.Pools != nil {
		return "a unit of " + c.Pools.String() + ", " + strconv.FormatInt(c.AcceleratorsPerReplica, 10) + " accelerators: " +
			criterion + " of " + strconv.Itoa(len(cands)) + " units considered" + context
	}
	unit := "accelerators"
	if c.AcceleratorsPerReplica == 1 {
		unit = "accelerator"
	}
	// Without fmt: this runs at every evaluation (fmt is slow in WebAssembly).
	return strconv.FormatInt(c.AcceleratorsPerReplica, 10) + " " + unit + " a replica, " + c.Layout + ": " + criterion + " of " + b.String() + context
}

// estimates is the roofline for every replica considered. With a replica
// size given, that size, tensor parallel and, for an MoE model with its
// expert fields, expert parallel. Without one, tensor parallel from the
// smallest power of two that holds the weights and one full sequence to 8
// times that (a replica that barely fits has room for a tiny batch only,
// and an operator would rather spread the model wider to batch more), but
// no wider than the scale-up domain unless the smallest is; and, for an
// MoE model with its expert fields, expert parallel from the smallest
// power of two (at least 2) whose every accelerator holds the always-read
// weights, its share of the experts and one full sequence, to 8 times
// that: expert-parallel replicas may span scale-up domains. At most 8
// candidates, each up to MaxReplicaAccelerators. The error is the first
// candidate's when none is possible.
func estimates(w workloadPlan, m modelPlan, o *optionPlan) ([]Throughput, *FieldError) {
	if o.disaggregated {
		return disaggregate(w, m, o)
	}
	return replicas(w, m, o, o.perReplica, estimateAt)
}

// estimator is the estimate of one replica of n accelerators in a layout.
type estimator func(w workloadPlan, m modelPlan, o *optionPlan, sh *shared, n int64, layout string) (Throughput, *FieldError)

// replicas is estimates' candidates of one replica size (pin), or of every
// size considered (pin 0), each estimated by at (estimateAt, or prefillAt
// for a prefill pool).
func replicas(w workloadPlan, m modelPlan, o *optionPlan, pin int64, at estimator) ([]Throughput, *FieldError) {
	sh := newShared(w, m, o)
	seqKV := sh.seqKV
	var out []Throughput
	var firstFE *FieldError
	var fastest *decimal.Decimal // the missed target's time at the fastest candidate that misses it
	var fastN int64              // that candidate's size and layout
	var fastLayout string
	try := func(n int64, layout string) {
		t, fe := at(w, m, o, &sh, n, layout)
		if fe != nil {
			// A missed latency target is reported at the fastest
			// candidate (what meeting it would take), other problems at
			// the first.
			took := t.TimeToFirstTokenMs
			if fe.Path == "workload.tpot_slo_ms" {
				took = t.TPOTMs
			}
			if took != nil && (firstFE == nil || firstFE.Path == fe.Path && took.Cmp(*fastest) < 0) {
				firstFE, fastest, fastN, fastLayout = fe, took, n, layout
			} else if firstFE == nil {
				firstFE = fe
			}
			return
		}
		out = append(out, t)
	}
	if pin > 0 {
		try(pin, LayoutTensor)
		if m.moe && pin > 1 {
			try(pin, LayoutExpert)
		}
		if len(out) == 0 {
			return nil, widerAdvice(w, m, o, &sh, firstFE, fastN, fastLayout)
		}
		return out, nil
	}
	var first int64
	for c := int64(1); c <= MaxReplicaAccelerators; c *= 2 {
		if cmp(kvRoom(m, o, c), mul(seqKV, m.kvCopies(c))) >= 0 {
			first = c
			break
		}
	}
	if first == 0 {
		return nil, &FieldError{OptionPath(o.index, "accelerator"), fmt.Sprintf(
			"the model (%s GB of weights plus %s GB of KV for one sequence) does not fit on %d of these accelerators (accelerator): choose a larger accelerator, fewer weight bits or shorter requests.",
			Count(m.weightBytes.Div(billion), 1), Count(seqKV.Div(billion), 1), MaxReplicaAccelerators)}
	}
	widest := first * 8
	if d := o.accel.domain; d > 0 && widest > max(d, first) {
		widest = max(d, first)
	}
	for c := first; c <= widest && c <= MaxReplicaAccelerators; c *= 2 {
		try(c, LayoutTensor)
	}
	if m.moe {
		for c := int64(2); c <= MaxReplicaAccelerators; c *= 2 {
			if cmp(kvRoomExpert(m, o, c), seqKV) >= 0 {
				for e := c; e <= c*8 && e <= MaxReplicaAccelerators; e *= 2 {
					try(e, LayoutExpert)
				}
				break
			}
		}
	}
	if len(out) == 0 {
		return nil, widerAdvice(w, m, o, &sh, firstFE, fastN, fastLayout)
	}
	return out, nil
}

// widerAdvice adds to a missed latency target's message (fe, reported at
// the fastest candidate, n accelerators in layout) the narrowest wider
// replica, up to MaxReplicaAccelerators, that serves the workload, as
// accelerators_per_replica would set it; a wider replica is offered only
// when one serves (beyond a scale-up domain the collectives' time can grow
// faster than the rest shrinks). fe is returned unchanged otherwise.
func widerAdvice(w workloadPlan, m modelPlan, o *optionPlan, sh *shared, fe *FieldError, n int64, layout string) *FieldError {
	if fe == nil || n == 0 || fe.Path != "workload.tpot_slo_ms" && fe.Path != "workload.ttft_slo_ms" {
		return fe
	}
	for c := n * 2; c <= MaxReplicaAccelerators; c *= 2 {
		if _, miss := estimateAt(w, m, o, sh, c, layout); miss == nil {
			msg := strings.TrimSuffix(fe.Msg, ".") + fmt.Sprintf(" or a replica of %s (accelerators_per_replica), which meets it.", accelerators(c))
			return &FieldError{fe.Path, msg}
		}
	}
	return fe
}

// kvCopies is how many copies of each sequence's KV a tensor-parallel
// replica of n accelerators holds (issue 11, twenty-first round: the
// fifteenth round's (R)): a rank holds max(1, KV heads / n) heads, so with
// fewer KV heads than ranks each head is held n / KV heads times (vLLM's
// get_num_kv_heads); an MLA model's one latent a layer is attended to by
// every head and held whole by every rank, n times (SGLang's data-parallel
// attention exists to remove that copy). One where the heads are not known,
// and on one accelerator; an expert-parallel replica (data-parallel
// attention) holds each sequence once.
func (m modelPlan) kvCopies(n int64) decimal.Decimal {
	nd := intDecimal(n)
	switch {
	case n <= 1:
		return one
	case m.mla():
		return nd
	case m.kvHeads.Sign() > 0 && cmp(nd, m.kvHeads) > 0:
		return div(nd, m.kvHeads)
	}
	return one
}

// kvRoom is the memory a replica of n accelerators leaves for KV. Unless
// usable_memory_share is given, a serving engine sizes its KV cache as a
// share of the memory left after the weights (TensorRT-LLM's
// free_gpu_memory_fraction, 0.9 by default; trtllm-bench's
// calc_engine_setting: (device memory − engine size) × fraction): the rest
// is the runtime's activations and buffers. A usable_memory_share the user
// sets keeps its meaning, a share of all the memory.
func kvRoom(m modelPlan, o *optionPlan, n int64) decimal.Decimal {
	total := mul(o.accel.memory, intDecimal(n))
	if !o.usableSet {
		return mul(diff(total, m.weightBytes), o.usableMemory)
	}
	return diff(mul(total, o.usableMemory), m.weightBytes)
}

// kvRoomExpert is the memory each accelerator of an expert-parallel
// replica of n leaves for KV: it holds the always-read weights and 1/n of
// the routed experts, and the rest is shared out as kvRoom does.
func kvRoomExpert(m modelPlan, o *optionPlan, n int64) decimal.Decimal {
	always := diff(m.weightBytes, m.routedBytes)
	held := sum(always, div(m.routedBytes, intDecimal(n)))
	if !o.usableSet {
		return mul(diff(o.accel.memory, held), o.usableMemory)
	}
	return diff(mul(o.accel.memory, o.usableMemory), held)
}

// link is the bandwidth per accelerator and direction that a replica of n
// accelerators' collectives run over: the scale-up interconnect while the
// replica fits in one scale-up domain, else the scale-out network (the
// scale-up figure when the scale-out one is unknown).
func (a acceleratorPlan) link(n int64) decimal.Decimal {
	if a.scalesOut(n) {
		return a.scaleOut
	}
	return a.interconnect
}

// scalesOut says whether a replica of n accelerators runs its collectives
// over the scale-out network: wider than one scale-up domain, with a
// scale-out figure.
func (a acceleratorPlan) scalesOut(n int64) bool {
	return a.domain > 0 && n > a.domain && a.scaleOut.Sign() > 0
}

// shared is what every replica size and layout of an option shares: one
// sequence's KV and FLOPs, and the decode step's fixed time. Worked out
// once an option (estimates), not at each candidate (fastdec's helpers:
// decimal's methods, digit for digit).
type shared struct {
	// seqKV is the KV one sequence holds at its end: (input + output) ×
	// KV a token.
	seqKV decimal.Decimal
	// ctxKV is the KV a sequence holds on average over its decode, at
	// the batch's average context: (input + output/2) × KV a token.
	ctxKV decimal.Decimal
	// matmulFLOP is a token's matmul FLOPs, 2 × active parameters: a
	// prefill token's, and a decode step's a sequence when its GEMMs have
	// a tile of rows (decodeMatmulFLOP).
	matmulFLOP decimal.Decimal
	// attnFLOP is a decoded token's attention FLOPs over the batch's
	// average context: attnPerCtx × (input + output/2).
	attnFLOP decimal.Decimal
	// prefillFLOP is a prefill token's FLOPs: the matmuls and its
	// attention to half the prompt on average, 2 × active parameters +
	// attnPerCtx × input/2.
	prefillFLOP decimal.Decimal
	// overhead is a decode step's fixed time whatever the batch: a time a
	// layer (kernel launches, scheduling, synchronisation), layerOverhead
	// × layers (DecodeLayerOverheadUs, fitted on the training set), and,
	// for an MLA model, the accelerator's MLA decode time a cached token a
	// layer at the batch's average context, mlaDecode × (input + output/2)
	// × layers (mla_decode_ns; the twentieth round: AMD CDNA3's MLA decode
	// kernels take about as long for one sequence as for a batch).
	overhead decimal.Decimal
}

func newShared(w workloadPlan, m modelPlan, o *optionPlan) shared {
	avgCtx := sum(w.in, div(w.out, two)) // input + output/2
	matmul := mul(two, m.activeParams)
	overhead := mul(o.layerOverhead, m.layers)
	if m.mla() {
		overhead = sum(overhead, mul(mul(o.accel.mlaDecode, avgCtx), m.layers))
	}
	return shared{
		seqKV:       m.kvHeld(sum(w.in, w.out)),
		ctxKV:       m.kvRead(w.in, w.out),
		matmulFLOP:  matmul,
		attnFLOP:    mul(m.attnPerCtx, avgCtx),
		prefillFLOP: sum(matmul, mul(m.attnPerCtx, div(w.in, two))),
		overhead:    overhead,
	}
}

// replicaPlan is a replica of n accelerators in a layout: the batch its
// memory holds (capped by max_batch, and what capped it), its bandwidth and
// FLOPs at MBU and MFU, its collectives, and the seconds a prefill token
// takes on it. estimateAt decodes on it; prefillAt only prefills.
type replicaPlan struct {
	expert, overlap bool
	ctxKV           decimal.Decimal // the KV a step reads a sequence, every copy (sh.ctxKV × kvCopies)
	batch           decimal.Decimal
	batchLimit      string
	bw, fl          decimal.Decimal // bytes/s and FLOP/s, at MBU and MFU
	comm            tpComm
	perToken        decimal.Decimal // seconds a prefill token
}

// replicaAt plans a replica of n accelerators in a layout; the error says
// when it cannot hold the weights and one full sequence.
func replicaAt(m modelPlan, o *optionPlan, sh *shared, n int64, layout string) (replicaPlan, *FieldError) {
	nd := intDecimal(n)
	expert := layout == LayoutExpert
	r := replicaPlan{expert: expert, ctxKV: sh.ctxKV}
	// A tensor-parallel replica holds copies of each sequence's KV
	// (kvCopies): its memory holds fewer sequences, and a step reads each
	// copy.
	seqKV, copies := sh.seqKV, one
	if !expert {
		if copies = m.kvCopies(n); !copies.Equal(one) {
			seqKV, r.ctxKV = mul(seqKV, copies), mul(sh.ctxKV, copies)
		}
	}
	// The batch the memory holds: the replica's KV room over one full
	// sequence; expert parallel, each accelerator's, for each holds its
	// own sequences.
	if expert {
		free := kvRoomExpert(m, o, n)
		if cmp(free, seqKV) < 0 {
			return r, &FieldError{OptionPath(o.index, "accelerators_per_replica"), fmt.Sprintf(
				"%s expert parallel (accelerators_per_replica) cannot each hold the always-read weights, a 1/%d share of the experts and one full sequence: choose a larger replica size or a larger accelerator.", accelerators(n), n)}
		}
		r.batch = mul(floor(div(free, seqKV)), nd)
	} else {
		free := kvRoom(m, o, n)
		if cmp(free, seqKV) < 0 {
			held := "one full sequence"
			if !copies.Equal(one) {
				// Each rank holds the KV of the heads it runs: say why a
				// sequence counts more than once.
				held = fmt.Sprintf("one full sequence, whose KV it holds %s times (each rank holds the KV its attention heads read)", Count(copies, 0))
			}
			return r, &FieldError{OptionPath(o.index, "accelerators_per_replica"), fmt.Sprintf(
				"a replica of %s (accelerators_per_replica) cannot hold the weights and %s: at least %s GB of usable memory is needed. Choose a larger replica size or a larger accelerator.",
				accelerators(n), held, Count(m.weightBytes.Add(seqKV).Div(billion), 1))}
		}
		r.batch = floor(div(free, seqKV))
	}
	r.batchLimit = "memory"
	if o.maxBatch > 0 && cmp(r.batch, intDecimal(o.maxBatch)) > 0 {
		r.batch = intDecimal(o.maxBatch)
		r.batchLimit = "max_batch"
	}
	r.bw = mul(mul(nd, o.accel.bandwidth), o.mbu)
	r.fl = mul(mul(nd, o.accel.flops), o.mfu)
	r.comm = tensorParallel(m, o, n)
	if expert {
		// Expert-parallel serving reaches a smaller share of the peaks
		// than MBU and MFU (fitted on the training set, within one
		// scale-up domain and across the scale-out network: what it
		// stands for, chiefly the imbalance between the accelerators'
		// experts, is not modelled).
		eff := ExpertParallelEfficiency
		if o.accel.scalesOut(n) {
			eff = ExpertParallelEfficiencyScaleOut
		}
		r.bw, r.fl = mul(r.bw, eff), mul(r.fl, eff)
		r.comm, r.overlap = expertParallel(m, o, n), ExpertParallelOverlap
	}
	// Prefill: a token's FLOPs over the replica, plus its share of the
	// collectives' traffic (prefill chunks are large: their latency is
	// spread over thousands of tokens and left out). Seconds a prefill
	// token on the replica.
	r.perToken = div(sh.prefillFLOP, r.fl)
	if r.overlap {
		r.perToken = maxDec(r.perToken, r.comm.perToken)
	} else {
		r.perToken = sum(r.perToken, r.comm.perToken)
	}
	return r, nil
}

// prefillAt is a replica of n accelerators in a layout that only
// prefills (a disaggregated option's prefill pool): its size, layout and
// prefill rate.
func prefillAt(_ workloadPlan, m modelPlan, o *optionPlan, sh *shared, n int64, layout string) (Throughput, *FieldError) {
	r, fe := replicaAt(m, o, sh, n, layout)
	if fe != nil {
		return Throughput{Layout: layout}, fe
	}
	return Throughput{Layout: layout, AcceleratorsPerReplica: n, PrefillTokensPerS: div(one, mul(r.perToken, intDecimal(n)))}, nil
}

// estimateAt is the roofline for a replica of n accelerators in a layout.
func estimateAt(w workloadPlan, m modelPlan, o *optionPlan, sh *shared, n int64, layout string) (Throughput, *FieldError) {
	t := Throughput{Layout: layout}
	r, fe := replicaAt(m, o, sh, n, layout)
	if fe != nil {
		return t, fe
	}
	nd := intDecimal(n)
	expert, overlap := r.expert, r.overlap
	batch, bw, fl, comm, perToken := r.batch, r.bw, r.fl, r.comm, r.perToken
	// Decode step at batch b: the matmuls, then the attention (work, below),
	// each the slower of its memory read and its FLOPs (the batch's average
	// KV: r.ctxKV a sequence, every copy).
	t.BatchLimit = r.batchLimit
	// FLOPs a decode step costs: the matmuls (decodeMatmulFLOP, no fewer
	// than DecodeTileRows rows a GEMM) and each sequence's attention over
	// the batch's average context (sh.attnFLOP).
	// Expert parallel, every accelerator reads the always-read weights for
	// its own share of the batch: the replica reads them n times.
	var replicated decimal.Decimal
	if expert {
		replicated = mul(diff(m.weightBytes, m.routedBytes), intDecimal(n-1))
	}
	fld := mul(fl, DecodeMFURatio)
	// A decode step runs the matmuls, then the attention (issue 11, eleventh
	// round): each part is the slower of its memory read and its FLOPs (at
	// DecodeMFURatio × MFU), the two added; the KV read does not hide under
	// the matmuls' FLOPs. The step is compute-bound when the FLOPs' share
	// of it is the larger.
	work := func(b decimal.Decimal) (decimal.Decimal, bool) {
		touched := m.touchedShare(b)
		weightTime := div(add(m.stepWeightBytes(touched), replicated), bw)
		matmulTime := div(m.decodeMatmulFLOP(b, touched, n, expert), fld)
		kvTime := div(mul(b, r.ctxKV), bw)
		attnTime := div(mul(b, sh.attnFLOP), fld)
		var memPart, flopPart decimal.Decimal
		if cmp(matmulTime, weightTime) > 0 {
			flopPart = matmulTime
		} else {
			memPart = weightTime
		}
		if cmp(attnTime, kvTime) > 0 {
			flopPart = add(flopPart, attnTime)
		} else {
			memPart = add(memPart, kvTime)
		}
		return add(memPart, flopPart), cmp(flopPart, memPart) > 0
	}
	// A decode step also pays sh.overhead, a fixed time a layer.
	stepTime := func(b decimal.Decimal) decimal.Decimal {
		wk, _ := work(b)
		if overlap {
			return sum(maxDec(wk, comm.decode(b)), sh.overhead)
		}
		return sum(sum(wk, comm.decode(b)), sh.overhead)
	}
	// The time per output token a user sees (methodology, "Time per output
	// token from the mixed step"): each step carries, beside the batch's
	// decode, b / out requests' prefill (continuous batching with chunked
	// prefill), so TPOT = step + b × a request's prefill / out.
	// A decode replica of a disaggregated option runs no prefill: its
	// TPOT is the step alone.
	promptTime := mul(w.uncachedIn(), perToken)
	fastest := "a decode step and its share of the prompt's prefill"
	if o.disaggregated {
		promptTime, fastest = zero, "a decode step, the prompts prefilled elsewhere"
	}
	tpot := func(b, step decimal.Decimal) decimal.Decimal { return sum(step, div(mul(b, promptTime), w.out)) }
	if w.slo.Sign() > 0 {
		// The largest batch whose TPOT meets the SLO: it only grows with
		// the batch, so a bisection finds it exactly.
		fits := func(b int64) bool {
			bd := intDecimal(b)
			return cmp(tpot(bd, stepTime(bd)), w.slo) <= 0
		}
		if !fits(1) {
			tpot1 := roundUp(tpot(one, stepTime(one)).Mul(thousand), 2)
			t.TPOTMs = &tpot1
			return t, &FieldError{"workload.tpot_slo_ms", fmt.Sprintf(
				"one output token takes %s ms on a replica of %s even at batch 1 (the fastest considered: %s), more than the time-per-output-token target (workload.tpot_slo_ms) of %s ms. Raise the target to at least %s ms, or choose a faster accelerator.",
				Count(tpot1, 2), accelerators(n), fastest, Count(w.slo.Mul(thousand), 3), Count(tpot1, 2))}
		}
		if hi := batch.IntPart(); !fits(hi) {
			lo := int64(1) // fits(lo) and !fits(hi)
			for hi-lo > 1 {
				if mid := lo + (hi-lo)/2; fits(mid) {
					lo = mid
				} else {
					hi = mid
				}
			}
			batch = intDecimal(lo)
			t.BatchLimit = "slo"
		}
	}
	step, computeBound := work(batch)
	commStep := comm.decode(batch)
	t.Bound = "memory"
	if computeBound {
		t.Bound = "compute"
		t.TilePadded = cmp(m.decodeMatmulFLOP(batch, m.touchedShare(batch), n, expert), mul(batch, sh.matmulFLOP)) > 0
	}
	if cmp(commStep, step) > 0 {
		t.Bound = "communication"
	}
	if overlap {
		step = maxDec(step, commStep)
	} else {
		step = sum(step, commStep)
	}
	step = sum(step, sh.overhead)
	b := batch.IntPart()
	ms := mul(step, thousand)
	t.AcceleratorsPerReplica = n
	t.BatchSize = &b
	t.DecodeStepMs = &ms
	userTPOT := tpot(batch, step)
	tpotMs := mul(userTPOT, thousand)
	t.TPOTMs = &tpotMs
	perUser := div(one, userTPOT)
	t.TokensPerSecondPerUser = &perUser
	t.DecodeTokensPerS = div(batch, mul(step, nd))
	t.PrefillTokensPerS = div(one, mul(perToken, nd))
	t.finish(w)
	if o.disaggregated {
		return t, nil // the first token is the unit's (disaggregate)
	}
	if fe := firstToken(w, o, &t, step); fe != nil {
		return t, fe
	}
	return t, nil
}

// firstToken sets the time to the first token of a request on an idle
// replica: the option's fixed time a request (request_overhead_ms), its uncached
// prompt at the replica's prefill rate, then one decode step. Queueing is
// left out: capacity is sized at the target utilization, which keeps
// queues short. The error says when the workload's target cannot be met
// at this replica size.
func firstToken(w workloadPlan, o *optionPlan, t *Throughput, step decimal.Decimal) *FieldError {
	ttft := sum(sum(o.requestOverhead, div(w.uncachedIn(), mul(t.PrefillTokensPerS, intDecimal(t.AcceleratorsPerReplica)))), step)
	ms := mul(ttft, thousand)
	t.TimeToFirstTokenMs = &ms
	if w.ttft.Sign() > 0 && cmp(ttft, w.ttft) > 0 {
		up := roundUp(ms, 0)
		return &FieldError{"workload.ttft_slo_ms", fmt.Sprintf(
			"on a replica of %s, the fastest considered, the fixed time a request (%s ms), the prompt's prefill and the first decode step take %s ms, more than the time-to-first-token target (workload.ttft_slo_ms) of %s ms. Raise the target to at least %s ms, or choose a faster accelerator.",
			accelerators(t.AcceleratorsPerReplica), Count(mul(o.requestOverhead, thousand), 0), Count(up, 0), Count(w.ttft.Mul(thousand), 3), Count(up, 0))}
	}
	return nil
}

// accelerators is "1 accelerator" or "n accelerators".
func accelerators(n int64) string {
	if n == 1 {
		return "1 accelerator"
	}
	return strconv.FormatInt(n, 10) + " accelerators"
}

// roundUp rounds x up to places decimals (a target that is then met).
func roundUp(x decimal.Decimal, places int32) decimal.Decimal {
	return x.RoundCeil(places)
}

// tpComm is a tensor-parallel replica's communication: each layer ends its
// attention and its MLP with an all-reduce of the activations of the tokens
// in flight (hidden values of 2 bytes each) across the replica's n
// accelerators. A ring all-reduce sends 2(n − 1)/n of the data through each
// accelerator's link, after a fixed latency.
type tpComm struct {
	latency  decimal.Decimal // seconds, all the all-reduces of one step
	perToken decimal.Decimal // seconds of link time per token in flight
}

// tensorParallel is the communication of a replica of n accelerators: none
// for one accelerator, or where the model's layers and hidden size or the
// accelerator's interconnect are unknown.
func tensorParallel(m modelPlan, o *optionPlan, n int64) tpComm {
	link := o.accel.link(n)
	if n <= 1 || m.layers.Sign() == 0 || m.hidden.Sign() == 0 || link.Sign() == 0 {
		return tpComm{latency: zero, perToken: zero}
	}
	allReduces := mul(two, m.layers)
	ring := div(mul(two, intDecimal(n-1)), intDecimal(n))
	return tpComm{
		latency:  mul(allReduces, o.collectiveLatency),
		perToken: div(mul(mul(mul(allReduces, ring), m.hidden), two), mul(link, CollectiveBandwidthShare)),
	}
}

// expertParallel is the communication of an expert-parallel replica of n
// accelerators (DeepSeek-V3 §3.4, DeepEP): each layer's MoE block sends
// every token's hidden state (2 bytes a value) to the accelerators of its
// k experts (dispatch) and brings the k results back (combine), two
// all-to-alls a layer. With experts spread evenly, (n − 1)/n of the k
// copies leave the accelerator. Each accelerator sends and receives for
// its own b/n tokens, so a token in flight costs the replica
// 2 × layers × k × hidden × 2 bytes × (n − 1)/n over n links, at
// AllToAllBandwidthShare of each link. Every layer is counted as an MoE
// layer (DeepSeek-V3 has 58 of 61), and each all-to-all pays the fixed
// collective latency. None for one accelerator or where the layers, the
// hidden size or the link is unknown.
func expertParallel(m modelPlan, o *optionPlan, n int64) tpComm {
	link := o.accel.link(n)
	if n <= 1 || m.layers.Sign() == 0 || m.hidden.Sign() == 0 || link.Sign() == 0 {
		return tpComm{latency: zero, perToken: zero}
	}
	allToAlls := mul(two, m.layers)
	nd := intDecimal(n)
	remote := div(intDecimal(n-1), nd)
	bytes := mul(mul(mul(mul(allToAlls, m.expertsPerToken), m.hidden), two), remote)
	return tpComm{
		latency:  mul(allToAlls, o.collectiveLatency),
		perToken: div(bytes, mul(mul(nd, link), AllToAllBandwidthShare)),
	}
}

// decode is the communication time of a decode step of b sequences.
func (c tpComm) decode(b decimal.Decimal) decimal.Decimal {
	return sum(c.latency, mul(b, c.perToken))
}

// stepWeightBytes is what one decode step of b sequences reads of the
// weights. A dense model reads them all; so, as an approximation, does an
// MoE given by its active parameters alone (it reads the active ones). An
// MoE with its expert fields reads its always-used weights (attention,
// embeddings, shared experts, dense layers) and every routed expert that at
// least one of the b tokens is sent to: with each token choosing k of E
// experts of a layer, an expert is left untouched by all b tokens with
// probability (1 − k/E)^b, so a share 1 − (1 − k/E)^b of the routed
// weights is read (touched, touchedShare). At b = 1 that is the active
// weights; at the batches serving runs, nearly all of them.
func (m modelPlan) stepWeightBytes(touched decimal.Decimal) decimal.Decimal {
	if !m.moe {
		return m.activeWeightBytes
	}
	return sum(diff(m.weightBytes, m.routedBytes), mul(m.routedBytes, touched))
}

// touchedShare is the share of an MoE's routed experts that a decode step
// of b sequences touches, 1 − (1 − k/E)^b (stepWeightBytes); zero for a
// model without expert fields. A step's weight read and its matmul FLOPs
// both use it, so work computes it once a batch.
func (m modelPlan) touchedShare(b decimal.Decimal) decimal.Decimal {
	if !m.moe {
		return zero
	}
	return diff(one, powRound(diff(one, m.expertShare), b.IntPart()))
}

// powRound is x^n for 0 ≤ x ≤ 1 and n ≥ 0, by squaring, each product
// rounded to Prec places: at most 2 log2(n) multiplications of bounded
// size, however large n is.
func powRound(x decimal.Decimal, n int64) decimal.Decimal {
	r := one
	for ; n > 0; n >>= 1 {
		if n&1 == 1 {
			r = roundTo(mul(r, x), Prec)
		}
		x = roundTo(mul(x, x), Prec)
	}
	return r
}

// uncachedIn is a request's input tokens that prefill computes: those not
// served from the prefix cache.
func (w workloadPlan) uncachedIn() decimal.Decimal { return mul(w.in, diff(one, w.cached)) }

// finish derives the per-request figures from the rates.
func (t *Throughput) finish(w workloadPlan) {
	prefill := div(w.uncachedIn(), t.PrefillTokensPerS)
	decode := div(w.out, t.DecodeTokensPerS)
	t.AcceleratorSecondsPerRequest = sum(prefill, decode)
	t.InputShareOfTime = div(prefill, t.AcceleratorSecondsPerRequest)
}

// Binds says what limits the operating point, in words: what bounds the
// decode step and what capped the batch, e.g. "memory-bound; the batch is
// capped by the time-per-token target". Empty when measured.
func (t *Throughput) Binds() string {
	if t.Bound == "" {
		return ""
	}
	s := t.Bound + "-bound"
	if t.Bound == "compute" && t.TilePadded {
		s += " (its GEMMs pad the batch to " + DecodeTileRows.String() + " rows)"
	}
	switch t.BatchLimit {
	case "memory":
		s += "; the batch is capped by the memory left for KV"
	case "max_batch":
		s += "; the batch is capped by max batch"
	case "slo":
		s += "; the batch is capped by the time-per-token target"
	}
	if p := t.Pools; p != nil {
		s += "; the unit's " + p.Limit + " pool sets its rate"
	}
	return s
}

// decodeMatmulFLOP is a decode step's matmul FLOPs at batch b, each GEMM
// costing no fewer than DecodeTileRows rows (issue 11, fourteenth round):
// the always-used weights (A = active − R × k/E parameters) run r rows on
// each accelerator (b tensor parallel; b/n a rank expert parallel), each
// rank at least a tile, and the routed experts (R parameters, k of E a
// token) run b × k/E rows an expert on average, each touched expert (a
// share u(b) = touched = 1 − (1 − k/E)^b of them) at least a tile:
//
//	2 × A × max(r, BM) × b/r + 2 × R × max(b × k/E, u(b) × BM)
//
// At b ≥ BM rows (and b × k/E ≥ u(b) × BM) it is 2 × active × b, the
// unpadded FLOPs.
func (m modelPlan) decodeMatmulFLOP(b, touched decimal.Decimal, n int64, expert bool) decimal.Decimal {
	bm := DecodeTileRows
	routed := m.routedParams // R; zero for a dense model
	always := diff(m.activeParams, mul(routed, m.expertShare))
	r, ranks := b, one
	if expert {
		ranks = intDecimal(n)
		r = div(b, ranks)
	}
	flop := mul(mul(mul(two, always), maxDec(r, bm)), ranks)
	if routed.Sign() == 0 {
		return flop
	}
	return sum(flop, mul(mul(two, routed), maxDec(mul(b, m.expertShare), mul(touched, bm))))
}
