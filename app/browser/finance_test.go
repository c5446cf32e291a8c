package browser

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/infercost/infercost/engine"
)

// TestFinanceView: the inputs of price paths and the discount rate are on
// the page with their units and help; the NPV rows, the cards and the
// cumulative discounted cash chart show the engine's figures, and typing
// a discount rate changes them to the engine's figures at that rate.
func TestFinanceView(t *testing.T) {
	s := calcSite(t)
	sc := handWorked()
	sc.Revenue = &engine.Revenue{PriceInputPerM: engine.N("3"), PriceOutputPerM: engine.N("10"), PriceChange: engine.N("-0.2")}
	sc.Options[0].HourlyRateChange = engine.N("-0.3")
	sc.Options[1].PriceChange = engine.N("-0.5")
	own := sc.Options[0].Clone()
	own.Label, own.Kind, own.HourlyRate, own.HourlyRateChange = "Owned", engine.Owned, engine.Num{}, engine.Num{}
	own.CapexPerAccelerator, own.CapexChange, own.PowerKW = engine.N("10000"), engine.N("-0.1"), engine.N("1")
	sc.Options = append(sc.Options, own)
	sc.Workload.HorizonMonths = engine.N("6")
	want, err := engine.Evaluate(sc)
	if err != nil {
		t.Fatal(err)
	}
	ctx := NewBrowser(t)
	step(t, ctx, 90*time.Second, chromedp.Navigate(s.URL+"#"+engine.EncodeLink(sc)), WaitApp(), WaitTable(),
		WaitJS(`document.querySelector("#chart-discounted rect.band") !== null`, 30*time.Second))

	// Each new input: its label with the unit, its value, its help.
	field := func(path string) [3]string {
		return eval[[3]string](t, ctx, fmt.Sprintf(`(() => { const i = document.querySelector('input[data-path="%s"]');
			if (!i) return ["<missing>", "", ""]; const f = i.closest(".field");
			return [f.querySelector("label").textContent, i.value || i.placeholder, f.querySelector(".help").textContent]; })()`, path))
	}
	for path, w := range map[string][3]string{
		"workload.discount_rate":        {"Discount rate (share/year)", "0.08", "Default: 0.08 (the engine's default cost of capital)."},
		"revenue.price_change":          {"Your price change (share/year)", "-0.2", "It moves each month's revenue."},
		"options[0].hourly_rate_change": {"Hourly rate change (share/year)", "-0.3", "A committed rate stays fixed for its term."},
		"options[1].price_change":       {"Price change (share/year)", "-0.5", "input, cached input, output"},
		"options[2].capex_change":       {"Capex change (share/year)", "-0.1", "Each purchase is paid at its month's price."},
	} {
		got := field(path)
		// A value set differs from its default: the label says "changed",
		// and the page shows a minus sign as "−".
		if !strings.HasPrefix(got[0], w[0]) || strings.ReplaceAll(got[1], "−", "-") != w[1] || !strings.Contains(got[2], w[2]) {
			t.Errorf("%s: label %q value %q help %q; want %q, %q, help with %q", path, got[0], got[1], got[2], w[0], w[1], w[2])
		}
	}
	check := func(r *engine.Result) {
		t.Helper()
		table := comparisonRows(t, ctx)
		order := r.Comparison.Ranking // the table's columns, by rank
		row := func(f func(o *engine.OptionResult, v *engine.OptionVerdict) string) []string {
			out := make([]string, len(order))
			for k, i := range order {
				out[k] = f(&r.Options[i], &r.Comparison.Options[i])
			}
			return out
		}
		checkRows(t, table, map[string][]string{
			"Net present cost at " + engine.Percent(r.Workload.DiscountRate) + " a year": row(func(o *engine.OptionResult, _ *engine.OptionVerdict) string { return engine.Money(o.NetPresentCost) }),
			"Net present value":         row(func(o *engine.OptionResult, _ *engine.OptionVerdict) string { return engine.Money(*o.NPV) }),
			"Rank by net present value": row(func(_ *engine.OptionResult, v *engine.OptionVerdict) string { return fmt.Sprint(v.NPVRank) }),
			"Discounted payback month": row(func(o *engine.OptionResult, _ *engine.OptionVerdict) string {
				if o.DiscountedPaybackMonth == nil {
					return "not within the horizon"
				}
				return fmt.Sprint(*o.DiscountedPaybackMonth)
			}),
		})
		if w, got := engine.Summarize(r, nil).Finance, text(t, ctx, "#summary-finance"); w != "" && got != w || w == "" && got != "<missing>" {
			t.Errorf("summary on NPV %q, want %q", got, w)
		}
		for i, o := range r.Options {
			if got := text(t, ctx, stat(i, "npv")); got != engine.Money(*o.NPV) {
				t.Errorf("card %d NPV %q, want %q", i, got, engine.Money(*o.NPV))
			}
		}
		// The chart: one line an option, a zero line, and each month's
		// figures on hover.
		if n := eval[int](t, ctx, `document.querySelectorAll("#chart-discounted polyline.series").length`); n != len(r.Options) {
			t.Errorf("%d lines, want %d", n, len(r.Options))
		}
		if n := eval[int](t, ctx, `document.querySelectorAll("#chart-discounted line.zero").length`); n != 1 {
			t.Errorf("%d zero lines, want 1", n)
		}
		titles := eval[[]string](t, ctx, `[...document.querySelectorAll("#chart-discounted rect.band title")].map((e) => e.textContent)`)
		if len(titles) != r.Horizon {
			t.Fatalf("%d months on hover, want %d", len(titles), r.Horizon)
		}
		for _, m := range []int{0, r.Horizon - 1} {
			var w strings.Builder
			fmt.Fprintf(&w, "Month %d", m+1)
			for _, o := range r.Options {
				fmt.Fprintf(&w, "\n%s: %s", o.Label, engine.Money(o.Months[m].CumulativeDiscountedCash))
			}
			if titles[m] != w.String() {
				t.Errorf("month %d hover %q, want %q", m+1, titles[m], w.String())
			}
		}
	}
	check(want)
	if got := text(t, ctx, "#chart-discounted figcaption"); !strings.Contains(got, "discounted at 8.0 % a year") {
		t.Errorf("caption %q does not state the rate", got)
	}
	for _, id := range []string{"chart-discounted-save-svg", "chart-discounted-save-png"} {
		if !eval[bool](t, ctx, fmt.Sprintf(`document.getElementById(%q) !== null`, id)) {
			t.Errorf("no %s button", id)
		}
	}

	// Type a discount rate: the figures follow the engine's at 15 %.
	sc.Workload.DiscountRate = engine.N("0.15")
	at15, err := engine.Evaluate(sc)
	if err != nil {
		t.Fatal(err)
	}
	step(t, ctx, 30*time.Second, setInput("w-discount_rate", "0.15"),
		waitText(stat(0, "npv"), engine.Money(*at15.Options[0].NPV)), WaitTable(),
		WaitJS(fmt.Sprintf(`[...document.querySelectorAll("#comparison th")].some((th) => th.textContent.trim() === %q)`, "Net present cost at 15.0 % a year"), 20*time.Second),
		WaitJS(`(document.querySelector("#chart-discounted figcaption") || {textContent: ""}).textContent.includes("15.0 %")`, 20*time.Second))
	check(at15)
}
