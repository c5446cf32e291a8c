package engine

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
)

// Accuracy says how right a throughput estimate is likely to be: what the
// validation (docs/validation.md) found for held-out measurements of the
// same kind, and where the scenario goes beyond what any measurement
// covers. A measured throughput has none: it is the user's own figure.
type Accuracy struct {
	// Kind names the group of held-out measurements the band comes from,
	// e.g. "dense models on NVIDIA accelerators".
	Kind  string `json:"kind"`
	Cases int    `json:"cases"`
	// Within25 is how many of those cases the estimate got within ±25 %.
	Within25 int `json:"within_25"`
	// Low, Median and High are the measured throughput as a multiple of the
	// estimate: the 10th, 50th and 90th percentile over those cases. Real
	// throughput of 0.5× the estimate means a fleet twice as large.
	Low    decimal.Decimal `json:"low"`
	Median decimal.Decimal `json:"median"`
	High   decimal.Decimal `json:"high"`
	// Outside lists, in words, each way the scenario is outside what the
	// measurements cover; the band then understates the error.
	Outside []string `json:"outside,omitempty"`
	// TPOT and TTFT are how right the estimate's time per output token and
	// time to first token are likely to be: the bands of the latency checks
	// (docs/validation.md); nil when a check has no case at all.
	TPOT *LatencyBand `json:"tpot,omitempty"`
	TTFT *LatencyBand `json:"ttft,omitempty"`
}

// LatencyBand is a latency check's figures (time per output token, or time
// to first token) for the group of held-out measurements named by Kind:
// the measured time as a multiple of the estimate's, at the 10th, 50th and
// 90th percentile. Above 1, users wait longer than the estimate says.
type LatencyBand struct {
	Kind     string          `json:"kind"` // e.g. "MoE models on the NVIDIA B200"
	Cases    int             `json:"cases"`
	Within25 int             `json:"within_25"`
	Low      decimal.Decimal `json:"low"`
	Median   decimal.Decimal `json:"median"`
	High     decimal.Decimal `json:"high"`
}

// Sentence is the band in words, e.g. "measured 0.83–1.23× the estimate
// (median 1.05×) in the middle 80 % of 42 held-out measurements of MoE
// models on the NVIDIA B200; 39 within ±25 %".
func (b *LatencyBand) Sentence() string {
	return fmt.Sprintf("measured %s–%s× the estimate (median %s×) in the middle 80 %% of %d held-out measurements of %s; %d within ±25 %%",
		b.Low.StringFixed(2), b.High.StringFixed(2), b.Median.StringFixed(2), b.Cases, b.Kind, b.Within25)
}

// Validated reports whether the estimate is inside what validation covers.
func (a *Accuracy) Validated() bool { return a != nil && len(a.Outside) == 0 }

// Band is the accuracy in words, e.g. "measured 0.55–1.31× the estimate
// (median 0.84×) in the middle 80 % of 36 held-out measurements of dense
// models on NVIDIA accelerators; 14 within ±25 %".
func (a *Accuracy) Band() string {
	return fmt.Sprintf("measured %s–%s× the estimate (median %s×) in the middle 80 %% of %d held-out measurements of %s; %d within ±25 %%",
		a.Low.StringFixed(2), a.High.StringFixed(2), a.Median.StringFixed(2), a.Cases, a.Kind, a.Within25)
}

// latencyBandFor is a latency check's band (tpotBands, ttftBands) for a
// model of the class on an accelerator (narrowest); nil when the check has
// no case of the class.
func latencyBandFor(bands []validationBand, moe bool, vendor, preset, name string) *LatencyBand {
	b, kind := narrowest(bands, moe, vendor, preset, name)
	if b.cases == 0 {
		return nil
	}
	return &LatencyBand{Kind: kind, Cases: b.cases, Within25: b.within25, Low: b.low, Median: b.median, High: b.high}
}

