#!/usr/bin/env bash
# Builds dist/ffi-pyodide and dist/ffi-micropython: wasm + wasm-bindgen glue + index.js.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/wasm-cargo.sh build --release --quiet -p ffi-pyodide -p ffi-micropython
for adapter in pyodide micropython; do
  out="dist/ffi-$adapter"
  rm -rf "$out"
  mkdir -p "$out"
  wasm-bindgen --target web --out-dir "$out" "target/wasm/wasm32-unknown-unknown/release/ffi_$adapter.wasm"
  cp crates/ffi-"$adapter"/js/*.js js/loader.js "$out/"
  cp js/index.d.ts "$out/index.d.ts"
  printf '[build] %s: %s KiB wasm\n' "$out" "$(( $(stat -c %s "$out/ffi_${adapter}_bg.wasm") / 1024 ))"
done
