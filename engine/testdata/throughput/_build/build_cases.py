#!/usr/bin/env python3
"""cases.csv and excluded.csv: every measurement in measurements.csv either
becomes one clean, machine-readable case that engine/validation_test.go
evaluates, or is excluded with its reason. The mapping rules are in README.md
("Validation cases"); each is applied below, in one place."""
import csv, os
from decimal import Decimal

D = os.path.join(os.path.dirname(__file__), "..")
rows = list(csv.DictReader(open(os.path.join(D, "measurements.csv"))))
split = {r["id"]: r for r in csv.DictReader(open(os.path.join(D, "split.csv")))}
mcsv = {r["model"]: r for r in csv.DictReader(open(os.path.join(D, "models.csv")))}

# Model shapes. A model in the engine's catalog (or of identical architecture)
# takes the catalog preset's values; the others take models.csv (counts derived
# from config.json). kv_bytes is at 16 bits (MLA only).
PRESET_MODELS = {
    "Llama-3.1-8B": ("llama-3.1-8b", "8.03", "8.03", "32", "8", "128", ""),
    "Llama-3-8B": ("llama-3.1-8b", "8.03", "8.03", "32", "8", "128", ""),
    "Llama-3.1-70B": ("llama-3.1-70b", "70.6", "70.6", "80", "8", "128", ""),
    "Llama-3.3-70B": ("llama-3.1-70b", "70.6", "70.6", "80", "8", "128", ""),
    "Llama-3.1-405B": ("llama-3.1-405b", "405.9", "405.9", "126", "8", "128", ""),
    "DeepSeek-V3": ("deepseek-v3", "671", "37", "61", "", "", "70272"),
    "DeepSeek-R1": ("deepseek-v3", "671", "37", "61", "", "", "70272"),
    "Qwen3-235B-A22B": ("qwen3-235b-a22b", "235", "22", "94", "4", "128", ""),
    "gpt-oss-120b": ("gpt-oss-120b", "116.8", "5.1", "36", "8", "64", ""),
    "gpt-oss-20b": ("gpt-oss-20b", "20.9", "3.6", "24", "8", "64", ""),
    # In the catalog since the third round (kimi-k2: models.csv's counts, the config's
    # arithmetic); MLA, so the KV bytes as DeepSeek-V3's ((512 + 64) x 61 layers x 2 bytes).
    "Kimi-K2": ("kimi-k2", "1026.41", "32.86", "61", "", "", "70272"),
}

# Sliding-window layers and window (tokens) of the models whose catalog preset has them (the twenty-seventh round;
# config.json: gpt-oss alternates sliding and full attention, a window of 128).
SLIDING = {"gpt-oss-120b": ("18", "128"), "gpt-oss-20b": ("12", "128")}

# MoE and communication columns of each model (experts per MoE layer, experts
# routed per token, routed-expert parameters in billions, hidden size): the
# catalog preset's, else models.csv's. Dense models have no expert columns.
MODEL_EXTRA = {
    "Llama-3.1-8B": ("", "", "", "4096"), "Llama-3-8B": ("", "", "", "4096"), "Llama-3.1-70B": ("", "", "", "8192"),
    "Llama-3.3-70B": ("", "", "", "8192"), "Llama-3.1-405B": ("", "", "", "16384"), "Llama-2-70B": ("", "", "", "8192"),
    "Llama-2-7B": ("", "", "", "4096"), "Mistral-7B": ("", "", "", "4096"),
    "Llama-4-Scout-17B-16E": ("16", "1", "96.64", "5120"), "Llama-4-Maverick-17B-128E": ("128", "1", "386.55", "5120"),
    "Qwen3-235B-A22B": ("128", "8", "227.1", "4096"), "Qwen3-30B-A3B": ("128", "8", "28.99", "2048"),
    "Mixtral-8x7B": ("8", "2", "45.10", "4096"), "DeepSeek-R1": ("256", "8", "653.91", "7168"),
    "DeepSeek-V3": ("256", "8", "653.91", "7168"), "gpt-oss-120b": ("128", "4", "114.70", "2880"),
    "gpt-oss-20b": ("32", "4", "19.12", "2880"), "Kimi-K2": ("384", "8", "1014.69", "7168"),
    # Ninth round of data: the dense Qwen3 models (models.csv).
    "Qwen3-0.6B": ("", "", "", "1024"), "Qwen3-1.7B": ("", "", "", "2048"), "Qwen3-4B": ("", "", "", "2560"),
    "Qwen3-8B": ("", "", "", "4096"), "Qwen3-14B": ("", "", "", "5120"), "Qwen3-32B": ("", "", "", "5120"),
}

