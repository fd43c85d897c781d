//! Options of `to_js`, as a struct with named presets.

/// How deep a value may nest before `to_js` refuses with a catchable `RecursionError`.
/// The walk itself is iterative and has no depth limit of its own; this one exists so
/// both interpreters refuse at the same depth: on Pyodide, pickling fails near CPython's
/// recursion limit (1000), so the common limit sits below it.
pub const MAX_NESTING: usize = 900;

/// How many times in a row `default_converter` may return a value that needs converting
/// again (an object it must be asked about in turn) before `to_js` gives up: a converter
/// that never returns data or a JS value is cut off here, well before any stack limit.
pub const MAX_CONVERTER_CHAIN: usize = 16;

/// How deeply calls from JavaScript into Python callbacks may nest in each other; deeper
/// is a RangeError thrown in JavaScript before Python is entered. Below MicroPython's own
/// Python stack, which ends between 30 and 40 such levels of small functions, so that
/// both interpreters refuse at the same depth.
pub const MAX_CALLBACK_NESTING: usize = 24;

/// How deeply calls of one Python callable from JavaScript may nest inside calls of it
/// that got one of the same JS objects as an argument; a deeper call returns `undefined`
/// without running Python. A JS Proxy whose trap is a Python function is the case this
/// bounds: Pyodide reads about a dozen properties of every object reaching Python, the
/// trap's receiver included, and each read runs the trap again; three levels keep that to
/// about 2,000 calls, where no limit would never end (or end the interpreter). A throw
/// instead would unwind through Pyodide's own frames, which it does not survive.
/// Recursion with other arguments at each level is bounded by MAX_CALLBACK_NESTING only.
pub const MAX_CALLBACK_REENTRY: usize = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct ToJsOptions {
    /// Limit on container nesting; beyond it the conversion fails with `RecursionError`.
    pub max_nesting: usize,
    /// Called with an Array of `[key, value]` pairs for every dict; its result stands for
    /// the dict (`js.Map.new`, `js.Object.fromEntries`). Keys are then converted like
    /// values, not by the property-name rules.
    pub dict_converter: Option<js_sys::Function>,
}

impl ToJsOptions {
    /// The canonical, strict behaviour.
    pub fn strict() -> Self {
        ToJsOptions {
            max_nesting: MAX_NESTING,
            dict_converter: None,
        }
    }

    /// `strict()` with a dict converter when `converter` is a JS function (`undefined`
    /// and `null` mean none).
    pub fn with_dict_converter(converter: &wasm_bindgen::JsValue) -> Self {
        use wasm_bindgen::JsCast;
        ToJsOptions {
            dict_converter: converter.dyn_ref::<js_sys::Function>().cloned(),
            ..Self::strict()
        }
    }
}

impl Default for ToJsOptions {
    fn default() -> Self {
        Self::strict()
    }
}
