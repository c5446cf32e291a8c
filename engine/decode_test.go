package engine

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

func TestDecodeScenarioNumbersAndStrings(t *testing.T) {
	in := `{"version":1,"workload":{"requests_per_day":2.49,"input_tokens":"1000","output_tokens":1e2,"cached_input_share":"0.10"},
	"model":{"preset":"llama-3.1-8b"},"options":[{"label":"a","kind":"api","price_input_per_m":"0.1","price_output_per_m":0.3}]}`
	s, err := DecodeScenario(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		n    Num
		want string
	}{
		{s.Workload.RequestsPerDay, "2.49"},
		{s.Workload.InputTokens, "1000"},
		{s.Workload.OutputTokens, "100"},
		{s.Workload.CachedInputShare, "0.1"},
		{s.Options[0].PriceInputPerM, "0.1"},
		{s.Options[0].PriceOutputPerM, "0.3"},
	} {
		if tc.n.String() != tc.want {
			t.Errorf("got %q, want %q", tc.n.String(), tc.want)
		}
	}
	var buf bytes.Buffer
	if err := EncodeScenario(&buf, &s); err != nil {
		t.Fatal(err)
	}
	// Numbers are written back as strings, exactly.
	for _, want := range []string{`"requests_per_day": "2.49"`, `"price_output_per_m": "0.3"`, `"output_tokens": "100"`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("encoded file lacks %s:\n%s", want, buf.String())
		}
	}
	again, err := DecodeScenario(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !scenarioEqual(s, again) {
		t.Errorf("round trip changed the scenario")
	}
}

func TestDecodeScenarioErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"empty", ``, "scenario file is empty"},
		{"not json", `{"version":`, "ends early"},
		{"syntax", `{"version" 1}`, "not valid JSON"},
		{"unknown field", `{"version":1,"workload":{"requests_per_dya":5}}`, `workload: unknown field "requests_per_dya"`},
		{"wrong type", `{"version":1,"options":[{"label":5}]}`, "options[0].label: expected text (a JSON string), got a JSON number"},
		{"trailing", `{"version":1} {}`, "unexpected data after"},
		{"huge", `{"name":"` + strings.Repeat("x", MaxScenarioBytes) + `"}`, "larger than 256 KiB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeScenario(strings.NewReader(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

// strictFile is a valid file with one option of each kind, in which the
// cases of TestDecodeScenarioStrict replace one part.
const strictFile = `{"version": 1, "name": "n", "workload": {"requests_per_day": "1000", "input_tokens": 100, "output_tokens": 10},
 "model": {"preset": "llama-3.1-8b"}, "revenue": {"price_input_per_m": "1", "price_output_per_m": "2"},
 "options": [
  {"label": "c", "kind": "cloud", "accelerator": {"preset": "h100-sxm"}, "hourly_rate": "2"},
  {"label": "a", "kind": "api", "price_input_per_m": "1", "price_output_per_m": "2"},
  {"label": "o", "kind": "owned", "accelerator": {"preset": "h100-sxm"}, "capex_per_accelerator": "25000"}
 ]}`

// TestDecodeScenarioStrict: a file is read as strictly as a link, and every
// refusal names the field by its path in the file and speaks of JSON, not
// of Go.
func TestDecodeScenarioStrict(t *testing.T) {
	if s, err := DecodeScenario(strings.NewReader(strictFile)); err != nil {
		t.Fatal(err)
	} else if _, err := Evaluate(&s); err != nil {
		t.Fatal(err)
	}
	deep := strings.Repeat("[", 200000)
	long := strings.Repeat("x", 200<<10)
	for _, tc := range []struct {
		name, old, new, want string
	}{
		// Keys: spelled exactly, once.
		{"repeated key", `"name": "n"`, `"name": "n", "name": "m"`, "name: appears twice"},
		{"repeated option key", `"hourly_rate": "2"`, `"hourly_rate": "2", "hourly_rate": "3"`, "options[0].hourly_rate: appears twice"},
		{"repeated object", `"model": {`, `"model": {}, "model": {`, "model: appears twice"},
		{"repeated null", `"name": "n"`, `"name": null, "name": "n"`, "name: appears twice"},
		{"key in another case", `"hourly_rate"`, `"Hourly_Rate"`, `options[0]: unknown field "Hourly_Rate" (field names are lower case: hourly_rate)`},
		{"top key in another case", `"name"`, `"NAME"`, `scenario: unknown field "NAME" (field names are lower case: name)`},
		{"misspelt key", `"input_tokens"`, `"input_token"`, `workload: unknown field "input_token"`},
		{"hostile key", `"name"`, `"\u202e\u0000"`, `scenario: unknown field "\u202e\x00"`},
		{"long key", `"name"`, `"` + long + `"`, `scenario: unknown field "` + strings.Repeat("x", 40) + `…"`},
		{"key of a link", `"name"`, `"n"`, `scenario: unknown field "n"`},

		// Fields that do not apply to the option's kind, before or after the kind.
		{"cloud field on api", `"kind": "api",`, `"kind": "api", "hourly_rate": "2",`,
			"options[1].hourly_rate: does not apply to an option of kind api (only to cloud)"},
		{"kind after the field", `{"label": "a", "kind": "api",`, `{"label": "a", "hourly_rate": "2", "kind": "api",`,
			"options[1].hourly_rate: does not apply to an option of kind api (only to cloud)"},
		{"owned field on cloud", `"hourly_rate": "2"`, `"hourly_rate": "2", "capex_per_accelerator": "1"`,
			"options[0].capex_per_accelerator: does not apply to an option of kind cloud (only to owned)"},
		{"throughput field on api", `"kind": "api",`, `"mbu": null, "kind": "api",`,
			"options[1].mbu: does not apply to an option of kind api (only to cloud and owned)"},
		{"accelerator on api", `"kind": "api",`, `"kind": "api", "accelerator": {"preset": "h100-sxm"},`,
			"options[1].accelerator: does not apply to an option of kind api (only to cloud and owned)"},
		{"no kind", `"kind": "api",`, ``, "options[1].kind: required: cloud, owned, api or hybrid"},
		{"unknown kind", `"kind": "api",`, `"kind": "barter",`, `options[1].kind: must be cloud, owned, api or hybrid (got "barter")`},
		{"kind in another case", `"kind": "api",`, `"kind": "API",`, `options[1].kind: must be cloud, owned, api or hybrid (got "API")`},

		// JSON types, named as JSON names them.
		{"number as true", `"requests_per_day": "1000"`, `"requests_per_day": true`,
			`workload.requests_per_day: expected a number such as "2.5" or 2.5 (a JSON string or number), got true`},
		{"number as object", `"hourly_rate": "2"`, `"hourly_rate": {"value": 2}`,
			`options[0].hourly_rate: expected a number such as "2.5" or 2.5 (a JSON string or number), got a JSON object`},
		{"number as array", `"hourly_rate": "2"`, `"hourly_rate": [2]`, `options[0].hourly_rate: expected a number such as "2.5" or 2.5 (a JSON string or number), got a JSON array`},
		{"text as number", `"label": "c"`, `"label": 5`, "options[0].label: expected text (a JSON string), got a JSON number"},
		{"preset as object", `"preset": "llama-3.1-8b"`, `"preset": {}`, "model.preset: expected text (a JSON string), got a JSON object"},
		{"version as text", `"version": 1`, `"version": "1"`, "version: expected a whole number such as 1, got a JSON string"},
		{"version as fraction", `"version": 1`, `"version": 1.5`, "version: expected a whole number such as 1, got a JSON number"},
		{"newer version", `"version": 1`, `"version": 3, "name2": 1`, "version: version 3 is newer than this infercost understands (2)"},
		{"workload as array", `"workload": {`, `"workload": [], "x": {`, "workload: expected a JSON object, got a JSON array"},
		{"options as object", `"options": [`, `"options": {"a": [`, "options: expected a list of options (a JSON array), got a JSON object"},
		{"option as text", `"options": [`, `"options": ["cloud", `, "options[0]: expected an option (a JSON object), got a JSON string"},
		{"scenario as array", strictFile, `[]`, "scenario file: expected a scenario (a JSON object), got a JSON array"},
		{"scenario as null", strictFile, `null`, "scenario file: expected a scenario (a JSON object), got null"},

		// Bounds, as a link's; the message does not repeat the text.
		{"200 KB name", `"name": "n"`, `"name": "` + long + `"`, "name: too long (204800 characters, at most 120)"},
		{"long label", `"label": "c"`, `"label": "` + strings.Repeat("é", 61) + `"`, "options[0].label: too long (61 characters, at most 60)"},
		{"long model preset", `"preset": "llama-3.1-8b"`, `"preset": "` + strings.Repeat("m", 65) + `"`, "model.preset: too long (65 characters, at most 64)"},
		{"long accelerator preset", `"accelerator": {"preset": "h100-sxm"}, "hourly_rate"`, `"accelerator": {"preset": "` + long + `"}, "hourly_rate"`,
			"options[0].accelerator.preset: too long (204800 characters, at most 64)"},
		{"nine options", `"options": [`, `"options": [` + strings.Repeat(`{"label": "x", "kind": "api"}, `, 6), "options: more than 8 options"},

		// Text that is not UTF-8: refused as a link refuses it.
		{"invalid byte", `"name": "n"`, "\"name\": \"n\xff\"", "scenario file is not UTF-8 text (line 1, column 26)"},
		{"lone high surrogate", `"name": "n"`, `"name": "n\ud800"`, "name: is not valid UTF-8 text"},
		{"lone low surrogate", `"label": "c"`, `"label": "\udc00c"`, "options[0].label: is not valid UTF-8 text"},
		{"reversed pair", `"name": "n"`, `"name": "\ude80\ud83d"`, "name: is not valid UTF-8 text"},

		// Syntax, trailing data, nesting: the message gives the place.
		{"syntax", `"name": "n",`, `"name": "n" "x": 1,`, "scenario file is not valid JSON (line 1, column 28): invalid character '\"' after object key:value pair"},
		{"trailing brace", strictFile, strictFile + "\n}", "scenario file: unexpected data after the scenario (line 8, column 1)"},
		{"trailing object", strictFile, strictFile + ` {}`, "scenario file: unexpected data after the scenario (line 7, column 5)"},
		{"deep unknown", `"name": "n"`, `"x": ` + deep, `scenario: unknown field "x"`},
		{"deep in a number", `"hourly_rate": "2"`, `"hourly_rate": ` + deep, "options[0].hourly_rate: expected a number"},
		{"deep in an object", `"revenue": {`, `"revenue": ` + deep + `{`, "revenue: expected a JSON object, got a JSON array"},
		{"deep scenario", strictFile, deep, "scenario file: expected a scenario (a JSON object), got a JSON array"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(strictFile, tc.old) {
				t.Fatalf("strictFile lacks %s", tc.old)
			}
			in := strings.Replace(strictFile, tc.old, tc.new, 1)
			start := time.Now()
			_, err := DecodeScenario(strings.NewReader(in))
			if d := time.Since(start); d > time.Second {
				t.Errorf("took %s", d)
			}
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("error %v\nwant it to start with %q", err, tc.want)
			}
			msg := err.Error()
			if len(msg) > 200 {
				t.Errorf("message of %d bytes", len(msg))
			}
			for _, goName := range []string{"engine.", "int", "Num", "struct", "[]", "map[", "float", "bool", "interface"} {
				if strings.Contains(msg, goName) {
					t.Errorf("message speaks Go (%s): %s", goName, msg)
				}
			}
			if unsafeText(msg) {
				t.Errorf("message holds a control or bidi character: %q", msg)
			}
		})
	}
}

