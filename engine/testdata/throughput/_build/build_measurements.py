#!/usr/bin/env python3
"""Builds measurements.csv from hand-transcribed source tables.
Every number below was copied from the source named in its block; derived
values are computed here and labelled 'derived' in the notes column."""
import csv, json, os
from decimal import Decimal

OUT = os.path.join(os.path.dirname(__file__), "..", "measurements.csv")
COLS = ["id","model","model_type","total_params_b","active_params_b","accelerator","vendor",
        "num_accelerators","tensor_parallel","expert_parallel","pipeline_parallel","data_parallel",
        "disaggregated","precision_weights","precision_kv","framework","framework_version",
        "input_tokens","output_tokens","concurrency_or_batch","output_tokens_per_s_total",
        "output_tokens_per_s_per_accelerator","total_tokens_per_s","ttft_ms","tpot_ms_or_itl_ms",
        "scenario","source_url","source_title","as_of_date","notes"]

MODELS = {  # name: (type, total_b, active_b)
 "Llama-3.1-8B": ("dense", 8.03, 8.03),
 "Llama-3-8B": ("dense", 8.03, 8.03),
 "Llama-3.1-70B": ("dense", 70.6, 70.6),
 "Llama-3.3-70B": ("dense", 70.6, 70.6),
 "Llama-3.1-405B": ("dense", 405.9, 405.9),
 "Llama-2-70B": ("dense", 69.0, 69.0),
 "Llama-2-7B": ("dense", 6.74, 6.74),
 "Mistral-7B": ("dense", 7.24, 7.24),
 "Mixtral-8x7B": ("moe", 46.7, 12.9),
 "Llama-4-Scout-17B-16E": ("moe", 109, 17),
 "Llama-4-Maverick-17B-128E": ("moe", 400, 17),
 "Qwen3-235B-A22B": ("moe", 235, 22),
 "Qwen3-30B-A3B": ("moe", 30.5, 3.3),
 "Qwen3-0.6B": ("dense", 0.6, 0.6), "Qwen3-1.7B": ("dense", 1.7, 1.7), "Qwen3-4B": ("dense", 4.0, 4.0),
 "Qwen3-8B": ("dense", 8.2, 8.2), "Qwen3-14B": ("dense", 14.8, 14.8), "Qwen3-32B": ("dense", 32.8, 32.8),
 "DeepSeek-R1": ("moe", 671, 37),
 "DeepSeek-V3": ("moe", 671, 37),
 "gpt-oss-120b": ("moe", 117, 5.1),
 "gpt-oss-20b": ("moe", 21, 3.6),
 "Kimi-K2": ("moe", 1000, 32),
}
VENDOR = {"H100":"nvidia","H200":"nvidia","B200":"nvidia","GB200":"nvidia","GB300":"nvidia","A100":"nvidia",
          "L40S":"nvidia","H800":"nvidia","H20":"nvidia","B300":"nvidia","MI300X":"amd","MI325X":"amd","MI355X":"amd","Gaudi2":"intel",
          "Gaudi3":"intel","TPU-v5e":"google","TPU-v6e":"google"}
rows = []

def fmt(x):
    if x is None or x == "": return ""
    if isinstance(x, float):
        return f"{x:.1f}" if abs(x) >= 100 else f"{x:.2f}"
    return str(x)

def add(id, model, acc, n, tp="", ep="", pp="", dp="", disagg="no", pw="", pkv="", fw="", fwv="",
        isl="", osl="", conc="", out_total=None, out_per=None, total_tok=None, ttft="", tpot="",
        scen="", url="", title="", date="", notes="", derive=True):
    mt, tot, act = MODELS[model]
    derived = []
    if derive and out_total is not None and out_per is None and n not in ("", None):
        out_per = out_total / n; derived.append("per-accelerator = total / num_accelerators (derived)")
    elif derive and out_per is not None and out_total is None and n not in ("", None):
        out_total = out_per * n; derived.append("total = per-accelerator x num_accelerators (derived)")
    if derived: notes = (notes + "; " if notes else "") + "; ".join(derived)
    rows.append({"id":id,"model":model,"model_type":mt,"total_params_b":tot,"active_params_b":act,
        "accelerator":acc,"vendor":VENDOR[acc],"num_accelerators":n,"tensor_parallel":tp,"expert_parallel":ep,
        "pipeline_parallel":pp,"data_parallel":dp,"disaggregated":disagg,"precision_weights":pw,"precision_kv":pkv,
        "framework":fw,"framework_version":fwv,"input_tokens":isl,"output_tokens":osl,"concurrency_or_batch":conc,
        "output_tokens_per_s_total":fmt(out_total),"output_tokens_per_s_per_accelerator":fmt(out_per),
        "total_tokens_per_s":fmt(total_tok),"ttft_ms":ttft,"tpot_ms_or_itl_ms":tpot,"scenario":scen,
        "source_url":url,"source_title":title,"as_of_date":date,"notes":notes})

# ---------------------------------------------------------------- S1 TRT-LLM v1.0 perf overview
U1 = "https://github.com/NVIDIA/TensorRT-LLM/blob/00f37686aa854010d68bcbd0f4ab000221541ca6/docs/source/performance/perf-overview.md"
T1 = "TensorRT-LLM Performance Overview (v1.0 docs; metric = Total Output Throughput tokens/s, trtllm-bench throughput, PyTorch backend)"
D1 = "2025 (TRT-LLM v1.0 docs, commit 00f3768)"
N1 = "trtllm-bench offline max-throughput (all requests queued, no delay); synthetic uniform ISL/OSL; num_requests per ISL/OSL table in source; kv_cache_free_gpu_mem_fraction 0.90-0.95"
s1 = [
 # model, acc, tp, prec, [(isl,osl,val),...]
 ("Llama-3.1-8B","H100",1,"FP8",[(128,128,28312),(128,2048,22714),(2048,128,3450),(1000,1000,15220),(2048,2048,9305),(5000,500,3459),(20000,2000,1351)]),
 ("Llama-3.1-8B","H200",1,"FP8",[(128,128,27911),(1000,1000,17744),(2048,2048,12194),(20000,2000,1804)]),
 ("Llama-3.3-70B","B200",1,"FP4",[(128,2048,9922),(1000,1000,7007),(2048,128,1339),(20000,2000,665)]),
 ("Llama-3.3-70B","GB200",1,"FP4",[(1000,1000,7326),(20000,2000,755)]),
 ("Llama-3.3-70B","H200",1,"FP8",[(128,128,3803),(1000,1000,2909),(2048,2048,2003),(5000,500,566)]),
 ("Llama-3.3-70B","H100",2,"FP8",[(128,128,6378),(1000,1000,4205),(2048,2048,3082),(20000,2000,437)]),
 ("Llama-3.1-405B","B200",4,"FP4",[(1000,1000,5209),(2048,2048,4212)]),
 ("Llama-3.1-405B","GB200",4,"FP4",[(1000,1000,5389)]),
 ("Llama-3.1-405B","H200",8,"FP8",[(1000,1000,3330),(2048,2048,2948),(20000,2000,505)]),
 ("Llama-3.1-405B","H100",8,"FP8",[(128,2048,4340),(1000,1000,2919),(2048,128,453)]),
 ("Llama-4-Scout-17B-16E","B200",1,"FP4",[(1000,1000,10591),(2048,2048,7152)]),
 ("Llama-4-Scout-17B-16E","GB200",1,"FP4",[(1000,1000,7738)]),
 ("Llama-4-Scout-17B-16E","H200",4,"FP8",[(1000,1000,21636),(20000,2000,2105)]),
 ("Llama-4-Scout-17B-16E","H100",4,"FP8",[(1000,1000,12129),(5000,500,3342)]),
 ("Llama-4-Maverick-17B-128E","B200",8,"FP4",[(1000,1000,79617),(20000,2000,12678)]),
 ("Llama-4-Maverick-17B-128E","H200",8,"FP8",[(1000,1000,31782),(2048,2048,20957)]),
 ("Llama-4-Maverick-17B-128E","H100",8,"FP8",[(1000,1000,9677),(2048,2048,6916)]),
 ("Qwen3-235B-A22B","B200",8,"FP4",[(1000,1000,42391),(2048,128,7329)]),
 ("Qwen3-235B-A22B","H200",8,"FP8",[(1000,1000,23789),(20000,2000,1876)]),
 ("Qwen3-235B-A22B","H100",8,"FP8",[(1000,1000,14898),(5000,500,3225)]),
 ("Qwen3-30B-A3B","B200",1,"FP4",[(1000,1000,25828)]),
 ("Qwen3-30B-A3B","GB200",1,"FP4",[(1000,1000,17481)]),
]
k = 0
for model, acc, tp, prec, pts in s1:
    moe = MODELS[model][0] == "moe"
    for isl, osl, v in pts:
        k += 1
        add(f"TRT10-{k:03d}", model, acc, tp, tp=tp, ep=("" if not moe else ""), pp=1, dp=1, pw=prec, pkv="not stated",
            fw="TensorRT-LLM", fwv="1.0 (PyTorch backend)", isl=isl, osl=osl, conc="max (offline)", out_total=float(v),
            scen="offline", url=U1, title=T1, date=D1,
            notes=N1 + ("; MoE run: table header says TPn; MoE llm_options in this doc set enable_attention_dp: true and command passes --tp/--ep, so TPn may mean world size n with DP attention + EP; EP size not stated" if moe else ""))

# ---------------------------------------------------------------- S1b TRT-LLM 0.19.0 B200 TP scaling (docs page excerpt)
U1b = "https://nvidia.github.io/TensorRT-LLM/0.19.0/performance/perf-overview.html"
T1b = "TensorRT-LLM 0.19.0 Performance Overview (Llama 3.3 70B FP4 on B200, TP1-8; Total Output Throughput tokens/s)"
for i,(tp,v128,v2048) in enumerate([(1,11253.28,9925.00),(2,17867.66,15459.71),(4,24944.50,23608.58),(8,27471.49,30742.86)]):
    for isl,osl,v in [(128,128,v128),(128,2048,v2048)]:
        add(f"TRT019-{2*i+(1 if osl==128 else 2):03d}", "Llama-3.3-70B","B200",tp,tp=tp,pp=1,dp=1,pw="FP4",pkv="not stated",
            fw="TensorRT-LLM",fwv="0.19.0",isl=isl,osl=osl,conc="max (offline)",out_total=v,scen="offline",url=U1b,title=T1b,
            date="2025 (TRT-LLM 0.19.0 docs)",notes="trtllm-bench offline max throughput; TP-scaling series on one GPU type; value read from docs-page excerpt")

# ---------------------------------------------------------------- S2 TRT-LLM v0.13.0 perf overview (tables with TP1-8 and 6 GPU types)
U2 = "https://github.com/NVIDIA/TensorRT-LLM/blob/v0.13.0/docs/source/performance/perf-overview.md"
T2 = "TensorRT-LLM Performance Overview (data generated with v0.13.0; token throughput tokens/s; in-flight batching, trtllm-bench)"
D2 = "2024-10 (TRT-LLM v0.13.0)"
N2 = ("trtllm-bench throughput, offline max load; FP8 engines use FP8 KV cache per doc ('If you specify FP8 quantization, the KV cache will automatically be set to FP8'); "
      "FP16 engines: no quantization; metric labelled 'token throughput' (example output shows output-length-normalized 'Token Throughput'); "
      "text retrieved via code index id 5856956924 (file = docs/source/performance/perf-overview.md of the v0.13-era tree; exact tag not re-verified)")
s2 = [
 # model, acc, prec, [(tp,isl,osl,val)]
 ("Llama-3.1-70B","H100","FP8",[(1,128,2048,344.22),(2,128,2048,5654.43),(4,128,2048,9377.87),(8,128,2048,15168.97),
                                 (2,1000,1000,3880.41),(4,1000,1000,6553.00),(8,1000,1000,11121.10),
                                 (1,2048,2048,161.60),(2,2048,2048,2432.55),(4,2048,2048,4948.83),(8,2048,2048,8527.52),
                                 (8,128,128,15711.60),(8,2048,128,1964.49),(8,20000,2000,1359.27)]),
 ("Llama-3.1-70B","H200","FP8",[(1,1000,1000,2539.65),(2,1000,1000,4572.03),(4,1000,1000,7612.56),(8,1000,1000,12660.86),(1,128,2048,3503.59)]),
 ("Llama-3.1-70B","A100","FP16",[(2,1000,1000,451.82),(4,1000,1000,1731.86),(8,1000,1000,3013.95),(8,128,128,4491.42),(8,2048,2048,2103.68)]),
 ("Llama-3.1-70B","L40S","FP8",[(4,1000,1000,1113.18),(8,1000,1000,1120.73),(4,128,128,1434.63),(8,128,128,1365.36)]),
 ("Llama-3.1-8B","A100","FP16",[(1,128,128,6687.04),(1,1000,1000,3592.16),(1,2048,2048,2269.78)]),
 ("Llama-3.1-8B","L40S","FP8",[(1,128,128,8548.90),(1,1000,1000,3648.21),(1,2048,2048,2055.78)]),
 ("Llama-3.1-8B","H100","FP16",[(1,1000,1000,7160.92)]),
 ("Mistral-7B","H100","FP8",[(1,1000,1000,14213.48)]),
 ("Llama-2-70B","H100","FP8",[(4,128,128,10865.42),(8,2048,2048,8016.14)]),
 ("Llama-3.1-405B","H200","FP8",[(8,1000,1000,2259.32),(8,2048,128,454.17)]),
 ("Mixtral-8x7B","H100","FP8",[(2,1000,1000,14154.95),(4,1000,1000,25291.30),(8,1000,1000,40628.46),(8,20000,2000,5163.91),(2,128,128,24572.90)]),
 ("Mixtral-8x7B","H200","FP8",[(8,1000,1000,44072.88),(2,1000,1000,18644.51)]),
 ("Mixtral-8x7B","A100","FP16",[(8,1000,1000,13741.62)]),
 ("Mixtral-8x7B","L40S","FP8",[(4,1000,1000,4697.19),(8,1000,1000,5706.17)]),
]
k = 0
for model, acc, prec, pts in s2:
    for tp, isl, osl, v in pts:
        k += 1
        extra = ""
        if acc == "L40S" and tp > 1: extra = "; L40S has no NVLink (PCIe Gen4) - TP>1 over PCIe"
        if model=="Llama-3.1-70B" and acc=="H100" and tp==1: extra = "; TP1 FP8 70B on 80GB leaves little KV-cache room (throughput collapses)"
        if model=="Mixtral-8x7B": extra += "; MoE run as pure TP (no EP) in this table"
        add(f"TRT013-{k:03d}", model, acc, tp, tp=tp, pp=1, dp=1, pw=prec, pkv=("FP8" if prec=="FP8" else "FP16"),
            fw="TensorRT-LLM", fwv="0.13.0", isl=isl, osl=osl, conc="max (offline)", out_total=v, scen="offline",
            url=U2, title=T2, date=D2, notes=N2+extra)

# ---------------------------------------------------------------- S3 TRT-LLM v0.6.1 performance.md (static batching)
U3 = "https://github.com/NVIDIA/TensorRT-LLM/blob/138f96d45f90b9667426f7c47297d8c06bafac73/docs/source/performance.md"
T3 = "Performance of TensorRT-LLM (docs/source/performance.md, data for v0.6.1; L40S data from v0.5)"
D3 = "2023-12 (TRT-LLM v0.6.1)"
N3 = "gptSessionBenchmark static batching (pre in-flight batching); 'LLaMA 70B/7B' = Llama 2 per methodology section"
k=0
for model,acc,tp,prec,bs,isl,osl,v,unit in [
  ("Llama-2-70B","H100",2,"FP8",1024,128,128,2657,"per"),("Llama-2-70B","H100",4,"FP8",480,128,2048,1486,"per"),
  ("Llama-2-70B","H100",2,"FP8",96,2048,128,306,"per"),("Llama-2-70B","H100",2,"FP8",64,2048,2048,547,"per"),
  ("Llama-2-7B","H100",1,"FP8",768,128,128,19694,"per"),("Llama-2-7B","H100",1,"FP8",48,2048,2048,2740,"per"),
  ("Llama-2-7B","L40S",1,"FP8",64,128,128,3240,"tot"),("Llama-2-7B","L40S",1,"FP8",16,2048,2048,531,"tot"),
  ("Llama-2-7B","A100",1,"FP16",384,128,128,5586,"tot"),("Llama-2-7B","A100",1,"FP16",60,128,2048,1928,"tot"),
  ("Llama-2-70B","A100",4,"FP16",1280,128,128,670,"ambig")]:
    k+=1
    note = N3
    if unit=="per":
        note += "; H100 table header: 'Throughput (out tok/s/GPU)' - value is per GPU"
        add(f"TRT061-{k:03d}",model,acc,tp,tp=tp,pp=1,dp=1,pw=prec,pkv=("FP8" if prec=="FP8" else "FP16"),fw="TensorRT-LLM",fwv="0.6.1",
            isl=isl,osl=osl,conc=bs,out_per=float(v),scen="offline",url=U3,title=T3,date=D3,notes=note)
    elif unit=="tot":
        note += "; single GPU so per-GPU = total" + ("; L40S numbers from v0.5" if acc=="L40S" else "")
        add(f"TRT061-{k:03d}",model,acc,tp,tp=tp,pp=1,dp=1,pw=prec,pkv=("FP8" if prec=="FP8" else "FP16"),fw="TensorRT-LLM",fwv=("0.5" if acc=="L40S" else "0.6.1"),
            isl=isl,osl=osl,conc=bs,out_total=float(v),scen="offline",url=U3,title=T3,date=D3,notes=note)
    else:
        note += ("; UNIT AMBIGUOUS: A100 table header says 'Throughput (out tok/s)' (no /GPU) while H100 table says /GPU. "
                 "Value 670 recorded in per-accelerator column ONLY as stated figure; if it is the 4-GPU total, per-GPU = 167.5. Exclude from fitting unless resolved")
        add(f"TRT061-{k:03d}",model,acc,tp,tp=tp,pp=1,dp=1,pw=prec,pkv="FP16",fw="TensorRT-LLM",fwv="0.6.1",
            isl=isl,osl=osl,conc=bs,out_per=float(v),scen="offline",url=U3,title=T3,date=D3,notes=note,derive=False)

# ---------------------------------------------------------------- S4 TRT-LLM 1.2-era perf overview (per-GPU metric)
U4 = "https://github.com/NVIDIA/TensorRT-LLM/blob/03e27c7d5ff0c6e89f8328838c0a8e64f1b34f9d/docs/source/developer-guide/perf-overview.md"
T4 = "TensorRT-LLM Performance Overview (developer-guide; metric = Output Throughput per GPU, tokens/s/GPU)"
D4 = "2025-12/2026 (TRT-LLM ~1.2 docs, commit 03e27c7)"
N4 = ("trtllm-bench offline max throughput; value = 'Per GPU Output Throughput (tps/gpu)'; 'DEPn' label interpreted as n GPUs with attention data-parallel + expert-parallel n "
      "(llm_options enable_attention_dp: true) - interpretation, label not defined in retrieved text")
s4 = [
 ("DeepSeek-R1","B200",4,"DEP","FP4","FP8",[(1024,1024,6430),(1024,8192,3862),(8192,1024,1168),(1024,32768,1451)]),
 ("DeepSeek-R1","GB200",4,"DEP","FP4","FP8",[(1024,1024,6924)]),
 ("DeepSeek-R1","H200",8,"DEP","FP8","FP8",[(1024,1024,1620),(1024,32768,438)]),
 ("gpt-oss-120b","B200",2,"DEP","FP4","FP8",[(1024,1024,25870),(32768,1024,1392)]),
 ("gpt-oss-120b","GB200",1,"TP","FP4","FP8",[(1024,1024,26609)]),
 ("gpt-oss-120b","H200",1,"TP","FP8","auto (Hopper)",[(1024,1024,6798),(8192,1024,1828)]),
 ("gpt-oss-120b","H100",4,"DEP","FP8","auto (Hopper)",[(1024,1024,4715)]),
 ("gpt-oss-20b","H100",1,"TP","FP8","auto (Hopper)",[(1024,1024,11403)]),
 ("gpt-oss-20b","B200",1,"TP","FP4","FP8",[(1024,1024,53491)]),
 ("Llama-3.3-70B","H200",2,"TP","FP8","not stated",[(1024,1024,2582),(8192,1024,537)]),
 ("Llama-3.3-70B","H100",2,"TP","FP8","not stated",[(1000,1000,2209)]),
 ("Llama-3.3-70B","B200",1,"TP","FP4","not stated",[(1024,8192,3242),(32768,1024,274)]),
 ("Llama-4-Maverick-17B-128E","B200",4,"DEP","FP4","not stated",[(1024,1024,11227)]),
 ("Llama-4-Maverick-17B-128E","H200",8,"DEP","FP8","not stated",[(1024,1024,4180)]),
 ("Qwen3-235B-A22B","B200",4,"DEP","FP4","not stated",[(1024,1024,5756)]),
 ("Qwen3-235B-A22B","H200",4,"DEP","FP8","not stated",[(1024,1024,3268)]),
 ("Qwen3-235B-A22B","H100",8,"DEP","FP8","not stated",[(1024,1024,1935)]),
]
k=0
for model,acc,n,mode,pw,pkv,pts in s4:
    for isl,osl,v in pts:
        k+=1
        if mode=="DEP":
            add(f"TRT12-{k:03d}",model,acc,n,tp=1,ep=n,pp=1,dp=n,pw=pw,pkv=pkv,fw="TensorRT-LLM",fwv="~1.2 (PyTorch backend)",
                isl=isl,osl=osl,conc="max (offline)",out_per=float(v),scen="offline",url=U4,title=T4,date=D4,notes=N4)
        else:
            add(f"TRT12-{k:03d}",model,acc,n,tp=n,pp=1,dp=1,pw=pw,pkv=pkv,fw="TensorRT-LLM",fwv="~1.2 (PyTorch backend)",
                isl=isl,osl=osl,conc="max (offline)",out_per=float(v),scen="offline",url=U4,title=T4,date=D4,notes=N4.split(";")[0]+"; TP label as given")

# ---------------------------------------------------------------- S5 TRT-LLM DeepSeek-R1 best-practice blog
U5 = "https://github.com/NVIDIA/TensorRT-LLM/blob/01c4ece911eb569e72cf4177f83238a0520641c2/docs/source/blogs/Best_perf_practice_on_DeepSeek-R1_in_TensorRT-LLM.md"
T5 = "How to get best performance on DeepSeek-R1 in TensorRT LLM (expected results)"
D5 = "2025 (blog; reproduced at TRT-LLM commit b6261862)"
add("TRTDS-001","DeepSeek-R1","B200",8,tp=1,ep=8,pp=1,dp=8,pw="NVFP4 (DeepSeek-R1-0528-FP4)",pkv="FP8",fw="TensorRT-LLM",fwv="commit b6261862",
    isl=1024,osl=2048,conc="concurrency 7168; max_batch 896/rank",out_total=43146.2042,out_per=5393.2755,total_tok=65100.6376,scen="offline",
    url=U5,title=T5,date=D5,notes="CLI --tp 8 --ep 8 with enable_attention_dp: attention data-parallel over 8 ranks (recorded tp=1, dp=8), MoE EP8; ISL/OSL inferred 1K/2K from total/output token ratio (0.509 input:output) - section text does not restate ISL/OSL; per-GPU value as printed",derive=False)
add("TRTDS-002","DeepSeek-R1","B200",8,tp=1,ep=8,pp=1,dp=8,pw="NVFP4 (DeepSeek-R1-FP4)",pkv="FP16/BF16",fw="TensorRT-LLM",fwv="commit b6261862",
    isl=1024,osl=2048,conc="concurrency 3072; max_batch 384/rank",out_total=36384.0838,out_per=4548.0105,total_tok=54576.1257,scen="offline",
    url=U5,title=T5,date=D5,notes="CLI --tp 8 --ep 8 + enable_attention_dp (recorded tp=1, dp=8, ep=8); synthetic 1K/2K; per-user 11.9 tok/s",derive=False)
add("TRTDS-003","DeepSeek-R1","H200",8,tp=1,ep=8,pp=1,dp=8,pw="FP8",pkv="not stated (BF16 default)",fw="TensorRT-LLM",fwv="commit b6261862",
    isl=1024,osl=2048,conc="concurrency 1024; max_batch 128/rank",out_total=11489.2671,out_per=1436.1584,total_tok=17233.9007,scen="offline",
    url=U5,title=T5,date=D5,notes="CLI --tp 8 --ep 8 + enable_attention_dp (recorded tp=1, dp=8, ep=8); per-user 11.35 tok/s",derive=False)
