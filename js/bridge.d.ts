// The seam between the Python shim and the JS glue: the functions each adapter registers
// as the Python module `_pyscript_ffi_bridge` (ffi-*/js/index.js; the shared ones are
// js/loader.js commonBridge). Declared once here; js/tests/bridge.test.mjs fails when an
// adapter registers a name not declared for it, misses one, or when the Python files call
// `_bridge.NAME` that their adapter does not declare. Values are the interpreter's own JS
// values (PyProxy / MicroPython proxies); results a conversion can fail in come in the
// wire form (ffi-core/src/unstable/wire.rs).

/** A JS value as the bridge receives or returns it. */
type Js = unknown;
/** A result or an error string in the wire form (ffi-core/src/unstable/wire.rs). */
type Wire = unknown;

/** What every adapter registers. */
export interface CommonBridge {
  converter_error: (message: string) => Wire;
  /** ffi-core's shared limits (`max_nesting`, `max_converter_chain`, …). */
  limits: Record<string, number>;
  globalThis: typeof globalThis;
  construct(cls: Js, args: Js[]): Wire;
  create_proxy(target: Js, objectId: number, site: string | null, typeName: string): Js;
  proxy_sites(): Js;
  destroy_proxy(given: Js): Wire;
  scope_enter(): number;
  scope_exit(id: number, kept: Js): Wire;
  proxy_serial(): number;
  release_created_since(mark: number, created: Js): void;
  push_created_since(mark: number, handedOut: Js, into: Js[]): void;
  is_array(given: Js): boolean;
  is_function(given: Js): boolean;
  stats(): Js;
  assign(target: Js, source: Js): Wire;
  /** A converter that unboxes a dict converter's one-item result. */
  unboxing(converter: Js): (pairs: Js) => Js;
  /** The error JavaScript threw last, kept for the shim. */
  take_error(): Js;
  // Views (python/pyscript/_ffi/views.py _View; the operations are ffi-core/src/unstable/view/ops.rs).
  /** `[ABSENT, OUT_OF_RANGE, DONE, HELD, TEXT, UNITS, DECIMAL, BITS]` (ffi-core's view markers and wire marks). */
  view_markers: string[];
  /** Where a thenable result waits (Pyodide would turn it into a Future). */
  held: { value: Js };
  view_get(target: Js, key: Js): Wire;
  view_set(target: Js, key: Js, given: Js, boxed: boolean): Wire;
  view_delete(target: Js, key: Js): Wire;
  view_call_plain(target: Js, thisArg: Js, ...args: Js[]): Wire;
  view_call(target: Js, thisArg: Js, args: Js[]): Wire;
  view_new_plain(target: Js, ...args: Js[]): Wire;
  view_new(target: Js, args: Js[]): Wire;
  view_item(target: Js, key: Js, boxed: boolean): Wire;
  view_set_item(target: Js, key: Js, keyBoxed: boolean, given: Js, boxed: boolean): Wire;
  view_delete_item(target: Js, key: Js, boxed: boolean): Wire;
  view_contains(target: Js, item: Js, boxed: boolean): Wire;
  view_slice(target: Js, start: number, stop: number, step: number): Wire;
  view_length(target: Js): Wire;
  view_truthy(target: Js): Wire;
  view_iter(target: Js): Wire;
  view_next(iterator: Js): Wire;
  view_bytes(target: Js): Wire;
  view_string(target: Js): Wire;
  view_thenable(target: Js): Wire;
  view_identity(target: Js): Wire;
  view_describe(target: Js): string;
  view_settle(thenable: Js): Promise<Js[]>;
  /** The shim's callback for calls of viewed values (lifetime "auto"). */
  set_call_viewed(callback: Js): void;
  set_object_protocol(attribute: Js, callAttribute: Js): void;
  convert_to_py(value: Js, depth: number): Wire;
}

/** ffi-pyodide's own (ffi-pyodide/js/index.js). */
export interface PyodideBridge extends CommonBridge {
  /** A JS Error with this name and message, for a thrown value that is not one. */
  make_error(name: string, message: string): Error;
  to_js_pickle(buffer: Js, refs: Js, dictConverter: Js): Wire;
  too_deep(): Wire;
  stack_bound_enter(): Wire;
  stack_bound_exit(): void;
}

/** ffi-micropython's own (ffi-micropython/js/index.js and js/guard.js). */
export interface MicroPythonBridge extends CommonBridge {
  calibrate(samples: Js): Wire;
  to_js_stack(dictConverter: Js): Wire;
  js_method_of_top(): Js;
  holes_of_stack(): Js;
  guard_arm(raiser: Js): Wire;
  guard_probe(depth: number): Wire;
  guard_nest(callable: Js): Js;
  guard_error(): Js;
  guard_selftest(): Wire;
  guard_iterate(iterable: Js): Wire;
}
