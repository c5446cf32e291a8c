package main

import (
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/infercost/infercost/engine"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestEvalGolden runs `infercost eval` on each scenario in testdata in each
// format and compares with testdata/NAME.FORMAT.golden. Run with -update to
// rewrite them after an intended change, and review the diff.
func TestEvalGolden(t *testing.T) {
	for _, name := range []string{"handworked", "reference", "newuser"} {
		for _, format := range []string{"table", "json", "csv", "csv-monthly"} {
			t.Run(name+"/"+format, func(t *testing.T) {
				code, stdout, stderr := runCLI("", "eval", "-format", format, filepath.Join("testdata", name+".json"))
				if code != 0 {
					t.Fatalf("exit %d: %s", code, stderr)
				}
				golden := filepath.Join("testdata", name+"."+format+".golden")
				if *update {
					if err := os.WriteFile(golden, []byte(stdout), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test -update)", err)
				}
				if stdout != string(want) {
					t.Errorf("output differs from %s (run go test -update and review the diff):\n%s", golden, stdout)
				}
			})
		}
	}
}

// TestEvalHandWorkedFigures pins the figures the table shows for the
// hand-worked scenario (working in engine/evaluate_test.go): 6 accelerators
// at $2 × 730 h = $8,760 a month, $17,520 in all, 20/9 = $2.22 per M tokens.
func TestEvalHandWorkedFigures(t *testing.T) {
	code, stdout, stderr := runCLI("", "eval", "testdata/handworked.json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"$8,760", "$17,520", "$2.22", "$3.33", "$0.3030", "$6.06",
		// API: 500 × $2/M + 500 × $0.5/M + 500 × $8/M = $0.00525 a request:
		// $5.25 per 1,000, × 2,628,000 a month = $13,797; input $1.25 per M.
		"$5.25", "$13,797", "$27,594", "$1.25",
		// Revenue 3,942 M tokens × $1 × 2 months − $17,520 = −$9,636.
		"−$9,636",
		// Break-even: a replica costs 2 × $2 × 730 = $2,920 a month; a request a
		// day brings the API $0.00525 × 365/12 = $0.1596875 a month, so
		// a = 18,285.71; one replica carries b = 0.5 × 2 × 86,400 / (2 × 0.55)
		// = 78,545.45 a day; with 1 spare, K = ceil((a + b)/(b − a)) − 1 = 1 and
		// V* = (1 + 1) × a = 36,571.4, rounded up.
		"36,572 requests a day",
		// Discounted at 8 % a year, cash at each month's end: v = 1.08^(−1/12)
		// = 0.9936071, v² = 0.9872550; $8,760 × 1.9808621 = $17,352.35 of
		// net present cost; NPV ($3,942 − $8,760) × 1.9808621 = −$9,543.79,
		// never paid back; no IRR, every month's cash is negative.
		"Discounted at 8.0 % a year", "$17,352", "−$9,544", "never", "none: the cash flows never change sign"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("table lacks %s:\n%s", want, stdout)
		}
	}
}

