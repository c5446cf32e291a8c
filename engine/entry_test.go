package engine

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// fieldOf is the registry entry of a path; the test fails without one.
func fieldOf(t testing.TB, path string) *Field {
	t.Helper()
	f := FieldAt(path)
	if f == nil {
		t.Fatalf("no field at %s", path)
	}
	return f
}

// TestEntryAccepted: every form a person types gives exactly the plain
// number's value (worked out by hand in the want column).
func TestEntryAccepted(t *testing.T) {
	for _, tc := range []struct{ path, text, want string }{
		{"workload.requests_per_day", "50,000,000", "50000000"},
		{"workload.requests_per_day", "50 000 000", "50000000"},
		{"workload.requests_per_day", "50\u202f000\u202f000", "50000000"},
		{"workload.requests_per_day", "50\u2009000\u2009000", "50000000"},
		{"workload.requests_per_day", "50\u00a0000\u00a0000", "50000000"},
		{"workload.requests_per_day", "50M", "50000000"},
		{"workload.requests_per_day", "50 M", "50000000"},
		{"workload.requests_per_day", "  50M ", "50000000"},
		{"workload.requests_per_day", "1.5k", "1500"},         // 1.5 × 1,000
		{"workload.requests_per_day", "1.5K", "1500"},         // K as k
		{"workload.requests_per_day", "2B", "2000000000"},     // 2 × 10^9
		{"workload.requests_per_day", "0.25M", "250000"},      // 0.25 × 10^6
		{"workload.requests_per_day", "1,234.5", "1234.5"},    // separators in the whole part only
		{"workload.requests_per_day", "1e3", "1000"},          // as before
		{"workload.requests_per_day", "50000000", "50000000"}, // plain
		{"workload.input_tokens", "1,500", "1500"},            //
		{"workload.cached_input_share", "30%", "0.3"},         // 30 / 100
		{"workload.cached_input_share", "30 %", "0.3"},        // as the page writes it
		{"workload.cached_input_share", "0.3", "0.3"},         // plain share
		{"workload.cached_input_share", "12.5%", "0.125"},     // 12.5 / 100
		{"workload.monthly_growth", "10%", "0.1"},             // share/month
		{"workload.monthly_growth", "-5%", "-0.05"},           // a decline
		{"workload.monthly_growth", "−5%", "-0.05"},           // the page's minus sign
		{"options[0].mbu", "75%", "0.75"},                     // unit 0–1
		{"options[0].residual_share", "10%", "0.1"},           // share of capex
		{"options[0].opex_share_per_year", "5%", "0.05"},      // share of capex/year
		{"options[0].price_input_per_m", "$0.60", "0.6"},      // $/M tokens
		{"options[0].hourly_rate", "$2.99", "2.99"},           // $/accelerator-hour
		{"options[0].capex_per_accelerator", "$35,000", "35000"},
		{"options[0].capex_per_accelerator", "$35k", "35000"},
		{"options[0].staff_per_month", "$1.2M", "1200000"},
		{"revenue.price_output_per_m", "$8", "8"},
	} {
		f := fieldOf(t, tc.path)
		got := ParseEntry(tc.text, f)
		if !got.Set() || !got.Dec().Equal(N(tc.want).Dec()) {
			t.Errorf("%s %q: got %v (set %v), want %s", tc.path, tc.text, got, got.Set(), tc.want)
		}
		if p := EntryProblem(tc.text, f); p != "" {
			t.Errorf("%s %q: problem %q for an accepted entry", tc.path, tc.text, p)
		}
	}
}

