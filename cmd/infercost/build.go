package main

import (
	"flag"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"time"

	"github.com/infercost/infercost/app/site"
)

func init() {
	commands["build"] = command{"write the static site (app.wasm, pages, worker, assets)", runBuild}
}

func runBuild(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("infercost build", flag.ContinueOnError)
	out := fs.String("out", "dist", "output `directory`")
	base := fs.String("base", "", "URL sub-path the site is served under, e.g. /repo for GitHub Pages")
	version := fs.String("version", "", "version to stamp (default: the git commit)")
	fast := fs.Bool("fast", false, "compress quickly (brotli level 5, not 11): for local runs")
	wasm := fs.String("wasm", "", "use this prebuilt app.wasm instead of compiling ./cmd/app")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: infercost build [-out dist] [-base /repo] [-version V] [-wasm FILE] [-fast]")
		fmt.Fprintln(stderr, "\nWrites the complete static site, with .br and .gz siblings of large files.")
		fs.PrintDefaults()
	}
	if done, code := parseFlags(fs, args, 0, stderr); done {
		return code
	}
	if _, err := site.NormalizeBase(*base); err != nil {
		fmt.Fprintln(stderr, "infercost build:", err)
		return 2
	}
	v := *version
	if v == "" {
		v = gitVersion()
	}
	start := time.Now()
	rep, err := site.Build(site.Options{Out: *out, Base: *base, Version: v, Wasm: *wasm, Fast: *fast})
	if err != nil {
		fmt.Fprintln(stderr, "infercost build:", err)
		return 1
	}
	fmt.Fprintf(stdout, "built %s (version %s) in %s: %d files\n", *out, v, time.Since(start).Round(time.Millisecond), rep.Files)
	fmt.Fprintf(stdout, "app.wasm: %d bytes raw, %d gzip, %d brotli\n", rep.WasmBytes, rep.GzBytes, rep.BrBytes)
	return 0
}

// gitVersion is the short commit of the working tree, marked when it has
// uncommitted changes, or "dev" outside git.
func gitVersion() string {
	b, err := exec.Command("git", "rev-parse", "--short=12", "HEAD").Output()
	if err != nil {
		return "dev"
	}
	v := strings.TrimSpace(string(b))
	if st, err := exec.Command("git", "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(st) > 0 {
		v += "-dirty"
	}
	return v
}