// TestEvalNewUserHandWorked: testdata/newuser.json is the new-user task of
// issue 12 (the browser's TestEntryNewUserTask types it from "New
// scenario" and checks the page against this output): Llama 3.1 70B,
// 50,000,000 requests a day of 1,500 input and 300 output tokens, no
// growth, cache or peak, over the default 36 months; a token API at $0.60
// and $0.80 per M, the H100 rented on demand at its catalog $2.99 an hour
// (16 committed for 12 months at the same rate), and a B200 bought.
func TestEvalNewUserHandWorked(t *testing.T) {
	code, stdout, stderr := runCLI("", "eval", "testdata/newuser.json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		// The API: a request costs 1,500 × $0.60/M + 300 × $0.80/M =
		// $0.0009 + $0.00024 = $0.00114: $1.14 per 1,000; 1,800 tokens a
		// request: $0.00114 / 1,800 × 10^6 = $0.6333 per M tokens. A day:
		// 50,000,000 × $0.00114 = $57,000; a month of 365/12 days:
		// $57,000 × 365 / 12 = $1,733,750; 36 months: $62,415,000.
		"$1.14", "$0.6333", "$1,733,750", "$62,415,000",
		// The H100 on demand: the engine holds 772 accelerators (193
		// replicas of 4; the throughput model's: batch 56 a replica at the
		// 50 ms time per output token, each step carrying its share of the
		// 1,500-token prompts; 564 before the ninth session's mixed step, 812
		// before the twenty-first round); 772 × $2.99 × 730 h = $1,685,044.40
		// a month (the 16 committed at the same rate change nothing), × 36 =
		// $60,661,598.40: less than the API.
		"772", "$1,685,044", "$60,661,598",
		// The margins: the B200's total is the engine's $21,219,385.45
		// (its JSON: 330 accelerators bought at $50,000, $16,500,000, and
		// their running costs; 356 and $22,895,457.50 before the twelfth
		// round of data's Blackwell stack efficiency, 0.75 → 0.8). The
		// runner-up is the H100 rented: $60,661,598.40 − $21,219,385.45 =
		// $39,442,212.95, 65.0 % of $60,661,598.40 (0.65020); the API
		// ranks third, $62,415,000 − $21,219,385.45 = $41,195,614.55
		// (66.0 %) more.
		"B200 owned is cheapest: $21,219,385 in all",
		"It costs $39,442,213 less than the runner-up, NVIDIA H100 SXM 80 GB, rented (65.0 % less), and $41,195,615 less than the API, Token API (66.0 % less).",
		// The H100 rented by the hour: $62,415,000 − $60,661,598.40 =
		// $1,753,401.60, 2.8 % of the API's total. Break-even volume
		// (compare.go): a replica serves b = 0.8 × 4 × 86,400 / 1.0636996
		// accelerator-seconds a request = 259,923.0 requests a day and costs
		// 4 × $2.99 × 730 = $8,730.80 a month, a = $8,730.80 / ($0.00114 ×
		// 365/12) = 251,789.47 requests a day of API spend; the API still
		// wins at the start of every step k < b / (b − a) = 31.96, so the
		// last is K = 31 and V* = min(31 × a, 31 × b) = 7,805,473.7,
		// rounded up.
		"saves $1,753,402 (2.8 %) against the API; beats the API at every volume above 7,805,474 requests a day",
		// Its operating point: batch 56 a replica of 4, decode step
		// 24.827 ms, prefill 2,821.199 tokens/s an accelerator (the
		// roofline's, in the JSON golden). A request's 1,500 prompt tokens
		// take 1,500 / (4 × 2,821.199) = 132.922 ms on the replica, so each
		// of the 56 users' tokens also waits 56 × 132.922 / 300 = 24.812 ms
		// of prefill: 24.827 + 24.812 = 49.639 ms a token (engine's
		// "Time per output token from the mixed step"), 1,000 / 49.639 =
		// 20.1 tokens/s per user; the first token the fixed time a request
		// (RequestOverheadMs, 140 ms since the twenty-fifth round) +
		// 132.92 + 24.83 = 297.75 ms.
		"batch 56, decode step 24.83 ms (memory-bound; the batch is capped by the time-per-token target), 49.64 ms a token with the step's share of prefill, 20.1 tokens/s per user, first token in 298 ms",
		// No growth: the same option is cheapest in every month.
		"B200 owned: cheapest in every month",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("table lacks %s:\n%s", want, stdout)
		}
	}
}

