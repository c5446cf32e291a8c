#!/usr/bin/env python3
"""agreement.csv: published measurements of the same configuration by more than
one publication (README section 9). A row either references a measurement already
in measurements.csv (`ref`, its value read from there) or carries a value typed
here by hand from its source, with the table and row it comes from. The pairing
rule is in README section 9 and in engine/agreement_test.go, which forms the pairs;
nothing here pairs anything."""
import csv, os
from decimal import Decimal

D = os.path.join(os.path.dirname(__file__), "..")
COLS = ["id", "ref", "model", "kind", "vendor", "accelerator", "weights", "kv", "layout", "accelerators",
        "input_tokens", "output_tokens", "batch", "scenario", "source", "publisher", "version", "benchmark",
        "output_tokens_per_s_per_accelerator", "date", "source_url", "table_row", "note"]

T013 = ("TensorRT-LLM perf overview", "0.13.0", "2024-10",
        "https://github.com/NVIDIA/TensorRT-LLM/blob/v0.13.0/docs/source/performance/perf-overview.md")
T019 = ("TensorRT-LLM perf overview", "0.19.0", "2025",
        "https://nvidia.github.io/TensorRT-LLM/0.19.0/performance/perf-overview.html")
T10 = ("TensorRT-LLM perf overview", "1.0", "2025",
       "https://github.com/NVIDIA/TensorRT-LLM/blob/00f37686aa854010d68bcbd0f4ab000221541ca6/docs/source/performance/perf-overview.md")
T12 = ("TensorRT-LLM perf overview", "1.2", "2025-12",
       "https://github.com/NVIDIA/TensorRT-LLM/blob/03e27c7d5ff0c6e89f8328838c0a8e64f1b34f9d/docs/source/developer-guide/perf-overview.md")
AMDBP_MI = ("AMD ROCm blog, inference best practices on MI300X", "vLLM vllm-dev:20250112", "2025-01-29",
            "https://rocm.blogs.amd.com/artificial-intelligence/LLM_Inference/README.html")
AMDBP_H = ("AMD ROCm blog, inference best practices on MI300X", "TensorRT-LLM 0.16.0 (trtllm-bench)", "2025-01-29",
           "https://rocm.blogs.amd.com/artificial-intelligence/LLM_Inference/README.html")
AMDP_JUN = ("AMD Instinct performance results page", "rocm/vllm:rocm6.4.1_vllm_0.9.0.1_20250605", "2025-06-18",
            "https://www.amd.com/en/developer/resources/rocm-hub/dev-ai/performance-results.html")
AMDP_OCT = ("AMD Instinct performance results page", "rocm/vllm:rocm7.0.0_vllm_0.10.2_20251006", "2025-10-06",
            "https://www.amd.com/zh-cn/developer/resources/rocm-hub/dev-ai/performance-results.html")

TRT_NOTE = ("trtllm-bench throughput, offline maximum load (all requests queued), synthetic uniform lengths; "
            "KV FP8 (stated in 0.13; trtllm-bench sets FP8 KV with FP8/FP4 weights, README section 8)")
L33 = "Llama 3.3 70B: the architecture of Llama 3.1 70B (README section 8)"

rows = []


def div(total, n):
    """Per accelerator = the published total / n, exact (n is 1, 2 or 8)."""
    return format((Decimal(total) / Decimal(n)).normalize(), "f")


def publisher_of(source):
    """Who ran the measurement and published it (README section 9, extension): NVIDIA for its
    TensorRT-LLM tables, AMD for its blog and performance page, an MLPerf submitter as its results
    directory spells it, lower case."""
    if source.startswith("MLPerf Inference, "):
        return source[len("MLPerf Inference, "):].lower()
    if source.startswith("TensorRT-LLM perf overview"):
        return "nvidia"
    if source.startswith("AMD "):
        return "amd"
    raise ValueError("no publisher for " + source)


def add(ref, model, kind, vendor, acc, w, kv, layout, n, isl, osl, src, value="", row="", note="",
        batch="max", scenario="offline", benchmark="", publisher=""):
    source, version, date, url = src
    rows.append({"id": "AGR-%03d" % (len(rows) + 1), "ref": ref, "model": model, "kind": kind, "vendor": vendor,
                 "accelerator": acc, "weights": w, "kv": kv, "layout": layout, "accelerators": str(n),
                 "input_tokens": isl, "output_tokens": osl, "batch": batch, "scenario": scenario,
                 "source": source, "publisher": publisher or publisher_of(source), "version": version, "benchmark": benchmark,
                 "output_tokens_per_s_per_accelerator": value, "date": date, "source_url": url,
                 "table_row": row, "note": note})


def trt(ref, model, acc, w, layout, n, isl, osl, src, value="", row="", note=TRT_NOTE, kind="dense"):
    add(ref, model, kind, "nvidia", acc, w, "FP8", layout, n, isl, osl, src, value, row, note)


# --- TensorRT-LLM perf overview, one configuration at four releases ---------------------------
# Llama 3.1 8B, FP8, one H100 and one H200: 0.13.0 (table "LLaMA v3.1 8B", columns "H100 80GB HBM3
# FP8" / "H200 141GB HBM3 FP8", TP 1) against 1.0 (table "Llama 3.1 8B", columns "H100 TP1 (FP8)" /
# "H200 TP1 (FP8)"). Both tables are the whole system's output tokens/s; one GPU, so per GPU.
L8 = [("128", "128"), ("128", "2048"), ("128", "4096"), ("2048", "128"), ("5000", "500"), ("500", "2000"),
      ("1000", "1000"), ("2048", "2048"), ("20000", "2000")]
