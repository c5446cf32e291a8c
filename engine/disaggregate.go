package engine

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Pools is a disaggregated option's unit: so many prefill replicas and so
// many decode replicas, each pool with its own replica size, that the
// fleet adds and removes together (docs/methodology.md, "Disaggregated
// serving"). The unit's Throughput has the decode replica's batch, step,
// layout and time per output token, and the unit's accelerators and
// accelerator-seconds a request.
type Pools struct {
	PrefillReplicas               int64  `json:"prefill_replicas"`
	PrefillAcceleratorsPerReplica int64  `json:"prefill_accelerators_per_replica"`
	PrefillLayout                 string `json:"prefill_layout"`
	DecodeReplicas                int64  `json:"decode_replicas"`
	DecodeAcceleratorsPerReplica  int64  `json:"decode_accelerators_per_replica"`
	DecodeLayout                  string `json:"decode_layout"`
	// PromptMs is a request's uncached prompt on one prefill replica;
	// KVTransferMs is the move of its KV cache to a decode replica.
	PromptMs     decimal.Decimal `json:"prompt_ms"`
	KVTransferMs decimal.Decimal `json:"kv_transfer_ms"`
	// Limit is the pool whose capacity sets the unit's rate, "prefill" or
	// "decode"; the other pool is busy OtherBusy of the time at that rate.
	Limit     string          `json:"limit"`
	OtherBusy decimal.Decimal `json:"other_busy"`
}

// String is the unit in words, e.g. "1 prefill replica of 8 accelerators
// (tensor parallel) and 3 decode replicas of 8 (expert parallel)".
func (p *Pools) String() string {
	return strconv.FormatInt(p.PrefillReplicas, 10) + " prefill " + plural(p.PrefillReplicas, "replica", "replicas") + " of " +
		accelerators(p.PrefillAcceleratorsPerReplica) + " (" + p.PrefillLayout + ") and " +
		strconv.FormatInt(p.DecodeReplicas, 10) + " decode " + plural(p.DecodeReplicas, "replica", "replicas") + " of " +
		strconv.FormatInt(p.DecodeAcceleratorsPerReplica, 10) + " (" + p.DecodeLayout + ")"
}

