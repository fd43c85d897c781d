// pyscript.ffi for Pyodide: `await install(pyodide)`, then `from pyscript import ffi`.
import initWasm, * as wasm from "./ffi_pyodide.js";
import { installAutoLifetime } from "./lifetime.js";
import { stackBound } from "./stack.js";
import { activationSource, callArguments, commonBridge, isThenable, loadWasm, makeInstall, makeProxies, PYTHON_ROOT, pythonFiles, writePythonFiles } from "./loader.js";

export const install = makeInstall({
  adapter: "ffi-pyodide",
  kind: "pyodide",
  setUp,
  // What setUp and the bridge use of the interpreter; checked before anything is touched
  // (the lifetime hooks and the stack bound check their own entry points).
  requires: { interpreter: ["FS", "registerJsModule", "runPython", "_module"], module: [] },
});

async function setUp(pyodide, { lifetime, package: pkg }) {
  await loadWasm(initWasm, new URL("./ffi_pyodide_bg.wasm", import.meta.url));
  const { Bridge, Proxies } = wasm;
  const bridge = new Bridge();
  const calls = callArguments(wasm.view_carry, wasm.limits());
  // A borrowed argument proxy dies when the call returns: copy() makes one that lasts.
  const proxies = makeProxies(Proxies, (proxy) => proxy.copy(), (proxy) => proxy.destroy(), calls);
  const auto = lifetime === "auto" ? installAutoLifetime(pyodide, proxies, Proxies.is_proxy) : null;
  // Bridge arguments the bridge does not keep; in "manual", Pyodide destroys them itself.
  // When a call returns a thenable (a proxy of a Python awaitable, say), Pyodide keeps the
  // call's argument proxies for the garbage collector instead, and reads each of them
  // then: those must stay alive (destroying one first is a fatal error of Pyodide's).
  const done = (proxy) => auto?.releaseArgument(proxy);
  const returning = (result, ...borrowed) => {
    if (!isThenable(result)) for (const proxy of borrowed) done(proxy);
    return result;
  };
  const bound = stackBound(pyodide);
  const common = commonBridge(proxies, wasm, { holdsThenables: true });
  pyodide.registerJsModule("_pyscript_ffi_bridge", {
    ...common,
    create_proxy(target, objectId, site, typeName) {
      // The ledger keeps a copy of the argument (or the proxy already alive for it).
      return returning(common.create_proxy(target, objectId, site, typeName), target);
    },
    set_call_viewed: calls.setCallViewed,
    set_object_protocol: calls.setObjectProtocol,
    to_js_pickle(buffer, refs, dictConverter) {
      // PyScript's experimental_create_proxy = "auto" converts what Python passes to JS
      // functions: the pickle may come as bytes already (a Uint8Array) and the refs as a
      // JS Array, instead of Pyodide's buffer and list proxies.
      if (typeof buffer?.getBuffer !== "function") {
        const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer.buffer ?? buffer);
        return bridge.to_js_pickle(bytes, Array.isArray(refs) ? refs : Array.from(refs), dictConverter ?? undefined);
      }
      const view = buffer.getBuffer("u8");
      let result;
      try {
        const jsRefs = [];
        for (let i = 0; i < refs.length; i++) jsRefs.push(refs.get(i));
        result = bridge.to_js_pickle(view.data, jsRefs, dictConverter ?? undefined);
      } finally {
        view.release();
      }
      return returning(result, buffer, refs);
    },
    too_deep: () => bridge.too_deep(),
    stack_bound_enter: bound.enter,
    stack_bound_exit: bound.exit,
    convert_to_py: (value, depth) => bridge.to_py(value, depth),
  });
  writePythonFiles(pyodide.FS, PYTHON_ROOT, pythonFiles(wasm.python_files(), pkg));
  pyodide.runPython(activationSource(PYTHON_ROOT, pkg));
}
