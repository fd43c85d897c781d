//! Writes the shared `pyscript` package (python/pyscript/) into OUT_DIR with its comment
//! lines emptied (build/python_comments.rs): `unstable::python_sources` ships those copies.

#[path = "build/python_comments.rs"]
mod python_comments;

use std::path::{Path, PathBuf};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn main() -> Result<()> {
    let python = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?).join("../python");
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("python");
    println!("cargo:rerun-if-changed=build/python_comments.rs");
    copy_stripped(&python, &python.join("pyscript"), &out)
}

fn copy_stripped(root: &Path, dir: &Path, out: &Path) -> Result<()> {
    println!("cargo:rerun-if-changed={}", dir.display());
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            copy_stripped(root, &path, out)?;
        } else if path.extension().is_some_and(|ext| ext == "py") {
            println!("cargo:rerun-if-changed={}", path.display());
            let target = out.join(path.strip_prefix(root)?);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(
                target,
                python_comments::strip_comment_lines(&std::fs::read_to_string(&path)?),
            )?;
        }
    }
    Ok(())
}
