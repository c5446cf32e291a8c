#!/usr/bin/env python3
import csv, os
OUT = os.path.join(os.path.dirname(__file__), "..", "accelerators.csv")
COLS = ["accelerator","vendor","hbm_gb","hbm_bandwidth_tbps","dense_bf16_tflops","dense_fp8_tflops","fp4_tflops",
        "scale_up_interconnect","scale_up_bw_per_accel_gbps","scale_up_domain_size","scale_out_bw_per_accel_gbps","tdp_kw",
        "source_url","as_of","notes"]
R = []
def a(**k): R.append(k)
a(accelerator="H100",vendor="nvidia",hbm_gb="80 (GB, HBM3)",hbm_bandwidth_tbps=3.35,dense_bf16_tflops=989,dense_fp8_tflops=1979,fp4_tflops="n/a",
  scale_up_interconnect="NVLink 4 + NVSwitch",scale_up_bw_per_accel_gbps="900 GB/s bidirectional (450 each way)",scale_up_domain_size="8 (HGX/DGX node)",
  scale_out_bw_per_accel_gbps="400 Gb/s (= 50 GB/s) per GPU in DGX H100 (1 ConnectX-7 NDR per GPU) - typical, not verified here",tdp_kw=0.70,
  source_url="https://www.nvidia.com/en-us/data-center/h100/ (datasheet; values confirmed via https://lzwjava.github.io/nvidia-h200-gpu-specs-en)",as_of="2022-03",
  notes="H100 SXM5 80GB. NVIDIA lists 1,979 TF BF16 / 3,958 TF FP8 WITH sparsity; dense = half (989 / 1979).")
a(accelerator="H800",vendor="nvidia",hbm_gb="80 (GB, HBM3)",hbm_bandwidth_tbps=3.35,dense_bf16_tflops=989,dense_fp8_tflops=1979,fp4_tflops="n/a",
  scale_up_interconnect="NVLink (reduced) + NVSwitch",scale_up_bw_per_accel_gbps="400 GB/s bidirectional (export variant) - NOT verified this session",scale_up_domain_size="8",
  scale_out_bw_per_accel_gbps="DeepSeek cluster: 400 Gb/s IB per GPU - NOT verified this session",tdp_kw=0.70,
  source_url="(no source retrieved; China-export Hopper variant used by DeepSeek)",as_of="2023",
  notes="Included only because DeepSeek production/profile rows use H800; compute/HBM assumed identical to H100 SXM; treat interconnect figure as unverified.")
a(accelerator="H200",vendor="nvidia",hbm_gb="141 (GB, HBM3e)",hbm_bandwidth_tbps=4.8,dense_bf16_tflops=989,dense_fp8_tflops=1979,fp4_tflops="n/a",
  scale_up_interconnect="NVLink 4 + NVSwitch",scale_up_bw_per_accel_gbps="900 GB/s bidirectional",scale_up_domain_size="8 (HGX/DGX node)",
  scale_out_bw_per_accel_gbps="400 Gb/s per GPU (typical DGX H200) - not verified here",tdp_kw=0.70,
  source_url="https://www.nvidia.com/en-us/data-center/h200/ (values confirmed via https://lzwjava.github.io/nvidia-h200-gpu-specs-en and https://www.aiminingco.com/gpu/h200/specs)",as_of="2023-11",
  notes="H200 SXM 141GB. Same GH100 compute as H100; sparse figures halved for dense.")
