// Package site builds infercost's static website and serves it. It is native
// only: the wasm main never imports it, so none of this code reaches app.wasm.
package site

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/infercost/infercost/app"
	"github.com/infercost/infercost/web"
	ga "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Options says what to build and where.
type Options struct {
	Out     string // output directory, created or refreshed
	Base    string // URL sub-path the site lives under ("" or "/repo")
	Version string // shown in the footer and used to detect updates
	// Wasm is a prebuilt app.wasm. When empty, Build compiles ./cmd/app from
	// ModuleDir with GOOS=js GOARCH=wasm.
	Wasm      string
	ModuleDir string
	// Fast trades about 15% of brotli size for a build 20 times quicker
	// (level 5 instead of 11 on app.wasm): for tests and local runs.
	Fast bool
}

// Report is what Build did, for the command to print.
type Report struct {
	Files     int
	WasmBytes int64
	BrBytes   int64
	GzBytes   int64
}

// NormalizeBase turns "repo", "/repo/" or "/repo" into "/repo" and "/" into "".
// It rejects anything that is not a plain path.
func NormalizeBase(base string) (string, error) {
	b := strings.Trim(base, "/")
	if b == "" {
		return "", nil
	}
	if strings.ContainsAny(b, "?#\\ \t\n") || strings.Contains(b, "..") || strings.Contains(b, "//") {
		return "", fmt.Errorf("-base %q: want a URL path such as /repo", base)
	}
	return "/" + b, nil
}

// Build writes the complete static site to opts.Out.
func Build(opts Options) (Report, error) {
	var rep Report
	if err := checkUpstreamWorker(); err != nil {
		return rep, err
	}
	base, err := NormalizeBase(opts.Base)
	if err != nil {
		return rep, err
	}
	if opts.Out == "" {
		return rep, errors.New("no output directory")
	}
	if err := prepareOut(opts.Out); err != nil {
		return rep, err
	}
	wasmOut := filepath.Join(opts.Out, "web", "app.wasm")
	if opts.Wasm != "" {
		if err := copyFile(opts.Wasm, wasmOut); err != nil {
			return rep, fmt.Errorf("copying app.wasm: %w", err)
		}
	} else if err := BuildWasm(opts.ModuleDir, wasmOut); err != nil {
		return rep, err
	}
	st, err := os.Stat(wasmOut)
	if err != nil {
		return rep, err
	}
	rep.WasmBytes = st.Size()
	if err := copyAssets(filepath.Join(opts.Out, "web")); err != nil {
		return rep, err
	}

	app.Register()
	h := Handler(base, opts.Version, rep.WasmBytes)
	if err := ga.GenerateStaticWebsite(opts.Out, h); err != nil {
		return rep, fmt.Errorf("generating pages: %w", err)
	}
	if err := fixManifestScope(filepath.Join(opts.Out, "manifest.webmanifest"), base); err != nil {
		return rep, err
	}
	if err := writeMethodology(opts.Out, base); err != nil {
		return rep, err
	}
	if err := addMetaCSP(opts.Out, wasmPreload(base)); err != nil {
		return rep, err
	}
	level := brotli.BestCompression
	if opts.Fast {
		level = 5
	}
	rep.Files, rep.BrBytes, rep.GzBytes, err = precompress(opts.Out, level)
	return rep, err
}

