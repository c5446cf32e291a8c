package engine

import (
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// The nineteenth round (docs/methodology.md, declared before any row of its
// training set was collected): time to first token = c + the prompt at the
// replica's prefill rate + one decode step, c a fixed time a request fitted
// on testdata/throughput/ttft_training.csv.

const ttftTrainingFile = "ttft_training.csv"

// ttftRow is one admitted row of the TTFT training set, estimated by the
// engine with no fixed time a request (baseMs) and measured (measuredMs).
type ttftRow struct {
	col                map[string]string
	baseMs, measuredMs decimal.Decimal
}

// scenario is the row as the engine sees it: the model and accelerator
// presets at the row's precision, one cloud option of the row's replica
// size, the concurrency as the batch cap, no latency target and no fixed
// time a request.
func (r *ttftRow) scenario() *Scenario {
	return &Scenario{
		Version: FormatVersion,
		Workload: Workload{RequestsPerDay: N("1000"), HorizonMonths: N("1"),
			InputTokens: ParseNum(r.col["input_tokens"]), OutputTokens: ParseNum(r.col["output_tokens"]), TPOTSLOms: N("0")},
		Model: Model{Preset: r.col["model_preset"], WeightBits: ParseNum(r.col["weight_bits"]), KVBits: ParseNum(r.col["kv_bits"])},
		Options: []Option{{Label: r.col["id"], Kind: Cloud, HourlyRate: N("1"), Accelerator: &Accelerator{Preset: r.col["accelerator_preset"]},
			AcceleratorsPerReplica: ParseNum(r.col["tensor_parallel"]), MaxBatch: ParseNum(r.col["batch_cap"]),
			RequestOverheadMs: N("0")}}, // the fit adds its own c
	}
}

// ttftTraining reads the admitted rows of the TTFT training set and
// estimates each (tensor parallel, as the rows state). A row that is not
// admitted names its reason in the admitted column.
func ttftTraining(t *testing.T) (rows []*ttftRow, skipped int) {
	t.Helper()
	for _, col := range readThroughputCSV(t, ttftTrainingFile) {
		if a := col["admitted"]; a != "yes" {
			if a == "" {
				t.Errorf("%s: admitted is empty (yes, or the reason it is not)", col["id"])
			}
			skipped++
			continue
		}
		r := &ttftRow{col: col}
		m := ParseNum(col["ttft_ms"])
		if !m.Set() || m.Dec().Sign() <= 0 {
			t.Errorf("%s: ttft_ms %q", col["id"], col["ttft_ms"])
			continue
		}
		r.measuredMs = m.Dec()
		p, errs := Check(r.scenario())
		if errs != nil {
			t.Errorf("%s does not check: %v", col["id"], errs)
			continue
		}
		cands, fe := throughputs(p.workload, p.model, &p.options[0])
		if fe != nil {
			t.Errorf("%s does not evaluate: %v", col["id"], fe)
			continue
		}
		var tp *Throughput
		for i := range cands {
			if cands[i].Layout == LayoutTensor {
				tp = &cands[i]
			}
		}
		if tp == nil || tp.TimeToFirstTokenMs == nil {
			t.Errorf("%s: no tensor-parallel estimate with a first token", col["id"])
			continue
		}
		// The candidate's TTFT at c is c + baseMs.
		r.baseMs = *tp.TimeToFirstTokenMs
		rows = append(rows, r)
	}
	return rows, skipped
}

// ttftFit is the training set's accuracy at a fixed time a request c (ms).
func ttftFit(t *testing.T, rows []*ttftRow, c decimal.Decimal) accuracy {
	t.Helper()
	cs := make([]*validationCase, len(rows))
	for i, r := range rows {
		ratio, ln, err := ratioOf(r.baseMs.Add(c), r.measuredMs)
		if err != nil {
			t.Fatal(err)
		}
		cs[i] = &validationCase{ratio: ratio, lnRatio: ln}
	}
	return accuracyOf(cs)
}

// fitRequestOverhead is the declared fit: c on 0, 5, …, 500 ms, the lowest
// median |ln ratio|, ties to the smaller c.
func fitRequestOverhead(t *testing.T, rows []*ttftRow) (decimal.Decimal, accuracy) {
	t.Helper()
	best, bestAcc := zero, ttftFit(t, rows, zero)
	for ms := int64(5); ms <= 500; ms += 5 {
		c := decimal.NewFromInt(ms)
		if a := ttftFit(t, rows, c); a.medianLn.Cmp(bestAcc.medianLn) < 0 {
			best, bestAcc = c, a
		}
	}
	return best, bestAcc
}

// TestRequestOverheadFit recomputes the nineteenth round: the training set
// admitted by its declared rule, the fit, the criterion, and the constant
// the engine holds (RequestOverheadMs is the fit when the criterion holds,
// else 0). -v prints every row.
func TestRequestOverheadFit(t *testing.T) {
	rows, skipped := ttftTraining(t)
	if t.Failed() {
		return
	}
	publishers := map[string]bool{}
	for _, r := range rows {
		publishers[r.col["publisher"]] = true
	}
	c, fit := fitRequestOverhead(t, rows)
	base := ttftFit(t, rows, zero)
	adopt := len(rows) >= 15 && len(publishers) >= 3 && c.Sign() > 0 &&
		fit.medianLn.Cmp(base.medianLn) < 0 && fit.within25 >= base.within25 && fit.within2x >= base.within2x
	var b strings.Builder
	fmt.Fprintf(&b, "TTFT training set: %d admitted rows from %d publishers, %d not admitted\n", len(rows), len(publishers), skipped)
	fmt.Fprintf(&b, "c = 0: %d within ±25 %%, %d within 0.5–2×, median ratio %s, median |ln ratio| %s\n",
		base.within25, base.within2x, base.medianRatio.StringFixed(2), base.medianLn.StringFixed(3))
	fmt.Fprintf(&b, "fitted c = %s ms: %d within ±25 %%, %d within 0.5–2×, median ratio %s, median |ln ratio| %s; adopted: %t\n",
		c, fit.within25, fit.within2x, fit.medianRatio.StringFixed(2), fit.medianLn.StringFixed(3), adopt)
	for _, r := range rows {
		fmt.Fprintf(&b, "%s %s %s on %s×%s, %s/%s at %s: base %s ms, measured %s ms, at c %s\n", r.col["id"], r.col["publisher"],
			r.col["model_preset"], r.col["tensor_parallel"], r.col["accelerator_preset"], r.col["input_tokens"], r.col["output_tokens"],
			r.col["batch_cap"], r.baseMs.StringFixed(1), r.measuredMs.StringFixed(1), div(r.baseMs.Add(c), r.measuredMs).StringFixed(2))
	}
	t.Log("\n" + b.String())
	want := zero
	if adopt {
		want = c
	}
	if !RequestOverheadMs.Equal(want) {
		t.Errorf("RequestOverheadMs is %s ms; the declared fit and criterion give %s", RequestOverheadMs, want)
	}
}

// ttftTrainingReport is validation.md's table of the TTFT training set:
// each admitted row's estimate at the engine's fixed time a request
// (RequestOverheadMs) against its measurement, and the summary at c = 0
// and at the constant.
func ttftTrainingReport(t *testing.T, rows []*ttftRow, skipped int) string {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "\n## Time to first token, training set: %d rows (%d not admitted)\n\n", len(rows), skipped)
	b.WriteString(`The nineteenth round's training set (` + "`engine/testdata/throughput/ttft_training.csv`" + `; its rule and sources in
` + "`docs/methodology.md`" + ` and the data README): published times to first token at a fixed concurrency of 1 to 16,
from publishers the check above does not use. The engine's fixed time a request, c, is fitted on these rows alone
(` + "`TestRequestOverheadFit`" + `). Ratio = estimated TTFT / measured TTFT.

| c | count | within ±25 % | within 0.5–2× | median ratio | median \|ln ratio\| |
|---|--:|--:|--:|--:|--:|
`)
	accuracyRow(&b, "0 ms", ttftFit(t, rows, zero))
	accuracyRow(&b, RequestOverheadMs.String()+" ms (the engine's)", ttftFit(t, rows, RequestOverheadMs))
	b.WriteString("\n| id | publisher | model | accelerator | replica | in / out | concurrency | estimated TTFT, ms | measured TTFT, ms | ratio |\n|---|---|---|---|--:|--:|--:|--:|--:|--:|\n")
	for _, r := range rows {
		est := r.baseMs.Add(RequestOverheadMs)
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s / %s | %s | %s | %s | %s |\n", r.col["id"], r.col["publisher"], r.col["model_preset"],
			r.col["accelerator_preset"], r.col["tensor_parallel"], r.col["input_tokens"], r.col["output_tokens"], r.col["batch_cap"],
			est.StringFixed(1), r.measuredMs.StringFixed(1), div(est, r.measuredMs).StringFixed(2))
	}
	return b.String()
}
