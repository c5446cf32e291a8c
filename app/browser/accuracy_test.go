package browser

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/infercost/infercost/engine"
)

// TestEstimateAccuracyShown: each estimated option's card says how right
// the estimate is likely to be, in the engine's words, and flags what
// validation does not cover; a measured option and an API say nothing. The
// summary says whether the ranking survives the estimates' error.
func TestEstimateAccuracyShown(t *testing.T) {
	s := &engine.Scenario{
		Version:  engine.FormatVersion,
		Workload: engine.Workload{RequestsPerDay: engine.N("1000000"), InputTokens: engine.N("1000"), OutputTokens: engine.N("300"), TPOTSLOms: engine.N("50")},
		Model:    engine.Model{Preset: "llama-3.1-8b"},
		Options: []engine.Option{
			{Label: "H100", Kind: engine.Cloud, Accelerator: &engine.Accelerator{Preset: "h100-sxm"}},
			// No published measurement on Trainium2.
			{Label: "Trainium2", Kind: engine.Cloud, Accelerator: &engine.Accelerator{Preset: "trainium2"}},
			handWorked().Options[0],
			{Label: "API", Kind: engine.API, PriceInputPerM: engine.N("0.1"), PriceOutputPerM: engine.N("0.2")},
		},
	}
	r, err := engine.Evaluate(s)
	if err != nil {
		t.Fatal(err)
	}
	h100, trn := r.Options[0].Accuracy, r.Options[1].Accuracy
	if h100 == nil || !h100.Validated() || trn == nil || trn.Validated() || r.Options[2].Accuracy != nil {
		t.Fatalf("engine accuracy: H100 %+v, Trainium2 %+v, measured %+v", h100, trn, r.Options[2].Accuracy)
	}

	robust, err := engine.RankingUnderError(s, r)
	if err != nil || robust == nil {
		t.Fatalf("ranking under error: %v, %v", robust, err)
	}

	site := calcSite(t)
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(site.URL+"#"+engine.EncodeLink(s)), WaitApp())
	if h100.TPOT == nil || h100.TTFT == nil {
		t.Fatal("engine accuracy: the H100 has no time-per-output-token or time-to-first-token band")
	}
	checkTexts(t, ctx, map[string]string{
		stat(0, "accuracy") + " p":       "Throughput estimate: " + h100.Band() + ".",
		stat(0, "tpot-accuracy"):         "Time per output token: " + h100.TPOT.Sentence() + ".",
		stat(0, "ttft-accuracy"):         "Time to first token: " + h100.TTFT.Sentence() + ".",
		stat(1, "accuracy") + " p":       "Throughput estimate: " + trn.Band() + ".",
		"#headline-1 .accuracy .outside": "Outside validation: no published measurement on this accelerator: the estimate rests on its datasheet alone.",
	})
	// The ranking check runs after the headline paints.
	step(t, ctx, 30*time.Second, waitText("#robustness", robust.Sentence(r)))
	for _, sel := range []string{"#headline-0 .accuracy .outside", stat(2, "accuracy"), stat(3, "accuracy")} {
		if n := eval[int](t, ctx, `document.querySelectorAll("`+sel+`").length`); n != 0 {
			t.Errorf("%s: %d elements, want none", sel, n)
		}
	}
	// The operating point says the layout and what binds, in the engine's words.
	op := comparisonRows(t, ctx)
	col := slices.Index(r.Comparison.Ranking, 0) // the H100's column: by rank
	if got, want := op["Accelerators per replica"][col], fmt.Sprintf("%d, %s", r.Options[0].AcceleratorsPerReplica, r.Options[0].Layout); got != want || r.Options[0].Layout == "" {
		t.Errorf("accelerators per replica %q, want %q", got, want)
	}
	if got, want := op["Time to first token"][col], engine.Count(*r.Options[0].TimeToFirstTokenMs, 0)+" ms"; got != want {
		t.Errorf("time to first token %q, want %q", got, want)
	}
	if got, want := op["Batch, decode step"][col], fmt.Sprintf("%d, %s ms (%s)", *r.Options[0].BatchSize, r.Options[0].DecodeStepMs.StringFixed(1), r.Options[0].Binds()); got != want {
		t.Errorf("batch, decode step %q, want %q", got, want)
	}
	if got, want := op["Time per output token"][col], r.Options[0].TPOTMs.StringFixed(1)+" ms"; got != want {
		t.Errorf("time per output token %q, want %q", got, want)
	}
	row := comparisonRows(t, ctx)["Measured ÷ estimated throughput"]
	want := []string{h100.Low.StringFixed(2) + "–" + h100.High.StringFixed(2) + "×",
		trn.Low.StringFixed(2) + "–" + trn.High.StringFixed(2) + "×, outside validation", "–", "–"}
	// The table's columns are in the order of rank.
	ranked := make([]string, len(want))
	for k, i := range r.Comparison.Ranking {
		ranked[k] = want[i]
	}
	checkRows(t, map[string][]string{"x": row}, map[string][]string{"x": ranked})
}