// narrowest is the band of bands for a model of the class (moe) on an
// accelerator (a catalog preset and its vendor and name; "" for custom
// specs), and the words naming its kind: the accelerator's own when it
// has at least minBandCases cases, else its vendor's, else every vendor's
// ("MoE models on the NVIDIA B200", "dense models on NVIDIA accelerators",
// "dense models"). Its cases are 0 when there is no band of the class.
func narrowest(bands []validationBand, moe bool, vendor, preset, name string) (validationBand, string) {
	var own, ven, all validationBand
	for _, b := range bands {
		switch {
		case b.moe != moe:
		case b.vendor == "":
			all = b
		case b.cases < minBandCases:
		case b.accelerator == "" && b.vendor == vendor:
			ven = b
		case b.accelerator != "" && b.accelerator == preset:
			own = b
		}
	}
	kind := "dense models"
	if moe {
		kind = "MoE models"
	}
	switch {
	case own.cases > 0:
		return own, kind + " on the " + name
	case ven.cases > 0:
		return ven, kind + " on " + vendor + " accelerators"
	}
	return all, kind
}

// validationBand is one group's figures in the generated accuracyBands.
type validationBand struct {
	vendor                string // "" for every vendor
	accelerator           string // a catalog preset; "" for the vendor's (or every vendor's) band
	moe                   bool
	cases, within25       int
	low, median, high     decimal.Decimal // measured / estimate
	maxReplica, maxTokens int64           // widest replica and longest sequence measured
}

// minBandCases is the fewest held-out cases an accelerator's or a
// vendor's own band needs; with fewer, the vendor's band is used, then the
// band of every vendor.
const minBandCases = 8

// estimateAccuracy is the accuracy of an estimate on accelerator a (a catalog
// preset, or "" for custom specs) at replica size n for the workload.
func estimateAccuracy(w workloadPlan, m modelPlan, accelPreset string, n int64) *Accuracy {
	moe := m.moe || m.activeParams.Cmp(m.params) < 0
	vendor, name := "", ""
	if p, ok := FindAccelerator(accelPreset); ok {
		vendor, name = p.Vendor, p.Name
	}
	// The narrowest band with enough cases: this accelerator's, its
	// vendor's, every vendor's. Every band of a class holds what the
	// measurements of the class cover (maxReplica, maxTokens).
	band, kind := narrowest(accuracyBands, moe, vendor, accelPreset, name)
	if band.cases == 0 {
		return nil // no measurement of this kind at all
	}
	class := "dense"
	if moe {
		class = "MoE"
	}
	a := &Accuracy{Kind: kind, Cases: band.cases, Within25: band.within25, Low: band.low, Median: band.median, High: band.high,
		TPOT: latencyBandFor(tpotBands, moe, vendor, accelPreset, name),
		TTFT: latencyBandFor(ttftBands, moe, vendor, accelPreset, name)}

	switch {
	case accelPreset == "":
		a.Outside = append(a.Outside, "custom accelerator: no published measurement to compare with")
	case !slices.Contains(validatedAccelerators, accelPreset):
		a.Outside = append(a.Outside, "no published measurement on this accelerator: the estimate rests on its datasheet alone")
	}
	if m.activeParams.Cmp(m.params) < 0 && !m.moe {
		a.Outside = append(a.Outside, "MoE model without its expert fields: a decode step is taken to read the active weights only, which measurements show is optimistic at real batch sizes")
	}
	if n > band.maxReplica {
		a.Outside = append(a.Outside, fmt.Sprintf("a replica of %d accelerators is wider than any measured for %s models (%d)", n, class, band.maxReplica))
	}
	if seq := w.in.Add(w.out); seq.Cmp(dec(band.maxTokens)) > 0 {
		a.Outside = append(a.Outside, fmt.Sprintf("%s tokens a request is longer than any measured (%d)", Count(seq, 0), band.maxTokens))
	}
	return a
}
