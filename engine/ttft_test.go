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
// on testdata/throughput/ttft_training.csv. The twenty-second round adds,
// for a run held at concurrency C, the wave of its prompts: q × (C′ − 1) ×
// the prompt's prefill, C′ = min(C, the batch the estimate's memory holds),
// q fitted with c.

const ttftTrainingFile = "ttft_training.csv"

// ttftRow is one admitted row of the TTFT training set, estimated by the
// engine with no fixed time a request (baseMs) and measured (measuredMs).
type ttftRow struct {
	col                map[string]string
	baseMs, measuredMs decimal.Decimal
	// promptMs is the estimate's prefill of the request's uncached prompt
	// on the replica (s), and wave the prompts of the run's wave before it
	// at most (C′ − 1).
	promptMs decimal.Decimal
	wave     int64
}

// estimateAt is the row's estimated TTFT at a fixed time a request c (ms)
// and a wave share q: c + s + step + q × (C′ − 1) × s.
func (r *ttftRow) estimateAt(c, q decimal.Decimal) decimal.Decimal {
	return r.baseMs.Add(c).Add(q.Mul(decimal.NewFromInt(r.wave)).Mul(r.promptMs))
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
		// The candidate's TTFT at c is c + baseMs (+ the wave).
		r.baseMs = *tp.TimeToFirstTokenMs
		r.promptMs = promptMs(p.workload, tp)
		r.wave = *tp.BatchSize - 1
		rows = append(rows, r)
	}
	return rows, skipped
}

// promptMs is the estimate's time for the request's uncached prompt on the
// replica, in ms (s): uncached input ÷ (prefill rate an accelerator × n).
func promptMs(w workloadPlan, tp *Throughput) decimal.Decimal {
	return mul(div(w.uncachedIn(), mul(tp.PrefillTokensPerS, intDecimal(tp.AcceleratorsPerReplica))), thousand)
}

// ttftFit is the training set's accuracy at a fixed time a request c (ms)
// and a wave share q.
func ttftFit(t *testing.T, rows []*ttftRow, c, q decimal.Decimal) accuracy {
	t.Helper()
	cs := make([]*validationCase, len(rows))
	for i, r := range rows {
		ratio, ln, err := ratioOf(r.estimateAt(c, q), r.measuredMs)
		if err != nil {
			t.Fatal(err)
		}
		cs[i] = &validationCase{ratio: ratio, lnRatio: ln}
	}
	return accuracyOf(cs)
}

// ttftFitted is a candidate's fitted values and its training accuracy.
type ttftFitted struct {
	c, q decimal.Decimal
	acc  accuracy
}

// fitRequestOverhead is the declared fit of c at each wave share of qs
// (the twenty-second round): c on 0, 5, …, 500 ms, extended once to 1,000
// when the optimum is 500; the lowest median |ln ratio|, ties to the
// smaller c, then the smaller q. (O) is qs = {0}; (W) is ¼, ½, ¾, 1.
func fitRequestOverhead(t *testing.T, rows []*ttftRow, qs ...decimal.Decimal) ttftFitted {
	t.Helper()
	best := ttftFitted{c: zero, q: qs[0], acc: ttftFit(t, rows, zero, qs[0])}
	try := func(top int64) {
		for ms := int64(0); ms <= top; ms += 5 {
			c := decimal.NewFromInt(ms)
			for _, q := range qs {
				a := ttftFit(t, rows, c, q)
				d := a.medianLn.Cmp(best.acc.medianLn)
				if d < 0 || d == 0 && (c.LessThan(best.c) || c.Equal(best.c) && q.LessThan(best.q)) {
					best = ttftFitted{c, q, a}
				}
			}
		}
	}
	try(500)
	if best.c.Equal(decimal.NewFromInt(500)) {
		try(1000)
	}
	return best
}

// waveShares is (W)'s grid of q.
var waveShares = []decimal.Decimal{N("0.25").Dec(), N("0.5").Dec(), N("0.75").Dec(), one}