add("TRTDS-004","DeepSeek-R1","B200",8,tp=8,ep=2,pp=1,dp=1,pw="NVFP4",pkv="not stated",fw="TensorRT-LLM",fwv="blog",
    isl=1024,osl=2048,conc=1,out_total=274.4168,out_per=34.3021,total_tok=414.0461,tpot=f"{1000/274.7188:.2f}",scen="interactive",
    url=U5,title=T5,date=D5,notes="min-latency, batch 1, MTP speculative decoding (3 next-n layers) on real dataset - speculative, not plain decode; TPOT derived = 1000/per-user tok/s",derive=False)
add("TRTDS-005","DeepSeek-R1","H200",8,tp=8,ep=4,pp=1,dp=1,pw="FP8",pkv="not stated",fw="TensorRT-LLM",fwv="blog",
    isl=1024,osl=2048,conc=1,out_total=158.0669,out_per=19.7584,tpot=f"{1000/158.1196:.2f}",scen="interactive",
    url=U5,title=T5,date=D5,notes="min-latency, batch 1, MTP (3 layers); speculative decoding; TPOT derived",derive=False)

# ---------------------------------------------------------------- MLPerf
def mlp(id,model,acc,n,scen,tok,url,title,date,prec,fw,fwv,notes,ttft="",tpot="",osl=""):
    add(id,model,acc,n,tp="not stated",pw=prec,pkv="not stated",fw=fw,fwv=fwv,isl="dataset",osl=osl,conc=("scenario-defined" ),
        out_total=float(tok),ttft=ttft,tpot=tpot,scen=scen,url=url,title=title,date=date,notes=notes)
L2N = "MLPerf llama2-70b: OpenOrca 24,576 samples; metric tokens/s = generated tokens; server limits TTFT<=2 s, TPOT<=200 ms (99th pct); offline = no latency limit"
MXN = "MLPerf mixtral-8x7b: OpenOrca+GSM8K+MBXP mix; server limits TTFT 2 s / TPOT 200 ms (from log test params)"
R1N = "MLPerf deepseek-r1: server TTFT<=2 s and >=12.5 tok/s/user (99th pct) per NVIDIA v5.1 release text; offline no limit; TOKENS_PER_SAMPLE accuracy floor 3497.6 (long reasoning outputs)"
L405N = "MLPerf llama3.1-405b: long-input dataset; server TTFT 6 s / TPOT 175 ms; interactive TTFT 4.5 s / 12.5 tok/s/user; TOKENS_PER_SAMPLE floor 616.2"
# v4.0
U40a="https://github.com/mlcommons/inference_results_v4.0/blob/main/closed/NVIDIA/results/H200-SXM-141GBx8_TRT/llama2-70b-99.9/Offline/performance/run_1/mlperf_log_summary.txt"
mlp("MLP40-001","Llama-2-70B","H200",8,"offline",27738.3,U40a,"MLPerf Inference v4.0 closed, NVIDIA H200-SXM-141GBx8_TRT llama2-70b-99.9 Offline log","2024-03","FP8 (per NVIDIA submission; not restated in log)","TensorRT-LLM","v4.0 submission",
    L2N+"; samples/s 94.6223 -> mean output 293.1 tok/sample (derived)",osl="293 (derived mean)")
U40b="https://github.com/mlcommons/inference_results_v4.0/blob/main/closed/Intel-HabanaLabs/results/HLS-Gaudi2-PT/llama2-70b-99.9/Offline/performance/run_1/mlperf_log_summary.txt"
mlp("MLP40-002","Llama-2-70B","Gaudi2",8,"offline",8034.85,U40b,"MLPerf Inference v4.0 closed, Intel-HabanaLabs HLS-Gaudi2-PT llama2-70b Offline log","2024-03","not stated in log (Intel used FP8)","PyTorch (HLS-Gaudi2-PT)","v4.0 submission",
    L2N+"; samples/s 27.5567 -> 291.6 tok/sample (derived)",osl="292 (derived mean)")
U40c="https://github.com/mlcommons/inference_results_v4.0/blob/main/closed/Intel-HabanaLabs/results/HLS-Gaudi2-PT/llama2-70b-99.9/Server/performance/run_1/mlperf_log_summary.txt"
mlp("MLP40-003","Llama-2-70B","Gaudi2",8,"server",6287.47,U40c,"MLPerf Inference v4.0 closed, Intel-HabanaLabs HLS-Gaudi2-PT llama2-70b Server log","2024-03","not stated in log","PyTorch (HLS-Gaudi2-PT)","v4.0 submission",
    L2N+"; mean TTFT 472.4 ms, p99 TTFT 1621 ms; mean TPOT 114.0 ms, p99 TPOT 131.0 ms; 21.60 samples/s",ttft="472.4 (mean)",tpot="114.0 (mean)")
# v4.1
U41 = "https://github.com/mlcommons/inference_results_v4.1/blob/main/closed/"
T41 = "MLPerf Inference v4.1 closed results summary (results/<system>/summary/README.md)"
for id,acc,sysname,n,srv,off,prec,fw,fwv in [
  ("MLP41-00","MI300X","AMD/results/8xMI300X_2xEPYC-9374F/summary/README.md",8,21028.2,23514.8,"FP8","vLLM","0.4.3+rocm614"),
  ("MLP41-02","H100","NVIDIA/results/DGX-H100_H100-SXM-80GBx8_TRT/summary/README.md",8,21605.8,24524.9,"FP8 (NVIDIA submission)","TensorRT 10.2 / TRT-LLM","v4.1"),
  ("MLP41-04","H200","NVIDIA/results/H200-SXM-141GBx8_TRT/summary/README.md",8,29228.2,31302.7,"FP8 (NVIDIA submission)","TensorRT 10.2 / TRT-LLM","v4.1"),
  ("MLP41-06","B200","NVIDIA/results/B200-SXM-180GBx1_TRT/summary/README.md",1,10755.6,11264.4,"FP4 (per Tom's Hardware; preview category)","TensorRT 10.1 / TRT-LLM (private hash)","v4.1 preview")]:
    mlp(id+"1","Llama-2-70B",acc,n,"server",srv,U41+sysname,T41+f" - {sysname.split('/')[2]}","2024-08",prec,fw,fwv,L2N)
    mlp(id+"2","Llama-2-70B",acc,n,"offline",off,U41+sysname,T41+f" - {sysname.split('/')[2]}","2024-08",prec,fw,fwv,L2N)
U41m="https://github.com/mlcommons/inference_results_v4.1/blob/main/closed/NVIDIA/results/DGX-H100_H100-SXM-80GBx8_TRT/mixtral-8x7b/"
mlp("MLP41-081","Mixtral-8x7B","H100",8,"offline",52415.9,U41m+"Offline/performance/run_1/mlperf_log_summary.txt","MLPerf Inference v4.1 closed, NVIDIA DGX-H100 x8 mixtral-8x7b Offline log","2024-08","FP8 (NVIDIA submission)","TensorRT-LLM","v4.1",
    MXN+"; samples/s 359.173 -> 145.9 tok/sample (derived); mixtral row absent from system summary README, taken from log",osl="146 (derived mean)")
mlp("MLP41-082","Mixtral-8x7B","H100",8,"server",50795.57,U41m+"Server/performance/run_1/mlperf_log_summary.txt","MLPerf Inference v4.1 closed, NVIDIA DGX-H100 x8 mixtral-8x7b Server log","2024-08","FP8 (NVIDIA submission)","TensorRT-LLM","v4.1",
    MXN+"; mean TTFT 180.0 ms (p99 628.9); mean TPOT 102.6 ms (p99 123.1)",ttft="180.0 (mean)",tpot="102.6 (mean)")
# v5.1 (mirror of mlcommons/submissions_inference_v5.1)
U51="https://github.com/ntuhpc/inference_results_v5.1/blob/main/closed/"
T51="MLPerf Inference v5.1 closed results README (mirror of mlcommons submissions_inference_v5.1)"
v51 = [
 ("GB200","NVIDIA/results/GB200-NVL72_GB200-186GB_aarch64x72_TRT/README.md",72,"TensorRT 10.11 / TRT-LLM","NVFP4 (per NVIDIA v5.1 release text)",
   [("DeepSeek-R1","server",167578.0,R1N),("DeepSeek-R1","offline",289712.0,R1N),
    ("Llama-3.1-405B","server",11614.3,L405N),("Llama-3.1-405B","interactive",9921.02,L405N),("Llama-3.1-405B","offline",14774.3,L405N)]),
 ("GB300","NVIDIA/results/GB300-NVL72_GB300-288GB_aarch64x72_TRT/README.md",72,"TensorRT 10.13 / TRT-LLM","NVFP4 (per NVIDIA v5.1 release text)",
   [("DeepSeek-R1","server",209328.0,R1N),("DeepSeek-R1","offline",420659.0,R1N),
    ("Llama-3.1-405B","server",12248.4,L405N),("Llama-3.1-405B","offline",16104.1,L405N)]),
 ("B200","NVIDIA/results/B200-SXM-180GBx8_TRT/README.md",8,"TensorRT 10.11 / TRT-LLM","NVFP4 (per NVIDIA v5.1 release text)",
   [("DeepSeek-R1","server",18592.2,R1N),("DeepSeek-R1","offline",33379.0,R1N),
    ("Llama-2-70B","server",99123.0,L2N),("Llama-2-70B","interactive",59545.4,L2N+"; interactive TTFT 450 ms / TPOT 40 ms"),("Llama-2-70B","offline",101527.0,L2N),
    ("Llama-3.1-405B","server",1240.42,L405N),("Llama-3.1-405B","interactive",751.37,L405N),("Llama-3.1-405B","offline",1624.11,L405N),
    ("Llama-3.1-8B","server",128541.0,"MLPerf llama3.1-8b (CNN/DailyMail summarization): server TTFT 2 s / 10 tok/s/user"),
    ("Llama-3.1-8B","offline",136752.0,"MLPerf llama3.1-8b offline")]),
 ("MI325X","AMD/results/8xMI325X_2xEPYC_9575F_1/README.md",8,"vLLM 0.9.0.2.dev (ROCm 6.4.1)","FP8 (MI325X has no FP4)",
   [("Llama-2-70B","server",32027.6,L2N),("Llama-2-70B","offline",34520.4,L2N),("Mixtral-8x7B","server",59783.6,MXN),("Mixtral-8x7B","offline",68781.4,MXN)]),
 ("MI300X","AMD/results/8xMI300X_2xEPYC_9575F/README.md",8,"vLLM 0.9.0.2.dev (ROCm 6.4.1)","FP8 (MI300X has no FP4)",
   [("Llama-2-70B","server",24593.8,L2N),("Llama-2-70B","interactive",8840.42,L2N+"; interactive TTFT 450 ms / TPOT 40 ms"),("Llama-2-70B","offline",27803.9,L2N),
    ("Mixtral-8x7B","server",47804.3,MXN),("Mixtral-8x7B","offline",53017.3,MXN)]),
]
k=0
for acc,path,n,fw,prec,items in v51:
    for model,scen,val,note in items:
        k+=1
        extra = ""
        if acc in ("GB200","GB300"): extra = "; 72-GPU NVL72 rack (single NVLink domain); parallel layout not stated in summary"
        if model=="Llama-3.1-8B" and scen=="server": extra += "; the same README lists the interactive llama3.1-8b value 102,903 with unit 'Queries/s' (likely a label error) - not recorded"
        mlp(f"MLP51-{k:03d}",model,acc,n,scen,val,U51+path,T51+f" - {path.split('/')[2]}","2025-09",prec,fw,"v5.1 submission",note+extra)
# v6.0 (mirror)
U60="https://github.com/gbeezybez/inference_results_v6.0/blob/main/closed/AMD/results/8xMI355X_2xEPYC_9575F/README.md"
T60="MLPerf Inference v6.0 closed results README, AMD 8xMI355X_2xEPYC_9575F (GitHub mirror of v6.0 results)"
for i,(model,scen,val,note) in enumerate([("gpt-oss-120b","server",82136.1,"MLPerf gpt-oss-120b (new in v6.0); latency limits not captured"),("gpt-oss-120b","offline",95004.0,"MLPerf gpt-oss-120b offline"),
        ("Llama-2-70B","server",100282.0,L2N),("Llama-2-70B","interactive",73608.2,L2N+"; interactive TTFT 450 ms / TPOT 40 ms"),("Llama-2-70B","offline",103480.0,L2N)]):
    mlp(f"MLP60-{i+1:03d}",model,"MI355X",8,scen,val,U60,T60,"2026-04","MXFP4 weights (AMD v6.0 repro blog lists WMXFP4 for MI355X LLM submissions)","vLLM (vllm-11b6af52) + AITER, ROCm 7.0","v6.0 submission",note+"; repo is a third-party mirror, not mlcommons org")

# Seventh round of data (README §1, §8): the Offline rows' layout, KV precision, batch cap and mean lengths,
# each from the submission's own files (_build/mlperf_readings/, with paths and commits). Input: the dataset's
# mean input tokens (Red Hat's openshift-psap/performance-dashboard mlperf-data/summaries/*.csv at 7cd1065 and
# 67033ba, means of the official dataset files' per-sample counts); output: the log's tokens/s / samples/s.
ML_INPUT = {"Llama-2-70B": "222.33", "Mixtral-8x7B": "427.39", "DeepSeek-R1": "803.79", "Llama-3.1-8B": "870.73"}
ML_READ = "engine/testdata/throughput/_build/mlperf_readings/"
MLPERF_OFFLINE = {
    # id: (tp, ep, instances, samples/s, batch, where the layout, batch and KV precision are stated)
    "MLP40-001": (1, "", 8, "94.6223", "806", "inference_results_v4.0 closed/NVIDIA/configs/llama2-70b/Offline/__init__.py (H200_SXM_141GBx8: tensor_parallelism 1, gpu_batch_size 806); KV FP8 as v4.1's configuration of the same system states (v4.0's files load a pre-quantized checkpoint and do not say)"),
    "MLP41-002": (1, "", 8, "80.15", "2048", "inference_results_v4.1 closed/AMD/code/llama2-70b-99/test_VllmFp8/test_VllmFp8_Offline_perf.sh (TP=1, DP=8, --kv-cache-dtype fp8, --enforce-eager True; max_num_seqs 2048 by mainVllmFp8_Offline.py's default)"),
    "MLP41-022": (2, "", 4, "84.4792", "896", "inference_results_v4.1 closed/NVIDIA/configs/llama2-70b/Offline/__init__.py (H100_SXM_80GB_TP2x4: tensor_parallelism 2, gpu_batch_size 896); code/llama2-70b/tensorrt/README.md (--kv_cache_dtype fp8)"),
    "MLP41-042": (1, "", 8, "107.477", "806", "inference_results_v4.1 closed/NVIDIA/configs/llama2-70b/Offline/__init__.py (H200_SXM_141GBx8: tensor_parallelism 1, gpu_batch_size 806); code/llama2-70b/tensorrt/README.md (--kv_cache_dtype fp8)"),
    "MLP41-081": (1, "", 8, "359.173", "896", "inference_results_v4.1 closed/NVIDIA/configs/mixtral-8x7b/Offline/__init__.py (H100_SXM_80GBx8: tensor_parallelism 1, no expert parallel, gpu_batch_size 896); code/mixtral-8x7b/tensorrt/builder.py (--kv_cache_dtype=fp8)"),
    "MLP51-002": (1, 8, 9, "77.995", "512 a rank", "inference_results_v5.1 closed/NVIDIA/configs GB200-NVL72 Offline deepseek-r1.py (tensor_parallelism 8, moe_expert_parallelism 8, enable_attention_dp True, gpu_batch_size 512, kv_cache_dtype fp8); 72 / 8 = 9 instances"),
    "MLP51-011": (1, 8, 1, "8.93431", "512 a rank", "inference_results_v5.1 closed/NVIDIA/configs B200 Offline deepseek-r1.py (tensor_parallelism 8, moe_expert_parallelism 8, enable_attention_dp True, gpu_batch_size 512, kv_cache_dtype fp8)"),
    "MLP51-014": (1, "", 8, "371.423", "2048", "inference_results_v5.1 closed/NVIDIA/configs B200 Offline llama2-70b.py (tensor_parallelism 1, gpu_batch_size 2048, kv_cache_dtype fp8, precision fp4)"),
    "MLP51-019": (1, "", 8, "1060.23", "6000", "inference_results_v5.1 closed/NVIDIA/configs B200 Offline llama3_1-8b.py (tensor_parallelism 1, gpu_batch_size 6000, kv fp8, precision fp4)"),
    "MLP51-021": (1, "", 8, "114.7", "2700", "inference_results_v5.1 closed/AMD/code llama2-70b config (tensor_parallel_size 1, device_count 8, max_num_seqs 2700; kv_cache_dtype fp8 from the shared base config)"),
    "MLP51-023": (1, "", 8, "479.775", "4736", "inference_results_v5.1 closed/AMD/code mixtral-8x7b config (tensor_parallel_size 1, device_count 8, max_num_seqs 4736, kv_cache_dtype fp8)"),
    "MLP51-026": (1, "", 8, "92.1544", "1792", "inference_results_v5.1 closed/AMD/code llama2-70b config (tensor_parallel_size 1, device_count 8, max_num_seqs 1792; kv_cache_dtype fp8 from the shared base config)"),
    "MLP51-028": (1, "", 8, "369.007", "5000", "inference_results_v5.1 closed/AMD/code mixtral-8x7b config (tensor_parallel_size 1, device_count 8, max_num_seqs 5000, kv_cache_dtype fp8)"),
    "MLP60-005": (1, "", 8, "365.738", "3392", "inference_results_v6.0 closed/AMD/code llama2-70b config (tensor_parallel_size 1, device_count 8, max_num_seqs 3392; checkpoint WMXFP4-AMXFP4-KVFP8, kv_cache_dtype fp8)"),
}
for r in rows:
    if r["id"] not in MLPERF_OFFLINE:
        continue
    tp, ep, inst, sps, batch, where = MLPERF_OFFLINE[r["id"]]
    assert r["scenario"] == "offline", r["id"]
    out = Decimal(r["output_tokens_per_s_total"]) / Decimal(sps)
    inp = Decimal(ML_INPUT[r["model"]])
    r["tensor_parallel"], r["expert_parallel"], r["pipeline_parallel"], r["data_parallel"] = tp, ep, 1, inst
    r["precision_kv"] = "FP8 (submission configuration)"
    r["input_tokens"] = "%s (the dataset's mean input, %s, rounded)" % (inp.quantize(Decimal(1), rounding="ROUND_HALF_UP"), inp)
    r["output_tokens"] = "%s (the run's mean: %s tokens/s / %s samples/s = %s, rounded)" % (
        out.quantize(Decimal(1), rounding="ROUND_HALF_UP"), r["output_tokens_per_s_total"], sps, out.quantize(Decimal("0.01")))
    r["concurrency_or_batch"] = batch
    r["notes"] += ("; seventh round of data: %s instance(s) of TP%d%s on %s accelerators; stated in %s; readings at %s"
                   % (inst, tp * (ep or 1), " (attention data parallel, EP%d)" % ep if ep else "", r["num_accelerators"], where, ML_READ))

# ---------------------------------------------------------------- Tom's Hardware MLPerf v4.1 table (secondary)
UT="https://worldnl.com/nvidia-publishes-first-blackwell-b200-mlperf-results-up-to-4x-faster-than-its-h100-predecessor-when-31162.html"
TT="Nvidia publishes first Blackwell B200 MLPerf results (Tom's Hardware article, mirrored) - MLPerf 4.1 Llama 2 70B table"
for i,(acc,n,off,srv) in enumerate([("H100",4,10700,9522),("H200",1,4488,4202),("H200",8,32124,29739)]):
    for j,(scen,val) in enumerate([("offline",off),("server",srv)]):
        add(f"TOMS-{2*i+j+1:03d}","Llama-2-70B",acc,n,tp="not stated",pw="FP8",pkv="not stated",fw="TensorRT-LLM",fwv="MLPerf v4.1",isl="dataset",
            conc="scenario-defined",out_total=float(val),scen=scen,url=UT,title=TT,date="2024-08",
            notes="SECONDARY source (news mirror); "+L2N+("; 8xH200 figures differ from MLCommons H200-SXM-141GBx8_TRT summary (31,302.7 / 29,228.2) - probably a different (e.g. higher-TDP) H200 system; treat with care" if n==8 else ""))

# ---------------------------------------------------------------- LMSYS / SGLang large-scale EP on 96 H100
UL="https://github.com/lm-sys/lm-sys.github.io/blob/main/blog/2025-05-05-large-scale-ep.md"
TL="Deploying DeepSeek with PD Disaggregation and Large-scale Expert Parallelism on 96 H100 GPUs (LMSYS blog, https://lmsys.org/blog/2025-05-05-large-scale-ep/)"
for i,(isl,val) in enumerate([(1000,57674),(2000,54543),(4000,50302)]):
    add(f"LMSYS-EP-{i+1:03d}","DeepSeek-V3","H100",32,tp=1,ep=32,pp=1,dp=32,disagg="yes",pw="FP8 (DeepSeek block FP8)",pkv="not stated",fw="SGLang",fwv="May 2025 (DeepEP+DeepGEMM+TBO)",
        isl=isl,osl="prefill only",conc="16,384 tokens/device (profile setting)",total_tok=float(val*4),scen="offline (prefill-only)",url=UL,title=TL,date="2025-05-05",
        notes=f"PREFILL ONLY: stated {val:,} INPUT tokens/s per node on 4 nodes (4x8 H100, EP32, DP attention); total_tokens_per_s = 4 x per-node (derived) = input tokens/s; per GPU = {val/8:.0f} input tok/s (derived)",derive=False)
add("LMSYS-EP-004","DeepSeek-V3","H100",72,tp=1,ep=72,pp=1,dp=72,disagg="yes",pw="FP8",pkv="not stated",fw="SGLang",fwv="May 2025",
    isl=2000,osl="decode only",conc="256 per device (blog table 'Batch Size 256')",out_total=22282.0*9,out_per=22282.0/8,scen="offline (decode-only)",url=UL,title=TL,date="2025-05-05",
    notes="DECODE ONLY: stated 22,282 output tok/s per node on 9 nodes (EP72); total and per-GPU derived (x9, /8); prefill assumed unlimited (non-tested phase given unlimited resources)",derive=False)
add("LMSYS-EP-005","DeepSeek-V3","H100",72,tp=1,ep=72,pp=1,dp=72,disagg="yes",pw="FP8",pkv="not stated",fw="SGLang",fwv="May 2025",
    isl=4000,osl="decode only",conc="128 per device",out_total=17373.0*9,out_per=17373.0/8,scen="offline (decode-only)",url=UL,title=TL,date="2025-05-05",
    notes="DECODE ONLY with simulated MTP (attention slowed intentionally); 17,373 tok/s per node, 9 nodes; derived total/per-GPU",derive=False)
add("DS-PROF-001","DeepSeek-V3","H800",128,tp=1,ep=128,pp=1,dp=128,disagg="yes",pw="FP8",pkv="not stated",fw="DeepSeek internal",fwv="profile-data",
    isl=4096,osl="decode only",conc="128 per device",out_total=18598.0*16,out_per=18598.0/8,scen="offline (decode-only)",url=UL,title=TL,date="2025-05-05",
    notes="DeepSeek's published profile setting as tabulated in the LMSYS blog: 18,598 tok/s per node, 16 nodes, KV length 4096; totals derived",derive=False)
add("DS-PROF-002","DeepSeek-V3","H800",32,tp=1,ep=32,pp=1,dp=32,disagg="yes",pw="FP8",pkv="not stated",fw="DeepSeek internal",fwv="profile-data",
    isl=4096,osl="prefill only",conc="16,384 tokens/device",total_tok=62713.0*4,scen="offline (prefill-only)",url=UL,title=TL,date="2025-05-05",
    notes="PREFILL ONLY: DeepSeek profile 62,713 input tok/s per node as tabulated in LMSYS blog; node count for prefill unit (4 nodes, EP32) per DeepSeek day-6 text; total derived",derive=False)

