package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/infercost/infercost/engine"
)

// The calculator's tests share one built site; each test has its own
// browser (fresh profile) unless it says otherwise.
var (
	siteOnce sync.Once
	siteDir  string
)

func calcSite(t *testing.T) *Site {
	siteOnce.Do(func() {
		dir, err := os.MkdirTemp("", "infercost-site-")
		if err != nil {
			t.Fatal(err)
		}
		siteDir = dir
		BuildSiteInto(t, dir, wasmFile, "", "v-calc")
	})
	return Serve(t, siteDir, "")
}

// handWorked is the scenario worked by hand in engine/evaluate_test.go:
// 6 accelerators × $2 × 730 h = $8,760 a month; the API $0.00525 a request.
func handWorked() *engine.Scenario {
	return &engine.Scenario{
		Version: 1, Name: "Hand-worked",
		Workload: engine.Workload{RequestsPerDay: engine.N("86400"), InputTokens: engine.N("1000"), OutputTokens: engine.N("500"),
			CachedInputShare: engine.N("0.5"), PeakToAverage: engine.N("2"), HorizonMonths: engine.N("2")},
		Model: engine.Model{Preset: "llama-3.1-8b"},
		Options: []engine.Option{
			{Label: "Measured cloud", Kind: engine.Cloud, Accelerator: &engine.Accelerator{MemoryGB: engine.N("80"), BandwidthTBps: engine.N("3"), TFLOPS: engine.N("1000")},
				HourlyRate: engine.N("2"), PrefillTokensPerS: engine.N("10000"), DecodeTokensPerS: engine.N("1000"), AcceleratorsPerReplica: engine.N("2"),
				MaxUtilization: engine.N("0.5"), SpareReplicas: engine.N("1")},
			{Label: "API", Kind: engine.API, PriceInputPerM: engine.N("2"), PriceCachedInputPerM: engine.N("0.5"), PriceOutputPerM: engine.N("8")},
		},
	}
}

func step(t *testing.T, ctx context.Context, d time.Duration, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	if err := chromedp.Do(c, actions...); err != nil {
		t.Fatal(err)
	}
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// setInput types a value the way an input event delivers it.
func setInput(id, value string) chromedp.Action[chromedp.Void] {
	b, _ := json.Marshal(value)
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		// The element may be between two renders (its card re-rendered after
		// a move or a removal): wait for it rather than fail on null.
		if _, err := WaitJS(fmt.Sprintf(`document.getElementById(%q) !== null`, id), 10*time.Second)(ctx, t); err != nil {
			return err
		}
		_, err := chromedp.Evaluate[bool](fmt.Sprintf(`(() => { const el = document.getElementById(%q); el.value = %s;
			el.dispatchEvent(new Event("input", {bubbles: true})); return true })()`, id, b))(ctx, t)
		return err
	})
}

// waitText waits until the element's text is want.
func waitText(sel, want string) chromedp.Action[chromedp.Void] {
	b, _ := json.Marshal(want)
	return WaitJS(fmt.Sprintf(`(document.querySelector(%q) || {}).textContent === %s`, sel, b), 20*time.Second)
}

func stat(i int, key string) string {
	return fmt.Sprintf(`#headline-%d [data-key=%s]`, i, key)
}

func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	return eval[string](t, ctx, fmt.Sprintf(`(document.querySelector(%q) || {textContent: "<missing>"}).textContent`, sel))
}

// checkTexts compares the text of each selector with the value worked by hand.
func checkTexts(t *testing.T, ctx context.Context, want map[string]string) {
	t.Helper()
	for sel, w := range want {
		if got := text(t, ctx, sel); got != w {
			t.Errorf("%s = %q, want %q", sel, got, w)
		}
	}
}

// comparisonRows reads the comparison table: each row's label and cells.
func comparisonRows(t *testing.T, ctx context.Context) map[string][]string {
	t.Helper()
	return eval[map[string][]string](t, ctx, `Object.fromEntries([...document.querySelectorAll("#comparison tbody tr")].map((tr) =>
		[tr.querySelector("th").textContent.trim(), [...tr.querySelectorAll("td")].map((td) => td.textContent)]))`)
}

