package browser

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/infercost/infercost/engine"
)

// hybridLink is cmd/infercost/testdata/hybrid.json, the hand-worked hybrid
// of engine/hybrid_test.go (TestHybridHandWorked, working there): 4
// committed base accelerators at $1.50, bursts of two-accelerator replicas
// at $3 capped at 4 and billed 3 hours at least, API overflow, over a
// custom day; $6,095.50 a month, $12,191 over 2 months.
const hybridLink = "#5z.nJHBavMwEIQfSImR5N8QfphDb-2tryBZDjJIWSFbCbnMs5c4pC2l7aECfQy78MGwJzxffZ3DfzVKzvO6TkF5t0w7FaXVdFW-1WXdqafXFyXnqR6TXFhLgNG3x_m0JUpbMWjNCMslCTRDge603f0Z5usfHtDmRzAjJZfdvu_M_uApGJO0wIT3fnRgnjIOmv6Cnsd0rxArLMdYYbqB5Qh7G4bxvnSlwjA36G74JK3T6Xdj_63JfphcmZk2lhmGRWApiNtRmB4heoFh9A7_GH2DZfR5yxE9o5zRvwUAAP__"

// TestHybridFleet opens the hand-worked hybrid, reads its layers in its
// result card, edits the layers and the daily profile, and sees a hostile
// profile refused beside its field.
func TestHybridFleet(t *testing.T) {
	s := calcSite(t)
	ctx := NewBrowser(t)
	log := WatchConsole(ctx)
	log.LogOnFailure(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+hybridLink), WaitApp(),
		waitText(stat(3, "total_cost"), "$12,191"),
		waitText(stat(3, "first_month_cost"), "$6,096"),
		// 4 base + 4 burst at the peak hour (TestHybridHandWorked).
		waitText(stat(3, "peak_accelerators"), "8"),
		waitText(stat(3, "average_utilization"), "24.1 %"),
		// The table can be drawn after the cards (a loaded CI machine read
		// it before it was there once).
		WaitTable())
	// The comparison table says the same peak (not "–"). Its columns are
	// in rank order: the API ($12,167), then the hybrid ($12,191).
	if got := comparisonRows(t, ctx)["Peak accelerators"]; len(got) != 4 || got[0] != "–" || got[1] != "8" {
		t.Errorf("table's peak accelerators %q, want the hybrid's 8", got)
	}
	rows := eval[[]string](t, ctx, `[...document.querySelectorAll("#hybrid-layers-3 tbody tr")].map((r) => [...r.cells].map((c) => c.textContent).join(" | "))`)
	want := []string{
		"Base | committed | 73.2 % | $8,760 | 71.9 % | 21.2 %",
		"Burst | rented | 25.6 % | $3,285 | 26.9 % | 39.5 %", // renamed "H100 hourly" below
		"Overflow | api | 1.2 % | $146.00 | 1.2 % | –",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("layers:\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	checkTexts(t, ctx, map[string]string{
		"#hybrid-layers-3-caption":        "base of 4 accelerators (as given); the burst layer holds at most 4 in an hour.",
		"#w-daily-profile option:checked": "Custom: 24 hourly shares",
	})
	// The option's inputs come from the registry, with their units and help.
	if got := text(t, ctx, `label[for="o4-burst_min_hours"]`); !strings.HasPrefix(got, "Burst minimum billing (hours)") {
		t.Errorf("label %q", got)
	}
	if got := text(t, ctx, "#o4-burst_min_hours-help"); !strings.HasPrefix(got, "Shortest rental a burst accelerator is billed for") {
		t.Errorf("help %q", got)
	}
	if got := text(t, ctx, "#o4-layers"); got != "Base: 1, committed (Rented accelerators); burst: 2, rented (Rented accelerators); overflow: 3, api (Token API)." {
		t.Errorf("layers named %q", got)
	}
	// Renaming an option renames it in the hybrid's card.
	step(t, ctx, 20*time.Second, setInput("o2-label", "H100 hourly"),
		WaitJS(`document.getElementById("o4-layers").textContent.includes("burst: 2, H100 hourly (Rented accelerators)")`, 10*time.Second))
	if got := eval[string](t, ctx, `document.querySelector('input[data-path="options[3].base_option"]').value`); got != "1" {
		t.Errorf("base option input %q", got)
	}
	// Billed by the hour: the 16:00 start no longer holds to 18:00, 8
	// replica-hours a day, 16 accelerator-hours, 486.67 a month: $1,460 of
	// burst instead of $1,642.50; the month $5,913.
	step(t, ctx, 30*time.Second, setInput("o4-burst_min_hours", "1"), waitText(stat(3, "first_month_cost"), "$5,913"))
	// Without a base size, the search finds the cheapest; the caption says so.
	step(t, ctx, 30*time.Second, setInput("o4-base_accelerators", ""),
		WaitJS(`(document.getElementById("hybrid-layers-3-caption") || {textContent: ""}).textContent.includes("(the size that costs the least)")`, 20*time.Second))
	// A hostile profile: 25 shares, named beside the field.
	step(t, ctx, 30*time.Second, setInput("w-daily-profile-shares", strings.Repeat("0.04,", 24)+"0.04"),
		waitText("#w-daily-profile-err", "has 25 shares; a day has 24, one for each hour from midnight"))
	// A preset: business hours, whose busiest hour sets the peak to average (2).
	step(t, ctx, 30*time.Second, choose("w-daily-profile", "business_hours"),
		WaitJS(`document.getElementById("w-daily-profile-err") === null`, 20*time.Second),
		WaitJS(`document.getElementById("w-daily-profile-help").textContent.includes("(now 2)")`, 20*time.Second),
		WaitJS(`document.querySelector("#hybrid-layers-3") !== null`, 20*time.Second))
	// The address bar carries the preset once typing pauses (decoded, not
	// matched by its prefix: a link's format number changes).
	waitLink(t, ctx, `location.hash`, func(sc engine.Scenario) bool { return sc.Workload.DailyProfile == "business_hours" })
	// Custom again: the preset's shares, to 5 places, ready to edit.
	step(t, ctx, 30*time.Second, choose("w-daily-profile", "custom"),
		WaitJS(`(document.getElementById("w-daily-profile-shares") || {value: ""}).value.startsWith("0.01042,0.01042,")`, 20*time.Second),
		WaitJS(`document.getElementById("w-daily-profile-err") === null`, 20*time.Second))
	if f := log.Failures(); len(f) > 0 {
		t.Errorf("console: %v", f)
	}
}

// TestExampleHybrid: the hybrid example, opened from the Example menu,
// shows its layers: a base of 16 found by search, and month 1 of
// engine/hybrid_test.go's TestExampleHybridStory ($28,893.40, working
// there).
func TestExampleHybrid(t *testing.T) {
	s := calcSite(t)
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL), WaitApp(), WaitTable())
	step(t, ctx, 60*time.Second, choose("example", "hybrid"),
		WaitJS(`document.getElementById("scenario-name").value.startsWith("Enterprise copilot")`, 20*time.Second),
		waitText(stat(3, "first_month_cost"), "$28,893"),
		waitText("#hybrid-layers-3-caption", "base of 16 accelerators (the size that costs the least); the burst layer holds at most 16 in an hour."))
	if got := text(t, ctx, "#w-daily-profile option:checked"); got != "Business hours (09:00–17:00)" {
		t.Errorf("profile %q", got)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#hybrid-layers-3 tbody tr").length`); n != 3 {
		t.Errorf("%d layers", n)
	}
}