# ---------------------------------------------------------------- DeepSeek production (day-6)
UD="https://github.com/deepseek-ai/open-infra-index/blob/main/202502OpenSourceWeek/day_6_one_more_thing_deepseekV3R1_inference_system_overview.md"
TD="DeepSeek-V3/R1 Inference System Overview (Open Source Week day 6)"
add("DS-PROD-001","DeepSeek-V3","H800",8,tp=1,ep=144,pp=1,dp=144,disagg="yes",pw="FP8 (matmul/dispatch), BF16 core MLA",pkv="not stated",fw="DeepSeek internal",fwv="2025-02",
    isl="avg KV length 4,989 (per LMSYS table)",osl="production mix",conc="~128 per device (per LMSYS table)",out_per=14800.0/8,out_total=14800.0,tpot="~45-50 (derived from 20-22 tok/s/user)",
    scen="production",url=UD,title=TD,date="2025-03-01",
    notes="Stated 14.8k output tok/s PER H800 NODE (decode); num_accelerators=8 = one node (figure is per node); decode unit = 18 nodes EP144 (per original post; EP config not re-verified in this session - original file not in index, throughput confirmed via secondary pages aiposthub.cc/5152 and LMSYS blog); includes MTP speculative decoding in production",derive=False)
add("DS-PROD-002","DeepSeek-V3","H800",8,tp=1,ep=32,pp=1,dp=32,disagg="yes",pw="FP8",pkv="not stated",fw="DeepSeek internal",fwv="2025-02",
    isl="production mix (56.3% KV cache hit)",osl="prefill only",conc="",total_tok=73700.0,scen="production",url=UD,title=TD,date="2025-03-01",
    notes="PREFILL: stated 73.7k INPUT tok/s per H800 node INCLUDING cache hits; LMSYS blog gives 32,206/node excluding cache hits; prefill unit 4 nodes EP32 (per original post, not re-verified)",derive=False)

# ---------------------------------------------------------------- LMSYS GB200 NVL72 part I / II
UG1="https://github.com/lm-sys/lm-sys.github.io/blob/main/blog/2025-06-16-gb200-part-1.md"
TG1="Deploying DeepSeek on GB200 NVL72 with PD and Large Scale EP (Part I) (LMSYS blog)"
add("LMSYS-GB1-001","DeepSeek-V3","GB200",48,tp=1,ep=48,pp=1,dp=48,disagg="yes",pw="FP8",pkv="BF16 (FP8 KV introduced only in Part II)",fw="SGLang",fwv="June 2025",
    isl=2000,osl="decode only",conc="not stated",out_per=7583.0,scen="offline (decode-only)",url=UG1,title=TG1,date="2025-06-16",
    notes="DECODE ONLY: 7,583 tok/s per GPU; 12 of 14 GB200 trays (48 GPUs) used for decode; slow-down API used to saturate decode; no MTP")
UG2="https://github.com/lm-sys/lm-sys.github.io/blob/main/blog/2025-09-25-gb200-part-2.md"
TG2="Deploying DeepSeek on GB200 NVL72 with PD and Large Scale EP (Part II) (LMSYS blog)"
add("LMSYS-GB2-001","DeepSeek-V3","GB200",48,tp=1,ep=48,pp=1,dp=48,disagg="yes",pw="NVFP4 MoE + FP8 attention GEMMs",pkv="FP8",fw="SGLang",fwv="Sept 2025",
    isl=2000,osl="decode only",conc="1408 (KV-cache-full batch for 2k ISL)",out_per=13386.0,scen="offline (decode-only)",url=UG2,title=TG2,date="2025-09-25",
    notes="DECODE ONLY: 13,386 output tok/s per GPU, 48 decode ranks")
add("LMSYS-GB2-002","DeepSeek-V3","GB200",48,tp=1,ep=48,pp=1,dp=48,disagg="yes",pw="FP8 MoE, BF16 attention",pkv="BF16",fw="SGLang",fwv="Sept 2025",
    isl=2000,osl="decode only",conc="1408",out_per=9087.0,scen="offline (decode-only)",url=UG2,title=TG2,date="2025-09-25",notes="DECODE ONLY, original precision")
add("LMSYS-GB2-003","DeepSeek-V3","GB200",2,tp=1,ep=2,pp=1,dp=2,disagg="yes",pw="NVFP4 MoE + FP8 attention",pkv="FP8",fw="SGLang",fwv="Sept 2025",
    isl=2000,osl="prefill only",conc="not stated",total_tok=26156.0*2,scen="offline (prefill-only)",url=UG2,title=TG2,date="2025-09-25",
    notes="PREFILL ONLY: 26,156 INPUT tok/s per GPU; 2 ranks per prefill instance (weights offloaded to Grace memory with prefetch); total derived",derive=False)
add("LMSYS-GB2-004","DeepSeek-V3","GB200",4,tp=1,ep=4,pp=1,dp=4,disagg="yes",pw="FP8 MoE, BF16 attention",pkv="BF16",fw="SGLang",fwv="Sept 2025",
    isl=2000,osl="prefill only",conc="not stated",total_tok=18471.0*4,scen="offline (prefill-only)",url=UG2,title=TG2,date="2025-09-25",
    notes="PREFILL ONLY: 18,471 INPUT tok/s per GPU; 4 ranks per prefill instance; total derived",derive=False)

# ---------------------------------------------------------------- vLLM wide-EP blog
UV="https://github.com/vllm-project/vllm-project.github.io/blob/main/_posts/2025-12-17-large-scale-serving.md"
# Third round (issue 11, expert parallelism): the blog's decode chart ("Decode Throughput: 2000 ISL, 2000 OSL (avg),
# 256 Concurrent Requests / EP Rank", assets/figures/2025-12-17-large-scale-serving/decode_throughput.png) gives the
# conditions of the 2.2k figure and two wider deployments. The bars carry no labels: each value is read from the
# bar's top pixel row against the chart's gridlines (500 tok/s = 90 px, so +/- 6 tok/s); EP 32 reads 2,180, which the
# text rounds to "2.2k" and the vLLM GB200 blog (2026-02-03) labels 2200 for its 32 H200 decode GPUs.
TV="vLLM Large Scale Serving: DeepSeek @ 2.2k tok/s/H200 with Wide-EP (vLLM blog)"
for i,(ep,val) in enumerate([(32,2180.0),(72,2070.0),(96,1970.0)]):
    add(f"VLLM-WEP-{i+1:03d}","DeepSeek-V3","H200",ep,tp=1,ep=ep,pp=1,dp=ep,disagg="yes",pw="FP8",pkv="not stated",fw="vLLM",fwv="v0.11.x (V1 engine)",
        isl=2000,osl="2000 avg (decode only)",conc="256 per EP rank",out_per=val,out_total=val*ep,scen="offline (decode-only)",url=UV,title=TV,date="2025-12-17",
        notes=(f"DECODE ONLY: output tok/s per H200 of a {ep}-GPU wide-EP decode deployment (CoreWeave H200, InfiniBand ConnectX-7; llm-d community benchmark), "
               f"read from the blog's decode chart (no data labels: bar top against gridlines, +/- 6 tok/s); text: 'sustained throughput of 2.2k tokens/s per H200'; "
               "earlier benchmarks ~1.5k; total = per GPU x EP size (derived); DeepSeek-V3/R1 architecture (the post says DeepSeek-style MoE)"),derive=False)

# ---------------------------------------------------------------- Moreh MI300X DeepSeek EP
add("MOREH-001","DeepSeek-R1","MI300X",8,ep=8,pw="not stated",pkv="not stated",fw="Moreh MoAI inference framework",fwv="2025-11",
    isl="not stated",osl="decode",conc="not stated",out_total=21000.0,scen="offline (decode)",
    url="https://moreh.io/technical-report/21k-output-tokens-per-second-deepseek-inference-on-amd-instinct-mi300x-gpus-with-expert-parallelism-251113",
    title="21K output tokens per second DeepSeek inference on AMD Instinct MI300X GPUs with expert parallelism (Moreh technical report)",date="2025-11-13",
    notes="Stated as '>21,000 tokens/sec' decoding throughput on one 8x MI300X server with EP - lower bound, details (ISL, batch) not captured; vendor-partner claim")

# ---------------------------------------------------------------- AMD ROCm performance results page (vLLM, MI300X)
UA="https://www.amd.com/en/developer/resources/rocm-hub/dev-ai/performance-results.html"
TA="AMD Instinct performance results - vLLM throughput (MI300X, TP8)"
NA=("AMD column 'Throughput (tokens/s)' - UNIT AMBIGUOUS (vLLM throughput benchmark can report total or output tok/s); recorded in output column; "
    "if it is total (input+output) tokens, output = value x OSL/(ISL+OSL); client fed at infinite rate; num_prompts = max_num_seqs = concurrency listed")
for i,(model,isl,osl,np_,val,ver,date) in enumerate([
  ("Llama-3.1-70B",128,2048,3200,16581.5,"rocm/vllm:rocm6.4.1_vllm_0.9.0.1_20250605","2025-06-18"),
  ("Llama-3.1-70B",128,4096,1500,13667.3,"rocm/vllm:rocm6.4.1_vllm_0.9.0.1_20250605","2025-06-18"),
  ("Llama-3.1-70B",500,2000,2000,13367.1,"rocm/vllm:rocm6.4.1_vllm_0.9.0.1_20250605","2025-06-18"),
  ("Llama-3.1-70B",2048,2048,1500,8352.6,"rocm/vllm:rocm6.4.1_vllm_0.9.0.1_20250605","2025-06-18"),
  ("Llama-3.1-405B",128,2048,1500,4275.0,"rocm/vllm:rocm6.4.1_vllm_0.9.0.1_20250605","2025-06-18"),
  ("Llama-3.1-405B",2048,2048,500,2179.7,"rocm/vllm:rocm6.4.1_vllm_0.9.0.1_20250605","2025-06-18"),
  ("Llama-3.1-70B",128,2048,3200,13212.5,"rocm/vllm:rocm7.0.0_vllm_0.10.2_20251006","2025-10-06"),
  ("Llama-3.1-405B",128,2048,1500,4201.7,"rocm/vllm:rocm7.0.0_vllm_0.10.2_20251006","2025-10-06")]):
    url = UA if date=="2025-06-18" else "https://www.amd.com/zh-cn/developer/resources/rocm-hub/dev-ai/performance-results.html"
    add(f"AMD-PERF-{i+1:03d}",model,"MI300X",8,tp=8,pp=1,dp=1,pw="FP8 (amd/*-FP8-KV)",pkv="FP8",fw="vLLM (ROCm)",fwv=ver,isl=isl,osl=osl,conc=np_,
        out_total=val,scen="offline",url=url,title=TA,date=date,notes=NA+("; NOTE later docker (vLLM 0.10.2) is ~20% LOWER than June 2025 docker for the same config - see README inconsistencies" if date=="2025-10-06" else ""))

# ---------------------------------------------------------------- Oracle OCI MI300X Llama 3.1 405B
UO="https://blogs.oracle.com/cloud-infrastructure/serving-llama-31-405b-model-with-amd-mi300x-gpus"
TO="Serving Llama 3.1 405B model with AMD MI300X GPUs (Oracle Cloud Infrastructure blog)"
for i,(isl,osl,bs,val,scen,lat) in enumerate([(128,128,1,36,"interactive (batch latency)",3.530),(128,128,32,798,"offline (batch latency)",5.130),(128,128,256,1846,"offline (batch latency)",17.750),
                                               (128,128,"max",1993,"offline",None),(128,2048,"max",2794,"offline",None)]):
    note = "vLLM benchmark_latency.py (fixed batch)" if lat else "vLLM benchmark_throughput.py"
    tp_ms = ""
    if lat: note += f"; average latency {lat} s for 128 output tokens; TPOT upper bound ~{lat*1000/128:.1f} ms (derived = latency/128, includes prefill)"; tp_ms = f"<= {lat*1000/128:.1f} (derived)"
    add(f"ORCL-{i+1:03d}","Llama-3.1-405B","MI300X",8,tp=8,pp=1,dp=1,pw="FP8",pkv="not stated",fw="vLLM (ROCm)",fwv="not stated (2024)",isl=isl,osl=osl,conc=bs,
        out_total=float(val),tpot=tp_ms,scen=scen,url=UO,title=TO,date="2024 (post date not captured)",notes="OCI BM.GPU.MI300X.8; 'Output throughput in TPS' as stated; "+note)

# ---------------------------------------------------------------- Intel Gaudi model-performance pages
UI3="https://intel.com/content/www/us/en/developer/platform/gaudi/model-performance.html"
TI3="Model Performance Data for Intel Gaudi 3 AI Accelerators (LLM throughput table)"
UI2="https://intel.com/content/www/us/en/developer/platform/gaudi/model-performance-gaudi2-inference.html"
TI2="Model Performance Data for Intel Gaudi 2 AI Accelerators (LLM throughput table)"
NI="Intel Gaudi software 1.18.0, PyTorch 2.4.0; 'Throughput (tokens/sec)' at stated fixed batch size (serving framework not named in retrieved excerpt; Intel's table is typically optimum-habana text-generation - unverified); fp8"
k=0
for acc,url,title,pts in [
 ("Gaudi3",UI3,TI3,[("Llama-3.1-8B",1,128,128,1536,24310),("Llama-3.1-8B",1,128,2048,768,18830),("Llama-3.1-8B",1,2048,128,256,2652),("Llama-3.1-8B",1,2048,2048,364,7405),
                   ("Llama-3.1-70B",2,128,128,3516,3711),("Llama-3.1-70B",2,128,2048,450,5776),("Llama-3.1-70B",2,2048,128,223,497),("Llama-3.1-70B",2,2048,2048,175,2588),
                   ("Llama-3.1-70B",8,128,128,4000,15008),("Llama-3.1-70B",8,128,2048,600,15711),("Llama-3.1-70B",8,2048,128,400,1600),("Llama-3.1-70B",8,2048,2048,600,8946),
                   ("Llama-2-70B",2,128,128,1750,4433),("Mistral-7B",1,128,128,896,24433),("Mistral-7B",1,2048,2048,44,4970)]),
 ("Gaudi2",UI2,TI2,[("Llama-3.1-8B",1,128,128,2429,18201),("Llama-3.1-8B",1,128,2048,289,11138),("Llama-3.1-8B",1,2048,128,179,2028),("Llama-3.1-8B",1,2048,2048,155,5511),
                   ("Llama-2-70B",2,128,128,1750,2844),("Llama-2-70B",4,128,2048,327,3211),("Llama-2-70B",2,2048,128,95,310),("Llama-2-70B",2,2048,2048,78,1438)])]:
    for model,n,isl,osl,bs,val in pts:
        k+=1
        add(f"INTEL-{k:03d}",model,acc,n,tp=n,pp=1,dp=1,pw="FP8",pkv="not stated",fw="Intel Gaudi SW (PyTorch)",fwv="1.18.0",isl=isl,osl=osl,conc=bs,
            out_total=float(val),scen="offline",url=url,title=title,date="2024-10 (SW 1.18.0)",notes=NI)
k+=1
add(f"INTEL-{k:03d}","Llama-2-70B","Gaudi2",8,tp=8,pp=1,dp=1,pw="FP8",pkv="not stated",fw="Intel Gaudi SW (PyTorch)",fwv="1.18.0",isl=128,osl="",conc=1,
    tpot="26.93 (interpreted)",scen="interactive",url=UI2,title=TI2,date="2024-10 (SW 1.18.0)",
    notes="Low-latency table: 'Latency (ms)' = 26.93 at batch 1, input 128, 8 HPU - INTERPRETED as per-token decode latency (table has no output length); no throughput column")

# ---------------------------------------------------------------- Google TPU
UJ="https://github.com/AI-Hypercomputer/jetstream-pytorch (benchmarks/results.md; text retrieved via code index id 9047621040)"
TJ="jetstream-pytorch 'Benchmark results of various models' (JetStream + PyTorch/XLA on TPU v5e-8)"
NJ=("JetStream benchmark_serving with ShareGPT (2000 prompts), max input 1024 / max output 1024, cache length 2048; 'throughput (token/s)' - whether output-only not stated; "
    "repository path of this file not verified (google/ vs AI-Hypercomputer/ org)")
for i,(model,date,dtype,bs,val) in enumerate([("Llama-2-7B","2024-03-28","bfloat16",96,3663),("Llama-2-7B","2024-03-28","int8",96,4783),
        ("Llama-3-8B","2024-04-24","bfloat16",128,8249),("Llama-3-8B","2024-04-24","int8",256,10873)]):
    add(f"JSPT-{i+1:03d}",model,"TPU-v5e",8,tp=8,pp=1,dp=1,pw=dtype,pkv=("int8" if dtype=="int8" else "bfloat16"),fw="JetStream (jetstream-pytorch)",fwv=date,
        isl="ShareGPT (<=1024)",osl="ShareGPT (<=1024)",conc=bs,out_total=float(val),scen="server (saturating)",url=UJ,title=TJ,date=date,
        notes=NJ+("; Llama 3 8B (not 3.1): same architecture, 8K context" if model=="Llama-3-8B" else "")+"; model parallel across 8 chips")
add("VERTEX-001","Llama-3.1-8B","TPU-v6e",1,tp=1,pw="not stated",pkv="not stated",fw="vLLM (Vertex AI Model Garden)",fwv="not stated",isl="~82 (avg)",osl="~309 (avg)",
    conc="250 concurrent users, 50 requests",out_total=1112.0,ttft="276 (p95)",tpot="50 (p95 ITL)",scen="interactive",
    url="https://github.com/analyticsrepo01/TPU/blob/main/README.md",title="TPU Model Deployment Collection (community notebook README, Llama 3.1 8B on 1x TPU v6e)",date="2025",
    notes="COMMUNITY measurement, only 50 requests - not saturated and not a vendor benchmark; low weight")

# ---------------------------------------------------------------- AMD ROCm blog: best practices on MI300X (issue 11, second round)
# "Best practices for competitive inference optimization on AMD Instinct MI300X GPUs", Andy Luo, 29 Jan 2025,
# https://rocm.blogs.amd.com/artificial-intelligence/LLM_Inference/README.html; markdown source read at
# https://github.com/ROCm/rocm-blogs/blob/11235ac299a174b730d359a6b3d9eab85a520f59/blogs/artificial-intelligence/LLM_Inference/README.md
# Two tables, typed as published:
#  - "vLLM Throughput Benchmark Results": "Output token throughput (tok/sec)" of 8 GPUs at TP 8, FP8, client fed at an
#    infinite rate, no latency constraint. MI300X: vllm-dev:20250112 (ROCm MAD standalone benchmarking);
#    H100: trtllm-bench, TensorRT-LLM 0.16.0 (the blog's note). Endnote MI300-074.
#  - "vLLM Latency Benchmark Results": end-to-end latency (ms, time to last token) of one static batch, TP 8, FP8.
#    MI300X: vllm-dev:20250112; H100: TensorRT-LLM 0.16.0 emulated static batching. Output tokens/s is derived:
#    batch x output length / latency.
UB="https://rocm.blogs.amd.com/artificial-intelligence/LLM_Inference/README.html"
TB="Best practices for competitive inference optimization on AMD Instinct MI300X GPUs (ROCm blog, Andy Luo)"
DB="2025-01-29"
NB_MI=("vLLM container vllm-dev:20250112 (blog: rocm/vllm-dev:20250117 = vLLM 0.6.7.dev121, ROCm 6.3.0; 'FP8 GEMM and KV cache'); "
       "model amd/Llama-3.1-*-Instruct-FP8-KV (the blog's serving example); KV precision inferred from the FP8-KV checkpoint")
NB_H=("measured by AMD with TensorRT-LLM 0.16.0 for the same blog (H100 SXM, TP 8, FP8)")
bp_thr = [("Llama-3.1-70B",[(128,2048,15105,15810),(128,4096,10505,11435),(500,2000,12664,14481),(2048,2048,8239,8245)]),
          ("Llama-3.1-405B",[(128,2048,4065,3265),(128,4096,3171,1957),(500,2000,2985,2639),(2048,2048,1999,1563)])]
k = 0
for acc in ("MI300X","H100"):
    for model,pts in bp_thr:
        for isl,osl,mi,h in pts:
            k += 1
            val = mi if acc=="MI300X" else h
            add(f"AMDBP-{k:03d}",model,acc,8,tp=8,pp=1,dp=1,pw="FP8",
                pkv=("FP8 (inferred: amd/*-FP8-KV checkpoint)" if acc=="MI300X" else "not stated"),
                fw=("vLLM (ROCm)" if acc=="MI300X" else "TensorRT-LLM (trtllm-bench)"),fwv=("vllm-dev:20250112" if acc=="MI300X" else "0.16.0"),
                isl=isl,osl=osl,conc="max (offline)",out_total=float(val),scen="offline",url=UB,title=TB,date=DB,
                notes="'Output token throughput (tok/sec)' as stated, 8 GPUs; client fed at an infinite rate, no latency constraint; "+(NB_MI if acc=="MI300X" else NB_H))
# latency tables: (batch, input, output, MI300X ms, H100 ms)
bp_lat = [("Llama-3.1-70B",[(1,128,2048,19089,20923),(2,128,2048,19610,20352),(4,128,2048,19911,21134),(8,128,2048,21859,22102),
                            (16,128,2048,23538,23961),(32,128,2048,25343,26543),(64,128,2048,32548,29599),(128,128,2048,45216,42398),
                            (1,2048,2048,19154,21105),(2,2048,2048,19671,21449),(4,2048,2048,19976,22201),(8,2048,2048,22486,23453),
                            (16,2048,2048,25246,26056),(32,2048,2048,28967,30501),(64,2048,2048,39920,36313),(128,2048,2048,59514,54202)]),
          ("Llama-3.1-405B",[(1,128,2048,51740,58916),(2,128,2048,52769,58130),(4,128,2048,54557,59730),(8,128,2048,56902,62833),
                             (16,128,2048,60432,66537),(32,128,2048,67353,71742),(64,128,2048,81085,87298),(128,128,2048,116139,99911),
                             (1,2048,2048,52218,59511),(2,2048,2048,53227,60554),(4,2048,2048,55512,62048),(8,2048,2048,59931,66082),
                             (16,2048,2048,66890,72055),(32,2048,2048,80688,82687),(64,2048,2048,108503,106951),(128,2048,2048,168846,195622)])]
for acc in ("MI300X","H100"):
    for model,pts in bp_lat:
        for bs,isl,osl,mi,h in pts:
            k += 1
            ms = mi if acc=="MI300X" else h
            add(f"AMDBP-{k:03d}",model,acc,8,tp=8,pp=1,dp=1,pw="FP8",
                pkv=("FP8 (inferred: amd/*-FP8-KV checkpoint)" if acc=="MI300X" else "not stated"),
                fw=("vLLM (ROCm)" if acc=="MI300X" else "TensorRT-LLM (emulated static batching)"),fwv=("vllm-dev:20250112" if acc=="MI300X" else "0.16.0"),
                isl=isl,osl=osl,conc=bs,out_total=bs*osl*1000/ms,scen="offline (batch latency)",url=UB,title=TB,date=DB,
                notes=(f"end-to-end latency {ms} ms for one batch of {bs} (time to last token, as stated); output tok/s = batch x output / latency (derived); "
                       +(NB_MI if acc=="MI300X" else NB_H)))

# ---------------------------------------------------------------- Moreh docs: DeepSeek R1 on 40 MI300X (issue 11, second round)
# "DeepSeek R1 671B on AMD MI300X GPUs: Maximum throughput", Moreh MoAI Inference Framework documentation,
# https://docs.moreh.io/benchmarking/deepseek_r1_671b_on_amd_mi300x_gpus_maximum_throughput/ (markdown source read
# from a public GitHub copy of the docs). 5 servers of 8 MI300X: 2 prefill and 3 decode instances, each TP 1 + DP 8 + EP 8
# (--enable-expert-parallel); Moreh vLLM 0.11.0rc2.moreh20251212, ROCm 6.4.1; --quantization ds_fp8_per_token,
# --kv-cache-dtype fp8_e4m3, --max-num-seqs 2048, --enforce-eager; vllm bench serve --ignore-eos, concurrency 10800.
# Table "Experimental results": output tokens/s (all 40 GPUs; only the decode nodes emit tokens) and per decode node.
UM="https://docs.moreh.io/benchmarking/deepseek_r1_671b_on_amd_mi300x_gpus_maximum_throughput/"
TM="DeepSeek R1 671B on AMD MI300X GPUs: Maximum throughput (Moreh MoAI Inference Framework docs)"
for i,(isl,osl,ds,rps,out,per_node,tot,ttft,itl) in enumerate([
        (512,512,"ShareGPT",140,66194.80,"22,064.93","85347.35",1677.87,160.33),
        (512,512,"Gutenberg",140,64695.10,"21,565.03","79432.24",1774.90,164.32),
        (1000,1000,"ShareGPT",80,61828.90,"20,609.63","94103.87",1802.87,172.16),
        (1000,1000,"Gutenberg",80,61418.55,"20,472.85","92353.63",2149.80,173.63),
        (2000,2000,"ShareGPT",48,51187.87,"17,062.62","77775.33",2567.87,208.59),
        (2000,2000,"Gutenberg",60,50892.65,"16,964.22","76739.86",5586.34,208.76)]):
    add(f"MOREHDOC-{i+1:03d}","DeepSeek-R1","MI300X",24,tp=1,ep=8,pp=1,dp=8,disagg="yes",pw="FP8 (ds_fp8_per_token)",pkv="FP8 (fp8_e4m3)",
        fw="Moreh vLLM (MoAI Inference Framework)",fwv="0.11.0rc2.moreh20251212",isl=isl,osl=osl,conc=f"10800 (RPS {rps})",out_total=out,
        total_tok=tot,ttft=f"{ttft:.2f} (mean)",tpot=f"{itl:.2f} (mean ITL)",scen="offline (PD-disaggregated, end to end)",url=UM,title=TM,date="2025-12 (Moreh vLLM 0.11.0rc2.moreh20251212)",
        notes=(f"dataset {ds}; stated output tokens/s of the 40-GPU system ({out:,.2f}) and per decode node ({per_node}); num_accelerators = the 24 decode GPUs "
               "(3 decode instances x 8), which emit every output token; 16 more GPUs prefill (2 instances x 8); each instance EP 8 + DP 8 within one server; "
               "InfiniBand HDR between servers"))
    rows[-1]["output_tokens_per_s_total"] = f"{out:.2f}"  # as published (fmt keeps one decimal)

