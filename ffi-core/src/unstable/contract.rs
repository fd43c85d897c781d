//! The wire contract: constants that Rust, the JS glue and the Python shim must agree on.
//! Each set is defined once, in Rust; the JS and Python copies are generated blocks in
//! their files, and a host test fails when a copy differs from what Rust renders
//! (`FFI_BLESS=1 cargo test contract` rewrites them).
//!
//! Sets covered here: the tape opcodes (`convert::tape::op`, copied into `js/tape.js`), the
//! fixup kinds (`convert::to_py::fixup`, into `python/pyscript/_ffi/to_py.py`) and the error
//! wire (`wire::error`, into `js/loader.js`, `python/pyscript/_ffi/errors.py` and
//! ffi-micropython's `_pyscript_ffi_impl.py`). ffi-pyodide checks its pickle markers with [`check`] too.

/// `NAME = value;` lines, each becoming a `pub const NAME: u32`, plus `ALL`, every
/// constant by name in order, which the contract test renders into the JS and Python copies.
#[macro_export]
#[doc(hidden)]
macro_rules! contract {
    ($( $(#[$doc:meta])* $name:ident = $value:literal; )*) => {
        $( $(#[$doc])* pub const $name: u32 = $value; )*
        /// Every constant of this set by name, in order (see `crate::contract`).
        pub const ALL: &[(&str, u32)] = &[$((stringify!($name), $name)),*];
    };
}

/// Rendering and checking the generated copies (host only: it reads the source tree).
#[cfg(not(target_arch = "wasm32"))]
pub mod check {
    use std::path::Path;

    const END: &str = "END wire contract";

    /// One generated block: the file (from the repository root), what set it holds (named
    /// in its first line), the comment syntax, and its lines.
    #[derive(Debug)]
    pub struct Copy {
        pub file: &'static str,
        pub set: &'static str,
        pub comment: &'static str,
        pub lines: Vec<String>,
    }

    /// `line(name, value)` for each numbered constant of a set.
    pub fn numbered(all: &[(&str, u32)], line: fn(&str, u32) -> String) -> Vec<String> {
        all.iter().map(|(name, value)| line(name, *value)).collect()
    }

    /// A string as a JS or Python literal: printable ASCII as is, anything else escaped
    /// (`\u0000` in JS, `\x00` in Python), so a generated line never holds a raw NUL.
    pub fn string_literal(text: &str, python: bool) -> String {
        let mut out = String::from("\"");
        for c in text.chars() {
            match c {
                '"' | '\\' => {
                    out.push('\\');
                    out.push(c);
                }
                ' '..='~' => out.push(c),
                c if python && (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
                c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
                c if python => out.push_str(&format!("\\U{:08x}", c as u32)),
                c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            }
        }
        out.push('"');
        out
    }

    fn render(copy: &Copy) -> String {
        let mut out = format!(
            "{} BEGIN wire contract: {}; generated, FFI_BLESS=1 cargo test contract rewrites it\n",
            copy.comment, copy.set
        );
        for line in &copy.lines {
            out.push_str(line);
            out.push('\n');
        }
        out.push_str(&format!("{} {END}\n", copy.comment));
        out
    }

    /// `text` with the block `copy` names replaced by `block`, and whether it differed.
    fn with_block(text: &str, copy: &Copy, block: &str) -> Result<(String, bool), String> {
        let begin = format!("{} BEGIN wire contract: {};", copy.comment, copy.set);
        let end = format!("{} {END}\n", copy.comment);
        let start = text
            .find(&begin)
            .ok_or_else(|| format!("{}: no `{begin}` block", copy.file))?;
        let (before, rest) = text.split_at(start);
        let stop = rest
            .find(&end)
            .map(|i| i + end.len())
            .ok_or_else(|| format!("{}: the block has no `{end}`", copy.file))?;
        let (old, after) = rest.split_at(stop);
        Ok((format!("{before}{block}{after}"), old != block))
    }

    /// Each copy's block compared with what Rust renders, under the repository root
    /// `root`; with `bless`, a differing block is rewritten instead. The error names the
    /// stale files and the command that fixes them.
    pub fn check(root: &Path, copies: &[Copy], bless: bool) -> Result<(), String> {
        let mut stale = Vec::new();
        for copy in copies {
            let path = root.join(copy.file);
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let (updated, differs) = with_block(&text, copy, &render(copy))?;
            if differs && bless {
                std::fs::write(&path, updated).map_err(|e| format!("{}: {e}", path.display()))?;
            } else if differs {
                stale.push(format!("{} ({})", copy.file, copy.set));
            }
        }
        if stale.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "the wire contract's copy in {} differs from Rust's; run FFI_BLESS=1 cargo test contract",
                stale.join(", ")
            ))
        }
    }

    /// Whether `FFI_BLESS=1` asks [`check`] to rewrite the copies.
    pub fn blessing() -> bool {
        std::env::var("FFI_BLESS").is_ok_and(|v| v == "1")
    }

    /// Distinct values within one numbered set (a copy may be right and the set still
    /// wrong).
    pub fn distinct(all: &[(&str, u32)]) -> bool {
        let mut values: Vec<u32> = all.iter().map(|(_, v)| *v).collect();
        values.sort_unstable();
        values.dedup();
        values.len() == all.len()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::path::Path;

    use super::check::{self, numbered, string_literal, Copy};
    use crate::convert::tape::op;
    use crate::convert::to_py::fixup;
    use crate::wire::error;

    fn copies() -> Vec<Copy> {
        let js_errors = error::ALL
            .iter()
            .map(|(name, value)| format!("export const WIRE_{name} = {};", string_literal(value, false)))
            .collect();
        let python_errors = error::ALL
            .iter()
            .map(|(name, value)| format!("_WIRE_{name} = {}", string_literal(value, true)))
            .collect();
        vec![
            Copy {
                file: "ffi-core/js/tape.js",
                set: "tape opcodes (ffi-core/src/unstable/convert/tape.rs, mod op)",
                comment: "//",
                lines: numbered(op::ALL, |name, value| format!("const OP_{name} = {value};")),
            },
            Copy {
                file: "python/pyscript/_ffi/to_py.py",
                set: "fixup kinds (ffi-core/src/unstable/convert/to_py.rs, mod fixup)",
                comment: "#",
                lines: numbered(fixup::ALL, |name, value| format!("_{name} = {value}")),
            },
            Copy {
                file: "js/loader.js",
                set: "error wire (ffi-core/src/unstable/wire.rs, mod error)",
                comment: "//",
                lines: js_errors,
            },
            Copy {
                file: "python/pyscript/_ffi/errors.py",
                set: "error wire (ffi-core/src/unstable/wire.rs, mod error)",
                comment: "#",
                lines: python_errors,
            },
            Copy {
                file: "ffi-micropython/python/_pyscript_ffi_impl.py",
                set: "the walk's hand-over (ffi-core/src/unstable/wire.rs, mod error)",
                comment: "#",
                lines: vec![format!(
                    "_NEEDS_PYTHON = {}",
                    string_literal(&format!("{0}{1}{0}", error::SEPARATOR, error::NEEDS_PYTHON), true)
                )],
            },
        ]
    }

    #[test]
    fn every_copy_of_the_wire_contract_matches_rust() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        if let Err(message) = check::check(&root, &copies(), check::blessing()) {
            panic!("{message}");
        }
    }

    #[test]
    fn numbers_within_a_set_are_distinct() {
        assert!(check::distinct(op::ALL), "two tape opcodes share a number");
        assert!(check::distinct(fixup::ALL), "two fixup kinds share a number");
    }

    #[test]
    fn literals_escape_what_a_source_line_must_not_hold() {
        assert_eq!(string_literal("\0Type\"\\", true), r#""\x00Type\"\\""#);
        assert_eq!(string_literal("\0é", false), r#""\u0000\u00e9""#);
    }
}
