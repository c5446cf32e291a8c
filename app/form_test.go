package app

import (
	"encoding/json"
	"fmt"
	"strconv"
	"testing"

	"github.com/infercost/infercost/engine"
	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// TestFormRoundTrip: a scenario shown in the form and read back evaluates
// to the same results, for every example.
func TestFormRoundTrip(t *testing.T) {
	for _, ex := range engine.Examples {
		s := ex.Scenario.Clone()
		back := formFrom(&s).scenario()
		r1, err1 := engine.Evaluate(&s)
		r2, err2 := engine.Evaluate(&back)
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v / %v", ex.ID, err1, err2)
		}
		j1, _ := json.Marshal(r1)
		j2, _ := json.Marshal(r2)
		if string(j1) != string(j2) {
			t.Errorf("%s: the form changed the results", ex.ID)
		}
		if engine.EncodeLink(&s) != engine.EncodeLink(&back) {
			t.Errorf("%s: the form changed the link", ex.ID)
		}
	}
}

func TestFormKeepsTypedText(t *testing.T) {
	s := engine.DefaultScenario()
	f := formFrom(&s)
	f.Workload["requests_per_day"] = "2."
	sc := f.scenario()
	if sc.Workload.RequestsPerDay.String() != "2" || f.Workload["requests_per_day"] != "2." {
		t.Errorf("typing 2. was rewritten")
	}
	f.Workload["requests_per_day"] = "12abc"
	sc = f.scenario()
	if sc.Workload.RequestsPerDay.Bad() != "12abc" {
		t.Errorf("bad text not kept for validation")
	}
}

func TestFormOptionEditing(t *testing.T) {
	s := engine.DefaultScenario()
	f := formFrom(&s)
	n := len(f.Options)
	f.duplicate(1)
	if len(f.Options) != n+1 || f.Options[2].Label != f.Options[1].Label+" (copy)" || f.Options[2].ID == f.Options[1].ID {
		t.Fatalf("duplicate: %+v", f.Options)
	}
	f.Options[2].Fields["hourly_rate"] = "9"
	if f.Options[1].Fields["hourly_rate"] == "9" {
		t.Error("the copy shares its fields with the original")
	}
	f.move(2, -1)
	if f.Options[1].Fields["hourly_rate"] != "9" {
		t.Error("move up did not move")
	}
	f.move(0, -1) // no-op at the top
	f.remove(1)
	if len(f.Options) != n {
		t.Error("remove")
	}
	f.addOption(engine.Owned)
	sc := f.scenario()
	if o := sc.Options[len(sc.Options)-1]; o.Kind != engine.Owned || o.Accelerator == nil || o.Accelerator.Preset != engine.Accelerators[0].ID {
		t.Errorf("added option: %+v", o)
	}
	// Switching kind keeps the other kind's values in the form but does not
	// send them to the engine.
	f.Options[0].Kind = engine.Cloud
	if sc := f.scenario(); sc.Options[0].PriceInputPerM.Set() {
		t.Error("API prices sent with a cloud option")
	}
	if f.Options[0].Fields["price_input_per_m"] == "" {
		t.Error("API prices lost when switching kind")
	}
}

