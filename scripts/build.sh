#!/usr/bin/env bash
# Builds dist/ffi-pyodide and dist/ffi-micropython: wasm + wasm-bindgen glue + index.js.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/wasm-cargo.sh build --release --quiet -p ffi-pyodide -p ffi-micropython
# Built on its own: together with the adapters, cargo would unify ffi-core's features and
# the example would export the adapters' `Proxies` class too.
scripts/wasm-cargo.sh build --release --quiet -p textstats
for adapter in pyodide micropython; do
  out="dist/ffi-$adapter"
  rm -rf "$out"
  mkdir -p "$out"
  wasm-bindgen --target web --out-dir "$out" "target/wasm/wasm32-unknown-unknown/release/ffi_$adapter.wasm"
  cp crates/ffi-"$adapter"/js/*.js js/loader.js "$out/"
  cp js/index.d.ts "$out/index.d.ts"
  printf '[build] %s: %s KiB wasm\n' "$out" "$(( $(stat -c %s "$out/ffi_${adapter}_bg.wasm") / 1024 ))"
done
# The example crate of docs/rust-crates.md, which the conformance suite loads.
out="dist/examples/textstats"
rm -rf "$out"
mkdir -p "$out"
wasm-bindgen --target web --out-dir "$out" target/wasm/wasm32-unknown-unknown/release/textstats.wasm
printf '[build] %s: %s KiB wasm\n' "$out" "$(( $(stat -c %s "$out/textstats_bg.wasm") / 1024 ))"
# The PyScript plugin (docs/pyscript.md), beside the adapters it imports.
mkdir -p dist/pyscript
cp js/pyscript/plugin.js dist/pyscript/plugin.js
printf '[build] dist/pyscript/plugin.js\n'
