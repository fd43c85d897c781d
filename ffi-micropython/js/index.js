// pyscript.ffi for MicroPython: `await install(mp)`, then `from pyscript import ffi`.
import * as wasm from "./ffi_micropython.js";
import { checkOwnTables, installGuard, unwrap } from "./guard.js";
import { adopt, checkAutoLifetime, restore } from "./lifetime.js";
import { activationSource, callArguments, commonBridge, loadWasm, makeInstall, makeProxies, PYTHON_ROOT, pythonFiles, writePythonFiles } from "./loader.js";
import { detectVersion, MICROPYTHON_FACTS } from "./versions.js";

export const install = makeInstall({
  adapter: "ffi-micropython",
  kind: "micropython",
  setUp,
  // What every release has that install() uses (the version is read through pyimport),
  // then what the release's facts use; checked before anything is touched.
  requires: { interpreter: ["FS", "registerJsModule", "runPython", "pyimport"], module: ["_malloc", "getValue", "setValue", "UTF8ToString"] },
  precheck: checkOwnTables,
  detect: detectVersion,
  facts: MICROPYTHON_FACTS,
  factRequires: (facts) => facts.exports,
});

async function setUp(mp, { lifetime, package: pkg, facts, version }) {
  await loadWasm(wasm, new URL("./ffi_micropython_bg.wasm", import.meta.url));
  const { Bridge, Proxies, crosses_safely } = wasm;
  const M = mp._module;
  // Scratch buffers in MicroPython's heap, kept for the interpreter's lifetime.
  const scratch = M._malloc(12);
  const arrayOut = M._malloc(8);
  const bridge = new Bridge(M, scratch, unwrap, facts.layout, `MicroPython ${version}`);
  const auto = lifetime === "auto";
  if (auto) checkAutoLifetime(mp);
  const calls = callArguments(wasm.view_carry, wasm.limits());
  // MicroPython keeps a callable's JS proxy alive while it is referenced: hold or drop it.
  const proxies = makeProxies(
    Proxies,
    (callable) => callable,
    (callable) => auto && restore(callable, Proxies.is_proxy),
    calls,
  );
  const common = commonBridge(proxies, wasm);
  // JS errors in calls from Python become catchable (guard.js); ffi's proxies stay as they are.
  // The wire form of a JS error, remembered for take_error.
  const errorWire = (error) => wasm.view_raised(error);
  const guard = installGuard(M, facts, Proxies.is_proxy, errorWire, crosses_safely);
  // A destroyed proxy used from Python raises there.
  calls.setFail(guard.raise);
  mp.registerJsModule("_pyscript_ffi_bridge", {
    ...common,
    ...guard.bridge,
    set_call_viewed: calls.setCallViewed,
    set_object_protocol: calls.setObjectProtocol,
    create_proxy(target, objectId, site, typeName) {
      const proxy = common.create_proxy(target, objectId, site, typeName);
      if (auto) adopt(target, proxy, Proxies.is_proxy);
      return proxy;
    },
    calibrate(samples) {
      // `[len, items]` of the samples list (both exports write it so).
      M[facts.arrayOf](samples._ref, arrayOut);
      return bridge.calibrate(M.getValue(arrayOut + 4, "i32") >>> 0, M.getValue(arrayOut, "i32") >>> 0);
    },
    to_js_stack: (dictConverter) => bridge.to_js_stack(dictConverter ?? undefined),
    js_method_of_top: () => bridge.js_method_of_top(),
    holes_of_stack: () => bridge.holes_of_stack(),
    convert_to_py: (value, depth) => bridge.to_py(value, depth),
  });
  // Compiled modules (.mpy v6.3, build.rs): a release that cannot load them says so here.
  writePythonFiles(mp.FS, PYTHON_ROOT, pythonFiles(wasm.python_files(), pkg));
  try {
    mp.runPython(activationSource(PYTHON_ROOT, pkg));
  } catch (error) {
    if (!/incompatible \.mpy/.test(String(error?.message))) throw error;
    throw new Error(
      `ffi-micropython install(): MicroPython ${version} cannot load this adapter's compiled Python ` +
        `(.mpy v6.3, from mpy-cross 1.27): ${String(error.message).trim().split("\n").at(-1)}; ` +
        "use a supported release (docs/versions.md) or build the adapter with this release's mpy-cross",
    );
  }
}
