package web

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestContrastAA checks that every text/background pair of the stylesheet's
// colour variables passes WCAG AA (contrast ≥ 4.5:1) in both themes.
func TestContrastAA(t *testing.T) {
	b, err := Assets.ReadFile("infercost.css")
	if err != nil {
		t.Fatal(err)
	}
	css := string(b)
	vars := regexp.MustCompile(`--([\w-]+):\s*(#[0-9a-fA-F]{6})`)
	read := func(s string) map[string]string {
		m := map[string]string{}
		for _, v := range vars.FindAllStringSubmatch(s, -1) {
			m[v[1]] = v[2]
		}
		return m
	}
	rootStart := strings.Index(css, ":root {")
	light := read(css[rootStart : rootStart+strings.Index(css[rootStart:], "}")])
	darkStart := strings.Index(css, "@media screen and (prefers-color-scheme: dark)")
	darkRoot := darkStart + strings.Index(css[darkStart:], ":root {")
	dark := map[string]string{}
	for k, v := range light {
		dark[k] = v
	}
	for k, v := range read(css[darkRoot : darkRoot+strings.Index(css[darkRoot:], "}")]) {
		dark[k] = v
	}
	pairs := [][2]string{{"text", "bg"}, {"text", "panel"}, {"muted", "panel"}, {"muted", "bg"}, {"accent", "panel"}, {"accent", "bg"},
		{"accent-text", "accent"}, {"bad", "panel"}, {"good", "panel"}, {"warn-text", "warn-bg"}}
	for theme, colors := range map[string]map[string]string{"light": light, "dark": dark} {
		for _, p := range pairs {
			a, okA := colors[p[0]]
			b, okB := colors[p[1]]
			if !okA || !okB {
				t.Fatalf("%s theme lacks --%s or --%s", theme, p[0], p[1])
			}
			if r := contrast(a, b); r < 4.5 {
				t.Errorf("%s theme: --%s on --%s has contrast %.2f, below 4.5", theme, p[0], p[1], r)
			}
		}
	}
}

func luminance(hex string) float64 {
	var c [3]float64
	for i := range c {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		x := float64(v) / 255
		if x <= 0.03928 {
			c[i] = x / 12.92
		} else {
			c[i] = math.Pow((x+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}

func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}
