package engine

// The catalogs are starting points, not truths: every value can be
// overridden in a scenario. Scale-up bandwidth is per accelerator and
// direction, half the bidirectional figure of the spec page: NVLink 4 900
// GB/s (H100, H200), NVLink 5 1.8 TB/s (B200, GB200), NVLink 3 600 GB/s
// (A100); AMD's Infinity Fabric 7 links × 128 GB/s (MI300X, MI325X) and
// × 153.6 GB/s (MI355X); Gaudi 3's 21 scale-up ports of 200 Gb Ethernet;
// TPU inter-chip interconnect of 400 GB/s (v5e) and 800 GB/s (v6e) a chip,
// bidirectional as Google's system-architecture tables state it;
// the L40S has only PCIe Gen4 x16 (64 GB/s). Trainium2's NeuronLink is
// left unset (no figure checked): its replicas have no communication term.
// The scale-up domain is the accelerators that interconnect joins: 8 in an
// HGX/DGX server (H100, H200, B200, A100), an AMD Instinct platform
// (MI300X, MI325X, MI355X) and an Intel HLS-3 server (Gaudi 3), 72 in a
// GB200 NVL72 rack, 256 in a TPU v5e or v6e pod (its ICI), 16 in a trn2
// instance (64 in a Trn2 UltraServer, a separate product), and a PCIe
// server of 8 for the L40S, which has no NVLink. Scale-out bandwidth is
// per accelerator and direction: one 400 Gb/s ConnectX-7 a GPU in DGX
// H100, H200 and B200 and in GB200 NVL72 compute trays (50 GB/s), 200 Gb/s
// a GPU in DGX A100 (25 GB/s), 3 × 200 GbE a Gaudi 3 (75 GB/s, Intel's
// network configuration guide), 400 Gb/s a GPU as AMD's Instinct platforms
// are built (one 400 G NIC a GPU), 3.2 Tb/s of EFA for a trn2 instance's
// 16 chips (25 GB/s); left unset for TPUs (their DCN figures are not
// checked) and the L40S (server-dependent). Specs come from the vendors' datasheets (dense,
// i.e. without structured sparsity). Prices are indicative market figures on
// the as-of date: rental is per accelerator-hour on demand from the named
// public price list; purchase is an all-in estimate per accelerator (its
// share of the server and network), which vendors do not publish — treat it
// as the figure to replace first with your own quote.

// AcceleratorPreset is one catalog accelerator.
type AcceleratorPreset struct {
	ID            string
	Name          string
	Vendor        string
	MemoryGB      Num // HBM (or GDDR) per accelerator, 10^9 bytes
	BandwidthTBps Num // memory bandwidth, 10^12 bytes/s
	TFLOPSBF16    Num // dense BF16/FP16 tensor TFLOPS
	TFLOPS8       Num // dense FP8 (INT8 on TPUs) TFLOPS; equal to BF16 where the chip has no 8-bit float path
	// FP4 is whether the chip has a 4-bit float tensor path (NVIDIA
	// Blackwell, AMD CDNA 4: its spec source lists FP4/MXFP4 rates). Weights
	// below 8 bits compute at the FP8 rate where it has one, else at BF16's
	// (weight-only kernels with 16-bit activations): see tflops in defaults.go.
	FP4 bool
	// InterconnectGBps is scale-up bandwidth per accelerator and direction,
	// GB/s (half the bidirectional figure vendors quote).
	InterconnectGBps Num
	// ScaleUpDomain is how many accelerators the scale-up interconnect
	// joins (a server, a rack, a pod); ScaleOutGBps is the network
	// bandwidth out of that domain per accelerator and direction, GB/s.
	// Both come from NetworkSource.
	ScaleUpDomain Num
	ScaleOutGBps  Num
	PowerKW       Num // board power (TDP)
	// StackEfficiency scales the default MBU and MFU for this accelerator
	// with its usual serving software, fitted on the training set's
	// measurements (EfficiencySource); unset: 1, the NVIDIA GPUs the
	// defaults were fitted on.
	StackEfficiency Num
	// MLADecodeNs is the time an MLA decode step spends a cached token
	// a layer beyond its reads and FLOPs on this accelerator's serving
	// software (ns), fitted on the training set's measurements
	// (EfficiencySource); unset: none (docs/methodology.md, Throughput,
	// twentieth round).
	MLADecodeNs   Num
	HourlyRate    Num // indicative on-demand rental, $/accelerator-hour
	Capex         Num // indicative all-in purchase, $/accelerator; unset when not sold
	SpecSource    string
	NetworkSource string // scale-up domain and scale-out bandwidth
	// EfficiencySource says where StackEfficiency comes from.
	EfficiencySource string
	PriceSource      string
	AsOf             string
}

