// pyscript.ffi for MicroPython: `await install(mp)`, then `from pyscript import ffi`.
import initWasm, { Bridge, Proxies, python_files } from "./ffi_micropython.js";
import { adopt, checkAutoLifetime, restore } from "./lifetime.js";
import { activationSource, callArguments, commonBridge, loadWasm, makeInstall, makeProxies, PYTHON_ROOT, writePythonFiles } from "./loader.js";

export const install = makeInstall({ adapter: "ffi-micropython", kind: "micropython", setUp });

async function setUp(mp, { lifetime }) {
  await loadWasm(initWasm, new URL("./ffi_micropython_bg.wasm", import.meta.url));
  const M = mp._module;
  // Scratch buffers in MicroPython's heap, kept for the interpreter's lifetime.
  const scratch = M._malloc(12);
  const arrayOut = M._malloc(8);
  const bridge = new Bridge(M, scratch);
  const auto = lifetime === "auto";
  if (auto) checkAutoLifetime(mp);
  // MicroPython keeps a callable's JS proxy alive while it is referenced: hold or drop it.
  // MicroPython turns null into None (undefined into js.undefined, and drops trailing
  // ones), wraps integers to 32 bits, cuts strings at U+0000 and cannot do arithmetic on
  // BigInt: those arguments go through to_py instead.
  let callBoxed = null;
  const needsBox = (arg) => {
    switch (typeof arg) {
      case "number":
        return Object.is(arg, -0) || (Number.isInteger(arg) && (arg < -0x80000000 || arg > 0x7fffffff));
      case "string":
        return arg.includes("\u0000");
      case "bigint":
        return true;
      default:
        return false;
    }
  };
  const proxies = makeProxies(
    Proxies,
    (callable) => callable,
    (callable) => auto && restore(callable, Proxies.is_proxy),
    callArguments(null, needsBox, () => callBoxed),
  );
  const common = commonBridge(proxies);
  mp.registerJsModule("_pyscript_ffi_bridge", {
    ...common,
    set_call_boxed(fn) {
      callBoxed = fn;
    },
    create_proxy(target, objectId, site) {
      const proxy = common.create_proxy(target, objectId, site);
      if (auto) adopt(target, proxy, Proxies.is_proxy);
      return proxy;
    },
    calibrate(samples) {
      M._proxy_c_to_js_get_array(samples._ref, arrayOut);
      return bridge.calibrate(M.getValue(arrayOut + 4, "i32") >>> 0, M.getValue(arrayOut, "i32") >>> 0);
    },
    to_js_stack: (dictConverter) => bridge.to_js_stack(dictConverter ?? undefined),
    js_method_of_top: () => bridge.js_method_of_top(),
    convert_to_py: (value, depth) => bridge.to_py(value, depth),
  });
  writePythonFiles(mp.FS, PYTHON_ROOT, python_files());
  mp.runPython(activationSource(PYTHON_ROOT));
}
