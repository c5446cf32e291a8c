#!/usr/bin/env python3
"""inferencex_dsr1.json: the rows of SemiAnalysis InferenceX that the sixth round of data admits (README §1, §8),
with the fields the mapping reads, from the dashboard's copy of InferenceX's API answer:

    git -C <mirror of vngcloud/InferenceX-app> show 7fe6d62:packages/app/cypress/fixtures/api/benchmarks.json \\
        | python3 extract_inferencex.py > inferencex_dsr1.json

Rows taken: spec_method none, disagg false, is_multinode false (every other row has MTP speculative decoding, a
disaggregated or a multi-node layout). Numbers are kept as the fixture writes them (JSON's shortest repr)."""
import json, sys

FIELDS = ["hardware", "framework", "precision", "decode_tp", "decode_ep", "decode_dp_attention", "isl", "osl", "conc",
          "image", "date", "run_url"]
METRICS = ["output_tput_per_gpu", "input_tput_per_gpu", "tput_per_gpu", "mean_ttft", "mean_tpot", "mean_e2el"]

rows = json.load(sys.stdin, parse_float=str, parse_int=str)
out = []
for r in rows:
    if r["model"] != "dsr1" or r["spec_method"] != "none" or r["disagg"] or r["is_multinode"]:
        continue
    o = {k: r.get(k) for k in FIELDS}
    o.update({k: r["metrics"].get(k) for k in METRICS})
    out.append(o)
out.sort(key=lambda o: (o["hardware"], o["framework"], o["precision"], int(o["isl"]), int(o["osl"]),
                        int(o["decode_tp"]), int(o["decode_ep"]), bool(o["decode_dp_attention"]), int(o["conc"])))
json.dump({"source": "vngcloud/InferenceX-app@7fe6d62 packages/app/cypress/fixtures/api/benchmarks.json",
           "rows": out}, sys.stdout, indent=1)
sys.stdout.write("\n")