# ================================================================ third round (issue 11, expert parallelism, 2026-11-30)
# Four new sources, found with the search tool (pages, issues and code corpora) and read as files; the charts of the
# vLLM posts were read from the PNGs in vllm-project/vllm-project.github.io (assets/figures/...), whose bars carry
# data labels unless a note says otherwise.

# ---------------------------------------------------------------- LMSYS / Mooncake: Kimi K2 on 128 H200 (2025-07-20)
UK2="https://github.com/lm-sys/lm-sys.github.io/blob/main/blog/2025-07-20-k2-large-scale-ep.md"
TK2="Deploying Kimi K2 with PD Disaggregation and Large-Scale Expert Parallelism on 128 H200 GPUs (LMSYS blog, https://lmsys.org/blog/2025-07-20-k2-large-scale-ep/)"
add("LMSYS-K2-001","Kimi-K2","H200",96,tp=1,ep=96,pp=1,dp=96,disagg="yes",pw="FP8 (block FP8, the release format; not stated in the post)",pkv="not stated",
    fw="SGLang (+ OME, Mooncake)",fwv="July 2025",isl=2000,osl="100 (decode only)",conc="480 per device ('Decode Batch Size 480')",out_total=288000.0,out_per=3000.0,
    scen="offline (decode-only)",url=UK2,title=TK2,date="2025-07-20",
    notes=("DECODE ONLY: 'Decode Throughput 288k tokens/sec (12 D Nodes)' = 24k per node as tabulated; 1P1D, 4 prefill and 12 decode nodes of 8 H200; "
           "per GPU = 288,000 / 96 (derived); 96 redundant experts (EPLB), DeepEP low-latency mode; the decode batch 480 is read as per device "
           "(480 in all would be 5 sequences a GPU at 600 tok/s each); a first version of the post (2025-07-17) gave 384k decode and 896k prefill "
           "over all 16 nodes, corrected in this one"),derive=False)
add("LMSYS-K2-002","Kimi-K2","H200",32,tp=1,ep=32,pp=1,dp=32,disagg="yes",pw="FP8 (block FP8, the release format)",pkv="not stated",
    fw="SGLang (+ OME, Mooncake)",fwv="July 2025",isl=2000,osl="prefill only",conc="not stated",total_tok=224000.0,scen="offline (prefill-only)",url=UK2,title=TK2,date="2025-07-20",
    notes="PREFILL ONLY: 'Prefill Throughput 224k tokens/sec (4 P Nodes)' = 56k input tok/s per node",derive=False)

# ---------------------------------------------------------------- Ant Group / SGLang: DeepSeek-R1 on H20-96G (2025-09-26)
UAH="https://github.com/lm-sys/lm-sys.github.io/blob/main/blog/2025-09-26-sglang-ant-group.md"
TAH="Together with SGLang: Best Practices for Serving DeepSeek-R1 on H20-96G (LMSYS blog, Ant Group)"
NAH=("SGLang v0.5.2; decode instance = 2 nodes of 8 H20-96G, --tp-size 16 --dp-size 16 --enable-dp-attention --enable-deepep-moe (DEP16); "
     "FP8 MLA (FlashMLA-FP8); bench_serving random 4096 in / 1536 out; throughput = median of 100 'Decode batch' log samples at the batch size; ")
for i,(bs,val,tier,steps,draft) in enumerate([(48,714.0,"InferX Base (TTFT < 2 s, TPOT < 70 ms)",1,2),(32,675.0,"InferX Pro (TTFT < 1.5 s, TPOT < 50 ms)",1,2),
                                              (12,423.0,"InferX Max (TTFT < 1 s, TPOT < 30 ms)",2,3)]):
    add(f"ANTH20-{i+1:03d}","DeepSeek-R1","H20",16,tp=1,ep=16,pp=1,dp=16,disagg="yes",pw="FP8",pkv="FP8 (FP8 MLA)",fw="SGLang",fwv="0.5.2",
        isl=4096,osl="1536 (decode only)",conc=f"{bs} per GPU",out_per=val,out_total=val*16,scen="production-like (decode-only, MTP)",url=UAH,title=TAH,date="2025-09-26",
        notes=NAH+f"service tier {tier}; MTP speculative decoding steps={steps}, draft tokens={draft} (accept length 1.8-1.9 for 2 drafts, 2.4-2.7 for 3); total derived",derive=False)
add("ANTH20-004","DeepSeek-R1","H20",8,tp=8,pp=1,dp=1,disagg="yes",pw="FP8",pkv="FP8 (fa3-FP8)",fw="SGLang",fwv="0.5.2",isl=4096,osl="prefill only",
    conc="512 prompts",total_tok=16500.0,scen="offline (prefill-only)",url=UAH,title=TAH,date="2025-09-26",
    notes="PREFILL ONLY: 'each node achieves 16.5k input tokens per second' (TP8 prefill instance of 8 H20)",derive=False)

# ---------------------------------------------------------------- vLLM WideEP on GB200 (Part I) (2026-02-03)
UVG="https://github.com/vllm-project/vllm-project.github.io/blob/main/_posts/2026-02-03-dsr1-gb200-part1.md"
TVG="Driving vLLM WideEP and Large-Scale Serving Toward Maturity on Blackwell (Part I) (vLLM blog, Meta and NVIDIA)"
NVG=("decode instance of 8 GB200 (1 x DP8 + EP8), fed by 4 prefill instances of 2 GB200; NVFP4 MoE and O-proj GEMMs (FlashInfer TRTLLM-Gen), FP8 other GEMMs, "
     "NVFP4 dispatch; decode batch = the largest that fits GPU memory (not given as a number); value as labelled on the chart "
     "'Decode Throughput with Various Workloads on GB200' (assets/figures/2026-02-03-dsr1-gb200/decode_throughput_various.png); total derived")
for i,(isl,osl,val) in enumerate([(2000,2000,10108.0),(2000,1000,11035.0),(2000,100,11182.0),(1000,1000,12534.0)]):
    add(f"VLLM-GB200-{i+1:03d}","DeepSeek-R1","GB200",8,tp=1,ep=8,pp=1,dp=8,disagg="yes",pw="NVFP4 MoE + O-proj, FP8 other GEMMs",pkv="not stated",
        fw="vLLM",fwv="early 2026 (V1 engine)",isl=isl,osl=f"{osl} (decode only)",conc="largest batch that fits GPU memory",out_per=val,out_total=val*8,
        scen="offline (decode-only)",url=UVG,title=TVG,date="2026-02-03",notes="DECODE ONLY: output tok/s per GPU (TPGS); "+NVG,derive=False)
add("VLLM-GB200-005","DeepSeek-R1","H200",32,tp=1,ep=32,pp=1,dp=32,disagg="yes",pw="FP8",pkv="not stated",fw="vLLM",fwv="v0.11.x",isl=2000,osl="2000 (decode only)",
    conc="not stated",out_per=2200.0,out_total=2200.0*32,scen="offline (decode-only)",url=UVG,title=TVG,date="2026-02-03",
    notes="DECODE ONLY: the H200 bar (2200) of 'Prefill and Decode Throughput Comparison between H200 and GB200' (topline_comparison.png), 32 H200 decode GPUs; "
          "the same measurement as VLLM-WEP-001 (the post links to it)",derive=False)
for j,(acc,n,val,note) in enumerate([("GB200",2,26214.0,"4 prefill instances of 2 GB200 (weights offloaded, v2)"),("H200",16,7000.0,"16 H200 prefill GPUs")]):
    add(f"VLLM-GB200-{6+j:03d}","DeepSeek-R1",acc,n,tp=1,ep=n,pp=1,dp=n,disagg="yes",pw=("NVFP4 MoE + O-proj" if acc=="GB200" else "FP8"),pkv="not stated",
        fw="vLLM",fwv="early 2026",isl=2000,osl="prefill only",conc="not stated",total_tok=val*n,scen="offline (prefill-only)",url=UVG,title=TVG,date="2026-02-03",
        notes=f"PREFILL ONLY: {val:,.0f} input tok/s per GPU as labelled (topline_comparison.png); {note}; total derived",derive=False)

# ---------------------------------------------------------------- vLLM / DaoCloud: DeepSeek on GB300 (2026-02-13)
UV3="https://github.com/vllm-project/vllm-project.github.io/blob/main/_posts/2026-02-13-gb300-deepseek.md"
add("VLLM-GB300-001","DeepSeek-R1","GB300",2,tp=1,ep=2,pp=1,dp=2,disagg="no",pw="NVFP4",pkv="not stated",fw="vLLM",fwv="0.14.1",isl=2048,osl=1024,
    conc="not stated (peak of a concurrency sweep)",out_per=3072.0,out_total=3072.0*2,scen="offline",url=UV3,
    title="DeepSeek-V3.2 on GB300: Performance Breakthrough (vLLM blog, DaoCloud and vLLM team)",date="2026-02-13",
    notes=("'with 2x GB300 GPUs, DeepSeek-R1 (NVFP4 + EP2) ... reach 3072 TGS in a mixed-context scenario (ISL=2k,OSL=1k)'; TGS = tokens per GPU per second; "
           "the post says 'output throughput' for DeepSeek-V3.2's 2816 TGS in the same sentence pattern but not for this figure, and its charts plot total "
           "(input + output) throughput; concurrency not stated; total derived"),derive=False)

# ================================================================ fourth round of data (issue 11, held-out publishers, 2026-12-01)
# Two publishers never used before, added whole to the validation set (README §4), no refit. Their tables were
# first read for agreement.csv (README §9, third session); every figure below is typed from the files again.

# ---------------------------------------------------------------- Microsoft: Azure AI benchmarking guide
# Azure/AI-benchmarking-guide, Azure_Results/ND_H100_v5_results.md, ND_H200_v5_results.md, ND_MI300X_v5_results.md,
# "End-to-End Inference Workloads": "Performance results for LLAMA 3.1 (8B) / (70B) / LLAMA 3 (405B) with FP8
# quantization, 1000 requests", columns tp size, input len, output len, throughput(tokens/sec). Read at commit
# 99133f3 (the merge of pull request 5, 2025-02-28) from the fork samuel-bohman/AI-benchmarking-guide, whose tables
# are the same to the end of its history (the H200 file read at 0de7d01; at 26d18e9, 2024-12-13, the H100 405B table
# was still a placeholder, "-"). ND H100 v5 and ND H200 v5: TensorRT-LLM 0.15.0, `trtllm-bench build --quantization
# FP8` then `trtllm-bench throughput` on a synthetic dataset of uniform lengths (Benchmarks/NVIDIA/LLMBenchmark.py,
# requirements.txt at 26d18e9); ND MI300X v5: vLLM benchmark_throughput.py in rocm/vllm-dev:20241121-tuned,
# amd/Llama-3.1-*-Instruct-FP8-KV, --quantization fp8 --kv-cache-dtype fp8, --max-num-seqs 3000, 1,000 prompts
# (Benchmarks/AMD/LLMBenchmark.py at 04e2ae7, config.json at 12ac825, 2025-01-23). Metric: output tokens/s, by the
# code (trtllm-bench's "Token Throughput (tokens/sec)" is output tokens / total latency; the AMD script keeps vLLM's
# output tokens/s); the README's prose about input tokens was written for an earlier benchmark (README §9).
UAZ="https://github.com/Azure/AI-benchmarking-guide/blob/99133f3819e7d2e97c13de62e3f9a4a924802675/Azure_Results/"
TAZ="Azure AI benchmarking guide (Microsoft), End-to-End Inference Workloads"
AZ_LEN=[(128,128),(128,1024),(128,2048),(500,2000),(1024,1024),(2048,2048)]
az = [  # VM file, accelerator, date, [(model, tp, [six throughputs in AZ_LEN order, tokens/s of the tp group])]
 ("ND_H100_v5_results.md","H100","2024-12-13",[("Llama-3.1-8B",1,[15163,17075,15014,13047,11724,8026]),
                                               ("Llama-3.1-70B",8,[10032,13345,12910,11594,9125,7908]),
                                               ("Llama-3.1-405B",8,[2515,3417,3434,3143,2422,1973])]),
 ("ND_H200_v5_results.md","H200","2024-12-13",[("Llama-3.1-8B",1,[17853,23880,21255,18357,15043,9736]),
                                               ("Llama-3.1-70B",8,[11973,18369,18219,15911,11302,10371]),
                                               ("Llama-3.1-405B",8,[3148,4981,5098,4447,3050,2859])]),
 ("ND_MI300X_v5_results.md","MI300X","2025-01-23",[("Llama-3.1-8B",1,[18149,19579,16394,13559,10995,7356]),
                                                  ("Llama-3.1-70B",8,[9026,12461,12204,10877,8256,7421]),
                                                  ("Llama-3.1-405B",8,[2484,3846,3902,3407,2363,1840])]),
]
k = 0
for fname,acc,date,models in az:
    for model,tp,vals in models:
        for (isl,osl),val in zip(AZ_LEN,vals):
            k += 1
            head = {"Llama-3.1-8B":"LLAMA 3.1 (8B)","Llama-3.1-70B":("LLAMA 3 (70B)" if acc=="H200" else "LLAMA 3.1 (70B)"),"Llama-3.1-405B":"LLAMA 3 (405B)"}[model]
            d = date
            if acc=="H100" and model=="Llama-3.1-405B":
                d = "2025-02-28 (filled after 2024-12-13; present at commit 99133f3)"
            if acc=="MI300X":
                fw,fwv,pkv = "vLLM (ROCm, benchmark_throughput)","rocm/vllm-dev:20241121-tuned","FP8 (--kv-cache-dtype fp8 in the guide's AMD benchmark script)"
                how = ("vLLM offline benchmark_throughput, 1,000 prompts all queued, --max-num-seqs 3000, amd/Llama-3.1-*-Instruct-FP8-KV; "
                       "output tokens/s (the script keeps vLLM's output tokens/s)")
            else:
                fw,fwv,pkv = "TensorRT-LLM (trtllm-bench)","0.15.0","not stated"
                how = ("trtllm-bench build --quantization FP8, then trtllm-bench throughput: 1,000 requests all queued, synthetic uniform lengths; "
                       "output tokens/s (trtllm-bench's Token Throughput)")
            add(f"AZURE-{k:03d}",model,acc,tp,tp=tp,pp=1,dp=1,pw="FP8",pkv=pkv,fw=fw,fwv=fwv,isl=isl,osl=osl,
                conc="max (offline): 1000 requests, all queued",out_total=float(val),scen="offline",url=UAZ+fname,title=TAZ+", "+fname[:-11].replace("_"," "),date=d,
                notes=(f"'{head}', tp size {tp}, {isl} / {osl}: {val} tokens/sec as stated (the tp group's); Microsoft's run on Azure "
                       f"({fname[:-11].replace('_',' ')}, 8 GPUs a VM); "+how))

# ---------------------------------------------------------------- Google: AI Hypercomputer GPU recipes, A3 Ultra
# AI-Hypercomputer/gpu-recipes, inference/a3ultra/single-host-serving/trtllm/README.md (commit 2e1fd5e, 2025-05-28):
# the log printed as the output to expect of its Llama 3.1 405B recipe on one a3-ultragpu-8g machine (8 x H200):
# engine meta-llama/Llama-3.1-405B, TensorRT-LLM 0.17.0.post1, quantization FP8, KV Cache Dtype FP8, TP Size 8,
# Max Runtime Batch Size 4096, Number of requests 30000, 128 / 128, "Token Throughput (tokens/sec): 3914.4509".
add("GCP-A3U-001","Llama-3.1-405B","H200",8,tp=8,pp=1,dp=1,pw="FP8",pkv="FP8 (KV Cache Dtype: FP8, stated in the log)",
    fw="TensorRT-LLM (trtllm-bench)",fwv="0.17.0.post1",isl=128,osl=128,conc="max (offline): 30000 requests, all queued; max runtime batch size 4096",
    out_total=3914.4509,scen="offline",url="https://github.com/AI-Hypercomputer/gpu-recipes/blob/2e1fd5efbf1af9c08f8ac50b9d7fef2cfa675b68/inference/a3ultra/single-host-serving/trtllm/README.md",
    title="AI Hypercomputer GPU recipes (Google), A3 Ultra single-host serving with TensorRT-LLM",date="2025-05-28",
    notes=("section 5.2's expected-output log, PERFORMANCE OVERVIEW: 'Token Throughput (tokens/sec): 3914.4509' for the 8 GPUs; "
           "Google's run, trtllm-bench throughput, 30,000 requests all queued, max runtime batch size 4,096, TP 8, FP8 weights and KV"))
rows[-1]["output_tokens_per_s_total"] = "3914.4509"  # as published (fmt keeps one decimal)