// TestEvalSet: -set takes numbers as the page's inputs do (one engine
// parser, engine.ParseEntry): "1,500"/"1.5k" and the plain 1500 give the
// same output; what the page refuses, -set refuses with the same message.
func TestEvalSet(t *testing.T) {
	plain := []string{"eval", "-format", "csv", "-set", "workload.requests_per_day=1500", "-set", "workload.cached_input_share=0.3",
		"-set", "options[0].hourly_rate=2.99", "testdata/handworked.json"}
	code, want, stderr := runCLI("", plain...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, forms := range [][3]string{{"1,500", "30%", "$2.99"}, {"1.5k", "30 %", "$2.99"}, {"1 500", "0.3", "2.99"}} {
		code, got, stderr := runCLI("", "eval", "-format", "csv", "-set", "workload.requests_per_day="+forms[0], "-set", "workload.cached_input_share="+forms[1],
			"-set", "options[0].hourly_rate="+forms[2], "testdata/handworked.json")
		if code != 0 || got != want {
			t.Errorf("%q: exit %d (%s), output differs from the plain numbers' (%v)", forms, code, stderr, got == want)
		}
	}
	for _, tc := range []struct{ set, want string }{
		{"workload.requests_per_day=50m", `workload.requests_per_day: "50m" is not a number: write M for a million ("50M")`},
		{"workload.requests_per_day=30%", `workload.requests_per_day: "30%" is not a number: a percentage goes with a share; this field is in requests/day`},
		{"workload.monthly_growth=10", "workload.monthly_growth: must be ≤ 1: a share, where 1 is 100 % (for 10 % type 10% or 0.1)"},
		{"workload.nope=1", "infercost eval: -set workload.nope: no such input"},
		{"workload.requests_per_day", "want path=value"},
	} {
		code, _, stderr := runCLI("", "eval", "-set", tc.set, "testdata/handworked.json")
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("-set %s: exit %d, stderr %q, want %q", tc.set, code, stderr, tc.want)
		}
	}
}

func TestEvalInvalidListsEveryError(t *testing.T) {
	code, _, stderr := runCLI("", "eval", "testdata/invalid.json")
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	for _, want := range []string{
		"workload.requests_per_day: must be > 0",
		"workload.cached_input_share: must be ≤ 1",
		"options[0].hourly_rate: must be ≥ 0",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestEvalStdinAndErrors(t *testing.T) {
	in, _ := os.ReadFile("testdata/handworked.json")
	if code, stdout, _ := runCLI(string(in), "eval", "-format", "csv-monthly", "-"); code != 0 || !strings.HasPrefix(stdout, "option,kind,month,") {
		t.Errorf("stdin: exit %d, %q", code, stdout)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"eval"}, "Usage: infercost eval"},
		{[]string{"eval", "-format", "xml", "x.json"}, `-format "xml": want table, json, csv or csv-monthly`},
		{[]string{"eval", "testdata/nope.json"}, "no such file"},
	} {
		code, _, stderr := runCLI("", tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q", tc.args, code, stderr)
		}
	}
}

// TestEvalJSONFields checks the JSON contract of issue #3: every option has
// these snake_case fields (null where they do not apply), every month these.
func TestEvalJSONFields(t *testing.T) {
	code, stdout, stderr := runCLI("", "eval", "-format", "json", "testdata/reference.json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var res struct {
		Options []map[string]json.RawMessage `json:"options"`
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatal(err)
	}
	optionKeys := []string{"label", "kind", "accelerators_per_replica", "batch_size", "decode_step_ms", "prefill_tokens_per_s",
		"decode_tokens_per_s", "accelerator_seconds_per_request", "months", "total_cost", "cost_per_m_tokens", "cost_per_m_input_tokens",
		"cost_per_m_output_tokens", "cost_per_1k_requests", "peak_accelerators", "break_even_month",
		"net_present_cost", "npv", "discounted_payback_month", "irr"}
	monthKeys := []string{"month", "requests", "accelerators", "utilization", "cost", "stranded_cost", "revenue", "cumulative_discounted_cash"}
	for i, o := range res.Options {
		for _, k := range optionKeys {
			if _, ok := o[k]; !ok {
				t.Errorf("option %d lacks %q", i, k)
			}
		}
		var months []map[string]json.RawMessage
		if err := json.Unmarshal(o["months"], &months); err != nil || len(months) != 60 {
			t.Fatalf("option %d: %d months, %v", i, len(months), err)
		}
		for _, k := range monthKeys {
			if _, ok := months[0][k]; !ok {
				t.Errorf("option %d month 1 lacks %q", i, k)
			}
		}
	}
	// The API option (the fourth) has null throughput fields.
	if string(res.Options[3]["batch_size"]) != "null" || string(res.Options[3]["accelerators_per_replica"]) != "null" {
		t.Errorf("API option throughput fields: %s, %s", res.Options[3]["batch_size"], res.Options[3]["accelerators_per_replica"])
	}
}

