package site

import (
	"os"
	"strings"
	"testing"
)

// TestMakefileCompilesLikeTheApp checks that `make bench` and `make test`
// measure and test the engine under wasm with the flags app.wasm is built
// with.
func TestMakefileCompilesLikeTheApp(t *testing.T) {
	b, err := os.ReadFile("../../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	want := "WASMGCFLAGS := " + WasmGCFlags + "\n"
	if !strings.Contains(string(b), want) {
		t.Errorf("the Makefile has no line %q: keep it equal to site.WasmGCFlags", strings.TrimSpace(want))
	}
}