# ---------------------------------------------------------------- GPUStack performance lab (fifth round of data, README §1)
# gpustack/gpustack at commit 1f37f1b (2026-01-06), docs/performance-lab/: Qwen3-235B-A22B on H100 (first committed
# 2025-11-12), DeepSeek-R1-0528 on H200 and gpt-oss-120b on H100 (both 2025-10-15). Every printed result block with an
# output throughput: `vllm bench serve` against the stated serving command (vLLM v0.10.2 / v0.11.0, SGLang v0.5.3rc0,
# TensorRT-LLM v1.0.0), all prompts sent at once (request rate inf) except the "ShareGPT batch size 4" runs (max
# concurrency 4). Lengths are the block's real means (total input and generated tokens / successful requests);
# "Output token throughput (tok/s)" as printed; no KV dtype flag in any command (BF16, the engines' default).
UGS = "https://github.com/gpustack/gpustack/blob/1f37f1b8bd79c6b424a0cb55c7abd08a5c2132dc/docs/performance-lab/"
gpustack = [  # id, model, accelerator, GPUs, tp, ep, pp, dp, weights, framework, version, in, out, concurrency,
              # output tok/s (as printed), total tok/s, mean TTFT ms, TPOT, scenario, page, date, notes

 ('GPUSTACK-001', 'Qwen3-235B-A22B', 'H100', 8, 8, 1, 1, 1, 'bfloat16 (Qwen3-235B-A22B-Instruct-2507)', 'vLLM', 'v0.11.0', '216.356', '197.017', '984 (all at once, request rate inf, peak concurrent 984.00)', '4015.36', '8424.86', '8730.69', '147.56 (mean TPOT; mean ITL 81.31)', 'offline', 'qwen3-235b-a22b/h100.md', '2025-11-12 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "1. Choosing the Inference Engine" / vLLM (markdown line 88); serving command: vllm serve Qwen/Qwen3-235B-A22B-Instruct-2507 -tp 8; weights: Qwen/Qwen3-235B-A22B-Instruct-2507 BF16 checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name sharegpt (ShareGPT_V3_unfiltered_cleaned_split) --num-prompts 1000; 984 successful requests; actual mean input 216.356 (212894/984), mean output 197.017 (193865/984) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 4015.36 and total tokens/s 8424.86 as printed for one engine instance of 8 GPU(s); per-accelerator = output / 8 (derived); model measured is Qwen3-235B-A22B-Instruct-2507 (same architecture as Qwen3-235B-A22B)'),
 ('GPUSTACK-002', 'Qwen3-235B-A22B', 'H100', 8, 8, 1, 1, 1, 'bfloat16 (Qwen3-235B-A22B-Instruct-2507)', 'SGLang', 'v0.5.5.post1', '217.619', '196.981', '984 (all at once, request rate inf, peak concurrent 984.00)', '3644.72', '7671.31', '11715.28', '178.35 (mean TPOT; mean ITL 88.35)', 'offline', 'qwen3-235b-a22b/h100.md', '2025-11-12 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "1. Choosing the Inference Engine" / SGLang (markdown line 121); serving command: python3 -m sglang.launch_server --model-path Qwen/Qwen3-235B-A22B-Instruct-2507 --tp-size 8; weights: Qwen/Qwen3-235B-A22B-Instruct-2507 BF16 checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name sharegpt (ShareGPT_V3_unfiltered_cleaned_split) --num-prompts 1000; 984 successful requests; actual mean input 217.619 (214137/984), mean output 196.981 (193829/984) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 3644.72 and total tokens/s 7671.31 as printed for one engine instance of 8 GPU(s); per-accelerator = output / 8 (derived); model measured is Qwen3-235B-A22B-Instruct-2507 (same architecture as Qwen3-235B-A22B)'),
 ('GPUSTACK-003', 'Qwen3-235B-A22B', 'H100', 8, 8, 8, 1, 1, 'FP8', 'vLLM', 'v0.11.0', '215.204', '195.478', '984 (all at once, request rate inf, peak concurrent 984.00)', '3856.59', '8102.36', '9755.64', '169.52 (mean TPOT; mean ITL 88.39)', 'offline', 'qwen3-235b-a22b/h100.md', '2025-11-12 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "2. Quantization in vLLM" (markdown line 158); serving command: # TP8 only is not compatible with the model weight. Use EP as well. vllm serve Qwen/Qwen3-235B-A22B-Instruct-2507-FP8 -tp 8 --enable-expert-parallel; weights: Qwen/Qwen3-235B-A22B-Instruct-2507-FP8 (FP8 block-scaled) checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name sharegpt (ShareGPT_V3_unfiltered_cleaned_split) --num-prompts 1000; 984 successful requests; actual mean input 215.204 (211761/984), mean output 195.478 (192350/984) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 3856.59 and total tokens/s 8102.36 as printed for one engine instance of 8 GPU(s); per-accelerator = output / 8 (derived); model measured is Qwen3-235B-A22B-Instruct-2507 (same architecture as Qwen3-235B-A22B)'),
 ('GPUSTACK-004', 'Qwen3-235B-A22B', 'H100', 4, 4, 1, 1, 1, 'FP8', 'vLLM', 'v0.11.0', '216.455', '197.608', '984 (all at once, request rate inf, peak concurrent 984.00)', '3592.57', '7527.80', '9924.69', '169.20 (mean TPOT; mean ITL 89.89)', 'offline', 'qwen3-235b-a22b/h100.md', '2025-11-12 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "3. Parallelism in vLLM" / TP4 (markdown line 193); serving command: vllm serve Qwen/Qwen3-235B-A22B-Instruct-2507-FP8 -tp 4; weights: Qwen/Qwen3-235B-A22B-Instruct-2507-FP8 (FP8 block-scaled) checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name sharegpt (ShareGPT_V3_unfiltered_cleaned_split) --num-prompts 1000; 984 successful requests; actual mean input 216.455 (212992/984), mean output 197.608 (194446/984) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 3592.57 and total tokens/s 7527.8 as printed for one engine instance of 4 GPU(s); per-accelerator = output / 4 (derived); the doc\'s summary table reports this TP4 result as "x2" (two TP4 instances on the 8-GPU node, extrapolated); this row is the measured single TP4 instance; model measured is Qwen3-235B-A22B-Instruct-2507 (same architecture as Qwen3-235B-A22B)'),
 ('GPUSTACK-005', 'Qwen3-235B-A22B', 'H100', 4, 4, 4, 1, 1, 'FP8', 'vLLM', 'v0.11.0', '217.796', '195.886', '984 (all at once, request rate inf, peak concurrent 984.00)', '3376.99', '7131.69', '10706.10', '190.24 (mean TPOT; mean ITL 96.98)', 'offline', 'qwen3-235b-a22b/h100.md', '2025-11-12 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "3. Parallelism in vLLM" / TP4+EP (markdown line 226); serving command: vllm serve Qwen/Qwen3-235B-A22B-Instruct-2507-FP8 -tp 4 --enable-expert-parallel; weights: Qwen/Qwen3-235B-A22B-Instruct-2507-FP8 (FP8 block-scaled) checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name sharegpt (ShareGPT_V3_unfiltered_cleaned_split) --num-prompts 1000; 984 successful requests; actual mean input 217.796 (214311/984), mean output 195.886 (192752/984) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 3376.99 and total tokens/s 7131.69 as printed for one engine instance of 4 GPU(s); per-accelerator = output / 4 (derived); the doc\'s summary table reports this TP4 result as "x2" (two TP4 instances on the 8-GPU node, extrapolated); this row is the measured single TP4 instance; model measured is Qwen3-235B-A22B-Instruct-2507 (same architecture as Qwen3-235B-A22B)'),
 ('GPUSTACK-006', 'Qwen3-235B-A22B', 'H100', 4, 4, 1, 1, 1, 'FP8', 'vLLM', 'v0.11.0', '217.867', '197.305', '984 (all at once, request rate inf, peak concurrent 984.00)', '3700.75', '7787.17', '9600.73', '186.26 (mean TPOT; mean ITL 86.62)', 'offline', 'qwen3-235b-a22b/h100.md', '2025-11-12 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "5. Max Number of Batched Tokens in vLLM" / --max-num-batched-tokens 16384 (markdown line 287); serving command: vllm serve Qwen/Qwen3-235B-A22B-Instruct-2507-FP8 -tp 4 --max-num-batched-tokens 16384; weights: Qwen/Qwen3-235B-A22B-Instruct-2507-FP8 (FP8 block-scaled) checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name sharegpt (ShareGPT_V3_unfiltered_cleaned_split) --num-prompts 1000; 984 successful requests; actual mean input 217.867 (214381/984), mean output 197.305 (194148/984) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 3700.75 and total tokens/s 7787.17 as printed for one engine instance of 4 GPU(s); per-accelerator = output / 4 (derived); the doc\'s summary table reports this TP4 result as "x2" (two TP4 instances on the 8-GPU node, extrapolated); this row is the measured single TP4 instance; model measured is Qwen3-235B-A22B-Instruct-2507 (same architecture as Qwen3-235B-A22B)'),
 ('GPUSTACK-007', 'Qwen3-235B-A22B', 'H100', 8, 8, 1, 1, 1, 'bfloat16 (Qwen3-235B-A22B-Instruct-2507)', 'vLLM', 'v0.11.0', '32000', '81.91', '100 (all at once, request rate inf, peak concurrent 100.00)', '57.85', '22657.51', '70409.55', '132.10 (mean TPOT; mean ITL 129.44)', 'offline', 'qwen3-235b-a22b/h100.md', '2025-11-12 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "Other Benchmark Cases" / random 32K input (markdown line 336); serving command: vllm serve Qwen/Qwen3-235B-A22B-Instruct-2507 -tp 8; weights: Qwen/Qwen3-235B-A22B-Instruct-2507 BF16 checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name random --random-input-len 32000 --random-output-len 100 --num-prompts 100 --seed 42 (doc command pattern; range ratio default, no --ignore-eos): nominal 32000/100; actual mean input 32000 (3200000/100), actual mean output 81.91 (8191/100) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 57.85 and total tokens/s 22657.51 as printed for one engine instance of 8 GPU(s); per-accelerator = output / 8 (derived); model measured is Qwen3-235B-A22B-Instruct-2507 (same architecture as Qwen3-235B-A22B)'),
 ('GPUSTACK-008', 'Qwen3-235B-A22B', 'H100', 8, 8, 1, 1, 1, 'bfloat16 (Qwen3-235B-A22B-Instruct-2507)', 'vLLM', 'v0.11.0', '3995.88', '184.37', '500 (all at once, request rate inf, peak concurrent 500.00)', '931.21', '21113.53', '47811.58', '68.94 (mean TPOT; mean ITL 68.75)', 'offline', 'qwen3-235b-a22b/h100.md', '2025-11-12 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "Other Benchmark Cases" / random 4K input (markdown line 361); serving command: vllm serve Qwen/Qwen3-235B-A22B-Instruct-2507 -tp 8; weights: Qwen/Qwen3-235B-A22B-Instruct-2507 BF16 checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name random --random-input-len 4000 --random-output-len 200 --num-prompts 500 --seed 42 (doc command pattern; range ratio default, no --ignore-eos): nominal 4000/200; actual mean input 3995.88 (1997942/500), actual mean output 184.37 (92185/500) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 931.21 and total tokens/s 21113.53 as printed for one engine instance of 8 GPU(s); per-accelerator = output / 8 (derived); model measured is Qwen3-235B-A22B-Instruct-2507 (same architecture as Qwen3-235B-A22B)'),
 ('GPUSTACK-009', 'Qwen3-235B-A22B', 'H100', 8, 8, 1, 1, 1, 'bfloat16 (Qwen3-235B-A22B-Instruct-2507)', 'vLLM', 'v0.11.0', '1996.35', '99', '500 (all at once, request rate inf, peak concurrent 500.00)', '1127.26', '23858.69', '21313.79', '101.08 (mean TPOT; mean ITL 100.16)', 'offline', 'qwen3-235b-a22b/h100.md', '2025-11-12 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "Other Benchmark Cases" / random 2K input (markdown line 386); serving command: vllm serve Qwen/Qwen3-235B-A22B-Instruct-2507 -tp 8; weights: Qwen/Qwen3-235B-A22B-Instruct-2507 BF16 checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name random --random-input-len 2000 --random-output-len 100 --num-prompts 500 --seed 42 (doc command pattern; range ratio default, no --ignore-eos): nominal 2000/100; actual mean input 1996.35 (998175/500), actual mean output 99 (49500/500) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 1127.26 and total tokens/s 23858.69 as printed for one engine instance of 8 GPU(s); per-accelerator = output / 8 (derived); model measured is Qwen3-235B-A22B-Instruct-2507 (same architecture as Qwen3-235B-A22B)'),
 ('GPUSTACK-010', 'Qwen3-235B-A22B', 'H100', 8, 8, 1, 1, 1, 'bfloat16 (Qwen3-235B-A22B-Instruct-2507)', 'vLLM', 'v0.11.0', '127.693', '4', '984 (all at once, request rate inf, peak concurrent 984.00)', '445.53', '14668.27', '7042.17', '212.98 (mean TPOT; mean ITL 159.73)', 'offline', 'qwen3-235b-a22b/h100.md', '2025-11-12 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "Other Benchmark Cases" / random 128 input (markdown line 411); serving command: vllm serve Qwen/Qwen3-235B-A22B-Instruct-2507 -tp 8; weights: Qwen/Qwen3-235B-A22B-Instruct-2507 BF16 checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name random --random-input-len 128 --random-output-len 4 --num-prompts 984 --seed 42 (doc command pattern; range ratio default, no --ignore-eos): nominal 128/4; actual mean input 127.693 (125650/984), actual mean output 4 (3936/984) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 445.53 and total tokens/s 14668.27 as printed for one engine instance of 8 GPU(s); per-accelerator = output / 8 (derived); model measured is Qwen3-235B-A22B-Instruct-2507 (same architecture as Qwen3-235B-A22B)'),
 ('GPUSTACK-011', 'Qwen3-235B-A22B', 'H100', 4, 4, 1, 1, 1, 'FP8', 'vLLM', 'v0.11.0', '32000', '82.81', '100 (all at once, request rate inf, peak concurrent 100.00)', '39.66', '15366.32', '103754.50', '194.60 (mean TPOT; mean ITL 193.15)', 'offline', 'qwen3-235b-a22b/h100.md', '2025-11-12 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "Other Benchmark Cases" / random 32K input (markdown line 444); serving command: vllm serve Qwen/Qwen3-235B-A22B-Instruct-2507-FP8 -tp 4 --max-num-batched-tokens 16384; weights: Qwen/Qwen3-235B-A22B-Instruct-2507-FP8 (FP8 block-scaled) checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name random --random-input-len 32000 --random-output-len 100 --num-prompts 100 --seed 42 (doc command pattern; range ratio default, no --ignore-eos): nominal 32000/100; actual mean input 32000 (3200000/100), actual mean output 82.81 (8281/100) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 39.66 and total tokens/s 15366.32 as printed for one engine instance of 4 GPU(s); per-accelerator = output / 4 (derived); the doc\'s summary table reports this TP4 result as "x2" (two TP4 instances on the 8-GPU node, extrapolated); this row is the measured single TP4 instance; model measured is Qwen3-235B-A22B-Instruct-2507 (same architecture as Qwen3-235B-A22B)'),
 ('GPUSTACK-012', 'Qwen3-235B-A22B', 'H100', 4, 4, 1, 1, 1, 'FP8', 'vLLM', 'v0.11.0', '3995.88', '181.932', '500 (all at once, request rate inf, peak concurrent 500.00)', '717.60', '16478.79', '60513.14', '89.52 (mean TPOT; mean ITL 89.17)', 'offline', 'qwen3-235b-a22b/h100.md', '2025-11-12 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "Other Benchmark Cases" / random 4K input (markdown line 469); serving command: vllm serve Qwen/Qwen3-235B-A22B-Instruct-2507-FP8 -tp 4 --max-num-batched-tokens 16384; weights: Qwen/Qwen3-235B-A22B-Instruct-2507-FP8 (FP8 block-scaled) checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name random --random-input-len 4000 --random-output-len 200 --num-prompts 500 --seed 42 (doc command pattern; range ratio default, no --ignore-eos): nominal 4000/200; actual mean input 3995.88 (1997942/500), actual mean output 181.932 (90966/500) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 717.6 and total tokens/s 16478.79 as printed for one engine instance of 4 GPU(s); per-accelerator = output / 4 (derived); the doc\'s summary table reports this TP4 result as "x2" (two TP4 instances on the 8-GPU node, extrapolated); this row is the measured single TP4 instance; model measured is Qwen3-235B-A22B-Instruct-2507 (same architecture as Qwen3-235B-A22B)'),
 ('GPUSTACK-013', 'Qwen3-235B-A22B', 'H100', 4, 4, 1, 1, 1, 'FP8', 'vLLM', 'v0.11.0', '1996.35', '98.942', '500 (all at once, request rate inf, peak concurrent 500.00)', '894.84', '18950.04', '26860.95', '125.93 (mean TPOT; mean ITL 124.89)', 'offline', 'qwen3-235b-a22b/h100.md', '2025-11-12 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "Other Benchmark Cases" / random 2K input (markdown line 494); serving command: vllm serve Qwen/Qwen3-235B-A22B-Instruct-2507-FP8 -tp 4 --max-num-batched-tokens 16384; weights: Qwen/Qwen3-235B-A22B-Instruct-2507-FP8 (FP8 block-scaled) checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name random --random-input-len 2000 --random-output-len 100 --num-prompts 500 --seed 42 (doc command pattern; range ratio default, no --ignore-eos): nominal 2000/100; actual mean input 1996.35 (998175/500), actual mean output 98.942 (49471/500) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 894.84 and total tokens/s 18950.04 as printed for one engine instance of 4 GPU(s); per-accelerator = output / 4 (derived); the doc\'s summary table reports this TP4 result as "x2" (two TP4 instances on the 8-GPU node, extrapolated); this row is the measured single TP4 instance; model measured is Qwen3-235B-A22B-Instruct-2507 (same architecture as Qwen3-235B-A22B)'),
 ('GPUSTACK-014', 'Qwen3-235B-A22B', 'H100', 4, 4, 1, 1, 1, 'FP8', 'vLLM', 'v0.11.0', '127.693', '4', '984 (all at once, request rate inf, peak concurrent 984.00)', '644.28', '21211.83', '5621.51', '125.18 (mean TPOT; mean ITL 93.89)', 'offline', 'qwen3-235b-a22b/h100.md', '2025-11-12 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "Other Benchmark Cases" / random 128 input (markdown line 519); serving command: vllm serve Qwen/Qwen3-235B-A22B-Instruct-2507-FP8 -tp 4 --max-num-batched-tokens 16384; weights: Qwen/Qwen3-235B-A22B-Instruct-2507-FP8 (FP8 block-scaled) checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name random --random-input-len 128 --random-output-len 4 --num-prompts 984 --seed 42 (doc command pattern; range ratio default, no --ignore-eos): nominal 128/4; actual mean input 127.693 (125650/984), actual mean output 4 (3936/984) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 644.28 and total tokens/s 21211.83 as printed for one engine instance of 4 GPU(s); per-accelerator = output / 4 (derived); the doc\'s summary table reports this TP4 result as "x2" (two TP4 instances on the 8-GPU node, extrapolated); this row is the measured single TP4 instance; model measured is Qwen3-235B-A22B-Instruct-2507 (same architecture as Qwen3-235B-A22B)'),
 ('GPUSTACK-015', 'DeepSeek-R1', 'H200', 8, 8, 1, 1, 1, 'FP8', 'vLLM', 'v0.11.0', '219.171', '200.752', '1000 (all at once, request rate inf, peak concurrent 1000.00)', '2621.05', '5482.59', '17743.08', '227.45 (mean TPOT; mean ITL 119.29)', 'offline', 'deepseek-r1/h200.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "1. Choosing the Inference Engine" / vLLM (markdown line 90); serving command: vllm serve deepseek-ai/DeepSeek-R1-0528 -tp 8; weights: deepseek-ai/DeepSeek-R1-0528 native FP8 (block-scaled) checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name sharegpt (ShareGPT_V3_unfiltered_cleaned_split) --num-prompts 1000; 1000 successful requests; actual mean input 219.171 (219171/1000), mean output 200.752 (200752/1000) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 2621.05 and total tokens/s 5482.59 as printed for one engine instance of 8 GPU(s); per-accelerator = output / 8 (derived); model measured is deepseek-ai/DeepSeek-R1-0528 (DeepSeek-V3 architecture)'),
 ('GPUSTACK-016', 'DeepSeek-R1', 'H200', 8, 8, 1, 1, 1, 'FP8', 'SGLang', 'v0.5.3', '219.171', '200.767', '1000 (all at once, request rate inf, peak concurrent 1000.00)', '3172.46', '6635.73', '6948.08', '420.18 (mean TPOT; mean ITL 138.99)', 'offline', 'deepseek-r1/h200.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "1. Choosing the Inference Engine" / SGLang (markdown line 123); serving command: python3 -m sglang.launch_server --model-path deepseek-ai/DeepSeek-R1-0528 --host 0.0.0.0 --port 8000 --tp-size 8; weights: deepseek-ai/DeepSeek-R1-0528 native FP8 (block-scaled) checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name sharegpt (ShareGPT_V3_unfiltered_cleaned_split) --num-prompts 1000; 1000 successful requests; actual mean input 219.171 (219171/1000), mean output 200.767 (200767/1000) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 3172.46 and total tokens/s 6635.73 as printed for one engine instance of 8 GPU(s); per-accelerator = output / 8 (derived); model measured is deepseek-ai/DeepSeek-R1-0528 (DeepSeek-V3 architecture)'),
 ('GPUSTACK-017', 'DeepSeek-R1', 'H200', 8, 8, 8, 1, 1, 'FP8', 'TensorRT-LLM', 'v1.0.0', '219.171', '200.813', '1000 (all at once, request rate inf, peak concurrent 1000.00)', '1618.94', '3385.88', '20253.90', '221.31 (mean TPOT; mean ITL 155.18)', 'offline', 'deepseek-r1/h200.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "1. Choosing the Inference Engine" / TensorRT-LLM (markdown line 156); serving command: trtllm-serve /workspace/DeepSeek-R1-0528 --tp_size 8 --ep_size 8; weights: deepseek-ai/DeepSeek-R1-0528 native FP8 (block-scaled) checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name sharegpt (ShareGPT_V3_unfiltered_cleaned_split) --num-prompts 1000; 1000 successful requests; actual mean input 219.171 (219171/1000), mean output 200.813 (200813/1000) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 1618.94 and total tokens/s 3385.88 as printed for one engine instance of 8 GPU(s); per-accelerator = output / 8 (derived); model measured is deepseek-ai/DeepSeek-R1-0528 (DeepSeek-V3 architecture)'),
 ('GPUSTACK-018', 'DeepSeek-R1', 'H200', 8, 8, 1, 1, 8, 'FP8', 'SGLang', 'v0.5.3', '219.171', '200.752', '1000 (all at once, request rate inf, peak concurrent 1000.00)', '3414.99', '7143.30', '5992.00', '304.71 (mean TPOT; mean ITL 121.64)', 'offline', 'deepseek-r1/h200.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "2. Parallelism in SGLang" / TP+DP Attention (markdown line 191); serving command: python3 -m sglang.launch_server --model-path deepseek-ai/DeepSeek-R1-0528 --host 0.0.0.0 --port 8000 --tp-size 8 --enable-dp-attention; weights: deepseek-ai/DeepSeek-R1-0528 native FP8 (block-scaled) checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name sharegpt (ShareGPT_V3_unfiltered_cleaned_split) --num-prompts 1000; 1000 successful requests; actual mean input 219.171 (219171/1000), mean output 200.752 (200752/1000) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 3414.99 and total tokens/s 7143.3 as printed for one engine instance of 8 GPU(s); per-accelerator = output / 8 (derived); model measured is deepseek-ai/DeepSeek-R1-0528 (DeepSeek-V3 architecture)'),
 ('GPUSTACK-019', 'DeepSeek-R1', 'H200', 8, 8, 1, 1, 8, 'FP8', 'SGLang', 'v0.5.3', '219.171', '200.813', '1000 (all at once, request rate inf, peak concurrent 1000.00)', '3253.37', '6804.17', '6978.36', '306.37 (mean TPOT; mean ITL 127.42)', 'offline', 'deepseek-r1/h200.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "3. Torch.compile in SGLang" (markdown line 225); serving command: python3 -m sglang.launch_server --model-path deepseek-ai/DeepSeek-R1-0528 --host 0.0.0.0 --port 8000 --tp-size 8 --enable-dp-attention --enable-torch-compile; weights: deepseek-ai/DeepSeek-R1-0528 native FP8 (block-scaled) checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name sharegpt (ShareGPT_V3_unfiltered_cleaned_split) --num-prompts 1000; 1000 successful requests; actual mean input 219.171 (219171/1000), mean output 200.813 (200813/1000) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 3253.37 and total tokens/s 6804.17 as printed for one engine instance of 8 GPU(s); per-accelerator = output / 8 (derived); model measured is deepseek-ai/DeepSeek-R1-0528 (DeepSeek-V3 architecture)'),
 ('GPUSTACK-020', 'DeepSeek-R1', 'H200', 8, 8, 1, 1, 8, 'FP8', 'SGLang', 'v0.5.3', '219.171', '200.813', '1000 (all at once, request rate inf, peak concurrent 1000.00)', '1060.10', '2217.12', '95444.76', '42.24 (mean TPOT; mean ITL 74.27)', 'offline', 'deepseek-r1/h200.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "4. MTP in SGLang" (markdown line 259); serving command: python3 -m sglang.launch_server --model-path deepseek-ai/DeepSeek-R1-0528 --host 0.0.0.0 --port 8000 --tp-size 8 --enable-dp-attention --enable-torch-compile --speculative-algorithm EAGLE --speculative-num-steps 1 --speculative-eagle-topk 1 --speculative-num-draft-tokens 2; weights: deepseek-ai/DeepSeek-R1-0528 native FP8 (block-scaled) checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name sharegpt (ShareGPT_V3_unfiltered_cleaned_split) --num-prompts 1000; 1000 successful requests; actual mean input 219.171 (219171/1000), mean output 200.813 (200813/1000) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; SPECULATIVE DECODING: EAGLE/MTP (--speculative-algorithm EAGLE --speculative-num-steps 1 --speculative-eagle-topk 1 --speculative-num-draft-tokens 2); not plain decode; output tokens/s 1060.1 and total tokens/s 2217.12 as printed for one engine instance of 8 GPU(s); per-accelerator = output / 8 (derived); model measured is deepseek-ai/DeepSeek-R1-0528 (DeepSeek-V3 architecture)'),
 ('GPUSTACK-021', 'DeepSeek-R1', 'H200', 8, 8, 1, 1, 1, 'FP8', 'vLLM', 'v0.11.0', '31999', '100', '100 (all at once, request rate inf, peak concurrent 100.00)', '48.33', '15514.57', '101351.99', '365.79 (mean TPOT; mean ITL 362.20)', 'offline', 'deepseek-r1/h200.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "Other Benchmark Cases" / random 32K input (markdown line 304); serving command: vllm serve deepseek-ai/DeepSeek-R1-0528 -tp 8; weights: deepseek-ai/DeepSeek-R1-0528 native FP8 (block-scaled) checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name random --random-input-len 32000 --random-output-len 100 --num-prompts 100 --seed 42 (doc command pattern; range ratio default, no --ignore-eos): nominal 32000/100; actual mean input 31999 (3199900/100), actual mean output 100 (10000/100) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 48.33 and total tokens/s 15514.57 as printed for one engine instance of 8 GPU(s); per-accelerator = output / 8 (derived); model measured is deepseek-ai/DeepSeek-R1-0528 (DeepSeek-V3 architecture)'),
 ('GPUSTACK-022', 'DeepSeek-R1', 'H200', 8, 8, 1, 1, 1, 'FP8', 'vLLM', 'v0.11.0', '3995.06', '200', '500 (all at once, request rate inf, peak concurrent 500.00)', '753.67', '15808.55', '63058.71', '164.23 (mean TPOT; mean ITL 163.74)', 'offline', 'deepseek-r1/h200.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "Other Benchmark Cases" / random 4K input (markdown line 329); serving command: vllm serve deepseek-ai/DeepSeek-R1-0528 -tp 8; weights: deepseek-ai/DeepSeek-R1-0528 native FP8 (block-scaled) checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name random --random-input-len 4000 --random-output-len 200 --num-prompts 500 --seed 42 (doc command pattern; range ratio default, no --ignore-eos): nominal 4000/200; actual mean input 3995.06 (1997530/500), actual mean output 200 (100000/500) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 753.67 and total tokens/s 15808.55 as printed for one engine instance of 8 GPU(s); per-accelerator = output / 8 (derived); model measured is deepseek-ai/DeepSeek-R1-0528 (DeepSeek-V3 architecture)'),
 ('GPUSTACK-023', 'DeepSeek-R1', 'H200', 8, 8, 1, 1, 1, 'FP8', 'vLLM', 'v0.11.0', '1996.79', '100', '500 (all at once, request rate inf, peak concurrent 500.00)', '843.71', '17690.89', '28911.90', '237.02 (mean TPOT; mean ITL 235.10)', 'offline', 'deepseek-r1/h200.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "Other Benchmark Cases" / random 2K input (markdown line 354); serving command: vllm serve deepseek-ai/DeepSeek-R1-0528 -tp 8; weights: deepseek-ai/DeepSeek-R1-0528 native FP8 (block-scaled) checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name random --random-input-len 2000 --random-output-len 100 --num-prompts 500 --seed 42 (doc command pattern; range ratio default, no --ignore-eos): nominal 2000/100; actual mean input 1996.79 (998393/500), actual mean output 100 (50000/500) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 843.71 and total tokens/s 17690.89 as printed for one engine instance of 8 GPU(s); per-accelerator = output / 8 (derived); model measured is deepseek-ai/DeepSeek-R1-0528 (DeepSeek-V3 architecture)'),
 ('GPUSTACK-024', 'DeepSeek-R1', 'H200', 8, 8, 1, 1, 1, 'FP8', 'vLLM', 'v0.11.0', '126.882', '4', '1000 (all at once, request rate inf, peak concurrent 1000.00)', '181.27', '5931.25', '19392.11', '351.83 (mean TPOT; mean ITL 263.87)', 'offline', 'deepseek-r1/h200.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "Other Benchmark Cases" / random 128 input (markdown line 379); serving command: vllm serve deepseek-ai/DeepSeek-R1-0528 -tp 8; weights: deepseek-ai/DeepSeek-R1-0528 native FP8 (block-scaled) checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name random --random-input-len 128 --random-output-len 4 --num-prompts 1000 --seed 42 (doc command pattern; range ratio default, no --ignore-eos): nominal 128/4; actual mean input 126.882 (126882/1000), actual mean output 4 (4000/1000) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 181.27 and total tokens/s 5931.25 as printed for one engine instance of 8 GPU(s); per-accelerator = output / 8 (derived); model measured is deepseek-ai/DeepSeek-R1-0528 (DeepSeek-V3 architecture)'),
 ('GPUSTACK-025', 'DeepSeek-R1', 'H200', 8, 8, 1, 1, 1, 'FP8', 'vLLM', 'v0.11.0', '228.36', '213.38', '4', '196.81', '407.45', '123.30', '19.36 (mean TPOT; mean ITL 19.41)', 'interactive', 'deepseek-r1/h200.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "Other Benchmark Cases" / ShareGPT batch size 4 (markdown line 404); serving command: vllm serve deepseek-ai/DeepSeek-R1-0528 -tp 8; weights: deepseek-ai/DeepSeek-R1-0528 native FP8 (block-scaled) checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name sharegpt (ShareGPT_V3_unfiltered_cleaned_split) --num-prompts 100; 100 successful requests; actual mean input 228.36 (22836/100), mean output 213.38 (21338/100) from the printed totals; columns carry the actual means; max concurrency 4 ("Maximum request concurrency: 4" in the result); output tokens/s 196.81 and total tokens/s 407.45 as printed for one engine instance of 8 GPU(s); per-accelerator = output / 8 (derived); model measured is deepseek-ai/DeepSeek-R1-0528 (DeepSeek-V3 architecture)'),
 ('GPUSTACK-026', 'DeepSeek-R1', 'H200', 8, 8, 1, 1, 8, 'FP8', 'SGLang', 'v0.5.3', '31999', '99.52', '100 (all at once, request rate inf, peak concurrent 100.00)', '49.89', '16091.68', '98133.46', '198.62 (mean TPOT; mean ITL 209.45)', 'offline', 'deepseek-r1/h200.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "Other Benchmark Cases" / random 32K input (markdown line 438); serving command: python3 -m sglang.launch_server --model deepseek-ai/DeepSeek-R1-0528 --tp 8 --enable-dp-attention; weights: deepseek-ai/DeepSeek-R1-0528 native FP8 (block-scaled) checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name random --random-input-len 32000 --random-output-len 100 --num-prompts 100 --seed 42 (doc command pattern; range ratio default, no --ignore-eos): nominal 32000/100; actual mean input 31999 (3199900/100), actual mean output 99.52 (9952/100) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 49.89 and total tokens/s 16091.68 as printed for one engine instance of 8 GPU(s); per-accelerator = output / 8 (derived); model measured is deepseek-ai/DeepSeek-R1-0528 (DeepSeek-V3 architecture)'),
 ('GPUSTACK-027', 'DeepSeek-R1', 'H200', 8, 8, 1, 1, 8, 'FP8', 'SGLang', 'v0.5.3', '3995.06', '200', '500 (all at once, request rate inf, peak concurrent 500.00)', '767.42', '16096.80', '62808.37', '107.91 (mean TPOT; mean ITL 115.81)', 'offline', 'deepseek-r1/h200.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "Other Benchmark Cases" / random 4K input (markdown line 463); serving command: python3 -m sglang.launch_server --model deepseek-ai/DeepSeek-R1-0528 --tp 8 --enable-dp-attention; weights: deepseek-ai/DeepSeek-R1-0528 native FP8 (block-scaled) checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name random --random-input-len 4000 --random-output-len 200 --num-prompts 500 --seed 42 (doc command pattern; range ratio default, no --ignore-eos): nominal 4000/200; actual mean input 3995.06 (1997530/500), actual mean output 200 (100000/500) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 767.42 and total tokens/s 16096.8 as printed for one engine instance of 8 GPU(s); per-accelerator = output / 8 (derived); model measured is deepseek-ai/DeepSeek-R1-0528 (DeepSeek-V3 architecture)'),
 ('GPUSTACK-028', 'DeepSeek-R1', 'H200', 8, 8, 1, 1, 8, 'FP8', 'SGLang', 'v0.5.3', '1996.79', '100', '500 (all at once, request rate inf, peak concurrent 500.00)', '907.31', '19024.33', '27248.86', '154.49 (mean TPOT; mean ITL 159.34)', 'offline', 'deepseek-r1/h200.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "Other Benchmark Cases" / random 2K input (markdown line 488); serving command: python3 -m sglang.launch_server --model deepseek-ai/DeepSeek-R1-0528 --tp 8 --enable-dp-attention; weights: deepseek-ai/DeepSeek-R1-0528 native FP8 (block-scaled) checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name random --random-input-len 2000 --random-output-len 100 --num-prompts 500 --seed 42 (doc command pattern; range ratio default, no --ignore-eos): nominal 2000/100; actual mean input 1996.79 (998393/500), actual mean output 100 (50000/500) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 907.31 and total tokens/s 19024.33 as printed for one engine instance of 8 GPU(s); per-accelerator = output / 8 (derived); model measured is deepseek-ai/DeepSeek-R1-0528 (DeepSeek-V3 architecture)'),
 ('GPUSTACK-029', 'DeepSeek-R1', 'H200', 8, 8, 1, 1, 8, 'FP8', 'SGLang', 'v0.5.3', '126.882', '4', '1000 (all at once, request rate inf, peak concurrent 1000.00)', '624.94', '20448.42', '3626.25', '802.48 (mean TPOT; mean ITL 481.68)', 'offline', 'deepseek-r1/h200.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "Other Benchmark Cases" / random 128 input (markdown line 513); serving command: python3 -m sglang.launch_server --model deepseek-ai/DeepSeek-R1-0528 --tp 8 --enable-dp-attention; weights: deepseek-ai/DeepSeek-R1-0528 native FP8 (block-scaled) checkpoint; KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name random --random-input-len 128 --random-output-len 4 --num-prompts 1000 --seed 42 (doc command pattern; range ratio default, no --ignore-eos): nominal 128/4; actual mean input 126.882 (126882/1000), actual mean output 4 (4000/1000) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 624.94 and total tokens/s 20448.42 as printed for one engine instance of 8 GPU(s); per-accelerator = output / 8 (derived); model measured is deepseek-ai/DeepSeek-R1-0528 (DeepSeek-V3 architecture)'),
 ('GPUSTACK-030', 'gpt-oss-120b', 'H100', 1, 1, 1, 1, 1, 'MXFP4', 'vLLM', 'v0.10.2', '215.312', '195.544', '1000 (all at once, request rate inf)', '2901.05', '6095.37', '24830.45', '54.10 (mean TPOT; mean ITL 46.65)', 'offline', 'gpt-oss-120b/h100.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "1. Choosing the Inference Engine" / vLLM (markdown line 88); serving command: vllm serve openai/gpt-oss-120b --max-model-len 32768; weights: openai/gpt-oss-120b release checkpoint (MXFP4 MoE experts, BF16 elsewhere); KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name sharegpt (ShareGPT_V3_unfiltered_cleaned_split) --num-prompts 1000; 1000 successful requests; actual mean input 215.312 (215312/1000), mean output 195.544 (195544/1000) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 2901.05 and total tokens/s 6095.37 as printed for one engine instance of 1 GPU(s); per-accelerator = output / 1 (derived); doc header says "2 x NVIDIA H100 SXM" but runs use TP1, TP2, PP2 and TP4; num_accelerators = the run\'s TP x PP'),
 ('GPUSTACK-031', 'gpt-oss-120b', 'H100', 1, 1, 1, 1, 1, 'MXFP4', 'SGLang', 'v0.5.3rc0', '215.312', '196.54', '1000 (all at once, request rate inf)', '865.81', '1814.32', '132612.71', '57.34 (mean TPOT; mean ITL 51.23)', 'offline', 'gpt-oss-120b/h100.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "1. Choosing the Inference Engine" / SGLang (markdown line 119); serving command: python3 -m sglang.launch_server --model-path openai/gpt-oss-120b --host 0.0.0.0 --port 8000; weights: openai/gpt-oss-120b release checkpoint (MXFP4 MoE experts, BF16 elsewhere); KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name sharegpt (ShareGPT_V3_unfiltered_cleaned_split) --num-prompts 1000; 1000 successful requests; actual mean input 215.312 (215312/1000), mean output 196.54 (196540/1000) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 865.81 and total tokens/s 1814.32 as printed for one engine instance of 1 GPU(s); per-accelerator = output / 1 (derived); doc header says "2 x NVIDIA H100 SXM" but runs use TP1, TP2, PP2 and TP4; num_accelerators = the run\'s TP x PP'),
 ('GPUSTACK-032', 'gpt-oss-120b', 'H100', 1, 1, 1, 1, 1, 'MXFP4', 'TensorRT-LLM', 'v1.0.0', '215.312', '193.874', '1000 (all at once, request rate inf)', '1013.72', '2139.54', '55896.64', '233.20 (mean TPOT; mean ITL 101.13)', 'offline', 'gpt-oss-120b/h100.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "1. Choosing the Inference Engine" / TensorRT-LLM (markdown line 150); serving command: trtllm-serve openai/gpt-oss-120b --max_seq_len 32768; weights: openai/gpt-oss-120b release checkpoint (MXFP4 MoE experts, BF16 elsewhere); KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name sharegpt (ShareGPT_V3_unfiltered_cleaned_split) --num-prompts 1000; 1000 successful requests; actual mean input 215.312 (215312/1000), mean output 193.874 (193874/1000) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 1013.72 and total tokens/s 2139.54 as printed for one engine instance of 1 GPU(s); per-accelerator = output / 1 (derived); doc header says "2 x NVIDIA H100 SXM" but runs use TP1, TP2, PP2 and TP4; num_accelerators = the run\'s TP x PP'),
 ('GPUSTACK-033', 'gpt-oss-120b', 'H100', 1, 1, 1, 1, 1, 'MXFP4', 'vLLM', 'v0.10.2', '215.312', '187.289', '1000 (all at once, request rate inf)', '2942.57', '6325.41', '23629.95', '52.66 (mean TPOT; mean ITL 45.31)', 'offline', 'gpt-oss-120b/h100.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "2. Async scheduling in vLLM" (markdown line 183); serving command: vllm serve openai/gpt-oss-120b --max-model-len 32768 --async-scheduling; weights: openai/gpt-oss-120b release checkpoint (MXFP4 MoE experts, BF16 elsewhere); KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name sharegpt (ShareGPT_V3_unfiltered_cleaned_split) --num-prompts 1000; 1000 successful requests; actual mean input 215.312 (215312/1000), mean output 187.289 (187289/1000) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 2942.57 and total tokens/s 6325.41 as printed for one engine instance of 1 GPU(s); per-accelerator = output / 1 (derived); doc header says "2 x NVIDIA H100 SXM" but runs use TP1, TP2, PP2 and TP4; num_accelerators = the run\'s TP x PP'),
 ('GPUSTACK-034', 'gpt-oss-120b', 'H100', 2, 2, 1, 1, 1, 'MXFP4', 'vLLM', 'v0.10.2', '215.312', '196.205', '1000 (all at once, request rate inf)', '7648.67', '16042.19', '4612.68', '86.54 (mean TPOT; mean ITL 43.02)', 'offline', 'gpt-oss-120b/h100.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "3. Parallelism in vLLM" / TP2 (markdown line 217); serving command: vllm serve openai/gpt-oss-120b --max-model-len 32768 --async-scheduling -tp 2; weights: openai/gpt-oss-120b release checkpoint (MXFP4 MoE experts, BF16 elsewhere); KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name sharegpt (ShareGPT_V3_unfiltered_cleaned_split) --num-prompts 1000; 1000 successful requests; actual mean input 215.312 (215312/1000), mean output 196.205 (196205/1000) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 7648.67 and total tokens/s 16042.19 as printed for one engine instance of 2 GPU(s); per-accelerator = output / 2 (derived); doc header says "2 x NVIDIA H100 SXM" but runs use TP1, TP2, PP2 and TP4; num_accelerators = the run\'s TP x PP'),
 ('GPUSTACK-035', 'gpt-oss-120b', 'H100', 4, 4, 1, 1, 1, 'MXFP4', 'vLLM', 'v0.10.2', '215.312', '196.174', '1000 (all at once, request rate inf)', '11327.22', '23759.49', '2952.04', '55.77 (mean TPOT; mean ITL 28.57)', 'offline', 'gpt-oss-120b/h100.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "3. Parallelism in vLLM" / TP4 (markdown line 248); serving command: vllm serve openai/gpt-oss-120b --max-model-len 32768 --async-scheduling -tp 4; weights: openai/gpt-oss-120b release checkpoint (MXFP4 MoE experts, BF16 elsewhere); KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name sharegpt (ShareGPT_V3_unfiltered_cleaned_split) --num-prompts 1000; 1000 successful requests; actual mean input 215.312 (215312/1000), mean output 196.174 (196174/1000) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 11327.22 and total tokens/s 23759.49 as printed for one engine instance of 4 GPU(s); per-accelerator = output / 4 (derived); doc header says "2 x NVIDIA H100 SXM" but runs use TP1, TP2, PP2 and TP4; num_accelerators = the run\'s TP x PP'),
 ('GPUSTACK-036', 'gpt-oss-120b', 'H100', 2, 1, 1, 2, 1, 'MXFP4', 'vLLM', 'v0.10.2', '215.312', '196.089', '1000 (all at once, request rate inf)', '5337.65', '11198.56', '4471.76', '115.37 (mean TPOT; mean ITL 60.87)', 'offline', 'gpt-oss-120b/h100.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "3. Parallelism in vLLM" / PP2 (markdown line 278); serving command: vllm serve openai/gpt-oss-120b --max-model-len 32768 --async-scheduling -pp 2; weights: openai/gpt-oss-120b release checkpoint (MXFP4 MoE experts, BF16 elsewhere); KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name sharegpt (ShareGPT_V3_unfiltered_cleaned_split) --num-prompts 1000; 1000 successful requests; actual mean input 215.312 (215312/1000), mean output 196.089 (196089/1000) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 5337.65 and total tokens/s 11198.56 as printed for one engine instance of 2 GPU(s); per-accelerator = output / 2 (derived); doc header says "2 x NVIDIA H100 SXM" but runs use TP1, TP2, PP2 and TP4; num_accelerators = the run\'s TP x PP'),
 ('GPUSTACK-037', 'gpt-oss-120b', 'H100', 1, 1, 1, 1, 1, 'MXFP4', 'vLLM', 'v0.10.2', '215.312', '187.636', '1000 (all at once, request rate inf)', '2874.47', '6172.93', '23977.21', '51.18 (mean TPOT; mean ITL 44.26)', 'offline', 'gpt-oss-120b/h100.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "5. Max Number of Batched Tokens in vLLM" (markdown line 338); serving command: vllm serve openai/gpt-oss-120b --max-model-len 32768 --async-scheduling --max-num-batched-tokens 16384; weights: openai/gpt-oss-120b release checkpoint (MXFP4 MoE experts, BF16 elsewhere); KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name sharegpt (ShareGPT_V3_unfiltered_cleaned_split) --num-prompts 1000; 1000 successful requests; actual mean input 215.312 (215312/1000), mean output 187.636 (187636/1000) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 2874.47 and total tokens/s 6172.93 as printed for one engine instance of 1 GPU(s); per-accelerator = output / 1 (derived); doc header says "2 x NVIDIA H100 SXM" but runs use TP1, TP2, PP2 and TP4; num_accelerators = the run\'s TP x PP'),
 ('GPUSTACK-038', 'gpt-oss-120b', 'H100', 1, 1, 1, 1, 1, 'MXFP4', 'vLLM', 'v0.10.2', '32000', '98.77', '100 (all at once, request rate inf)', '49.65', '16136.57', '99444.04', '23.99 (mean TPOT; mean ITL 25.13)', 'offline', 'gpt-oss-120b/h100.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "Other Benchmark Cases" / random 32K input (markdown line 383); serving command: vllm serve openai/gpt-oss-120b --max-model-len 32768; weights: openai/gpt-oss-120b release checkpoint (MXFP4 MoE experts, BF16 elsewhere); KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name random --random-input-len 32000 --random-output-len 100 --num-prompts 100 --seed 42 (doc command pattern; range ratio default, no --ignore-eos): nominal 32000/100; actual mean input 32000 (3200000/100), actual mean output 98.77 (9877/100) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 49.65 and total tokens/s 16136.57 as printed for one engine instance of 1 GPU(s); per-accelerator = output / 1 (derived); doc header says "2 x NVIDIA H100 SXM" but runs use TP1, TP2, PP2 and TP4; num_accelerators = the run\'s TP x PP'),
 ('GPUSTACK-039', 'gpt-oss-120b', 'H100', 1, 1, 1, 1, 1, 'MXFP4', 'vLLM', 'v0.10.2', '3998.5', '134.41', '500 (all at once, request rate inf)', '463.35', '14247.47', '72954.68', '31.70 (mean TPOT; mean ITL 33.25)', 'offline', 'gpt-oss-120b/h100.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "Other Benchmark Cases" / random 4K input (markdown line 406); serving command: vllm serve openai/gpt-oss-120b --max-model-len 32768; weights: openai/gpt-oss-120b release checkpoint (MXFP4 MoE experts, BF16 elsewhere); KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name random --random-input-len 4000 --random-output-len 200 --num-prompts 500 --seed 42 (doc command pattern; range ratio default, no --ignore-eos): nominal 4000/200; actual mean input 3998.5 (1999249/500), actual mean output 134.41 (67205/500) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 463.35 and total tokens/s 14247.47 as printed for one engine instance of 1 GPU(s); per-accelerator = output / 1 (derived); doc header says "2 x NVIDIA H100 SXM" but runs use TP1, TP2, PP2 and TP4; num_accelerators = the run\'s TP x PP'),
 ('GPUSTACK-040', 'gpt-oss-120b', 'H100', 1, 1, 1, 1, 1, 'MXFP4', 'vLLM', 'v0.10.2', '1998.24', '98.394', '500 (all at once, request rate inf)', '675.11', '14385.69', '36234.76', '41.35 (mean TPOT; mean ITL 43.61)', 'offline', 'gpt-oss-120b/h100.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "Other Benchmark Cases" / random 2K input (markdown line 429); serving command: vllm serve openai/gpt-oss-120b --max-model-len 32768; weights: openai/gpt-oss-120b release checkpoint (MXFP4 MoE experts, BF16 elsewhere); KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name random --random-input-len 2000 --random-output-len 100 --num-prompts 500 --seed 42 (doc command pattern; range ratio default, no --ignore-eos): nominal 2000/100; actual mean input 1998.24 (999120/500), actual mean output 98.394 (49197/500) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 675.11 and total tokens/s 14385.69 as printed for one engine instance of 1 GPU(s); per-accelerator = output / 1 (derived); doc header says "2 x NVIDIA H100 SXM" but runs use TP1, TP2, PP2 and TP4; num_accelerators = the run\'s TP x PP'),
 ('GPUSTACK-041', 'gpt-oss-120b', 'H100', 1, 1, 1, 1, 1, 'MXFP4', 'vLLM', 'v0.10.2', '127.755', '4', '1000 (all at once, request rate inf)', '517.91', '17059.15', '4850.46', '304.80 (mean TPOT; mean ITL 467.00)', 'offline', 'gpt-oss-120b/h100.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "Other Benchmark Cases" / random 128 input (markdown line 452); serving command: vllm serve openai/gpt-oss-120b --max-model-len 32768; weights: openai/gpt-oss-120b release checkpoint (MXFP4 MoE experts, BF16 elsewhere); KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name random --random-input-len 128 --random-output-len 4 --num-prompts 1000 --seed 42 (doc command pattern; range ratio default, no --ignore-eos): nominal 128/4; actual mean input 127.755 (127755/1000), actual mean output 4 (4000/1000) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 517.91 and total tokens/s 17059.15 as printed for one engine instance of 1 GPU(s); per-accelerator = output / 1 (derived); doc header says "2 x NVIDIA H100 SXM" but runs use TP1, TP2, PP2 and TP4; num_accelerators = the run\'s TP x PP'),
 ('GPUSTACK-042', 'gpt-oss-120b', 'H100', 1, 1, 1, 1, 1, 'MXFP4', 'vLLM', 'v0.10.2', '229.46', '216.91', '4', '453.04', '932.29', '49.00', '8.31 (mean TPOT; mean ITL 8.40)', 'interactive', 'gpt-oss-120b/h100.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "Other Benchmark Cases" / ShareGPT batch size 4 (markdown line 475); serving command: vllm serve openai/gpt-oss-120b --max-model-len 32768; weights: openai/gpt-oss-120b release checkpoint (MXFP4 MoE experts, BF16 elsewhere); KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name sharegpt (ShareGPT_V3_unfiltered_cleaned_split) --num-prompts 100; 100 successful requests; actual mean input 229.46 (22946/100), mean output 216.91 (21691/100) from the printed totals; columns carry the actual means; max concurrency 4 ("Maximum request concurrency: 4" in the result); output tokens/s 453.04 and total tokens/s 932.29 as printed for one engine instance of 1 GPU(s); per-accelerator = output / 1 (derived); doc header says "2 x NVIDIA H100 SXM" but runs use TP1, TP2, PP2 and TP4; num_accelerators = the run\'s TP x PP'),
 ('GPUSTACK-043', 'gpt-oss-120b', 'H100', 2, 2, 1, 1, 1, 'MXFP4', 'vLLM', 'v0.10.2', '32000', '99.55', '100 (all at once, request rate inf)', '100.70', '32471.01', '48826.05', '220.32 (mean TPOT; mean ITL 228.81)', 'offline', 'gpt-oss-120b/h100.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "Other Benchmark Cases" / random 32K input (markdown line 507); serving command: vllm serve openai/gpt-oss-120b --async-scheduling -tp 2; weights: openai/gpt-oss-120b release checkpoint (MXFP4 MoE experts, BF16 elsewhere); KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name random --random-input-len 32000 --random-output-len 100 --num-prompts 100 --seed 42 (doc command pattern; range ratio default, no --ignore-eos): nominal 32000/100; actual mean input 32000 (3200000/100), actual mean output 99.55 (9955/100) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 100.7 and total tokens/s 32471.01 as printed for one engine instance of 2 GPU(s); per-accelerator = output / 2 (derived); doc header says "2 x NVIDIA H100 SXM" but runs use TP1, TP2, PP2 and TP4; num_accelerators = the run\'s TP x PP'),
 ('GPUSTACK-044', 'gpt-oss-120b', 'H100', 2, 2, 1, 1, 1, 'MXFP4', 'vLLM', 'v0.10.2', '3998.5', '136.092', '500 (all at once, request rate inf)', '1135.29', '34491.13', '29487.34', '164.73 (mean TPOT; mean ITL 171.11)', 'offline', 'gpt-oss-120b/h100.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "Other Benchmark Cases" / random 4K input (markdown line 530); serving command: vllm serve openai/gpt-oss-120b --async-scheduling -tp 2; weights: openai/gpt-oss-120b release checkpoint (MXFP4 MoE experts, BF16 elsewhere); KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name random --random-input-len 4000 --random-output-len 200 --num-prompts 500 --seed 42 (doc command pattern; range ratio default, no --ignore-eos): nominal 4000/200; actual mean input 3998.5 (1999249/500), actual mean output 136.092 (68046/500) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 1135.29 and total tokens/s 34491.13 as printed for one engine instance of 2 GPU(s); per-accelerator = output / 2 (derived); doc header says "2 x NVIDIA H100 SXM" but runs use TP1, TP2, PP2 and TP4; num_accelerators = the run\'s TP x PP'),
 ('GPUSTACK-045', 'gpt-oss-120b', 'H100', 2, 2, 1, 1, 1, 'MXFP4', 'vLLM', 'v0.10.2', '1998.24', '98.118', '500 (all at once, request rate inf)', '1595.22', '34083.02', '15291.77', '139.32 (mean TPOT; mean ITL 147.37)', 'offline', 'gpt-oss-120b/h100.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "Other Benchmark Cases" / random 2K input (markdown line 553); serving command: vllm serve openai/gpt-oss-120b --async-scheduling -tp 2; weights: openai/gpt-oss-120b release checkpoint (MXFP4 MoE experts, BF16 elsewhere); KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name random --random-input-len 2000 --random-output-len 100 --num-prompts 500 --seed 42 (doc command pattern; range ratio default, no --ignore-eos): nominal 2000/100; actual mean input 1998.24 (999120/500), actual mean output 98.118 (49059/500) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 1595.22 and total tokens/s 34083.02 as printed for one engine instance of 2 GPU(s); per-accelerator = output / 2 (derived); doc header says "2 x NVIDIA H100 SXM" but runs use TP1, TP2, PP2 and TP4; num_accelerators = the run\'s TP x PP'),
 ('GPUSTACK-046', 'gpt-oss-120b', 'H100', 2, 2, 1, 1, 1, 'MXFP4', 'vLLM', 'v0.10.2', '127.755', '4', '1000 (all at once, request rate inf)', '956.85', '31517.47', '2800.15', '183.05 (mean TPOT; mean ITL 274.85)', 'offline', 'gpt-oss-120b/h100.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "Other Benchmark Cases" / random 128 input (markdown line 576); serving command: vllm serve openai/gpt-oss-120b --async-scheduling -tp 2; weights: openai/gpt-oss-120b release checkpoint (MXFP4 MoE experts, BF16 elsewhere); KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name random --random-input-len 128 --random-output-len 4 --num-prompts 1000 --seed 42 (doc command pattern; range ratio default, no --ignore-eos): nominal 128/4; actual mean input 127.755 (127755/1000), actual mean output 4 (4000/1000) from the printed totals; columns carry the actual means; request rate inf, no max concurrency: every request issued at once (burst, maximum-throughput style); no warm-up stated; output tokens/s 956.85 and total tokens/s 31517.47 as printed for one engine instance of 2 GPU(s); per-accelerator = output / 2 (derived); doc header says "2 x NVIDIA H100 SXM" but runs use TP1, TP2, PP2 and TP4; num_accelerators = the run\'s TP x PP'),
 ('GPUSTACK-047', 'gpt-oss-120b', 'H100', 2, 2, 1, 1, 1, 'MXFP4', 'vLLM', 'v0.10.2', '229.46', '216.91', '4', '645.55', '1328.44', '37.51', '5.75 (mean TPOT; mean ITL 5.89)', 'interactive', 'gpt-oss-120b/h100.md', '2025-10-15 (file first committed; text as of commit 1f37f1b, 2026-01-06)', 'GPUStack performance lab, section "Other Benchmark Cases" / ShareGPT batch size 4 (markdown line 599); serving command: vllm serve openai/gpt-oss-120b --async-scheduling -tp 2; weights: openai/gpt-oss-120b release checkpoint (MXFP4 MoE experts, BF16 elsewhere); KV: BF16 inferred (no --kv-cache-dtype / KV dtype flag in the command; engine default auto = model activation dtype); vllm bench serve --dataset-name sharegpt (ShareGPT_V3_unfiltered_cleaned_split) --num-prompts 100; 100 successful requests; actual mean input 229.46 (22946/100), mean output 216.91 (21691/100) from the printed totals; columns carry the actual means; max concurrency 4 ("Maximum request concurrency: 4" in the result); output tokens/s 645.55 and total tokens/s 1328.44 as printed for one engine instance of 2 GPU(s); per-accelerator = output / 2 (derived); doc header says "2 x NVIDIA H100 SXM" but runs use TP1, TP2, PP2 and TP4; num_accelerators = the run\'s TP x PP'),
]
GS_TITLE = {"qwen3-235b-a22b/h100.md": "GPUStack Performance Lab: Optimizing Qwen3-235B-A22B Throughput on NVIDIA H100 GPUs",
            "deepseek-r1/h200.md": "GPUStack Performance Lab: Optimizing DeepSeek-R1 Throughput on NVIDIA H200 GPUs",
            "gpt-oss-120b/h100.md": "GPUStack Performance Lab: Optimizing GPT-OSS-120B Throughput on NVIDIA H100 GPUs"}