def model_shape(name):
    if name in PRESET_MODELS:
        return PRESET_MODELS[name]
    m = mcsv[name]
    return ("", m["total_params_b"], m["active_params_b"], m["layers"], m["kv_heads"], m["head_dim"], "")

# Accelerator specs: memory GB (10^9 bytes, as the engine reads it), TB/s,
# dense TFLOPS at BF16, FP8, FP4; the catalog preset whose values these are.
# B200 is custom: the catalog's 7.7 TB/s is the figure issue 11 corrects to
# 8 TB/s (64 TB/s for eight in NVIDIA's DGX B200 datasheet).
ACCELS = {
    "H100": ("h100-sxm", "80", "3.35", "989", "1979", ""),
    "H800": ("", "80", "3.35", "989", "1979", ""),
    "H200": ("h200", "141", "4.8", "989", "1979", ""),
    "B200": ("", "180", "8", "2250", "4500", "9000"),
    "GB200": ("gb200", "186", "8", "2500", "5000", "10000"),
    "A100": ("a100-80gb", "80", "2.039", "312", "312", ""),
    "L40S": ("l40s", "48", "0.864", "362", "733", ""),
    "MI300X": ("mi300x", "192", "5.3", "1307", "2615", ""),
    # Sixth round of data: the catalog presets' figures (engine/catalog.go); MI355X's FP4 figure twice its FP8.
    "MI325X": ("mi325x", "256", "6", "1307", "2615", ""),
    "MI355X": ("mi355x", "288", "8", "2500", "5000", "10000"),
    "Gaudi2": ("", "96", "2.45", "432", "835", ""),
    "Gaudi3": ("gaudi3", "128", "3.7", "1835", "1835", ""),
    "TPU-v6e": ("tpu-v6e", "32", "1.638", "918", "1836", ""),
    # Ninth round of data (README §7): the H20, custom (no catalog preset).
    "H20": ("", "96", "4", "148", "296", ""),
}

# Scale-up bandwidth per accelerator and direction (GB/s), scale-up domain and
# scale-out bandwidth per accelerator and direction (GB/s) of each case's own
# system (README §8): HGX/DGX nodes of 8 with one 400 Gb/s NIC a GPU, GB200
# NVL72 racks, DGX A100 (200 Gb/s), L40S PCIe servers (scale-out unstated),
# MI300X UBB nodes, Gaudi HLS servers (3 x 100 / 200 GbE), the TPU v6e pod.
LINKS = {
    "H100": ("450", "8", "50"), "H200": ("450", "8", "50"), "B200": ("900", "8", "50"), "GB200": ("900", "72", "50"),
    "A100": ("300", "8", "25"), "L40S": ("32", "8", ""), "H800": ("200", "8", "50"), "MI300X": ("448", "8", "50"), "MI325X": ("448", "8", "50"), "MI355X": ("537.6", "8", "50"),
    "H20": ("450", "8", "50"), "Gaudi3": ("525", "8", "75"), "Gaudi2": ("262.5", "8", "37.5"), "TPU-v6e": ("400", "256", ""),
}

