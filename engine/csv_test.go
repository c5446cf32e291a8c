package engine

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestCSVTextCannotBeAFormula: a label that a spreadsheet would run as a
// formula is written as text (OWASP's CSV-injection guidance: prefix a
// single quote), while every numeric cell, negative margins included, stays
// a number.
func TestCSVTextCannotBeAFormula(t *testing.T) {
	labels := []string{`=HYPERLINK("http://x","y")`, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)", "plain", "a=b"}
	var opts []Option
	for _, l := range labels {
		o := measuredCloud()
		o.Label = l
		opts = append(opts, o)
	}
	r := mustEval(t, handScenario(opts...))
	var b bytes.Buffer
	if err := WriteCSV(&b, r); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// Each label is written as itself, or after a single quote when it
	// would start a formula.
	want := map[string]string{}
	for _, l := range labels {
		want[l] = l
		if strings.ContainsAny(l[:1], "=+-@") {
			want[l] = "'" + l
		}
	}
	months := len(r.Options[0].Months)
	if len(rows) != 1+len(labels)*months {
		t.Fatalf("%d rows", len(rows))
	}
	negative := false
	for j, row := range rows[1:] {
		label, kind := row[0], row[1]
		if w := want[labels[j/months]]; label != w {
			t.Errorf("label cell %q, want %q", label, w)
		}
		if kind != "cloud" {
			t.Errorf("kind %q", kind)
		}
		for i, cell := range row[2:] {
			if cell == "" {
				continue
			}
			if _, err := decimal.NewFromString(cell); err != nil {
				t.Errorf("%s: %q is not a number", CSVHeader[i+2], cell)
			}
			negative = negative || strings.HasPrefix(cell, "-")
		}
	}
	if !negative {
		t.Error("no negative number in the export: the test lost its point")
	}
}

func TestCSVText(t *testing.T) {
	for in, want := range map[string]string{
		"":                  "",
		"plain":             "plain",
		"=1+1":              "'=1+1",
		"+1":                "'+1",
		"-1":                "'-1",
		"@A1":               "'@A1",
		"\tx":               "'\tx",
		"\rx":               "'\rx",
		"\nx":               "'\nx",
		"'=1":               "'=1",
		" =1":               " =1",
		"a-b":               "a-b",
		"Coût ≈ 2.49 €":     "Coût ≈ 2.49 €",
		"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")",
	} {
		if got := csvText(in); got != want {
			t.Errorf("csvText(%q) = %q, want %q", in, got, want)
		}
	}
}