// evalEdited runs `infercost eval` on testdata/handworked.json with each
// old→new replacement applied (JSON text, as written in the file).
func evalEdited(t *testing.T, format string, oldNew ...string) (code int, stdout, stderr string) {
	t.Helper()
	b, err := os.ReadFile("testdata/handworked.json")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for i := 0; i < len(oldNew); i += 2 {
		if !strings.Contains(s, oldNew[i]) {
			t.Fatalf("handworked.json lacks %s", oldNew[i])
		}
		s = strings.Replace(s, oldNew[i], oldNew[i+1], 1)
	}
	path := filepath.Join(t.TempDir(), "edited.json")
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return runCLI("", "eval", "-format", format, path)
}

// rawHostile reports a control, bidi or separator character in CLI output,
// where it would act on the terminal instead of showing.
func rawHostile(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool {
		return r < 0x20 && r != '\n' || r >= 0x7f && r <= 0x9f || r == 0x61c || r == 0x200e || r == 0x200f ||
			r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x2028 || r == 0x2029
	})
}

// TestEvalRefusesHostileText: a name or label that would act on a terminal
// exits 2 with the field named, and nothing of it reaches the terminal raw.
func TestEvalRefusesHostileText(t *testing.T) {
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"bidi override in the name", `"Hand-worked: one request a second"`, `"evil\u202egnp.exe"`,
			"name: contains an invisible text-direction control character (U+202E)"},
		{"C1 CSI in a label", `"Measured cloud"`, `"x\u009b31mred"`, "options[0].label: contains a control character (U+009B)"},
		{"isolate in a label", `"API"`, "\"a\u2067b\"", "options[1].label: contains an invisible text-direction control character (U+2067)"},
		{"escape in the name", `"Hand-worked: one request a second"`, `"\u001b]0;pwned\u0007"`, "name: contains a control character (U+001B)"},
		{"unknown preset", `"llama-3.1-8b"`, `"\u202ex\u009b"`, `model.preset: unknown model "\u202ex\u009b"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, format := range []string{"table", "csv", "json"} {
				code, stdout, stderr := evalEdited(t, format, tc.old, tc.new)
				if code != 2 || !strings.Contains(stderr, tc.want) {
					t.Errorf("%s: exit %d, stderr %q, want exit 2 and %q", format, code, stderr, tc.want)
				}
				if rawHostile(stdout) || rawHostile(stderr) {
					t.Errorf("%s: raw control or bidi character in the output: %q / %q", format, stdout, stderr)
				}
			}
		})
	}
}

// TestEvalCSVLabelIsNotAFormula: `eval -format csv` (the report) and
// `-format csv-monthly` write a label that would be a formula as text, and
// negative margins as numbers.
func TestEvalCSVLabelIsNotAFormula(t *testing.T) {
	for _, format := range []string{"csv", "csv-monthly"} {
		code, stdout, stderr := evalEdited(t, format, `"Measured cloud"`, `"=HYPERLINK(\"http://x\",\"y\")"`, `"API"`, `"@SUM(1)"`)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, stderr)
		}
		r := csv.NewReader(strings.NewReader(stdout))
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			for _, cell := range row {
				if cell != "" && strings.ContainsRune("=+@", rune(cell[0])) {
					t.Errorf("%s: cell %q would be read as a formula", format, cell)
				}
			}
		}
		if format == "csv" {
			continue
		}
		for _, row := range rows[1:] {
			if row[0] != `'=HYPERLINK("http://x","y")` && row[0] != "'@SUM(1)" {
				t.Errorf("label cell %q", row[0])
			}
			if margin := row[len(row)-2]; !strings.HasPrefix(margin, "-") || strings.HasPrefix(margin, "'") {
				t.Errorf("margin cell %q, want a negative number", margin)
			}
		}
	}
}

