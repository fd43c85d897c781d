//! Options of `to_js`, as a struct with named presets.

/// How deep a value may nest before `to_js` refuses with a catchable `RecursionError`.
/// The walk itself is iterative and has no depth limit of its own; this one exists so
/// both interpreters refuse at the same depth: on Pyodide, pickling fails near CPython's
/// recursion limit (1000), so the common limit sits below it.
pub const MAX_NESTING: usize = 900;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToJsOptions {
    /// Limit on container nesting; beyond it the conversion fails with `RecursionError`.
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