a(accelerator="B200",vendor="nvidia",hbm_gb="180 (GB per GPU; DGX B200 = 1,440 GB total HBM3e); 192 GB physical per glennklockwood",hbm_bandwidth_tbps=8.0,
  dense_bf16_tflops=2250,dense_fp8_tflops=4500,fp4_tflops="9000 dense (18000 sparse)",
  scale_up_interconnect="NVLink 5 + NVSwitch",scale_up_bw_per_accel_gbps="1800 GB/s bidirectional (900 each way)",scale_up_domain_size="8 (HGX/DGX node)",
  scale_out_bw_per_accel_gbps="400 Gb/s per GPU (ConnectX-7) typical",tdp_kw=1.0,
  source_url="https://www.nvidia.com/en-us/data-center/dgx-b200/ (DGX B200: 1,440 GB, 64 TB/s, FP4 72 PF dense / FP8 72 PF sparse; summarised at https://brent-newsom-nvidia.github.io/AIPS-Boom/wiki/NVIDIA-DGX-B200); per-GPU dense table https://glennklockwood.com/garden/processors/B200",
  as_of="2024-03",
  notes="HGX/DGX B200 (SXM, 1,000 W). CONFIRMED 8 TB/s per GPU = 64 TB/s / 8 (DGX B200). Conflict: verda.com GB300 article lists B200 at 7.7 TB/s (see README). HGX B200 dense at 1,000 W per glennklockwood (from NVIDIA brief).")
a(accelerator="GB200",vendor="nvidia",hbm_gb="186 (GB per GPU as reported in MLPerf v5.1 system description; NVL72 = 13.4 TB total; 192 GB physical)",hbm_bandwidth_tbps=8.0,
  dense_bf16_tflops=2500,dense_fp8_tflops=5000,fp4_tflops="10000 dense (20000 sparse)",
  scale_up_interconnect="NVLink 5 + NVLink Switch (rack)",scale_up_bw_per_accel_gbps="1800 GB/s bidirectional (130 TB/s per 72-GPU rack)",scale_up_domain_size="72 (NVL72)",
  scale_out_bw_per_accel_gbps="400 Gb/s per GPU (ConnectX-7; MLPerf v5.1 system lists 4x CX-7 per 4-GPU tray)",tdp_kw=1.2,
  source_url="https://glennklockwood.com/garden/processors/B200 (GB200 @1,200 W table from NVIDIA Blackwell brief); https://github.com/ntuhpc/inference_results_v5.1/blob/main/closed/NVIDIA/results/GB200-NVL72_GB200-186GB_aarch64x72_TRT/README.md",
  as_of="2024-03",notes="B200 GPU in GB200 NVL72 (Grace-Blackwell, 1,200 W). 576 TB/s per rack / 72 = 8 TB/s. LMSYS GB200 blog: Grace-GPU C2C 900 GB/s bidirectional (used for weight offload).")
a(accelerator="B300",vendor="nvidia",hbm_gb="288 (GB physical; verda.com lists 270 GB usable)",hbm_bandwidth_tbps=8.0,dense_bf16_tflops=2250,dense_fp8_tflops=4500,
  fp4_tflops="13125-14000 dense (glennklockwood 13,125; verda 14 PF)",scale_up_interconnect="NVLink 5 + NVSwitch",scale_up_bw_per_accel_gbps="1800 GB/s bidirectional",
  scale_up_domain_size="8",scale_out_bw_per_accel_gbps="800 Gb/s (ConnectX-8) - not verified here",tdp_kw=1.1,
  source_url="https://glennklockwood.com/garden/processors/B300 ; https://verda.com/blog/gb300-nvl72-architecture",as_of="2025-03",
  notes="Sources disagree on bandwidth (glennklockwood 8 TB/s; verda 7.7 TB/s) and TDP (1.1 kW verda vs 1.4 kW glennklockwood for GB300-class). FP64 cut to ~1.25 TF.")
a(accelerator="GB300",vendor="nvidia",hbm_gb="288 (GB physical; 279 GB usable per verda.com)",hbm_bandwidth_tbps=8.0,dense_bf16_tflops=2500,dense_fp8_tflops=5000,
  fp4_tflops="15000 dense (verda); rack 1.08-1.1 EF dense",scale_up_interconnect="NVLink 5 + NVLink Switch (rack)",scale_up_bw_per_accel_gbps="1800 GB/s bidirectional (130 TB/s per rack)",
  scale_up_domain_size="72 (NVL72)",scale_out_bw_per_accel_gbps="800 Gb/s (ConnectX-8 per GPU)",tdp_kw=1.4,
  source_url="https://verda.com/blog/gb300-nvl72-architecture ; https://glennklockwood.com/garden/processors/B300",as_of="2025-03",
  notes="Blackwell Ultra GPU in GB300 NVL72. Rack: 20 TB HBM at 576 TB/s (glennklockwood) vs 20.7-21 TB (other pages).")
