//! Writes the shared `pyscript` package (python/pyscript/) into OUT_DIR with its comment
//! lines emptied (build/python_comments.rs), and the list of those copies that
//! `unstable::python_sources::SHARED` is (every `.py` of the folder, so none is forgotten).

#[path = "build/python_comments.rs"]
mod python_comments;
#[path = "build/python_files.rs"]
mod python_files;

use std::fmt::Write as _;
use std::path::PathBuf;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn main() -> Result<()> {
    let python = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?).join("../python");
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("python");
    println!("cargo:rerun-if-changed=build/python_comments.rs");
    println!("cargo:rerun-if-changed=build/python_files.rs");
    let mut shared = String::from("&[\n");
    for (relative, path) in python_files::python_files(&python, &python.join("pyscript"))? {
        let target = out.join(&relative);
        writeln!(
            shared,
            "    ({relative:?}, include_str!({:?})),",
            target.display().to_string()
        )?;
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(
            target,
            python_comments::strip_comment_lines(&std::fs::read_to_string(&path)?),
        )?;
    }
    shared.push(']');
    std::fs::write(out.join("shared.rs"), shared)?;
    Ok(())
}