for (i, model, acc, n, tp, ep, pp, dp, pw, fw, fwv, isl, osl, conc, out, total, ttft, tpot, scen, page, date, notes) in gpustack:
    add(i, model, acc, n, tp=tp, ep=ep, pp=pp, dp=dp, pw=pw,
        pkv="not stated (BF16 default: no KV dtype flag in the serving command)", fw=fw, fwv=fwv, isl=isl, osl=osl,
        conc=conc, out_total=float(out), total_tok=float(total), ttft=ttft, tpot=tpot, scen=scen, url=UGS + page,
        title=GS_TITLE[page], date=date, notes=notes)
    rows[-1]["output_tokens_per_s_total"], rows[-1]["total_tokens_per_s"] = out, total  # as printed


# Sixth round of data (README §1, §8): SemiAnalysis InferenceX, DeepSeek-R1-0528 on one node, no MTP, not
# disaggregated: the rows of inferencex_dsr1.json (extract_inferencex.py, from the dashboard's copy of InferenceX's
# API answer). Every figure is the fixture's; the lengths are the mean of the benchmark's uniform draw from
# int(0.8 L) to L (--random-range-ratio 0.8, --ignore-eos), derived and labelled so.
from decimal import Decimal, ROUND_HALF_UP
IX = json.load(open(os.path.join(os.path.dirname(__file__), "inferencex_dsr1.json")))
IX_URL = "https://github.com/vngcloud/InferenceX-app/blob/7fe6d62/packages/app/cypress/fixtures/api/benchmarks.json"
IX_WEIGHTS = {("fp8", "nvidia"): "FP8 (deepseek-ai/DeepSeek-R1-0528, block-scaled FP8)",
              ("fp8", "amd"): "FP8 (deepseek-ai/DeepSeek-R1-0528, block-scaled FP8)",
              ("fp4", "nvidia"): "FP4 (NVFP4: nvidia/DeepSeek-R1-0528-FP4)",
              ("fp4", "amd"): "MXFP4 (amd/DeepSeek-R1-0528-MXFP4-Preview)"}
