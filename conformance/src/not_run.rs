//! The one list of cases a column does not run, each with why (docs/pyscript.md,
//! "Conformance"). The report shows them as `n/a`; they count neither as passed nor as
//! failed, and a listed case that is not a case is an error.

use crate::column::Column;

pub struct NotRun {
    /// The column's host, and its interpreter (`None`: every interpreter).
    pub host: &'static str,
    pub interp: Option<&'static str>,
    pub cases: &'static [&'static str],
    pub why: &'static str,
}

pub const NOT_RUN: &[NotRun] = &[
    NotRun {
        host: "pyscript-worker",
        interp: None,
        cases: &[
            "bind_construct",
            "js_methods",
            "to_js_dict_converter",
            "to_js_dict_proto_key",
            "to_js_results",
            "to_py_other_objects",
            "views_foreign_code",
            "window_errors",
            "window_global",
        ],
        why: "in a worker, pyscript.window is the main thread's window (PyScript's worker model, through its \
              sync channel): these cases compare what it gives with the worker's own JS values (js(...), \
              `import js`), and values crossing threads are copies or remote proxies, never the same object",
    },
    NotRun {
        host: "pyscript-worker",
        interp: Some("pyodide"),
        cases: &["hostile_to_js_deep", "to_js_nesting_limit"],
        why: "a browser worker's JS stack is about half a main thread's: the bridge's stack bound scales down \
              with it (900-deep subclass containers stop early), and Pyodide itself dies freeing a list nested \
              3,000 deep there, with or without this ffi (docs/failures.md)",
    },
];

/// Why `column` does not run `case`, if it does not.
pub fn reason(column: &Column, case: &str) -> Option<&'static str> {
    NOT_RUN
        .iter()
        .find(|n| n.host == column.host && n.interp.is_none_or(|i| i == column.interp) && n.cases.contains(&case))
        .map(|n| n.why)
}

/// Listed names that are not cases (a renamed case must not silently run nowhere).
pub fn unknown(cases: &[crate::cases::Case]) -> Vec<&'static str> {
    NOT_RUN
        .iter()
        .flat_map(|n| n.cases.iter().copied())
        .filter(|name| !cases.iter().any(|c| c.name == *name))
        .collect()
}
