//! Writes this adapter's `_pyscript_ffi_impl.py` into OUT_DIR with its comment lines
//! emptied (ffi-core/build/python_comments.rs, as ffi-core does for the shared package).

#[path = "../ffi-core/build/python_comments.rs"]
mod python_comments;

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let source = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?).join("python/_pyscript_ffi_impl.py");
    println!("cargo:rerun-if-changed={}", source.display());
    println!("cargo:rerun-if-changed=../ffi-core/build/python_comments.rs");
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("_pyscript_ffi_impl.py");
    std::fs::write(
        out,
        python_comments::strip_comment_lines(&std::fs::read_to_string(source)?),
    )?;
    Ok(())
}