// checkRows compares rows of the comparison table with values worked by hand.
func checkRows(t *testing.T, table map[string][]string, want map[string][]string) {
	t.Helper()
	for label, w := range want {
		if got := table[label]; strings.Join(got, "|") != strings.Join(w, "|") {
			t.Errorf("table row %q = %q, want %q", label, got, w)
		}
	}
}

func TestCalculatorHandWorked(t *testing.T) {
	s := calcSite(t)
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(handWorked())), WaitApp())
	// The link's scenario, worked by hand: $8,760 a month, $17,520 in all,
	// 20/9 = $2.22 per M tokens; the API $13,797 a month, $5.25 per 1,000.
	checkTexts(t, ctx, map[string]string{
		stat(0, "first_month_cost"):     "$8,760",
		stat(0, "total_cost"):           "$17,520",
		stat(0, "cost_per_m_tokens"):    "$2.22",
		stat(0, "cost_per_1k_requests"): "$3.33",
		stat(0, "peak_accelerators"):    "6",
		stat(1, "first_month_cost"):     "$13,797",
		stat(1, "cost_per_1k_requests"): "$5.25",
		// Busy 0.55 of 6 held: 9.17 %.
		stat(0, "average_utilization"): "9.2 %",
		// Worked in cmd/infercost/eval_test.go: V* = 2 × 2,920 / 0.1596875 = 36,571.4, rounded up.
		stat(0, "break_even_volume"): "36,572 requests/day",
	})
	// Type a new hourly rate with real keystrokes: $3 × 6 × 730 = $13,140 a
	// month, $26,280 in all, 26,280 / 7,884 M tokens = $3.33 per M.
	rate := eval[string](t, ctx, `document.querySelector("input[data-path='options[0].hourly_rate']").id`)
	hashBefore := eval[string](t, ctx, `location.hash`)
	step(t, ctx, 30*time.Second,
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.getElementById(%q).select()`, rate)),
		chromedp.SendKeys("#"+rate, "3"),
		waitText(stat(0, "first_month_cost"), "$13,140"))
	if got := text(t, ctx, stat(0, "total_cost")); got != "$26,280" {
		t.Errorf("total after typing = %q, want $26,280", got)
	}
	if got := text(t, ctx, stat(0, "cost_per_m_tokens")); got != "$3.33" {
		t.Errorf("cost per M after typing = %q, want $3.33", got)
	}
	// The cloud option stays cheaper ($26,280 against the API's $27,594)
	// and keeps the badge.
	if got := text(t, ctx, "#headline-0 .badge"); got != "Cheapest" {
		t.Errorf("winner badge = %q", got)
	}
	// The address bar holds the edited scenario once typing pauses.
	step(t, ctx, 20*time.Second, WaitJS(fmt.Sprintf(`location.hash !== %q`, hashBefore), 20*time.Second))
	loc := eval[string](t, ctx, `location.hash`)
	got, err := engine.DecodeLink(loc)
	if err != nil || got.Options[0].HourlyRate.String() != "3" {
		t.Errorf("address bar %q does not hold the new rate: %v", loc, err)
	}
}

func TestCalculatorLinkReproducesNumbers(t *testing.T) {
	s := calcSite(t)
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL), WaitApp(), setInput("w-requests_per_day", "420000"))
	step(t, ctx, 20*time.Second, WaitJS(`location.hash.length > 1`, 20*time.Second))
	link := eval[string](t, ctx, `location.href`)
	if sc, err := engine.DecodeLink(link); err != nil || sc.Workload.RequestsPerDay.String() != "420000" {
		t.Fatalf("address bar %s does not hold the edit: %v", link, err)
	}
	// Both pages are read once settled: the headline's last sentences (the
	// ranking's robustness, the drivers) follow it once typing pauses.
	settled := WaitJS(`document.getElementById("summary-drivers-pending") === null`, 60*time.Second)
	step(t, ctx, 90*time.Second, WaitTable(), settled)
	want := eval[string](t, ctx, `document.getElementById("headline").textContent + document.getElementById("comparison").textContent`)
	// A fresh browser (no storage, no worker) opening the link.
	other := NewBrowser(t)
	// The table and the charts follow the first paint with no edit.
	step(t, other, 120*time.Second, chromedp.Navigate(link), WaitApp(), WaitTable(),
		WaitJS(`document.getElementById("chart-monthly") !== null`, 30*time.Second), settled)
	got := eval[string](t, other, `document.getElementById("headline").textContent + document.getElementById("comparison").textContent`)
	if got != want {
		t.Errorf("the link shows different numbers:\n got %s\nwant %s", got, want)
	}
	if v := eval[string](t, other, `document.getElementById("w-requests_per_day").value`); v != "420,000" { // shown with separators
		t.Errorf("requests field = %q", v)
	}
}

func TestCalculatorHostileLinks(t *testing.T) {
	s := calcSite(t)
	ctx := NewBrowser(t)
	script := handWorked()
	script.Name = `<script>window.pwned=1</script><img src=x onerror="window.pwned=2">`
	// An option label must stay text everywhere it appears, the charts'
	// legends, titles and hover values included.
	label := `</title><img src=x onerror="window.pwned=3">"&'`
	script.Options[0].Label = label
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(script)), WaitApp(), WaitTable(),
		WaitJS(`document.querySelector("#chart-capacity rect.band") !== null && document.querySelector("#chart-volume rect.band") !== null`, 30*time.Second))
	if v := eval[string](t, ctx, `document.getElementById("scenario-name").value`); v != script.Name {
		t.Errorf("name = %q", v)
	}
	if eval[bool](t, ctx, `window.pwned !== undefined || document.querySelector("img[src=x]") !== null`) {
		t.Error("the name or a label was interpreted as HTML")
	}
	if got := text(t, ctx, "#chart-monthly .legend li"); got != label {
		t.Errorf("monthly chart legend = %q, want the label as typed", got)
	}
	if got := text(t, ctx, "#chart-capacity h3"); got != "Accelerators: held against busy — "+label {
		t.Errorf("capacity chart title = %q", got)
	}
	if got := text(t, ctx, "#chart-breakdown rect title"); !strings.HasPrefix(got, label+", ") {
		t.Errorf("breakdown hover = %q, want it to start with the label", got)
	}
	if got := text(t, ctx, "#chart-volume rect.band title"); !strings.Contains(got, "\n"+label+": ") {
		t.Errorf("volume chart hover = %q, want the label in it", got)
	}
	for _, tc := range []struct{ name, frag, want string }{
		{"garbage", "#garbage-in", "does not start with a format version"},
		{"future", fmt.Sprintf("#%dr.n=x", engine.LinkVersion+1), "newer version of infercost"},
		{"bomb", "#" + deflateBombLink(), "expands to more than"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			step(t, ctx, 60*time.Second, chromedp.Navigate("about:blank"), chromedp.Navigate(s.URL+tc.frag), WaitApp(),
				WaitJS(`document.getElementById("bad-link") !== null`, 20*time.Second))
			if got := text(t, ctx, "#bad-link p"); !strings.Contains(got, tc.want) {
				t.Errorf("banner %q, want %q", got, tc.want)
			}
			// The link text is kept, and the default scenario is shown.
			if got := eval[string](t, ctx, `document.getElementById("bad-link-text").value`); got != tc.frag {
				t.Errorf("kept link %q…", truncate(got, 40))
			}
			if got := text(t, ctx, "#verdict"); !strings.Contains(got, "cheapest") {
				t.Errorf("no results for the default scenario: %q", got)
			}
			if h := eval[string](t, ctx, `location.hash`); h != tc.frag {
				t.Errorf("the bad link was rewritten in the address bar")
			}
		})
	}
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func TestCalculatorInvalidInputKeepsResults(t *testing.T) {
	s := calcSite(t)
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(handWorked())), WaitApp())
	before := eval[string](t, ctx, `location.href`)
	step(t, ctx, 20*time.Second, setInput("w-requests_per_day", "12abc"),
		WaitJS(`document.getElementById("w-requests_per_day-err") !== null`, 20*time.Second))
	if got := text(t, ctx, "#w-requests_per_day-err"); got != `"12abc" is not a number` {
		t.Errorf("error beside the field = %q", got)
	}
	if eval[string](t, ctx, `document.getElementById("w-requests_per_day").getAttribute("aria-invalid")`) != "true" {
		t.Error("field not marked invalid")
	}
	if !eval[bool](t, ctx, `document.getElementById("stale") !== null`) {
		t.Error("results not marked stale")
	}
	if got := text(t, ctx, stat(0, "total_cost")); got != "$17,520" {
		t.Errorf("last good result not kept: %q", got)
	}
	// The address bar is written once typing pauses
	// (app.chartDelay, 120 ms), so wait well past that.
	step(t, ctx, 5*time.Second, chromedp.Sleep(500*time.Millisecond))
	if after := eval[string](t, ctx, `location.href`); after != before {
		t.Errorf("URL rewritten with bad data: %s", after)
	}
	// Fixing it brings fresh results back.
	step(t, ctx, 20*time.Second, setInput("w-requests_per_day", "43200"), WaitJS(`document.getElementById("stale") === null`, 20*time.Second))
}