// TestEvalCSVReport: `eval -format csv` is the report for finance: the
// summary in words, one summary row per option with the figures worked by
// hand, every assumption with where it comes from, then the monthly rows
// exactly as `-format csv-monthly` writes them.
func TestEvalCSVReport(t *testing.T) {
	in, _ := os.ReadFile("testdata/handworked.json")
	code, report, stderr := runCLI(string(in), "eval", "-format", "csv", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	_, monthly, _ := runCLI(string(in), "eval", "-format", "csv-monthly", "-")
	head, tail, ok := strings.Cut(report, "\nmonthly\n")
	if !ok || tail != monthly {
		t.Errorf("the report does not end with the monthly rows of -format csv-monthly")
	}
	r := csv.NewReader(strings.NewReader(head))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	block := map[string][][]string{}
	var name string
	for _, row := range rows {
		if len(row) == 1 && (row[0] == "options" || row[0] == "assumptions") {
			name = row[0]
			continue
		}
		block[name] = append(block[name], row)
	}
	if rows[0][0] != "infercost report" || rows[1][1] != "Hand-worked: one request a second" || rows[3][0] != "summary" ||
		!strings.HasPrefix(rows[3][1], "Over 2 months, Measured cloud is cheapest: $17,520 in all") {
		t.Errorf("report opens with %q", rows[:4])
	}
	// 86,400 requests a day for 2 months. Measured cloud: 6 accelerators ×
	// $2 × 730 h = $8,760 a month, $17,520 in all; per 1,000 requests
	// 17,520 / (2 × 2,628,000) × 1,000 = $3.333333. The API: 500 uncached
	// input tokens × $2 + 500 cached × $0.5 + 500 output × $8, per million,
	// = $0.00525 a request; 2,628,000 requests a month: $13,797, $27,594
	// in all, $5.25 per 1,000 requests; it saves 27,594 − 17,520 = $10,074.
	opts := block["options"]
	col := func(name string) int { return slices.Index(opts[0], name) }
	for _, want := range []struct{ row, rank, total, per1k, savings string }{
		{"Measured cloud", "1", "17520", "3.333333", "10074"},
		{"API", "2", "27594", "5.25", ""},
	} {
		i := slices.IndexFunc(opts, func(r []string) bool { return r[0] == want.row })
		if i < 0 {
			t.Fatalf("no summary row for %s in %q", want.row, opts)
		}
		got := opts[i]
		if got[col("rank")] != want.rank || got[col("total_cost")] != want.total || got[col("cost_per_1k_requests")] != want.per1k || got[col("savings_vs_api")] != want.savings {
			t.Errorf("%s: %q", want.row, got)
		}
	}
	// Every assumption, folded ones included, with where it comes from.
	as := block["assumptions"]
	find := func(path string) []string {
		for _, r := range as {
			if r[0] == path {
				return r
			}
		}
		t.Fatalf("assumption %s missing", path)
		return nil
	}
	if r := find("workload.monthly_growth"); r[3] != "0" || r[5] != "default" {
		t.Errorf("growth: %q", r)
	}
	if r := find("options[0].commit_hourly_rate"); r[1] != "Measured cloud" || r[3] != "2" || r[5] != "the hourly rate (options[0].hourly_rate)" || r[6] != "false" {
		t.Errorf("commit rate: %q", r)
	}
	if r := find("model.layers"); !strings.HasPrefix(r[5], "preset Llama 3.1 8B (https://") {
		t.Errorf("layers: %q", r)
	}
}

// TestEvalStrictFile: a file is read as strictly as a link; each refusal
// exits 2 naming the field by its path in the file, in JSON's terms.
func TestEvalStrictFile(t *testing.T) {
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"repeated key", `"hourly_rate": 2,`, `"hourly_rate": 2, "hourly_rate": 3,`, "options[0].hourly_rate: appears twice"},
		{"key in another case", `"hourly_rate"`, `"Hourly_Rate"`, `options[0]: unknown field "Hourly_Rate" (field names are lower case: hourly_rate)`},
		{"field of another kind", `{"label": "API", "kind": "api",`, `{"label": "API", "hourly_rate": "2", "kind": "api",`,
			"options[1].hourly_rate: does not apply to an option of kind api (only to cloud)"},
		{"JSON type", `"output_tokens": 500`, `"output_tokens": [500]`,
			`workload.output_tokens: expected a number such as "2.5" or 2.5 (a JSON string or number), got a JSON array`},
		{"200 KB name", `"Hand-worked: one request a second"`, `"` + strings.Repeat("x", 200<<10) + `"`, "name: too long (204800 characters, at most 120)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := evalEdited(t, "table", tc.old, tc.new)
			if code != 2 || stderr != "infercost eval: "+tc.want+"\n" || stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr %.300q\nwant exit 2 and %q", code, stdout, stderr, tc.want)
			}
		})
	}
}