func TestFileName(t *testing.T) {
	for in, want := range map[string]string{
		"Start-up: API or rent H100s?": "infercost-start-up-api-or-rent-h100s.json",
		"":                             "infercost-scenario.json",
		"<script>":                     "infercost-script.json",
	} {
		if got := fileName(in, "json"); got != want {
			t.Errorf("fileName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVerdict(t *testing.T) {
	s := engine.Examples[0].Scenario
	r, err := engine.Evaluate(&s)
	if err != nil {
		t.Fatal(err)
	}
	// The start-up example: the rented H100s win over 24 months, and month
	// by month from the first (one H100, $2,183, against the API's $2,550:
	// engine.TestStartupRobustWithCommonError has the totals). The sentence
	// is built from the result's own fields (the figures themselves are the
	// engine's, tested there).
	c := r.Comparison
	best := r.Options[c.Cheapest]
	want := fmt.Sprintf("Over 24 months, H100 on demand is cheapest: %s in all, %s per million tokens.",
		engine.Money(best.TotalCost), engine.Money(best.CostPerMTokens))
	if got := Verdict(r); got != want || best.Label != "H100 on demand" || r.Options[c.MonthlyCheapest[0]].Label != "H100 on demand" {
		t.Errorf("verdict = %q, want %q", got, want)
	}
	// When the cheapest changes is the summary's next sentences (see
	// engine.Summarize): the fleet grows a whole H100 at a time, and the
	// API is cheapest in the months after each step (months 5–6: two H100s,
	// $4,365, against the API's $3,733 and $4,106); since the twenty-first
	// round the rented H100s hold every later month (the reservation took
	// month 12 before).
	change := "The cheapest month by month changes: H100 on demand in months 1–4, Token API in months 5–6, H100 on demand from month 7."
	if got := engine.Summarize(r, nil).Change; got != change {
		t.Errorf("change = %q, want %q", got, change)
	}
}

// TestCalculatorRendersNatively loads the component in go-app's test engine
// (no browser): the default scenario's results are rendered.
func TestCalculatorRendersNatively(t *testing.T) {
	c := &Calculator{}
	e := ga.NewTestEngine()
	if err := e.Load(c); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	if c.result == nil || c.stale || len(c.errs) != 0 {
		t.Fatalf("no results for the default scenario: %v", c.errs)
	}
	if len(c.result.Options) != len(engine.Examples[0].Scenario.Options) {
		t.Errorf("%d options", len(c.result.Options))
	}
	// An invalid edit keeps the last result and marks it stale.
	c.f.Workload["requests_per_day"] = "-1"
	if c.evaluateNow() || !c.stale || c.errs.For("workload.requests_per_day") != "must be > 0" || c.result == nil {
		t.Errorf("invalid edit: stale=%v errs=%v", c.stale, c.errs)
	}
}

// TestFormText reads every input's text back by the path the page gives it
// (data-path), which syncInputs relies on.
func TestFormText(t *testing.T) {
	s := engine.Examples[1].Scenario.Clone()
	f := formFrom(&s)
	f.Options[1].Accel["memory_gb"] = "96"
	for path, want := range map[string]string{
		"name":                             s.Name,
		"workload.requests_per_day":        s.Workload.RequestsPerDay.String(),
		"workload.tpot_slo_ms":             "50",
		"revenue.price_output_per_m":       "2.4",
		"model.hidden_size":                "",
		"model.weight_bits":                f.Model["weight_bits"],
		"options[1].label":                 s.Options[1].Label,
		"options[1].accelerator.memory_gb": "96",
		"options[0].hourly_rate":           f.Options[0].Fields["hourly_rate"],
	} {
		if got, ok := f.text(path); !ok || got != want {
			t.Errorf("text(%q) = %q, %v; want %q", path, got, ok, want)
		}
	}
	for _, path := range []string{"options[9].label", "nothing", "scenario"} {
		if _, ok := f.text(path); ok {
			t.Errorf("text(%q) found a field", path)
		}
	}
}

// TestFormCommitmentTiers: tiers go from a link into the form, back into
// the scenario and link unchanged; their inputs' paths read their text;
// adding one renews the last, and removing one keeps the others' text.
func TestFormCommitmentTiers(t *testing.T) {
	link := "#" + strconv.Itoa(engine.LinkVersion) + "r.rpd=1000~in=100~out=10~h=24~m=llama-3.1-8b~o=cloud~a=h100-sxm~hr=2~ca=8~chr=1.5~cm=6~ct=4,1,2,3,0.5~ct=10,,7"
	s, err := engine.DecodeLink(link)
	if err != nil {
		t.Fatal(err)
	}
	f := formFrom(&s)
	back := f.scenario()
	if got := "#" + engine.EncodeLink(&back); got != link {
		t.Errorf("the form changed the link:\n%s\n%s", got, link)
	}
	for path, want := range map[string]string{
		"options[0].commitments[0].upfront_share": "0.5",
		"options[0].commitments[1].start_month":   "7",
		"options[0].commitments[1].hourly_rate":   "",
	} {
		if got, ok := f.text(path); !ok || got != want {
			t.Errorf("text(%s) = %q %v, want %q", path, got, ok, want)
		}
	}
	if _, ok := f.text("options[0].commitments[2].months"); ok {
		t.Error("a third tier's path was read")
	}
	// A renewal of tier 3 (10 from month 7, no length yet): no length to
	// renew from, so 12 months from month 1 with the accelerators to type.
	f.addTier(0, 24)
	if got := f.Options[0].Tiers[2]; len(got) != 1 || got["months"] != "12" {
		t.Errorf("new tier %v", got)
	}
	f.Options[0].Tiers[2]["accelerators"], f.Options[0].Tiers[2]["start_month"], f.Options[0].Tiers[2]["months"] = "10", "7", "6"
	f.addTier(0, 24) // renews tier 4: 10 from month 13 for 6 months
	if got := f.Options[0].Tiers[3]; got["accelerators"] != "10" || got["start_month"] != "13" || got["months"] != "6" {
		t.Errorf("renewal %v", got)
	}
	f.removeTier(0, 0)
	if got := f.Options[0].Tiers[0]["accelerators"]; got != "10" || len(f.Options[0].Tiers) != 3 {
		t.Errorf("after removing tier 2: %v", f.Options[0].Tiers)
	}
	// Duplicating copies the tiers, not shares them.
	f.duplicate(0)
	f.Options[1].Tiers[0]["accelerators"] = "99"
	if f.Options[0].Tiers[0]["accelerators"] != "10" {
		t.Error("the copy shares its tiers with the original")
	}
	for range engine.MaxCommitments {
		f.addTier(0, 24)
	}
	if n := len(f.Options[0].Tiers); n != engine.MaxCommitments {
		t.Errorf("%d tiers, at most %d", n, engine.MaxCommitments)
	}
}

// TestFormReadsEntries: the form reads each text as the command line's
// -set does (engine.ParseEntry), so a typed "50M" is the link's 50000000;
// its draft leaves out what is not a number.
func TestFormReadsEntries(t *testing.T) {
	s := engine.NewScenario()
	f := formFrom(&s)
	f.Workload["requests_per_day"] = "50M"
	f.Workload["input_tokens"] = "1,500"
	f.Workload["output_tokens"] = "3OO" // letters O: not a number
	f.Workload["cached_input_share"] = "30%"
	f.Options[0].Fields["price_input_per_m"] = "$0.60"
	sc := f.scenario()
	for path, want := range map[string]string{"requests_per_day": "50000000", "input_tokens": "1500", "cached_input_share": "0.3"} {
		fd := engine.FieldAt("workload." + path)
		if got := engine.ParseEntry(f.Workload[path], fd); got.String() != want {
			t.Errorf("%s: %q", path, got)
		}
	}
	if sc.Workload.RequestsPerDay.String() != "50000000" || sc.Options[0].PriceInputPerM.String() != "0.6" || sc.Workload.OutputTokens.Bad() != "3OO" {
		t.Errorf("scenario: %v %v %q", sc.Workload.RequestsPerDay, sc.Options[0].PriceInputPerM, sc.Workload.OutputTokens.Bad())
	}
	// A commitment tier typed half-way: "1,5" (a decimal comma) and text
	// that would break a link token. The draft keeps neither, so a reload
	// never reads them as other numbers (1 accelerator at $5, say).
	f.Options[1].Tiers = []map[string]string{{"accelerators": "1,5", "hourly_rate": "2~h=999", "months": "12 x", "start_month": "3"}}
	d := f.draft()
	if d.Workload.OutputTokens.Bad() != "" || d.Workload.OutputTokens.Set() || d.Workload.RequestsPerDay.String() != "50000000" {
		t.Errorf("draft: %v %v", d.Workload.OutputTokens, d.Workload.RequestsPerDay)
	}
	link := engine.EncodeLink(&d)
	back, err := engine.DecodeLink(link)
	if err != nil {
		t.Fatalf("the draft's link %s does not open: %v", link, err)
	}
	if tiers := back.Options[1].Commitments; len(tiers) != 1 || tiers[0].Accelerators.Set() || tiers[0].HourlyRate.Set() || tiers[0].Months.Set() || tiers[0].StartMonth.String() != "3" {
		t.Errorf("the draft's tier came back as %+v (link %s)", tiers, link)
	}
}

// A range input's id is a selector as it stands: brackets and dots of its
// data-path become "-".
func TestUncInputID(t *testing.T) {
	for p, want := range map[string]string{
		"uncertainty[options[0].hourly_rate].low":   "unc-uncertainty-options-0--hourly_rate--low",
		"uncertainty[workload.monthly_growth].mode": "unc-uncertainty-workload-monthly_growth--mode",
	} {
		if got := uncInputID(p); got != want {
			t.Errorf("uncInputID(%q) = %q, want %q", p, got, want)
		}
	}
}
