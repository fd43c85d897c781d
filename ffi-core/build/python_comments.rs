//! Comment lines out of the Python the Pyodide adapter ships (included by the build scripts
//! of ffi-core and ffi-pyodide): each line that holds only a comment becomes an empty line,
//! so that tracebacks keep their line numbers; docstrings stay (`help()` reads them).
//! MicroPython's modules are compiled by mpy-cross, which drops comments itself.

/// Where a line starts: in code, or inside a string still open (its quote, and whether the
/// quote is tripled).
type Open = Option<(char, bool)>;

/// `source` with every line that holds only a comment emptied (its newline kept).
pub fn strip_comment_lines(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut open: Open = None;
    for line in source.split_inclusive('\n') {
        if open.is_none() && line.trim_start().starts_with('#') {
            if line.ends_with('\n') {
                out.push('\n');
            }
            continue;
        }
        open = string_open_after(line, open);
        out.push_str(line);
    }
    out
}

/// The string still open at the end of `line`, given the one open at its start.
pub fn string_open_after(line: &str, mut open: Open) -> Open {
    let chars: Vec<char> = line.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let mut i = 0;
    while let Some(c) = at(i) {
        match open {
            Some((quote, triple)) => {
                if c == '\\' {
                    // An escaped character never ends a string (raw strings included).
                    i += 2;
                    continue;
                }
                if c == quote && !triple {
                    open = None;
                } else if c == quote && at(i + 1) == Some(quote) && at(i + 2) == Some(quote) {
                    open = None;
                    i += 3;
                    continue;
                }
            }
            None if c == '#' => return None,
            None if c == '"' || c == '\'' => {
                let triple = at(i + 1) == Some(c) && at(i + 2) == Some(c);
                open = Some((c, triple));
                i += if triple { 3 } else { 1 };
                continue;
            }
            None => {}
        }
        i += 1;
    }
    // A string in single quotes ends with its line, unless a backslash continues it.
    match open {
        Some((_, false)) if !line.ends_with("\\\n") => None,
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_lines_become_empty_lines() {
        let source = "# top\nx = 1  # kept: code before it\n    # indented\ny = '#'\n#last";
        assert_eq!(
            strip_comment_lines(source),
            "\nx = 1  # kept: code before it\n\ny = '#'\n"
        );
    }

    #[test]
    fn strings_keep_their_lines() {
        let source = concat!(
            "def f():\n",
            "    \"\"\"Doc\n",
            "    # not a comment: inside the docstring\n",
            "    \"\"\"\n",
            "s = '''a \"\"\" b\n",
            "# still inside\n",
            "'''\n",
            "t = \"a\\\"b\" \"c\\\\\"\n",
            "# a comment\n",
            "u = r\"x\\\"\"\n",
            "# another\n",
            "v = \"\"\"one\"\"\"; w = \"\"\n",
            "# third\n",
        );
        let expected = source
            .replace("# a comment\n", "\n")
            .replace("# another\n", "\n")
            .replace("# third\n", "\n");
        assert_eq!(strip_comment_lines(source), expected);
    }

    #[test]
    fn a_backslash_continues_a_single_quoted_string() {
        let source = "s = 'a\\\n# inside\nb'\n# outside\n";
        assert_eq!(strip_comment_lines(source), "s = 'a\\\n# inside\nb'\n\n");
    }
}