// TestDecodeScenarioAcceptsWhatItMeans: the file format's own forms are
// accepted: null for an absent value, kind after the fields, numbers as
// JSON numbers or strings, escapes of any character, a byte-order mark.
func TestDecodeScenarioAcceptsWhatItMeans(t *testing.T) {
	want, err := DecodeScenario(strings.NewReader(strictFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, old, new string }{
		{"byte-order mark", `{"version"`, "\uFEFF{\"version\""},
		{"kind last", `{"label": "a", "kind": "api", "price_input_per_m": "1", "price_output_per_m": "2"}`,
			`{"label": "a", "price_input_per_m": 1, "price_output_per_m": "2", "kind": "api"}`},
		{"nulls", `"hourly_rate": "2"`, `"hourly_rate": "2", "commit_months": null, "mbu": null`},
		{"escaped key", `"hourly_rate"`, `"hourly\u005frate"`},
		{"escaped text", `"label": "c"`, `"label": "\u0063"`},
		{"number forms", `"requests_per_day": "1000"`, `"requests_per_day": 1e3`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := strings.Replace(strictFile, tc.old, tc.new, 1)
			if in == strictFile {
				t.Fatalf("strictFile lacks %s", tc.old)
			}
			got, err := DecodeScenario(strings.NewReader(in))
			if err != nil {
				t.Fatal(err)
			}
			if !scenarioEqual(got, want) {
				t.Errorf("decoded differently")
			}
		})
	}
	// Text that only looks like an escape, and characters beyond U+FFFF.
	s, err := DecodeScenario(strings.NewReader(`{"version":1,"name":"a\\ud800 \ud83d\ude80 \ufffd �"}`))
	if err != nil || s.Name != `a\ud800 🚀 � �` {
		t.Errorf("got %q, %v", s.Name, err)
	}
	// null for every optional object.
	s, err = DecodeScenario(strings.NewReader(`{"version":1,"name":null,"workload":null,"model":null,"revenue":null,"options":[{"label":"x","kind":"cloud","accelerator":null}]}`))
	if err != nil || s.Revenue != nil || s.Options[0].Accelerator != nil {
		t.Errorf("got %+v, %v", s, err)
	}
	if s, err = DecodeScenario(strings.NewReader(`{"version":1,"options":null}`)); err != nil || s.Options != nil {
		t.Errorf("options null: %+v, %v", s, err)
	}
}

