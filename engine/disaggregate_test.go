package engine

import (
	"errors"
	"strings"
	"testing"
)

// errorAt is err's message for path, "" when there is none.
func errorAt(err error, path string) string {
	var errs Errors
	if !errors.As(err, &errs) {
		return ""
	}
	return errs.For(path)
}

// disaggregatedScenario is rooflineScenario (8 B parameters, 1,000 / 1,000
// tokens, one accelerator of 80 GB, 2 TB/s and 1,000 TFLOPS at MBU = MFU =
// 0.5) served disaggregated, both pools' replicas of one accelerator, with
// a 100 GB/s link for the KV cache's transfer.
func disaggregatedScenario() *Scenario {
	s := rooflineScenario()
	o := &s.Options[0]
	o.Disaggregated, o.PrefillAcceleratorsPerReplica = N("1"), N("1")
	o.Accelerator.InterconnectGBps = N("100")
	// A fixed time a request of 245 ms (request_overhead_ms; the default
	// is none since the twenty-first round), so that the first token's
	// sums below carry it.
	o.RequestOverheadMs = N("245")
	return s
}

// TestDisaggregatedUnits works the units by hand. A decode replica is
// TestRooflineHandWorked's: batch 219, step 59.697152 ms, so it finishes
// rd = 219 / (1,000 × 0.059697152) = 3.668516… requests a second. A prefill
// replica takes a prompt's 1,000 tokens at 31,250 tokens/s: 32 ms, 31.25
// requests a second. A decode replica needs rd × 0.032 = 0.1174 prefill
// replicas, so every unit has one, and its decode pool sets its rate:
// (1 + y) accelerators over y × rd requests a second. Capped at 1, 2, 4
// and 8 decode replicas: (1 + y) / (y × rd) = 0.545179…, 0.408884…,
// 0.340737… and 0.306663… accelerator-seconds a request. At 16, one
// prefill replica serves at most 31.25 / rd = 8.5 decode replicas; two
// prefill and 16 decode replicas cost 18 / (16 × rd) = 0.306663…, the
// same as 1 and 8, which is smaller: four units.
func TestDisaggregatedUnits(t *testing.T) {
	cands := candidatesOf(t, disaggregatedScenario())
	want := []struct {
		y    int64
		busy string
	}{
		// (1 + y) × 0.059697152 × 1,000 / (y × 219)
		{1, "0.545179470319634703196347"}, // 119.394304 / 219
		{2, "0.408884602739726027397260"}, // 179.091456 / 438
		{4, "0.340737168949771689497717"}, // 298.48576 / 876
		{8, "0.306663452054794520547945"}, // 537.274368 / 1,752
	}
	if len(cands) != len(want) {
		t.Fatalf("%d units, want %d", len(cands), len(want))
	}
	for i, w := range want {
		c := cands[i]
		p := c.Pools
		if p == nil || p.PrefillReplicas != 1 || p.DecodeReplicas != w.y || c.AcceleratorsPerReplica != 1+w.y || p.Limit != "decode" {
			t.Fatalf("unit %d: %+v on %d, want 1 prefill and %d decode replicas (decode-limited)", i, p, c.AcceleratorsPerReplica, w.y)
		}
		checkNear(t, "accelerator-seconds a request", c.AcceleratorSecondsPerRequest, d(w.busy))
		// The prefill pool's accelerator is the input's share: 1 / (1 + y).
		checkNear(t, "input share", c.InputShareOfTime, div(one, intDecimal(1+w.y)))
		// The prefill replica is busy y × rd × 0.032 of the time:
		// y × 219 × 0.032 / 0.059697152 = y × 7.008 / 59.697152 = y ×
		// 0.1173925349068578681944492…
		checkNear(t, "prefill pool busy", p.OtherBusy, d("0.1173925349068578681944492").Mul(intDecimal(w.y)))
	}
	u := cands[3]
	// The decode step alone is the time per output token: no prefill
	// shares it.
	checkNear(t, "TPOT ms", *u.TPOTMs, d("59.697152"))
	checkNear(t, "step ms", *u.DecodeStepMs, d("59.697152"))
	// First token: the fixed time a request, 245 ms (request_overhead_ms),
	// the prompt's 32 ms, its KV cache (1,000 × 131,072 = 131,072,000
	// bytes) over the 100 GB/s link, 1.31072 ms, and a decode step:
	// 338.007872 ms.
	checkNear(t, "prompt ms", u.Pools.PromptMs, d("32"))
	checkNear(t, "transfer ms", u.Pools.KVTransferMs, d("1.31072"))
	checkNear(t, "TTFT ms", *u.TimeToFirstTokenMs, d("338.007872"))
	if got, want := u.Pools.Detail(), "a prompt's prefill 32 ms on a prefill replica, its KV cache's transfer 1.31 ms; the decode pool sets the unit's rate, the prefill pool busy 93.9 % of the time"; got != want {
		t.Errorf("detail %q, want %q", got, want)
	}

	// The cost model takes the cheapest for 1,000 requests a day: one
	// unit of two accelerators, $1 × 730 hours each.
	r := mustEval(t, disaggregatedScenario())
	o := r.Options[0]
	if o.AcceleratorsPerReplica != 2 || o.PeakAccelerators.String() != "2" {
		t.Errorf("unit of %d, peak %s; want 2, 2", o.AcceleratorsPerReplica, o.PeakAccelerators)
	}
	checkNear(t, "total", o.TotalCost, d("1460"))
	if want := "a unit of 1 prefill replica of 1 accelerator (tensor parallel) and 1 decode replica of 1 (tensor parallel), 2 accelerators: the cheapest of 4 units considered for this demand"; o.Why != want {
		t.Errorf("why %q, want %q", o.Why, want)
	}
	if want := "memory-bound; the batch is capped by the memory left for KV; the unit's decode pool sets its rate"; o.Binds() != want {
		t.Errorf("binds %q, want %q", o.Binds(), want)
	}
	if a := o.Accuracy; a == nil || !strings.Contains(strings.Join(a.Outside, "; "), "disaggregated serving") {
		t.Errorf("accuracy %+v does not say disaggregated serving is outside the validation", a)
	}
}