h100_013 = ["27147.22", "19221.02", "11856.11", "3497.30", "3276.69", "13996.05", "13411.43", "8851.23", "1278.04"]
h100_10 = ["TRT10-001", "TRT10-002", "14325", "TRT10-003", "TRT10-006", "17660", "TRT10-004", "TRT10-005", "TRT10-007"]
h200_013 = ["28125.59", "22989.20", "16077.62", "3625.83", "3823.76", "19382.37", "16435.21", "11072.97", "1634.98"]
h200_10 = ["TRT10-008", "26221", "18027", "3538", "3902", "20770", "TRT10-009", "TRT10-010", "TRT10-011"]
for acc, v013, v10 in (("H100", h100_013, h100_10), ("H200", h200_013, h200_10)):
    for (isl, osl), a, b in zip(L8, v013, v10):
        trt("", "Llama-3.1-8B", acc, "FP8", "TP1", 1, isl, osl, T013, a,
            "LLaMA v3.1 8B, %s/%s, TP 1, %s FP8 column" % (isl, osl, acc))
        if b.startswith("TRT"):
            trt(b, "Llama-3.1-8B", acc, "FP8", "TP1", 1, isl, osl, T10)
        else:
            trt("", "Llama-3.1-8B", acc, "FP8", "TP1", 1, isl, osl, T10, b,
                "Llama 3.1 8B, %s/%s, %s TP1 (FP8)" % (isl, osl, acc))

# Llama 3.1 / 3.3 70B, FP8: one H200 (0.13.0 "LLaMA v3.1 70B" TP 1 H200 column; 1.0 "Llama 3.3 70B"
# H200 TP1 (FP8)) and two H100 (0.13.0 TP 2 H100 FP8 column; 1.0 H100 TP2 (FP8)).
h200_013 = ["3923.61", "TRT013-019", "2314.83", "459.73", "534.79", "2758.24", "TRT013-015", "1753.58", "262.82"]
h200_10 = ["TRT10-018", "4336", "2872", "442", "TRT10-021", "3666", "TRT10-019", "TRT10-020", "283"]
h100_013 = ["5215.12", "TRT013-002", "3302.41", "690.05", "897.36", "4347.69", "TRT013-005", "TRT013-009", "414.17"]
h100_10 = ["TRT10-022", "6651", "4199", "762", "898", "5222", "TRT10-023", "TRT10-024", "TRT10-025"]
for acc, n, v013, v10 in (("H200", 1, h200_013, h200_10), ("H100", 2, h100_013, h100_10)):
    for (isl, osl), a, b in zip(L8, v013, v10):
        lay = "TP%d" % n
        if a.startswith("TRT"):
            trt(a, "Llama-3.1-70B", acc, "FP8", lay, n, isl, osl, T013)
        else:
            # the table gives the whole TP group's tokens/s; per GPU = total / n, written exactly
            per = a if n == 1 else div(a, n)
            trt("", "Llama-3.1-70B", acc, "FP8", lay, n, isl, osl, T013, per,
                "LLaMA v3.1 70B, %s/%s, TP %d, %s FP8 column (%s tokens/s for the %d GPUs)" % (isl, osl, n, acc, a, n))
        if b.startswith("TRT"):
            trt(b, "Llama-3.1-70B", acc, "FP8", lay, n, isl, osl, T10, note=TRT_NOTE + "; " + L33)
        else:
            per = b if n == 1 else div(b, n)
            trt("", "Llama-3.1-70B", acc, "FP8", lay, n, isl, osl, T10, per,
                "Llama 3.3 70B, %s/%s, %s TP%d (FP8) (%s tokens/s for the %d GPUs)" % (isl, osl, acc, n, b, n),
                TRT_NOTE + "; " + L33)
# 1.2 (per GPU, "LLaMA v3.3 70B", 1000/1000 row; its 1024/1024 rows are not used: section 9)
trt("TRT12-018", "Llama-3.1-70B", "H100", "FP8", "TP2", 2, "1000", "1000", T12, note=TRT_NOTE + "; " + L33)

# Llama 3.1 405B, FP8, eight H200 (0.13.0 TP 8 H200 column; 1.0 H200 TP8 (FP8)); per GPU = total / 8.
v013 = ["3734.50", "3039.70", "3144.97", "TRT013-040", "459.91", "2967.98", "TRT013-039", "2067.15", "447.67"]
v10 = ["3814", "5348", "4741", "456", "650", "4724", "TRT10-029", "TRT10-030", "TRT10-031"]
for (isl, osl), a, b in zip(L8, v013, v10):
    if a.startswith("TRT"):
        trt(a, "Llama-3.1-405B", "H200", "FP8", "TP8", 8, isl, osl, T013)
    else:
        trt("", "Llama-3.1-405B", "H200", "FP8", "TP8", 8, isl, osl, T013, div(a, 8),
            "LLaMA v3.1 405B, %s/%s, TP 8, H200 FP8 column (%s tokens/s for the 8 GPUs)" % (isl, osl, a))
    if b.startswith("TRT"):
        trt(b, "Llama-3.1-405B", "H200", "FP8", "TP8", 8, isl, osl, T10)
    else:
        trt("", "Llama-3.1-405B", "H200", "FP8", "TP8", 8, isl, osl, T10, div(b, 8),
            "Llama 3.1 405B, %s/%s, H200 TP8 (FP8) (%s tokens/s for the 8 GPUs)" % (isl, osl, b))

