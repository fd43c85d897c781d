//! Options of `to_js`, as a struct with named presets.

/// How deep the engine may nest before it refuses with a catchable `RecursionError`.
/// CPython's default recursion limit is 1000; staying below it keeps the wasm stack safe
/// on every host.
pub const MAX_NESTING: usize = 900;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToJsOptions {
    /// Hard limit on container nesting; beyond it the conversion fails (never overflows).
    pub max_nesting: usize,
}

impl ToJsOptions {
    /// The canonical, strict behaviour.
    pub fn strict() -> Self {
        ToJsOptions {
            max_nesting: MAX_NESTING,
        }
    }
}

impl Default for ToJsOptions {
    fn default() -> Self {
        Self::strict()
    }
}
