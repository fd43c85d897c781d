#!/usr/bin/env bash
# cargo for wasm32-unknown-unknown: rustup's target where installed, otherwise Debian's
# rustc-web building std from source (see DESIGN.md's toolchain facts).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target/wasm}"
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  exec cargo "$1" --target wasm32-unknown-unknown "${@:2}"
fi
export RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-19
# Debian's clippy-driver sits beside its cargo; keep rustup's proxies out of the way.
export PATH="/usr/bin:$PATH"
# Flags go right after the subcommand, ahead of any `--` that passes arguments on.
exec /usr/bin/cargo "$1" --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort "${@:2}"
