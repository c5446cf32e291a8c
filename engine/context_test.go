package engine

import "testing"

// TestContextWarning: Llama 3.1 70B's config.json gives
// max_position_embeddings 131,072. A request of 131,000 prompt and 72
// output tokens fills it exactly: no warning; one more output token is
// past it: the warning, naming the figures and the source. A custom model
// (no preset) has no known limit.
func TestContextWarning(t *testing.T) {
	s := &Scenario{Version: FormatVersion,
		Workload: Workload{RequestsPerDay: N("1000"), InputTokens: N("131000"), OutputTokens: N("72"), HorizonMonths: N("2")},
		Model:    Model{Preset: "llama-3.1-70b"},
		Options:  []Option{{Label: "API", Kind: API, PriceInputPerM: N("1"), PriceOutputPerM: N("2")}},
	}
	if r := mustEval(t, s); r.ContextWarning != "" || Summarize(r, nil).Context != "" {
		t.Errorf("131,072 tokens: %q", r.ContextWarning)
	}
	s.Workload.OutputTokens = N("73")
	r := mustEval(t, s)
	want := "A request of 131,073 tokens (131,000 prompt and 73 output) is longer than Llama 3.1 70B's context window of 131,072 tokens (max_position_embeddings in its config.json, https://huggingface.co/meta-llama/Llama-3.1-70B/blob/main/config.json, as of 2026-11-01): no provider can serve it as one request, and every figure here costs it as if one could. Shorten the prompt or the output, or choose a model with a longer context."
	if r.ContextWarning != want || Summarize(r, nil).Context != want || Summarize(r, nil).Sentences()[1] != want {
		t.Errorf("warning %q", r.ContextWarning)
	}
	// The warning does not change a figure: month 1 is 1,000 × 365/12 ×
	// (131,000 × $1 + 73 × $2) / 1e6 = 30,416.66… × $0.131146.
	if !r.Options[0].Months[0].Cost.Round(6).Equal(d("3989.024167")) {
		t.Errorf("month 1 %s", r.Options[0].Months[0].Cost)
	}
	c := s.Clone()
	c.Model = Model{TotalParamsB: N("70.6"), HiddenSize: N("8192"), Layers: N("80"), KVHeads: N("8"), HeadDim: N("128")}
	if r := mustEval(t, &c); r.ContextWarning != "" {
		t.Errorf("custom model: %q", r.ContextWarning)
	}
	for _, m := range Models {
		if m.MaxContextTokens < 32768 {
			t.Errorf("%s: max context %d", m.ID, m.MaxContextTokens)
		}
	}
}
