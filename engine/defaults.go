package engine

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Defaults used when neither the user nor a preset gives a value. Each is
// explained in docs/methodology.md.
var (
	DefaultCachedInputShare = decimal.Zero
	DefaultPeakToAverage    = decimal.NewFromInt(1)
	DefaultMonthlyGrowth    = decimal.Zero
	DefaultHorizonMonths    = decimal.NewFromInt(36)

	// DefaultTPOTTargetMs is 20 tokens a second for each user, the pace of a
	// chat reply that stays ahead of its reader (MLPerf Inference's
	// interactive Llama 2 70B scenario asks for 40 ms, its server scenario
	// for 200 ms). Scenarios of format version 1 had no default: none.
	DefaultTPOTTargetMs = decimal.NewFromInt(50)
	DefaultBits         = decimal.NewFromInt(16)

	// MBU, MFU, the collective latency, CollectiveBandwidthShare and
	// DecodeLayerOverheadUs are fitted together on the training set's
	// tensor-parallel cases (TestFitEfficiency recomputes the fit;
	// docs/methodology.md, Throughput). The latency's grid stops at 50 µs: NCCL measures 10–30 µs
	// an all-reduce within a node, and a larger fitted latency would stand
	// for throughput losses at large batches while wrongly slowing batch 1.
	// MBU's grid stops at 0.9, about what a copy kernel reaches of an HBM's
	// peak.
	DefaultMBU                 = decimal.RequireFromString("0.8")
	DefaultMFU                 = decimal.RequireFromString("0.6")
	DefaultCollectiveLatencyUs = decimal.RequireFromString("35")
	// DecodeMFURatio is the share k of MFU a decode step's FLOPs reach
	// (issue 11, eleventh round; fitted with MBU and MFU): a decode step's
	// GEMMs have as many rows as its batch, prefill's thousands, and a GEMM
	// with few rows reaches a smaller share of the tensor cores' peak
	// (DeepGEMM's timings: methodology, Throughput). Prefill runs at MFU.
	DecodeMFURatio = decimal.RequireFromString("0.8")
	// DecodeTileRows is the fewest rows a decode step's GEMM costs (issue
	// 11, fourteenth round; fitted with MBU and MFU): tensor cores compute
	// whole tiles of rows (Hopper's wgmma 64 rows a warp group; the MoE
	// kernels pad each expert's tokens to their block of rows), so a step
	// of b < DecodeTileRows sequences costs the FLOPs of DecodeTileRows on
	// each weight, and an expert that receives fewer tokens costs the FLOPs
	// of DecodeTileRows. It binds only where those FLOPs outrun the weights'
	// read: a low FLOPS-to-bandwidth accelerator (the H20) at small batch.
	DecodeTileRows = decimal.NewFromInt(64)
	// DecodeLayerOverheadUs is a decode step's fixed time a layer, in µs,
	// whatever the batch and the replica size: kernel launches, scheduling
	// and synchronisation that the memory and compute roofline leaves out
	// (issue 11, fifth round; fitted with MBU, MFU and the collective
	// latency on the training set: methodology, Throughput).
	DecodeLayerOverheadUs = decimal.RequireFromString("20")
	// RequestOverheadMs is the default of an option's request_overhead_ms,
	// a fixed time a request spends before its first token outside the
	// accelerators' work (the HTTP server, the tokenizer, the scheduler,
	// the stream), added to every time to first token (issue 11: c, fitted
	// on the TTFT training set, testdata/throughput/ttft_training.csv;
	// TestRequestOverheadFit recomputes it; methodology, Throughput). The
	// nineteenth round fitted 245 ms; from the twenty-first round's physics
	// its rule gave none; the twenty-second round, on 42 rows and with a
	// criterion no single row decides, fits 145 ms; the twenty-fifth,
	// with rule S's three superseded rows set aside (39 rows), 140 ms.
	RequestOverheadMs = decimal.RequireFromString("140")
	// CollectiveBandwidthShare is the share of the scale-up link's bandwidth
	// per direction that a tensor-parallel all-reduce achieves in serving
	// (messages of a few MB, not overlapped with compute), fitted with them.
	CollectiveBandwidthShare = decimal.RequireFromString("0.3")
	// AllToAllBandwidthShare is the share of a link's bandwidth an
	// expert-parallel dispatch or combine achieves: DeepEP's low-latency
	// kernels, decoding on H800 over 400 Gb/s InfiniBand (50 GB/s), measure
	// 39–46 GB/s of RDMA bandwidth from EP 8 to EP 256, and its
	// intra-node kernels 153–158 GB/s of NVLink's ~160 GB/s
	// (https://github.com/deepseek-ai/DeepEP, README of the first release,
	// now docs/legacy.md). A measured figure, not fitted.
	AllToAllBandwidthShare = decimal.RequireFromString("0.8")
	// ExpertParallelOverlap says whether an expert-parallel step hides its
	// all-to-alls behind its compute (DeepSeek's dual micro-batch overlap,
	// SGLang's two-batch overlap: the step is the slower of the two) or
	// adds them (as tensor parallel does). Chosen by TestFitEfficiency on
	// the training set.
	ExpertParallelOverlap = true
	// ExpertParallelEfficiency scales MBU and MFU for an expert-parallel
	// replica within one scale-up domain, fitted after them on the
	// training set, whose expert-parallel decode within one domain
	// (TensorRT-LLM's DeepSeek-R1 on 8 B200 or H200, SGLang's on 48
	// GB200 of an NVL72, vLLM's on 8 GB200) runs slower than its memory
	// and compute roofline, MLA attention's compute included: the
	// imbalance between the accelerators' experts is not modelled, and
	// this factor stands for it.
	ExpertParallelEfficiency = decimal.RequireFromString("0.5")
	// ExpertParallelEfficiencyScaleOut is the same factor for an
	// expert-parallel replica wider than its scale-up domain, whose
	// all-to-alls cross the scale-out network (SGLang's DeepSeek on 72
	// H100, DeepSeek's own on 128 H800, Kimi K2 on 96 H200), fitted on
	// those training cases: their steps are bound by the all-to-alls.
	ExpertParallelEfficiencyScaleOut = decimal.RequireFromString("0.4")
	// DefaultUsableMemoryShare is, when usable_memory_share is unset, the
	// share of the memory left after the weights that holds KV (TensorRT-LLM's
	// free_gpu_memory_fraction); a usable_memory_share the user sets is a
	// share of all the memory, weights included.
	DefaultUsableMemoryShare = decimal.RequireFromString("0.9")
	DefaultMaxUtilization    = decimal.RequireFromString("0.8")

	DefaultDepreciationYears = decimal.NewFromInt(4)
	DefaultResidualShare     = decimal.RequireFromString("0.1")
	DefaultCostOfCapital     = decimal.RequireFromString("0.08")
	DefaultIdlePowerShare    = decimal.RequireFromString("0.3")
	DefaultPUE               = decimal.RequireFromString("1.3")
	DefaultElectricity       = decimal.RequireFromString("0.1")
	DefaultColoPerKWMonth    = decimal.NewFromInt(150)
	DefaultOpexSharePerYear  = decimal.RequireFromString("0.05")

	// HostPowerFactor turns board power into all-in power per accelerator:
	// a DGX H100 draws 10.2 kW for eight 0.7 kW GPUs, 1.82× board power.
	HostPowerFactor = decimal.RequireFromString("1.8")

	// MaxReplicaAccelerators bounds the automatic replica search: past one
	// rack-scale domain a replica is not a sane deployment.
	MaxReplicaAccelerators = int64(64)
)