// ModelPreset is one catalog model. Shape holds the published values in
// the scenario's own Model form (its Preset unset), so the field registry's
// accessors read presets and scenarios alike.
type ModelPreset struct {
	ID     string
	Name   string
	Shape  Model // WeightBits is the precision the model is usually served at
	Source string
	AsOf   string
	Note   string
	// MaxContextTokens is the longest sequence (prompt and output) the
	// model is built for: max_position_embeddings in the same config.json
	// (Source, as of AsOf). A request longer than that cannot be served as
	// one; the result warns (Result.ContextWarning). Not a link key: a
	// custom model has no limit.
	MaxContextTokens int64
}

// Accelerators is the accelerator catalog, in display order.
var Accelerators = []AcceleratorPreset{
	{ID: "h100-sxm", Name: "NVIDIA H100 SXM 80 GB", Vendor: "NVIDIA",
		MemoryGB: N("80"), BandwidthTBps: N("3.35"), TFLOPSBF16: N("989"), TFLOPS8: N("1979"), InterconnectGBps: N("450"), ScaleUpDomain: N("8"), ScaleOutGBps: N("50"), PowerKW: N("0.7"),
		HourlyRate: N("2.99"), Capex: N("35000"),
		SpecSource: "https://www.nvidia.com/en-us/data-center/h100/", NetworkSource: "https://docs.nvidia.com/dgx/dgxh100-user-guide/introduction-to-dgxh100.html", PriceSource: "https://lambda.ai/pricing", AsOf: "2026-11-01"},
	{ID: "h200", Name: "NVIDIA H200 SXM 141 GB", Vendor: "NVIDIA",
		MemoryGB: N("141"), BandwidthTBps: N("4.8"), TFLOPSBF16: N("989"), TFLOPS8: N("1979"), InterconnectGBps: N("450"), ScaleUpDomain: N("8"), ScaleOutGBps: N("50"), PowerKW: N("0.7"),
		HourlyRate: N("3.79"), Capex: N("40000"),
		SpecSource: "https://www.nvidia.com/en-us/data-center/h200/", NetworkSource: "https://docs.nvidia.com/dgx/dgxh100-user-guide/introduction-to-dgxh100.html", PriceSource: "https://lambda.ai/pricing", AsOf: "2026-11-01"},
	{ID: "b200", Name: "NVIDIA B200 180 GB", Vendor: "NVIDIA",
		MemoryGB: N("180"), BandwidthTBps: N("8"), TFLOPSBF16: N("2250"), TFLOPS8: N("4500"), FP4: true, InterconnectGBps: N("900"), ScaleUpDomain: N("8"), ScaleOutGBps: N("50"), PowerKW: N("1.0"), StackEfficiency: blackwellStackEfficiency,
		HourlyRate: N("4.99"), Capex: N("50000"),
		SpecSource: "https://www.nvidia.com/en-us/data-center/dgx-b200/", NetworkSource: "https://docs.nvidia.com/dgx/dgxb200-user-guide/introduction-to-dgxb200.html", PriceSource: "https://lambda.ai/pricing", EfficiencySource: blackwellEfficiencySource, AsOf: "2026-11-30"},
	{ID: "gb200", Name: "NVIDIA GB200 NVL72 (per GPU)", Vendor: "NVIDIA",
		MemoryGB: N("186"), BandwidthTBps: N("8"), TFLOPSBF16: N("2500"), TFLOPS8: N("5000"), FP4: true, InterconnectGBps: N("900"), ScaleUpDomain: N("72"), ScaleOutGBps: N("50"), PowerKW: N("1.2"), StackEfficiency: blackwellStackEfficiency,
		HourlyRate: N("6.50"), Capex: N("58000"),
		SpecSource: "https://www.nvidia.com/en-us/data-center/gb200-nvl72/", NetworkSource: "https://www.nvidia.com/en-us/data-center/gb200-nvl72/", PriceSource: "https://www.coreweave.com/pricing", EfficiencySource: blackwellEfficiencySource, AsOf: "2026-11-01"},
	{ID: "mi300x", Name: "AMD Instinct MI300X 192 GB", Vendor: "AMD",
		MemoryGB: N("192"), BandwidthTBps: N("5.3"), TFLOPSBF16: N("1307"), TFLOPS8: N("2615"), InterconnectGBps: N("448"), ScaleUpDomain: N("8"), ScaleOutGBps: N("50"), PowerKW: N("0.75"), StackEfficiency: amdStackEfficiency, MLADecodeNs: cdna3MLADecodeNs,
		HourlyRate: N("2.50"), Capex: N("22000"),
		SpecSource: "https://www.amd.com/en/products/accelerators/instinct/mi300/mi300x.html", NetworkSource: "https://www.amd.com/en/products/accelerators/instinct/mi300/platform.html", PriceSource: "https://www.runpod.io/pricing", EfficiencySource: amdEfficiencySource, AsOf: "2026-11-01"},
	{ID: "mi325x", Name: "AMD Instinct MI325X 256 GB", Vendor: "AMD",
		MemoryGB: N("256"), BandwidthTBps: N("6"), TFLOPSBF16: N("1307"), TFLOPS8: N("2615"), InterconnectGBps: N("448"), ScaleUpDomain: N("8"), ScaleOutGBps: N("50"), PowerKW: N("1.0"), StackEfficiency: amdStackEfficiency, MLADecodeNs: cdna3MLADecodeNs,
		HourlyRate: N("2.99"), Capex: N("27000"),
		SpecSource: "https://www.amd.com/en/products/accelerators/instinct/mi300/mi325x.html", NetworkSource: "https://www.amd.com/en/products/accelerators/instinct/mi300/platform.html", PriceSource: "https://www.vultr.com/pricing/", EfficiencySource: amdEfficiencySource, AsOf: "2026-11-01"},
	{ID: "mi355x", Name: "AMD Instinct MI355X 288 GB", Vendor: "AMD",
		MemoryGB: N("288"), BandwidthTBps: N("8"), TFLOPSBF16: N("2500"), TFLOPS8: N("5000"), FP4: true, InterconnectGBps: N("537.6"), ScaleUpDomain: N("8"), ScaleOutGBps: N("50"), PowerKW: N("1.4"), StackEfficiency: amdStackEfficiency,
		HourlyRate: N("3.49"), Capex: N("32000"),
		SpecSource: "https://www.amd.com/en/products/accelerators/instinct/mi350/mi355x.html", NetworkSource: "https://www.amd.com/en/products/accelerators/instinct/mi350.html", PriceSource: "https://www.vultr.com/pricing/", EfficiencySource: amdEfficiencySource, AsOf: "2026-11-01"},
	{ID: "tpu-v5e", Name: "Google TPU v5e (per chip)", Vendor: "Google",
		MemoryGB: N("16"), BandwidthTBps: N("0.819"), TFLOPSBF16: N("197"), TFLOPS8: N("394"), InterconnectGBps: N("200"), ScaleUpDomain: N("256"), PowerKW: N("0.2"),
		HourlyRate: N("1.20"),
		SpecSource: "https://docs.cloud.google.com/tpu/docs/v5e", NetworkSource: "https://docs.cloud.google.com/tpu/docs/v5e", PriceSource: "https://cloud.google.com/tpu/pricing", AsOf: "2026-11-30"},
	{ID: "tpu-v6e", Name: "Google TPU v6e Trillium (per chip)", Vendor: "Google",
		MemoryGB: N("32"), BandwidthTBps: N("1.638"), TFLOPSBF16: N("918"), TFLOPS8: N("1836"), InterconnectGBps: N("400"), ScaleUpDomain: N("256"), PowerKW: N("0.3"),
		HourlyRate: N("2.70"),
		SpecSource: "https://docs.cloud.google.com/tpu/docs/v6e", NetworkSource: "https://docs.cloud.google.com/tpu/docs/v6e", PriceSource: "https://cloud.google.com/tpu/pricing", AsOf: "2026-11-30"},
	{ID: "trainium2", Name: "AWS Trainium2 (per chip)", Vendor: "AWS",
		MemoryGB: N("96"), BandwidthTBps: N("2.9"), TFLOPSBF16: N("667"), TFLOPS8: N("1299"), ScaleUpDomain: N("16"), ScaleOutGBps: N("25"), PowerKW: N("0.5"),
		HourlyRate: N("2.80"),
		SpecSource: "https://aws.amazon.com/ai/machine-learning/trainium/", NetworkSource: "https://aws.amazon.com/ec2/instance-types/trn2/", PriceSource: "https://aws.amazon.com/ec2/pricing/on-demand/", AsOf: "2026-11-01"},
	{ID: "gaudi3", Name: "Intel Gaudi 3 128 GB", Vendor: "Intel",
		MemoryGB: N("128"), BandwidthTBps: N("3.7"), TFLOPSBF16: N("1835"), TFLOPS8: N("1835"), InterconnectGBps: N("525"), ScaleUpDomain: N("8"), ScaleOutGBps: N("75"), PowerKW: N("0.9"),
		HourlyRate: N("1.99"), Capex: N("16000"),
		SpecSource: "https://www.intel.com/content/www/us/en/products/details/processors/ai-accelerators/gaudi.html", NetworkSource: "https://docs.habana.ai/en/latest/Management_and_Monitoring/Network_Configuration/index.html", PriceSource: "https://www.ibm.com/cloud/gaudi3", AsOf: "2026-11-01"},
	{ID: "l40s", Name: "NVIDIA L40S 48 GB", Vendor: "NVIDIA",
		MemoryGB: N("48"), BandwidthTBps: N("0.864"), TFLOPSBF16: N("362"), TFLOPS8: N("733"), InterconnectGBps: N("32"), ScaleUpDomain: N("8"), PowerKW: N("0.35"),
		HourlyRate: N("0.99"), Capex: N("10000"),
		SpecSource: "https://www.nvidia.com/en-us/data-center/l40s/", NetworkSource: "https://www.nvidia.com/en-us/data-center/l40s/", PriceSource: "https://www.runpod.io/pricing", AsOf: "2026-11-01"},
	{ID: "a100-80gb", Name: "NVIDIA A100 SXM 80 GB", Vendor: "NVIDIA",
		MemoryGB: N("80"), BandwidthTBps: N("2.039"), TFLOPSBF16: N("312"), TFLOPS8: N("312"), InterconnectGBps: N("300"), ScaleUpDomain: N("8"), ScaleOutGBps: N("25"), PowerKW: N("0.4"),
		HourlyRate: N("1.79"), Capex: N("17000"),
		SpecSource: "https://www.nvidia.com/en-us/data-center/a100/", NetworkSource: "https://docs.nvidia.com/dgx/dgxa100-user-guide/introduction-to-dgxa100.html", PriceSource: "https://lambda.ai/pricing", AsOf: "2026-11-01"},
}

