# infercost: `make run` builds and serves the app; `make test` runs every test.
GO        ?= go
ADDR      ?= :8000
BASE      ?=
DIST      ?= dist
CHROMIUM  ?= /usr/bin/chromium
WASMEXEC  := $(shell $(GO) env GOROOT)/lib/wasm/go_js_wasm_exec
# Kept equal to site.WasmGCFlags (a test checks).
WASMGCFLAGS := github.com/infercost/infercost/...=-l
BIN       := bin/infercost
# Fuzz a fixed number of inputs, not a duration: a wall-clock -fuzztime can
# end with "context deadline exceeded" while a worker is busy on a loaded
# machine, which would make CI flaky.
FUZZTIME  ?= 60000x
# A pipeline fails when any command in it fails, not only its last: a
# measurement filtered through grep must still fail its target.
SHELL       := /bin/bash
.SHELLFLAGS := -o pipefail -c

.PHONY: all run dist test vet unit wasmtest fuzz bench chaos screenshots clean deps-test

all: dist

$(BIN): FORCE
	$(GO) build -o $(BIN) ./cmd/infercost

FORCE:

## run: build the site quickly and serve it on http://localhost:8000
run: $(BIN)
	./$(BIN) build -out $(DIST) -fast -base "$(BASE)"
	./$(BIN) serve -dir $(DIST) -addr $(ADDR) -base "$(BASE)"

## dist: the release build (best compression); BASE=/repo for a sub-path
dist: $(BIN)
	./$(BIN) build -out $(DIST) -base "$(BASE)"

## test: formatting, vet, unit tests, engine tests under wasm, fuzzing, browser tests
test: deps-test vet unit wasmtest fuzz

vet:
	@unformatted="$$(gofmt -l .)"; if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./engine/... ./app/ ./cmd/app/
	GOOS=js GOARCH=wasm $(GO) vet -tags instrument ./app/

# unit runs every test of the module, the browser tests in app/browser included.
unit:
	$(GO) test -timeout 30m ./...

# wasmtest runs the engine's tests compiled to wasm, in node.
wasmtest:
	GOOS=js GOARCH=wasm $(GO) test -gcflags='$(WASMGCFLAGS)' -exec="$(WASMEXEC)" ./engine/...

# Every decoder is fuzzed: the engine's (links, files, numbers) and the app's
# address guard.
FUZZPKGS := engine app

fuzz:
	@for pkg in $(FUZZPKGS); do \
		for target in $$(grep -ho '^func Fuzz[A-Za-z0-9_]*' $$pkg/*_test.go | sed 's/^func //'); do \
			echo "fuzz $$pkg $$target for $(FUZZTIME)"; \
			$(GO) test ./$$pkg/ -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) || exit 1; \
		done; \
	done

# deps-test installs what the tests need on a Debian machine (Chromium for the
# browser tests, node for wasm tests) when it is missing and we are root.
deps-test:
	@need=""; [ -x "$(CHROMIUM)" ] || need="$$need chromium"; command -v node >/dev/null || need="$$need nodejs"; \
	if [ -n "$$need" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "installing$$need"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$need >/dev/null || exit 1; \
		else \
			echo "make test needs$$need: run 'sudo apt-get install -y$$need' (Debian) and try again"; exit 1; \
		fi; \
	fi

## bench: speed and size figures against a baseline built in the same run
# -count=1: a report must measure now; go test would replay a cached run.
# The browser report runs first: after the wasm benchmarks' minutes of node at
# full load, both of its pages read slower and further apart (docs/performance.md,
# thirteenth session), which is the machine's state, not the page's.
bench: deps-test
	@echo "== app.wasm size, load and keystroke latency in Chromium, against a minimal go-app page"
	INFERCOST_BENCH=1 $(GO) test -count=1 -run '^TestBenchReport$$' -v -timeout 30m ./app/browser/ | grep -vE '^(=== RUN|--- PASS)'
	@echo "== engine, native"
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 2s ./engine/
	@echo "== engine, wasm in node (compiled as app.wasm is: see site.WasmGCFlags)"
	GOOS=js GOARCH=wasm $(GO) test -gcflags='$(WASMGCFLAGS)' -exec="$(WASMEXEC)" -run '^$$' -bench . -benchmem -benchtime 2s ./engine/
	@echo "== the CLI, native: infercost eval -samples 10000 of the reference"
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 1x ./cmd/infercost/
	@echo "== link lengths"
	$(GO) test -count=1 -run '^TestLinkLengths$$' -v ./engine/ | grep -E 'characters|ok'

## chaos: a long random run of the browser's chaos test (TestChaos); a short one is part of make test
CHAOS_SEED  ?= 1
CHAOS_STEPS ?= 500
chaos: deps-test
	INFERCOST_CHAOS_SEED=$(CHAOS_SEED) INFERCOST_CHAOS_STEPS=$(CHAOS_STEPS) $(GO) test -count=1 -run '^TestChaos$$' -v -timeout 60m ./app/browser/

## screenshots: the desktop and phone pictures in docs/screenshots (README)
screenshots: deps-test
	INFERCOST_SCREENSHOTS=$(CURDIR)/docs/screenshots $(GO) test -count=1 -run '^TestScreenshots$$' -v ./app/browser/

clean:
	rm -rf $(DIST) bin