# Llama 3.3 70B FP4 on one B200: 0.19.0 against 1.0 (128/128 and 128/2048), 1.0 against 1.2 (1000/1000);
# one GB200: 1.0 against 1.2.
FP4 = "NVFP4"
trt("TRT019-001", "Llama-3.1-70B", "B200", FP4, "TP1", 1, "128", "128", T019, note=TRT_NOTE + "; " + L33)
trt("", "Llama-3.1-70B", "B200", FP4, "TP1", 1, "128", "128", T10, "11147", "Llama 3.3 70B, 128/128, B200 TP1 (FP4)",
    TRT_NOTE + "; " + L33)
trt("TRT019-002", "Llama-3.1-70B", "B200", FP4, "TP1", 1, "128", "2048", T019, note=TRT_NOTE + "; " + L33)
trt("TRT10-012", "Llama-3.1-70B", "B200", FP4, "TP1", 1, "128", "2048", T10, note=TRT_NOTE + "; " + L33)
trt("TRT10-013", "Llama-3.1-70B", "B200", FP4, "TP1", 1, "1000", "1000", T10, note=TRT_NOTE + "; " + L33)
trt("", "Llama-3.1-70B", "B200", FP4, "TP1", 1, "1000", "1000", T12, "6920", "LLaMA v3.3 70B, 1000/1000, B200 TP1 (FP4)",
    TRT_NOTE + "; " + L33)
trt("TRT10-016", "Llama-3.1-70B", "GB200", FP4, "TP1", 1, "1000", "1000", T10, note=TRT_NOTE + "; " + L33)
trt("", "Llama-3.1-70B", "GB200", FP4, "TP1", 1, "1000", "1000", T12, "7769", "LLaMA v3.3 70B, 1000/1000, GB200 TP1 (FP4)",
    TRT_NOTE + "; " + L33)
# Qwen3-30B-A3B (MoE) FP4 on one B200 and one GB200: 1.0 against 1.2.
trt("TRT10-054", "Qwen3-30B-A3B", "B200", FP4, "TP1", 1, "1000", "1000", T10, kind="moe")
trt("", "Qwen3-30B-A3B", "B200", FP4, "TP1", 1, "1000", "1000", T12, "26971", "Qwen3 30B A3B, 1000/1000, B200 TP1 (FP4)",
    kind="moe")
trt("TRT10-055", "Qwen3-30B-A3B", "GB200", FP4, "TP1", 1, "1000", "1000", T10, kind="moe")
trt("", "Qwen3-30B-A3B", "GB200", FP4, "TP1", 1, "1000", "1000", T12, "22856", "Qwen3 30B A3B, 1000/1000, GB200 TP1 (FP4)",
    kind="moe")

# --- Different publications with their own setups ---------------------------------------------
# H100 x 8, TensorRT-LLM, FP8: NVIDIA's own tables against AMD's measurement of the H100 for its blog.
L4 = [("128", "2048"), ("128", "4096"), ("500", "2000"), ("2048", "2048")]
for (isl, osl), a, b in zip(L4, ["TRT013-004", "9699.99", "10790.85", "TRT013-011"],
                            ["AMDBP-009", "AMDBP-010", "AMDBP-011", "AMDBP-012"]):
    if a.startswith("TRT"):
        trt(a, "Llama-3.1-70B", "H100", "FP8", "TP8", 8, isl, osl, T013)
    else:
        trt("", "Llama-3.1-70B", "H100", "FP8", "TP8", 8, isl, osl, T013, div(a, 8),
            "LLaMA v3.1 70B, %s/%s, TP 8, H100 FP8 column (%s tokens/s for the 8 GPUs)" % (isl, osl, a))
    add(b, "Llama-3.1-70B", "dense", "nvidia", "H100", "FP8", "FP8", "TP8", 8, isl, osl, AMDBP_H,
        note="AMD's own H100 run for its blog (trtllm-bench, KV FP8 by README section 8)")
for (isl, osl), a, b in zip(L4, ["TRT10-032", "3116", "3994", "2296"],
                            ["AMDBP-013", "AMDBP-014", "AMDBP-015", "AMDBP-016"]):
    if a.startswith("TRT"):
        trt(a, "Llama-3.1-405B", "H100", "FP8", "TP8", 8, isl, osl, T10)
    else:
        trt("", "Llama-3.1-405B", "H100", "FP8", "TP8", 8, isl, osl, T10, div(a, 8),
            "Llama 3.1 405B, %s/%s, H100 TP8 (FP8) (%s tokens/s for the 8 GPUs)" % (isl, osl, a))
    add(b, "Llama-3.1-405B", "dense", "nvidia", "H100", "FP8", "FP8", "TP8", 8, isl, osl, AMDBP_H,
        note="AMD's own H100 run for its blog (trtllm-bench, KV FP8 by README section 8)")

# MI300X x 8, vLLM, FP8 weights and KV: AMD's blog (January 2025) against AMD's performance page
# (June and October 2025 docker releases).
AMD_NOTE = ("offline maximum throughput; the page's batch cap is its number of prompts (max_num_seqs), "
            "near what memory holds")
