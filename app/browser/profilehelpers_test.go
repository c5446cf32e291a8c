package browser

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/infercost/infercost/app/site"
	"github.com/infercost/infercost/engine"
)

// referenceScenario is engine/testdata/reference.json, the scenario the
// bench and the profilers type into.
func referenceScenario(t *testing.T) engine.Scenario {
	t.Helper()
	f, err := os.Open("../../engine/testdata/reference.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ref, err := engine.DecodeScenario(f)
	if err != nil {
		t.Fatal(err)
	}
	return ref
}

// namedWasm builds app.wasm as the tests' (instrumented, the release's
// compiler flags) but with its symbol names (no site.WasmLDFlags), so that
// a browser profile names Go's functions.
func namedWasm(t *testing.T) string {
	t.Helper()
	wasm := filepath.Join(t.TempDir(), "app.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-tags", site.InstrumentTag, "-gcflags", site.WasmGCFlags, "-gcflags", site.GoAppGCFlags, "-o", wasm, "./cmd/app")
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building app.wasm with names: %v\n%s", err, out)
	}
	return wasm
}
