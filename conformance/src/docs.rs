//! The spec and the suite cannot drift apart: every row of the normative tables in
//! docs/conversions.md, docs/lifetime.md, docs/rust-crates.md, docs/construction.md,
//! docs/failures.md and docs/views.md names its conformance case(s), each named case
//! exists, and every case is named by some row.

use std::collections::BTreeSet;

use crate::cases;

/// Case names in the last cell of each body row of every table in the spec
/// (`` `name` `` entries). A header row is the one right above a `|---` separator.
fn rows(spec: &str) -> Vec<(String, Vec<String>)> {
    let lines: Vec<&str> = spec.lines().collect();
    let is_separator = |line: &str| line.starts_with("|---") || line.starts_with("| ---");
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let next_is_separator = lines.get(i + 1).is_some_and(|next| is_separator(next));
        if !line.starts_with('|') || is_separator(line) || next_is_separator {
            continue;
        }
        let last = line.trim().trim_matches('|').rsplit('|').next().unwrap_or("").trim();
        let names = last.split('`').skip(1).step_by(2).map(str::to_owned).collect();
        out.push((line.to_string(), names));
    }
    out
}

#[test]
fn every_spec_row_names_existing_cases_and_every_case_has_a_row() {
    let root = crate::repo_root();
    // The normative documents whose table rows name conformance cases.
    let spec: String = [
        "docs/conversions.md",
        "docs/lifetime.md",
        "docs/rust-crates.md",
        "docs/construction.md",
        "docs/failures.md",
        "docs/views.md",
    ]
    .iter()
    .map(|doc| std::fs::read_to_string(root.join(doc)).unwrap_or_else(|e| panic!("{doc}: {e}")))
    .collect::<Vec<_>>()
    .join("\n");
    let all = cases::discover(&root.join("conformance/cases"), None).expect("cases");
    let existing: BTreeSet<String> = all.iter().map(|c| c.name.clone()).collect();
    let mut named = BTreeSet::new();
    let rows = rows(&spec);
    assert!(
        rows.len() >= 10,
        "the spec should have its tables; found {} rows",
        rows.len()
    );
    for (row, names) in rows {
        assert!(!names.is_empty(), "spec row names no conformance case: {row}");
        for name in names {
            assert!(
                existing.contains(&name),
                "spec row names a case that does not exist ({name}): {row}"
            );
            named.insert(name);
        }
    }
    let orphans: Vec<_> = existing.difference(&named).collect();
    assert!(orphans.is_empty(), "cases no spec row names: {orphans:?}");
    for case in &all {
        assert!(case.expected.is_some(), "{} has no expected-result file", case.name);
    }
}

#[test]
fn row_parser_reads_case_names() {
    let parsed = rows("| Python | JS | case |\n|---|---|---|\n| `None` | `null` | `to_js_none`, `to_js_nested` |\n");
    assert_eq!(parsed.len(), 1);
    assert_eq!(parsed[0].1, vec!["to_js_none".to_owned(), "to_js_nested".to_owned()]);
}

/// The stub file declares exactly the public names `pyscript/ffi.py` exports, and the
/// facade imports each of them from the modules of `pyscript/_ffi/`.
#[test]
fn ffi_stubs_match_the_module() {
    let root = crate::repo_root();
    let module = std::fs::read_to_string(root.join("python/pyscript/ffi.py")).expect("ffi.py");
    let stubs = std::fs::read_to_string(root.join("python/pyscript/ffi.pyi")).expect("ffi.pyi");
    let start = module.find("__all__ = [").expect("__all__");
    let end = start + module[start..].find(']').expect("end of __all__");
    let exported: BTreeSet<String> = module[start..end]
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect();
    let stubbed: BTreeSet<String> = stubs
        .lines()
        .filter_map(|l| {
            let name = l
                .strip_prefix("def ")
                .or_else(|| l.strip_prefix("class "))
                .map(|rest| rest.split(['(', ':']).next().unwrap_or(""));
            let name = name.or_else(|| l.split_once(": Final").map(|(n, _)| n));
            // Private helper types (`_View`, what bind() returns) are not exports.
            name.filter(|n| !n.starts_with('_')).map(str::to_owned)
        })
        .collect();
    assert_eq!(exported, stubbed, "python/pyscript/ffi.pyi and ffi.py's __all__ differ");
    // ffi.py is a facade: each export is imported from one of the modules of _ffi/.
    let imported: BTreeSet<String> = module
        .lines()
        .filter_map(|l| Some(l.strip_prefix("from ._ffi.")?.split_once(" import ")?.1))
        .flat_map(|names| names.split('#').next().unwrap_or("").split(','))
        .map(|name| name.trim().to_owned())
        .collect();
    let missing: Vec<_> = exported.difference(&imported).collect();
    assert!(
        missing.is_empty(),
        "ffi.py's __all__ names what it does not import: {missing:?}"
    );
}

/// bench/payloads.py is the project's copy of `../shared/bench/payloads.py` (the soak and
/// the bench use it when the shared folder is not beside the checkout): where the shared
/// file is there, the copy must be identical to it.
#[test]
fn bench_payloads_match_the_shared_file() {
    let root = crate::repo_root();
    let copy = std::fs::read_to_string(root.join("bench/payloads.py")).expect("bench/payloads.py");
    assert!(copy.contains("PAYLOADS"), "bench/payloads.py should define PAYLOADS");
    match std::fs::read_to_string(root.join("../shared/bench/payloads.py")) {
        Ok(shared) => assert_eq!(
            copy, shared,
            "bench/payloads.py differs from ../shared/bench/payloads.py: copy the shared file over it"
        ),
        // A checkout with no shared folder beside it has only the copy to run with.
        Err(_) => {
            eprintln!("no ../shared/bench/payloads.py beside this checkout: nothing to compare bench/payloads.py with")
        }
    }
}