# Stack efficiency of the accelerators whose catalog preset carries one (AMD
# Instinct, engine/catalog.go amdStackEfficiency; NVIDIA Blackwell,
# blackwellStackEfficiency): the values TestFitEfficiency fits on the training
# set's AMD and Blackwell cases. Empty elsewhere: 1.
STACK = {"MI300X": "0.75", "MI325X": "0.75", "MI355X": "0.75", "B200": "0.8", "GB200": "0.8"}
# The MLA decode time a cached token a layer, ns, of the AMD CDNA3 presets (engine/catalog.go cdna3MLADecodeNs, the
# twentieth round; the engine applies it to MLA models only).
MLA_NS = {"MI300X": "200", "MI325X": "200"}

def precision(r):
    """Weight bits, KV bits, compute precision ("bf16", "fp8", "fp4"), note."""
    pw, pkv, notes = r["precision_weights"], r["precision_kv"], []
    if r["model"].startswith("gpt-oss") and pw.startswith("BF16"):
        # Twelfth round of data: a BF16 copy of gpt-oss (lmsys/gpt-oss-120b-bf16), its experts dequantized.
        wb, comp = "16", "bf16"
    elif r["model"].startswith("gpt-oss"):
        wb = "4.25"  # released in MXFP4 only: 4 bits + one 8-bit scale per 32
        # Correction (issue 11, seventh round): TensorRT-LLM runs gpt-oss's MXFP4
        # experts with MXFP8 activations on B200/GB200 (its GPT-OSS deployment
        # guide's MoE backend support matrix), so the FP8 peak, not FP4's.
        # Eighth round: on Hopper it runs them with BF16 activations (TRITON
        # backend, the same matrix), so the BF16 peak, as the engine now
        # resolves for weights below 8 bits on a chip without a 4-bit float path.
        if r["accelerator"] in ("B200", "GB200"):
            comp = "fp8"
            notes.append("gpt-oss on Blackwell: MXFP4 experts with MXFP8 activations (TensorRT-LLM's GPT-OSS deployment guide), FP8 compute")
        else:
            comp = "bf16"
            notes.append("gpt-oss on Hopper: MXFP4 experts with BF16 activations (TensorRT-LLM's GPT-OSS deployment guide, TRITON MoE backend), BF16 compute")
    elif pw.startswith("MXFP4"):
        wb, comp = "4.25", "fp4"  # MXFP4 (sixth round, MI355X): 4 bits + one 8-bit scale per 32
    elif pw.startswith("FP8"):
        # Before the FP4 test (seventh round of data): "FP8 (MI325X has no FP4)" is FP8.
        wb, comp = "8", "fp8"
    elif "FP4" in pw:
        wb, comp = "4.5", "fp4"  # NVFP4: 4 bits + one FP8 scale per 16
    elif pw.startswith(("FP16", "bfloat16", "BF16")):
        wb, comp = "16", "bf16"
    elif pw == "not stated":
        wb, comp = "16", "bf16"
        notes.append("weight precision not stated: BF16 assumed")
    else:
        raise ValueError(r["id"] + ": " + pw)
    if pkv.startswith("FP8"):
        kb = "8"
    elif ((r["id"].startswith(("TRT10-", "TRT019-", "TRT12-")) or "trtllm-bench" in r["framework"]) and pkv.startswith("not stated")
          and not r["model"].startswith("gpt-oss") and comp in ("fp8", "fp4")):
        # trtllm-bench on NVIDIA's ModelOpt FP8/FP4 checkpoints: "If you specify FP8
        # quantization, the KV cache will automatically be set to FP8" (perf-benchmarking.md),
        # and the checkpoints' hf_quant_config.json carries kv_cache_quant_algo FP8.
        kb = "8"
        notes.append("KV precision not stated: FP8 (trtllm-bench sets the KV cache to FP8 with FP8 or FP4 quantization; NVIDIA's ModelOpt checkpoints carry kv_cache_quant_algo FP8)")
    else:
        kb = "16"
        if pkv.startswith(("not stated", "auto")) and not pkv.startswith("not stated (BF16"):
            notes.append("KV precision not stated: 16 bits assumed")
    return wb, kb, comp, notes

