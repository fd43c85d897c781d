//! `Proxies`: the proxy ledger as the adapters' JS glue uses it, exported to JavaScript.
//! Behind the `bridge` feature, so a crate using only the typed API (`crate::typed`)
//! does not export it from its own wasm module.

use wasm_bindgen::prelude::*;

use super::ledger::{Ledger, ProxyHost};
use crate::error::Error;

/// A [`ProxyHost`] given as two JS functions by the adapter's glue.
#[derive(Debug)]
struct JsHost {
    persist: js_sys::Function,
    release: js_sys::Function,
}

impl ProxyHost for JsHost {
    fn persist(&self, target: &JsValue) -> Result<JsValue, Error> {
        self.persist.call1(&JsValue::UNDEFINED, target).map_err(Error::from)
    }
    fn release(&self, target: &JsValue) {
        // Releasing must not fail the caller; an interpreter that already tore the
        // object down has nothing left to release.
        let _ = self.release.call1(&JsValue::UNDEFINED, target);
    }
}

/// The proxy ledger as the adapters' JS glue uses it (one per installed interpreter).
/// Results that can fail come back in the wire form of `crate::wire`.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Proxies {
    ledger: std::cell::RefCell<Ledger>,
    host: JsHost,
}

#[wasm_bindgen]
impl Proxies {
    /// `registry`: `new FinalizationRegistry(handle => proxies.finalized(handle))` (or a
    /// test double); `on_destroy(handle)` is what a proxy's `destroy()` calls;
    /// `persist(target)` / `release(target)` keep and drop the interpreter's callable;
    /// `calls` is how a proxy reaches the Python object (see `Ledger::new`).
    #[wasm_bindgen(constructor)]
    pub fn new(
        registry: JsValue,
        on_destroy: js_sys::Function,
        persist: js_sys::Function,
        release: js_sys::Function,
        calls: JsValue,
    ) -> Proxies {
        Proxies {
            ledger: std::cell::RefCell::new(Ledger::new(registry, on_destroy, calls)),
            host: JsHost { persist, release },
        }
    }

    /// `create_proxy(f)`: `object` is `id(f)`; `site` where it is created (tracing on) or
    /// `undefined`; `type_name` is `type(f).__name__`.
    pub fn create(&self, target: JsValue, object: f64, site: Option<String>, type_name: String) -> JsValue {
        let result = self
            .with_ledger(|ledger, host| ledger.proxy(host, object as u64, &target, site, &type_name))
            .unwrap_or_else(|| Err(busy()));
        crate::wire::object_or_error(result)
    }

    /// The live proxy for the Python object with this `id`, or `undefined`.
    pub fn existing(&self, object: f64) -> JsValue {
        self.with_ledger(|ledger, _| ledger.existing(object as u64))
            .flatten()
            .unwrap_or(JsValue::UNDEFINED)
    }

    /// Whether `value` is a proxy made by a ledger (alive or destroyed).
    pub fn is_proxy(value: &JsValue) -> bool {
        Ledger::handle_of(value).is_some()
    }

    /// `ffi.destroy(p)`: `""`, or an error when `p` is not a proxy made here.
    pub fn destroy_value(&self, value: JsValue) -> String {
        match Ledger::handle_of(&value) {
            Some(handle) => {
                self.destroy(handle);
                String::new()
            }
            None => Error::type_error(
                "object",
                "proxy",
                "destroy: expected a proxy made by ffi.create_proxy or ffi.to_js (a JS value with destroy())",
            )
            .to_wire(),
        }
    }

    /// What a proxy's `destroy()` calls. Idempotent.
    pub fn destroy(&self, handle: f64) {
        self.with_ledger(|ledger, _| ledger.destroy(handle));
    }

    /// What the registry calls once JavaScript dropped a proxy.
    pub fn finalized(&self, handle: f64) {
        self.with_ledger(|ledger, _| ledger.finalized(handle));
    }

    /// Open a scope; returns its id for `exit_scope`.
    pub fn enter_scope(&self) -> f64 {
        self.with_ledger(|ledger, _| ledger.enter_scope() as f64).unwrap_or(0.0)
    }

    /// A mark before a conversion creates proxies (see `release_created_since`).
    pub fn serial(&self) -> f64 {
        self.with_ledger(|ledger, _| ledger.serial() as f64).unwrap_or(0.0)
    }

    /// After a failed conversion: destroy those of `proxies` (an Array) it created.
    pub fn release_created_since(&self, mark: f64, proxies: js_sys::Array) {
        let handles = handles_of(&proxies);
        self.with_ledger(|ledger, _| ledger.release_created_since(mark as u64, &handles));
    }

    /// Those of `proxies` (an Array) created at or after `mark`, once each, in order: what
    /// `to_js(..., pyproxies=array)` appends.
    pub fn created_since(&self, mark: f64, proxies: js_sys::Array) -> js_sys::Array {
        let out = js_sys::Array::new();
        self.with_ledger(|ledger, _| {
            let mut seen = rustc_hash::FxHashSet::default();
            for proxy in proxies.iter() {
                if let Some(handle) = Ledger::handle_of(&proxy) {
                    if ledger.created_since(mark as u64, handle) && seen.insert(handle.to_bits()) {
                        out.push(&proxy);
                    }
                }
            }
        });
        out
    }

    /// Leave scope `id`; `kept` is an Array of proxies to keep. `""`, or an error in the
    /// wire form (the scope is not open).
    pub fn exit_scope(&self, id: f64, kept: js_sys::Array) -> String {
        let kept = handles_of(&kept);
        match self.with_ledger(|ledger, _| ledger.exit_scope(id as u64, &kept)) {
            Some(Ok(())) => String::new(),
            Some(Err(err)) => err.to_wire(),
            None => busy().to_wire(),
        }
    }

    pub fn stats(&self) -> JsValue {
        crate::wire::stats_object(self.with_ledger(|ledger, _| ledger.stats()).unwrap_or_default())
    }

    /// The creation sites of live traced proxies (an Array of strings), oldest first.
    pub fn sites(&self) -> js_sys::Array {
        let sites = self.with_ledger(|ledger, _| ledger.sites()).unwrap_or_default();
        sites.into_iter().map(|site| JsValue::from_str(&site)).collect()
    }
}

impl Proxies {
    /// Run `f` on the ledger, then let go of the interpreter objects it released (only
    /// then: that can run Python's `__del__`, which may use the ledger again). `None` when
    /// the ledger is already in use further up the stack (JS glue re-entering during a
    /// ledger operation): such a call is skipped rather than allowed to panic on the RefCell.
    fn with_ledger<R>(&self, f: impl FnOnce(&mut Ledger, &dyn ProxyHost) -> R) -> Option<R> {
        let (result, released) = {
            let mut ledger = self.ledger.try_borrow_mut().ok()?;
            let result = f(&mut ledger, &self.host);
            (result, ledger.take_released())
        };
        for target in released {
            self.host.release(&target);
        }
        Some(result)
    }
}

/// The handles of those items of `proxies` that are proxies made here.
fn handles_of(proxies: &js_sys::Array) -> Vec<f64> {
    proxies.iter().filter_map(|p| Ledger::handle_of(&p)).collect()
}

fn busy() -> Error {
    Error::interpreter("create_proxy was called again while a proxy was being created; retry outside that call")
}