// TestEntryRefused: each refused form says why, and Check names the field.
func TestEntryRefused(t *testing.T) {
	for _, tc := range []struct{ path, text, why string }{
		{"workload.requests_per_day", "1,5", `write the decimal point as "."`},
		{"workload.requests_per_day", "1,50", `write the decimal point as "."`},
		{"workload.requests_per_day", "12,34,567", "groups of three digits"},
		{"workload.requests_per_day", "1,000 000", "groups of three digits"},
		{"workload.requests_per_day", "1.000,5", "groups of three digits"},
		{"workload.requests_per_day", "50m", "write M for a million"},
		{"workload.requests_per_day", "2b", "write B for a billion"},
		{"workload.requests_per_day", "2bn", "write B for a billion"},
		{"workload.requests_per_day", "2T", "the suffixes are k"},
		{"workload.requests_per_day", "5Mk", "the suffixes are k"},
		{"workload.requests_per_day", "30%", "a percentage goes with a share; this field is in requests/day"},
		{"workload.requests_per_day", "$5", "$ goes with amounts in dollars; this field is in requests/day"},
		{"workload.peak_to_average", "200%", "a percentage goes with a share; this field is in plain numbers"},
		{"options[0].price_input_per_m", "60%", "a percentage goes with a share"},
		{"workload.requests_per_day", "abc", `"abc" is not a number`},
		{"workload.requests_per_day", "1e3M", "is not a number"},
		{"workload.requests_per_day", "1_000", "is not a number"},
		{"workload.requests_per_day", "--5", "is not a number"},
		{"workload.requests_per_day", "M", "is not a number"},
		{"workload.requests_per_day", "%", "is not a number"},
		{"options[1].hourly_rate", "$", "is not a number"},
		{"options[1].hourly_rate", "-$-2", "is not a number"},
		{"workload.requests_per_day", "2,000,000B", "too large (at most 10^15)"},
		{"workload.requests_per_day", "1e99", "exponent beyond ±30"},
		{"workload.cached_input_share", "0.000000000000000001%", "more than 18 decimal places"},
		{"workload.requests_per_day", strings.Repeat("1", 65), "too long"},
	} {
		f := fieldOf(t, tc.path)
		if got := ParseEntry(tc.text, f); got.Set() || got.Bad() == "" {
			t.Errorf("%s %q: accepted as %v", tc.path, tc.text, got)
			continue
		}
		if p := EntryProblem(tc.text, f); !strings.Contains(p, tc.why) {
			t.Errorf("%s %q: problem %q, want it to say %q", tc.path, tc.text, p, tc.why)
		}
		// Check reports it against the field, with the same words.
		s := DefaultScenario()
		if err := SetEntry(&s, tc.path, tc.text); err != nil {
			t.Fatal(err)
		}
		_, errs := Check(&s)
		if msg := errs.For(tc.path); !strings.Contains(msg, tc.why) {
			t.Errorf("%s %q: Check says %q (all: %v), want it to say %q", tc.path, tc.text, msg, errs, tc.why)
		}
	}
}

// TestEntrySameScenario: a scenario typed with separators, suffixes,
// percentages and dollars is the scenario typed in plain decimals: the
// same link, the same figures.
func TestEntrySameScenario(t *testing.T) {
	set := func(vals map[string]string) Scenario {
		s := DefaultScenario()
		for p, v := range vals {
			if err := SetEntry(&s, p, v); err != nil {
				t.Fatal(err)
			}
		}
		return s
	}
	typed := set(map[string]string{"workload.requests_per_day": "50M", "workload.input_tokens": "1,500", "workload.cached_input_share": "30%",
		"options[0].price_input_per_m": "$0.60", "options[1].hourly_rate": "$2.99", "workload.monthly_growth": "2 %"})
	plain := set(map[string]string{"workload.requests_per_day": "50000000", "workload.input_tokens": "1500", "workload.cached_input_share": "0.3",
		"options[0].price_input_per_m": "0.6", "options[1].hourly_rate": "2.99", "workload.monthly_growth": "0.02"})
	if a, b := EncodeLink(&typed), EncodeLink(&plain); a != b {
		t.Fatalf("links differ:\n%s\n%s", a, b)
	}
	ra, err := Evaluate(&typed)
	if err != nil {
		t.Fatal(err)
	}
	rb, err := Evaluate(&plain)
	if err != nil {
		t.Fatal(err)
	}
	for i := range ra.Options {
		if !ra.Options[i].TotalCost.Equal(rb.Options[i].TotalCost) {
			t.Errorf("option %d: total %s against %s", i, ra.Options[i].TotalCost, rb.Options[i].TotalCost)
		}
	}
}

