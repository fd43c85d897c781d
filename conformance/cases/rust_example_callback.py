# A Rust crate keeps a Python callable (ffi_core::PyCallback) and calls it with typed
# arguments: add_many(docs, progress) calls progress(done, total) after each document and
# stops when it returns False; the proxy the call made is released with the call's scope.
import textstats

from pyscript import ffi

stats = ffi.bind(textstats)
engine = stats.TextStats.new()
docs = [{"title": str(i), "text": "word " * i} for i in range(1, 5)]
seen = []


def progress(done, total):
    seen.append([done, total])


live = ffi.stats()["live"]
with ffi.scope():
    record("added", engine.add_many(docs, progress))
record("progress_calls", seen)
record("released_after_scope", ffi.stats()["live"] - live)


def stop_after_two(done, total):
    return done < 2


with ffi.scope():
    record("stopped_early", engine.add_many(docs, stop_after_two))
record("no_callback", engine.add_many(docs[:1], None))
record("documents", engine.documents)
engine.free()
