// Lifetime on MicroPython. MicroPython 1.27 already keeps a Python object handed to
// JavaScript alive while JavaScript holds its proxy (its own FinalizationRegistry) and
// hands out the same proxy while that one is alive (its `proxy_js_map`, keyed by the
// object's reference number). With lifetime "auto", a proxy made by ffi.create_proxy
// becomes that entry for its object, so an implicit crossing of the same object (`f`
// passed to addEventListener) is `===` to `create_proxy(f)`; when ffi releases its proxy,
// MicroPython's own proxy takes the entry back and MicroPython releases it as usual.

/** MicroPython's map from a Python object's reference number to its live JS proxy. */
function proxyMap() {
  const map = globalThis.proxy_js_map;
  return map instanceof Map ? map : undefined;
}

/** The reference number of MicroPython's own proxy for a Python object. */
function referenceOf(target) {
  const kind = typeof target;
  // Its proxies answer `_ref` without a Python lookup.
  const isProxy = kind === "function" || (kind === "object" && target !== null);
  return isProxy && Number.isInteger(target._ref) ? target._ref : undefined;
}

/**
 * Checks that this MicroPython keeps the map the "auto" identity relies on; throws a
 * clear Error otherwise.
 */
export function checkAutoLifetime(mp) {
  if (proxyMap() === undefined) {
    throw new Error(
      `ffi-micropython install(): this MicroPython (${mp.version ?? "unknown version"}) has no proxy_js_map, which ` +
        `lifetime "auto" needs; use a supported MicroPython (see docs/lifetime.md) or install(mp, { lifetime: "manual" })`,
    );
  }
}

/** After create_proxy: make `proxy` what MicroPython hands out for `target`'s object. */
export function adopt(target, proxy, isProxy) {
  const ref = referenceOf(target);
  const map = proxyMap();
  if (ref !== undefined && map !== undefined && proxy !== target && isProxy(proxy)) {
    map.set(ref, new WeakRef(proxy));
  }
}

/**
 * When ffi releases its proxy for `target`: give MicroPython's own proxy its entry back
 * (unless MicroPython already made another one for the object), so MicroPython's
 * finalizer finds the map as it left it.
 */
export function restore(target, isProxy) {
  const ref = referenceOf(target);
  const map = proxyMap();
  if (ref === undefined || map === undefined) return;
  const current = map.get(ref)?.deref();
  if (current === undefined || isProxy(current)) map.set(ref, new WeakRef(target));
}
