package engine

// Example is a built-in scenario that tells one story of the field.
type Example struct {
	ID       string
	Title    string
	Story    string
	Scenario Scenario
}

// Examples are the built-in scenarios, the first being the app's default.
// Their prices are the catalog's indicative figures; the point is the shape
// of the decision, not the exact quote.
var Examples = []Example{
	{
		ID:    "startup",
		Title: "Start-up: API or rent H100s?",
		Story: "A chat product growing 10 % a month. The API is cheapest at launch; renting GPUs wins once volume fills them. When?",
		Scenario: Scenario{
			Version: 1, Name: "Start-up: API or rent H100s?",
			// Every example asks for 50 ms a token (20 tokens/s per user), a
			// chat product's floor: without a target the roofline picked
			// batches nobody runs (the MI325X fleet at 248 ms a token).
			// 75,000 requests a day: with the communication of a 2-GPU replica
			// priced in, the API is cheaper until month 7 (at 150,000 the
			// GPUs won from month 1 and the example told no story).
			Workload: Workload{RequestsPerDay: N("75000"), InputTokens: N("1200"), OutputTokens: N("250"),
				CachedInputShare: N("0.3"), PeakToAverage: N("2"), MonthlyGrowth: N("0.1"), HorizonMonths: N("24"), TPOTSLOms: N("50")},
			Model:   Model{Preset: "llama-3.1-70b", WeightBits: N("8"), KVBits: N("8")},
			Revenue: &Revenue{PriceInputPerM: N("2"), PriceCachedInputPerM: N("0.5"), PriceOutputPerM: N("8")},
			Options: []Option{
				{Label: "Token API", Kind: API, PriceInputPerM: N("0.88"), PriceCachedInputPerM: N("0.44"), PriceOutputPerM: N("0.88")},
				{Label: "H100 on demand", Kind: Cloud, Accelerator: &Accelerator{Preset: "h100-sxm"}},
				{Label: "H100, 4 reserved for a year", Kind: Cloud, Accelerator: &Accelerator{Preset: "h100-sxm"},
					CommitAccelerators: N("4"), CommitHourlyRate: N("2.10"), CommitMonths: N("12")},
			},
		},
	},
	{
		ID:    "commitment",
		Title: "Lab: a big multi-year commitment or flexible capacity?",
		Story: "A lab serving an MoE model at 20 M requests a day. A three-year H200 reservation is cheap per hour, but pays for idle GPUs if growth disappoints. Try growth at 0 % and 6 %.",
		Scenario: Scenario{
			Version: 1, Name: "Lab: a big multi-year commitment or flexible capacity?",
			Workload: Workload{RequestsPerDay: N("20000000"), InputTokens: N("2000"), OutputTokens: N("400"),
				CachedInputShare: N("0.5"), PeakToAverage: N("1.8"), MonthlyGrowth: N("0.03"), HorizonMonths: N("48"), TPOTSLOms: N("50")},
			Model:   Model{Preset: "qwen3-235b-a22b", WeightBits: N("8"), KVBits: N("8")},
			Revenue: &Revenue{PriceInputPerM: N("0.6"), PriceCachedInputPerM: N("0.15"), PriceOutputPerM: N("2.4")},
			Options: []Option{
				{Label: "H200 on demand", Kind: Cloud, Accelerator: &Accelerator{Preset: "h200"}},
				{Label: "H200, 3-year reservation", Kind: Cloud, Accelerator: &Accelerator{Preset: "h200"},
					CommitAccelerators: N("128"), CommitHourlyRate: N("2.30"), CommitMonths: N("36")},
				{Label: "B200 on demand", Kind: Cloud, Accelerator: &Accelerator{Preset: "b200"}},
			},
		},
	},
	{
		ID:    "owned-fleet",
		Title: "Owned fleet: NVIDIA, AMD or TPU?",
		Story: "Buying and running accelerators for five years against renting TPUs: capex, power, facility and people, for Llama 3.1 405B.",
		Scenario: Scenario{
			Version: 1, Name: "Owned fleet: NVIDIA, AMD or TPU?",
			Workload: Workload{RequestsPerDay: N("3000000"), InputTokens: N("1500"), OutputTokens: N("350"),
				CachedInputShare: N("0.4"), PeakToAverage: N("1.6"), MonthlyGrowth: N("0.02"), HorizonMonths: N("60"), TPOTSLOms: N("50")},
			Model: Model{Preset: "llama-3.1-405b"},
			Options: []Option{
				{Label: "H200 owned", Kind: Owned, Accelerator: &Accelerator{Preset: "h200"}, StaffPerMonth: N("60000")},
				{Label: "MI325X owned", Kind: Owned, Accelerator: &Accelerator{Preset: "mi325x"}, StaffPerMonth: N("60000")},
				{Label: "TPU v6e rented", Kind: Cloud, Accelerator: &Accelerator{Preset: "tpu-v6e"}},
			},
		},
	},
	{
		ID:    "moe-newest",
		Title: "MoE on the newest accelerators",
		Story: "DeepSeek-V3 (671 B total, 37 B active) on GB200, B200 and MI355X, against its own API.",
		Scenario: Scenario{
			Version: 1, Name: "MoE on the newest accelerators",
			Workload: Workload{RequestsPerDay: N("5000000"), InputTokens: N("3000"), OutputTokens: N("600"),
				CachedInputShare: N("0.5"), PeakToAverage: N("2"), MonthlyGrowth: N("0.04"), HorizonMonths: N("36"), TPOTSLOms: N("50")},
			Model: Model{Preset: "deepseek-v3"},
			Options: []Option{
				{Label: "GB200 NVL72 rented", Kind: Cloud, Accelerator: &Accelerator{Preset: "gb200"}},
				{Label: "B200 rented", Kind: Cloud, Accelerator: &Accelerator{Preset: "b200"}},
				{Label: "MI355X owned", Kind: Owned, Accelerator: &Accelerator{Preset: "mi355x"}},
				{Label: "DeepSeek API", Kind: API, PriceInputPerM: N("0.27"), PriceCachedInputPerM: N("0.07"), PriceOutputPerM: N("1.10")},
			},
		},
	},
}

// DefaultScenario is what the app opens with: a copy of the first example.
func DefaultScenario() Scenario { return Examples[0].Scenario.Clone() }
