#!/usr/bin/env python3
"""split.csv: whole-source hold-out. Source group = id prefix (Intel split by page; DS-PROF belongs to the LMSYS-EP blog)."""
import csv, re, os
D = os.path.join(os.path.dirname(__file__), "..")
rows = list(csv.DictReader(open(os.path.join(D, "measurements.csv"))))
def group(i):
    if i.startswith("INTEL-"): return "INTEL-GAUDI3-PAGE" if int(i.split("-")[1]) <= 15 else "INTEL-GAUDI2-PAGE"
    if i.startswith("DS-PROF"): return "LMSYS-EP"
    return re.sub(r"-\d+$", "", i)
TRAIN = {"TRT10","TRT019","TRT013","TRTDS","MLP41","MLP51","TOMS","LMSYS-EP","LMSYS-GB1","LMSYS-GB2","INTEL-GAUDI3-PAGE","JSPT",
         "AMDBP",  # second round, see README §4: new sources alternate by publication date, the first to training
         "LMSYS-K2", "VLLM-GB200",  # third round (README §4): LMSYS-K2 2025-07-20, VLLM-GB200 2026-02-03
         # Ninth round of data (README §4): Qwen's Speed Benchmark, to training (batch-1 decode, dense and MoE,
         # to be fitted on; the factors refitted).
         "QWEN-SB",
         # Tenth round of data (README §4): the SGLang cookbook's DeepSeek-V3.1 on MI300X, to training (MLA on AMD
         # CDNA3, to be fitted on).
         "SGL-CB",
         # Eleventh round of data (README §4): dstack's and the ROCm blog's AITER post, MLA on MI300X, to training
         # (to be fitted on); the SGLang cookbook's further AMD pages join SGL-CB.
         "DSTACK", "AITERB",
         # Twelfth round of data (README §4): gpt-oss, to training (to be fitted on); the SGLang cookbook's GPT-OSS
         # page joins SGL-CB.
         "LMSYS-GO", "SGLPR-GO", "VLLMPR-GO",
         # Fifteenth round of data (README §4): current-generation MoE, to training (to be fitted on); the SGLang
         # cookbook's DeepSeek-R1 and Qwen3 pages join SGL-CB.
         "ATOM-RCP"}
VAL = {"TRT12","TRT061","MLP40","MLP60","DS-PROD","VLLM-WEP","MOREH","AMD-PERF","ORCL","INTEL-GAUDI2-PAGE","VERTEX",
       "MOREHDOC",
       "ANTH20", "VLLM-GB300",  # third round: ANTH20 2025-09-26, VLLM-GB300 2026-02-13
       # Fourth round of data (README §4): two publishers never used before, held out whole (not alternated: a
       # source put in training without a refit would be fitted on by nothing), no refit.
       "AZURE", "GCP-A3U",
       # Fifth round of data (README §4): one more publisher never used before, held out whole for the same reason.
       "GPUSTACK",
       # Sixth round of data (README §4): SemiAnalysis InferenceX, held out whole for the same reason.
       "INFX",
       # Eighth round of data (README §4): NVIDIA NIM's benchmarking guide, held out whole for the same reason.
       "NIM"}
FLAGS = {"TRT061-011":("0","unit ambiguous (per-GPU vs 4-GPU total)"),
 "TOMS-005":("0","conflicts with MLCommons H200x8 summary (different system?)"),"TOMS-006":("0","conflicts with MLCommons H200x8 summary"),
 "VERTEX-001":("0.2","community, unsaturated, 50 requests"),"INTEL-024":("0.5","latency column interpreted as TPOT"),
 "MOREH-001":("0.5","stated as lower bound >21k"),
 "VLLM-WEP-001":("1","read from a bar chart without data labels (+/- 6 tok/s)"),"VLLM-WEP-002":("1","read from a bar chart without data labels (+/- 6 tok/s)"),
 "VLLM-WEP-003":("1","read from a bar chart without data labels (+/- 6 tok/s)"),
 "VLLM-GB200-005":("0","the same measurement as VLLM-WEP-001, re-reported"),
 "TRT013-001":("1","extreme KV starvation (TP1 70B on 80GB) - keep as memory-capacity test"),"TRT013-008":("1","extreme KV starvation")}
# Twenty-third round (docs/methodology.md), rule S: a training row on a stack that one publisher's same-configuration
# pair shows superseded by 1.5x or more (same framework, model, accelerator architecture, a release no later than the
# pair's earlier side) gets weight 0. Applied by hand from the pairs the rule reads.
AITER_PAIR = "AITERB-001 -> AITERB-002, SGLang before and after AITER, DeepSeek-R1 on 8 MI300X, 1.92x"
TRT405_PAIR = "agreement.csv AGR-076/077, AGR-078/079, AGR-084/085: TensorRT-LLM 0.13.0 -> 1.0, Llama 3.1 405B on 8 H200, 1.51-1.76x"
SUPERSEDED = {"AITERB-001": AITER_PAIR, "TRT013-039": TRT405_PAIR, "TRT013-040": TRT405_PAIR}
# dstack's SGLang rows (rocm/sglang-staging:20250212, SGLang 0.4.2.post4): the AITER pair's scope, an earlier release.
SUPERSEDED.update({r["id"]: AITER_PAIR for r in rows
                   if r["id"].startswith("DSTACK-") and r["framework_version"].startswith("rocm/sglang-staging:20250212")})
assert len(SUPERSEDED) == 27, len(SUPERSEDED)
for k, pair in SUPERSEDED.items():
    assert k not in FLAGS, k
    FLAGS[k] = ("0", "superseded stack (rule S): " + pair)
out = []
for r in rows:
    g = group(r["id"]); sp = "train" if g in TRAIN else "validation" if g in VAL else None
    assert sp, r["id"]
    w, why = FLAGS.get(r["id"], ("1", ""))
    if r["id"].startswith("AMD-PERF"): w, why = "0.5", "throughput unit ambiguous (total vs output tokens)"
    kind = "output"
    if "prefill" in r["output_tokens"] + r["scenario"]: kind = "prefill-only (input tok/s in total_tokens_per_s)"
    elif "decode" in r["output_tokens"] + r["scenario"]: kind = "decode-only (PD-disaggregated decode pool)"
    if r["id"] in ("INTEL-024", "TRTDS-004", "TRTDS-005"): kind = "latency point"
    out.append(dict(id=r["id"], source_group=g, split=sp, weight_hint=w, target_kind=kind, flag=why))
with open(os.path.join(D, "split.csv"), "w", newline="") as f:
    wr = csv.DictWriter(f, fieldnames=list(out[0].keys())); wr.writeheader(); [wr.writerow(o) for o in out]
print(len(out))