// The rules below give the fields their defaults; each registry entry
// (fields.go) names its own.

// constant is a default that does not depend on the scenario.
func constant(v decimal.Decimal) Rule {
	return func(*scope) Default { return Default{v, Origin{Kind: OriginDefault}} }
}

// constantSaid is a constant default with words that say what it is.
func constantSaid(v decimal.Decimal, words string) Rule {
	return func(*scope) Default { return Default{v, Origin{Kind: OriginDefault, Rule: words}} }
}

// noChange is the default of an annual rate of change: 0, prices held.
var noChange = constantSaid(decimal.Zero, "no change")

// required is no default: the user must give a value.
func required(*scope) Default { return Default{Origin: Origin{Kind: OriginRequired}} }

// optional is no default and no need of one: words say what the absence
// of a value means.
func optional(words string) Rule {
	return func(*scope) Default { return none(words) }
}

// none is no value; words say what that means.
func none(words string) Default { return Default{Origin: Origin{Kind: OriginNone, Rule: words}} }

// modelPreset is the model preset's figure, else what otherwise gives.
func modelPreset(otherwise Rule) Rule {
	return func(sc *scope) Default {
		if sc.model != nil && sc.figure.Set() {
			return sc.fromModel(sc.figure.Dec(), "")
		}
		return otherwise(sc)
	}
}