func TestCalculatorSavedScenariosSurviveReload(t *testing.T) {
	s := calcSite(t)
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(handWorked())), WaitApp(),
		chromedp.Click("#save"), WaitJS(`localStorage.getItem("infercost.saved.v1") !== null`, 10*time.Second),
		chromedp.Navigate("about:blank"), chromedp.Navigate(s.URL), WaitApp())
	if got := eval[string](t, ctx, `document.querySelector("#saved option:nth-child(2)").textContent`); got != "Hand-worked" {
		t.Fatalf("saved list after reload: %q", got)
	}
	// Open it from the list: the hand-worked numbers come back.
	step(t, ctx, 20*time.Second, chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById("saved"); s.value = s.options[1].value;
		s.dispatchEvent(new Event("change", {bubbles: true})) })()`), waitText(stat(0, "total_cost"), "$17,520"))

	// Corrupt storage: the app still works, says so, and leaves the data as
	// it is until the user decides (reliability_test.go has the rest).
	step(t, ctx, 60*time.Second, chromedp.Evaluate[chromedp.Void](`localStorage.setItem("infercost.saved.v1", "{not json")`),
		chromedp.Reload(), WaitApp(), WaitJS(`document.getElementById("storage-error") !== null`, 20*time.Second))
	if got := text(t, ctx, "#storage-error"); !strings.Contains(got, "could not be read") {
		t.Errorf("storage message = %q", got)
	}
	if got := eval[string](t, ctx, `localStorage.getItem("infercost.saved.v1")`); got != "{not json" {
		t.Errorf("corrupt data was not kept: %q", got)
	}
	if got := text(t, ctx, "#verdict"); !strings.Contains(got, "cheapest") {
		t.Errorf("no results with corrupt storage: %q", got)
	}
}

func TestCalculatorImportExportCSV(t *testing.T) {
	s := calcSite(t)
	ctx := NewBrowser(t)
	ex := engine.Examples[2].Scenario
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(&ex)), WaitApp(),
		chromedp.Click("#export-csv"), WaitJS(`window.infercostLastDownload !== undefined`, 10*time.Second))
	csv := eval[string](t, ctx, `window.infercostLastDownload.content`)
	// The same report as `infercost eval -format csv` on the link the page
	// opened (both call engine.WriteReport; cmd/infercost's
	// TestEvalCSVReport checks its figures by hand). The link, not the
	// example: a link leaves out a value equal to its default, so the
	// report says "default" where the example's file says "given".
	opened, err := engine.DecodeLink(engine.EncodeLink(&ex))
	if err != nil {
		t.Fatal(err)
	}
	r, err := engine.Evaluate(&opened)
	if err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	engine.WriteReport(&want, &opened, r, nil)
	if csv != want.String() {
		t.Errorf("exported CSV differs from the CLI's (%d vs %d bytes)", len(csv), want.Len())
	}
	// Export JSON, then import it into a fresh browser: same numbers.
	step(t, ctx, 10*time.Second, chromedp.Click("#export-json"), WaitJS(`window.infercostLastDownload.name.endsWith(".json")`, 10*time.Second))
	js := eval[string](t, ctx, `window.infercostLastDownload.content`)
	step(t, ctx, 30*time.Second, WaitTable())
	want2 := text(t, ctx, "#comparison")
	file := filepath.Join(t.TempDir(), "scenario.json")
	os.WriteFile(file, []byte(js), 0o644)
	other := NewBrowser(t)
	step(t, other, 90*time.Second, chromedp.Navigate(s.URL), WaitApp(),
		chromedp.SetUploadFiles("#import-json", []string{file}),
		WaitJS(`document.getElementById("notice").textContent.startsWith("Imported")`, 20*time.Second), WaitTable())
	if got := text(t, other, "#comparison"); got != want2 {
		t.Errorf("imported scenario shows other numbers")
	}
	// A broken file changes nothing and says why.
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"version":1,"workload":{"requests_per_dya":5}}`), 0o644)
	step(t, other, 30*time.Second, chromedp.SetUploadFiles("#import-json", []string{bad}),
		WaitJS(`document.getElementById("notice").textContent.includes("Import failed")`, 20*time.Second))
	if got := text(t, other, "#notice"); !strings.Contains(got, `unknown field "requests_per_dya"`) {
		t.Errorf("import error = %q", got)
	}
	if got := text(t, other, "#comparison"); got != want2 {
		t.Errorf("a failed import changed the scenario")
	}
}