# The day each serving script began to set an FP8 KV cache (SemiAnalysisAI/InferenceX history; README §8); a run on
# that day is the run the commit's perf-changelog entry triggered. SGLang on H200 sets none.
IX_KV8_FROM = {("b200", "sglang"): "2025-01-01", ("b300", "sglang"): "2025-01-01", ("b200", "trt"): "2025-01-01",
               ("h200", "trt"): "2025-01-01", ("mi355x", "atom"): "2025-01-01",
               ("mi300x", "sglang", "fp8"): "2026-01-22", ("mi325x", "sglang", "fp8"): "2026-01-22",
               ("mi355x", "sglang", "fp4"): "2025-12-16", ("mi355x", "sglang", "fp8"): "2026-03-05"}
IX_FW = {"sglang": "SGLang", "trt": "TensorRT-LLM (trtllm-serve)", "atom": "ATOM"}
def ix_mean(L):
    lo = int(Decimal(L) * Decimal("0.8"))
    return (Decimal(lo + int(L)) / 2).quantize(Decimal(1), rounding=ROUND_HALF_UP)
for k, x in enumerate(IX["rows"]):
    hw, fw, prec = x["hardware"], x["framework"], x["precision"]
    acc = hw.upper()
    tp, ep, dpa = int(x["decode_tp"]), int(x["decode_ep"]), x["decode_dp_attention"]
    vendor = VENDOR[acc]
    since = IX_KV8_FROM.get((hw, fw, prec)) or IX_KV8_FROM.get((hw, fw))
    if since and x["date"] >= since:
        pkv = "FP8 (the serving script of the run's date sets an FP8 KV cache)"
    else:
        pkv = "BF16 (the serving script of the run's date sets no KV dtype: the engine's default)"
    isl, osl = ix_mean(x["isl"]), ix_mean(x["osl"])
    per = x["output_tput_per_gpu"]
    layout_tp, layout_ep, layout_dp = (1, tp, tp) if dpa else (tp, ep, 1)
    notes = ("InferenceX fixture row (hardware %s, framework %s, precision %s, decode_tp %s, decode_ep %s, "
             "decode_dp_attention %s, isl %s, osl %s, conc %s, image %s, run %s); benchmark_serving.py --dataset-name random "
             "--random-range-ratio 0.8 --ignore-eos --request-rate inf --max-concurrency %s --num-prompts %d; "
             "lengths: mean of the uniform draw int(0.8 L)..L (derived): %s / %s; output_tput_per_gpu %s a GPU over %d GPUs, "
             "total = per GPU x %d (derived); total tokens/s a GPU %s; mean TTFT %s s, mean TPOT %s s, mean E2E %s s"
             % (hw, fw, prec, x["decode_tp"], x["decode_ep"], dpa, x["isl"], x["osl"], x["conc"], x["image"], x["run_url"],
                x["conc"], 10 * int(x["conc"]), isl, osl, per, tp, tp, x["tput_per_gpu"], x["mean_ttft"], x["mean_tpot"], x["mean_e2el"]))
    total = (Decimal(per) * tp) if per else None
    add("INFX-%03d" % (k + 1), "DeepSeek-R1", acc, tp, tp=layout_tp, ep=layout_ep, pp=1, dp=layout_dp,
        pw=IX_WEIGHTS[(prec, vendor)], pkv=pkv, fw=IX_FW[fw], fwv=x["image"] or "image not stated",
        isl="%s (mean of %d..%s)" % (isl, int(Decimal(x["isl"]) * Decimal("0.8")), x["isl"]),
        osl="%s (mean of %d..%s)" % (osl, int(Decimal(x["osl"]) * Decimal("0.8")), x["osl"]),
        conc=x["conc"], scen="interactive (concurrency %s)" % x["conc"], url=IX_URL,
        title="SemiAnalysis InferenceX (dashboard API fixture), DeepSeek-R1 %s %s %s" % (hw, fw, prec),
        date=x["date"] + " (run date; fixture refreshed 2026-06-14)", notes=notes, derive=False)
    if total is not None:
        rows[-1]["output_tokens_per_s_total"] = format(total.normalize(), "f")
        rows[-1]["output_tokens_per_s_per_accelerator"] = per
    else:
        rows[-1]["total_tokens_per_s"] = format((Decimal(x["tput_per_gpu"]) * tp).normalize(), "f")
    rows[-1]["ttft_ms"] = format((Decimal(x["mean_ttft"]) * 1000).quantize(Decimal("0.01")), "f")
    rows[-1]["tpot_ms_or_itl_ms"] = format((Decimal(x["mean_tpot"]) * 1000).quantize(Decimal("0.01")), "f") + " (mean TPOT)"

# ---------------------------------------------------------------- Eighth round of data (README §1): NVIDIA NIM
# The NIM LLMs Benchmarking guide's Performance page (docs 1.0.0), the one table whose headings are legible in the
# stored copies: Llama-3.3-70b-instruct, NIM 1.8.0, 2 x H100 80G, fp8, TP2; and the concurrency-1 row of the
# 500 / 2000 table under the same headings (_build/nim_readings.md).
NIM_URL = "https://docs.nvidia.com/nim/benchmarking/llm/1.0.0/performance.md"
NIM_TITLE = "NVIDIA NIM LLMs Benchmarking (docs 1.0.0), Performance: Llama-3.3-70b-instruct, Version 1.8.0, 2 x H100 80G, fp8 TP2"
NIM_NOTE = ("columns Concurrency | TTFT (ms) | ITL (ms) | Throughput(Tokens/s); throughput = 'Total TPS per system': total "
            "output tokens over the time from the first request to the last response, warm-up and cool-down excluded "
            "(the guide's Metrics page); lengths as the table heading states (recipe: synthetic inputs of exactly ISL "
            "tokens, max_tokens = min_tokens = OSL, ignore_eos; not confirmed by the page for these rows); read from the "
            "search corpora's stored copies of the page (.md, llms.txt, rendered HTML)")
for k, (isl, osl, conc, ttft, itl, tput) in enumerate([
        (5000, 500, 1, "406.77", "18.58", 51.67), (5000, 500, 5, "546.7", "21.83", 218.48),
        (5000, 500, 25, "688.69", "38.75", 623.4), (5000, 500, 50, "834.51", "59.73", 814.37),
        (5000, 500, 100, "7996.25", "92.91", 917.26), (5000, 500, 150, "34794.22", "92.86", 920.9),
        (5000, 500, 200, "61680.22", "93.06", 920.54), (5000, 500, 250, "88605.32", "93.2", 920.12),
        (500, 2000, 1, "47.77", "18.91", 52.85)]):
    add("NIM-%03d" % (k + 1), "Llama-3.3-70B", "H100", 2, tp=2, ep="", pp=1, dp=1, pw="FP8 (fp8 TP2 profile)", pkv="not stated",
        fw="NVIDIA NIM", fwv="1.8.0", isl=isl, osl=osl, conc=conc, out_total=tput, ttft=ttft, tpot=itl + " (ITL)",
        scen="interactive (concurrency %d)" % conc, url=NIM_URL, title=NIM_TITLE, date="NIM 1.8.0 (2025); docs version 1.0.0",
        notes=NIM_NOTE + ("; the 500 / 2000 table under the same GPU and precision headings, only its concurrency-1 row legible" if isl == 500 else ""))

# ---------------------------------------------------------------- Ninth round of data (README §1): Qwen's Speed Benchmark
# QwenLM/Qwen3 docs/source/getting_started/speed_benchmark.md at 7a2f61f (tables last changed in c7f51a1, 2025-05-20):
# batch 1 on NVIDIA H20 96GB, SGLang 0.4.6.post1, 2,048 generated tokens; the SGLang tables' BF16 and FP8 rows at
# input length 1. Speed = (prompt + generated tokens) / time, so output tokens/s = speed x 2048 / 2049 (derived).
QSB_URL = "https://github.com/QwenLM/Qwen3/blob/7a2f61f/docs/source/getting_started/speed_benchmark.md"
QSB_TITLE = "Qwen3 Speed Benchmark (SGLang tables): batch 1 on NVIDIA H20 96GB, 2048 generated tokens"
QSB_NOTE = ("SGLang 0.4.6.post1, PyTorch 2.6.0+cu124, mem_fraction_static 0.85, context_length 140000, enable_mixed_chunk, "
            "skip_tokenizer_init (input_ids); batch size 1, 'the minimum number of GPUs possible'; Speed (tokens/s) = "
            "(prompt tokens + generated tokens) / time: output tokens/s = speed x 2048 / 2049 (derived), the table's speed in "
            "total_tokens_per_s")
for k, (model, prec, gpus, speed) in enumerate([
        ("Qwen3-0.6B", "BF16", 1, "414.17"), ("Qwen3-0.6B", "FP8", 1, "458.03"),
        ("Qwen3-1.7B", "BF16", 1, "227.80"), ("Qwen3-1.7B", "FP8", 1, "333.90"),
        ("Qwen3-4B", "BF16", 1, "133.13"), ("Qwen3-4B", "FP8", 1, "200.61"),
        ("Qwen3-8B", "BF16", 1, "81.73"), ("Qwen3-8B", "FP8", 1, "150.25"),
        ("Qwen3-14B", "BF16", 1, "47.10"), ("Qwen3-14B", "FP8", 1, "97.11"),
        ("Qwen3-32B", "BF16", 1, "20.72"), ("Qwen3-32B", "FP8", 1, "46.17"),
        ("Qwen3-30B-A3B", "BF16", 1, "137.18"), ("Qwen3-30B-A3B", "FP8", 1, "155.55"),
        ("Qwen3-235B-A22B", "BF16", 8, "74.50"), ("Qwen3-235B-A22B", "FP8", 4, "71.65")]):
    out = float(Decimal(speed) * 2048 / 2049)
    add("QWEN-SB-%03d" % (k + 1), model, "H20", gpus, tp=gpus, ep="", pp=1, dp=1,
        pw=prec + (" (Qwen's block-wise FP8 checkpoint)" if prec == "FP8" else ""), pkv="not stated (SGLang default: the model's dtype)",
        fw="SGLang", fwv="0.4.6.post1", isl=1, osl=2048, conc=1, out_total=out, total_tok=float(speed),
        scen="offline (batch 1)", url=QSB_URL, title=QSB_TITLE, date="2025-05-20 (c7f51a1)",
        notes=QSB_NOTE + ("; TP=%d as the row's note states" % gpus if gpus > 1 else ""))

# ---------------------------------------------------------------- Tenth round of data (README §1): the SGLang cookbook
# sgl-project/sgl-cookbook docs/autoregressive/DeepSeek/DeepSeek-V3_1.md at 7b5bd9c, section 5 "Benchmark" (results added
# by 39b594c, 2026-01-20): 8 x MI300X, SGLang 0.5.7, launch_server --tp 8; bench_serving random (no range ratio),
# request rate inf, num-prompts = 5 x max-concurrency. Each block's totals: requests, total input and generated tokens,
# output token throughput, and "Concurrency" (mean requests in flight).
SGLCB_URL = "https://github.com/sgl-project/sgl-cookbook/blob/7b5bd9c/docs/autoregressive/DeepSeek/DeepSeek-V3_1.md"
SGLCB_TITLE = "SGLang cookbook: DeepSeek-V3.1 on AMD MI300X (8x), section 5 Benchmark (sglang.bench_serving result blocks)"
SGLCB_NOTE = ("SGLang 0.5.7; python -m sglang.launch_server --model-path deepseek-ai/DeepSeek-V3.1 --tp 8 (no EP, no DP attention, "
              "no MTP, no KV dtype); sglang.bench_serving --dataset-name random --random-input-len/--random-output-len "
              "(no --random-range-ratio: lengths drawn up to the nominal), --request-rate inf, --num-prompts 5 x --max-concurrency; "
              "the page names the model DeepSeek-V3.1-Terminus, its commands deepseek-ai/DeepSeek-V3.1")
for k, (scen, conc, reqs, tin, tout, tput, inflight) in enumerate([
        ("1K/1K", 1, 10, 6101, 4220, "39.72", "1.00"), ("1K/1K", 16, 80, 39668, 40805, "378.84", "13.72"),
        ("1K/1K", 100, 500, 249831, 252662, "1216.79", "91.02"),
        ("1K/8K", 1, 10, 6101, 44462, "40.52", "1.00"), ("1K/8K", 16, 80, 39668, 318306, "410.70", "13.86"),
        ("1K/8K", 64, 320, 158939, 1301025, "1056.05", "56.17"),
        ("8K/1K", 1, 10, 41941, 4220, "36.87", "1.00"), ("8K/1K", 16, 80, 300020, 41669, "256.70", "14.52"),
        ("8K/1K", 64, 320, 1273893, 170000, "601.67", "59.81")]):
    add("SGL-CB-%03d" % (k + 1), "DeepSeek-V3", "MI300X", 8, tp=8, ep="", pp=1, dp=1,
        pw="FP8 (DeepSeek-V3.1's block-scaled FP8 release)", pkv="not stated (SGLang default: the model's dtype)",
        fw="SGLang", fwv="0.5.7", isl=str(Decimal(tin) / reqs), osl=str(Decimal(tout) / reqs),
        conc="%d (max-concurrency); mean in flight %s" % (conc, inflight), out_total=float(Decimal(tput)),
        scen="online (%s, concurrency %d)" % (scen, conc), url=SGLCB_URL, title=SGLCB_TITLE, date="2026-01-20 (39b594c)",
        notes=SGLCB_NOTE + "; %d requests, %d input and %d generated tokens in all: the lengths are the means (README §8)" % (reqs, tin, tout))


# ---------------------------------------------------------------- Eleventh round of data (README §1): MLA on AMD CDNA3
# (a) dstack (new publisher, training): dstackai/benchmarks at 7f37e66 (branch deepseek-r1-benchmark),
# Deepseek-R1/raw_data/online_results.csv and offline_results.csv, behind the 2025-03-18 post "DeepSeek R1 inference
# performance: MI300X vs. H200". Only the MI300X rows (README §1's rule); the H200 rows and the prefix-cached
# (generated-shared-prefix) runs are not taken. Online: bench_serving random, --random-range-ratio 1 (fixed lengths),
# 500 prompts, request rate inf; each row's totals, output_throughput and "concurrency" (mean in flight). Offline:
# vLLM's benchmark_throughput.py (SGLang added by dstack), --num-prompts = the batch; output tokens/s = the row's
# total_output_tokens / elapsed_time (its tokens_per_second counts input tokens too).
DSTACK_URL = "https://github.com/dstackai/benchmarks/blob/7f37e6697725e58dd09b9ef190b62ce19f01d45e/Deepseek-R1/raw_data/%s"
DSTACK_TITLE = "dstack: DeepSeek R1 inference performance, MI300X vs. H200 (raw bench_serving and benchmark_throughput results)"
DSTACK_FW = {"vllm": ("vLLM (ROCm)", "rocm/vllm-dev:vllm-ds3-staging-0217 (0.7.3.dev)",
                      "vllm serve deepseek-ai/DeepSeek-R1 --tensor-parallel-size 8 --trust-remote-code --max-model-len 32768 "
                      "(VLLM_FP8_PADDING=0, VLLM_USE_TRITON_FLASH_ATTN=0)"),
             "sglang": ("SGLang (ROCm)", "rocm/sglang-staging:20250212 (0.4.2.post4)",
                        "python3 -m sglang.launch_server --model-path deepseek-ai/DeepSeek-R1 --tp 8 --trust-remote-code")}
k = 0
for be, conc, reqs, tin, tout, tput, inflight in [
        ("vllm", 128, 500, 1600000, 400000, "914.7383228", "125.0837618"),
        ("vllm", 64, 500, 1600000, 400000, "671.838344", "62.59021352"),
        ("vllm", 32, 500, 1600000, 400000, "442.5765074", "31.3098738"),
        ("vllm", 16, 500, 1600000, 400000, "258.1444835", "15.70244736"),
        ("vllm", 8, 500, 1600000, 400000, "148.1944755", "7.943267089"),
        ("vllm", 4, 500, 1600000, 400000, "83.82220831", "3.999924814"),
        ("sglang", 4, 500, 1600000, 400000, "108.2544255", "3.999887051"),
        ("sglang", 8, 500, 1600000, 400000, "190.1142609", "7.943774509"),
        ("sglang", 16, 500, 1600000, 400000, "300.9758512", "15.73186432"),
        ("sglang", 32, 500, 1600000, 400000, "455.822034", "31.35930938"),
        ("sglang", 64, 500, 1600000, 400000, "612.3397485", "62.60922186"),
        ("sglang", 128, 500, 1600000, 400000, "737.1179253", "125.0876194"),
        ("sglang", 128, 500, 1600000, 1600000, "957.6705109", "125.0354764"),
        ("sglang", 128, 500, 1600000, 800000, "890.373678", "125.0478206"),
        ("sglang", 128, 499, 1596800, 3193600, "858.3642784", "122.9529504"),
        ("vllm", 128, 500, 1600000, 800000, "1072.745416", "125.0725413"),
        ("vllm", 128, 500, 1600000, 1600000, "1136.594962", "125.0467734"),
        ("vllm", 128, 500, 1600000, 3200000, "948.6111303", "125.5495006")]:
    k += 1
    fw, fwv, launch = DSTACK_FW[be]
    isl, osl = Decimal(tin) / reqs, Decimal(tout) / reqs
    add("DSTACK-%03d" % k, "DeepSeek-R1", "MI300X", 8, tp=8, ep="", pp=1, dp=1,
        pw="FP8 (DeepSeek-R1's block-scaled FP8 release)", pkv="not stated (the model's dtype: no KV dtype flag)",
        fw=fw, fwv=fwv, isl=str(isl), osl=str(osl),
        conc="%d (max-concurrency); mean in flight %s" % (conc, inflight), out_total=float(Decimal(tput)),
        scen="online (%d/%d, concurrency %d)" % (isl, osl, conc), url=DSTACK_URL % "online_results.csv", title=DSTACK_TITLE,
        date="2025-03-18 (7f37e66)",
        notes=launch + "; bench_serving --dataset-name random --random-range-ratio 1 --num-prompts 500 --max-concurrency %d; "
              "%d requests, %d input and %d generated tokens in all (README §8)" % (conc, reqs, tin, tout))