func (sc *scope) fromModel(v decimal.Decimal, words string) Default {
	p := sc.model
	return Default{v, Origin{Kind: OriginPreset, Rule: words, Preset: p.Name, Source: p.Source, AsOf: p.AsOf}}
}

// derived is the value of another field, from (its key in the same group),
// as value reads it among the values resolved so far (it may scale it: the
// words say how); without one, otherwise gives the default.
func derived(from, words string, value func(*scope) Num, otherwise Rule) Rule {
	return func(sc *scope) Default {
		if n := value(sc); n.Set() {
			return Default{n.Dec(), Origin{Kind: OriginDerived, Rule: words, From: sc.path(from)}}
		}
		return otherwise(sc)
	}
}

// noExperts is the rule of the expert fields without a preset's figure.
var noExperts = optional("a dense model, or an MoE described by its active parameters alone")

// moePreset is an MoE preset's figure (its active parameters differ from
// its total), else what otherwise gives.
func moePreset(otherwise Rule) Rule {
	return func(sc *scope) Default {
		if p := sc.model; p != nil && !p.Shape.ActiveParamsB.Dec().Equal(p.Shape.TotalParamsB.Dec()) {
			return sc.fromModel(sc.figure.Dec(), "")
		}
		return otherwise(sc)
	}
}

// kvBytes is the preset's KV bytes per token, scaled from its own KV
// precision to the one chosen, unless the user gives the KV shape (layers,
// heads, head dimension), from which the engine then computes it.
func kvBytes(sc *scope) Default {
	if presetKVBytes(sc) {
		p := sc.model
		presetBits := p.Shape.KVBits.Dec()
		bits := sc.s.Model.KVBits.Or(presetBits) // resolved after this field: the same rule
		words := ""
		if !bits.Equal(presetBits) {
			words = "scaled to the KV precision"
		}
		return sc.fromModel(div(p.Shape.KVBytesPerToken.Dec().Mul(bits), presetBits), words)
	}
	return none("2 × layers × KV heads × head dimension × KV precision")
}

// presetKVBytes reports a preset that gives the KV bytes per token, and
// no KV shape given that would override it.
func presetKVBytes(sc *scope) bool {
	m := &sc.s.Model
	shapeGiven := m.Layers.Set() || m.KVHeads.Set() || m.HeadDim.Set()
	return sc.model != nil && sc.model.Shape.KVBytesPerToken.Set() && !shapeGiven
}

// kvShape is the rule of the KV shape (layers, heads, head dimension)
// without a preset's figure: required unless the KV bytes per token are
// known.
func kvShape(sc *scope) Default {
	if sc.s.Model.KVBytesPerToken.Set() || presetKVBytes(sc) {
		return none("not needed: the KV bytes per token are known")
	}
	return required(sc)
}

// spec is the accelerator preset's figure, else what otherwise gives.
func spec(figure func(*AcceleratorPreset) Num, otherwise Rule) Rule {
	return func(sc *scope) Default {
		if p := sc.accel; p != nil {
			if n := figure(p); n.Set() {
				return sc.fromAccelerator(n.Dec(), "", p.SpecSource)
			}
		}
		return otherwise(sc)
	}
}

