package app

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestFrameFor: the frame is the widest 40-unit step that fits the box
// (box widths measured in Chromium: 285 px at a 320 px page, 340 at 375,
// 699 at 768, 856 at 1440), never under 240 nor over 720; under 560 it is
// narrow (shorter axis figures, names above bars). A box not measured yet
// gets the wide frame as before.
func TestFrameFor(t *testing.T) {
	for _, tc := range []struct {
		box    int
		w      float64
		narrow bool
	}{
		{0, 720, false},    // not measured
		{100, 240, true},   // narrower than any page this supports: the smallest frame
		{285, 280, true},   // 320 px page: 285 = 7·40 + 5
		{340, 320, true},   // 375 px page: 340 = 8·40 + 20
		{559, 520, true},   // 559 = 13·40 + 39
		{560, 560, false},  // the first wide frame
		{699, 680, false},  // 768 px page: 699 = 17·40 + 19
		{856, 720, false},  // 1440 px page: capped at 720
		{5000, 720, false}, // capped
	} {
		g := frameFor(tc.box)
		if g.W != tc.w || g.narrow != tc.narrow {
			t.Errorf("frameFor(%d) = %v wide, narrow %v; want %v, %v", tc.box, g.W, g.narrow, tc.w, tc.narrow)
		}
		if g.W > float64(max(tc.box, minFrame)) && tc.box > 0 {
			t.Errorf("frameFor(%d) is %v wide: wider than its box, its text would render over 12 px and its margins not hold it", tc.box, g.W)
		}
	}
	if g := frameFor(856); g != wideGeom {
		t.Errorf("at 1440 px the frame is %+v, want the wide frame %+v as before", g, wideGeom)
	}
}

// TestLabelEvery: labels along a plot stay labelSpace (50) units apart.
func TestLabelEvery(t *testing.T) {
	for _, tc := range []struct {
		box, n, want int
	}{
		{856, 12, 1}, // 720 − 84 − 16 = 620 units: 12 labels fit (620 / 50 = 12.4)
		{856, 13, 2},
		{856, 25, 3},
		{285, 4, 1},  // 280 − 64 − 12 = 204 units: 4 labels fit
		{285, 13, 4}, // ⌈13 / 4⌉
	} {
		if got := frameFor(tc.box).labelEvery(tc.n); got != tc.want {
			t.Errorf("frame for %d px, %d labels: every %d, want %d", tc.box, tc.n, got, tc.want)
		}
	}
}

// TestWrapWords: a tornado input's name above its bars, on a phone.
func TestWrapWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want []string
	}{
		{"Committed rate (base: H100, 40 committed for 2 years)", 38, []string{"Committed rate (base: H100, 40", "committed for 2 years)"}},
		{"Hourly rate", 38, []string{"Hourly rate"}},
		{"Supercalifragilistic word", 10, []string{"Supercalifragilistic", "word"}},
		{"", 10, []string{""}},
	} {
		if got := wrapWords(tc.in, tc.n); !slices.Equal(got, tc.want) {
			t.Errorf("wrapWords(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

// web/charts.js measures the charts' box and rounds it to the same steps
// (frameWidth there): its constants must be these.
func TestChartFrameStepsMatchTheScript(t *testing.T) {
	js, err := os.ReadFile("../web/charts.js")
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("const frameMin = %d, frameMax = %d, frameStep = %d;", minFrame, maxFrame, frameStep)
	if !strings.Contains(string(js), want) {
		t.Errorf("web/charts.js does not declare %q: the page would measure the box in other steps than frameFor draws", want)
	}
}
