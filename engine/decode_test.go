package engine

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
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
		{"unknown field", `{"version":1,"workload":{"requests_per_dya":5}}`, `unknown field "requests_per_dya"`},
		{"wrong type", `{"version":1,"options":[{"label":5}]}`, "options.label: expected string, got JSON number"},
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
	f.Add([]byte(`{"version":99}`))
	f.Add([]byte(`{"name":"<script>alert(1)</script>","version":1}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := DecodeScenario(bytes.NewReader(b))
		if err != nil {
			return
		}
		r, err := Evaluate(&s)
		if err == nil && len(r.Options) != len(s.Options) {
			t.Fatalf("%d results for %d options", len(r.Options), len(s.Options))
		}
	})
}

// scenarioEqual compares scenarios value by value (decimal internals make
// reflect.DeepEqual unreliable).
func scenarioEqual(a, b Scenario) bool {
	if a.Version != b.Version || a.Name != b.Name || a.Model.Preset != b.Model.Preset || len(a.Options) != len(b.Options) {
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