// network is the accelerator preset's scale-up domain or scale-out
// figure (from its network source), else what otherwise gives.
func network(figure func(*AcceleratorPreset) Num, otherwise Rule) Rule {
	return func(sc *scope) Default {
		if p := sc.accel; p != nil {
			if n := figure(p); n.Set() {
				return sc.fromAccelerator(n.Dec(), "", p.NetworkSource)
			}
		}
		return otherwise(sc)
	}
}

// price is the accelerator preset's indicative price, else what otherwise
// gives.
func price(figure func(*AcceleratorPreset) Num, otherwise Rule) Rule {
	return func(sc *scope) Default {
		if p := sc.accel; p != nil {
			if n := figure(p); n.Set() {
				return sc.fromAccelerator(n.Dec(), "indicative", p.PriceSource)
			}
		}
		return otherwise(sc)
	}
}

// capexWords is the origin of a preset's capex: the catalog's price pages
// are rental pages and state no purchase price, so the figure is cited as
// what it is (docs/catalog-audit.md), with no source of its own.
const capexWords = "an estimate: no published purchase price, see docs/catalog-audit.md"

// capex is the accelerator preset's estimated purchase price, else what
// otherwise gives.
func capex(otherwise Rule) Rule {
	return func(sc *scope) Default {
		if p := sc.accel; p != nil && p.Capex.Set() {
			return sc.fromAccelerator(p.Capex.Dec(), capexWords, "")
		}
		return otherwise(sc)
	}
}

func (sc *scope) fromAccelerator(v decimal.Decimal, words, source string) Default {
	p := sc.accel
	return Default{v, Origin{Kind: OriginPreset, Rule: words, Preset: p.Name, Source: source, AsOf: p.AsOf}}
}

// fp8MaxBits is the widest weight precision that runs at the FP8 rate.
var fp8MaxBits = decimal.NewFromInt(8)

// tflops is the preset's dense rate at the precision the matmuls run at.
// Weights of 8 bits run at FP8; weights above 8 bits at BF16. Weights below
// 8 bits (4-bit formats: MXFP4, NVFP4, AWQ, GPTQ) run at FP8 on a chip with
// a 4-bit float path (Blackwell, CDNA 4: the serving engines quantize the
// activations to 8 bits, MXFP8 for gpt-oss), else at BF16: without one the
// kernels are weight-only, dequantizing the weights to 16-bit activations
// (TensorRT-LLM's Triton MoE on Hopper, vLLM's Marlin and Triton MXFP4, AWQ
// and GPTQ W4A16). The rule's source is TensorRT-LLM's GPT-OSS deployment
// guide (its MoE backend support matrix: MXFP4 weights with MXFP8
// activations on B200/GB200, BF16 activations on H200),
// https://nvidia.github.io/TensorRT-LLM/deployment-guide/deployment-guide-for-gpt-oss-on-trtllm.html,
// named in the words; the rate's source is the preset's spec page. The
// other sources are in docs/methodology.md (Defaults).
func tflops(sc *scope) Default {
	p := sc.accel
	if p == nil {
		return required(sc)
	}
	bits := sc.v.Model.WeightBits.Dec()
	switch {
	case bits.Cmp(fp8MaxBits) > 0:
		return sc.fromAccelerator(p.TFLOPSBF16.Dec(), "BF16: weights above 8 bits", p.SpecSource)
	case bits.Cmp(fp8MaxBits) == 0:
		return sc.fromAccelerator(p.TFLOPS8.Dec(), "FP8: weights of 8 bits", p.SpecSource)
	case p.FP4:
		return sc.fromAccelerator(p.TFLOPS8.Dec(), "FP8: weights below 8 bits on a chip with a 4-bit float path run 8-bit activations (TensorRT-LLM's GPT-OSS deployment guide)", p.SpecSource)
	}
	return sc.fromAccelerator(p.TFLOPSBF16.Dec(), "BF16: weights below 8 bits on a chip without a 4-bit float path run weight-only, with 16-bit activations (TensorRT-LLM's GPT-OSS deployment guide)", p.SpecSource)
}