// TestEvalByteOrderMark: a file saved with a UTF-8 byte-order mark reads as
// the page's import reads it (the browser drops the mark).
func TestEvalByteOrderMark(t *testing.T) {
	b, err := os.ReadFile("testdata/handworked.json")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "bom.json")
	if err := os.WriteFile(path, append([]byte("\uFEFF"), b...), 0o644); err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile("testdata/handworked.table.golden")
	code, stdout, stderr := runCLI("", "eval", path)
	if code != 0 || stdout != string(want) {
		t.Errorf("exit %d, stderr %q; output differs from handworked.table.golden:\n%s", code, stderr, stdout)
	}
	code, _, stderr = runCLI("\uFEFF"+string(b), "eval", "-")
	if code != 0 {
		t.Errorf("stdin: exit %d: %s", code, stderr)
	}
}

// TestEvalInteractivity: -interactivity appends the cost of each estimated
// option at each tokens/s per user (golden; each cell is engine.
// InteractivityCurve's, tested against Evaluate in the engine), and is
// refused with another format.
func TestEvalInteractivity(t *testing.T) {
	code, stdout, stderr := runCLI("", "eval", "-interactivity", filepath.Join("testdata", "reference.json"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	golden := filepath.Join("testdata", "reference.interactivity.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(stdout), 0o644); err != nil {
			t.Fatal(err)
		}
	} else if want, err := os.ReadFile(golden); err != nil || stdout != string(want) {
		t.Errorf("output differs from %s (run go test -update and review the diff):\n%s", golden, stdout)
	}
	if !strings.Contains(stdout, "Cost per M tokens against tokens/s per user") {
		t.Errorf("no interactivity table:\n%s", stdout)
	}
	code, _, stderr = runCLI("", "eval", "-interactivity", "-format", "json", filepath.Join("testdata", "reference.json"))
	if code != 2 || !strings.Contains(stderr, "-interactivity prints a table") {
		t.Errorf("with json: exit %d, %q", code, stderr)
	}
}

// TestEvalInputs lists the hand-worked scenario's inputs with their origins
// (testdata/handworked.inputs.golden; -update rewrites it) and checks the
// lines that say where a default comes from.
func TestEvalInputs(t *testing.T) {
	code, stdout, stderr := runCLI("", "eval", "-inputs", "testdata/handworked.json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	golden := filepath.Join("testdata", "handworked.inputs.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(stdout), 0o644); err != nil {
			t.Fatal(err)
		}
	} else if want, err := os.ReadFile(golden); err != nil {
		t.Fatalf("%v (run go test -update)", err)
	} else if stdout != string(want) {
		t.Errorf("output differs from %s (run go test -update and review the diff):\n%s", golden, stdout)
	}
	for _, want := range []string{
		"workload.monthly_growth                      0      share/month               default\n",
		"model.layers                                 32                               preset Llama 3.1 8B (https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/config.json, as of 2026-11-01)\n",
		"revenue.price_cached_input_per_m             1      $/M tokens                the input price (revenue.price_input_per_m)\n",
		"options[0].commit_hourly_rate                2      $/accelerator-hour        the hourly rate (options[0].hourly_rate), unused here\n",
		"options[0].mbu                               0.8    0–1                       default, unused here\n",
		"options[1].price_cached_input_per_m          0.5    $/M tokens                given\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("inputs lack %q", want)
		}
	}
}

