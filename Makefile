# The one task runner. CI calls `make test` (through .ci/run) and nothing else.
SHELL := /bin/bash
CONFORMANCE := cargo run --quiet --release -p conformance --
WASM_TEST_RUNNER := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner

.PHONY: bench soak soak-check fuzz fuzz-check gc-check py-check newest-check help setup setup-browser build conformance conformance-all test fmt-check clippy clippy-host clippy-wasm unit-test wasm-test js-test clean

help:
	@echo "make conformance   set up, build, run the conformance suite on both interpreters in Node"
	@echo "make test          everything: fmt, clippy (host+wasm32), unit, wasm, JS and conformance tests (Node+Chromium)"
	@echo "make build         dist/ffi-pyodide and dist/ffi-micropython"
	@echo "make bench         ours vs native vs PyScript's to_js on ../shared/bench/payloads.py (ratios, target/bench/results.json), to_py scaling, views vs native JsProxy (Node; DOM workload in Chromium), shipped sizes and install() time"
	@echo "make soak          memory under sustained load, long run (make test runs a bounded one)"
	@echo "make fuzz          random hostile values on both interpreters for FUZZ_SECONDS (default 900; make test runs a short fixed-seed one)"

setup:
	scripts/setup-toolchain.sh

setup-browser:
	scripts/setup-toolchain.sh chromium

build: setup
	scripts/build.sh

## The main job: the suite on {pyodide, micropython} in Node, plus PyScript's reference column.
conformance: build
	$(CONFORMANCE) --host node --reference pyscript

## Every column: each interpreter in Node, Chromium and real PyScript pages (main thread and
## worker) on its default release and its newest, the other releases of versions.json in
## Node; one report.
conformance-all: build setup-browser
	$(CONFORMANCE) --host all --releases all --reference pyscript

## The JS tests and the gc-check on the newest release of each interpreter (the defaults
## run them in js-test and gc-check).
NEWEST := FFI_PYODIDE_VERSION=$$(node -p 'require("./versions.json").pyodide.versions.at(-1).version') FFI_MICROPYTHON_VERSION=$$(node -p 'require("./versions.json").micropython.versions.at(-1).version')
newest-check: build setup-browser
	$(NEWEST) node --test js/tests/
	$(NEWEST) node --expose-gc js/gc-check.mjs

## Ratios against the native paths and PyScript, measured in one run; never part of `make test`.
bench: build setup-browser
	node bench/run.mjs --rounds 5
	node bench/calls.mjs
	node bench/to_py_scale.mjs
	node bench/views.mjs
	node bench/dom.mjs
	node bench/pyscript.mjs
	node bench/startup.mjs

## Memory under sustained load (docs/failures.md): bounds per 1,000 operations, asserted.
soak: build
	node --expose-gc js/soak.mjs --scale 10

soak-check: build
	node --expose-gc js/soak.mjs

## Random hostile values on both interpreters, each case in a time limit; same outcome required.
FUZZ_SECONDS ?= 900
fuzz: build
	node js/fuzz.mjs --time $(FUZZ_SECONDS)

fuzz-check: build
	node js/fuzz.mjs --seed 1 --cases 150

fmt-check:
	cargo fmt --all --check

## The Python embedded in the wasm modules must at least compile (fails before any build).
py-check:
	python3 -c "import ast, sys; [ast.parse(open(f).read(), f) for f in sys.argv[1:]]" python/pyscript/*.py python/pyscript/_ffi/*.py ffi-*/python/*.py

clippy: clippy-host clippy-wasm

clippy-host: setup
	cargo clippy --workspace --all-targets -- -D warnings

clippy-wasm: setup
	scripts/wasm-cargo.sh clippy --workspace --exclude conformance --all-targets -- -D warnings

unit-test: setup
	cargo test --workspace

wasm-test: setup
	$(WASM_TEST_RUNNER) scripts/wasm-cargo.sh test -p ffi-core --features bridge

js-test: build
	node --test js/tests/

## Real garbage collection (Node --expose-gc and Chromium): dropped proxies are finalized.
gc-check: build setup-browser
	node --expose-gc js/gc-check.mjs

test: fmt-check py-check setup setup-browser clippy unit-test wasm-test build js-test gc-check soak-check fuzz-check newest-check conformance-all

clean:
	rm -rf target dist