// stackEfficiency is the accelerator preset's fitted stack efficiency (from
// its efficiency source), else none: 1, the GPUs the defaults rest on
// (NVIDIA Hopper and older, Intel Gaudi 3).
func stackEfficiency(sc *scope) Default {
	if p := sc.accel; p != nil && p.StackEfficiency.Set() {
		return sc.fromAccelerator(p.StackEfficiency.Dec(), "", p.EfficiencySource)
	}
	return none("1: the accelerators MBU and MFU were fitted on (NVIDIA Hopper and older, Intel Gaudi 3)")
}

// mlaDecode is the accelerator preset's fitted MLA decode time a cached
// token a layer (from its efficiency source), else none: no such term.
func mlaDecode(sc *scope) Default {
	if p := sc.accel; p != nil && p.MLADecodeNs.Set() {
		return sc.fromAccelerator(p.MLADecodeNs.Dec(), "", p.EfficiencySource)
	}
	return none("0: no MLA decode term (fitted for AMD CDNA3 only)")
}

// scaledByStack is a fitted default (MBU, MFU) times the accelerator's
// stack efficiency where it has one, else the default itself.
func scaledByStack(v decimal.Decimal) Rule {
	words := v.String() + " × the accelerator's stack efficiency"
	return derived("accelerator.stack_efficiency", words, func(sc *scope) Num {
		if a := sc.option().Accelerator; a != nil && a.StackEfficiency.Set() {
			return NumOf(v.Mul(a.StackEfficiency.Dec()))
		}
		return Num{}
	}, constant(v))
}

// neededIfCommitted: without a rate, the commitment's rate is needed only
// when something is committed.
func neededIfCommitted(sc *scope) Default {
	if sc.option().CommitAccelerators.Dec().Sign() > 0 {
		return required(sc)
	}
	return none("not needed: nothing is committed")
}

// neededIfLoan: the loan's rate is needed only when purchases are financed
// by a loan.
func neededIfLoan(sc *scope) Default {
	if sc.option().LoanMonths.Dec().Sign() > 0 {
		return required(sc)
	}
	return none("not needed: no loan")
}

// neededIfLeased: the lease rate factor is needed only when the hardware is
// leased.
func neededIfLeased(sc *scope) Default {
	if sc.option().LeaseMonths.Dec().Sign() > 0 {
		return required(sc)
	}
	return none("not needed: not leased")
}

// tierRate is a commitment tier's rate when none is given: the option's
// on-demand hourly rate (as the first tier's commit_hourly_rate).
func tierRate(sc *scope) Default {
	if n := sc.option().HourlyRate; n.Set() {
		return Default{n.Dec(), Origin{Kind: OriginDerived, Rule: "the hourly rate", From: OptionPath(sc.i, "hourly_rate")}}
	}
	return required(sc)
}

// allInPowerRule is the words of allInPower.
var allInPowerRule = HostPowerFactor.String() + " × board power"

// allInPower is the accelerator's board power times HostPowerFactor: all-in
// power per accelerator.
func allInPower(sc *scope) Num {
	a := sc.option().Accelerator
	if a == nil || !a.PowerKW.Set() {
		return Num{}
	}
	return NumOf(a.PowerKW.Dec().Mul(HostPowerFactor))
}

// checkRange reports why a set value is out of its field's range, or "".
func checkRange(f Field, n Num) string {
	if n.Bad() != "" {
		return entryCheck(&f, n.Bad())
	}
	if !n.Set() {
		return ""
	}
	v := n.Dec()
	switch {
	case f.MinExclusive && v.Cmp(f.Min) <= 0:
		return fmt.Sprintf("must be > %s", f.Min)
	case !f.MinExclusive && v.Cmp(f.Min) < 0:
		return fmt.Sprintf("must be ≥ %s", f.Min)
	case v.Cmp(f.Max) > 0:
		return fmt.Sprintf("must be ≤ %s", f.Max) + shareHint(&f, v)
	case f.Integer && !v.Equal(v.Truncate(0)):
		return "must be a whole number"
	}
	return ""
}