for (isl, osl), a, b in zip(L4, ["AMDBP-001", "AMDBP-002", "AMDBP-003", "AMDBP-004"],
                            ["AMD-PERF-001", "AMD-PERF-002", "AMD-PERF-003", "AMD-PERF-004"]):
    add(a, "Llama-3.1-70B", "dense", "amd", "MI300X", "FP8", "FP8", "TP8", 8, isl, osl, AMDBP_MI,
        note="vLLM offline throughput; KV FP8 (the amd/*-FP8-KV checkpoints)")
    add(b, "Llama-3.1-70B", "dense", "amd", "MI300X", "FP8", "FP8", "TP8", 8, isl, osl, AMDP_JUN, note=AMD_NOTE)
add("AMD-PERF-007", "Llama-3.1-70B", "dense", "amd", "MI300X", "FP8", "FP8", "TP8", 8, "128", "2048", AMDP_OCT, note=AMD_NOTE)
add("AMDBP-005", "Llama-3.1-405B", "dense", "amd", "MI300X", "FP8", "FP8", "TP8", 8, "128", "2048", AMDBP_MI,
    note="vLLM offline throughput; KV FP8 (the amd/*-FP8-KV checkpoints)")
add("AMD-PERF-005", "Llama-3.1-405B", "dense", "amd", "MI300X", "FP8", "FP8", "TP8", 8, "128", "2048", AMDP_JUN, note=AMD_NOTE)
add("AMD-PERF-008", "Llama-3.1-405B", "dense", "amd", "MI300X", "FP8", "FP8", "TP8", 8, "128", "2048", AMDP_OCT, note=AMD_NOTE)
add("AMDBP-008", "Llama-3.1-405B", "dense", "amd", "MI300X", "FP8", "FP8", "TP8", 8, "2048", "2048", AMDBP_MI,
    note="vLLM offline throughput; KV FP8 (the amd/*-FP8-KV checkpoints)")
add("AMD-PERF-006", "Llama-3.1-405B", "dense", "amd", "MI300X", "FP8", "FP8", "TP8", 8, "2048", "2048", AMDP_JUN, note=AMD_NOTE)

# The performance page's April and September 2025 tables and the October table's other rows, found
# after the first computation (docs/methodology.md says what they changed). Whole 8-GPU system's
# "Throughput (tokens/s)" (October: "Throughput2"); per GPU = total / 8. The page is one URL that AMD
# rewrites with each docker release; each table is cited by the snapshot that shows it.
AMDP_APR = ("AMD Instinct performance results page", "rocm/vllm:rocm6.3.1_instinct_vllm0.8.3_20250410", "2025-04-13",
            "https://amd.com/zh-cn/developer/resources/rocm-hub/dev-ai/performance-results.html")
AMDP_SEP = ("AMD Instinct performance results page", "rocm/vllm:rocm6.4.1_vllm_0.10.1_20250909", "2025-09-09",
            "https://www.amd.com/fr/developer/resources/rocm-hub/dev-ai/performance-results.html")
PAGE = {  # (model, input, output): (April, September, October) totals for 8 GPUs; None: in measurements.csv
    ("Llama-3.1-70B", "128", "2048"): ("16364.9", "13818.7", None),
    ("Llama-3.1-70B", "128", "4096"): ("12171.0", "11612.0", "11312.8"),
    ("Llama-3.1-70B", "500", "2000"): ("13290.4", "11408.7", "11376.7"),
    ("Llama-3.1-70B", "2048", "2048"): ("8216.5", "7800.5", "7252.1"),
    ("Llama-3.1-405B", "128", "2048"): ("4331.6", "4134.0", None),
    ("Llama-3.1-405B", "128", "4096"): ("3409.9", "3177.6", "3176.3"),
    ("Llama-3.1-405B", "500", "2000"): ("3184.0", "3034.1", "2992.0"),
    ("Llama-3.1-405B", "2048", "2048"): ("2154.3", "2214.2", "2153.7"),
}
for (model, isl, osl), vals in PAGE.items():
    for src, v, label in zip((AMDP_APR, AMDP_SEP, AMDP_OCT), vals, ("April 13, 2025", "September 9, 2025", "October 6, 2025")):
        if v is None:
            continue
        short = model.replace("Llama-3.1-", "Llama 3.1 ")
        add("", model, "dense", "amd", "MI300X", "FP8", "FP8", "TP8", 8, isl, osl, src, div(v, 8),
            "vLLM throughput table, %s (amd/%s-Instruct-FP8-KV), TP 8, %s/%s: %s tokens/s for the 8 GPUs "
            "(docker released %s)" % (short, model.replace("Llama-3.1-", "Llama-3.1-"), isl, osl, v, label), AMD_NOTE)
add("AMDBP-006", "Llama-3.1-405B", "dense", "amd", "MI300X", "FP8", "FP8", "TP8", 8, "128", "4096", AMDBP_MI,
    note="vLLM offline throughput; KV FP8 (the amd/*-FP8-KV checkpoints)")
add("AMDBP-007", "Llama-3.1-405B", "dense", "amd", "MI300X", "FP8", "FP8", "TP8", 8, "500", "2000", AMDBP_MI,
    note="vLLM offline throughput; KV FP8 (the amd/*-FP8-KV checkpoints)")

# --- MLPerf Inference, closed division, Offline scenario (the maximum-throughput figure) -------
# Same benchmark code path and dataset; lengths are the dataset's, so input/output are left empty and
# the benchmark column names them. Tokens/s of the 8-accelerator system; per accelerator = total / 8.
V41 = "https://github.com/mlcommons/inference_results_v4.1/blob/main/closed/%s/results/%s/summary/README.md"
V51 = "https://github.com/ntuhpc/inference_results_v5.1/blob/main/closed/%s/results/%s/README.md"
MLN = ("MLPerf closed Offline, %s; precision and KV as the submitter's closed-division recipe (not restated in the "
       "summary)")


