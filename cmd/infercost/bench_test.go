package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkEvalSamples10000 is the CLI's native speed for 10,000 draws
// (issue 14: "the CLI's native speed for 10,000 draws"): `infercost eval
// -samples 10000` of the reference scenario with the engine's
// BenchmarkSimulate ranges (growth 1–5–12 % a month, 1.5–2–3 M requests a
// day, the first option's rate $2–2.5–3.5 an hour, the API's output price
// $0.50–0.80–1), the whole command: reading the file, the point
// evaluation, the draws and the printed table.
func BenchmarkEvalSamples10000(b *testing.B) {
	raw, err := os.ReadFile("testdata/reference.json")
	if err != nil {
		b.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		b.Fatal(err)
	}
	m["uncertainty"] = map[string]any{"ranges": []any{
		map[string]any{"path": "workload.monthly_growth", "low": "0.01", "mode": "0.05", "high": "0.12"},
		map[string]any{"path": "workload.requests_per_day", "low": "1500000", "mode": "2000000", "high": "3000000"},
		map[string]any{"path": "options[0].hourly_rate", "low": "2", "mode": "2.5", "high": "3.5"},
		map[string]any{"path": "options[3].price_output_per_m", "low": "0.5", "mode": "0.8", "high": "1"},
	}}
	raw, _ = json.Marshal(m)
	path := filepath.Join(b.TempDir(), "montecarlo.json")
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		code, stdout, stderr := runCLI("", "eval", "-samples", "10000", "-seed", "42", path)
		if code != 0 || !strings.Contains(stdout, "Uncertainty: 10,000 draws, seed 42") {
			b.Fatalf("exit %d, stderr %q, stdout:\n%s", code, stderr, stdout)
		}
	}
}
