// MicroPython's internals this adapter relies on, per supported release: the one table of
// them (docs/versions.md lists the releases; versions.json, at the repository root, is the
// list the tests load, and a test checks that both name the same ones). Keys are the npm
// package versions of @micropython/micropython-webassembly-pyscript, which is how the
// interpreter names itself in `sys.version` ("MicroPython v1.28.0-6.g974b56afa6 on ..."
// is 1.28.0-6). Every fact is proven at install: a wrong one makes install() fail,
// never a misread (the layout by Calibration::learn in src/heap.rs against samples of
// known content, the exports by install()'s check, the guard's addresses and callers by
// its probes and self-test, js/guard.js).
//
// To add a release: a row here (copy the nearest one, change what moved), a row in
// versions.json and package.json, and run the tests on it (docs/Architecture.md).

// Offsets into MicroPython's objects (REPR_A, 32-bit; after the type pointer at +0), read
// by src/heap.rs. Unchanged from 1.27.0 to 1.29.0-6.
const LAYOUT_1_27 = Object.freeze({
  str_len: 8,
  str_data: 12,
  int_sign_bits: 4,
  int_len: 8,
  int_digits: 12,
  float_value: 8,
  list_len: 8,
  list_items: 12,
  tuple_len: 4,
  tuple_items: 8,
  dict_alloc: 8,
  dict_table: 12,
  set_alloc: 4,
  set_table: 12,
  // mp_obj_array_t: typecode in the low byte, `free` (a memoryview's offset) above.
  array_typecode_free: 4,
  array_len: 8,
  array_items: 12,
  jsproxy_ref: 4,
  // mp_obj_bound_meth_t.meth, then .self.
  bound_meth: 4,
  bound_self: 8,
  // mp_obj_instance_t.subobj[0]: the native base object of a user class instance.
  instance_subobj: 16,
  // mp_obj_type_t.name, a 16-bit qstr index after the base and 16-bit flags.
  type_name: 6,
  type_slot_index_make_new: 8,
  type_slot_index_parent: 18,
  type_slots: 20,
  // MP_OBJ_SENTINEL marks a deleted slot in a dict's or set's hash table.
  map_sentinel: 4,
  // The kinds of MicroPython's conversion records (proxy_c.c PROXY_KIND_MP_*).
  kind_str: 5,
  kind_jsproxy: 9,
});

// MicroPython's JS functions that C code calls to call, construct or read or write an
// attribute of a JS value (ports/webassembly/objjsproxy.c): the guard raises only for them.
const NATIVE_CALLERS_1_27 = Object.freeze([
  "lookup_attr",
  "store_attr",
  "call0",
  "call1",
  "call2",
  "calln",
  "call0_kwarg",
  "calln_kwarg",
  "js_reflect_construct",
]);

// The exports of `mp._module` every supported release has.
const EXPORTS_1_27 = Object.freeze([
  "_malloc",
  "getValue",
  "setValue",
  "UTF8ToString",
  "_proxy_c_to_js_get_iter",
  "_proxy_convert_mp_to_js_obj_cside",
  "_proxy_c_to_js_has_attr",
  "_proxy_c_to_js_lookup_attr",
]);

/**
 * Per release:
 * - `exports`: what install() requires of `mp._module`;
 * - `arrayOf`: the export that gives a list's `[len, items]` (1.29 folded
 *   `_proxy_c_to_js_get_type` / `_get_array` / `_get_dict` into `_get_type_and_data`);
 * - `layout`: object offsets (src/heap.rs);
 * - `externalCallDepth`: the address of main.c's `external_call_depth` in the package's
 *   default `micropython.wasm` (the guard checks it first and scans for it in another
 *   build of the release, such as the package's ulab variant);
 * - `nativeCallers`: the guard's callers (above);
 * - `longjmp`: how its Emscripten throws a longjmp through JS frames: `Infinity`, or the
 *   name of the class it throws an instance of (1.29's newer Emscripten: EmscriptenSjLj).
 */
export const MICROPYTHON_FACTS = Object.freeze({
  "1.27.0": Object.freeze({
    exports: Object.freeze([...EXPORTS_1_27, "_proxy_c_to_js_get_array"]),
    arrayOf: "_proxy_c_to_js_get_array",
    layout: LAYOUT_1_27,
    externalCallDepth: 0x2d708,
    nativeCallers: NATIVE_CALLERS_1_27,
    longjmp: "Infinity",
  }),
  "1.28.0-6": Object.freeze({
    exports: Object.freeze([...EXPORTS_1_27, "_proxy_c_to_js_get_array"]),
    arrayOf: "_proxy_c_to_js_get_array",
    layout: LAYOUT_1_27,
    externalCallDepth: 0x2e0b0,
    nativeCallers: NATIVE_CALLERS_1_27,
    longjmp: "Infinity",
  }),
  "1.29.0-6": Object.freeze({
    exports: Object.freeze([...EXPORTS_1_27, "_proxy_c_to_js_get_type_and_data"]),
    arrayOf: "_proxy_c_to_js_get_type_and_data",
    layout: LAYOUT_1_27,
    externalCallDepth: 0x2e2d8,
    nativeCallers: NATIVE_CALLERS_1_27,
    longjmp: "EmscriptenSjLj",
  }),
});

/**
 * The release `mp` is, as the npm package numbers it, read from `sys.version` (each
 * release writes its `git describe` there: "v1.27.0", "v1.28.0-6.g974b56afa6"); a
 * sentence starting "unknown" when it cannot be read.
 */
export function detectVersion(mp) {
  let text;
  try {
    text = mp.pyimport("sys").version;
  } catch (error) {
    return `unknown (sys.version could not be read: ${String(error?.message ?? error).slice(0, 200)})`;
  }
  const match = typeof text === "string" ? /MicroPython v([0-9][^\s;]*?)(?:\.g[0-9a-f]{6,})?(?:-dirty)?(?: on |$)/.exec(text) : null;
  return match ? match[1] : `unknown (sys.version is ${JSON.stringify(String(text).slice(0, 200))})`;
}