def mlp(ref, model, kind, vendor, acc, w, sub, rnd, date, url, total="", row="", bench=""):
    src = ("MLPerf Inference, " + sub, rnd, date, url)
    add(ref, model, kind, vendor, acc, w, "not stated", "not stated", 8, "", "", src,
        "" if ref else div(total, 8), row, MLN % bench, benchmark="MLPerf " + bench)


L2 = "llama2-70b"
mlp("MLP41-022", "Llama-2-70B", "dense", "nvidia", "H100", "FP8", "NVIDIA", "v4.1", "2024-08", "", bench=L2)
mlp("", "Llama-2-70B", "dense", "nvidia", "H100", "FP8", "Dell", "v4.1", "2024-08", V41 % ("Dell", "XE9680_H100_SXM_80GBx8_TRT"),
    "24086.7", "Results Table, llama2-70b-99, Offline Tokens/s 24086.7 (Dell PowerEdge XE9680, 8x H100-SXM-80GB, TensorRT)", L2)
mlp("", "Llama-2-70B", "dense", "nvidia", "H100", "FP8", "Google", "v4.1", "2024-08", V41 % ("Google", "DGX-H100_H100-SXM-80GBx8_TRT"),
    "24133.7", "Results Table, llama2-70b-99, Offline Tokens/s 24133.7 (DGX-H100, 8x H100-SXM-80GB, TensorRT)", L2)
mlp("", "Llama-2-70B", "dense", "nvidia", "H100", "FP8", "ASUSTeK", "v4.1", "2024-08", V41 % ("ASUSTeK", "ESC_N8_E11_H100x8_TRT"),
    "24323.6", "Results Table, llama2-70b-99, Offline Tokens/s 24323.6 (ESC N8-E11, 8x H100, TensorRT)", L2)
mlp("MLP40-001", "Llama-2-70B", "dense", "nvidia", "H200", "FP8", "NVIDIA", "v4.0", "2024-03", "", bench=L2)
mlp("MLP41-042", "Llama-2-70B", "dense", "nvidia", "H200", "FP8", "NVIDIA", "v4.1", "2024-08", "", bench=L2)
mlp("", "Llama-2-70B", "dense", "nvidia", "H200", "FP8", "Dell", "v4.1", "2024-08", V41 % ("Dell", "XE9680_H200_SXM_141GBx8_TRT"),
    "32124.3", "Results Table, llama2-70b-99, Offline Tokens/s 32124.3 (Dell PowerEdge XE9680, 8x H200; the figure Tom's "
    "Hardware's table re-reports as TOMS-005)", L2)
mlp("", "Llama-2-70B", "dense", "nvidia", "H200", "FP8", "GigaComputing", "v4.1", "2024-08",
    V41 % ("GigaComputing", "GIGABYTE_G593_SD1_H200_SXM_141GBx8_TRT"),
    "31263.8", "Results Table, llama2-70b-99, Offline Tokens/s 31263.8 (GIGABYTE G593-SD1, 8x H200, TensorRT)", L2)
mlp("MLP41-002", "Llama-2-70B", "dense", "amd", "MI300X", "FP8", "AMD", "v4.1", "2024-08", "", bench=L2)
mlp("", "Llama-2-70B", "dense", "amd", "MI300X", "FP8", "Dell", "v4.1", "2024-08", V41 % ("Dell", "XE9680_MI300X_192GBx8"),
    "22677.6", "Results Table, llama2-70b-99, Offline Tokens/s 22677.6 (Dell PowerEdge XE9680, 8x MI300X, vLLM 0.4.3+rocm614)", L2)
mlp("MLP51-026", "Llama-2-70B", "dense", "amd", "MI300X", "FP8", "AMD", "v5.1", "2025-09", "", bench=L2)
mlp("", "Llama-2-70B", "dense", "amd", "MI300X", "FP8", "Dell", "v5.1", "2025-09", V51 % ("Dell", "XE9680_MI300X_192GBx8"),
    "27325.90", "Results Table, llama2-70b-99, Offline Tokens/s 27325.90 (Dell PowerEdge XE9680, 8x MI300X, vLLM 0.6.5.dev964+mlperf50)", L2)
mlp("", "Llama-2-70B", "dense", "amd", "MI300X", "FP8", "Dell_MangoBoost", "v5.1", "2025-09",
    V51 % ("Dell_MangoBoost", "8xMI300X_2xXeon_8460Y"),
    "27678.10", "Results Table, llama2-70b-99, Offline Tokens/s 27678.10 (8x MI300X, 2x Xeon 8460Y)", L2)
MX = "mixtral-8x7b"
mlp("MLP51-028", "Mixtral-8x7B", "moe", "amd", "MI300X", "FP8", "AMD", "v5.1", "2025-09", "", bench=MX)
mlp("", "Mixtral-8x7B", "moe", "amd", "MI300X", "FP8", "Dell", "v5.1", "2025-09", V51 % ("Dell", "XE9680_MI300X_192GBx8"),
    "53333.90", "Results Table, mixtral-8x7b, Offline Tokens/s 53333.90 (Dell PowerEdge XE9680, 8x MI300X)", MX)
mlp("MLP51-021", "Llama-2-70B", "dense", "amd", "MI325X", "FP8", "AMD", "v5.1", "2025-09", "", bench=L2)
mlp("", "Llama-2-70B", "dense", "amd", "MI325X", "FP8", "ASUSTeK", "v5.1", "2025-09", V51 % ("ASUSTeK", "ESC_A8A_MI325X_256GBx8"),
    "33987.40", "Results Table, llama2-70b-99, Offline Tokens/s 33987.40 (ESC A8A, 8x MI325X 256GB)", L2)
