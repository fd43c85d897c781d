# A wasm-bindgen class from a Rust crate (examples/textstats, docs/rust-crates.md), used
# through ffi.bind: Class.new(**options) (keyword arguments as one trailing object),
# methods taking Python dicts and returning Python values (dicts, lists, exact 64-bit
# ints), a getter, free().
import textstats

from pyscript import ffi

stats = ffi.bind(textstats)
engine = stats.TextStats.new(lowercase=True, min_length=3, stop_words=["the"])
first = engine.add({"title": "one", "text": "The cat sat on the mat with the other cat"})
record("add_returns_a_dict", first)
record("checksum_is_an_exact_int", [type(first["checksum"]).__name__, first["checksum"] > 2**53])
engine.add({"title": "two", "text": "A cat and a dog"})
record("getter", engine.documents)
record("top_words", engine.top_words(2))
record("counts", engine.counts())
plain = stats.TextStats.new()
record("no_options_is_defaults", plain.add({"title": "t", "text": "A b"})["words"])
record("to_js_of_a_bound_value_is_the_js_value", js("(v) => typeof v.add")(ffi.to_js(engine)))
engine.free()
plain.free()