// TestDecodeScenarioReadsWhatItWrites: every field of every kind, written
// by EncodeScenario, reads back the same (the registry's keys and the
// struct's JSON names agree).
func TestDecodeScenarioReadsWhatItWrites(t *testing.T) {
	for _, s := range []*Scenario{largestScenario(), typicalScenario(), loadReference(t), {}} {
		var b bytes.Buffer
		if err := EncodeScenario(&b, s); err != nil {
			t.Fatal(err)
		}
		got, err := DecodeScenario(bytes.NewReader(b.Bytes()))
		if err != nil {
			t.Fatalf("%v\n%s", err, b.String())
		}
		want := s.Clone()
		upgrade(&want) // a version-1 scenario reads back as what it meant
		if !scenarioEqual(got, want) {
			t.Errorf("round trip changed %q", s.Name)
		}
	}
}

func TestDecodeBadNumberIsReportedWithItsPath(t *testing.T) {
	in := `{"version":1,"workload":{"requests_per_day":"12abc","input_tokens":1,"output_tokens":1},"model":{"preset":"llama-3.1-8b"},
	"options":[{"label":"a","kind":"api","price_input_per_m":"1","price_output_per_m":"` + strings.Repeat("9", 10000) + `"}]}`
	s, err := DecodeScenario(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Evaluate(&s)
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("want Errors, got %v", err)
	}
	if got := errs.For("workload.requests_per_day"); got != `"12abc" is not a number` {
		t.Errorf("requests_per_day: %q", got)
	}
	if got := errs.For("options[0].price_output_per_m"); !strings.Contains(got, "too long to be a number") {
		t.Errorf("price_output_per_m: %q", got)
	}
	// The kept text is bounded, whatever was sent.
	if n := len(s.Options[0].PriceOutputPerM.Bad()); n > maxNumLen+4 {
		t.Errorf("kept %d bytes of a bad number", n)
	}
}

