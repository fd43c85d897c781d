#!/usr/bin/env bash
# Builds dist/ffi-pyodide and dist/ffi-micropython: wasm + wasm-bindgen glue + index.js,
# and prints what each adapter ships (docs/Architecture.md, "Size").
set -euo pipefail
cd "$(dirname "$0")/.."
# The shipped wasm is built apart from the tests' (target/wasm), with flags that only make
# it smaller: no panic machinery (a panic is a trap either way: nothing prints it), and no
# reference types, so that Debian's wasm-opt (binaryen 108) can read the module.
export CARGO_TARGET_DIR=target/wasm-dist
RUSTFLAGS_DIST="-Ctarget-feature=-reference-types"
DIST_CARGO_ARGS=()
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  # Debian's rustc-web builds std here (-Zbuild-std), so std can drop its panic machinery too.
  RUSTFLAGS_DIST="$RUSTFLAGS_DIST -Zunstable-options -Cpanic=immediate-abort"
  # ... and build std for size: std's optimize_for_size feature (smaller sort and formatting
  # code; it replaces the default std features, which an aborting panic does not need) and
  # opt-level "z" for core, alloc and std. Their generic code (collections, iterators) is
  # compiled inside our crates at opt-level 3 regardless; `make bench` shows no slowdown.
  DIST_CARGO_ARGS+=(-Zbuild-std-features=optimize_for_size)
  for crate in core alloc std; do DIST_CARGO_ARGS+=(--config "profile.release.package.$crate.opt-level=\"z\""); done
fi
export RUSTFLAGS="$RUSTFLAGS_DIST"
# The adapters: one per interpreter of the adapter table (versions.json), in ffi-<name>/.
mapfile -t ADAPTERS < <(node -p 'Object.keys(require("./versions.json")).join("\n")')
packages=()
for adapter in "${ADAPTERS[@]}"; do packages+=(-p "ffi-$adapter"); done
scripts/wasm-cargo.sh build --release --quiet "${DIST_CARGO_ARGS[@]}" "${packages[@]}"
# Built on its own: together with the adapters, cargo would unify ffi-core's features and
# the example would export the adapters' `Proxies` class too.
scripts/wasm-cargo.sh build --release --quiet "${DIST_CARGO_ARGS[@]}" -p textstats
WASM_OUT="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release"

# wasm-opt -Oz after wasm-bindgen; without binaryen the build still works, only larger.
shrink() {
  if command -v wasm-opt >/dev/null 2>&1; then
    wasm-opt -Oz --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
      --enable-nontrapping-float-to-int --enable-multivalue -o "$1.opt" "$1"
    mv "$1.opt" "$1"
  else
    printf '[build] warning: no wasm-opt (binaryen): %s is not shrunk\n' "$1" >&2
  fi
}
gz() { gzip -9c "$@" | wc -c; }

# Every shipped JS module below folder $1 minified in place, in one esbuild run (from
# package.json; whitespace and syntax only: names stay, so stack frames, `fn.name` and the
# guard's frame checks read as in the source); without esbuild the build still works, only
# larger.
ESBUILD=node_modules/.bin/esbuild
minify() {
  local dir=$1
  shift
  if [ -x "$ESBUILD" ]; then
    "$ESBUILD" "$@" --minify-whitespace --minify-syntax --format=esm --target=es2022 \
      --log-level=warning --allow-overwrite --outbase="$dir" --outdir="$dir"
  else
    printf '[build] warning: no %s (npm ci): the JS modules are not minified\n' "$ESBUILD" >&2
  fi
}

for adapter in "${ADAPTERS[@]}"; do
  out="dist/ffi-$adapter"
  rm -rf "$out"
  mkdir -p "$out"
  wasm-bindgen --target web --out-dir "$out" "$WASM_OUT/ffi_$adapter.wasm"
  shrink "$out/ffi_${adapter}_bg.wasm"
  # The adapter's modules, but not those wasm-bindgen already placed under snippets/.
  for module in ffi-"$adapter"/js/*.js; do
    if ! compgen -G "$out/snippets/*/js/$(basename "$module")" >/dev/null; then cp "$module" "$out/"; fi
  done
  cp js/loader.js "$out/"
  cp js/index.d.ts "$out/index.d.ts"
  wasm="$out/ffi_${adapter}_bg.wasm"
  mapfile -t modules < <(find "$out" -name '*.js' | sort)
  minify "$out" "${modules[@]}"
  wasm_gz=$(gz "$wasm")
  js_gz=0
  for module in "${modules[@]}"; do js_gz=$((js_gz + $(gz "$module"))); done
  printf '[build] %s: ships %s KiB gzipped (wasm %s KiB, %s JS modules %s KiB); wasm %s KiB raw\n' \
    "$out" "$(((wasm_gz + js_gz) / 1024))" "$((wasm_gz / 1024))" "${#modules[@]}" "$((js_gz / 1024))" "$(($(stat -c %s "$wasm") / 1024))"
done
# The example crate of docs/rust-crates.md, which the conformance suite loads.
out="dist/examples/textstats"
rm -rf "$out"
mkdir -p "$out"
wasm-bindgen --target web --out-dir "$out" "$WASM_OUT/textstats.wasm"
shrink "$out/textstats_bg.wasm"
printf '[build] %s: %s KiB wasm\n' "$out" "$(( $(stat -c %s "$out/textstats_bg.wasm") / 1024 ))"
# The PyScript plugin (docs/pyscript.md), beside the adapters it imports.
mkdir -p dist/pyscript
cp js/pyscript/plugin.js dist/pyscript/plugin.js
printf '[build] dist/pyscript/plugin.js\n'