// Handler is the go-app configuration of the site: names, colours, local
// icons (remote ones would break the offline cache) and our service worker.
func Handler(base, version string, wasmBytes int64) *ga.Handler {
	h := &ga.Handler{
		Name:            "infercost: AI inference unit economics",
		ShortName:       "infercost",
		Title:           "infercost: what AI inference costs at volume",
		Description:     "Cost per million tokens, GPUs needed and the cheapest way to buy inference compute: rented, committed, owned or a token API. Runs in your browser.",
		Lang:            "en",
		BackgroundColor: "#0b1120",
		ThemeColor:      "#1e3a8a",
		LoadingLabel:    "Loading infercost {progress}%",
		Icon: ga.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-maskable-512.png",
			SVG:      "/web/icon.svg",
		},
		Styles: []string{"/web/infercost.css"},
		// The charts' keyboard script is deferred (go-app's Scripts would
		// block the parser, and with it app.wasm's download, on a script
		// nothing needs before the charts), so it is a raw header; the
		// worker caches it like the icon. boot.js is the one script that
		// must run before the first paint: it hides the prerendered default
		// figures when the app will open a link or the working copy
		// (web/boot.js). It comes after go-app's deferred scripts, whose
		// downloads the preload scanner has already started.
		RawHeaders: []string{
			`<script src="` + base + `/web/boot.js"></script>`,
			`<script defer src="` + base + `/web/charts.js"></script>`,
		},
		CacheableResources:    []string{"/web/icon.svg", "/web/charts.js", "/web/boot.js", app.MethodologyPath},
		Version:               version,
		WasmContentLength:     strconv.FormatInt(wasmBytes, 10),
		ServiceWorkerTemplate: workerJS,
	}
	if base != "" {
		h.Resources = ga.PrefixedLocation(base)
	}
	return h
}

// WasmGCFlags turns inlining off in infercost's own packages (not in
// go-app, decimal or the standard library). Inlined copies of call-heavy
// render and engine code are much of what app.wasm adds to go-app's size:
// without them it is 43 KB (2.5 %) smaller after brotli, while Evaluate and
// the tornado under wasm stay within a few per cent (make bench).
const WasmGCFlags = "github.com/infercost/infercost/...=-l"

// GoAppGCFlags turns inlining off in go-app too: app.wasm is 78 KB smaller
// raw and 23 KB after brotli, and an A/B in Chromium (keystrokes, cold and
// warm loads) showed no difference beyond the noise. Inlining stays on in
// the standard library and in decimal's math/big, where turning it off
// made Evaluate three times slower under wasm.
const GoAppGCFlags = "github.com/maxence-charriere/go-app/v10/...=-l"

// WasmLDFlags leave out the symbol names that only debuggers and profilers
// read: 240 KB of app.wasm, 28 KB after brotli, that every visitor would
// download. Go's own panic traces keep their names (they come from the
// runtime's tables, not this section). For a browser profile with function
// names, build app.wasm without them by hand.
const WasmLDFlags = "-s -w"

// BuildWasm compiles the wasm main. Building it here (not in the Makefile
// alone) keeps `infercost build` a one-step command.
func BuildWasm(moduleDir, out string) error { return BuildWasmTags(moduleDir, out, "") }

// InstrumentTag builds app.wasm with the hooks the browser tests and the
// bench read (app/instrument.go); the release is built without it.
const InstrumentTag = "instrument"

// BuildWasmTags compiles the wasm main with build tags (comma-separated).
func BuildWasmTags(moduleDir, out, tags string) error {
	if moduleDir == "" {
		moduleDir = "."
	}
	if _, err := os.Stat(filepath.Join(moduleDir, "cmd", "app", "main.go")); err != nil {
		return fmt.Errorf("cannot build app.wasm: %s is not the infercost source tree (run from the repository root, or pass -wasm FILE)", moduleDir)
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	cmd := exec.Command("go", "build", "-trimpath", "-tags", tags, "-gcflags", WasmGCFlags, "-gcflags", GoAppGCFlags, "-ldflags", WasmLDFlags, "-o", abs, "./cmd/app")
	cmd.Dir = moduleDir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("building app.wasm: %v\n%s", err, stderr.String())
	}
	return nil
}

// prepareOut empties the output directory so that no stale file (an old
// .br sibling, say) survives, but only when it is empty or holds a previous
// build: a mistyped -out must never wipe someone's files.
func prepareOut(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	if len(entries) > 0 {
		if _, err := os.Stat(filepath.Join(dir, "app-worker.js")); err != nil {
			return fmt.Errorf("%s is not empty and holds no previous infercost build: refusing to overwrite it", dir)
		}
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
	}
	return os.MkdirAll(filepath.Join(dir, "web"), 0o755)
}

func copyAssets(dst string) error {
	return fs.WalkDir(web.Assets, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := web.Assets.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, filepath.FromSlash(p)), b, 0o644)
	})
}