mlp("MLP51-023", "Mixtral-8x7B", "moe", "amd", "MI325X", "FP8", "AMD", "v5.1", "2025-09", "", bench=MX)
mlp("", "Mixtral-8x7B", "moe", "amd", "MI325X", "FP8", "ASUSTeK", "v5.1", "2025-09", V51 % ("ASUSTeK", "ESC_A8A_MI325X_256GBx8"),
    "68121.20", "Results Table, mixtral-8x7b, Offline Tokens/s 68121.20 (ESC A8A, 8x MI325X 256GB)", MX)
for ref, model, kind, bench, v85, v80 in (
        ("MLP51-011", "DeepSeek-R1", "moe", "deepseek-r1", "30766.50", "30493.30"),
        ("MLP51-014", "Llama-2-70B", "dense", L2, "102131.00", "101253.00"),
        ("MLP51-017", "Llama-3.1-405B", "dense", "llama3.1-405b", "1660.71", "1648.03"),
        ("MLP51-019", "Llama-3.1-8B", "dense", "llama3.1-8b", "143904.00", "143309.00")):
    mlp(ref, model, kind, "nvidia", "B200", FP4, "NVIDIA", "v5.1", "2025-09", "", bench=bench)
    # Dell submitted two 8 x B200 systems in v5.1 (XE9680L, XE9685L); one publication holds one row
    # of a configuration (README section 9, rule 3): the first in the results directory's order,
    # XE9680L. (XE9685L's figures: deepseek-r1 30,766.50, llama2-70b 102,131.00, llama3.1-405b 1,660.71,
    # llama3.1-8b 143,904.00 tokens/s.)
    mlp("", model, kind, "nvidia", "B200", FP4, "Dell", "v5.1", "2025-09", V51 % ("Dell", "XE9680L_B200_SXM_180GBx8_TRT"),
        v80, "Results Table, %s, Offline Tokens/s %s (Dell PowerEdge XE9680L, 8x B200, TensorRT)" % (bench, v80), bench)


# MLPerf Inference v6.0 (February 2026 round; the gbeezybez/inference_results_v6.0 mirror, as for MLP60
# in section 1): 8 x MI355X, AMD's own submission against GigaComputing's and Dell/MangoBoost's.
V60 = "https://github.com/gbeezybez/inference_results_v6.0/blob/main/closed/%s/results/%s/README.md"
mlp("MLP60-002", "gpt-oss-120b", "moe", "amd", "MI355X", "MXFP4", "AMD", "v6.0", "2026-04", "", bench="gpt-oss-120b")
mlp("", "gpt-oss-120b", "moe", "amd", "MI355X", "MXFP4", "GigaComputing", "v6.0", "2026-04",
    V60 % ("GigaComputing", "8xMI355X_2xEPYC-9575F"), "92332.200",
    "Results Table, gpt-oss-120b, Offline Tokens/s 92332.200 (GigaComputing G893-ZX1-AAX4, 8x MI355X)", "gpt-oss-120b")
mlp("MLP60-005", "Llama-2-70B", "dense", "amd", "MI355X", "MXFP4", "AMD", "v6.0", "2026-04", "", bench=L2)
mlp("", "Llama-2-70B", "dense", "amd", "MI355X", "MXFP4", "GigaComputing", "v6.0", "2026-04",
    V60 % ("GigaComputing", "8xMI355X_2xEPYC-9575F"), "100310.000",
    "Results Table, llama2-70b-99, Offline Tokens/s 100310.000 (GigaComputing G893-ZX1-AAX4, 8x MI355X)", L2)
mlp("", "Llama-2-70B", "dense", "amd", "MI355X", "MXFP4", "Dell_MangoBoost", "v6.0", "2026-04",
    V60 % ("Dell_MangoBoost", "8xMI355X_2xEPYC_9965"), "97535.100",
    "Results Table, llama2-70b-99, Offline Tokens/s 97535.100 (8x MI355X, 2x EPYC 9965)", L2)

# --- Added in the second session (README section 9, extension): appended so that earlier ids stay ---
# AMD's own run of 8 x H200 in TensorRT-LLM issue 4043 ("LLama 3.1 405B FP8 perf low on B200", opened
# 2025-05-03 by Andy Luo, @andyluo7, the author of the AMDBP blog): trtllm-bench throughput of
# nvidia/Llama-3.1-405B-Instruct-FP8, ISL 124, OSL 2048, 3,000 prompts, TP 8, PP 1, TensorRT-LLM
# 0.20.0rc0; "I ran the same things on H200 and I got 6,051 token per second". The issue complains of its
# B200 figure (3,396 tokens/s), which is not admitted (README section 9, extension); the H200 figure is
# the reference it gives. Per GPU = 6,051 / 8. ISL 124 pairs with 128 (rule 2, within 10 %).
ISS4043 = ("TensorRT-LLM issue 4043, AMD's run", "TensorRT-LLM 0.20.0rc0 (trtllm-bench)", "2025-05-03",
           "https://github.com/NVIDIA/TensorRT-LLM/issues/4043")