def measured(r):
    """Output tokens/s per accelerator: the measured system's total over its
    accelerators (the per-accelerator column is rounded in places)."""
    v = Decimal(r["output_tokens_per_s_total"]) / Decimal(r["num_accelerators"])
    return format(v.quantize(Decimal("0.0001")).normalize(), "f")

def half_up(s):
    """A decimal string rounded to a whole number, half up (the readings of §8)."""
    return int(Decimal(s).quantize(Decimal(1), rounding="ROUND_HALF_UP"))

def num(s):
    try:
        return int(s)
    except ValueError:
        return None

# Per-replica batch caps, where the benchmark fixed one. Decode pools state a
# batch per device; the replica is the whole expert-parallel group.
PER_DEVICE_BATCH = {"LMSYS-EP-004": 256, "LMSYS-EP-005": 128, "DS-PROF-001": 128, "DS-PROD-001": 128,
                    "LMSYS-GB2-001": 1408, "LMSYS-GB2-002": 1408}
BATCH = {"TRTDS-001": 7168, "TRTDS-002": 3072, "TRTDS-003": 1024, "VERTEX-001": 50}
# Fourth round of data (README §8): a run whose stated requests are all queued at once holds at most that many in
# flight, so its cap is the smaller of the request count and a stated engine cap: Microsoft's 1,000 requests a
# configuration (--max-num-seqs 3000 on MI300X does not bind); Google's max runtime batch 4,096 (of 30,000 requests).
for _i in range(54):
    BATCH["AZURE-%03d" % (_i + 1)] = 1000
BATCH["GCP-A3U-001"] = 4096
# Fifth round of data (README §8): GPUStack's runs send every prompt at once (request rate inf) and state no engine
# cap (--max-num-seqs, --max-running-requests), so the cap is the request count; its "batch size 4" runs cap at 4
# (their concurrency column, read below).
for _r in rows:
    if _r["id"].startswith("GPUSTACK-") and "all at once" in _r["concurrency_or_batch"]:
        BATCH[_r["id"]] = int(_r["concurrency_or_batch"].split()[0])
# Tenth round of data (README §8): the SGLang cookbook's runs hold at most --max-concurrency requests but spend a
# material share of the run below it (5 x C prompts of drawn lengths): the cap is the block's mean requests in flight,
# rounded half up.
for _r in rows:
    if _r["id"].startswith(("SGL-CB-", "DSTACK-")) and "mean in flight " in _r["concurrency_or_batch"]:
        BATCH[_r["id"]] = half_up(_r["concurrency_or_batch"].split("mean in flight ")[1])
# Twelfth round of data (README §8): a stated batch or concurrency written with its reading.
for _i in range(4):
    BATCH["LMSYS-GO-%03d" % (_i + 1)] = 1
BATCH["SGLPR-GO-001"], BATCH["VLLMPR-GO-001"] = 2560, 1000
# Context of a decode-only row: the stated input length (or average KV length).
DECODE_CONTEXT = {"LMSYS-EP-004": 2000, "LMSYS-EP-005": 4000, "DS-PROF-001": 4096, "DS-PROD-001": 4989,
                  "LMSYS-GB1-001": 2000, "LMSYS-GB2-001": 2000, "LMSYS-GB2-002": 2000}
# Moreh's end-to-end runs (--ignore-eos, equal input and output): the decode
# pool is compared, at the mean context of a decode step (input + output / 2)
# and the concurrency over the 24 decode GPUs (10800 / 24 = 450 a GPU).
for _i, (_isl, _osl) in enumerate([(512, 512), (512, 512), (1000, 1000), (1000, 1000), (2000, 2000), (2000, 2000)]):
    DECODE_CONTEXT["MOREHDOC-%03d" % (_i + 1)] = _isl + _osl // 2
    PER_DEVICE_BATCH["MOREHDOC-%03d" % (_i + 1)] = 10800 // 24