// TestEvalInputsInvalid: the inputs of an invalid scenario are listed, a
// missing one as required, and its problems go to stderr.
func TestEvalInputsInvalid(t *testing.T) {
	b, err := os.ReadFile("testdata/handworked.json")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "no-rate.json")
	if err := os.WriteFile(path, []byte(strings.Replace(string(b), `"hourly_rate": 2, `, ``, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI("", "eval", "-inputs", path)
	if code != 2 || stderr != "options[0].hourly_rate: required\n" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{
		"options[0].hourly_rate                       –      $/accelerator-hour        required\n",
		"options[0].commit_hourly_rate                –      $/accelerator-hour        none (not needed: nothing is committed), unused here\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("inputs lack %q:\n%s", want, stdout)
		}
	}
	if code, _, _ := runCLI("", "eval", "-inputs", "-format", "json", "testdata/handworked.json"); code != 2 {
		t.Errorf("-inputs -format json: exit %d, want 2", code)
	}
}

// TestEvalCalibrated: an option calibrated to a published measurement says
// so, with its source and factor, and lists how the workload differs.
func TestEvalCalibrated(t *testing.T) {
	link := "#3r.rpd=1000000~in=2000~out=1000~h=1~m=llama-3.1-8b~wb=8~kb=8~o=cloud~l=H100~tpp=TRT10-004~a=h100-sxm"
	code, stdout, stderr := runCLI("", "eval", link)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"    Calibrated to TRT10-004, 1 × 8 bits, 1,000 / 1,000 tokens, maximum throughput: 15,220 tokens/s per accelerator (TensorRT-LLM 1.0 (PyTorch backend)) (https://github.com/NVIDIA/TensorRT-LLM/",
		"    unlike the measurement: measured at 1,000 / 1,000 tokens, the workload has 2,000 / 1,000\n",
		"    unlike the measurement: measured at maximum throughput with no latency target, the workload has one\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "throughput estimate: measured") {
		t.Errorf("a calibrated option shows the uncalibrated band:\n%s", stdout)
	}
}

// TestEvalPricePaths: the hand-worked scenario with prices falling by the
// factor 0.9 a month (−0.717570463519 a year: 0.9^12 = 0.282429536481) for
// the cloud's on-demand rate and the API's prices, and no discounting. The
// cloud pays $8,760 then $7,884 ($17,520 → $16,644); the API $13,797 then
// $12,417.30 ($26,214.30); at 0 % the net present cost is the cash paid.
// The same scenario as a link gives the same JSON, word for word.
func TestEvalPricePaths(t *testing.T) {
	edits := []string{`"hourly_rate": 2,`, `"hourly_rate": 2, "hourly_rate_change": "-0.717570463519",`,
		`"price_output_per_m": 8}`, `"price_output_per_m": 8, "price_change": "-0.717570463519"}`,
		`"horizon_months": 2}`, `"horizon_months": 2, "discount_rate": "0"}`}
	code, table, stderr := evalEdited(t, "table", edits...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"$16,644", "$26,214", "Discounted at 0.0 % a year"} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %s:\n%s", want, table)
		}
	}
	_, file, _ := evalEdited(t, "json", edits...)
	var res engine.Result
	if err := json.Unmarshal([]byte(file), &res); err != nil {
		t.Fatal(err)
	}
	if got := res.Options[0].Months[1].Cost.String(); got != "7884" {
		t.Errorf("cloud month 2: %s, want 7884", got)
	}
	if got := res.Options[1].NetPresentCost.String(); got != "26214.3" {
		t.Errorf("API net present cost at 0 %%: %s, want 26214.3", got)
	}
	// Through a link: encode the edited file, evaluate the link.
	b, _ := os.ReadFile("testdata/handworked.json")
	edited := string(b)
	for i := 0; i < len(edits); i += 2 {
		edited = strings.Replace(edited, edits[i], edits[i+1], 1)
	}
	code, link, stderr := runCLI(edited, "link", "encode", "-")
	if code != 0 {
		t.Fatalf("link encode: exit %d: %s", code, stderr)
	}
	if want := "#" + strconv.Itoa(engine.LinkVersion); !strings.HasPrefix(link, want) {
		t.Errorf("link %s is not of format %d", link, engine.LinkVersion)
	}
	code, viaLink, stderr := runCLI("", "eval", "-format", "json", strings.TrimSpace(link))
	if code != 0 || viaLink != file {
		t.Errorf("the link evaluates differently from the file (exit %d, %s)", code, stderr)
	}
	_, out, _ := evalEdited(t, "csv-monthly", edits...)
	if head := strings.SplitN(out, "\n", 2)[0]; !strings.HasSuffix(head, ",cumulative_cash,cumulative_discounted_cash") {
		t.Errorf("CSV header lacks cumulative_discounted_cash: %s", head)
	}
}

