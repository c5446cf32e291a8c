package web

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestChartPalettes checks the charts' two palettes (the block at the end of
// infercost.css): option colours --s1 … --s8 and cost-category colours
// --c1 … --c8, in both themes.
//
// "Apart" is the CIE 1976 colour difference ΔE*ab, taken as the smallest of
// three viewers': normal vision, and deuteranopia and protanopia simulated
// with Machado, Oliveira and Fernandes (2009) at severity 1 (their matrices,
// on linear RGB). About 2.3 is a just-noticeable difference; lines and
// swatches need far more. Every colour also stands 3:1 from the panel
// (WCAG 1.4.11, as the accessibility test checks on the page), which leaves
// less room: options are kept furthest apart (they share every chart),
// categories (only in the breakdown) a little less, and a category need
// only be clearly unlike every option. The palettes were found by a search
// maximising these distances; the test logs what they measure.
func TestChartPalettes(t *testing.T) {
	const (
		minOptions    = 25.0 // option against option
		minCategories = 20.0 // category against category
		minAcross     = 12.0 // category against option
		minOnPanel    = 3.0  // WCAG 1.4.11: a line or a bar against the panel
	)
	light, dark := chartPalettes(t)
	for theme, p := range map[string]map[string]string{"light": light, "dark": dark} {
		var opts, cats []string
		for i := 1; i <= 8; i++ {
			opts = append(opts, "s"+strconv.Itoa(i))
			cats = append(cats, "c"+strconv.Itoa(i))
		}
		panel := p["panel"]
		for _, o := range append(opts, cats...) {
			if r := contrast(p[o], panel); r < minOnPanel {
				t.Errorf("%s: --%s %s on the panel %s has contrast %.2f, below %.1f", theme, o, p[o], panel, r, minOnPanel)
			}
		}
		measured := map[string]float64{}
		check := func(what, a, b string, min float64) {
			d := seenApart(p[a], p[b])
			if m, ok := measured[what]; !ok || d < m {
				measured[what] = d
			}
			if d < min {
				t.Errorf("%s: --%s %s and --%s %s are %.1f apart for some viewer, want ≥ %.0f", theme, a, p[a], b, p[b], d, min)
			}
		}
		for i, a := range opts {
			for _, b := range opts[i+1:] {
				check("options", a, b, minOptions)
			}
			for _, b := range cats {
				check("category-option", a, b, minAcross)
			}
		}
		for i, a := range cats {
			for _, b := range cats[i+1:] {
				check("categories", a, b, minCategories)
			}
		}
		t.Logf("%s theme, smallest ΔE*ab over normal, deuteranopic and protanopic vision: options %.1f, categories %.1f, category-option %.1f",
			theme, measured["options"], measured["categories"], measured["category-option"])
	}
}

// TestSimulationSanity pins the simulation on colours whose fate is known:
// pure red and green, far apart with normal vision (ΔE 170), keep only their
// difference in lightness with deuteranopia (under a fifth); protanopes see
// red dark; blue and yellow stay far apart.
func TestSimulationSanity(t *testing.T) {
	n := deltaE(simulate(normal, "#ff0000"), simulate(normal, "#00ff00"))
	if n < 150 {
		t.Errorf("red and green are %.1f apart with normal vision", n)
	}
	if d := deltaE(simulate(deuteranopia, "#ff0000"), simulate(deuteranopia, "#00ff00")); d > n/5 {
		t.Errorf("red and green are %.1f apart with deuteranopia, want under %.1f", d, n/5)
	}
	// Protanopes see red darker: L* 40 against 53 with normal vision.
	if l := simulate(protanopia, "#ff0000")[0]; l > 45 {
		t.Errorf("red has L* %.1f with protanopia, want it darker", l)
	}
	if d := seenApart("#0000ff", "#ffff00"); d < 80 {
		t.Errorf("blue and yellow are %.1f apart", d)
	}
}

// chartPalettes reads the charts' block: the light palette from its first
// :root, the dark one from the :root inside its dark-theme media query, each
// with the theme's --panel from the top of the file.
func chartPalettes(t *testing.T) (light, dark map[string]string) {
	b, err := Assets.ReadFile("infercost.css")
	if err != nil {
		t.Fatal(err)
	}
	css := string(b)
	vars := regexp.MustCompile(`--([\w-]+):\s*(#[0-9a-fA-F]{6})`)
	block := func(s, start string) map[string]string {
		i := strings.Index(s, start)
		if i < 0 {
			t.Fatalf("no %q", start)
		}
		s = s[i:]
		s = s[:strings.Index(s, "}")]
		m := map[string]string{}
		for _, v := range vars.FindAllStringSubmatch(s, -1) {
			m[v[1]] = v[2]
		}
		return m
	}
	top := block(css, ":root {")
	darkTop := block(css[strings.Index(css, "prefers-color-scheme: dark"):], ":root {")
	at := strings.Index(css, "==== charts that tell the truth")
	if at < 0 {
		t.Fatal("no charts block in infercost.css")
	}
	charts := css[at:]
	light = block(charts, ":root {")
	dark = block(charts[strings.Index(charts, "prefers-color-scheme: dark"):], ":root {")
	light["panel"], dark["panel"] = top["panel"], darkTop["panel"]
	for _, p := range []map[string]string{light, dark} {
		for i := 1; i <= 8; i++ {
			for _, k := range []string{"s", "c"} {
				if _, ok := p[fmt.Sprint(k, i)]; !ok {
					t.Fatalf("palette lacks --%s%d", k, i)
				}
			}
		}
	}
	return light, dark
}

type matrix [3][3]float64

var (
	normal       = matrix{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}
	protanopia   = matrix{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}
	deuteranopia = matrix{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}
)

// seenApart is the smallest difference between two colours for a viewer
// with normal vision, deuteranopia or protanopia.
func seenApart(a, b string) float64 {
	d := math.Inf(1)
	for _, m := range []matrix{normal, deuteranopia, protanopia} {
		d = math.Min(d, deltaE(simulate(m, a), simulate(m, b)))
	}
	return d
}

// simulate is the colour a viewer sees, as CIELAB (D65).
func simulate(m matrix, hex string) [3]float64 {
	var c, s [3]float64
	for i := range c {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		x := float64(v) / 255
		if x <= 0.04045 {
			c[i] = x / 12.92
		} else {
			c[i] = math.Pow((x+0.055)/1.055, 2.4)
		}
	}
	for i := range s {
		for j := range c {
			s[i] += m[i][j] * c[j]
		}
		s[i] = math.Min(1, math.Max(0, s[i]))
	}
	x := (0.4124*s[0] + 0.3576*s[1] + 0.1805*s[2]) / 0.95047
	y := 0.2126*s[0] + 0.7152*s[1] + 0.0722*s[2]
	z := (0.0193*s[0] + 0.1192*s[1] + 0.9505*s[2]) / 1.08883
	f := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return (24389.0/27*t + 16) / 116
	}
	return [3]float64{116*f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))}
}

func deltaE(p, q [3]float64) float64 {
	return math.Sqrt((p[0]-q[0])*(p[0]-q[0]) + (p[1]-q[1])*(p[1]-q[1]) + (p[2]-q[2])*(p[2]-q[2]))
}
