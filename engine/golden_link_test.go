package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

var (
	updateLinks   = flag.Bool("update-links", false, "write testdata/links/v<LinkVersion>.json (only before that version is released)")
	updateFigures = flag.Bool("update-figures", false, "write testdata/links/figures.json, after a reviewed change of the physics")
	updateInputs  = flag.Bool("update-inputs", false, "write testdata/links/inputs.json, after a reviewed change of a default or a catalog value")
)

// inputsFile holds, for every corpus link, every input it resolves to and
// where each comes from (Resolve). A changed default or catalog value that
// an old link relies on shows here as a diff: a correction of a fact is
// explained in docs/links.md (Versions); a change of what a link means
// needs a new version and a migration.
const inputsFile = "testdata/links/inputs.json"

// resolvedInputs lists s's inputs as "path = value (origin)".
func resolvedInputs(s *Scenario) []string {
	var out []string
	for e := range Resolve(s).All() {
		v := "none"
		if x, ok := e.Value(); ok {
			v = x.String()
		}
		out = append(out, fmt.Sprintf("%s = %s (%s)", e.Path(), v, e.Origin().Kind))
	}
	return out
}

// figuresFile holds today's figures of every corpus link. A link holds
// inputs, not results: the figures in a released vN.json are those at its
// release; a change of the physics changes figures.json, and
// docs/links.md (Versions) says why.
const figuresFile = "testdata/links/figures.json"

// releasedLinkCorpora pins each released corpus file. A released file is
// never edited: a format change adds a version, a new file, and a migration.
// If this test fails because you changed a file listed here, revert it.
var releasedLinkCorpora = map[string]string{
	"v1.json": "d6d7567dbc9972a51778216f90972dc796f0d0b352a2edb64ad0b3df820afce9",
	"v2.json": "74b4d2a9e0565fa8e1a13902a2ec6af685bb8dac1d265dc004fb0a84821017ab",
	"v3.json": "4d8728a3d844a532af87ffe87f0d2c8131cf2d6eacfdfbe408f1bfa83011f117",
	"v4.json": "414291ae8fa718f4307a9f331cd0ab54d88cfe5ea2359c4179b4f1ffb2e52754",
	"v5.json": "a5a6ab92b04005591720bc3791d4c685ef826374da4402215f755f09b01577e2",
	"v6.json": "31fe90a80a5641e56db4a61704c3691533ae839f4f7a544d2df98cb679d0f1a4",
	"v7.json": "47dcc62bc87c41fcb6326697fb5e5abe4c7134331e937be1704f34299157e615",
	"v8.json": "36e3b4508ecc507dd207e51605441cc9c62be739602ea98d40642273519d8fa6",
	"v9.json": "9ec980b697c2ab36bac9d4245dbd775a69a8bf8f58c265bdd9a7ba14bd4e2015",
}

// goldenLink is one link of the corpus and the figures it must produce.
type goldenLink struct {
	Note    string          `json:"note"`
	Link    string          `json:"link"`
	Results []goldenFigures `json:"results"`
}

type goldenFigures struct {
	Label            string `json:"label"`
	TotalCost        string `json:"total_cost"`
	CostPerMTokens   string `json:"cost_per_m_tokens"`
	PeakAccelerators string `json:"peak_accelerators"`
}

func figures(t *testing.T, s *Scenario) []goldenFigures {
	t.Helper()
	r, err := Evaluate(s)
	if err != nil {
		t.Fatalf("evaluate: %v", err)
	}
	var out []goldenFigures
	for _, o := range r.Options {
		out = append(out, goldenFigures{o.Label, trimFixed(o.TotalCost, 6), trimFixed(o.CostPerMTokens, 6), o.PeakAccelerators.String()})
	}
	return out
}