// TestDisaggregatedTargets: the decode replica's batch is held to the
// time-per-token target by its step alone, and a first-token target the
// fastest unit misses names what it would take.
func TestDisaggregatedTargets(t *testing.T) {
	s := disaggregatedScenario()
	s.Workload.TPOTSLOms = N("30")
	cands := candidatesOf(t, s)
	// Step (16e9 + b × 1,500 × 131,072) / 1e12 + 0.64 ms ≤ 30 ms:
	// b ≤ 13.36e9 / 196,608,000 = 67.95, batch 67 (with its share of
	// prefill, colocated, it would be 58: TestRooflineSLO).
	if b := *cands[0].BatchSize; b != 67 || cands[0].BatchLimit != "slo" {
		t.Errorf("batch %d (%s), want 67 (slo)", b, cands[0].BatchLimit)
	}
	// 16e9 + 67 × 196,608,000 = 29,172,736,000 bytes: 29.172736 ms, plus
	// 0.64 ms.
	checkNear(t, "TPOT ms", *cands[0].TPOTMs, d("29.812736"))

	s = disaggregatedScenario()
	s.Workload.TTFTSLOms = N("335")
	_, err := Evaluate(s)
	const want = "option 1 (x) cannot serve: with disaggregated serving, the fastest first token considered (the fixed time a request, 245 ms, a prompt's prefill on a replica of 1 accelerator, its KV cache's transfer and a decode step) takes 339 ms, more than the time-to-first-token target (workload.ttft_slo_ms) of 335 ms. Raise the target to at least 339 ms, or choose a faster accelerator."
	if got := errorAt(err, "workload.ttft_slo_ms"); got != want {
		t.Errorf("error %v, want %q", err, want)
	}
	// 339 ms is met.
	s.Workload.TTFTSLOms = N("339")
	mustEval(t, s)
}

// TestDisaggregatedPins: a prefill size that cannot hold the model is
// refused at its own field, and the serving mode is unused with measured
// rates.
func TestDisaggregatedPins(t *testing.T) {
	s := disaggregatedScenario()
	// 40 B parameters: 80 GB of weights fill one 80 GB accelerator.
	s.Model.TotalParamsB = N("40")
	s.Options[0].AcceleratorsPerReplica = N("2")
	_, err := Evaluate(s)
	if got := errorAt(err, "options[0].prefill_accelerators_per_replica"); !strings.Contains(got, "a replica of 1 accelerator (prefill_accelerators_per_replica) cannot hold the weights") {
		t.Fatalf("error %v, want one naming prefill_accelerators_per_replica", err)
	}
	s.Options[0].PrefillAcceleratorsPerReplica = N("2")
	if o := mustEval(t, s).Options[0]; o.Pools == nil || o.Pools.PrefillAcceleratorsPerReplica != 2 || o.Pools.DecodeAcceleratorsPerReplica != 2 {
		t.Errorf("pools %+v, want both replicas of 2", o.Pools)
	}

	m := disaggregatedScenario()
	m.Options[0].PrefillTokensPerS, m.Options[0].DecodeTokensPerS = N("10000"), N("1000")
	if o := mustEval(t, m).Options[0]; o.Pools != nil {
		t.Errorf("measured rates served disaggregated: %+v", o.Pools)
	}
	for e := range Resolve(m).All() {
		if p := e.Path(); (p == "options[0].disaggregated" || p == "options[0].prefill_accelerators_per_replica") && e.Used() {
			t.Errorf("%s is used with measured rates", p)
		}
	}
	colocated := rooflineScenario()
	for e := range Resolve(colocated).All() {
		if p := e.Path(); p == "options[0].prefill_accelerators_per_replica" && e.Used() {
			t.Errorf("%s is used while colocated", p)
		}
	}
}
