package browser

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/infercost/infercost/app/site"
)

// wasmFile is app.wasm built once for every test of the package.
var wasmFile string

func TestMain(m *testing.M) {
	if err := CheckChromium(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	dir, err := os.MkdirTemp("", "infercost-wasm-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	wasmFile = filepath.Join(dir, "app.wasm")
	if err := site.BuildWasmTags("../..", wasmFile, site.InstrumentTag); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
