package app

import (
	"reflect"
	"strings"
	"testing"

	"github.com/infercost/infercost/engine"
)

// TestSourceRuns: each address a text cites becomes a link named by its
// host without "www.", and the sentence's own punctuation after it stays
// text.
func TestSourceRuns(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []sourceRun
	}{
		{"https://lambda.ai/pricing", []sourceRun{{"lambda.ai", "https://lambda.ai/pricing"}}},
		{" Preset: 2.99 (https://lambda.ai/pricing, as of 2026-11-01).", []sourceRun{
			{text: " Preset: 2.99 ("}, {"lambda.ai", "https://lambda.ai/pricing"}, {text: ", as of 2026-11-01)."}}},
		{" Preset: 1979 (https://www.nvidia.com/en-us/data-center/h100/).", []sourceRun{
			{text: " Preset: 1979 ("}, {"nvidia.com", "https://www.nvidia.com/en-us/data-center/h100/"}, {text: ")."}}},
		{"fitted (TensorRT-LLM): docs/validation.md; why: https://www.together.ai/blog/flashattention-4; as of 2026", []sourceRun{
			{text: "fitted (TensorRT-LLM): docs/validation.md; why: "}, {"together.ai", "https://www.together.ai/blog/flashattention-4"}, {text: "; as of 2026"}}},
		{"a http://example.org:8080/x and https://docs.cloud.google.com/tpu/docs/v5e.", []sourceRun{
			{text: "a "}, {"example.org", "http://example.org:8080/x"}, {text: " and "}, {"docs.cloud.google.com", "https://docs.cloud.google.com/tpu/docs/v5e"}, {text: "."}}},
		{"no address at all", []sourceRun{{text: "no address at all"}}},
		{"broken https:// here", []sourceRun{{text: "broken "}, {text: "https://"}, {text: " here"}}},
		{"", nil},
	} {
		if got := sourceRuns(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("sourceRuns(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestSourceRunsCatalog: every source the catalog cites (accelerators,
// models) shows as a short name with no "://" in it, whatever surrounds it.
func TestSourceRunsCatalog(t *testing.T) {
	var sources []string
	for _, a := range engine.Accelerators {
		sources = append(sources, a.SpecSource, a.NetworkSource, a.PriceSource, a.EfficiencySource)
	}
	for _, m := range engine.Models {
		sources = append(sources, m.Source)
	}
	links := 0
	for _, s := range sources {
		for _, r := range sourceRuns(" (" + s + ", as of 2026-11-01).") {
			if strings.Contains(r.text, "://") || len(r.text) > 30 && r.url != "" {
				t.Errorf("%q shows %q", s, r.text)
			}
			if r.url != "" {
				links++
			}
		}
	}
	if links < len(engine.Accelerators)*3 {
		t.Errorf("%d links from %d accelerators' and %d models' sources", links, len(engine.Accelerators), len(engine.Models))
	}
}

// TestShortSource: the host without "www.", its port and any user; "" for
// what is no http(s) address with a host.
func TestShortSource(t *testing.T) {
	for in, want := range map[string]string{
		"https://lambda.ai/pricing":                      "lambda.ai",
		"https://www.nvidia.com/en-us/data-center/h100/": "nvidia.com",
		"http://example.org:8080/x?y#z":                  "example.org",
		"https://user@docs.habana.ai/en/latest/":         "docs.habana.ai",
		"https://cloud.google.com":                       "cloud.google.com",
		"https://":                                       "",
		"https:///path":                                  "",
		"ftp://example.org/":                             "",
		"lambda.ai/pricing":                              "",
	} {
		if got := shortSource(in); got != want {
			t.Errorf("shortSource(%q) = %q, want %q", in, got, want)
		}
	}
}