add("", "Llama-3.1-405B", "dense", "nvidia", "H200", "FP8", "FP8", "TP8", 8, "124", "2048", ISS4043, div("6051", 8),
    "issue description: H200, same run as the B200 one (ISL 124, OSL 2048, 3,000 prompts, TP 8, PP 1): 6,051 "
    "tokens/s for the 8 GPUs", "trtllm-bench throughput, offline maximum load; KV FP8 (trtllm-bench with FP8 "
    "weights, README section 8); published by an AMD engineer in an issue", publisher="amd")


# MLPerf Inference v5.0 (April 2025; the ntuhpc/mlperf_inference_results_v5.0 mirror), closed Offline on
# 8 x H200-SXM-141GB, TensorRT: every submitter whose results summary for such a system the mirror holds
# and the search found (NVIDIA, ASUSTeK, Cisco, Dell, GigaComputing, Google, HPE, Lambda, Lenovo, Oracle,
# Supermicro; H200 NVL and H100 systems are other accelerators). One row per submitter and benchmark
# (rule 3): the first 8 x H200-SXM system in its results directory's order (Dell: XE9680L before XE9680;
# Lenovo: H200-SXM-141GBx8_TRT before SR780a_V3). Benchmarks: llama2-70b-99, llama3_1-405b, mixtral-8x7b,
# each as the submitter ran it. Tokens/s of the 8-GPU system from the summary's Results Table; / 8.
V50 = "https://github.com/ntuhpc/mlperf_inference_results_v5.0/blob/main/closed/%s/results/%s/README.md"
H200_V50 = [  # submitter, system directory, llama2-70b-99, llama3_1-405b, mixtral-8x7b Offline tokens/s
    ("NVIDIA", "H200-SXM-141GBx8_TRT", "34988.20", "560.65", "62629.60"),
    ("ASUSTeK", "H200-SXM-141GBx8_TRT", "34807.10", "557.10", ""),
    ("Cisco", "C885A_M8_H200_SXM_141GBx8_TRT", "34081.10", "573.57", ""),
    ("Dell", "XE9680L_H200_SXM_141GBx8_TRT", "34763.20", "559.21", "62042.20"),
    ("GigaComputing", "G893-SD1_H200-SXM-141GBx8_TRT", "34889.50", "558.53", "62386.20"),
    ("Google", "H200-SXM-141GBx8_TRT", "34144.70", "552.59", "61614.50"),
    ("HPE", "HPE_Cray_XD670_H200_SXM_141GBx8_TRT", "33781.80", "", ""),
    ("Lambda", "H200-SXM-141GBx8_TRT", "35385.10", "", ""),
    ("Lenovo", "H200-SXM-141GBx8_TRT", "35453.00", "", "63446.70"),
    ("Oracle", "H200-SXM-141GBx8_TRT", "34556.60", "", "60708.60"),
    ("Supermicro", "AS_4125GS_TNHR2_LCC_H200_SXM_141GBX8_TRT", "35026.80", "551.22", "62766.20"),
]
for sub, system, l2, l405, mx in H200_V50:
    for model, kind, bench, label, v in (("Llama-2-70B", "dense", L2, "llama2-70b-99", l2),
                                         ("Llama-3.1-405B", "dense", "llama3.1-405b", "llama3_1-405b", l405),
                                         ("Mixtral-8x7B", "moe", MX, "mixtral-8x7b", mx)):
        if v:
            mlp("", model, kind, "nvidia", "H200", "FP8", sub, "v5.0", "2025-04", V50 % (sub, system), v,
                "Results Table, %s, Offline Tokens/s %s (%s, 8x H200-SXM-141GB, TensorRT)" % (label, v, system), bench)

# --- Added in the third session (README section 9, third session): appended so that earlier ids stay ---
# Microsoft's Azure AI benchmarking guide: "End-to-End Inference Workloads", "FP8 quantization, 1000 requests",
# the whole VM's output tokens/s (8 GPUs for TP 8; one GPU for TP 1); per GPU = total / 8, exact. H100 and H200:
# TensorRT-LLM 0.15.0 trtllm-bench (FP8 KV by README section 8); MI300X: vLLM benchmark_throughput,
# rocm/vllm-dev:20241121-tuned, amd/*-FP8-KV with --kv-cache-dtype fp8. Commit 99133f3 (2025-02-28).
AZ = "https://github.com/Azure/AI-benchmarking-guide/blob/99133f3819e7d2e97c13de62e3f9a4a924802675/Azure_Results/%s"
AZ_H100 = ("Azure AI benchmarking guide, ND H100 v5", "TensorRT-LLM 0.15.0 (trtllm-bench)", "2024-12-13",
           AZ % "ND_H100_v5_results.md")
AZ_H200 = ("Azure AI benchmarking guide, ND H200 v5", "TensorRT-LLM 0.15.0 (trtllm-bench)", "2024-12-13",
           AZ % "ND_H200_v5_results.md")
AZ_MI = ("Azure AI benchmarking guide, ND MI300X v5", "vLLM rocm/vllm-dev:20241121-tuned", "2025-01-23",
         AZ % "ND_MI300X_v5_results.md")
AZ_TRT_NOTE = ("Microsoft's run on Azure (trtllm-bench build --quantization FP8, then throughput: 1,000 requests, "
               "all queued, synthetic uniform lengths); output tokens/s (trtllm-bench's Token Throughput); KV FP8 by "
               "README section 8")
AZ_VLLM_NOTE = ("Microsoft's run on Azure (vLLM offline benchmark_throughput, 1,000 prompts, max_num_seqs 3,000, "
                "KV FP8 stated); output tokens/s (the script keeps vLLM's output tokens/s)")