func plural(n int64, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// maxPoolReplicas bounds either pool's replicas in a unit. poolCaps are
// the unit sizes offered to the cost model: for each decode replica, the
// unit with the fewest accelerator-seconds a request among those whose
// pools hold at most 1, 2, 4, 8 and 16 replicas each (a small demand is
// served cheapest by a small unit, a large one by a balanced unit).
const maxPoolReplicas = 16

var poolCaps = [...]int64{1, 2, 4, 8, maxPoolReplicas}

// disaggregate is a disaggregated option's candidate units. The decode
// pool's replicas are estimates' candidates with no prefill in their step
// (their TPOT is the decode step, held to the target); the prefill pool's
// are the same sizes prefilling only (prefillAt), of which those that no
// other beats on size, accelerator-seconds a prompt and the prompt's time
// are kept. For each decode replica and each cap of poolCaps, the unit
// (prefill replica, x of them, y decode replicas) with the fewest
// accelerator-seconds a request whose first token meets the target:
//
//	rate = min(x / prompt, y × batch / (out × step)) requests a second
//	accelerator-seconds a request = (x × n_prefill + y × n_decode) / rate
//	first token = c + prompt + KV transfer + step
//
// where prompt is a request's uncached input on a prefill replica.
func disaggregate(w workloadPlan, m modelPlan, o *optionPlan) ([]Throughput, *FieldError) {
	decode, fe := replicas(w, m, o, o.perReplica, estimateAt)
	if fe != nil {
		return nil, fe
	}
	prefill, fe := replicas(w, m, o, o.prefillPerReplica, prefillAt)
	if fe != nil {
		if o.prefillPerReplica > 0 && fe.Path == OptionPath(o.index, "accelerators_per_replica") {
			fe = &FieldError{OptionPath(o.index, "prefill_accelerators_per_replica"),
				strings.ReplaceAll(fe.Msg, "(accelerators_per_replica)", "(prefill_accelerators_per_replica)")}
		}
		return nil, fe
	}
	var pres []prefillReplica
	for i := range prefill {
		t := &prefill[i]
		n := intDecimal(t.AcceleratorsPerReplica)
		prompt := div(w.uncachedIn(), mul(t.PrefillTokensPerS, n))
		pres = append(pres, prefillReplica{t, prompt, mul(prompt, n), div(one, prompt)})
	}
	// Keep the prefill replicas no other beats: no larger, no more
	// accelerator-seconds a prompt and no slower (earlier on a tie).
	kept := pres[:0:0]
	for i, p := range pres {
		beaten := false
		for k, q := range pres {
			if k == i || q.t.AcceleratorsPerReplica > p.t.AcceleratorsPerReplica || cmp(q.busy, p.busy) > 0 || cmp(q.prompt, p.prompt) > 0 {
				continue
			}
			if k < i || q.t.AcceleratorsPerReplica < p.t.AcceleratorsPerReplica || cmp(q.busy, p.busy) < 0 || cmp(q.prompt, p.prompt) < 0 {
				beaten = true
				break
			}
		}
		if !beaten {
			kept = append(kept, p)
		}
	}
	kvBytes := m.kvHeld(w.in) // the whole prompt's KV moves, cached or not
	// fewer reports that u costs fewer accelerator-seconds a request than
	// b (n / rate, compared as products: exact, and no division), or as
	// many on fewer accelerators.
	fewer := func(u, b *poolUnit) bool {
		c := cmp(mul(intDecimal(u.n), b.rate), mul(intDecimal(b.n), u.rate))
		return c < 0 || c == 0 && u.n < b.n
	}
	var out []Throughput
	var fastest *decimal.Decimal // the quickest first token that misses the target
	var fastN int64
	for j := range decode {
		d := &decode[j]
		nd := d.AcceleratorsPerReplica
		step := div(*d.DecodeStepMs, thousand)
		// Requests a second one decode replica finishes: its output rate
		// over a request's output tokens.
		rd := div(mul(d.DecodeTokensPerS, intDecimal(nd)), w.out)
		var best [len(poolCaps)]*poolUnit
		for pi, p := range kept {
			np := p.t.AcceleratorsPerReplica
			// The first token within a scale-up domain and across it.
			var transfer, ttft [2]decimal.Decimal
			for k, across := range [2]bool{false, true} {
				transfer[k] = kvTransfer(o, p.t, across, kvBytes)
				ttft[k] = sum(sum(sum(o.requestOverhead, p.prompt), transfer[k]), step)
			}
			// The prefill replicas a decode replica needs: rd × prompt.
			ratio := mul(rd, p.prompt)
			for y := int64(1); y <= maxPoolReplicas; y++ {
				decodeRate := mul(intDecimal(y), rd)
				// The balanced count, rounded down and up, within 1 to
				// maxPoolReplicas.
				xf := floor(mul(intDecimal(y), ratio)).IntPart()
				lo, hi := min(max(xf, 1), maxPoolReplicas), min(max(xf+1, 1), maxPoolReplicas)
				for k, x := range [2]int64{lo, hi} {
					if k == 1 && hi == lo {
						continue
					}
					n := x*np + y*nd
					rate := decodeRate
					if p.rate.Sign() > 0 {
						rate = minDec(rate, mul(intDecimal(x), p.rate))
					}
					link := 0
					if o.accel.scalesOut(n) {
						link = 1
					}
					if w.ttft.Sign() > 0 && cmp(ttft[link], w.ttft) > 0 {
						if fastest == nil || cmp(ttft[link], *fastest) < 0 {
							fastest, fastN = &ttft[link], np
						}
						continue
					}
					u := &poolUnit{&kept[pi], x, y, n, rate, ttft[link], transfer[link]}
					for c, limit := range poolCaps {
						if x <= limit && y <= limit && (best[c] == nil || fewer(u, best[c])) {
							best[c] = u
						}
					}
				}
			}
		}
		for c, u := range best {
			if u == nil || c > 0 && best[c-1] == u {
				continue
			}
			out = append(out, u.throughput(*d, rd))
		}
	}
	if len(out) == 0 {
		ms := roundUp(mul(*fastest, thousand), 0)
		return nil, &FieldError{"workload.ttft_slo_ms", fmt.Sprintf(
			"with disaggregated serving, the fastest first token considered (the fixed time a request, %s ms, a prompt's prefill on a replica of %s, its KV cache's transfer and a decode step) takes %s ms, more than the time-to-first-token target (workload.ttft_slo_ms) of %s ms. Raise the target to at least %s ms, or choose a faster accelerator.",
			Count(mul(o.requestOverhead, thousand), 0), accelerators(fastN), Count(ms, 0), Count(w.ttft.Mul(thousand), 3), Count(ms, 0))}
	}
	return out, nil
}

// kvTransfer is the time to move a prompt's KV cache (bytes) from a
// prefill replica p to a decode replica: over the scale-up interconnect
// when the unit fits in one scale-up domain, else (out: the caller asks
// acceleratorPlan.scalesOut) the scale-out network, at the link's peak. Tensor parallel, each
// of p's accelerators sends its share over its own link; expert parallel, a
// sequence's KV is on one accelerator. None when the link is unknown.
func kvTransfer(o *optionPlan, p *Throughput, out bool, bytes decimal.Decimal) decimal.Decimal {
	link := o.accel.interconnect
	if out {
		link = o.accel.scaleOut
	}
	if p.Layout == LayoutTensor {
		link = mul(link, intDecimal(p.AcceleratorsPerReplica))
	}
	return div(bytes, link)
}

// prefillReplica is a prefill pool's replica: its estimate, a prompt's
// seconds on it, its accelerator-seconds a prompt and its prompts a second
// (zero when a prompt takes none).
type prefillReplica struct {
	t                  *Throughput
	prompt, busy, rate decimal.Decimal
}

// poolUnit is a candidate unit: x prefill replicas p, y decode replicas,
// n accelerators, serving rate requests a second, its first token and the
// KV cache's transfer in seconds.
type poolUnit struct {
	p                    *prefillReplica
	x, y, n              int64
	rate, ttft, transfer decimal.Decimal
}

// throughput is the unit's Throughput: decode replica d's batch, step and
// time per token (each decode replica finishing rd requests a second), and
// the unit's accelerators, accelerator-seconds a request and first token.
func (u *poolUnit) throughput(d Throughput, rd decimal.Decimal) Throughput {
	p := u.p
	t := d
	pools := &Pools{
		PrefillReplicas: u.x, PrefillAcceleratorsPerReplica: p.t.AcceleratorsPerReplica, PrefillLayout: p.t.Layout,
		DecodeReplicas: u.y, DecodeAcceleratorsPerReplica: d.AcceleratorsPerReplica, DecodeLayout: d.Layout,
		PromptMs: mul(p.prompt, thousand), KVTransferMs: mul(u.transfer, thousand),
	}
	// The pool that limits the unit's rate, and the other's busy share.
	decodeRate := mul(intDecimal(u.y), rd)
	if prefillRate := mul(intDecimal(u.x), p.rate); p.rate.Sign() > 0 && cmp(prefillRate, decodeRate) < 0 {
		pools.Limit, pools.OtherBusy = "prefill", div(prefillRate, decodeRate)
	} else {
		pools.Limit, pools.OtherBusy = "decode", div(mul(decodeRate, p.prompt), intDecimal(u.x))
	}
	t.Pools = pools
	t.AcceleratorsPerReplica = u.n
	t.PrefillTokensPerS = p.t.PrefillTokensPerS
	t.AcceleratorSecondsPerRequest = div(intDecimal(u.n), u.rate)
	// The prefill pool's accelerators are the input's share of the time.
	t.InputShareOfTime = div(intDecimal(u.x*p.t.AcceleratorsPerReplica), intDecimal(u.n))
	ms := mul(u.ttft, thousand)
	t.TimeToFirstTokenMs = &ms
	return t
}

// Detail is the unit's timing and balance in words, e.g. "a prompt's
// prefill 19.06 ms on a prefill replica, its KV cache's transfer 1.41 ms;
// the prefill pool sets the unit's rate, the decode pool busy 94 % of the
// time".
func (p *Pools) Detail() string {
	other := "decode"
	if p.Limit == "decode" {
		other = "prefill"
	}
	return "a prompt's prefill " + Count(p.PromptMs, 2) + " ms on a prefill replica, its KV cache's transfer " + Count(p.KVTransferMs, 2) +
		" ms; the " + p.Limit + " pool sets the unit's rate, the " + other + " pool busy " + Percent(p.OtherBusy) + " of the time"
}