// TestRequestOverheadFit recomputes the nineteenth and twenty-second
// rounds: the training set admitted by the declared rule, the fit of (O)
// and (W), the criterion, and the value the engine holds
// (RequestOverheadMs is the adopted candidate's c, else 0). (O) was
// adopted: neither the engine nor the TTFT check applies a wave, so the
// test fails if the criterion ever picks (W). -v prints every row.
func TestRequestOverheadFit(t *testing.T) {
	rows, skipped := ttftTraining(t)
	if t.Failed() {
		return
	}
	publishers := map[string]bool{}
	for _, r := range rows {
		publishers[r.col["publisher"]] = true
	}
	base := ttftFit(t, rows, zero, zero)
	o := fitRequestOverhead(t, rows, zero)
	w := fitRequestOverhead(t, rows, waveShares...)
	passes := func(f ttftFitted) bool {
		return f.acc.medianLn.LessThan(base.medianLn) && f.acc.within2x > base.within2x
	}
	var adopted *ttftFitted
	switch {
	case passes(o) && (!passes(w) || !w.acc.medianLn.LessThan(o.acc.medianLn)):
		adopted = &o
	case passes(w):
		adopted = &w
	}
	var b strings.Builder
	fmt.Fprintf(&b, "TTFT training set: %d admitted rows from %d publishers, %d not admitted\n", len(rows), len(publishers), skipped)
	line := func(name string, f ttftFitted) {
		fmt.Fprintf(&b, "%s: c = %s ms, q = %s: %d within ±25 %%, %d within 0.5–2×, median ratio %s, median |ln ratio| %s; passes: %t\n",
			name, f.c, f.q, f.acc.within25, f.acc.within2x, f.acc.medianRatio.StringFixed(2), f.acc.medianLn.StringFixed(4), passes(f))
	}
	line("today (c = 0, no wave)", ttftFitted{zero, zero, base})
	line("(O)", o)
	line("(W)", w)
	for _, r := range rows {
		fmt.Fprintf(&b, "%s %s %s on %s×%s, %s/%s at %s (wave %d, prompt %s ms): base %s ms, measured %s ms, (O) %s, (W) %s\n", r.col["id"], r.col["publisher"],
			r.col["model_preset"], r.col["tensor_parallel"], r.col["accelerator_preset"], r.col["input_tokens"], r.col["output_tokens"],
			r.col["batch_cap"], r.wave, r.promptMs.StringFixed(1), r.baseMs.StringFixed(1), r.measuredMs.StringFixed(1),
			div(r.estimateAt(o.c, o.q), r.measuredMs).StringFixed(2), div(r.estimateAt(w.c, w.q), r.measuredMs).StringFixed(2))
	}
	t.Log("\n" + b.String())
	wantC, wantQ := zero, zero
	if adopted != nil && len(rows) >= 15 && len(publishers) >= 3 {
		wantC, wantQ = adopted.c, adopted.q
	}
	if !RequestOverheadMs.Equal(wantC) {
		t.Errorf("RequestOverheadMs is %s ms; the declared fit and criterion give %s", RequestOverheadMs, wantC)
	}
	// The help of request_overhead_ms says how many rows the default is
	// fitted on; it must follow the training set (a stale 42 stood there
	// after the twenty-fifth round set three rows aside).
	if f := FieldAt("options[0].request_overhead_ms"); f == nil || !strings.Contains(f.Help, fmt.Sprintf("fitted on %d published times to first token", len(rows))) {
		t.Errorf("request_overhead_ms's help does not say the default is fitted on the %d admitted rows: %v", len(rows), f)
	}
	if wantQ.Sign() != 0 {
		t.Errorf("the criterion adopts (W), a wave share of %s: the TTFT check (TestThroughputValidation) and the report must then add q × (C′ − 1) × the prompt, which they do not", wantQ)
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
	b.WriteString(`The nineteenth and twenty-second rounds' training set (` + "`engine/testdata/throughput/ttft_training.csv`" + `; its rule and sources in
` + "`docs/methodology.md`" + ` and the data README): published times to first token at a fixed concurrency of 1 to 64,
from publishers the check above does not use. The engine's fixed time a request, c, is fitted on these rows alone
(` + "`TestRequestOverheadFit`" + `). Ratio = estimated TTFT / measured TTFT.

| c | count | within ±25 % | within 0.5–2× | median ratio | median \|ln ratio\| |
|---|--:|--:|--:|--:|--:|
`)
	accuracyRow(&b, "0 ms", ttftFit(t, rows, zero, zero))
	accuracyRow(&b, RequestOverheadMs.String()+" ms (the engine's)", ttftFit(t, rows, RequestOverheadMs, zero))
	b.WriteString("\n| id | publisher | model | accelerator | replica | in / out | concurrency | estimated TTFT, ms | measured TTFT, ms | ratio |\n|---|---|---|---|--:|--:|--:|--:|--:|--:|\n")
	for _, r := range rows {
		est := r.estimateAt(RequestOverheadMs, zero)
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s / %s | %s | %s | %s | %s |\n", r.col["id"], r.col["publisher"], r.col["model_preset"],
			r.col["accelerator_preset"], r.col["tensor_parallel"], r.col["input_tokens"], r.col["output_tokens"], r.col["batch_cap"],
			est.StringFixed(1), r.measuredMs.StringFixed(1), div(est, r.measuredMs).StringFixed(2))
	}
	return b.String()
}