func TestReferenceScenarioDecodes(t *testing.T) {
	if _, err := Evaluate(loadReference(t)); err != nil {
		t.Fatal(err)
	}
}

// FuzzDecodeScenario: any bytes decode to a scenario or an error, and any
// decoded scenario evaluates or returns errors, without panicking.
func FuzzDecodeScenario(f *testing.F) {
	if b, err := os.ReadFile("testdata/reference.json"); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`{"version":1,"workload":{"requests_per_day":"1e14","input_tokens":"10000000","output_tokens":"1000000","monthly_growth":"1","horizon_months":"120"},"model":{"total_params_b":"99999","layers":"10000","kv_heads":"10000","head_dim":"100000"},"options":[{"label":"x","kind":"owned","accelerator":{"memory_gb":"0.000001","bandwidth_tbps":"1000","tflops":"1000000"},"capex_per_accelerator":"1","power_kw":"1"}]}`))
	f.Add([]byte(`{"version":1,"workload":{"requests_per_day":-1,"tpot_slo_ms":"0.0000001"},"options":[{"kind":"cloud","accelerator":{"preset":"tpu-v5e"},"max_batch":"1"}]}`))
	f.Add([]byte(`{"version":2,"model":{"preset":"llama-3.1-70b"},"options":[{"kind":"cloud","accelerator":{"preset":"mi300x","stack_efficiency":"0.9"}},{"kind":"cloud","accelerator":{"preset":"h100-sxm","stack_efficiency":"-1"}}]}`))
	// Owned hardware refreshed, sold and financed (link format 4): a loan
	// at the extremes, and a lease that also asks for a loan (refused).
	f.Add([]byte(`{"version":2,"workload":{"requests_per_day":"1e9","input_tokens":"1000","output_tokens":"100","monthly_growth":"1","horizon_months":"120"},"model":{"preset":"llama-3.1-8b"},"options":[{"label":"x","kind":"owned","accelerator":{"preset":"h100-sxm"},"depreciation_years":"0.01","refresh":"1","resale_at_horizon":"1","loan_months":"360","loan_rate":"1","loan_down_share":"0"}]}`))
	f.Add([]byte(`{"version":2,"workload":{"requests_per_day":"10","input_tokens":"10","output_tokens":"10"},"model":{"preset":"llama-3.1-8b"},"options":[{"label":"x","kind":"owned","accelerator":{"preset":"h100-sxm"},"lease_months":"1","lease_rate_factor":"1","loan_months":"12","refresh":"1"}]}`))
	f.Add([]byte(`{"version":2,"workload":{"requests_per_day":"1","input_tokens":"1","output_tokens":"1","site_power_mw":"10000"},"model":{"preset":"llama-3.1-8b"},"options":[{"label":"x","kind":"cloud","accelerator":{"preset":"h100-sxm","power_kw":"0.000001"}},{"label":"y","kind":"owned","accelerator":{"preset":"b200"},"power_kw":"100","pue":"5","spare_replicas":"10000"}]}`))
	f.Add([]byte(`{"version":2,"workload":{"site_power_mw":"1e5"},"options":[]}`))
	// MLA attention heads (link format 5): a custom MLA model with them, a
	// preset's overridden with a fraction.
	f.Add([]byte(`{"version":2,"workload":{"requests_per_day":"1000","input_tokens":"100000","output_tokens":"1000"},"model":{"total_params_b":"671","active_params_b":"37","layers":"61","kv_bytes_per_token":"70272","attention_heads":"100000"},"options":[{"kind":"cloud","accelerator":{"preset":"h200"},"accelerators_per_replica":"8"}]}`))
	f.Add([]byte(`{"version":2,"model":{"preset":"deepseek-v3","attention_heads":"1.5"},"options":[{"kind":"cloud","accelerator":{"preset":"b200"}}]}`))
	f.Add([]byte(`{"version":99}`))
	f.Add([]byte(`{"version":2,"workload":{"requests_per_day":"1000","input_tokens":"10","output_tokens":"10"},"model":{"preset":"llama-3.1-8b"},"options":[{"kind":"cloud","accelerator":{"preset":"h100-sxm"}},{"kind":"api","price_input_per_m":"1","price_output_per_m":"1"}],"uncertainty":{"seed":"7","samples":"10000","ranges":[{"path":"workload.monthly_growth","low":"0","mode":"0.05","high":"0.1"},{"path":"options[0].throughput","shape":"lognormal","low":"0.5","mode":"1","high":null},{"path":"options[1].price_output_per_m","low":"2","mode":"1","high":"1"},null,[]]}}`))
	f.Add([]byte(`{"version":2,"workload":{"requests_per_day":1000,"input_tokens":100,"output_tokens":10,"discount_rate":"0.1"},"model":{"preset":"llama-3.1-8b"},"revenue":{"price_input_per_m":1,"price_output_per_m":2,"price_change":"-0.3"},"options":[{"label":"a","kind":"api","price_input_per_m":1,"price_output_per_m":2,"price_change":"-0.9"},{"label":"c","kind":"cloud","accelerator":{"preset":"h100-sxm"},"hourly_rate_change":"1"},{"label":"o","kind":"owned","accelerator":{"preset":"h100-sxm"},"capex_change":"-0.95"}]}`))
	f.Add([]byte(`{"version":2,"workload":{"horizon_months":"4"},"options":[{"kind":"cloud","hourly_rate":"2","commitments":[{"accelerators":"4","hourly_rate":"1","start_month":"2","months":"3","upfront_share":"0.5"},{"accelerators":10,"start_month":99,"months":null},null,[]]},{"kind":"api","commitments":[]}]}`))
	f.Add([]byte(`{"version":2,"workload":{"requests_per_day":"1000","input_tokens":"10","output_tokens":"10"},"model":{"preset":"llama-3.1-8b"},"options":[{"kind":"api","price_input_per_m":"1","price_output_per_m":"1"}],"uncertainty":{"samples":"5","ranges":[{"path":"workload.requests_per_day","shape":"lognormal","low":"0.000000000000000001","mode":"1","high":"1e12"},{"path":"workload.monthly_growth","shape":"lognormal","low":"0","mode":"0.1","high":"0.2"},{"path":"options[0].price_input_per_m","shape":"LOGNORMAL","low":"1","mode":"2","high":"3"}]}}`))
	// Hybrid fleets and the daily profile (link format 5): a valid one, and
	// hostile ones (25 shares, a negative share, shares summing to 2, a
	// hybrid naming itself, an API as its base, an option that is not there).
	f.Add([]byte(`{"version":2,"workload":{"requests_per_day":"100000","input_tokens":"1000","output_tokens":"500","daily_profile":"business_hours"},"model":{"preset":"llama-3.1-8b"},"options":[{"label":"c","kind":"cloud","accelerator":{"preset":"h100-sxm"},"commit_hourly_rate":"1.5"},{"label":"b","kind":"cloud","accelerator":{"preset":"h100-sxm"}},{"label":"a","kind":"api","price_input_per_m":1,"price_output_per_m":2},{"label":"h","kind":"hybrid","base_option":"1","burst_option":"2","burst_max_accelerators":"8","burst_min_hours":"4","overflow_option":"3"}]}`))
	f.Add([]byte(`{"version":2,"workload":{"requests_per_day":"1e12","input_tokens":"1","output_tokens":"1","daily_profile":"1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0"},"model":{"preset":"llama-3.1-8b"},"options":[{"label":"o","kind":"owned","accelerator":{"preset":"b200"}},{"label":"h","kind":"hybrid","base_option":"1","base_accelerators":"1000000","burst_option":"4","overflow_option":"1"}]}`))
	f.Add([]byte(`{"version":2,"workload":{"daily_profile":"-1,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0"},"options":[{"label":"h","kind":"hybrid","base_option":"1","burst_option":"1"}]}`))
	f.Add([]byte(`{"version":2,"workload":{"daily_profile":"1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0"},"options":[{"label":"a","kind":"api","price_input_per_m":1,"price_output_per_m":1},{"label":"h","kind":"hybrid","base_option":"1","overflow_option":"8","burst_min_hours":"0"}]}`))
	// The sizing basis (link format 5): net present cost, and out of range.
	f.Add([]byte(`{"version":2,"workload":{"requests_per_day":"1000","input_tokens":"10","output_tokens":"10","discount_rate":"1","sizing_basis":"1"},"model":{"preset":"llama-3.1-8b"},"options":[{"kind":"cloud","accelerator":{"preset":"h100-sxm"},"commit_accelerators":"4","commit_months":"12"}]}`))
	f.Add([]byte(`{"version":2,"workload":{"sizing_basis":"2"},"options":[{"kind":"cloud"}]}`))
	// Draws outside the model's limits, drawn again: some, and all (too many).
	f.Add([]byte(`{"version":2,"workload":{"requests_per_day":"976562500000","input_tokens":"1","output_tokens":"1","horizon_months":"21"},"model":{"preset":"llama-3.1-8b"},"options":[{"label":"a","kind":"api","price_input_per_m":"1","price_output_per_m":"1"}],"uncertainty":{"seed":"8","samples":"40","ranges":[{"path":"workload.monthly_growth","low":"0","mode":"0.2","high":"1"}]}}`))
	f.Add([]byte(`{"version":2,"workload":{"requests_per_day":"1e12","input_tokens":"1","output_tokens":"1","horizon_months":"120"},"model":{"preset":"llama-3.1-8b"},"options":[{"label":"c","kind":"cloud","accelerator":{"preset":"h100-sxm"}},{"label":"a","kind":"api","price_input_per_m":"1","price_output_per_m":"1"}],"uncertainty":{"samples":"30","ranges":[{"path":"workload.monthly_growth","shape":"lognormal","low":"0.01","mode":"0.5","high":"1"},{"path":"options[0].throughput","low":"0.01","mode":"0.02","high":"100"}]}}`))
	// One estimate, one error: two options on the same H100s (one with a
	// range of its own, one on the default band) and a hybrid on them,
	// drawn together.
	f.Add([]byte(`{"version":2,"workload":{"requests_per_day":"100000","input_tokens":"1000","output_tokens":"200","daily_profile":"business_hours"},"model":{"preset":"llama-3.1-8b"},"options":[{"label":"c","kind":"cloud","accelerator":{"preset":"h100-sxm"},"commit_accelerators":"2","commit_hourly_rate":"2","commit_months":"12"},{"label":"d","kind":"cloud","accelerator":{"preset":"h100-sxm"}},{"label":"a","kind":"api","price_input_per_m":"1","price_output_per_m":"1"},{"label":"h","kind":"hybrid","base_option":"1","burst_option":"2","overflow_option":"3"}],"uncertainty":{"samples":"20","ranges":[{"path":"options[1].throughput","shape":"lognormal","low":"0.5","mode":"0.9","high":"1.3"}]}}`))
	f.Add([]byte(`{"name":"<script>alert(1)</script>","version":1}`))
	f.Add([]byte(strictFile))
	f.Add([]byte("\uFEFF" + `{"version":1,"name":"a\\ud800 \ud83d\ude80 \u202e","options":[{"mbu":null,"kind":"owned","label":"\u0000"}]}`))
	f.Add([]byte(`{"version":1,"options":[{"kind":"api","hourly_rate":"1"}],"name":"n","name":"m"}`))
	f.Add([]byte(`{"version":1,"revenue":null,"options":null,"workload":{"requests_per_day":"12abc","input_tokens":1e999}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := DecodeScenario(bytes.NewReader(b))
		if err != nil {
			if unsafeText(err.Error()) {
				t.Fatalf("error holds a control or bidi character: %q", err)
			}
			return
		}
		checkUncertainty(&s) // must not panic
		fuzzSimulate(t, &s)
		r, err := Evaluate(&s)
		if err == nil && len(r.Options) != len(s.Options) {
			t.Fatalf("%d results for %d options", len(r.Options), len(s.Options))
		}
		// What decodes is written back to a file that decodes to the same
		// scenario, and is then written identically.
		var once, twice bytes.Buffer
		if err := EncodeScenario(&once, &s); err != nil {
			t.Fatal(err)
		}
		again, err := DecodeScenario(bytes.NewReader(once.Bytes()))
		if err != nil {
			t.Fatalf("the written file does not decode: %v\n%s", err, once.String())
		}
		if !scenarioEqual(s, again) {
			t.Fatalf("writing and reading changed the scenario:\n%s", once.String())
		}
		if err := EncodeScenario(&twice, &again); err != nil || !bytes.Equal(once.Bytes(), twice.Bytes()) {
			t.Fatalf("written differently the second time (%v):\n%s\n%s", err, once.String(), twice.String())
		}
	})
}

// fuzzSimulate runs a fuzzed scenario's Monte Carlo when it asks for at
// most 50 draws (for time): it must not panic, and a run that completes
// keeps exactly its draws and counts the redrawn ones once each, within
// the bound (no more than the draws asked for).
func fuzzSimulate(t *testing.T, s *Scenario) {
	u := s.Uncertainty
	if u == nil || !u.Samples.Set() || u.Samples.Bad() != "" || u.Samples.Dec().Cmp(decimal.NewFromInt(50)) > 0 {
		return
	}
	sim, err := Simulate(s, nil)
	if err != nil {
		return
	}
	sum, wins := 0, 0
	for _, r := range sim.Rejections {
		sum += r.Draws
	}
	for _, o := range sim.Options {
		wins += o.Wins
	}
	if sum != sim.Redrawn || sim.Redrawn > sim.Samples || len(sim.Options) > 0 && wins != sim.Samples {
		t.Fatalf("%d redrawn, %d by reason, %d wins, %d draws", sim.Redrawn, sum, wins, sim.Samples)
	}
}

func unsafeText(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unsafeRune(r) && r != '\n' })
}

// scenarioEqual compares scenarios value by value (decimal internals make
// reflect.DeepEqual unreliable).
func scenarioEqual(a, b Scenario) bool {
	if a.Version != b.Version || a.Name != b.Name || a.Model.Preset != b.Model.Preset || len(a.Options) != len(b.Options) ||
		a.Workload.DailyProfile != b.Workload.DailyProfile {
		return false
	}
	for _, f := range WorkloadFields {
		if !f.Get(&a.Workload).Equal(*f.Get(&b.Workload)) {
			return false
		}
	}
	for _, f := range ModelFields {
		if !f.Get(&a.Model).Equal(*f.Get(&b.Model)) {
			return false
		}
	}
	if (a.Revenue == nil) != (b.Revenue == nil) {
		return false
	}
	if a.Revenue != nil {
		for _, f := range RevenueFields {
			if !f.Get(a.Revenue).Equal(*f.Get(b.Revenue)) {
				return false
			}
		}
	}
	if !uncertaintyEqual(a.Uncertainty, b.Uncertainty) {
		return false
	}
	for i := range a.Options {
		oa, ob := &a.Options[i], &b.Options[i]
		if oa.Label != ob.Label || oa.Kind != ob.Kind || (oa.Accelerator == nil) != (ob.Accelerator == nil) {
			return false
		}
		for _, f := range OptionFields {
			if !f.Get(oa).Equal(*f.Get(ob)) {
				return false
			}
		}
		if len(oa.Commitments) != len(ob.Commitments) {
			return false
		}
		for t := range oa.Commitments {
			for _, f := range CommitmentFields {
				if !f.Get(&oa.Commitments[t]).Equal(*f.Get(&ob.Commitments[t])) {
					return false
				}
			}
		}
		if oa.Accelerator != nil {
			if oa.Accelerator.Preset != ob.Accelerator.Preset {
				return false
			}
			for _, f := range AcceleratorFields {
				if !f.Get(oa.Accelerator).Equal(*f.Get(ob.Accelerator)) {
					return false
				}
			}
		}
	}
	return true
}
