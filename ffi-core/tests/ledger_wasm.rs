//! The proxy ledger with an injected registry: the finalizer path runs when the test
//! says so, not when a GC happens to (`make wasm-test`; real GC is `make gc-check`).
#![cfg(all(target_arch = "wasm32", feature = "bridge"))]
// clippy's allow-*-in-tests does not recognise #[wasm_bindgen_test]; this is test code.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use ffi_core::unstable::proxy::glue::Proxies;
use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

struct Fixture {
    proxies: Proxies,
    registry: JsValue,
    released: js_sys::Array,
}

fn fixture() -> Fixture {
    let registry = js_sys::eval(
        "({ held: new Map(), register(target, handle, token) { this.held.set(token, handle); }, \
           unregister(token) { this.held.delete(token); } })",
    )
    .expect("registry");
    let released = js_sys::Array::new();
    let release: Function = js_sys::eval("(released) => (target) => released.push(target)")
        .expect("js")
        .unchecked_into::<Function>()
        .call1(&JsValue::UNDEFINED, &released)
        .expect("closure")
        .unchecked_into();
    let persist: Function = js_sys::eval("(target) => target").expect("js").unchecked_into();
    let on_destroy: Function = js_sys::eval("() => {}").expect("js").unchecked_into();
    // The adapters' `calls` (js/loader.js callArguments), over a plain JS object standing
    // in for the interpreter's proxy; `attribute` answers as _ffi/callbacks.py's _attribute does.
    let calls = js_sys::eval(
        "({ invoke: (target, args) => target(...args), fail(error) { throw error; }, \
            method: (target, key, args) => target[key](...args), \
            attribute(target, op, key, boxed) { \
              switch (op) { \
                case 0: return !(key in target) ? [] : typeof target[key] === 'function' ? [null, true] : [target[key]]; \
                case 1: target[key] = boxed[0]; return true; \
                case 2: return key in target; \
                case 3: return delete target[key]; \
                case 4: return Object.keys(target); \
                default: return String(target); \
              } } })",
    )
    .expect("js");
    Fixture {
        proxies: Proxies::new(registry.clone(), on_destroy, persist, release, calls),
        registry,
        released,
    }
}

fn stat(proxies: &Proxies, name: &str) -> f64 {
    Reflect::get(&proxies.stats(), &JsValue::from_str(name))
        .unwrap()
        .as_f64()
        .unwrap()
}

fn target() -> JsValue {
    js_sys::eval("(a, b) => a + b").unwrap()
}

fn held_handles(registry: &JsValue) -> Vec<f64> {
    let held = Reflect::get(registry, &"held".into()).unwrap();
    let values = Reflect::get(&held, &"values".into())
        .unwrap()
        .unchecked_into::<Function>()
        .call0(&held)
        .unwrap();
    js_sys::Array::from(&values).iter().filter_map(|v| v.as_f64()).collect()
}

#[wasm_bindgen_test]
fn a_proxy_forwards_calls_and_is_registered() {
    let f = fixture();
    let proxy: Function = f
        .proxies
        .create(target(), 1.0, None, "function".into())
        .unchecked_into();
    assert_eq!(
        proxy.call2(&JsValue::UNDEFINED, &2.into(), &3.into()).unwrap().as_f64(),
        Some(5.0)
    );
    assert_eq!(held_handles(&f.registry).len(), 1);
    assert_eq!(stat(&f.proxies, "live"), 1.0);
}

#[wasm_bindgen_test]
fn the_same_object_gets_the_same_proxy() {
    let f = fixture();
    let a = f.proxies.create(target(), 7.0, None, "function".into());
    let b = f.proxies.create(target(), 7.0, None, "function".into());
    assert!(js_sys::Object::is(&a, &b));
    assert_eq!(stat(&f.proxies, "created"), 1.0);
}

#[wasm_bindgen_test]
fn existing_finds_the_live_proxy_only() {
    let f = fixture();
    assert!(f.proxies.existing(7.0).is_undefined());
    let a = f.proxies.create(target(), 7.0, None, "function".into());
    assert!(js_sys::Object::is(&f.proxies.existing(7.0), &a));
    assert!(Proxies::is_proxy(&a));
    assert!(!Proxies::is_proxy(&target()));
    f.proxies.destroy_value(a.clone());
    assert!(f.proxies.existing(7.0).is_undefined());
    // A destroyed proxy is still one of ours: the Pyodide hooks must leave it alone.
    assert!(Proxies::is_proxy(&a));
}

#[wasm_bindgen_test]
fn sites_list_live_traced_proxies_oldest_first() {
    let f = fixture();
    let _untraced = f.proxies.create(target(), 1.0, None, "function".into());
    let first = f
        .proxies
        .create(target(), 2.0, Some("first at a.py:1".into()), "function".into());
    let _second = f
        .proxies
        .create(target(), 3.0, Some("second at a.py:2".into()), "function".into());
    // Reusing a live proxy keeps the site of its creation.
    let _again = f
        .proxies
        .create(target(), 2.0, Some("elsewhere".into()), "function".into());
    let sites: Vec<String> = f.proxies.sites().iter().filter_map(|s| s.as_string()).collect();
    assert_eq!(sites, ["first at a.py:1", "second at a.py:2"]);
    f.proxies.destroy_value(first);
    let sites: Vec<String> = f.proxies.sites().iter().filter_map(|s| s.as_string()).collect();
    assert_eq!(sites, ["second at a.py:2"]);
}