// fixManifestScope sets the manifest's scope to the site's base: go-app
// always writes "/", which under a sub-path would claim the whole host.
func fixManifestScope(file, base string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return fmt.Errorf("reading generated manifest: %w", err)
	}
	if icons, ok := m["icons"].([]any); ok {
		for _, ic := range icons {
			if icon, ok := ic.(map[string]any); ok && icon["purpose"] == "" {
				delete(icon, "purpose") // go-app writes "", which is not a valid purpose
			}
		}
	}
	m["scope"] = base + "/"
	m["start_url"] = base + "/"
	m["id"] = base + "/"
	out, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return os.WriteFile(file, out, 0o644)
}

// attrEscaper escapes a double-quoted attribute value (the policy's single
// quotes stay readable).
var attrEscaper = strings.NewReplacer("&", "&amp;", `"`, "&quot;")

// charsetMeta is how go-app opens every page's head.
const charsetMeta = `<meta charset="UTF-8">`

// addMetaCSP writes MetaContentSecurityPolicy into every page, for static
// hosts that send no headers. It goes right after the charset, before any
// link or script: a meta policy only governs what follows it. (go-app's
// RawHeaders come after its scripts, too late.) A go-app that writes the
// head differently makes the build fail rather than ship pages without it.
// The tag then, when not empty, follows the policy (see wasmPreload).
func addMetaCSP(dir, then string) error {
	tag := `<meta http-equiv="Content-Security-Policy" content="` + attrEscaper.Replace(MetaContentSecurityPolicy()) + `">`
	if then != "" {
		tag += "\n    " + then
	}
	pages := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".html" {
			return err
		}
		pages++
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		page := string(b)
		if strings.Count(page, charsetMeta) != 1 {
			return fmt.Errorf("adding the CSP: %s does not have one %s: review addMetaCSP against go-app's page", p, charsetMeta)
		}
		page = strings.Replace(page, charsetMeta, charsetMeta+"\n    "+tag, 1)
		return os.WriteFile(p, []byte(page), 0o644)
	})
	if err == nil && pages == 0 {
		err = fmt.Errorf("adding the CSP: no page in %s", dir)
	}
	return err
}

// wasmPreload starts app.wasm's download as the head is parsed. Without
// it the download starts from go-app's app.js, a deferred script, which
// runs only once the whole prerendered page has been parsed and the
// scripts before it have run. The request must be the one app.js makes
// (fetch of the same URL, cors mode, same-origin credentials:
// crossorigin="anonymous") for the browser to reuse the preloaded body.
func wasmPreload(base string) string {
	return `<link rel="preload" href="` + base + `/web/app.wasm" as="fetch" type="application/wasm" crossorigin="anonymous">`
}

// compressible lists the extensions worth precompressing.
var compressible = map[string]bool{
	".wasm": true, ".js": true, ".css": true, ".html": true,
	".svg": true, ".webmanifest": true, ".json": true,
}

// precompress writes .br and .gz siblings of every compressible file over
// 1 KiB, so that the server never compresses at request time. It returns the
// number of files in the site and the compressed sizes of app.wasm.
func precompress(dir string, brotliLevel int) (files int, br, gz int64, err error) {
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		ext := path.Ext(p)
		if ext == ".br" || ext == ".gz" {
			return nil
		}
		files++
		info, err := d.Info()
		if err != nil || !compressible[ext] || info.Size() < 1024 {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		nb, err := writeCompressed(p+".br", src, func(w io.Writer) io.WriteCloser {
			return brotli.NewWriterLevel(w, brotliLevel)
		})
		if err != nil {
			return err
		}
		ng, err := writeCompressed(p+".gz", src, func(w io.Writer) io.WriteCloser {
			z, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
			return z
		})
		if err != nil {
			return err
		}
		if filepath.Base(p) == "app.wasm" {
			br, gz = nb, ng
		}
		return nil
	})
	return files, br, gz, err
}

func writeCompressed(file string, src []byte, newWriter func(io.Writer) io.WriteCloser) (int64, error) {
	var buf bytes.Buffer
	w := newWriter(&buf)
	if _, err := w.Write(src); err != nil {
		return 0, err
	}
	if err := w.Close(); err != nil {
		return 0, err
	}
	return int64(buf.Len()), os.WriteFile(file, buf.Bytes(), 0o644)
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o644)
}