// TestTilePaddedShown: where a step's GEMMs are padded to the 64-row tile
// (issue 11, fourteenth round: a small batch on an accelerator of the
// H20's shape, 148 TFLOPS against 4 TB/s), the operating point says so, in
// the engine's words.
func TestTilePaddedShown(t *testing.T) {
	s := &engine.Scenario{
		Version:  engine.FormatVersion,
		Workload: engine.Workload{RequestsPerDay: engine.N("100000"), InputTokens: engine.N("1000"), OutputTokens: engine.N("300"), TPOTSLOms: engine.N("50")},
		Model:    engine.Model{Preset: "llama-3.1-8b"},
		Options: []engine.Option{{Label: "H20-like", Kind: engine.Cloud, HourlyRate: engine.N("1.5"),
			Accelerator:            &engine.Accelerator{MemoryGB: engine.N("96"), BandwidthTBps: engine.N("4"), TFLOPS: engine.N("148")},
			AcceleratorsPerReplica: engine.N("1"), MaxBatch: engine.N("8")}},
	}
	r, err := engine.Evaluate(s)
	if err != nil {
		t.Fatal(err)
	}
	o := r.Options[0]
	want := fmt.Sprintf("%d, %s ms (%s)", *o.BatchSize, o.DecodeStepMs.StringFixed(1), o.Binds())
	if !strings.Contains(want, "compute-bound (its GEMMs pad the batch to 64 rows)") {
		t.Fatalf("the engine does not pad this scenario: %s", want)
	}
	site := calcSite(t)
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(site.URL+"#"+engine.EncodeLink(s)), WaitApp(), WaitTable())
	if got := comparisonRows(t, ctx)["Batch, decode step"]; len(got) != 1 || got[0] != want {
		t.Errorf("batch, decode step %q, want %q", got, want)
	}
}

// TestInteractivityChartAndCeiling: the cost-against-interactivity chart
// draws a line for each estimated option, and a typed cost ceiling lists
// the fastest each serves within it, in the engine's words; an unreadable
// ceiling says why. A calibrated option's card names its measurement.
func TestInteractivityChartAndCeiling(t *testing.T) {
	s := &engine.Scenario{
		Version:  engine.FormatVersion,
		Workload: engine.Workload{RequestsPerDay: engine.N("1000000"), InputTokens: engine.N("1000"), OutputTokens: engine.N("300")},
		Model:    engine.Model{Preset: "llama-3.1-8b", WeightBits: engine.N("8"), KVBits: engine.N("8")},
		Options: []engine.Option{
			{Label: "H100", Kind: engine.Cloud, Accelerator: &engine.Accelerator{Preset: "h100-sxm"}},
			{Label: "H100 calibrated", Kind: engine.Cloud, Accelerator: &engine.Accelerator{Preset: "h100-sxm"}, ThroughputPreset: "TRT10-004"},
			{Label: "API", Kind: engine.API, PriceInputPerM: engine.N("0.1"), PriceOutputPerM: engine.N("0.2")},
		},
	}
	r, err := engine.Evaluate(s)
	if err != nil {
		t.Fatal(err)
	}
	curve, err := engine.InteractivityCurve(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	ceiling := engine.N("0.05")
	var want []string
	for _, i := range []int{0, 1} {
		want = append(want, engine.FastestWithinSentence(r.Options[i].Label, engine.FastestWithin(curve, i, ceiling.Dec()), ceiling.Dec()))
	}
	site := calcSite(t)
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(site.URL+"#"+engine.EncodeLink(s)), WaitApp(),
		WaitJS(`document.querySelectorAll("#chart-interactivity polyline").length === 2`, 60*time.Second))
	// The measurement's source shows as a short link, its host, to the
	// whole address.
	cal := r.Options[1].Calibration
	host := strings.TrimPrefix(strings.SplitN(strings.TrimPrefix(cal.Source, "https://"), "/", 2)[0], "www.")
	checkTexts(t, ctx, map[string]string{"#headline-1 [data-key=calibration] p": strings.Replace(cal.Sentence(), cal.Source, host, 1)})
	if got := eval[string](t, ctx, `document.querySelector("#headline-1 [data-key=calibration] p a.source").getAttribute("href")`); got != cal.Source || !strings.HasPrefix(got, "https://") {
		t.Errorf("the calibration's source links to %q, want %q", got, cal.Source)
	}
	step(t, ctx, 20*time.Second, setInput("cost-ceiling", "0.05"),
		WaitJS(`document.querySelectorAll("#fastest-within li").length === 2`, 10*time.Second))
	got := eval[[]string](t, ctx, `[...document.querySelectorAll("#fastest-within li")].map((e) => e.textContent)`)
	checkRows(t, map[string][]string{"x": got}, map[string][]string{"x": want})
	step(t, ctx, 20*time.Second, setInput("cost-ceiling", "cheap"), WaitJS(`document.querySelector("#cost-ceiling-error") !== null`, 10*time.Second))
	if msg := text(t, ctx, "#cost-ceiling-error"); msg != `Cost ceiling: "cheap" is not a number` {
		t.Errorf("error %q", msg)
	}
}
