# Strings keep every code point, including U+0000 and characters outside the BMP.
from pyscript import ffi

record("strings", ffi.to_js(["", "ascii", "naïve", "Ωmega", "日本語テキスト", "emoji \U0001F600", "a\x00b"]))
record("long", ffi.to_js(["x" * 5000]))
record("top_level", ffi.to_js("returned as is"))
