// pyscript.ffi for Pyodide: `await install(pyodide)`, then `from pyscript import ffi`.
import * as wasm from "./ffi_pyodide.js";
import { installAutoLifetime } from "./lifetime.js";
import { stackBound } from "./stack.js";
import { activationSource, callArguments, commonBridge, isThenable, loadWasm, makeInstall, makeProxies, PRIVATE_PACKAGE, PYTHON_ROOT, pythonFiles, writePythonFiles } from "./loader.js";
import { detectVersion, PYODIDE_FACTS } from "./versions.js";

export const install = makeInstall({
  adapter: "ffi-pyodide",
  kind: "pyodide",
  setUp,
  // What setUp and the bridge use of the interpreter; checked before anything is touched
  // (the lifetime hooks and the stack bound check the entry points of the release's facts).
  requires: { interpreter: ["FS", "registerJsModule", "runPython", "_module", "globals"], module: [] },
  detect: detectVersion,
  facts: PYODIDE_FACTS,
  factRequires: () => [],
});

async function setUp(pyodide, { lifetime, package: pkg, facts }) {
  await loadWasm(wasm, new URL("./ffi_pyodide_bg.wasm", import.meta.url));
  const { Bridge, Proxies } = wasm;
  const bridge = new Bridge();
  const calls = callArguments(wasm.view_carry, wasm.limits());
  // A borrowed argument proxy dies when the call returns: copy() makes one that lasts.
  const proxies = makeProxies(Proxies, (proxy) => proxy.copy(), (proxy) => proxy.destroy(), calls);
  const auto = lifetime === "auto" ? installAutoLifetime(pyodide, proxies, Proxies.is_proxy, facts) : null;
  // Bridge arguments the bridge does not keep; in "manual", Pyodide destroys them itself.
  // When a call returns a thenable (a proxy of a Python awaitable, say), Pyodide keeps the
  // call's argument proxies for the garbage collector instead, and reads each of them
  // then: those must stay alive (destroying one first is a fatal error of Pyodide's).
  const done = (proxy) => auto?.releaseArgument(proxy);
  const returning = (result, ...borrowed) => {
    if (!isThenable(result)) for (const proxy of borrowed) done(proxy);
    return result;
  };
  const bound = stackBound(pyodide, facts.stackExports);
  const common = commonBridge(proxies, wasm, { holdsThenables: true });
  pyodide.registerJsModule("_pyscript_ffi_bridge", {
    ...common,
    // A JS Error with this name and message, for a thrown value that is not one.
    make_error: (name, message) => Object.assign(new Error(message), { name }),
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
  selfTest(pyodide, pkg, auto !== null);
}

// What the self-test converts, and what it must give: one value of each kind the pickle
// stream carries differently (src/pickle.rs), and shared and nested containers.
const SAMPLE = `[1, -2**70, -0.5, "\\u00e9\\u0000", b"xy", {"k": (None, True)}, {3}, [_s, _s]]`;

function sampleHolds(value) {
  const [one, big, half, text, bytes, dict, set, shared] = Array.isArray(value) ? value : [];
  return (
    value.length === 8 &&
    one === 1 &&
    big === -(2n ** 70n) &&
    half === -0.5 &&
    text === "\u00e9\u0000" &&
    bytes instanceof Uint8Array &&
    bytes.length === 2 &&
    bytes[0] === 0x78 &&
    bytes[1] === 0x79 &&
    Object.getPrototypeOf(dict) === Object.prototype &&
    JSON.stringify(dict) === '{"k":[null,true]}' &&
    set instanceof Set &&
    set.size === 1 &&
    set.has(3) &&
    Array.isArray(shared) &&
    shared[0] === shared[1] &&
    Array.isArray(shared[0]) &&
    shared[0].length === 0
  );
}

/**
 * Proves the facts install() used (versions.js) on this interpreter: a sample converts
 * exactly (the pickle stream is the one src/pickle.rs reads), and with lifetime "auto" a
 * Python callable that JavaScript keeps outlives the call that handed it over (the
 * borrowed-proxy message is the one lifetime.js knows). Throws an Error naming what failed.
 */
function selfTest(pyodide, pkg, auto) {
  const module = pkg === "private" ? `${PRIVATE_PACKAGE}.ffi` : "pyscript.ffi";
  const namespace = pyodide.globals.get("dict")();
  const box = { keep: (f) => void (box.kept = f) };
  try {
    namespace.set("box", box);
    pyodide.runPython(
      `import ${module} as _ffi\n_s = []\nbox.keep(lambda: 42)\nbox.value = _ffi.to_js(${SAMPLE})`,
      { globals: namespace },
    );
  } finally {
    namespace.destroy();
  }
  if (!sampleHolds(box.value)) {
    throw new Error(`ffi-pyodide install(): self-test failed: a sample value did not convert exactly (the pickle stream is not the one this adapter reads)`);
  }
  if (auto) {
    let result;
    try {
      result = box.kept();
    } catch (error) {
      throw new Error(
        `ffi-pyodide install(): self-test failed: a Python callable kept by JavaScript did not outlive its call ` +
          `(lifetime "auto"; ${String(error?.message ?? error).slice(0, 200)})`,
      );
    } finally {
      box.kept?.destroy?.();
    }
    if (result !== 42) throw new Error(`ffi-pyodide install(): self-test failed: a kept Python callable returned ${String(result)}, not 42`);
  }
}
