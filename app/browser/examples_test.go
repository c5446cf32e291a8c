package browser

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/infercost/infercost/engine"
)

// TestExampleGigawatt: the frontier-lab example, opened from the Example
// menu, shows its results and, after the headline, its Monte Carlo (300
// draws, seed 1) with the engine's figures; the time from the menu to the
// finished run is logged (the example's sample count was chosen for it).
func TestExampleGigawatt(t *testing.T) {
	ex := exampleNamed(t, "gigawatt")
	if ex.ID == "" {
		t.Fatal("no gigawatt example")
	}
	s := calcSite(t)
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL), WaitApp(), WaitTable())
	start := time.Now()
	step(t, ctx, 90*time.Second,
		chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById("example"); s.value = "gigawatt"; s.dispatchEvent(new Event("change", {bubbles: true})); })()`),
		WaitJS(`document.getElementById("scenario-name").value.startsWith("Frontier lab")`, 20*time.Second),
		WaitJS(`document.querySelector("#uncertainty-table") !== null && document.querySelector("#uncertainty-progress") === null`, 80*time.Second))
	t.Logf("from the menu to the finished Monte Carlo: %v", time.Since(start).Round(100*time.Millisecond))
	// The example says what it is for, in words.
	if got := text(t, ctx, "#notice"); got != ex.Story {
		t.Errorf("notice %q, want the example's story %q", got, ex.Story)
	}
	want := wantRows(t, &ex.Scenario)
	// The open-weight API at DeepSeek's price is cheapest in most draws;
	// the commitment in none.
	if w := want["win"]; w[0] != "0.0 % of draws" || w[2] == "0.0 % of draws" {
		t.Fatalf("win shares %v", w)
	}
	checkRows(t, uncertaintyRows(t, ctx), want)
}

// exampleNamed is the built-in example with the given ID.
func exampleNamed(t *testing.T, id string) engine.Example {
	t.Helper()
	for _, e := range engine.Examples {
		if e.ID == id {
			return e
		}
	}
	t.Fatalf("no example %q", id)
	return engine.Example{}
}