# Third round (README §4, §8): decode pools at the mean context of a decode step,
# input + output / 2, and the stated batch per device where one is stated.
for _i, (_ctx, _b) in enumerate([(3000, 256), (3000, 256), (3000, 256)]):
    DECODE_CONTEXT["VLLM-WEP-%03d" % (_i + 1)] = _ctx
    PER_DEVICE_BATCH["VLLM-WEP-%03d" % (_i + 1)] = _b
DECODE_CONTEXT["LMSYS-K2-001"], PER_DEVICE_BATCH["LMSYS-K2-001"] = 2000 + 100 // 2, 480
# Twelfth round of data: LMSYS's single-batch decode throughput (1,024 in, 512 out), at the mean context of its steps.
for _i in range(4):
    DECODE_CONTEXT["LMSYS-GO-%03d" % (_i + 1)] = 1024 + 512 // 2
# Seventh round of data (README §8): a batch typed as "N a rank" (DeepSeek-R1's gpu_batch_size with
# enable_attention_dp) is each rank's, read from the row.
for _r in rows:
    if _r["concurrency_or_batch"].endswith(" a rank"):
        PER_DEVICE_BATCH[_r["id"]] = int(_r["concurrency_or_batch"].split()[0])
for _i, (_isl, _osl) in enumerate([(2000, 2000), (2000, 1000), (2000, 100), (1000, 1000)]):
    DECODE_CONTEXT["VLLM-GB200-%03d" % (_i + 1)] = _isl + _osl // 2
DECODE_NOTES = {"LMSYS-EP-005": "simulated MTP (attention slowed on purpose)",
                "DS-PROD-001": "24-hour production average with MTP; figure per node of an EP144 unit",
                "LMSYS-GB1-001": "decode batch not stated"}
for _i in range(3):
    DECODE_NOTES["VLLM-WEP-%03d" % (_i + 1)] = "2000 in / 2000 out (avg): context = input + output / 2; batch = 256 a rank x EP size"
DECODE_NOTES["LMSYS-K2-001"] = "2000 in / 100 out: context = input + output / 2; batch = 480 a device x 96"
for _i in range(4):
    DECODE_NOTES["VLLM-GB200-%03d" % (_i + 1)] = "context = input + output / 2; batch: the largest that fits memory (not stated as a number)"
for _i in range(6):
    DECODE_NOTES["MOREHDOC-%03d" % (_i + 1)] = ("end-to-end PD-disaggregated run: measured = output tokens/s over the 24 decode GPUs; "
                                                 "context = input + output / 2; batch = concurrency 10800 / 24 decode GPUs x 8; eager mode (--enforce-eager)")

for _i in range(4):
    DECODE_NOTES["LMSYS-GO-%03d" % (_i + 1)] = "single-batch decode throughput of bench_one_batch_server (1024 in, 512 out): context = input + output / 2; batch 1"

# Seventh round of data (README §1): the MLPerf Offline rows that stay excluded, each with its rule.
MLPERF_EXCLUDED = {
    "MLP40-002": "Intel's v4.0 Gaudi 2: its files do not confirm the layout (TP8 only inferred from the calibration command) or the KV precision",
    "MLP41-062": "MLPerf v4.1 preview (private code): the KV precision and the batch are not published",
    "MLP51-005": "pipeline parallel (TP2 x PP2): the estimate has no pipeline-parallel term",
    "MLP51-017": "pipeline parallel (TP2 x PP2): the estimate has no pipeline-parallel term",
    "MLP51-007": "GB300: no catalog preset (the catalog has no GB300)",
    "MLP51-009": "GB300: no catalog preset (the catalog has no GB300)",
    "MLP60-002": "gpt-oss-120b's MLPerf dataset: no mean input length found",
}
for _i in (1, 3):
    MLPERF_EXCLUDED["TOMS-%03d" % _i] = "a secondary copy (Tom's Hardware) of MLPerf v4.1: the layouts of its 4 x H100 and 1 x H200 systems are not sourced"