func TestCalculatorChartsAndPhone(t *testing.T) {
	s := calcSite(t)
	ctx := NewBrowser(t)
	ex := engine.Examples[0].Scenario // 3 options, with revenue, one commitment
	step(t, ctx, 90*time.Second, chromedp.EmulateViewport(375, 800), chromedp.Navigate(s.URL+"#"+engine.EncodeLink(&ex)), WaitApp(),
		WaitJS(`document.querySelector("#chart-volume polyline") !== null && document.querySelector("#chart-tornado rect") !== null`, 30*time.Second))
	for _, tc := range []struct {
		js   string
		want int
	}{
		{`document.querySelectorAll("#chart-monthly polyline.series").length`, 3},         // 3 options (revenue is off until asked for)
		{`document.querySelectorAll("#chart-monthly rect.band").length`, 24},              // one per month
		{`document.querySelectorAll("#chart-breakdown g > rect").length`, 4},              // API tokens; on demand; on demand + committed
		{`document.querySelectorAll("#chart-capacity polyline.series").length`, 3},        // held, busy, committed
		{`document.querySelectorAll("#chart-capacity polyline.series.commit").length`, 1}, // the commitment, a step line by month
		{`document.querySelectorAll("#chart-volume polyline.series").length`, 3},
		{`document.querySelectorAll("#chart-tornado .legend li").length`, 2},
	} {
		if got := eval[int](t, ctx, tc.js); got != tc.want {
			t.Errorf("%s = %d, want %d", tc.js, got, tc.want)
		}
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#chart-tornado rect").length`); n < 8 {
		t.Errorf("tornado has %d bars", n)
	}
	// At 375 px nothing overflows sideways except the comparison table's own scroller.
	if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 375 {
		t.Errorf("page is %d px wide at a 375 px viewport", w)
	}
}

