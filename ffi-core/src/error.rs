//! The one error type of the core. Every failure that input can reach ends here,
//! and crosses into Python as the exception class named by [`ErrorKind::python_name`].

use std::fmt;

/// Which Python exception an [`Error`] becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A value of a type the conversion cannot handle (`TypeError`).
    Type,
    /// A value of the right type but an unusable content, e.g. colliding keys (`ValueError`).
    Value,
    /// Nesting deeper than the engine's hard limit (`RecursionError`).
    Recursion,
    /// A value larger than a conversion can hold at once (`MemoryError`).
    TooLarge,
    /// The interpreter's internals did not look as this build expects (`RuntimeError`).
    Interpreter,
    /// Not an error for users: the walk met objects only Python can turn into JS values
    /// (proxies, `default_converter` results); the shim builds them and converts again.
    NeedsPython,
}

impl ErrorKind {
    /// The Python exception class this kind is raised as.
    pub fn python_name(self) -> &'static str {
        use crate::wire::error as wire;
        match self {
            ErrorKind::Type => wire::TYPE_ERROR,
            ErrorKind::Value => wire::VALUE_ERROR,
            ErrorKind::Recursion => wire::RECURSION_ERROR,
            ErrorKind::TooLarge => wire::MEMORY_ERROR,
            ErrorKind::Interpreter => wire::RUNTIME_ERROR,
            ErrorKind::NeedsPython => wire::NEEDS_PYTHON,
        }
    }
}

/// A conversion or bridge failure, carrying the source type, the target and a message
/// that says how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Error {
    /// Which Python exception it becomes.
    pub kind: ErrorKind,
    /// Python (or JS) type name of the offending value.
    pub from: String,
    /// What it was being converted to (`"JavaScript"`, `"Python"`, `"object key"`).
    pub to: &'static str,
    /// What went wrong and how to fix it, as the Python exception's message.
    pub message: String,
}

impl Error {
    /// An error of `kind` for a value of type `from` on its way to `to`.
    pub fn new(kind: ErrorKind, from: impl Into<String>, to: &'static str, message: impl Into<String>) -> Self {
        Error {
            kind,
            from: from.into(),
            to,
            message: message.into(),
        }
    }

    /// A [`ErrorKind::Type`] error: a value of a type the conversion cannot handle.
    pub fn type_error(from: impl Into<String>, to: &'static str, message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Type, from, to, message)
    }

    /// A [`ErrorKind::Value`] error: the right type, unusable content.
    pub fn value_error(from: impl Into<String>, to: &'static str, message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Value, from, to, message)
    }

    /// An [`ErrorKind::Interpreter`] error: the interpreter's internals are not as expected.
    pub fn interpreter(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Interpreter, "interpreter", "bridge", message)
    }

    /// The wire form understood by the Python shim: `"\0<ExceptionName>\0<message>"`.
    /// Bridge functions return it instead of throwing, because a JS throw inside a native
    /// call cannot be caught by MicroPython 1.27.
    pub fn to_wire(&self) -> String {
        crate::wire::error::wire(self.kind.python_name(), &self.message)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.python_name(), self.message)
    }
}

impl std::error::Error for Error {}

impl From<Error> for wasm_bindgen::JsValue {
    fn from(err: Error) -> Self {
        let js = js_sys::Error::new(&err.message);
        js.set_name(err.kind.python_name());
        js.into()
    }
}

impl From<wasm_bindgen::JsValue> for Error {
    /// A JS exception caught while our code ran (a throwing getter, a converter that threw).
    fn from(value: wasm_bindgen::JsValue) -> Self {
        // Read without running anything that could throw again (getters of a hostile value).
        let (name, message) = crate::js::thrown(&value);
        Error::new(
            ErrorKind::Value,
            name.clone(),
            "Python",
            format!("JavaScript raised {name}: {message}"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_form_names_the_python_exception() {
        let err = Error::type_error("set", "object key", "keys must be str, int, float, bool or None");
        assert_eq!(err.to_wire(), "\0TypeError\0keys must be str, int, float, bool or None");
        assert_eq!(
            Error::value_error("str", "object key", "x").kind.python_name(),
            "ValueError"
        );
    }
}
