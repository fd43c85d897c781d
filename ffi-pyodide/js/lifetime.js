// Automatic lifetime on Pyodide (`lifetime: "auto"`, the default). Pyodide hands a Python
// object to JavaScript as a "borrowed" PyProxy and destroys it when the call returns, so a
// callback given to setTimeout, addEventListener or Promise.then dies before it runs. Two
// entry points of the interpreter's own Module (not built-ins, not globals; looked up by
// Pyodide at call time) are wrapped, for this interpreter only, plus two helpers that
// must treat ffi's proxies as nothing to register or destroy:
//
// - `pyproxy_destroy` with a borrowed-proxy message: the proxy is handed to Pyodide's
//   FinalizationRegistry instead (what Pyodide itself does when a call returns a Promise),
//   so it lives while JavaScript can reach it and is released when JavaScript drops it.
// - `pyproxy_new` for a plain conversion: the proxy already alive for that Python object
//   (ffi's own proxy if `create_proxy` or `to_js` made one, else the last implicit one), so the
//   same object is the same JS value every time it crosses: removeEventListener works.
//
// - `pyproxy_new` for a view (ffi's `_View`, docs/views.md): the JS value it wraps, so that
//   a view handed to `import js`, to `pyodide.ffi` or to any code that is not ffi's
//   arrives as the JS object itself.
//
// Explicit `destroy()` calls, and PyProxies with options (captureThis, roundtrip, JSON
// adaptors, copies), go to Pyodide unchanged.

/**
 * Install the hooks on `pyodide._module`; `proxies` is the ledger (ffi's own proxies),
 * `isProxy(value)` tells them apart; `facts` is the release's row of versions.js (the
 * hooked entry points, the borrowed-proxy message). Throws if this Pyodide lacks the entry
 * points, rather than silently leaving callbacks borrowed.
 */
export function installAutoLifetime(pyodide, proxies, isProxy, facts) {
  const M = pyodide._module;
  const BORROWED = facts.borrowed;
  const missing = facts.lifetimeHooks.filter((name) => typeof M?.[name] !== "function");
  if (missing.length > 0) {
    throw new Error(
      `ffi-pyodide install(): this Pyodide (${pyodide.version}) lacks ${missing.join(", ")}, which lifetime "auto" ` +
        `needs; use a supported Pyodide (docs/versions.md) or install(pyodide, { lifetime: "manual" })`,
    );
  }
  const { pyproxy_new: newProxy, pyproxy_destroy: destroyProxy, PyProxy_getAttrs: getAttrs } = M;
  const { PyProxy_getAttrsQuiet: getAttrsQuiet, gc_register_proxy: gcRegister } = M;
  // Python object address -> the last implicit PyProxy for it (weakly: JS decides).
  const implicit = new Map();
  const forget = new FinalizationRegistry((ptr) => {
    if (implicit.get(ptr)?.deref() === undefined) implicit.delete(ptr);
  });
  // What Pyodide's own helpers see for an ffi proxy they find among a call's arguments:
  // nothing to register, nothing to destroy.
  const inert = { shared: { ptr: 0, gcRegistered: true }, props: {} };
  // JS values handed out in place of a view's PyProxy: nothing of Pyodide's to destroy.
  const viewTargets = new WeakSet();
  const isInert = (value) => isProxy(value) || viewTargets.has(value);

  M.pyproxy_new = function (ptr, options) {
    // Conversions (call arguments, attribute writes, results) pass options; a bare call is
    // a temporary Pyodide destroys right away (its default_converter and eager_converter
    // contexts): those must stay private, or destroying them would end the shared proxy.
    const plain =
      options !== undefined &&
      !options.shared &&
      !options.jsonAdaptor &&
      !options.props?.captureThis &&
      !options.props?.roundtrip;
    if (!plain) return newProxy.call(this, ptr, options);
    const own = proxies.existing(ptr);
    if (own !== undefined) return own;
    const last = implicit.get(ptr)?.deref();
    if (last !== undefined && getAttrsQuiet(last).shared.ptr === ptr) return last;
    const fresh = newProxy.call(this, ptr, options);
    if (fresh.type === "_View") {
      const target = fresh._js;
      destroyProxy.call(this, fresh, undefined, false);
      if (target !== null && (typeof target === "object" || typeof target === "function")) viewTargets.add(target);
      return target;
    }
    implicit.set(ptr, new WeakRef(fresh));
    forget.register(fresh, ptr);
    return fresh;
  };
  M.pyproxy_destroy = function (proxy, message, destroyRoundtrip) {
    if (isInert(proxy)) return undefined;
    if (typeof message === "string" && message.startsWith(BORROWED)) {
      const { shared } = getAttrsQuiet(proxy);
      if (shared.ptr && !shared.gcRegistered) gcRegister(shared);
      return undefined;
    }
    return destroyProxy.call(this, proxy, message, destroyRoundtrip);
  };
  M.PyProxy_getAttrs = (proxy) => (isInert(proxy) ? inert : getAttrs(proxy));
  M.gc_register_proxy = (shared) => (shared === inert.shared ? undefined : gcRegister(shared));
  return {
    /**
     * A borrowed argument of a bridge function that the bridge does not keep (it took a
     * copy, or only read it): destroyed now, unless JavaScript already holds it (an
     * implicit proxy handed out earlier is registered for GC). Otherwise the hook above
     * would keep it, and the Python object, alive until a JS garbage collection.
     */
    releaseArgument(proxy) {
      // ffi's own proxy (what the hook hands out for an object that has one) stays.
      if (isInert(proxy)) return;
      const shared = getAttrsQuiet(proxy)?.shared;
      if (shared?.ptr && !shared.gcRegistered) destroyProxy.call(M, proxy, undefined, false);
    },
  };
}