// deflateBombLink is a compressed link that inflates to 4 MB.
func deflateBombLink() string {
	return bomb
}

func TestCalculatorEditOptionsAndSaved(t *testing.T) {
	s := calcSite(t)
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(handWorked())), WaitApp())
	labels := func() string {
		return eval[string](t, ctx, `[...document.querySelectorAll(".option-card .label-input")].map((e) => e.value).join("|")`)
	}
	// Duplicate the first option, move the copy to the top, add an owned
	// option, remove the API: each step re-evaluates.
	first := eval[string](t, ctx, `document.querySelector(".option-card button[id$=duplicate]").id`)
	step(t, ctx, 20*time.Second, chromedp.Click("#"+first), WaitJS(`document.querySelectorAll(".option-card").length === 3`, 10*time.Second))
	if got := labels(); got != "Measured cloud|Measured cloud (copy)|API" {
		t.Fatalf("after duplicate: %s", got)
	}
	step(t, ctx, 20*time.Second, chromedp.Click(`.option-card:nth-of-type(2) button[aria-label="Move up"]`),
		WaitJS(`document.querySelector(".option-card .label-input").value === "Measured cloud (copy)"`, 10*time.Second),
		chromedp.Click("#add-owned"), WaitJS(`document.querySelectorAll(".option-card").length === 4`, 10*time.Second))
	api := eval[string](t, ctx, `[...document.querySelectorAll(".option-card")].find((c) => c.querySelector(".label-input").value === "API").querySelector("button[id$=remove]").id`)
	step(t, ctx, 20*time.Second, chromedp.Click("#"+api), WaitJS(`document.querySelectorAll(".option-card").length === 3`, 10*time.Second))
	if got := labels(); got != "Measured cloud (copy)|Measured cloud|Option 4" {
		t.Errorf("after move, add and remove: %s", got)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#headline .headline").length`); n != 3 {
		t.Errorf("%d headlines for 3 options", n)
	}
	// Editing the moved copy edits that option, not the one that was first.
	rate := eval[string](t, ctx, `document.querySelector("input[data-path='options[0].hourly_rate']").id`)
	step(t, ctx, 20*time.Second, setInput(rate, "1"), waitText(stat(0, "first_month_cost"), "$4,380"))
	if got := text(t, ctx, stat(1, "first_month_cost")); got != "$8,760" {
		t.Errorf("the other copy changed: %s", got)
	}

	// Saved scenarios: save, rename, delete.
	step(t, ctx, 20*time.Second, chromedp.Click("#save"), WaitJS(`document.getElementById("saved-0") !== null`, 10*time.Second),
		chromedp.Evaluate[chromedp.Void](`(() => { const el = document.getElementById("saved-0"); el.value = "Renamed plan";
			el.dispatchEvent(new Event("change", {bubbles: true})) })()`),
		WaitJS(`JSON.parse(localStorage.getItem("infercost.saved.v1"))[0].name === "Renamed plan"`, 10*time.Second),
		chromedp.Click(`details.manage > summary`),
		chromedp.Click(`#saved-list button.danger`),
		WaitJS(`JSON.parse(localStorage.getItem("infercost.saved.v1")).length === 0`, 10*time.Second))
}