def exclusion(r, s):
    i = r["id"]
    if s["target_kind"].startswith("prefill-only"):
        return "prefill-only: measures input tokens/s, not output"
    if s["weight_hint"] == "0":
        return "weight 0 in split.csv: " + s["flag"]
    if r["input_tokens"] == "dataset":
        # Seventh round of data (README §1, §8): MLPerf's Offline rows whose layout, batch, KV precision and
        # lengths are sourced are cases; every other MLPerf row is excluded by one of these rules.
        if i in MLPERF_EXCLUDED:
            return MLPERF_EXCLUDED[i]
        if r["scenario"] in ("server", "interactive"):
            return ("MLPerf %s: 99th-percentile TTFT and TPOT limits under Poisson arrivals at a chosen query rate, "
                    "which a case's batch cap does not express" % r["scenario"].capitalize())
        raise ValueError(i + ": an MLPerf row with neither a sourced mapping nor a rule")
    if i.startswith("JSPT-"):
        return "ShareGPT lengths given only as maxima (<=1024 in, <=1024 out); output-only metric not stated"
    if i.startswith("ANTH20-"):
        return "MTP speculative decoding (accept length 1.8-3.3 tokens a step): the estimate has no term for several tokens a step"
    if i == "GPUSTACK-020":
        return "EAGLE speculative decoding (SGLang's MTP draft): the estimate has no term for several tokens a step"
    if i == "GPUSTACK-036":
        return "pipeline parallel (PP 2): the estimate has no pipeline-parallel term"
    if i == "VLLM-GB300-001":
        return "not said whether the EP2 figure counts output or total (input + output) tokens, and its concurrency is not stated"
    if i == "MOREH-001":
        return "input/output lengths, batch and precision not captured; figure is a lower bound"
    if i == "INTEL-024":
        return "latency point without a throughput or an output length"
    if i.startswith("INFX-") and r["accelerator"] == "B300":
        return "B300: no catalog preset (the catalog has no B300)"
    if i.startswith("INFX-") and not r["output_tokens_per_s_total"]:
        return "only total (input + output) tokens/s given, no output rate"
    return None

COLS = ["id", "split", "source", "vendor", "kind", "model", "accelerator", "scenario", "phase", "layout",
        "model_preset", "total_params_b", "active_params_b", "experts", "experts_per_token", "routed_params_b",
        "layers", "kv_heads", "head_dim", "kv_bytes_per_token", "hidden_size", "attention_heads",
        "sliding_window_layers", "sliding_window", "weight_bits", "kv_bits", "accelerator_preset", "memory_gb", "bandwidth_tbps", "tflops",
        "interconnect_gbps", "scale_up_domain", "scale_out_gbps", "stack_efficiency", "mla_decode_ns",
        "accelerators_per_replica", "input_tokens", "output_tokens", "max_batch", "usable_memory_share",
        "measured_tokens_per_s", "weight", "note"]
