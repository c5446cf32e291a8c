package engine

import (
	"os"
	"testing"
)

func loadReference(t testing.TB) *Scenario {
	t.Helper()
	f, err := os.Open("testdata/reference.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := DecodeScenario(f)
	if err != nil {
		t.Fatal(err)
	}
	return &s
}