// TestEntryNotInFiles: a file or a link holds plain decimals; "50M" in a
// file is refused with the plain decimal to write.
func TestEntryNotInFiles(t *testing.T) {
	s, err := DecodeScenario(strings.NewReader(`{"version": 2, "workload": {"requests_per_day": "50M", "input_tokens": 1500, "output_tokens": 300},
		"model": {"preset": "llama-3.1-70b"}, "options": [{"label": "API", "kind": "api", "price_input_per_m": 1, "price_output_per_m": 1}]}`))
	if err != nil {
		t.Fatal(err)
	}
	_, errs := Check(&s)
	want := `"50M" is not a plain decimal number: files and links hold plain decimals (50000000)`
	if got := errs.For("workload.requests_per_day"); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestShareHint: a share typed as a percentage without "%" is refused,
// never read as a percentage, and the message says what to type.
func TestShareHint(t *testing.T) {
	s := DefaultScenario()
	s.Workload.MonthlyGrowth = N("10")
	_, errs := Check(&s)
	var msgs []string
	for _, e := range errs {
		if e.Path == "workload.monthly_growth" {
			msgs = append(msgs, e.Msg)
		}
	}
	// One message: the growth past 10^15 requests is not checked for a
	// growth already out of range (the page showed one message and the
	// banner counted two).
	want := "must be ≤ 1: a share, where 1 is 100 % (for 10 % type 10% or 0.1)"
	if len(msgs) != 1 || msgs[0] != want {
		t.Errorf("got %q, want [%q]", msgs, want)
	}
	// Not a share: no hint.
	s = DefaultScenario()
	s.Workload.PeakToAverage = N("200")
	_, errs = Check(&s)
	if got := errs.For("workload.peak_to_average"); got != "must be ≤ 100" {
		t.Errorf("peak: %q", got)
	}
}

// TestFormatEntry: what an input shows when it is not being edited: the
// same number, exactly, with separators; the typed "$" and "%" kept.
func TestFormatEntry(t *testing.T) {
	for _, tc := range []struct{ path, text, want string }{
		{"workload.requests_per_day", "50000000", "50,000,000"},
		{"workload.requests_per_day", "50M", "50,000,000"},
		{"workload.requests_per_day", "1.2345k", "1,234.5"},
		{"workload.requests_per_day", "1e3", "1,000"},
		{"workload.requests_per_day", "1234567.891234", "1,234,567.891234"}, // every place kept
		{"workload.requests_per_day", "0.000001", "0.000001"},
		{"workload.requests_per_day", "007", "7"},
		{"workload.requests_per_day", "abc", "abc"},   // invalid: as typed
		{"workload.requests_per_day", "30%", "30%"},   // invalid here: as typed
		{"workload.requests_per_day", "", ""},         //
		{"workload.cached_input_share", "30%", "30%"}, // the form typed is kept
		{"workload.cached_input_share", "12.50 %", "12.50%"},
		{"workload.cached_input_share", "0.3", "0.3"},
		{"workload.monthly_growth", "-5%", "−5%"},
		{"options[0].hourly_rate", "$2.10", "$2.10"},
		{"options[0].hourly_rate", "2.10", "2.10"},
		{"options[0].capex_per_accelerator", "$35k", "$35,000"},
		{"options[0].capex_per_accelerator", "35000.50", "35,000.50"},
		// Found by FuzzParseEntry (testdata/fuzz/FuzzParseEntry/ebae0960c00c615e):
		// ".", 39 zeros is 40 characters, the most a number may have; shown
		// with a "0" before the point it would be 41 and read back as an
		// error, so a trailing zero goes (38 places: 40 characters).
		{"workload.cached_input_share", "." + strings.Repeat("0", 39), "0." + strings.Repeat("0", 38)},
		{"workload.requests_per_day", "." + strings.Repeat("0", 30) + "1", "." + strings.Repeat("0", 30) + "1"}, // over 18 places: refused, shown as typed
	} {
		f := fieldOf(t, tc.path)
		got := FormatEntry(tc.text, f)
		if got != tc.want {
			t.Errorf("%s %q: shows %q, want %q", tc.path, tc.text, got, tc.want)
		}
		if a, b := ParseEntry(tc.text, f), ParseEntry(got, f); a.Set() && !a.Equal(b) {
			t.Errorf("%s %q: shows %q, which reads back as %v, not %v", tc.path, tc.text, got, b, a)
		}
	}
}

// TestSetEntryPaths: -set names inputs as errors do; a path that names no
// input of the scenario is refused.
func TestSetEntryPaths(t *testing.T) {
	s := DefaultScenario() // options: API, H100 on demand, H100 reserved
	for _, tc := range []struct{ path, why string }{
		{"workload.nope", "no such input"},
		{"options[9].hourly_rate", "the scenario has 3 option(s)"},
		{"options[0].hourly_rate", "does not apply to options[0], which is api"},
		{"options[0].accelerator.memory_gb", "which has no accelerator"},
		{"name", "no such input"},
	} {
		if err := SetEntry(&s, tc.path, "1"); err == nil || !strings.Contains(err.Error(), tc.why) {
			t.Errorf("%s: %v, want %q", tc.path, err, tc.why)
		}
	}
	if err := SetEntry(&s, "options[1].accelerator.memory_gb", "96"); err != nil || !s.Options[1].Accelerator.MemoryGB.Equal(N("96")) {
		t.Errorf("accelerator spec: %v %v", err, s.Options[1].Accelerator.MemoryGB)
	}
	// Presets by name, as files give them: the model's and a self-hosted
	// option's accelerator; an API option has none.
	if err := SetEntry(&s, "model.preset", " llama-3.1-8b "); err != nil || s.Model.Preset != "llama-3.1-8b" {
		t.Errorf("model preset: %v %q", err, s.Model.Preset)
	}
	if err := SetEntry(&s, "options[1].accelerator.preset", "h200"); err != nil || s.Options[1].Accelerator.Preset != "h200" {
		t.Errorf("accelerator preset: %v", err)
	}
	if err := SetEntry(&s, "options[0].accelerator.preset", "h200"); err == nil || err.Error() != "options[0].accelerator.preset: options[0] is api, which has no accelerator" {
		t.Errorf("accelerator preset of the API: %v", err)
	}
	if err := SetEntry(&s, "options[7].accelerator.preset", "h200"); err == nil || !strings.Contains(err.Error(), "the scenario has 3 option(s)") {
		t.Errorf("accelerator preset of no option: %v", err)
	}
	s.Model.Preset = "gpt-9"
	if _, errs := Check(&s); !strings.Contains(errs.For("model.preset"), `unknown model "gpt-9"; the presets are llama-3.1-8b, llama-3.1-70b,`) {
		t.Errorf("unknown model: %q", errs.For("model.preset"))
	}
	s.Model.Preset, s.Options[1].Accelerator.Preset = "llama-3.1-8b", "h900"
	if _, errs := Check(&s); !strings.Contains(errs.For("options[1].accelerator.preset"), `unknown accelerator "h900"; the presets are h100-sxm, h200, b200,`) {
		t.Errorf("unknown accelerator: %q", errs.For("options[1].accelerator.preset"))
	}
	s.Options[1].Accelerator.Preset = "h200"
	s.Revenue = nil
	if err := SetEntry(&s, "revenue.price_input_per_m", "$2"); err != nil || s.Revenue == nil || !s.Revenue.PriceInputPerM.Equal(N("2")) {
		t.Errorf("revenue: %v", err)
	}
	// Commitment tiers, as -inputs lists their paths: the next tier is
	// added; a gap, an API option or an unknown tier field is refused.
	s.Options[1].Commitments = nil
	for _, set := range [][2]string{{"options[1].commitments[0].accelerators", "1,200"}, {"options[1].commitments[0].upfront_share", "50%"}, {"options[1].commitments[1].start_month", "13"}} {
		if err := SetEntry(&s, set[0], set[1]); err != nil {
			t.Fatalf("%s: %v", set[0], err)
		}
	}
	if c := s.Options[1].Commitments; len(c) != 2 || !c[0].Accelerators.Equal(N("1200")) || !c[0].UpfrontShare.Equal(N("0.5")) || !c[1].StartMonth.Equal(N("13")) {
		t.Errorf("tiers %+v", c)
	}
	for _, tc := range []struct{ path, why string }{
		{"options[1].commitments[5].months", "the next is 2"},
		{"options[0].commitments[0].months", "only a cloud option has commitment tiers"},
		{"options[1].commitments[0].nope", "no such input"},
		{"options[1].commitments[x].months", "no such input"},
	} {
		if err := SetEntry(&s, tc.path, "1"); err == nil || !strings.Contains(err.Error(), tc.why) {
			t.Errorf("%s: %v, want %q", tc.path, err, tc.why)
		}
	}
}

// FuzzParseEntry: no panic, a bounded message, an exact value within
// bounds; a canonical number reads back as itself, and what an input shows
// reads back as what was typed.
func FuzzParseEntry(f *testing.F) {
	for _, s := range []string{"50,000,000", "50M", "1.5k", "2B", "30%", "30 %", "$2.99", "$35k", "−5%", "1e3", "0.3", "1,5",
		"50 000 000", "50\u202f000", "$-5", "-$5", "1e99", "", "%", "$", "k", "9,999,999,999,999.999", "0.000000000000000001%"} {
		for i := range 4 {
			f.Add(s, i)
		}
	}
	paths := []string{"workload.requests_per_day", "workload.cached_input_share", "options[0].hourly_rate", "workload.monthly_growth"}
	f.Fuzz(func(t *testing.T, s string, i int) {
		fd := FieldAt(paths[(i%len(paths)+len(paths))%len(paths)])
		n := ParseEntry(s, fd)
		if p := EntryProblem(s, fd); (p == "") != (n.Set() || n.IsZero()) {
			t.Fatalf("%q: set %v, problem %q", s, n.Set(), p)
		} else if len(p) > 4*maxEntryLen+200 { // the text quoted (\x88 is 4 bytes) and the reason
			t.Fatalf("%q: a message of %d bytes", s, len(p))
		}
		if len(n.Bad()) > maxEntryLen+4 {
			t.Fatalf("%q: keeps %d bytes", s, len(n.Bad()))
		}
		if !n.Set() {
			return
		}
		d := n.Dec()
		if d.Abs().Cmp(maxNumAbs) >= 0 || (-d.Exponent() > maxNumPlaces && !d.Truncate(maxNumPlaces).Equal(d)) {
			t.Fatalf("%q: %s out of bounds", s, d)
		}
		// The canonical form (files, links) reads back as itself.
		if back := ParseEntry(n.String(), fd); !back.Equal(n) {
			t.Fatalf("%q: canonical %q reads back as %v", s, n.String(), back)
		}
		if back := ParseNum(n.String()); !back.Equal(n) {
			t.Fatalf("%q: canonical %q is not a plain decimal (%v)", s, n.String(), back)
		}
		shown := FormatEntry(s, fd)
		if back := ParseEntry(shown, fd); !back.Equal(n) {
			t.Fatalf("%q shows as %q, which reads back as %v, not %v", s, shown, back, n)
		}
		if !utf8.ValidString(shown) && utf8.ValidString(s) {
			t.Fatalf("%q shows as invalid UTF-8 %q", s, shown)
		}
	})
}

// TestShareAndMoneyFields pins which fields take "30%" and "$2.99": they
// follow the registry's units, and a unit renamed must not drop them
// silently.
func TestShareAndMoneyFields(t *testing.T) {
	var shares, money []string
	add := func(f *Field, group string) {
		if f.Share() {
			shares = append(shares, group+f.Key)
		}
		if f.Money() {
			money = append(money, group+f.Key)
		}
	}
	for i := range WorkloadFields {
		add(&WorkloadFields[i].Field, "workload.")
	}
	for i := range ModelFields {
		add(&ModelFields[i].Field, "model.")
	}
	for i := range RevenueFields {
		add(&RevenueFields[i].Field, "revenue.")
	}
	for i := range AcceleratorFields {
		add(&AcceleratorFields[i].Field, "accelerator.")
	}
	for i := range OptionFields {
		add(&OptionFields[i].Field, "")
	}
	has := func(list []string, want ...string) {
		t.Helper()
		got := strings.Join(list, " ")
		for _, w := range want {
			if !strings.Contains(" "+got+" ", " "+w+" ") {
				t.Errorf("%s missing from %s", w, got)
			}
		}
	}
	has(shares, "workload.cached_input_share", "workload.monthly_growth", "residual_share", "cost_of_capital", "idle_power_share",
		"opex_share_per_year", "mbu", "mfu", "usable_memory_share", "max_utilization")
	has(money, "revenue.price_input_per_m", "revenue.price_cached_input_per_m", "revenue.price_output_per_m", "hourly_rate", "commit_hourly_rate",
		"capex_per_accelerator", "electricity_per_kwh", "colo_per_kw_month", "staff_per_month", "price_input_per_m", "price_cached_input_per_m", "price_output_per_m")
	for _, s := range shares {
		if strings.HasPrefix(s, "workload.requests") || strings.Contains(s, "tokens") {
			t.Errorf("%s is not a share", s)
		}
	}
}

// TestNewScenario: the clean start has no growth, cache, peak or revenue,
// nothing the user has not given (Changed is empty), and says what it
// still needs: the volume, the token counts and the API's prices.
func TestNewScenario(t *testing.T) {
	s := NewScenario()
	r := Resolve(&s)
	if c := r.Changed(); len(c) != 0 {
		t.Errorf("a clean start has changed values: %v", c[0].Path())
	}
	if c := ChangedChoices(&s); len(c) != 0 {
		t.Errorf("a clean start has changed choices: %v", c)
	}
	v := r.Values.Workload
	if !v.MonthlyGrowth.Dec().IsZero() || !v.CachedInputShare.Dec().IsZero() || !v.PeakToAverage.Dec().Equal(one) || s.Revenue != nil {
		t.Errorf("not clean: growth %s, cache %s, peak %s, revenue %v", v.MonthlyGrowth, v.CachedInputShare, v.PeakToAverage, s.Revenue)
	}
	_, errs := Check(&s)
	var paths []string
	for _, e := range errs {
		paths = append(paths, e.Path)
	}
	// The cached price follows the input price: needed until it is given.
	if got := strings.Join(paths, " "); got != "workload.requests_per_day workload.input_tokens workload.output_tokens options[0].price_input_per_m options[0].price_cached_input_per_m options[0].price_output_per_m" {
		t.Errorf("a clean start needs %s", got)
	}
	// Given the five, it evaluates; a value typed equal to its default is
	// no change, another one is.
	for p, v := range map[string]string{"workload.requests_per_day": "50M", "workload.input_tokens": "1,500", "workload.output_tokens": "300",
		"options[0].price_input_per_m": "$0.60", "options[0].price_output_per_m": "$0.80", "workload.peak_to_average": "1", "workload.monthly_growth": "2%"} {
		if err := SetEntry(&s, p, v); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Evaluate(&s); err != nil {
		t.Fatal(err)
	}
	var changed []string
	for _, e := range Resolve(&s).Changed() {
		changed = append(changed, e.Path())
	}
	if got := strings.Join(changed, " "); got != "workload.requests_per_day workload.input_tokens workload.output_tokens workload.monthly_growth options[0].price_input_per_m options[0].price_output_per_m" {
		t.Errorf("changed: %s", got)
	}
	// Choices: another catalog model, and an option calibrated to a
	// published measurement (TRT10-018: Llama 3.1 70B on one H200).
	s.Model.Preset = "llama-3.1-70b"
	s.Options[1].ThroughputPreset = "TRT10-018"
	m8, _ := FindModel("llama-3.1-70b")
	trt, _ := FindMeasured("TRT10-018")
	want := []ChangedChoice{{"model.preset", m8.Name, Models[0].Name}, {"options[1].throughput_preset", trt.Name(), "none (estimated)"}}
	if got := ChangedChoices(&s); !slices.Equal(got, want) {
		t.Errorf("changed choices %v, want %v", got, want)
	}
	if Models[0].ID == "llama-3.1-70b" {
		t.Fatal("the test needs a model other than the clean start's")
	}
}
