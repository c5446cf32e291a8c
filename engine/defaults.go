package engine

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
)

// Defaults used when neither the user nor a preset gives a value. Each is
// explained in docs/methodology.md.
var (
	DefaultCachedInputShare = decimal.Zero
	DefaultPeakToAverage    = decimal.NewFromInt(1)
	DefaultMonthlyGrowth    = decimal.Zero
	DefaultHorizonMonths    = decimal.NewFromInt(36)
	DefaultBits             = decimal.NewFromInt(16)

	// MBU, MFU, the collective latency and CollectiveBandwidthShare are
	// fitted together on the training set of published measurements
	// (TestFitEfficiency recomputes the fit; docs/methodology.md,
	// Throughput). The latency's grid stops at 50 µs: NCCL measures 10–30 µs
	// an all-reduce within a node, and a larger fitted latency would stand
	// for throughput losses at large batches while wrongly slowing batch 1.
	DefaultMBU                 = decimal.RequireFromString("0.65")
	DefaultMFU                 = decimal.RequireFromString("0.5")
	DefaultCollectiveLatencyUs = decimal.RequireFromString("35")
	// CollectiveBandwidthShare is the share of the scale-up link's bandwidth
	// per direction that a tensor-parallel all-reduce achieves in serving
	// (messages of a few MB, not overlapped with compute), fitted with them.
	CollectiveBandwidthShare = decimal.RequireFromString("0.3")
	// DefaultUsableMemoryShare is, when usable_memory_share is unset, the
	// share of the memory left after the weights that holds KV (TensorRT-LLM's
	// free_gpu_memory_fraction); a usable_memory_share the user sets is a
	// share of all the memory, weights included.
	DefaultUsableMemoryShare = decimal.RequireFromString("0.9")
	DefaultMaxUtilization    = decimal.RequireFromString("0.8")

	DefaultDepreciationYears = decimal.NewFromInt(4)
	DefaultResidualShare     = decimal.RequireFromString("0.1")
	DefaultCostOfCapital     = decimal.RequireFromString("0.08")
	DefaultIdlePowerShare    = decimal.RequireFromString("0.3")
	DefaultPUE               = decimal.RequireFromString("1.3")
	DefaultElectricity       = decimal.RequireFromString("0.1")
	DefaultColoPerKWMonth    = decimal.NewFromInt(150)
	DefaultOpexSharePerYear  = decimal.RequireFromString("0.05")

	// HostPowerFactor turns board power into all-in power per accelerator:
	// a DGX H100 draws 10.2 kW for eight 0.7 kW GPUs, 1.82× board power.
	HostPowerFactor = decimal.RequireFromString("1.8")

	// MaxReplicaAccelerators bounds the automatic replica search: past one
	// rack-scale domain a replica is not a sane deployment.
	MaxReplicaAccelerators = int64(64)
)

// DefaultWorkload is the value a workload field takes when unset, and
// whether there is one (required fields have none).
func DefaultWorkload(key string) (decimal.Decimal, bool) {
	switch key {
	case "cached_input_share":
		return DefaultCachedInputShare, true
	case "peak_to_average":
		return DefaultPeakToAverage, true
	case "monthly_growth":
		return DefaultMonthlyGrowth, true
	case "horizon_months":
		return DefaultHorizonMonths, true
	}
	return decimal.Zero, false
}

// DefaultModel is the value a model field takes when unset under preset
// (which may be ""), and whether there is one.
func DefaultModel(preset, key string) (decimal.Decimal, bool) {
	if i := slices.IndexFunc(Models, func(m ModelPreset) bool { return m.ID == preset }); i >= 0 {
		for _, f := range ModelFields {
			if f.Key == key {
				n := f.Get(&Models[i].Shape) // the catalog's own row: no copy
				return n.Dec(), n.Set()
			}
		}
		return decimal.Zero, false
	}
	switch key {
	case "weight_bits", "kv_bits":
		return DefaultBits, true
	}
	return decimal.Zero, false
}

