package browser

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/infercost/infercost/engine"
)

// TestMLAAttentionHeads: the DeepSeek-V3 preset shows its 128 attention
// heads (the value MLA attention's compute uses) as the input's
// placeholder, and typing fewer heads changes the costs to what the engine
// computes for them: at 32,000 input tokens attention's compute is most of
// a decode step's.
func TestMLAAttentionHeads(t *testing.T) {
	s := engine.Scenario{
		Version: engine.FormatVersion,
		Workload: engine.Workload{RequestsPerDay: engine.N("100000"), InputTokens: engine.N("32000"), OutputTokens: engine.N("1000"),
			HorizonMonths: engine.N("12"), TPOTSLOms: engine.N("0")},
		Model: engine.Model{Preset: "deepseek-v3"},
		Options: []engine.Option{{Label: "H200", Kind: engine.Cloud, Accelerator: &engine.Accelerator{Preset: "h200"},
			AcceleratorsPerReplica: engine.N("8")}},
	}
	with, err := engine.Evaluate(&s)
	if err != nil {
		t.Fatal(err)
	}
	fewer := s.Clone()
	fewer.Model.AttentionHeads = engine.N("16")
	without, err := engine.Evaluate(&fewer)
	if err != nil {
		t.Fatal(err)
	}
	a, b := with.Options[0].TotalCost, without.Options[0].TotalCost
	if !a.GreaterThan(b) {
		t.Fatalf("128 heads cost %s, 16 heads %s: the term should make 128 dearer", engine.Money(a), engine.Money(b))
	}
	site := calcSite(t)
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(site.URL+"#"+engine.EncodeLink(&s)), WaitApp(), WaitTable(),
		waitText(stat(0, "total_cost"), engine.Money(a)))
	// The model's shape is folded for a preset: open it.
	step(t, ctx, 20*time.Second,
		chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll("summary")].find((s) => s.textContent === "Model shape and precision").click()`),
		WaitJS(`document.querySelector('input[data-path="model.attention_heads"]') !== null`, 10*time.Second))
	if got := eval[string](t, ctx, `document.querySelector('input[data-path="model.attention_heads"]').placeholder`); got != "128" {
		t.Errorf("attention heads placeholder %q, want the preset's 128", got)
	}
	step(t, ctx, 30*time.Second, setInput("m-attention_heads", "16"), waitText(stat(0, "total_cost"), engine.Money(b)))
}