cases, excluded = [], []
for r in rows:
    s = split[r["id"]]
    why = exclusion(r, s)
    if why:
        excluded.append({"id": r["id"], "split": s["split"], "reason": why})
        continue
    i = r["id"]
    preset, total, active, layers, heads, dim, kvb = model_shape(r["model"])
    wb, kb, comp, notes = precision(r)
    if kvb:
        kvb = str(int(kvb) * int(kb) // 16)
    apreset, mem, bw, bf16, fp8, fp4 = ACCELS[r["accelerator"]]
    tflops = {"bf16": bf16, "fp8": fp8, "fp4": fp4}[comp]
    # The engine resolves a preset's FP8 figure at 8 bits, BF16 above; below
    # 8 bits FP8 on a chip with a 4-bit float path (an FP4 figure), else BF16
    # (engine/defaults.go, tflops).
    if Decimal(wb) > 8:
        engine_tflops = bf16
    elif Decimal(wb) == 8 or fp4:
        engine_tflops = fp8
    else:
        engine_tflops = bf16
    if tflops != engine_tflops:
        apreset = ""
    tp, ep, pp = num(r["tensor_parallel"]) or 1, num(r["expert_parallel"]) or 1, num(r["pipeline_parallel"]) or 1
    replica = max(tp * pp, ep)
    layout = "TP%d" % tp if ep == 1 else ("DEP%d" % ep if tp == 1 else "TP%d EP%d" % (tp, ep))
    phase, scen = "request", r["scenario"].split(" (")[0]
    if i in DECODE_CONTEXT:
        phase, scen = "decode", "offline" if scen == "offline" else scen
        inp, out = str(DECODE_CONTEXT[i]), "1"
        notes.append("decode pool; input = context of the decode step")
        if i in DECODE_NOTES:
            notes.append(DECODE_NOTES[i])
    else:
        inp, out = r["input_tokens"].lstrip("~").split()[0], r["output_tokens"].lstrip("~").split()[0]
        if i.startswith(("GPUSTACK-", "SGL-CB-", "DSTACK-", "VLLMPR-GO-")):
            # Fifth, tenth and twelfth rounds (README §8): the run's real mean lengths (tokens / requests), to whole tokens, half up.
            inp, out = str(half_up(inp)), str(half_up(out))
            notes.append("lengths: the run's mean input and output tokens a request, rounded")
    if scen.startswith("production"):
        scen = "production"
    batch = ""
    if i in PER_DEVICE_BATCH:
        batch = str(PER_DEVICE_BATCH[i] * replica)
    elif i in BATCH:
        batch = str(BATCH[i])
    elif num(r["concurrency_or_batch"]):
        batch = r["concurrency_or_batch"]
    if i.startswith(("TRTDS-004", "TRTDS-005")):
        notes.append("MTP speculative decoding")
    if s["flag"]:
        notes.append(s["flag"])
    experts, per_token, routed, hidden = MODEL_EXTRA[r["model"]]
    # Attention heads: MLA models only (their KV is a latent every head
    # attends to: the engine's attention-compute term), from models.csv
    # (config.json's num_attention_heads), as the catalog presets carry them.
    attn_heads = mcsv[r["model"]]["heads"] if mcsv[r["model"]]["attention"] == "mla" else ""
    # Twenty-seventh round (docs/methodology.md): the sliding-window layers and window of the catalog presets that
    # have them (config.json), on every case of those models.
    swl, sww = SLIDING.get(r["model"], ("", ""))
    link, domain, scale_out = LINKS[r["accelerator"]]
    # Twenty-fourth round (docs/methodology.md), candidate (M): vLLM sizes its KV cache from a share of all the
    # memory, --gpu-memory-utilization, 0.9 by default; no row's data records a stated value.
    usable = "0.9" if r["framework"].lower().startswith("vllm") else ""
    cases.append(dict(zip(COLS, [
        i, s["split"], s["source_group"], r["vendor"], r["model_type"], r["model"], r["accelerator"], scen, phase, layout,
        preset, total, active, experts, per_token, routed, layers, heads, dim, kvb, hidden, attn_heads, swl, sww, wb, kb, apreset, mem, bw, tflops,
        link, domain, scale_out, STACK.get(r["accelerator"], ""), MLA_NS.get(r["accelerator"], ""), replica, inp, out, batch, usable, measured(r), s["weight_hint"], "; ".join(notes)])))

with open(os.path.join(D, "cases.csv"), "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=COLS, lineterminator="\n")
    w.writeheader()
    w.writerows(cases)
with open(os.path.join(D, "excluded.csv"), "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=["id", "split", "reason"], lineterminator="\n")
    w.writeheader()
    w.writerows(excluded)
print(len(cases), "cases,", len(excluded), "excluded")