// Models is the model catalog, in display order. Shapes come from each
// model's published config.json.
var Models = []ModelPreset{
	{ID: "llama-3.1-8b", Name: "Llama 3.1 8B",
		Shape:  Model{TotalParamsB: N("8.03"), ActiveParamsB: N("8.03"), HiddenSize: N("4096"), Layers: N("32"), KVHeads: N("8"), HeadDim: N("128"), WeightBits: N("16"), KVBits: N("16")},
		Source: "https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/config.json", AsOf: "2026-11-01", MaxContextTokens: 131072},
	{ID: "llama-3.1-70b", Name: "Llama 3.1 70B",
		Shape:  Model{TotalParamsB: N("70.6"), ActiveParamsB: N("70.6"), HiddenSize: N("8192"), Layers: N("80"), KVHeads: N("8"), HeadDim: N("128"), WeightBits: N("16"), KVBits: N("16")},
		Source: "https://huggingface.co/meta-llama/Llama-3.1-70B/blob/main/config.json", AsOf: "2026-11-01", MaxContextTokens: 131072},
	{ID: "llama-3.1-405b", Name: "Llama 3.1 405B (FP8)",
		Shape:  Model{TotalParamsB: N("405.9"), ActiveParamsB: N("405.9"), HiddenSize: N("16384"), Layers: N("126"), KVHeads: N("8"), HeadDim: N("128"), WeightBits: N("8"), KVBits: N("8")},
		Source: "https://huggingface.co/meta-llama/Llama-3.1-405B-FP8/blob/main/config.json", AsOf: "2026-11-01", MaxContextTokens: 131072,
		Note: "Meta publishes an FP8 checkpoint; 16-bit weights need twice the memory."},
	{ID: "deepseek-v3", Name: "DeepSeek-V3 (MoE, MLA, FP8)",
		Shape: Model{TotalParamsB: N("671"), ActiveParamsB: N("37"), Experts: N("256"), ExpertsPerToken: N("8"), RoutedParamsB: N("653.91"),
			HiddenSize: N("7168"), AttentionHeads: N("128"), Layers: N("61"), KVBytesPerToken: N("70272"), WeightBits: N("8"), KVBits: N("16")},
		Source: "https://huggingface.co/deepseek-ai/DeepSeek-V3/blob/main/config.json", AsOf: "2026-11-01", MaxContextTokens: 163840,
		Note: "MLA caches a 512-dim latent plus a 64-dim rope key per layer: (512+64) × 61 layers × 2 bytes = 70,272 bytes a token; 128 attention heads (num_attention_heads) attend to it. Routed experts: 58 MoE layers × 256 experts × 3 × 7,168 × 2,048 = 653.91 B parameters; 8 are used per token."},
	{ID: "kimi-k2", Name: "Kimi K2 (MoE, MLA, FP8)",
		Shape: Model{TotalParamsB: N("1026.41"), ActiveParamsB: N("32.86"), Experts: N("384"), ExpertsPerToken: N("8"), RoutedParamsB: N("1014.69"),
			HiddenSize: N("7168"), AttentionHeads: N("64"), Layers: N("61"), KVBytesPerToken: N("70272"), WeightBits: N("8"), KVBits: N("16")},
		Source: "https://huggingface.co/moonshotai/Kimi-K2-Instruct/blob/main/config.json", AsOf: "2026-11-30", MaxContextTokens: 131072,
		Note: "DeepSeek-V3's architecture with 384 routed experts and 64 attention heads. MLA caches (512+64) × 61 layers × 2 bytes = 70,272 bytes a token. Routed experts: 60 MoE layers (the first is dense) × 384 experts × 3 × 7,168 × 2,048 = 1,014.69 B parameters; 8 are used per token. Total and active by the config's arithmetic (Moonshot states 1 T and 32 B). Released in block FP8."},
	{ID: "qwen3-235b-a22b", Name: "Qwen3-235B-A22B (MoE)",
		Shape: Model{TotalParamsB: N("235"), ActiveParamsB: N("22"), Experts: N("128"), ExpertsPerToken: N("8"), RoutedParamsB: N("227.1"),
			HiddenSize: N("4096"), Layers: N("94"), KVHeads: N("4"), HeadDim: N("128"), WeightBits: N("16"), KVBits: N("16")},
		Source: "https://huggingface.co/Qwen/Qwen3-235B-A22B/blob/main/config.json", AsOf: "2026-11-01", MaxContextTokens: 40960,
		Note: "Routed experts: 94 MoE layers × 128 experts × 3 × 4,096 × 1,536 = 227.1 B parameters; 8 are used per token."},
	{ID: "qwen3-32b", Name: "Qwen3-32B",
		Shape:  Model{TotalParamsB: N("32.8"), ActiveParamsB: N("32.8"), HiddenSize: N("5120"), Layers: N("64"), KVHeads: N("8"), HeadDim: N("128"), WeightBits: N("16"), KVBits: N("16")},
		Source: "https://huggingface.co/Qwen/Qwen3-32B/blob/main/config.json", AsOf: "2026-11-01", MaxContextTokens: 40960},
	{ID: "gpt-oss-120b", Name: "gpt-oss-120b (MoE, MXFP4)",
		Shape: Model{TotalParamsB: N("116.8"), ActiveParamsB: N("5.1"), Experts: N("128"), ExpertsPerToken: N("4"), RoutedParamsB: N("114.70"),
			HiddenSize: N("2880"), Layers: N("36"), KVHeads: N("8"), HeadDim: N("64"), SlidingWindowLayers: N("18"), SlidingWindow: N("128"), WeightBits: N("4.25"), KVBits: N("16")},
		Source: "https://huggingface.co/openai/gpt-oss-120b/blob/main/config.json", AsOf: "2026-12-03", MaxContextTokens: 131072,
		Note: "Routed experts: 36 MoE layers × 128 experts × 24.89 M (gate_up 2,880 × 5,760 and down 2,880 × 2,880 weights, plus their 5,760 + 2,880 biases) = 114.70 B parameters; 4 are used per token. MoE weights ship in MXFP4 (4.25 bits a parameter with scales). Half the layers attend to a 128-token sliding window (config.json: sliding_window 128, layer_types alternating sliding and full attention): 18 of 36."},
	{ID: "gpt-oss-20b", Name: "gpt-oss-20b (MoE, MXFP4)",
		Shape: Model{TotalParamsB: N("20.9"), ActiveParamsB: N("3.6"), Experts: N("32"), ExpertsPerToken: N("4"), RoutedParamsB: N("19.12"),
			HiddenSize: N("2880"), Layers: N("24"), KVHeads: N("8"), HeadDim: N("64"), SlidingWindowLayers: N("12"), SlidingWindow: N("128"), WeightBits: N("4.25"), KVBits: N("16")},
		Source: "https://huggingface.co/openai/gpt-oss-20b/blob/main/config.json", AsOf: "2026-12-03", MaxContextTokens: 131072,
		Note: "Routed experts: 24 MoE layers × 32 experts × 24.89 M = 19.12 B parameters; 4 are used per token. As gpt-oss-120b: MXFP4 weights; half the layers (12 of 24) attend to a 128-token sliding window."},
	{ID: "mixtral-8x22b", Name: "Mixtral 8x22B (MoE)",
		Shape: Model{TotalParamsB: N("141"), ActiveParamsB: N("39"), Experts: N("8"), ExpertsPerToken: N("2"), RoutedParamsB: N("135.29"),
			HiddenSize: N("6144"), Layers: N("56"), KVHeads: N("8"), HeadDim: N("128"), WeightBits: N("16"), KVBits: N("16")},
		Source: "https://huggingface.co/mistralai/Mixtral-8x22B-v0.1/blob/main/config.json", AsOf: "2026-11-01", MaxContextTokens: 65536,
		Note: "Routed experts: 56 MoE layers × 8 experts × 3 × 6,144 × 16,384 = 135.29 B parameters; 2 are used per token."},
	{ID: "gemma-3-27b", Name: "Gemma 3 27B",
		Shape:  Model{TotalParamsB: N("27.4"), ActiveParamsB: N("27.4"), HiddenSize: N("5376"), Layers: N("62"), KVHeads: N("16"), HeadDim: N("128"), SlidingWindowLayers: N("52"), SlidingWindow: N("1024"), WeightBits: N("16"), KVBits: N("16")},
		Source: "https://huggingface.co/google/gemma-3-27b-it/blob/main/config.json", AsOf: "2026-12-03", MaxContextTokens: 131072,
		Note: "Five of six layers attend to a 1,024-token sliding window (config.json: sliding_window 1024, sliding_window_pattern 6, every sixth layer global): 52 of 62."},
}

