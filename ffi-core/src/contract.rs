//! The wire contract: numbered constants that Rust, the JS glue and the Python shim must
//! agree on. Each set is defined once, in Rust, with [`contract!`]; the JS and Python
//! copies are generated blocks in their files, and a host test fails when a copy differs
//! from what Rust renders (`FFI_BLESS=1 cargo test -p ffi-core contract` rewrites them).
//!
//! Sets covered: the tape opcodes (`convert::tape::op`, copied into `js/tape.js`) and the
//! fixup kinds (`convert::to_py::fixup`, copied into `python/pyscript/ffi.py`).

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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::path::{Path, PathBuf};

    use crate::convert::tape::op;
    use crate::convert::to_py::fixup;

    const END: &str = "END wire contract";

    /// One generated block: where it lives, the comment syntax, and how each line reads.
    struct Copy {
        file: &'static str,
        set: &'static str,
        comment: &'static str,
        line: fn(&str, u32) -> String,
        all: &'static [(&'static str, u32)],
    }

    const COPIES: &[Copy] = &[
        Copy {
            file: "ffi-core/js/tape.js",
            set: "tape opcodes (ffi-core/src/convert/tape.rs, mod op)",
            comment: "//",
            line: |name, value| format!("const OP_{name} = {value};"),
            all: op::ALL,
        },
        Copy {
            file: "python/pyscript/ffi.py",
            set: "fixup kinds (ffi-core/src/convert/to_py.rs, mod fixup)",
            comment: "#",
            line: |name, value| format!("_{name} = {value}"),
            all: fixup::ALL,
        },
    ];

    fn root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    fn render(copy: &Copy) -> String {
        let mut out = format!(
            "{} BEGIN wire contract: {}; generated, FFI_BLESS=1 cargo test -p ffi-core contract rewrites it\n",
            copy.comment, copy.set
        );
        for (name, value) in copy.all {
            out.push_str(&(copy.line)(name, *value));
            out.push('\n');
        }
        out.push_str(&format!("{} {END}\n", copy.comment));
        out
    }

    /// The file's text with its block replaced by `block`, and whether it differed.
    fn with_block(text: &str, copy: &Copy, block: &str) -> Result<(String, bool), String> {
        let begin = format!("{} BEGIN wire contract:", copy.comment);
        let end = format!("{} {END}\n", copy.comment);
        let start = text
            .find(&begin)
            .ok_or_else(|| format!("{}: no `{begin}` block", copy.file))?;
        let stop = text[start..]
            .find(&end)
            .map(|i| start + i + end.len())
            .ok_or_else(|| format!("{}: the block has no `{end}`", copy.file))?;
        let differs = text[start..stop] != *block;
        Ok((format!("{}{block}{}", &text[..start], &text[stop..]), differs))
    }

    #[test]
    fn every_copy_of_the_wire_contract_matches_rust() {
        let bless = std::env::var("FFI_BLESS").is_ok_and(|v| v == "1");
        let mut stale = Vec::new();
        for copy in COPIES {
            let path = root().join(copy.file);
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let (updated, differs) = with_block(&text, copy, &render(copy)).unwrap_or_else(|e| panic!("{e}"));
            if differs && bless {
                std::fs::write(&path, updated).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            } else if differs {
                stale.push(copy.file);
            }
        }
        assert!(
            stale.is_empty(),
            "the wire contract's copy in {} differs from Rust's; run FFI_BLESS=1 cargo test -p ffi-core contract",
            stale.join(", ")
        );
    }

    #[test]
    fn numbers_within_a_set_are_distinct() {
        for copy in COPIES {
            let mut values: Vec<u32> = copy.all.iter().map(|(_, v)| *v).collect();
            values.sort_unstable();
            values.dedup();
            assert_eq!(
                values.len(),
                copy.all.len(),
                "{}: two constants share a number",
                copy.set
            );
        }
    }
}