func TestCalculatorFoldedGroups(t *testing.T) {
	s := calcSite(t)
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(handWorked())), WaitApp())
	// A folded group has no inputs until opened.
	if eval[bool](t, ctx, `document.querySelector("input[data-path='options[0].commit_accelerators']") !== null`) {
		t.Fatal("the closed commitment group rendered its inputs")
	}
	step(t, ctx, 20*time.Second,
		chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll("#headline ~ *, .option-card summary")].find((s) => s.textContent === "Commitment").click()`),
		WaitJS(`document.querySelector("input[data-path='options[0].commit_accelerators']") !== null`, 10*time.Second))
	// Commit 10 accelerators at $1.50 for a month: 10 × 1.5 × 730 = $10,950
	// paid in month 1, of which 4 idle × 1.5 × 730 = $4,380 stranded.
	ids := eval[[]string](t, ctx, `["commit_accelerators", "commit_hourly_rate", "commit_months"].map((k) => document.querySelector("input[data-path='options[0]." + k + "']").id)`)
	step(t, ctx, 30*time.Second, setInput(ids[0], "10"), setInput(ids[1], "1.5"), setInput(ids[2], "1"),
		waitText(stat(0, "first_month_cost"), "$10,950"))
	if got := text(t, ctx, stat(0, "stranded")); got != "$4,380" {
		t.Errorf("stranded = %q, want $4,380", got)
	}
	// The group stays open across re-renders.
	if !eval[bool](t, ctx, `document.querySelector("input[data-path='options[0].commit_months']").closest("details").open`) {
		t.Error("the group closed itself")
	}
}

func TestCalculatorFollowsPastedLink(t *testing.T) {
	s := calcSite(t)
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL), WaitApp())
	// Pasting another scenario's link into the address bar of the open app
	// changes only the fragment: the app must open it without a reload.
	frag := engine.EncodeLink(handWorked())
	step(t, ctx, 30*time.Second, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`location.hash = %q`, "#"+frag)),
		waitText(stat(0, "total_cost"), "$17,520"))
	if got := eval[string](t, ctx, `document.getElementById("scenario-name").value`); got != "Hand-worked" {
		t.Errorf("name = %q", got)
	}
	// Back returns to the previous scenario.
	step(t, ctx, 30*time.Second, chromedp.Evaluate[chromedp.Void](`history.back()`),
		WaitJS(`document.getElementById("scenario-name").value !== "Hand-worked"`, 20*time.Second))
}

// TestCalculatorTableHandWorked checks the headline's remaining figures and
// the comparison table against the hand-worked scenario with revenue: $3 per
// M input tokens (cached ones too, by default) and $10 per M output tokens.
//
// A month is 730 h: 86,400 requests a day are 2,628,000 a month, 1,314 M
// tokens of each kind (uncached input, cached input, output), 3,942 M in all.
//   - Revenue: 1,314 × (3 + 3 + 10) = $21,024 a month, $42,048 in 2 months.
//   - Cloud: 6 accelerators × $2 × 730 h = $8,760 a month, $17,520 in all;
//     $17,520 / 7,884 M = $2.22 per M; $8,760 / 2,628 = $3.33 per 1,000.
//     Margin 42,048 − 17,520 = $24,528, 58.33 % of revenue.
//   - API: 1,314 × (2 + 0.5 + 8) = $13,797 a month, $27,594 in all; $3.50
//     per M; $5.25 per 1,000. Margin $14,454, 34.375 % → 34.4 %.
//   - Cloud saves 27,594 − 17,520 = $10,074, 36.51 % of the API's cost.
//   - Both are in profit from month 1.
func TestCalculatorTableHandWorked(t *testing.T) {
	s := calcSite(t)
	sc := handWorked()
	sc.Revenue = &engine.Revenue{PriceInputPerM: engine.N("3"), PriceOutputPerM: engine.N("10")}
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(sc)), WaitApp(), WaitTable())
	checkTexts(t, ctx, map[string]string{
		stat(0, "last_month_cost"):   "$8,760",
		stat(1, "last_month_cost"):   "$13,797",
		stat(1, "cost_per_m_tokens"): "$3.50",
		stat(0, "margin"):            "$24,528 (58.3 %)",
		stat(1, "margin"):            "$14,454 (34.4 %)",
		"#verdict":                   "Over 2 months, Measured cloud is cheapest: $17,520 in all, $2.22 per million tokens.",
	})
	table := comparisonRows(t, ctx)
	checkRows(t, table, map[string][]string{
		"Rank":                     {"1", "2"},
		"Cost per M tokens":        {"$2.22", "$3.50"},
		"Cost per 1,000 requests":  {"$3.33", "$5.25"},
		"Total cost":               {"$17,520", "$27,594"},
		"Total cash out":           {"$17,520", "$27,594"},
		"Cheapest":                 {"in every month", "never"}, // the cloud is cheaper in both months ($8,760 and $8,760 against $13,797 and $13,797)
		"Accelerators per replica": {"2", "–"},
		"Batch, decode step":       {"measured", "–"},
		"Time per output token":    {"measured", "–"},
		"Prefill / decode tokens/s per accelerator": {"10,000 / 1,000", "–"},
		"Peak accelerators":                         {"6", "–"},
		"Average utilization":                       {"9.2 %", "–"},
		"Stranded (paid, unused)":                   {"$0", "$0"},
		"Margin":                                    {"$24,528", "$14,454"},
		"Break-even month":                          {"1", "1"},
		"Beats the API at every volume above (requests/day)": {"36,572", "–"},
	})
	if got := table["Savings against the API"]; len(got) != 2 || got[0] != "$10,074 (36.5 %)" {
		t.Errorf("savings row = %q, want the cloud's $10,074 (36.5 %%)", got)
	}
}

// TestCalculatorOwnedHandWorked checks what only an owned option shows
// (capex, book value, cash out), the input/output split of the cost per M
// tokens, and the values the charts give on hover, against the owned
// option worked in engine/evaluate_test.go (TestOwnedHandWorked).
func TestCalculatorOwnedHandWorked(t *testing.T) {
	s := calcSite(t)
	sc := ownedHandWorked()
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(sc)), WaitApp(), WaitTable(),
		WaitJS(`document.querySelector("#chart-capacity rect.band") !== null`, 30*time.Second))
	// Month 1: depreciation 4,500 + capital 600 + energy 358.6125 + facility
	// 600 + operations 1,600 = 7,658.6125; month 2 has capital 555:
	// 7,613.6125; 15,272.225 in all. Per M tokens: 15,272.225 / 7,884 =
	// 1.9371…; per 1,000 requests: 15,272.225 / 5,256 = 2.9057….
	checkTexts(t, ctx, map[string]string{
		stat(0, "first_month_cost"):     "$7,659",
		stat(0, "last_month_cost"):      "$7,614",
		stat(0, "total_cost"):           "$15,272",
		stat(0, "cost_per_m_tokens"):    "$1.94",
		stat(0, "cost_per_1k_requests"): "$2.91",
	})
	table := comparisonRows(t, ctx)
	checkRows(t, table, map[string][]string{
		// Prefill is 0.05 of the 0.55 accelerator-seconds of a request, so
		// 1/11 of the cost is input: 15,272.225 / 11 / 5,256 M input tokens
		// = 0.26415…; the rest over 2,628 M output tokens = 5.2830….
		// The API: half the input cached, 0.5 × 2 + 0.5 × 0.5 = $1.25; $8.
		"input":  {"$0.2642", "$1.25"},
		"output": {"$5.28", "$8.00"},
		// Cash: the capex in month 1 plus energy, facility and operations:
		// 62,558.6125 + 2,558.6125 = 65,117.225.
		"Total cash out": {"$65,117", "$27,594"},
		"Capex":          {"$60,000", "$0"},
		// 60,000 less two months of 4,500 depreciation.
		"Book value at the end": {"$51,000", "$0"},
		// 27,594 − 15,272.225 = 12,321.775, 44.65 % of the API's cost.
		"Savings against the API": {"$12,322 (44.7 %)", "–"},
		"Stranded (paid, unused)": {"$0", "$0"},
	})
	// Hover and focus values: each chart element's title.
	titles := func(sel string) []string {
		return eval[[]string](t, ctx, fmt.Sprintf(`[...document.querySelectorAll(%q)].map((e) => e.textContent)`, sel))
	}
	if got, want := titles("#chart-monthly rect.band title"), []string{
		"Month 1\nOwned: $7,659\nAPI: $13,797",
		"Month 2\nOwned: $7,614\nAPI: $13,797",
	}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("monthly chart hover = %q, want %q", got, want)
	}
	// Two months of each category: depreciation 2 × 4,500; capital 600 +
	// 555; energy 2 × 358.6125 = 717.225; facility 2 × 600; operations
	// 2 × 1,600. The API's tokens: 2 × 2,628,000 requests × $0.00525.
	if got, want := titles("#chart-breakdown rect title"), []string{
		"Owned, Depreciation: $9,000", "Owned, Cost of capital and interest: $1,155", "Owned, Energy: $717.23",
		"Owned, Facility: $1,200", "Owned, Operations: $3,200", "API, API tokens: $27,594",
	}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("breakdown chart hover = %q, want %q", got, want)
	}
	// 6 held, 0.55 busy: 9.17 % utilization, nothing stranded.
	if got, want := titles("#chart-capacity rect.band title"), []string{
		"Month 1: 6 held, 0.55 busy, utilization 9.2 %",
		"Month 2: 6 held, 0.55 busy, utilization 9.2 %",
	}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("capacity chart hover = %q, want %q", got, want)
	}
}