// FindAccelerator returns the preset with the given ID.
func FindAccelerator(id string) (AcceleratorPreset, bool) {
	for _, a := range Accelerators {
		if a.ID == id {
			return a, true
		}
	}
	return AcceleratorPreset{}, false
}

// FindModel returns the preset with the given ID.
func FindModel(id string) (ModelPreset, bool) {
	for _, m := range Models {
		if m.ID == id {
			return m, true
		}
	}
	return ModelPreset{}, false
}

// amdStackEfficiency is the stack efficiency of AMD Instinct accelerators
// serving with vLLM or SGLang on ROCm, fitted on the training set's MI300X
// and MI325X measurements (TestFitEfficiency; docs/methodology.md,
// Throughput): at the same MBU and MFU, the ROCm blog's MI300X tables, MLPerf's
// MI300X and MI325X rows and the SGLang cookbook's DeepSeek-V3.1 runs on
// MI300X, and since the eleventh round of data dstack's and the ROCm AITER
// blog's DeepSeek-R1 on MI300X, run this far below the roofline of the
// NVIDIA Hopper GPUs the defaults were fitted on. Fitted jointly with
// cdna3MLADecodeNs (the twentieth round's (J)): 0.75 since the
// twenty-third round set aside the training rows on superseded stacks
// (rule S: dstack's SGLang runs and AITER's "before" run), 0.65 with the
// twenty-first round's KV copies, 0.6 in the twentieth round, 0.75 from
// the tenth round of data to it, 0.8 before. MI355X has no measurement
// in the training set; it takes the same figure, the software stack being
// the same.
var amdStackEfficiency = N("0.75")