a(accelerator="A100",vendor="nvidia",hbm_gb="80 (GB, HBM2e)",hbm_bandwidth_tbps=2.039,dense_bf16_tflops=312,dense_fp8_tflops="n/a",fp4_tflops="n/a",
  scale_up_interconnect="NVLink 3 + NVSwitch",scale_up_bw_per_accel_gbps="600 GB/s bidirectional (300+300)",scale_up_domain_size="8 (HGX/DGX node)",
  scale_out_bw_per_accel_gbps="200 Gb/s HDR per GPU (DGX A100) - typical, not verified here",tdp_kw=0.40,
  source_url="https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf (via https://glennklockwood.com/garden/processors/A100 and https://www.thundercompute.com/blog/nvidia-a100-specs-full-guide)",
  as_of="2020-11",notes="A100 SXM4 80GB. No FP8 tensor cores.")
a(accelerator="L40S",vendor="nvidia",hbm_gb="48 (GB GDDR6, not HBM)",hbm_bandwidth_tbps=0.864,dense_bf16_tflops=362.05,dense_fp8_tflops=733,fp4_tflops="n/a",
  scale_up_interconnect="none (PCIe Gen4 x16 only; no NVLink)",scale_up_bw_per_accel_gbps="64 GB/s bidirectional (PCIe Gen4 x16)",scale_up_domain_size="1 (multi-GPU only over PCIe)",
  scale_out_bw_per_accel_gbps="server-dependent",tdp_kw=0.35,
  source_url="https://www.nvidia.com/en-us/data-center/l40s/ (datasheet table reproduced at https://www.mullet.se/product.html?product_id=355414)",as_of="2023-08",
  notes="Datasheet: BF16 362.05 / 733* and FP8 733 / 1,466* (* = with sparsity).")
a(accelerator="MI300X",vendor="amd",hbm_gb="192 (GB, HBM3)",hbm_bandwidth_tbps=5.3,dense_bf16_tflops=1307.4,dense_fp8_tflops=2614.9,fp4_tflops="n/a",
  scale_up_interconnect="Infinity Fabric (7 links per GPU, 8-GPU full mesh on UBB)",scale_up_bw_per_accel_gbps="not verified here (AMD quotes 128 GB/s per link x7)",scale_up_domain_size="8 (UBB node)",
  scale_out_bw_per_accel_gbps="server-dependent (typically 400 Gb/s per GPU)",tdp_kw=0.75,
  source_url="https://aiwiki.ai/wiki/amd_instinct_mi355x (MI300X: 192 GB, 5.3 TB/s, 750 W); compute same as MI325X per https://awesomeagents.ai/hardware/amd-mi325x",
  as_of="2023-12",notes="Oracle blog quotes 5.2 TB/s; AMD spec 5.3 TB/s. MLPerf lists 'MI300X-NPS1-SPX-192GB-750W'. Dense (non-sparse) compute.")
a(accelerator="MI325X",vendor="amd",hbm_gb="256 (GB, HBM3E)",hbm_bandwidth_tbps=6.0,dense_bf16_tflops=1307.4,dense_fp8_tflops=2614.9,fp4_tflops="n/a",
  scale_up_interconnect="Infinity Fabric (7 links, 8-GPU mesh)",scale_up_bw_per_accel_gbps="not verified here",scale_up_domain_size="8 (UBB node)",
  scale_out_bw_per_accel_gbps="server-dependent",tdp_kw=1.0,
  source_url="https://awesomeagents.ai/hardware/amd-mi325x ; https://wiaix.com/amd-instincttm-mi325x-accelerators",as_of="2024-10",
  notes="Same CDNA3 compute as MI300X; FP8 sparse 5,229.8.")