AZ_L = [("128", "128"), ("128", "2048"), ("500", "2000"), ("1024", "1024"), ("2048", "2048")]
AZ_NV = {  # (source, model, accelerators): totals at AZ_L, as the tables print them
    (AZ_H100, "Llama-3.1-8B", 1): ("15163", "15014", "13047", "11724", "8026"),
    (AZ_H100, "Llama-3.1-70B", 8): ("10032", "12910", "11594", "9125", "7908"),
    (AZ_H100, "Llama-3.1-405B", 8): ("2515", "3434", "3143", "2422", "1973"),
    (AZ_H200, "Llama-3.1-8B", 1): ("17853", "21255", "18357", "15043", "9736"),
    (AZ_H200, "Llama-3.1-70B", 8): ("11973", "18219", "15911", "11302", "10371"),
    (AZ_H200, "Llama-3.1-405B", 8): ("3148", "5098", "4447", "3050", "2859"),
}
HEAD = {"Llama-3.1-8B": "LLAMA 3.1 (8B)", "Llama-3.1-70B": "LLAMA 3.1 (70B)", "Llama-3.1-405B": "LLAMA 3 (405B)"}
for (src, model, n), vals in AZ_NV.items():
    acc = "H100" if src is AZ_H100 else "H200"
    head = HEAD[model]
    if acc == "H200" and model == "Llama-3.1-70B":
        head = "LLAMA 3 (70B)"
    for (isl, osl), v in zip(AZ_L, vals):
        add("", model, "dense", "nvidia", acc, "FP8", "FP8", "TP%d" % n, n, isl, osl, src, v if n == 1 else div(v, n),
            "End-to-End Inference Workloads - TensorRT-LLM, %s, tp size %d, %s / %s: %s tokens/sec%s"
            % (head, n, isl, osl, v, "" if n == 1 else " for the 8 GPUs"), AZ_TRT_NOTE, publisher="microsoft")
AZ_MI_V = {"Llama-3.1-70B": ("12204", "10877", "7421"), "Llama-3.1-405B": ("3902", "3407", "1840")}
for model, vals in AZ_MI_V.items():
    for (isl, osl), v in zip([("128", "2048"), ("500", "2000"), ("2048", "2048")], vals):
        add("", model, "dense", "amd", "MI300X", "FP8", "FP8", "TP8", 8, isl, osl, AZ_MI, div(v, 8),
            "End-to-End Inference Workloads - vLLM, %s, tp size 8, %s / %s: %s tokens/sec for the 8 GPUs"
            % (HEAD[model], isl, osl, v), AZ_VLLM_NOTE, publisher="microsoft")

# Google's A3 Ultra recipe: the log it prints as the output to expect (README section 9, refinement), one
# a3-ultragpu-8g machine (8 x H200), meta-llama/Llama-3.1-405B, TensorRT-LLM 0.17.0.post1, FP8, KV FP8 (stated),
# TP 8, 30,000 requests of 128/128: Token Throughput 3914.4509 tokens/s for the 8 GPUs.
GCP = ("AI Hypercomputer GPU recipes, A3 Ultra TensorRT-LLM", "TensorRT-LLM 0.17.0.post1 (trtllm-bench)", "2025-05-28",
       "https://github.com/AI-Hypercomputer/gpu-recipes/blob/2e1fd5efbf1af9c08f8ac50b9d7fef2cfa675b68/inference/a3ultra/"
       "single-host-serving/trtllm/README.md")
add("", "Llama-3.1-405B", "dense", "nvidia", "H200", "FP8", "FP8", "TP8", 8, "128", "128", GCP, div("3914.4509", 8),
    "section 5.2 log, PERFORMANCE OVERVIEW: Number of requests 30000, 128 / 128, Token Throughput (tokens/sec) "
    "3914.4509 for the 8 GPUs (engine details: FP8, KV Cache Dtype FP8, TP Size 8)",
    "Google's run (trtllm-bench throughput, 30,000 requests all queued, max runtime batch 4,096); a recipe's "
    "expected-output log (README section 9, refinement)", publisher="google")

# NVIDIA's tables at the configurations Microsoft and Google measured that the file did not yet hold.
trt("TRT013-012", "Llama-3.1-70B", "H100", "FP8", "TP8", 8, "128", "128", T013)
trt("TRT013-007", "Llama-3.1-70B", "H100", "FP8", "TP8", 8, "1000", "1000", T013)
for (isl, osl), a in zip([("128", "128"), ("128", "2048"), ("500", "2000"), ("1000", "1000"), ("2048", "2048")],
                         ["16449.68", "19947.02", "16139.49", "TRT013-018", "9948.56"]):
    if a.startswith("TRT"):
        trt(a, "Llama-3.1-70B", "H200", "FP8", "TP8", 8, isl, osl, T013)
    else:
        trt("", "Llama-3.1-70B", "H200", "FP8", "TP8", 8, isl, osl, T013, div(a, 8),
            "LLaMA v3.1 70B, %s/%s, TP 8, H200 FP8 column (%s tokens/s for the 8 GPUs)" % (isl, osl, a))
trt("", "Llama-3.1-405B", "H100", "FP8", "TP8", 8, "128", "128", T10, div("3627", 8),
    "Llama 3.1 405B, 128/128, H100 TP8 (FP8) (3627 tokens/s for the 8 GPUs)")
trt("TRT10-033", "Llama-3.1-405B", "H100", "FP8", "TP8", 8, "1000", "1000", T10)

with open(os.path.join(D, "agreement.csv"), "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=COLS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
print(len(rows), "rows")