#[wasm_bindgen_test]
fn a_non_callable_target_gets_an_object_proxy_that_forwards_until_destroyed() {
    let f = fixture();
    let target = js_sys::eval("({ x: 3, twice(n) { return 2 * n; } })").unwrap();
    let proxy = f.proxies.create(target.clone(), 5.0, None, "function".into());
    assert!(proxy.is_object() && !proxy.is_function());
    let read = js_sys::eval("(p) => [p.x, p.twice(4), 'x' in p, typeof p.destroy]")
        .unwrap()
        .unchecked_into::<Function>()
        .call1(&JsValue::UNDEFINED, &proxy)
        .unwrap();
    assert_eq!(js_sys::JSON::stringify(&read).unwrap(), "[3,8,true,\"function\"]");
    assert!(js_sys::Object::is(
        &ffi_core::unstable::proxy::ledger::Ledger::target_of(&proxy).unwrap(),
        &target
    ));
    f.proxies.destroy_value(proxy.clone());
    assert!(ffi_core::unstable::proxy::ledger::Ledger::target_of(&proxy).is_none());
    let after = js_sys::eval("(p) => { try { return p.x; } catch (e) { return e.name; } }")
        .unwrap()
        .unchecked_into::<Function>()
        .call1(&JsValue::UNDEFINED, &proxy)
        .unwrap();
    assert_eq!(after.as_string().as_deref(), Some("ProxyDestroyedError"));
}

#[wasm_bindgen_test]
fn finalization_releases_once_and_calls_then_throw() {
    let f = fixture();
    let proxy: Function = f
        .proxies
        .create(target(), 1.0, None, "function".into())
        .unchecked_into();
    let handle = held_handles(&f.registry)[0];
    f.proxies.finalized(handle); // what the FinalizationRegistry would do
    f.proxies.finalized(handle); // a second report is a no-op
    f.proxies.destroy(handle); // and so is a destroy after it
    assert_eq!(
        (
            stat(&f.proxies, "live"),
            stat(&f.proxies, "finalized"),
            stat(&f.proxies, "destroyed")
        ),
        (0.0, 1.0, 0.0)
    );
    assert_eq!(
        f.released.length(),
        1,
        "the interpreter's callable was released exactly once"
    );
    let error = proxy.call0(&JsValue::UNDEFINED).expect_err("destroyed proxies throw");
    assert_eq!(
        String::from(error.unchecked_into::<js_sys::Error>().name()),
        "ProxyDestroyedError"
    );
}

#[wasm_bindgen_test]
fn destroy_unregisters_and_a_new_proxy_gets_a_new_generation() {
    let f = fixture();
    let first = f.proxies.create(target(), 1.0, None, "function".into());
    assert_eq!(f.proxies.destroy_value(first.clone()), "");
    assert!(
        held_handles(&f.registry).is_empty(),
        "destroy() unregisters from the registry"
    );
    let second = f.proxies.create(target(), 1.0, None, "function".into());
    assert!(
        !js_sys::Object::is(&first, &second),
        "a destroyed proxy is never handed out again"
    );
    // Destroying the stale one again (its handle's slot now holds the new proxy, with a
    // new generation) must not touch the new one.
    assert_eq!(f.proxies.destroy_value(first), "");
    let second: Function = second.unchecked_into();
    assert_eq!(
        second
            .call2(&JsValue::UNDEFINED, &1.into(), &1.into())
            .unwrap()
            .as_f64(),
        Some(2.0)
    );
}

#[wasm_bindgen_test]
fn scopes_destroy_what_they_created_except_kept() {
    let f = fixture();
    let scope = f.proxies.enter_scope();
    let _temporary = f.proxies.create(target(), 1.0, None, "function".into());
    let kept = f.proxies.create(target(), 2.0, None, "function".into());
    assert_eq!(f.proxies.exit_scope(scope, js_sys::Array::of1(&kept)), "");
    assert_eq!((stat(&f.proxies, "live"), stat(&f.proxies, "destroyed")), (1.0, 1.0));
}

#[wasm_bindgen_test]
fn a_scope_that_is_not_open_leaves_the_open_ones_alone() {
    let f = fixture();
    let outer = f.proxies.enter_scope();
    let _kept_by_outer = f.proxies.create(target(), 1.0, None, "function".into());
    let inner = f.proxies.enter_scope();
    assert_eq!(f.proxies.exit_scope(inner, js_sys::Array::new()), "");
    // Exited twice, and never entered: errors, and the outer scope's proxy stays.
    assert!(f.proxies.exit_scope(inner, js_sys::Array::new()).contains("not open"));
    assert!(f.proxies.exit_scope(0.0, js_sys::Array::new()).contains("not open"));
    assert_eq!(stat(&f.proxies, "live"), 1.0);
    // An outer scope exited with an inner one still open ends both.
    let _inner_again = f.proxies.enter_scope();
    let _made_inside = f.proxies.create(target(), 2.0, None, "function".into());
    assert_eq!(f.proxies.exit_scope(outer, js_sys::Array::new()), "");
    assert_eq!(stat(&f.proxies, "live"), 0.0);
}

#[wasm_bindgen_test]
fn a_failed_conversion_releases_only_what_it_created() {
    let f = fixture();
    let older = f.proxies.create(target(), 1.0, None, "function".into());
    let mark = f.proxies.serial();
    let newer = f.proxies.create(target(), 2.0, None, "function".into());
    f.proxies
        .release_created_since(mark, js_sys::Array::of2(&older, &newer));
    assert_eq!((stat(&f.proxies, "live"), stat(&f.proxies, "destroyed")), (1.0, 1.0));
    let older: Function = older.unchecked_into();
    assert_eq!(
        older.call2(&JsValue::UNDEFINED, &1.into(), &2.into()).unwrap().as_f64(),
        Some(3.0)
    );
}