a(accelerator="MI355X",vendor="amd",hbm_gb="288 (GB, HBM3E)",hbm_bandwidth_tbps=8.0,dense_bf16_tflops="~2500 (AMD spec; not verified here)",dense_fp8_tflops="~5000 (AMD spec; not verified here)",
  fp4_tflops="~10000 dense MXFP4/MXFP6 (20 PF with sparsity per AMD blog)",scale_up_interconnect="Infinity Fabric (8-GPU UBB)",scale_up_bw_per_accel_gbps="not verified here",
  scale_up_domain_size="8 (UBB node)",scale_out_bw_per_accel_gbps="server-dependent",tdp_kw=1.4,
  source_url="https://boston-uk-l.azurewebsites.net/blog/2025/08/14/amd-instinct-mi355x.aspx ; https://aiwiki.ai/wiki/amd_instinct_mi355x ; https://rocm.blogs.amd.com/artificial-intelligence/mlperf-inference-v6.0/README.html",
  as_of="2025-06",notes="288 GB / 8 TB/s / 1,400 W confirmed by several pages; '10 PFLOPS FP4/FP6' (pubgpclite summary) vs 'up to 20 PF FP4' (AMD blog, likely sparse).")
a(accelerator="Gaudi2",vendor="intel",hbm_gb="96 (GB, HBM2e)",hbm_bandwidth_tbps=2.45,dense_bf16_tflops=432,dense_fp8_tflops=835,fp4_tflops="n/a",
  scale_up_interconnect="24x 100 GbE RoCE on-chip (21 used for in-node all-to-all in HLS-Gaudi2) - port split not verified",scale_up_bw_per_accel_gbps="<= 300 GB/s per direction (24x100 Gb/s)",
  scale_up_domain_size="8 (HLS node)",scale_out_bw_per_accel_gbps="3x 100 GbE (if 21/3 split)",tdp_kw=0.60,
  source_url="https://pcguia.pt/2024/04/nvidia-e-amd-tem-um-novo-rival-no-mercado-de-ia-a-intel",as_of="2022-05",
  notes="pcguia lists Gaudi 2 as 96 GB, 2.45 TB/s, BF16 432 TF, FP8 835 TF (matrix) as retrieved; other public figures differ slightly - treat FP8 as approximate.")
a(accelerator="Gaudi3",vendor="intel",hbm_gb="128 (GB, HBM2e)",hbm_bandwidth_tbps=3.7,dense_bf16_tflops=1835,dense_fp8_tflops=1835,fp4_tflops="n/a",
  scale_up_interconnect="24x 200 GbE RoCE on-chip",scale_up_bw_per_accel_gbps="<= 600 GB/s per direction (24x200 Gb/s; 4.8 Tb/s); evokernel lists 1,200 GB/s (bidirectional)",
  scale_up_domain_size="8 (HLS node, all-to-all)",scale_out_bw_per_accel_gbps="3x 200 GbE if 21/3 split (not verified)",tdp_kw=0.90,
  source_url="https://www.theregister.com/2024/04/09/intel_gaudi_ai_accelerator/ ; https://www.yobitel.com/knowledge-base/intel-gaudi-3",as_of="2024-04",
  notes="MME matrix throughput 1,835 TF for both BF16 and FP8 (FP8 not 2x BF16). Some sources quote 1,856 TF and 3.67 TB/s; TDP 900 W (OAM).")
a(accelerator="TPU-v5e",vendor="google",hbm_gb="16 (GB per docs)",hbm_bandwidth_tbps="0.819 (docs: '819 GBps'; another version says '800 GiBps')",dense_bf16_tflops=197,dense_fp8_tflops="n/a (394 INT8 TOPS)",fp4_tflops="n/a",
  scale_up_interconnect="ICI, 2D torus",scale_up_bw_per_accel_gbps="400 GB/s bidirectional per chip (1,600 Gbps), 4 ICI ports",scale_up_domain_size="256 (pod)",
  scale_out_bw_per_accel_gbps="2x100 Gbps NIC per 8-chip host (= 25 Gb/s per chip)",tdp_kw="not stated",
  source_url="https://docs.cloud.google.com/tpu/docs/v5e",as_of="2023-08",notes="Docs versions disagree on HBM bandwidth units (819 GBps vs 800 GiBps).")