// cdna3MLADecodeNs is the MLA decode time a cached token a layer of the
// AMD CDNA3 presets (MI300X, MI325X), fitted on the training set's
// DeepSeek and Kimi K2 measurements on MI300X (the SGLang cookbook,
// dstack's vLLM runs, the ROCm AITER blog's run with AITER;
// docs/methodology.md, Throughput, the twentieth round, refitted in the
// twenty-third): their MLA decode kernels take about as long for one
// sequence as for a batch, set by the context, as a kernel that walks one
// sequence's latent cache on one compute unit would. MI355X (CDNA4) has no
// training measurement and carries none; MI325X shares MI300X's compute
// die and kernels.
var cdna3MLADecodeNs = N("200")

// blackwellStackEfficiency is the stack efficiency of NVIDIA Blackwell
// accelerators (B200, GB200) with their serving stacks of 2025, fitted on
// the training set's B200 and GB200 measurements (TestFitEfficiency;
// docs/methodology.md, Throughput, eleventh round): at the MBU and MFU the
// Hopper-generation GPUs reach, they run this far below the roofline. Why a
// new generation can: its tensor cores grew faster than the units a step
// also needs (FlashAttention-4, Together AI, 2026-03-05: from H100 to B200
// BF16 tensor throughput goes 1 → 2.25 PFLOPS while the exponential units
// and shared-memory bandwidth stay the same, and the earlier kernels reach
// well below the chip's peak). The value rests on the training data alone:
// 0.75 from the eleventh round, 0.8 since the twelfth round of data put
// gpt-oss on B200 into training.
var blackwellStackEfficiency = N("0.8")

const blackwellEfficiencySource = "fitted on published B200 and GB200 measurements (TensorRT-LLM, vLLM, SGLang, 2025–2026): docs/validation.md; why below Hopper's share: https://www.together.ai/blog/flashattention-4"

const amdEfficiencySource = "fitted on published MI300X and MI325X measurements (ROCm blogs, 2025-01-29 and 2025-05-16; MLPerf Inference v4.1 and v5.1; dstack, 2025-03-18, its vLLM runs; SGLang cookbook, 2026-01): docs/validation.md"
