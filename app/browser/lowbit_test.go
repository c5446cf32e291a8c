package browser

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/infercost/infercost/engine"
)

// TestLowBitTFLOPSDefault: the page shows the dense TFLOPS the engine
// derives for gpt-oss's MXFP4 weights (4.25 bits): on an H100, without a
// 4-bit float path, the BF16 figure 989 (weight-only kernels, 16-bit
// activations); on a B200 the FP8 figure 4,500 (MXFP8 activations); the
// figures are the catalog's own columns (docs/methodology.md, Throughput,
// eighth round). Each option's total cost is the engine's.
func TestLowBitTFLOPSDefault(t *testing.T) {
	s := exampleNamed(t, "startup").Scenario.Clone()
	s.Model = engine.Model{Preset: "gpt-oss-120b"}
	s.Options = []engine.Option{
		{Label: "H100", Kind: engine.Cloud, Accelerator: &engine.Accelerator{Preset: "h100-sxm"}},
		{Label: "B200", Kind: engine.Cloud, Accelerator: &engine.Accelerator{Preset: "b200"}},
	}
	r, err := engine.Evaluate(&s)
	if err != nil {
		t.Fatal(err)
	}
	site := calcSite(t)
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(site.URL+"#"+engine.EncodeLink(&s)), WaitApp(), WaitTable())
	// The accelerator's fields are folded: open every group.
	step(t, ctx, 30*time.Second,
		chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("details:not([open]) > summary").forEach((s) => s.click())`),
		WaitJS(`document.querySelector("input[data-path='options[1].accelerator.tflops']") !== null`, 20*time.Second))
	for i, want := range []string{"989", "4,500"} {
		js := `(document.querySelector('input[data-path="options[` + string(rune('0'+i)) + `].accelerator.tflops"]') || {}).placeholder`
		if got := eval[string](t, ctx, js); got != want {
			t.Errorf("option %d: TFLOPS placeholder %q, want %q", i, got, want)
		}
	}
	for i, o := range r.Options {
		step(t, ctx, 20*time.Second, waitText(stat(i, "total_cost"), engine.Money(o.TotalCost)))
	}
}
