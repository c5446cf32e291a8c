package app

import (
	"fmt"
	"strings"
	"testing"
)

func entries(names ...string) []savedScenario {
	var l []savedScenario
	for _, n := range names {
		l = append(l, savedScenario{Name: n, Link: "#1r.", SavedAt: "2026-01-01 00:00:00"})
	}
	return l
}

func names(l []savedScenario) string {
	var s []string
	for _, e := range l {
		s = append(s, e.Name)
	}
	return strings.Join(s, "|")
}

func TestSavedListEdits(t *testing.T) {
	l, err := putSaved(entries("a", "b"), savedScenario{Name: "c", Link: "#x", SavedAt: "t"})
	if err != nil || names(l) != "c|a|b" {
		t.Fatalf("put new: %q, %v", names(l), err)
	}
	l, err = putSaved(l, savedScenario{Name: "a", Link: "#y", SavedAt: "t2"})
	if err != nil || names(l) != "a|c|b" || l[0].Link != "#y" {
		t.Fatalf("put replaces the entry of the same name, newest first: %q, %v", names(l), err)
	}
	if _, err := renameSaved(l, l[1].key(), "a"); err == nil {
		t.Error("rename to a name in use accepted")
	}
	l, err = renameSaved(l, l[1].key(), "d")
	if err != nil || names(l) != "a|d|b" {
		t.Fatalf("rename: %q, %v", names(l), err)
	}
	l, err = deleteSaved(l, l[2].key())
	if err != nil || names(l) != "a|d" {
		t.Fatalf("delete: %q, %v", names(l), err)
	}
	if _, err := deleteSaved(l, "gone"); err == nil {
		t.Error("deleting a missing entry reports nothing")
	}
	if _, err := renameSaved(l, "gone", "x"); err == nil {
		t.Error("renaming a missing entry reports nothing")
	}
}

// The limit is stated: a new entry past it is refused, never dropping the
// oldest; replacing an entry still works at the limit.
func TestSavedLimit(t *testing.T) {
	full := make([]string, MaxSaved)
	for i := range full {
		full[i] = fmt.Sprint("e", i)
	}
	if _, err := putSaved(entries(full...), savedScenario{Name: "new"}); err == nil || !strings.Contains(err.Error(), fmt.Sprint(MaxSaved)) {
		t.Errorf("put past the limit: %v", err)
	}
	if l, err := putSaved(entries(full...), savedScenario{Name: "e7"}); err != nil || len(l) != MaxSaved || l[0].Name != "e7" {
		t.Errorf("replace at the limit: %d entries, %v", len(l), err)
	}
}

func TestParseSaved(t *testing.T) {
	if l, err := parseSaved(`[{"name":"a","link":"#1r.","saved_at":"x"}]`); err != nil || names(l) != "a" {
		t.Errorf("valid list: %v", err)
	}
	for _, bad := range []string{"{not json", "null x", `[{"name":"","link":"#"}]`, `[{"name":"a"}]`, "[" + strings.Repeat(" ", maxSavedSize) + "]"} {
		if _, err := parseSaved(bad); err == nil {
			t.Errorf("parseSaved(%.30q) accepted", bad)
		}
	}
}

func TestShortName(t *testing.T) {
	for in, want := range map[string]string{
		"Plan":                  "Plan",
		"a\u202Eb\x1bc":         "a\uFFFDb\uFFFDc",
		strings.Repeat("x", 41): strings.Repeat("x", 39) + "…",
		strings.Repeat("é", 40): strings.Repeat("é", 40),
	} {
		if got := shortName(in); got != want {
			t.Errorf("shortName(%q) = %q, want %q", in, got, want)
		}
	}
}
