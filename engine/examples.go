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
		Story: "A chat product growing 10 % a month: an API or rented H100s? One H100 already costs less than the API at launch, but the fleet grows a whole GPU at a time and the API wins the months just after each step. Rent by the hour or reserve for a year?",
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
		Story: "DeepSeek-V3 (671 B total, 37 B active) on GB200, B200 and MI355X, against its own API. The GB200s are rented twice: every replica prefilling and decoding, and disaggregated, prompts prefilled on replicas of their own and their KV cache sent over NVLink to decode replicas, as NVIDIA Dynamo and SGLang serve DeepSeek. Read each card's operating point.",
		Scenario: Scenario{
			Version: 1, Name: "MoE on the newest accelerators",
			Workload: Workload{RequestsPerDay: N("5000000"), InputTokens: N("3000"), OutputTokens: N("600"),
				CachedInputShare: N("0.5"), PeakToAverage: N("2"), MonthlyGrowth: N("0.04"), HorizonMonths: N("36"), TPOTSLOms: N("50")},
			Model: Model{Preset: "deepseek-v3"},
			Options: []Option{
				{Label: "GB200 NVL72 rented", Kind: Cloud, Accelerator: &Accelerator{Preset: "gb200"}},
				{Label: "GB200 NVL72 disaggregated", Kind: Cloud, Accelerator: &Accelerator{Preset: "gb200"}, Disaggregated: N("1")},
				{Label: "B200 rented", Kind: Cloud, Accelerator: &Accelerator{Preset: "b200"}},
				{Label: "MI355X owned", Kind: Owned, Accelerator: &Accelerator{Preset: "mi355x"}},
				{Label: "DeepSeek API", Kind: API, PriceInputPerM: N("0.27"), PriceCachedInputPerM: N("0.07"), PriceOutputPerM: N("1.10")},
			},
		},
	},
	{
		ID:    "gigawatt",
		Title: "Frontier lab: a gigawatt commitment or flexible capacity?",
		Story: "A lab serving 5 billion requests a day signs for a gigawatt of GB200 in three tranches, as the 2025 gigawatt deals were announced, at $2.50 an hour with a fifth paid upfront. Rental rates and API prices keep falling; demand may grow 8 % a month or not at all, and a 1 GW site caps what can be powered. Try growth at 0 %, 4 % and 8 %, and read the Uncertainty card. The API is an open-weight model at its maker's own price: a floor on what tokens cost, not a way for a lab to serve its own model.",
		// The figures and their sources: the research notes of issue 13
		// item 6 (rows D, P, R, T, W). Figures the catalog lacks are sourced
		// here next to the value; "judgment" marks the few no source pins.
		Scenario: Scenario{
			Version: FormatVersion, Name: "Frontier lab: a gigawatt commitment or flexible capacity?",
			Workload: Workload{
				// 5 B requests a day: ChatGPT alone gets "over 2.5 billion
				// prompts a day" (https://www.bgr.com/1919271/chatgpt-2-5-billion-prompts-every-day/,
				// Axios, 2025-07) and OpenAI's API served ≈8.6 T tokens a day in
				// Oct 2025 (https://a16z.com/state-of-ai/, 2025-12-04); 5 B × 7,500
				// tokens = 37.5 T tokens a day, ≈1.1 quadrillion a month, under
				// Google's 1.3 quadrillion of Oct 2025. A synthesis: no lab
				// publishes one model's requests.
				RequestsPerDay: N("5000000000"),
				// 6,000 input tokens: "mean coding input token length … around
				// 20k tokens. Other large categories … around 5k"
				// (https://openrouter.ai/state-of-ai, 2025-12). Output 1,500
				// (reasoning included), a cached share of 0.5 and a peak of
				// 1.6× the average are judgment.
				InputTokens: N("6000"), OutputTokens: N("1500"), CachedInputShare: N("0.5"), PeakToAverage: N("1.6"),
				// 4 % a month (1.6× a year): between Google's tokens growing 7×
				// a year (9.7 T → 480 T → 3.2 quadrillion a month, Pichai at
				// I/O 2026, https://blog.google, 2026-05-19) and ChatGPT's
				// weekly users growing ≈3 % a month (800 M Oct 2025 → 900 M
				// Feb 2026, https://morningoverview.com/chatgpt-is-closing-in-on-1b-weekly-users-according-to-openai).
				// The spread 0 / 4 / 8 % is judgment (the uncertainty ranges).
				MonthlyGrowth: N("0.04"),
				// Five years: the deals run 5 years (Microsoft–Nebius,
				// Microsoft–IREN) to 7 (OpenAI–AWS).
				HorizonMonths: N("60"), TPOTSLOms: N("50"),
				// 1 GW: deals are announced in gigawatts, "at least 10
				// gigawatts of NVIDIA systems … the first gigawatt … in the
				// second half of 2026" (https://openai.com/index/openai-nvidia-systems-partnership,
				// 2025-09-22, a letter of intent never signed); "The first 1
				// gigawatt deployment of AMD Instinct MI450"
				// (https://www.nasdaq.com/articles/openai-deploy-6-gigawatts-amd-gpus, 2025-10-06).
				SitePowerMW: N("1000"),
				// The engine's default cost of capital, written out.
				DiscountRate: N("0.08"),
			},
			// DeepSeek-V3 stands in for an undisclosed frontier model: labs
			// do not publish their serving models' shapes.
			Model: Model{Preset: "deepseek-v3"},
			// What the lab charges: GPT-5's list price, $1.25 input, $0.125
			// cached, $10 output per M tokens
			// (https://developers.openai.com/api/docs/pricing, read 2026-11 via
			// https://chatgptpricing-akr.pages.dev/api-pricing). Falling 20 % a
			// year: judgment between "the price for a given level of
			// benchmark performance has decreased … 5× to 10× per year" and
			// "the price of running frontier models is rising between 3× to
			// 18× per year" (https://arxiv.org/html/2511.23455, 2026-03-23).
			Revenue: &Revenue{PriceInputPerM: N("1.25"), PriceCachedInputPerM: N("0.125"), PriceOutputPerM: N("10"), PriceChange: N("-0.2")},
			Options: []Option{
				{Label: "GB200, 1 GW in three tranches", Kind: Cloud, Accelerator: &Accelerator{Preset: "gb200"},
					// Above the commitment, the catalog's on-demand rate,
					// falling 15 % a year: H100 rentals fell from $8+ (2023) to
					// ~$2 (Oct 2024) (https://www.latent.space/p/gpu-bubble,
					// 2024-10-11), H100 and H200 rates fell 22 % and 29 % in
					// 2025 to October while hyperscalers' "hardly budged" (FT
					// Alphaville, RBC data, 2025-10), then the one-year H100
					// contract rose 38 % from $1.70 to $2.35 (SemiAnalysis via
					// https://www.techreaderdaily.com/article.html?slug=h100-reserved-capacity-hits-2-35-hour-floor-in-2026,
					// 2026-04-02). −15 % is the middle of that record, not a trend.
					HourlyRateChange: N("-0.15"),
					// 1 GW ≈ 450,000 GPUs: "10 gigawatts equates to roughly 4
					// million to 5 million GPUs" (Jensen Huang on CNBC, via
					// https://particle.news/story/nvidia-to-invest-up-to-100-billion-in-openai-for-10gw-ai-infrastructure-buildout,
					// 2025-09-22), 2.2 kW a GPU all-in; Stargate's ">5 GW … over 2
					// million chips" and Nscale's "104,000 GPUs … 240
					// megawatts" (https://www.techzine.eu/news/infrastructure/135498/nscale-signs-mega-contract-with-microsoft-for-ai-data-centers/,
					// 2025-10-15) give 2.5 and 2.3 kW. Taken in three tranches
					// (months 1, 13, 25), as the deals phase in a gigawatt at a
					// time. $2.50 an hour: derived from Microsoft–IREN (≈$1.94 B a
					// year for 200 MW of IT, ≈$2.2 a GPU-hour) and
					// Microsoft–Nscale (up to $24 B for ≈200,000 GB300, ≈$2.7
					// over 5 years); no deal publishes its rate. A fifth upfront:
					// "Microsoft will prepay roughly 20% of the contract value
					// to IREN" (https://dcpulse.com/news/microsoft-iren-gb300-gpu-cloud-deal,
					// 2025-11-03). Every tranche ends in month 60.
					Commitments: []Commitment{
						{Accelerators: N("100000"), HourlyRate: N("2.50"), StartMonth: N("1"), Months: N("60"), UpfrontShare: N("0.2")},
						{Accelerators: N("125000"), HourlyRate: N("2.50"), StartMonth: N("13"), Months: N("48"), UpfrontShare: N("0.2")},
						{Accelerators: N("225000"), HourlyRate: N("2.50"), StartMonth: N("25"), Months: N("36"), UpfrontShare: N("0.2")},
					}},
				{Label: "GB200 on demand", Kind: Cloud, Accelerator: &Accelerator{Preset: "gb200"}, HourlyRateChange: N("-0.15")},
				// DeepSeek-V3.2's own price, $0.28 input (cache miss), $0.028
				// cached, $0.42 output per M tokens
				// (https://api-docs.deepseek.com/quick_start/pricing, from
				// 2025-09-29), falling 40 % a year: the price of a fixed
				// capability fell "9x to 900x per year … less clear that
				// those will persist" (https://epoch.ai/data-insights/llm-inference-price-trends,
				// 2025-03-12) and DeepSeek's own output price fell from $1.10
				// to $0.42 in 2025 after rising to $1.68 in between; −40 % is
				// judgment well inside that record.
				{Label: "Open-weight MoE API", Kind: API, PriceInputPerM: N("0.28"), PriceCachedInputPerM: N("0.028"), PriceOutputPerM: N("0.42"), PriceChange: N("-0.4")},
				// Built on the gigawatt site instead: the catalog's capex;
				// 1.8 kW a GPU all-in, a GB300 NVL72 rack's 132 kW of power
				// shelves over 72 GPUs (Supermicro's brochure, via
				// https://www.serversimply.com/blog/inside-supermicro-gb300-nvl72, 2025);
				// PUE 1.2, between Google's fleet 1.10 and the industry's 1.58
				// (https://blog.google/outreach-initiatives/sustainability/2024-environmental-report,
				// 2024-07) for a new liquid-cooled build (judgment). Hardware
				// 10 % cheaper each year: judgment, inside the 21–28 % a year
				// fall of price per FLOP/s (Epoch AI,
				// https://www.alignmentforum.org/posts/c6KFvQcZggQKZzxr9/trends-in-gpu-price-performance, 2022-06).
				{Label: "GB200 owned, 1 GW site", Kind: Owned, Accelerator: &Accelerator{Preset: "gb200"},
					PowerKW: N("1.8"), PUE: N("1.2"), CapexChange: N("-0.1")},
			},
			// 300 draws keep the page responsive. Growth 0 / 4 / 8 % a month
			// (above); requests a day from ChatGPT's 2.5 B prompts alone to
			// 7.5 B (the high end is judgment); the API's price path from −70 %
			// to −20 % a year (the fixed-capability record above).
			Uncertainty: &Uncertainty{Seed: N("1"), Samples: N("300"), Ranges: []Range{
				{Path: "workload.monthly_growth", Low: N("0"), Mode: N("0.04"), High: N("0.08")},
				{Path: "workload.requests_per_day", Low: N("2500000000"), Mode: N("5000000000"), High: N("7500000000")},
				{Path: "options[2].price_change", Low: N("-0.7"), Mode: N("-0.4"), High: N("-0.2")},
			}},
		},
	},
	{
		ID:    "hybrid",
		Title: "Enterprise copilot: committed base, hourly burst, API overflow",
		Story: "An internal assistant busy in office hours: 2 M requests a day, most between 09:00 and 17:00, growing 3 % a month. Renting or committing for the peak pays for it all night; the hybrid commits a base sized by search, rents H100s by the hour for the daytime peak (billed 2 hours at least, at most 16) and sends the rest to an API. The same layers with nothing committed (a base rented by the hour, the same cap and API) show what the commitment is worth. Read the layers in each card; try the consumer-evenings profile, or a burst cap of 64 on both hybrids.",
		Scenario: Scenario{
			Version: FormatVersion, Name: "Enterprise copilot: committed base, hourly burst, API overflow",
			// The business-hours profile is an illustrative shape (hybrid.go),
			// not a measurement: its busiest hour carries 8/96 of the day,
			// so the peak to average is 2.
			Workload: Workload{RequestsPerDay: N("2000000"), InputTokens: N("1500"), OutputTokens: N("300"), CachedInputShare: N("0.3"),
				MonthlyGrowth: N("0.03"), HorizonMonths: N("24"), TPOTSLOms: N("50"), DailyProfile: "business_hours"},
			Model: Model{Preset: "llama-3.1-70b", WeightBits: N("8"), KVBits: N("8")},
			Options: []Option{
				// A two-year commitment at $2.10 an hour (the start-up
				// example's reserved rate), sized near the peak.
				{Label: "H100, 40 committed for 2 years", Kind: Cloud, Accelerator: &Accelerator{Preset: "h100-sxm"},
					CommitAccelerators: N("40"), CommitHourlyRate: N("2.10"), CommitMonths: N("24"), AcceleratorsPerReplica: N("2")},
				{Label: "H100 by the hour", Kind: Cloud, Accelerator: &Accelerator{Preset: "h100-sxm"}},
				{Label: "Token API", Kind: API, PriceInputPerM: N("0.88"), PriceCachedInputPerM: N("0.44"), PriceOutputPerM: N("0.88")},
				{Label: "Hybrid: committed base, hourly burst, API", Kind: Hybrid, BaseOption: N("1"), BurstOption: N("2"),
					BurstMaxAccelerators: N("16"), BurstMinHours: N("2"), OverflowOption: N("3")},
				// The same layers with nothing committed: its base is
				// rented by the hour, held all day (searched; none is
				// among the sizes tried), under the same burst cap and
				// with the same API for the rest. What committing the
				// base is worth, like for like.
				{Label: "Hybrid: all by the hour, API", Kind: Hybrid, BaseOption: N("2"), BurstOption: N("2"),
					BurstMaxAccelerators: N("16"), BurstMinHours: N("2"), OverflowOption: N("3")},
			},
		},
	},
}

// DefaultScenario is what the app opens with: a copy of the first example.
func DefaultScenario() Scenario { return Examples[0].Scenario.Clone() }