for be, batch, tin, tout, secs in [
        ("vllm", 1024, 3276800, 819200, "755.7529773"), ("vllm", 512, 1638400, 409600, "376.5443939"),
        ("vllm", 256, 819200, 204800, "187.5629417"), ("vllm", 128, 409600, 102400, "110.4265853"),
        ("vllm", 64, 204800, 51200, "74.39861901"), ("vllm", 32, 102400, 25600, "56.60333672"),
        ("vllm", 32, 102400, 51200, "106.6691427"), ("vllm", 64, 204800, 102400, "134.0326467"),
        ("vllm", 128, 409600, 204800, "186.3907014"), ("vllm", 256, 819200, 409600, "337.2495072"),
        ("vllm", 512, 1638400, 819200, "677.4777513"), ("vllm", 1024, 3276800, 1638400, "1356.931249"),
        ("sglang", 32, 102400, 25600, "70.52596503"), ("sglang", 64, 204800, 51200, "98.56670938"),
        ("sglang", 128, 409600, 102400, "153.8700992"), ("sglang", 256, 819200, 204800, "237.7561217"),
        ("sglang", 512, 1638400, 409600, "521.9531262"), ("sglang", 1024, 3276800, 819200, "1070.26106"),
        ("sglang", 32, 102400, 51200, "115.8305351"), ("sglang", 64, 204800, 102400, "158.1182626"),
        ("sglang", 128, 409600, 204800, "243.3420133"), ("sglang", 256, 819200, 409600, "450.207134"),
        ("sglang", 512, 1638400, 819200, "828.9745548"), ("sglang", 1024, 3276800, 1638400, "1545.53858"),
        ("sglang", 256, 819200, 819200, "846.632748"), ("sglang", 512, 1638400, 1638400, "1528.6886"),
        ("sglang", 1024, 3276800, 3276800, "3158.724304"), ("vllm", 256, 819200, 819200, "744.9976375"),
        ("vllm", 512, 1638400, 1638400, "1446.375532"), ("vllm", 1024, 3276800, 3276800, "2698.302436")]:
    k += 1
    fw, fwv, _ = DSTACK_FW[be]
    add("DSTACK-%03d" % k, "DeepSeek-R1", "MI300X", 8, tp=8, ep="", pp=1, dp=1,
        pw="FP8 (DeepSeek-R1's block-scaled FP8 release)", pkv="not stated (the model's dtype: no KV dtype flag)",
        fw=fw, fwv=fwv, isl=str(tin // batch), osl=str(tout // batch), conc=str(batch),
        out_total=float(Decimal(tout) / Decimal(secs)),
        scen="offline (%d/%d, %d prompts)" % (tin // batch, tout // batch, batch), url=DSTACK_URL % "offline_results.csv",
        title=DSTACK_TITLE, date="2025-03-18 (7f37e66)",
        notes="benchmark_throughput.py --backend %s --tensor-parallel-size=8 --max-model-len=32768 --num-prompts=%d "
              "(dstack's 'batch size'); output tokens/s = total_output_tokens %d / elapsed_time %s s (the row's tokens_per_second "
              "counts input tokens too; README §8)" % (be, batch, tout, secs))
# (b) The SGLang cookbook's other AMD pages (SGL-CB, training): DeepSeek-V3 (sgl-cookbook 52f879b,
# docs/autoregressive/DeepSeek/DeepSeek-V3.md, "5.1.2 Throughput-Sensitive Benchmark": --tp 8 --ep 8 --dp 8
# --enable-dp-attention; bench_serving with no --dataset-name: ShareGPT) and Kimi K2 (pull request #133's branch at
# 80edcb5, docs/autoregressive/Moonshotai/Kimi-K2.md, MI300X section: --tp 8, SGLANG_ROCM_FUSED_DECODE_MLA=0; random
# 1000/1000 with no range ratio). The speculative-decoding block of the DeepSeek-V3 page is not taken.
add("SGL-CB-010", "DeepSeek-V3", "MI300X", 8, tp=1, ep=8, pp=1, dp=8,
    pw="FP8 (DeepSeek-V3's block-scaled FP8 release)", pkv="not stated (SGLang default: the model's dtype)",
    fw="SGLang", fwv="0.5.7", isl=str(Decimal(301701) / 1000), osl=str(Decimal(188375) / 1000),
    conc="100 (max-concurrency); mean in flight 87.53", out_total=463.80,
    scen="online (ShareGPT, concurrency 100)",
    url="https://github.com/sgl-project/sgl-cookbook/blob/52f879b3029fa8c642f16f59d80c97062ddf7a3a/docs/autoregressive/DeepSeek/DeepSeek-V3.md",
    title="SGLang cookbook: DeepSeek-V3 on AMD MI300X (8x), 5.1.2 Throughput-Sensitive Benchmark (sglang.bench_serving result block)",
    date="2026-01-14 (52f879b)",
    notes="SGLang 0.5.7; python3 -m sglang.launch_server --model-path deepseek-ai/DeepSeek-V3 --tp 8 --ep 8 --dp 8 --enable-dp-attention "
          "(attention data parallel, experts over 8); sglang.bench_serving with no --dataset-name (ShareGPT), --num-prompts 1000 "
          "--max-concurrency 100; 1000 requests, 301701 input and 188375 generated tokens in all: the lengths are the means (README §8)")
for k, (conc, reqs, tin, tout, tput, inflight) in enumerate([
        (1, 10, 6101, 4220, "42.51", "1.00"), (16, 80, 49668, 40805, "298.41", "14.74"),
        (100, 500, 249841, 252662, "1214.49", "89.14")]):
    add("SGL-CB-%03d" % (11 + k), "Kimi-K2", "MI300X", 8, tp=8, ep="", pp=1, dp=1,
        pw="FP8 (Kimi K2's block-scaled FP8 release)", pkv="not stated (SGLang default: the model's dtype)",
        fw="SGLang", fwv="0.5.7 (lmsysorg/sglang:v0.5.7-rocm700-mi30x)", isl=str(Decimal(tin) / reqs), osl=str(Decimal(tout) / reqs),
        conc="%d (max-concurrency); mean in flight %s" % (conc, inflight), out_total=float(Decimal(tput)),
        scen="online (1K/1K, concurrency %d)" % conc,
        url="https://github.com/sgl-project/sgl-cookbook/blob/80edcb55153577b8cb00dfe1232e97ab11a69883/docs/autoregressive/Moonshotai/Kimi-K2.md",
        title="SGLang cookbook pull request #133 (AMD): Kimi-K2-Instruct on AMD MI300X (8x), section 5.1 (sglang.bench_serving result blocks)",
        date="2026-01-31 (24bcf72; unchanged to 80edcb5, 2026-03-03)",
        notes="SGLang 0.5.7; SGLANG_ROCM_FUSED_DECODE_MLA=0 python3 -m sglang.launch_server --model-path moonshotai/Kimi-K2-Instruct --tp 8; "
              "sglang.bench_serving --dataset-name random --random-input-len 1000 --random-output-len 1000 (no --random-range-ratio), "
              "--request-rate inf, --num-prompts %d --max-concurrency %d; the merged page (683f138) dropped the MI300X section, "
              "no reason given; %d requests, %d input and %d generated tokens in all: the lengths are the means (README §8)" % (reqs, conc, reqs, tin, tout))
# (c) AMD's ROCm blog "Accelerate DeepSeek-R1 Inference: Integrate AITER into SGLang" (AITERB, training; 2025-05-16;
# ROCm/rocm-blogs 1d2e96a, blogs/artificial-intelligence/aiter-intergration-s/README.md): sglang.bench_one_batch
# --batch-size 64 --input 512 --output 32 --tp 8 --quantization fp8 on 8 MI300X, before and after AITER. A static
# batch: output tokens/s = 64 x 32 / the printed total latency (its throughput counts input tokens too).
for k, (what, total) in enumerate([("before AITER", "4.748"), ("after AITER (AITER_MOE=1)", "2.379")]):
    add("AITERB-%03d" % (k + 1), "DeepSeek-R1", "MI300X", 8, tp=8, ep="", pp=1, dp=1,
        pw="FP8 (DeepSeek-R1's block-scaled FP8 release; --quantization fp8)", pkv="not stated (SGLang default: the model's dtype)",
        fw="SGLang", fwv="0.4.4 (the blog's branch aiter_customer_v0.4.4)", isl="512", osl="32", conc="64",
        out_total=float(Decimal(64 * 32) / Decimal(total)),
        scen="offline (static batch 64, %s)" % what,
        url="https://github.com/ROCm/rocm-blogs/blob/1d2e96af77a9aafc7809ae70762924c65ffa95a9/blogs/artificial-intelligence/aiter-intergration-s/README.md",
        title="ROCm blog: Accelerate DeepSeek-R1 Inference: Integrate AITER into SGLang (MI300X Before / After)",
        date="2025-05-16",
        notes="sglang.bench_one_batch --batch-size 64 --input 512 --output 32 --tp 8 --quantization fp8 (%s); 'Total. latency: %s s'; "
              "output tokens/s = 64 x 32 / %s s (README §8)" % (what, total, total))


# ---------------------------------------------------------------- Twelfth round of data (README §1): gpt-oss for training
# Typed by README §8's rules (the twelfth round's readings there) before any estimate of these rows was computed.
# (a) The SGLang cookbook's GPT-OSS page (SGL-CB, training): 8 x B200, SGLang 0.5.6, `--tp 8`, bench_serving on
# ShareGPT (its default dataset), request rate inf; the blocks print totals and the mean in flight.
GO_CB_URL = "https://github.com/sgl-project/sgl-cookbook/blob/7b5bd9c05e3d86da5161ac2be9b91c19a34bf49d/docs/autoregressive/OpenAI/GPT-OSS.md"
for k, (sec, lines, conc, reqs, tin, tout, tput, inflight) in enumerate([
        ("5.1.1 Latency-Sensitive Benchmark", "L411-L477", 1, 100, 33178, 21251, "405.93", "1.00"),
        ("5.1.2 Throughput-Sensitive Benchmark", "L480-L537", 100, 1000, 297156, 192432, "7773.26", "89.23")]):
    add("SGL-CB-%03d" % (14 + k), "gpt-oss-120b", "B200", 8, tp=8, ep="", pp=1, dp=1,
        pw="MXFP4 experts (the released openai/gpt-oss-120b), BF16 other", pkv="not stated (SGLang default: auto)",
        fw="SGLang", fwv="0.5.6", isl=str(Decimal(tin) / reqs), osl=str(Decimal(tout) / reqs),
        conc="%d (max-concurrency); mean in flight %s" % (conc, inflight), out_total=float(Decimal(tput)),
        scen="online (ShareGPT, concurrency %d)" % conc, url=GO_CB_URL + "#" + lines,
        title="SGLang cookbook: GPT-OSS on NVIDIA B200 (8x), " + sec + " (sglang.bench_serving result block)",
        date="2025-12-15 (806d159)",
        notes="python -m sglang.launch_server --model openai/gpt-oss-120b --tp 8; python3 -m sglang.bench_serving --backend sglang "
              "--num-prompt %d --max-concurrency %d (ShareGPT, the default dataset; request rate inf); %d requests, %d input and %d "
              "generated tokens in all: the lengths are the means (README §8)" % (reqs, conc, reqs, tin, tout))
# (b) The LMSYS blog "SGLang for gpt-oss: From Day 0 Support to Enhanced Performance" (LMSYS-GO, training; 2025-08-27):
# its table "Low-Latency Performance (Batch Size = 1)", single-batch decode throughput of sglang.bench_one_batch_server
# (batch 1, 1,024 input and 512 output tokens; the figure leaves the prefill out: a decode-pool row, README §8), on 8 H100
# (TP8, triton attention) and 4 B200 (TP4), in MXFP4 and BF16 (lmsys/gpt-oss-120b-bf16).
GO_LM_URL = ("https://github.com/lm-sys/lm-sys.github.io/blob/03d9c09220efbab643f4cf898a839c2f672e5c04/blog/2025-08-27-gpt-oss.md#L39-L45; "
             "commands: https://github.com/sgl-project/sglang/blob/1dc322ca15c48c959c2a84a9fc6421897973789a/benchmark/gpt_oss/README.md#L1-L38")
for k, (acc, n, pw, model, tput) in enumerate([
        ("H100", 8, "MXFP4 experts (openai/gpt-oss-120b)", "openai/gpt-oss-120b --tp 8 --attention-backend triton", "318.53"),
        ("H100", 8, "BF16 (lmsys/gpt-oss-120b-bf16, dequantized)", "lmsys/gpt-oss-120b-bf16 --tp 8 --attention-backend triton", "293.12"),
        ("B200", 4, "MXFP4 experts (openai/gpt-oss-120b)", "openai/gpt-oss-120b --tp 4", "416.02"),
        ("B200", 4, "BF16 (lmsys/gpt-oss-120b-bf16, dequantized)", "lmsys/gpt-oss-120b-bf16 --tp 4", "315.63")]):
    add("LMSYS-GO-%03d" % (k + 1), "gpt-oss-120b", acc, n, tp=n, ep="", pp=1, dp=1, pw=pw,
        pkv="not stated (SGLang default: auto)", fw="SGLang", fwv="v0.5.1.post3 (the benchmark README's checkout)",
        isl="1024", osl="512 (decode-only: single-batch decode throughput)", conc="1 (batch size 1)", out_total=float(Decimal(tput)),
        scen="decode (single batch, bench_one_batch_server)", url=GO_LM_URL,
        title="LMSYS blog: SGLang for gpt-oss: From Day 0 Support to Enhanced Performance (Low-Latency Performance, Batch Size = 1)",
        date="2025-08-27",
        notes="python3 -m sglang.launch_server --model %s; python3 -m sglang.bench_one_batch_server --batch-size 1 --input-len 1024 "
              "--output-len 512 --show-report; the table prints single-batch decode throughput (the prefill left out); the GitHub copy "
              "is a draft revision with re-check markers, the published translations print the same figures; the H100's form is not "
              "stated, an 8-GPU TP8 node read as SXM (HGX)" % model)
# (c) SGLang pull request 9359 "Support DP attention with GPT-OSS" (SGLPR-GO, training; 2025-08-19; its description, not a
# commit): 4 x B200, data-parallel attention 4 and expert parallel 4, random 1,024 / 2,048 tokens at range ratio 1,
# 12,800 prompts at max concurrency 2,560.
add("SGLPR-GO-001", "gpt-oss-120b", "B200", 4, tp=1, ep=4, pp=1, dp=4, pw="MXFP4 experts (openai/gpt-oss-120b)",
    pkv="not stated (SGLang default: auto)", fw="SGLang", fwv="main at pull request 9359 (2025-08-19)",
    isl="1024", osl="2048", conc="2560 (max-concurrency; --max-running-requests 2560)", out_total=66941.40,
    scen="online (random 1024/2048, range ratio 1, concurrency 2560)", url="https://github.com/sgl-project/sglang/pull/9359",
    title="sgl-project/sglang pull request 9359: Support DP attention with GPT-OSS (description)", date="2025-08-19",
    notes="python3 -m sglang.launch_server --model openai/gpt-oss-120b --disable-radix-cache --attention-backend trtllm_mha --tp 4 "
          "--ep 4 --enable-dp-attention --dp 4 --enable-dp-lm-head --stream-interval 10 --mem-fraction-static 0.9 "
          "--cuda-graph-max-bs 640 --max-running-requests 2560; python3 -m sglang.bench_serving --backend sglang --dataset-name random "
          "--num-prompt 12800 --random-input 1024 --random-output 2048 --random-range-ratio 1 --max-concurrency 2560; 'Successful "
          "requests: 12800', 'Total generated tokens: 26214400', 'Output token throughput (tok/s): 66941.40'; a pull request's "
          "description (no commit to pin)")
# (d) vLLM pull request 23696 "[Kernel][B200] mxfp4 fused cutlass moe" (VLLMPR-GO, training; 2025-08; its description's
# "FlashInfer:" block): 8 x B200, TP8, vllm bench serve on ShareGPT, 1,000 prompts at request rate inf (all at once).
add("VLLMPR-GO-001", "gpt-oss-120b", "B200", 8, tp=8, ep="", pp=1, dp=1, pw="MXFP4 experts (gpt-oss-120b)",
    pkv="not stated (vLLM default: auto)", fw="vLLM", fwv="main at pull request 23696 (2025-08)",
    isl=str(Decimal(215312) / 1000), osl=str(Decimal(197144) / 1000), conc="1000 (all at once: request rate inf, no max-concurrency)",
    out_total=7404.72, ttft="3449.17", tpot="94.12", scen="online (ShareGPT, 1000 prompts at once)",
    url="https://github.com/vllm-project/vllm/pull/23696",
    title="vllm-project/vllm pull request 23696: [Kernel][B200] mxfp4 fused cutlass moe (description, FlashInfer block)", date="2025-08",
    notes="vllm serve gpt-oss-120b --max-model-len 32768 -tp 8; vllm bench serve --backend vllm --model gpt-oss-120b --dataset-name "
          "sharegpt; 'Successful requests: 1000', 'Total input tokens: 215312', 'Total generated tokens: 197144', 'Output token "
          "throughput (tok/s): 7404.72'; the lengths are the means (README §8); a pull request's description (no commit to pin)")

# ---------------------------------------------------------------- Fifteenth round of data (README §1): current-generation MoE
# Typed by README §8's rules (the tenth round's readings for the SGLang cookbook) before any estimate of these rows was
# computed. (a) The SGLang cookbook's DeepSeek-R1 and Qwen3 pages (SGL-CB, training): 8 x B200, `launch_server --tp 8`
# (no EP, no DP attention, no MTP, no KV dtype), bench_serving --dataset-name random with no --random-range-ratio
# (lengths drawn up to the nominal), request rate inf, num-prompts 10 at concurrency 1 and 5 x C above; each block's
# totals, output token throughput and "Concurrency" (mean requests in flight). Checked against the pages at 7b5bd9c.
CB15_URL = "https://github.com/sgl-project/sgl-cookbook/blob/7b5bd9c05e3d86da5161ac2be9b91c19a34bf49d/docs/autoregressive/"
CB15_PAGES = [
    ("DeepSeek/DeepSeek-R1.md", "DeepSeek-V3", "FP8 (deepseek-ai/DeepSeek-R1-0528, block-scaled FP8)", "0.5.6.post1",
     "SGLang cookbook: DeepSeek-R1 on NVIDIA B200 (8x), 5.1 Speed Benchmark (sglang.bench_serving result blocks)",
     "2025-12-14 (82f5fec)", "python -m sglang.launch_server --model-path deepseek-ai/DeepSeek-R1-0528 --tp 8",
     [(368, "1K/1K", 1, 10, 6101, 4210, "105.24", "1.00"), (421, "1K/1K", 16, 80, 39668, 40725, "795.30", "13.93"),
      (474, "1K/1K", 100, 500, 249831, 252162, "2282.90", "92.26"), (529, "1K/8K", 1, 10, 6101, 44452, "108.07", "1.00"),
      (582, "1K/8K", 16, 80, 39668, 318226, "912.02", "14.07"), (635, "1K/8K", 64, 320, 158939, 1300705, "2207.16", "57.03"),
      (690, "8K/1K", 1, 10, 41941, 4210, "103.56", "1.00"), (743, "8K/1K", 16, 80, 300020, 41589, "733.41", "14.25"),
      (796, "8K/1K", 64, 320, 1273893, 169680, "1468.50", "59.45")]),
    ("Qwen/Qwen3.md", "Qwen3-235B-A22B", "BF16 (Qwen/Qwen3-235B-A22B-Instruct-2507)", "0.5.6",
     "SGLang cookbook: Qwen3 on NVIDIA B200 (8x), 5.1 Speed Benchmark (sglang.bench_serving result blocks)",
     "2025-12-17 (66f6b0c)", "python -m sglang.launch_server --model Qwen/Qwen3-235B-A22B-Instruct-2507 --tp 8",
     [(367, "1K/1K", 1, 10, 6101, 4210, "96.65", "1.00"), (423, "1K/1K", 16, 80, 39668, 40725, "832.04", "13.61"),
      (479, "1K/1K", 100, 500, 249831, 252162, "2738.78", "90.50"), (545, "1K/8K", 1, 10, 6101, 44452, "97.17", "1.00"),
      (601, "1K/8K", 16, 80, 39668, 318226, "935.49", "13.85"), (657, "1K/8K", 64, 320, 158939, 1300705, "2387.34", "56.35"),
      (715, "8K/1K", 1, 10, 41941, 4210, "93.94", "1.00"), (771, "8K/1K", 16, 80, 300020, 41589, "820.69", "13.90"),
      (827, "8K/1K", 64, 320, 1273893, 169680, "1790.43", "58.63")])]
_k = 16
for page, model, pw, fwv, title, date, launch, blocks in CB15_PAGES:
    for line, scen, conc, reqs, tin, tout, tput, inflight in blocks:
        add("SGL-CB-%03d" % _k, model, "B200", 8, tp=8, ep="", pp=1, dp=1, pw=pw,
            pkv="not stated (SGLang default: the model's dtype)", fw="SGLang", fwv=fwv,
            isl=str(Decimal(tin) / reqs), osl=str(Decimal(tout) / reqs),
            conc="%d (max-concurrency); mean in flight %s" % (conc, inflight), out_total=float(Decimal(tput)),
            scen="online (%s, concurrency %d)" % (scen, conc), url=CB15_URL + page + "#L%d" % line, title=title, date=date,
            notes="%s; sglang.bench_serving --dataset-name random --random-input-len/--random-output-len (no "
                  "--random-range-ratio: lengths drawn up to the nominal), --request-rate inf, --max-concurrency %d; %d requests, "
                  "%d input and %d generated tokens in all, 'Output token throughput (tok/s): %s', 'Concurrency: %s': the "
                  "lengths are the means (README §8)" % (launch, conc, reqs, tin, tout, tput, inflight))
        _k += 1
# (b) AMD's ATOM recipe for Qwen3-235B-A22B (ATOM-RCP, new publisher, training): ROCm/ATOM recipes/Qwen3-235b.md at
# fd0c735 (2026-01-14), "Performance baseline": FP8 weights and KV on 8 and 4 MI355X ("MI355" in the text, the gfx950
# image), `-tp n --enable-expert-parallel` (TPn EPn), atom.benchmarks.benchmark_serving random at range ratio 1.0 with
# --ignore-eos (fixed lengths), 4 x C prompts at max-concurrency C. The table prints total token throughput only:
# output = total x OSL / (ISL + OSL), exact for fixed lengths. Checked against the file at fd0c735.
ATOM_URL = "https://github.com/ROCm/ATOM/blob/fd0c7352ffda03408379d4300d5af304bface247/recipes/Qwen3-235b.md"
ATOM_NOTE = ("rocm/atom:rocm_7.2_preview_gfx950_latest (pulled 2026-01-07), ATOM 2f713064, AITER yadai/moe_tile_config_v1 88857df; "
             "AITER_QUICK_REDUCE_QUANTIZATION=INT4, ATOM_ENABLE_QK_NORM_ROPE_CACHE_QUANT_FUSION=1; python -m atom.entrypoints.openai_server "
             "--model Qwen/Qwen3-235B-A22B-Instruct-2507-FP8 -tp 8 --kv_cache_dtype fp8 --enable-expert-parallel --max-model-len 16384 "
             "--max-num-batched-tokens 20000 (the TP4 + EP4 column's command is not printed: the same with -tp 4, by the table's "
             "heading); benchmark_serving --dataset-name=random --random-range-ratio 1.0 --num-prompts=4 x C --max-concurrency=C "
             "--request-rate=inf --ignore-eos (concurrency_or_batch = the max-concurrency C: fixed lengths keep C in flight); the "
             "recipe's GPU is 'MI355' (gfx950), read as MI355X")
_k = 1
for isl, osl, conc, reqs, t8, t4 in [(1000, 1000, 256, 1024, "22239.78", "16506.71"), (1000, 1000, 128, 512, "14380.66", "11182.11"),
                                      (4000, 1000, 128, 512, "24632.52", "19388.74"), (4000, 1000, 64, 256, "16024.13", "13837.46"),
                                      (10000, 1000, 64, 256, "24318.56", "20015.67"), (10000, 1000, 32, 128, "15799.19", "13663.56")]:
    for n, tot in [(8, t8), (4, t4)]:
        out = Decimal(tot) * osl / (isl + osl)
        add("ATOM-RCP-%03d" % _k, "Qwen3-235B-A22B", "MI355X", n, tp=n, ep=n, pp=1, dp=1,
            pw="FP8 (Qwen/Qwen3-235B-A22B-Instruct-2507-FP8)", pkv="FP8 (--kv_cache_dtype fp8)", fw="ATOM",
            fwv="rocm/atom:rocm_7.2_preview_gfx950_latest (2026-01-07), ATOM 2f713064", isl=str(isl), osl=str(osl),
            conc=str(conc), out_total=float(out), total_tok=float(Decimal(tot)),
            scen="online (random %d/%d, range ratio 1, concurrency %d)" % (isl, osl, conc), url=ATOM_URL,
            title="ROCm/ATOM recipe: Qwen3-235B-A22B usage guide, Performance baseline (TP8 + EP8 and TP4 + EP4 on MI355)",
            date="2026-01-14 (fd0c735)",
            notes=ATOM_NOTE + "; table row '| %d | %d | %d | %d |', TP%d + EP%d 'Total Throughput' %s; output tokens/s = total x "
                  "%d / %d (derived)" % (isl, osl, conc, reqs, n, n, tot, osl, isl + osl))
        _k += 1

with open(OUT, "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=COLS); w.writeheader()
    for r in rows: w.writerow(r)
print(len(rows), "rows written")