// TestInputsProvenanceAgrees: a value typed equal to its default (the
// time-per-output-token target's 50 ms) reads "default" in `-inputs` as in
// the CSV's assumptions (both engine.ReportAssumptions), not "given" in one
// and "default" in the other.
func TestInputsProvenanceAgrees(t *testing.T) {
	code, in, stderr := runCLI("", "eval", "-inputs", "-set", "workload.tpot_slo_ms=50", "testdata/handworked.json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !regexp.MustCompile(`(?m)^workload\.tpot_slo_ms +50 +ms +default$`).MatchString(in) {
		t.Errorf("-inputs lacks workload.tpot_slo_ms 50 ms default:\n%s", in)
	}
	code, csv, stderr := runCLI("", "eval", "-format", "csv", "-set", "workload.tpot_slo_ms=50", "testdata/handworked.json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if s := "workload.tpot_slo_ms,,Time per output token target,50,ms,default,true"; !strings.Contains(csv, s) {
		t.Errorf("csv lacks %q", s)
	}
	// The replica size's default says what the engine does: the cheapest of
	// several sizes, not simply the smallest that fits.
	if code, in, stderr = runCLI("", "eval", "-inputs", "testdata/reference.json"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if s := "none (the cheapest of the smallest power of two that fits the model and 2, 4 and 8 times that)"; !strings.Contains(in, s) {
		t.Errorf("-inputs lacks %q", s)
	}
}

// TestEvalDisaggregated: a disaggregated option's operating point, unit and
// pools, worked by hand in engine/disaggregate_test.go (TestDisaggregatedUnits):
// the decode step alone is the time per token, 59.697152 ms (1,000 /
// 59.697152 = 16.75… tokens/s per user); the first token is the fixed
// time a request (245 ms, request_overhead_ms as the file sets it), the prompt's 32 ms, the KV's 1.31072 ms and a
// step, 338.007872 ms; one unit of two
// accelerators at $1 × 730 hours; its prefill replica busy 219 × 0.032 /
// 0.059697152 = 11.74 % of the time.
func TestEvalDisaggregated(t *testing.T) {
	code, stdout, stderr := runCLI("", "eval", "testdata/disaggregated.json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"x: cheapest in every month; batch 219, decode step 59.70 ms (memory-bound; the batch is capped by the memory left for KV; the unit's decode pool sets its rate), 59.70 ms a token (the step alone: prompts are prefilled on their own replicas), 16.8 tokens/s per user, first token in 338 ms\n",
		"    replica: a unit of 1 prefill replica of 1 accelerator (tensor parallel) and 1 decode replica of 1 (tensor parallel), 2 accelerators: the cheapest of 4 units considered for this demand\n",
		"    pools: a prompt's prefill 32 ms on a prefill replica, its KV cache's transfer 1.31 ms; the decode pool sets the unit's rate, the prefill pool busy 11.7 % of the time\n",
		"    outside validation: disaggregated serving: each pool's rate is estimated as validated, but no published end-to-end measurement of disaggregated serving is compared as a whole\n",
		"$1,460 in all",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
}