func TestLinkGoldenCorpus(t *testing.T) {
	if *updateLinks {
		writeCorpus(t)
	}
	files, _ := filepath.Glob("testdata/links/v*.json")
	if len(files) == 0 {
		t.Fatal("no link corpus")
	}
	today := map[string][]goldenFigures{} // link → figures now
	inputs := map[string][]string{}       // link → resolved inputs now
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		if pin, ok := releasedLinkCorpora[filepath.Base(file)]; !ok || pin != hex.EncodeToString(sum[:]) {
			t.Errorf("%s is released and must not change (sha256 %x, pinned %s): add a new version instead", file, sum, pin)
		}
		var corpus []goldenLink
		if err := json.Unmarshal(b, &corpus); err != nil {
			t.Fatal(err)
		}
		for _, g := range corpus {
			s, err := DecodeLink(g.Link)
			if err != nil {
				t.Errorf("%s: %s: %v", file, g.Note, err)
				continue
			}
			inputs[g.Link] = resolvedInputs(&s)
			// A link that evaluated at its release still does, and one that
			// did not (the largest: its values are at their limits) still
			// does not.
			if _, err := Evaluate(&s); (err == nil) != (g.Results != nil) {
				t.Errorf("%s: %s: evaluation error %v, at its release %v", file, g.Note, err, g.Results == nil)
				continue
			}
			if g.Results != nil {
				today[g.Link] = figures(t, &s)
			}
		}
	}
	if *updateInputs {
		b, _ := json.MarshalIndent(inputs, "", "  ")
		if err := os.WriteFile(inputsFile, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	} else {
		var want map[string][]string
		if b, err := os.ReadFile(inputsFile); err != nil || json.Unmarshal(b, &want) != nil {
			t.Fatalf("%s: %v", inputsFile, err)
		}
		for link, got := range inputs {
			if !slices.Equal(got, want[link]) {
				t.Errorf("%s: the inputs it resolves to changed (a default or a catalog value it relies on): explain it in docs/links.md, then -update-inputs\n got %q\nwant %q", truncate(link, 40), got, want[link])
			}
		}
		if len(want) != len(inputs) {
			t.Errorf("%s has %d links, the corpus %d", inputsFile, len(want), len(inputs))
		}
	}
	if *updateFigures {
		b, _ := json.MarshalIndent(today, "", "  ")
		if err := os.WriteFile(figuresFile, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	var want map[string][]goldenFigures
	if b, err := os.ReadFile(figuresFile); err != nil || json.Unmarshal(b, &want) != nil {
		t.Fatalf("%s: %v", figuresFile, err)
	}
	for link, got := range today {
		if !slices.Equal(got, want[link]) {
			t.Errorf("%s: figures %+v, want %+v (after a reviewed change of the physics: -update-figures)", truncate(link, 40), got, want[link])
		}
	}
	if len(want) != len(today) {
		t.Errorf("%s has %d links, the corpus %d", figuresFile, len(want), len(today))
	}
}

// writeCorpus writes the current version's corpus. Use it once, when a
// version is released, then pin the file's hash above.
func writeCorpus(t *testing.T) {
	ref := loadReference(t)
	api := Scenario{Version: 1, Name: "API only", Workload: Workload{RequestsPerDay: N("1000"), InputTokens: N("500"), OutputTokens: N("100")},
		Model: Model{Preset: "gpt-oss-120b"}, Options: []Option{{Label: "api", Kind: API, PriceInputPerM: N("0.15"), PriceOutputPerM: N("0.6")}}}
	custom := typicalScenario()
	custom.Name = "Custom model, Unicode: coût ≈ 2.49 € 🚀"
	custom.Model = Model{TotalParamsB: N("32"), Layers: N("64"), KVHeads: N("8"), HeadDim: N("128"), WeightBits: N("8")}
	custom.Options[0].CommitAccelerators = N("16")
	custom.Options[0].CommitHourlyRate = N("1.99")
	custom.Options[0].CommitMonths = N("12")
	// Version 2: a preset MoE model, and a custom one with its expert fields.
	moe := typicalScenario()
	moe.Name = "MoE: DeepSeek-V3 on H200, custom MoE"
	moe.Model = Model{Preset: "deepseek-v3"}
	moe.Options[0].Label, moe.Options[0].Accelerator = "H200 rented", &Accelerator{Preset: "h200"}
	customMoE := typicalScenario()
	customMoE.Model = Model{TotalParamsB: N("120"), ActiveParamsB: N("12"), Experts: N("64"), ExpertsPerToken: N("4"), RoutedParamsB: N("112"),
		Layers: N("40"), KVHeads: N("8"), HeadDim: N("128"), WeightBits: N("8")}
	measured := typicalScenario()
	measured.Options[1].PrefillTokensPerS = N("9000")
	measured.Options[1].DecodeTokensPerS = N("2500")
	measured.Options[1].AcceleratorsPerReplica = N("2")
	// Version 3: scenario format 2, with interactivity targets.
	targets := typicalScenario()
	targets.Version = 2
	targets.Name = "Interactivity: the default 50 ms a token, a 2 s first token"
	targets.Workload.TPOTSLOms, targets.Workload.TTFTSLOms = Num{}, N("2000")
	batch := typicalScenario()
	batch.Version = 2
	batch.Name = "Batch: no time-per-token target (0)"
	batch.Workload.TPOTSLOms = N("0")
	calibrated := typicalScenario()
	calibrated.Version = 2
	calibrated.Name = "Calibrated to TRT10-004, a replica across two domains"
	calibrated.Model = Model{Preset: "llama-3.1-8b", WeightBits: N("8"), KVBits: N("8")}
	calibrated.Options[0].Accelerator = &Accelerator{Preset: "h100-sxm"}
	calibrated.Options[0].ThroughputPreset = "TRT10-004"
	calibrated.Options[1].Accelerator.ScaleUpDomain, calibrated.Options[1].Accelerator.ScaleOutGBps = N("4"), N("25")
	// Version 4: deal terms over time, owned financing, power, uncertainty.
	deal := typicalScenario()
	deal.Version = 2
	deal.Name = "Deal terms: falling prices, a ramped part-upfront commitment, NPV at 10 %"
	deal.Workload.DiscountRate = N("0.1")
	deal.Revenue = &Revenue{PriceInputPerM: N("1.2"), PriceOutputPerM: N("2.4"), PriceChange: N("-0.2")}
	deal.Options[0].HourlyRateChange = N("-0.15")
	deal.Options[0].CommitAccelerators, deal.Options[0].CommitHourlyRate, deal.Options[0].CommitMonths = N("8"), N("1.99"), N("12")
	deal.Options[0].Commitments = []Commitment{
		{Accelerators: N("16"), HourlyRate: N("1.79"), StartMonth: N("7"), Months: N("18"), UpfrontShare: N("0.5")},
		{Accelerators: N("8"), StartMonth: N("13"), Months: N("12")},
	}
	deal.Options[1].CapexChange = N("-0.1")
	deal.Options[2].PriceChange = N("-0.4")
	financed := typicalScenario()
	financed.Version = 2
	financed.Name = "Owned: refreshed, sold at the horizon, on a loan; a leased fleet beside it"
	financed.Workload.HorizonMonths = N("60")
	financed.Options[1].DepreciationYears, financed.Options[1].Refresh, financed.Options[1].ResaleAtHorizon = N("3"), N("1"), N("1")
	financed.Options[1].LoanMonths, financed.Options[1].LoanRate, financed.Options[1].LoanDownShare = N("36"), N("0.0725"), N("0.2")
	leased := financed.Options[1].Clone()
	leased.Label, leased.Refresh, leased.ResaleAtHorizon, leased.LoanMonths, leased.LoanRate, leased.LoanDownShare = "MI300X leased", Num{}, Num{}, Num{}, Num{}, Num{}
	leased.LeaseMonths, leased.LeaseRateFactor = N("36"), N("0.0275")
	financed.Options = append(financed.Options, leased)
	powered := typicalScenario()
	powered.Version = 2
	powered.Name = "A 50 MW site; MI300X at a stack efficiency of 0.8"
	powered.Workload.SitePowerMW = N("50")
	powered.Options[1].Accelerator.StackEfficiency = N("0.8")
	uncertain := typicalScenario()
	uncertain.Version = 2
	uncertain.Name = "Uncertain growth, volume, API price and throughput; seed 7"
	uncertain.Uncertainty = &Uncertainty{Seed: N("7"), Samples: N("200"), Ranges: []Range{
		{Path: "workload.monthly_growth", Low: N("0"), Mode: N("0.04"), High: N("0.1")},
		{Path: "workload.requests_per_day", Low: N("150000"), Mode: N("250000"), High: N("400000")},
		{Path: "options[2].price_output_per_m", Low: N("0.4"), Mode: N("0.8"), High: N("1")},
		{Path: "options[0].throughput", Low: N("0.7"), Mode: N("1"), High: N("1.2")},
	}}
	// Version 5: hybrid fleets and the daily profile, the sizing basis,
	// a range's shape, an MLA model's attention heads.
	hybrid := hybridScenario()
	hybrid.Name = "Hybrid: committed base, hourly burst, API overflow over a custom day"
	searched := hybridScenario()
	searched.Name = "Hybrid with its base searched over business hours"
	searched.Workload.DailyProfile = "business_hours"
	searched.Options[3].BaseAccelerators = Num{}
	shaped := typicalScenario()
	shaped.Version = 2
	shaped.Name = "Net-present-cost sizing, log-normal growth, DeepSeek-V3 at 64 attention heads"
	shaped.Workload.SizingBasis = N("1")
	shaped.Model = Model{Preset: "deepseek-v3", AttentionHeads: N("64")}
	shaped.Uncertainty = &Uncertainty{Seed: N("3"), Samples: N("100"), Ranges: []Range{
		{Path: "workload.monthly_growth", Shape: Lognormal, Low: N("0.01"), Mode: N("0.03"), High: N("0.06")},
	}}
	// Version 6: disaggregated serving, chosen and with both pools pinned.
	split := typicalScenario()
	split.Version = 2
	split.Name = "Disaggregated: DeepSeek-V3 on H200, a 2 s first token"
	split.Model = Model{Preset: "deepseek-v3"}
	split.Workload.TTFTSLOms = N("2000")
	split.Options[0].Label, split.Options[0].Accelerator, split.Options[0].Disaggregated = "H200 disaggregated", &Accelerator{Preset: "h200"}, N("1")
	pinned := typicalScenario()
	pinned.Version = 2
	pinned.Name = "Disaggregated with both pools pinned"
	pinned.Options[1].Disaggregated, pinned.Options[1].PrefillAcceleratorsPerReplica, pinned.Options[1].AcceleratorsPerReplica = N("1"), N("1"), N("2")
	// Version 7: a stack's own request overhead, under a first-token target.
	lean := typicalScenario()
	lean.Version = 2
	lean.Name = "Request overhead: a lean stack's 40 ms under a 1 s first token"
	lean.Workload.TTFTSLOms = N("1000")
	lean.Options[0].RequestOverheadMs = N("40")
	// Version 9: a preset's sliding-window layers overridden, and a custom
	// model with its own.
	windowed := typicalScenario()
	windowed.Version = 2
	windowed.Name = "Sliding-window layers: Gemma 3 27B at a 4,096-token window"
	windowed.Model = Model{Preset: "gemma-3-27b", SlidingWindow: N("4096")}
	customWindow := typicalScenario()
	customWindow.Version = 2
	customWindow.Name = "Sliding-window layers: a custom model, half its layers at 512 tokens"
	customWindow.Model = Model{TotalParamsB: N("32"), Layers: N("64"), KVHeads: N("8"), HeadDim: N("128"), SlidingWindowLayers: N("32"), SlidingWindow: N("512"), WeightBits: N("8")}
	var corpus []goldenLink
	for _, c := range []struct {
		note string
		s    *Scenario
	}{
		{"typical: preset model, three preset options with overrides", typicalScenario()},
		{"reference scenario (engine/testdata/reference.json)", ref},
		{"largest: eight custom options, every field set", largestScenario()},
		{"API only, defaults everywhere", &api},
		{"custom model, commitment, Unicode name", custom},
		{"measured throughput", measured},
		{"MoE preset on H200 (version 2 physics)", moe},
		{"custom MoE with expert fields (version 2 keys)", customMoE},
		{"default TPOT target and a TTFT target (version 3)", targets},
		{"no TPOT target, written as 0 (version 3)", batch},
		{"throughput preset and scale-up/scale-out overrides (version 3 keys)", calibrated},
		{"price paths, a ramped part-upfront commitment, revenue path, discount rate (version 4 keys)", deal},
		{"owned refresh, resale and loan; a lease (version 4 keys)", financed},
		{"site power budget and stack efficiency (version 4 keys)", powered},
		{"uncertainty ranges, seed and draws (version 4 keys)", uncertain},
		{"hybrid fleet over a custom daily profile (version 5 keys)", hybrid},
		{"hybrid with its base searched, a preset profile (version 5 keys)", searched},
		{"sizing basis, log-normal range, attention heads (version 5 keys)", shaped},
		{"disaggregated serving chosen for cost (version 6 keys)", split},
		{"disaggregated serving, both pools' replica sizes pinned (version 6 keys)", pinned},
		{"a request overhead of the option's own, a TTFT target (version 7 keys)", lean},
		{"a preset's sliding window overridden (version 9 keys)", windowed},
		{"a custom model with sliding-window layers (version 9 keys)", customWindow},
	} {
		if _, err := Evaluate(c.s); err != nil && c.note != "largest: eight custom options, every field set" {
			t.Fatalf("%s: %v", c.note, err)
		}
		link := EncodeLink(c.s)
		s, err := DecodeLink(link)
		if err != nil {
			t.Fatal(err)
		}
		g := goldenLink{Note: c.note, Link: "#" + link}
		if _, err := Evaluate(&s); err == nil {
			g.Results = figures(t, &s)
		}
		corpus = append(corpus, g)
	}
	b, _ := json.MarshalIndent(corpus, "", "  ")
	file := filepath.Join("testdata/links", fmt.Sprintf("v%d.json", LinkVersion))
	if err := os.WriteFile(file, append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(append(b, '\n'))
	t.Logf("wrote %s; pin sha256 %x", file, sum)
}
