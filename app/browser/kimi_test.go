package browser

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/infercost/infercost/engine"
)

// TestKimiK2Preset: the catalog's Kimi K2 (added for a published
// measurement, issue 11) is offered in the model list, and a link naming
// it shows each option's total cost as the engine computes it (the
// "MoE on the newest accelerators" example with Kimi K2 for DeepSeek-V3).
func TestKimiK2Preset(t *testing.T) {
	s := exampleNamed(t, "moe-newest").Scenario.Clone()
	s.Model = engine.Model{Preset: "kimi-k2"}
	r, err := engine.Evaluate(&s)
	if err != nil {
		t.Fatal(err)
	}
	site := calcSite(t)
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(site.URL+"#"+engine.EncodeLink(&s)), WaitApp(), WaitTable())
	if got := eval[string](t, ctx, `document.getElementById("model-preset").value`); got != "kimi-k2" {
		t.Errorf("model list shows %q, want kimi-k2", got)
	}
	if got := eval[string](t, ctx, `(document.querySelector('#model-preset option[value="kimi-k2"]') || {}).textContent`); got != "Kimi K2 (MoE, MLA, FP8)" {
		t.Errorf("model list entry %q", got)
	}
	for i, o := range r.Options {
		step(t, ctx, 20*time.Second, waitText(stat(i, "total_cost"), engine.Money(o.TotalCost)))
	}
}
