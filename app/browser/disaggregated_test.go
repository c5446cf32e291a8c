package browser

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/infercost/infercost/engine"
)

// TestDisaggregatedShown: a disaggregated option says, on its card and in
// the table, the unit it is served in and the unit's timing, worked by hand
// in engine/disaggregate_test.go (TestDisaggregatedUnits): one prefill and
// one decode replica of one accelerator for 1,000 requests a day, the
// decode step alone per token (59.697152 ms), the first token the fixed
// time a request (140 ms by default since the twenty-fifth round), the
// prompt's 32 ms, the KV cache's 1.31072 ms and a step (233.007872 ms), the prefill
// replica busy 219 × 0.032 / 0.059697152 = 11.74 % of the time. Typing 0
// into the field serves it colocated again, and the pools go.
func TestDisaggregatedShown(t *testing.T) {
	s := &engine.Scenario{
		Version:  engine.FormatVersion,
		Workload: engine.Workload{RequestsPerDay: engine.N("1000"), InputTokens: engine.N("1000"), OutputTokens: engine.N("1000"), HorizonMonths: engine.N("1"), TPOTSLOms: engine.N("0")},
		Model:    engine.Model{TotalParamsB: engine.N("8"), Layers: engine.N("32"), KVHeads: engine.N("8"), HeadDim: engine.N("128")},
		Options: []engine.Option{{Label: "x", Kind: engine.Cloud, HourlyRate: engine.N("1"),
			Accelerator: &engine.Accelerator{MemoryGB: engine.N("80"), BandwidthTBps: engine.N("2"), TFLOPS: engine.N("1000"), InterconnectGBps: engine.N("100")},
			MBU:         engine.N("0.5"), MFU: engine.N("0.5"), AcceleratorsPerReplica: engine.N("1"),
			Disaggregated: engine.N("1"), PrefillAcceleratorsPerReplica: engine.N("1")}},
	}
	site := calcSite(t)
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(site.URL+"#"+engine.EncodeLink(s)), WaitApp(), WaitTable())
	checkTexts(t, ctx, map[string]string{
		stat(0, "pools"):      "Served disaggregated, in units of 1 prefill replica of 1 accelerator (tensor parallel) and 1 decode replica of 1 (tensor parallel): a prompt's prefill 32 ms on a prefill replica, its KV cache's transfer 1.31 ms; the decode pool sets the unit's rate, the prefill pool busy 11.7 % of the time.",
		stat(0, "total_cost"): "$1,460",
	})
	if got := text(t, ctx, "#headline-0 .accuracy"); !strings.Contains(got, "Outside validation: disaggregated serving: each pool's rate is estimated as validated, but no published end-to-end measurement of disaggregated serving is compared as a whole.") {
		t.Errorf("accuracy note %q does not flag disaggregated serving", got)
	}
	checkRows(t, comparisonRows(t, ctx), map[string][]string{
		"Accelerators per replica": {"2, a unit of 1 prefill replica of 1 accelerator (tensor parallel) and 1 decode replica of 1 (tensor parallel)"},
		"Time per output token":    {"59.7 ms"},
		"Time to first token":      {"233 ms"},
		"Disaggregated pools":      {"a prompt's prefill 32 ms on a prefill replica, its KV cache's transfer 1.31 ms; the decode pool sets the unit's rate, the prefill pool busy 11.7 % of the time"},
	})
	// Colocated, the step carries the prompt's prefill (TestRooflineMixedStepTPOT:
	// 66.705152 ms a token), and no pools are shown.
	id := eval[string](t, ctx, `(document.querySelector('input[data-path="options[0].disaggregated"]') || {id: "missing"}).id`)
	step(t, ctx, 30*time.Second, setInput(id, "0"),
		WaitJS(`document.querySelector("#headline-0 [data-key=pools]") === null`, 20*time.Second))
	rows := comparisonRows(t, ctx)
	if _, ok := rows["Disaggregated pools"]; ok {
		t.Errorf("a colocated option still has a pools row: %q", rows["Disaggregated pools"])
	}
	checkRows(t, rows, map[string][]string{"Time per output token": {"66.7 ms"}, "Accelerators per replica": {"1, tensor parallel"}})
}