a(accelerator="TPU-v5p",vendor="google",hbm_gb="95 (GB in one doc version, GiB in another)",hbm_bandwidth_tbps=2.765,dense_bf16_tflops=459,dense_fp8_tflops="459 (docs list FP8 = BF16)",fp4_tflops="n/a",
  scale_up_interconnect="ICI, 3D torus",scale_up_bw_per_accel_gbps="1,200 GB/s bidirectional per chip (4,800 Gbps)",scale_up_domain_size="8960 (pod; max slice 6144)",
  scale_out_bw_per_accel_gbps="50 Gbps DCN per chip",tdp_kw="not stated",source_url="https://cloud.google.com/tpu/docs/v5p-training",as_of="2023-12",notes="2 TensorCores per chip.")
a(accelerator="TPU-v6e",vendor="google",hbm_gb="32 (GB)",hbm_bandwidth_tbps=1.638,dense_bf16_tflops=918,dense_fp8_tflops="n/a (1,836 INT8 TOPS)",fp4_tflops="n/a",
  scale_up_interconnect="ICI, 2D torus",scale_up_bw_per_accel_gbps="800 GB/s bidirectional per chip, 4 ICI ports",scale_up_domain_size="256 (pod)",
  scale_out_bw_per_accel_gbps="not captured",tdp_kw="not stated",source_url="https://docs.cloud.google.com/tpu/docs/v6e.md.txt",as_of="2024-12",notes="Trillium. 1 TensorCore, 2x 256x256 MXU per chip.")
a(accelerator="Trainium2",vendor="other",hbm_gb="not verified here (AWS quotes 96 GiB)",hbm_bandwidth_tbps="not verified here (AWS quotes 2.9 TB/s)",dense_bf16_tflops=667,dense_fp8_tflops=1299,fp4_tflops="n/a",
  scale_up_interconnect="NeuronLink-v3",scale_up_bw_per_accel_gbps="not captured",scale_up_domain_size="16 (Trn2 instance) / 64 (UltraServer) - not verified",
  scale_out_bw_per_accel_gbps="not captured",tdp_kw="not stated",
  source_url="https://awsdocs-neuron.readthedocs-hosted.com/en/v2.29.0/_sources/about-neuron/arch/neuron-hardware/trainium2.rst",as_of="2024-12",
  notes="Only compute verified (8 NeuronCore-v3: 1,299 FP8 TF, 667 BF16 TF dense, 2,563 sparse). No measurements collected for Trainium2.")
# Ninth round of data (QWEN-SB, README §7): the H20, a custom row (no catalog preset).
a(accelerator="H20",vendor="nvidia",hbm_gb="96 (GB, HBM3)",hbm_bandwidth_tbps=4.0,dense_bf16_tflops=148,dense_fp8_tflops=296,fp4_tflops="n/a",
  scale_up_interconnect="NVLink 4 + NVSwitch",scale_up_bw_per_accel_gbps="900 GB/s bidirectional (450 each way) - secondary listings",scale_up_domain_size="8 (HGX node)",
  scale_out_bw_per_accel_gbps="400 Gb/s per GPU as H100 - not verified here",tdp_kw="0.4 - secondary listings",
  source_url="https://lmsys.org/blog/2025-09-26-sglang-ant-group (H20-96G column: 296 FP8 / 148 BF16 TFLOPS, 96 GB); 4.0 TB/s and NVLink from secondary spec listings (e.g. https://willitrunai.com/es/gpus/h20-96gb)",
  as_of="2025-09",notes="Hopper (GH100, 78 SMs by secondary reports) for the China market; NVIDIA publishes no H20 datasheet. Dense figures.")
with open(OUT,"w",newline="") as f:
    w=csv.DictWriter(f,fieldnames=COLS); w.writeheader(); [w.writerow(r) for r in R]
print(len(R))