// DefaultAccelerator is the preset's spec for a field. For "tflops" it is
// the rate at the given weight precision: FP8 at 8 bits or fewer.
func DefaultAccelerator(preset, key string, weightBits decimal.Decimal) (decimal.Decimal, bool) {
	p, ok := FindAccelerator(preset)
	if !ok {
		return decimal.Zero, false
	}
	switch key {
	case "memory_gb":
		return p.MemoryGB.Dec(), true
	case "bandwidth_tbps":
		return p.BandwidthTBps.Dec(), true
	case "tflops":
		if weightBits.Cmp(decimal.NewFromInt(8)) <= 0 {
			return p.TFLOPS8.Dec(), true
		}
		return p.TFLOPSBF16.Dec(), true
	case "power_kw":
		return p.PowerKW.Dec(), true
	case "interconnect_gbps":
		return p.InterconnectGBps.Dec(), p.InterconnectGBps.Set()
	}
	return decimal.Zero, false
}

// DefaultOption is the value an option field takes when unset, given the
// option's accelerator preset and resolved board power, and whether there
// is one.
func DefaultOption(o *Option, key string, boardPowerKW decimal.Decimal) (decimal.Decimal, bool) {
	var preset AcceleratorPreset
	if o.Accelerator != nil {
		preset, _ = FindAccelerator(o.Accelerator.Preset)
	}
	switch key {
	case "hourly_rate":
		return preset.HourlyRate.Dec(), preset.HourlyRate.Set()
	case "commit_accelerators", "commit_months", "spare_replicas", "staff_per_month":
		return decimal.Zero, true
	case "commit_hourly_rate":
		// The commitment's rate defaults to the option's own on-demand rate.
		if o.HourlyRate.Set() {
			return o.HourlyRate.Dec(), true
		}
		if preset.HourlyRate.Set() {
			return preset.HourlyRate.Dec(), true
		}
		// Without any rate it only matters when something is committed.
		return decimal.Zero, !(o.CommitAccelerators.Set() && o.CommitAccelerators.Dec().Sign() > 0)
	case "capex_per_accelerator":
		return preset.Capex.Dec(), preset.Capex.Set()
	case "depreciation_years":
		return DefaultDepreciationYears, true
	case "residual_share":
		return DefaultResidualShare, true
	case "cost_of_capital":
		return DefaultCostOfCapital, true
	case "power_kw":
		if boardPowerKW.IsZero() {
			return decimal.Zero, false
		}
		return boardPowerKW.Mul(HostPowerFactor), true
	case "idle_power_share":
		return DefaultIdlePowerShare, true
	case "pue":
		return DefaultPUE, true
	case "electricity_per_kwh":
		return DefaultElectricity, true
	case "colo_per_kw_month":
		return DefaultColoPerKWMonth, true
	case "opex_share_per_year":
		return DefaultOpexSharePerYear, true
	case "price_cached_input_per_m":
		if o.PriceInputPerM.Set() {
			return o.PriceInputPerM.Dec(), true
		}
		return decimal.Zero, false
	case "mbu":
		return DefaultMBU, true
	case "mfu":
		return DefaultMFU, true
	case "usable_memory_share":
		return DefaultUsableMemoryShare, true
	case "max_utilization":
		return DefaultMaxUtilization, true
	case "collective_latency_us":
		return DefaultCollectiveLatencyUs, true
	}
	return decimal.Zero, false
}

// checkRange reports why a set value is out of its field's range, or "".
func checkRange(f Field, n Num) string {
	if n.Bad() != "" {
		return numError(n.Bad()).Error()
	}
	if !n.Set() {
		return ""
	}
	v := n.Dec()
	switch {
	case f.MinExclusive && v.Cmp(f.Min) <= 0:
		return fmt.Sprintf("must be > %s", f.Min)
	case !f.MinExclusive && v.Cmp(f.Min) < 0:
		return fmt.Sprintf("must be ≥ %s", f.Min)
	case v.Cmp(f.Max) > 0:
		return fmt.Sprintf("must be ≤ %s", f.Max)
	case f.Integer && !v.Equal(v.Truncate(0)):
		return "must be a whole number"
	}
	return ""
}
