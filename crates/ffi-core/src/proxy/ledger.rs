//! The ledger of proxies handed to JavaScript: identity (one proxy per live Python
//! object), explicit `destroy()`, scopes, and release through a `FinalizationRegistry`
//! when JavaScript drops a proxy. `stats()` reads it; the harness checks `live` returns to
//! where it started around every case.
//!
//! The registry is injected (any object with `register(target, held, token)` and
//! `unregister(token)`), so the finalizer path is tested without waiting for a GC.

use rustc_hash::FxHashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::handle::ProxyHandle;
use super::table::{ProxyTable, Release, Stats};
use crate::error::Error;

#[wasm_bindgen(module = "/js/proxy.js")]
extern "C" {
    fn make_proxy(cell: &JsValue, handle: f64, on_destroy: &js_sys::Function, callable: bool) -> JsValue;
    fn proxy_handle(value: &JsValue) -> JsValue;
    fn proxy_target(value: &JsValue) -> JsValue;
    fn clear_cell(cell: &JsValue);
    fn new_cell(target: &JsValue) -> JsValue;
}

/// What the interpreter adapter does with its own callable: make it outlive the call
/// that handed it over, and let it go.
pub trait ProxyHost {
    fn persist(&self, target: &JsValue) -> Result<JsValue, Error>;
    fn release(&self, target: &JsValue);
}

#[derive(Debug)]
struct Entry {
    /// `id(obj)` on the Python side: identity while the entry keeps `obj` alive.
    object: u64,
    /// Creation order, so a failed conversion can release what it made and nothing older.
    serial: u64,
    /// The interpreter's persistent proxy of the object.
    target: JsValue,
    cell: JsValue,
    /// The JS value handed out (a function for a callable), weakly: JavaScript decides
    /// how long it lives.
    wrapper: js_sys::WeakRef,
    /// Where it was created, when tracing was on (`ffi.trace()`).
    site: Option<String>,
}

#[derive(Debug)]
pub struct Ledger {
    table: ProxyTable<Entry>,
    next_serial: u64,
    by_object: FxHashMap<u64, ProxyHandle>,
    scopes: Vec<Vec<ProxyHandle>>,
    registry: JsValue,
    on_destroy: js_sys::Function,
}

impl Ledger {
    /// `registry`: a `FinalizationRegistry` (or a test double); `on_destroy`: the JS
    /// function proxies call from their `destroy()` (it calls back into [`Ledger::destroy`]).
    pub fn new(registry: JsValue, on_destroy: js_sys::Function) -> Self {
        Ledger {
            table: ProxyTable::default(),
            next_serial: 0,
            by_object: FxHashMap::default(),
            scopes: Vec::new(),
            registry,
            on_destroy,
        }
    }

    /// The proxy for `object` (its Python `id`), creating it from `target` if there is
    /// none alive: the same Python object always gets the same JS value. `site` (where
    /// the caller is, when tracing) is kept for a new proxy; a reused one keeps its own.
    pub fn proxy(
        &mut self,
        host: &dyn ProxyHost,
        object: u64,
        target: &JsValue,
        site: Option<String>,
    ) -> Result<JsValue, Error> {
        if let Some(proxy) = self.existing(object) {
            return Ok(proxy);
        }
        let target = host.persist(target)?;
        let callable = target.is_function();
        let cell = new_cell(&target);
        let serial = self.next_serial;
        self.next_serial += 1;
        let handle = self.table.insert(Entry {
            object,
            serial,
            target,
            cell: cell.clone(),
            wrapper: js_sys::WeakRef::new(&js_sys::Object::new()),
            site,
        });
        let wrapper = make_proxy(&cell, handle.to_f64(), &self.on_destroy, callable);
        if let Some(entry) = self.table.get_mut(handle) {
            entry.wrapper = js_sys::WeakRef::new(wrapper.unchecked_ref());
        }
        self.by_object.insert(object, handle);
        if let Some(scope) = self.scopes.last_mut() {
            scope.push(handle);
        }
        self.registry_call("register", &[&wrapper, &JsValue::from_f64(handle.to_f64()), &cell])?;
        Ok(wrapper)
    }

    /// The live proxy for `object` (its Python `id`), if there is one: what an implicit
    /// crossing of that object hands JavaScript, so it is `===` to `create_proxy(obj)`.
    pub fn existing(&self, object: u64) -> Option<JsValue> {
        let handle = self.by_object.get(&object).copied()?;
        self.table.get(handle).and_then(|e| e.wrapper.deref()).map(Into::into)
    }

    /// `destroy()`: idempotent; a stale or foreign handle is a no-op.
    pub fn destroy(&mut self, host: &dyn ProxyHost, handle: f64) {
        if let Some(handle) = ProxyHandle::from_f64(handle) {
            self.release(host, handle, Release::Destroyed);
        }
    }

    /// The registry saw JavaScript drop the proxy.
    pub fn finalized(&mut self, host: &dyn ProxyHost, handle: f64) {
        if let Some(handle) = ProxyHandle::from_f64(handle) {
            self.release(host, handle, Release::Finalized);
        }
    }

    /// The handle of a proxy made here, if `value` is one.
    pub fn handle_of(value: &JsValue) -> Option<f64> {
        proxy_handle(value).as_f64()
    }

    /// The interpreter's proxy of the Python object behind `value`, if `value` is a live
    /// proxy made here: handing it to Python gives the Python object itself.
    pub fn target_of(value: &JsValue) -> Option<JsValue> {
        let target = proxy_target(value);
        (!target.is_undefined()).then_some(target)
    }

    /// The serial the next proxy will get: a mark for [`Ledger::release_created_since`].
    pub fn serial(&self) -> u64 {
        self.next_serial
    }

    /// Whether `handle` is live and was created at or after `mark`: made by the
    /// conversion that took the mark, not merely reused by it (identity).
    pub fn created_since(&self, mark: u64, handle: f64) -> bool {
        ProxyHandle::from_f64(handle)
            .and_then(|handle| self.table.get(handle))
            .is_some_and(|entry| entry.serial >= mark)
    }

    /// Destroy those of `handles` a failed conversion made ([`Ledger::created_since`]).
    pub fn release_created_since(&mut self, host: &dyn ProxyHost, mark: u64, handles: &[f64]) {
        for &handle in handles {
            if self.created_since(mark, handle) {
                self.destroy(host, handle);
            }
        }
    }

    pub fn enter_scope(&mut self) {
        self.scopes.push(Vec::new());
    }

    /// Leave the innermost scope, destroying what it created except `kept` handles.
    pub fn exit_scope(&mut self, host: &dyn ProxyHost, kept: &[f64]) {
        let Some(created) = self.scopes.pop() else { return };
        for handle in created {
            if !kept.contains(&handle.to_f64()) {
                self.release(host, handle, Release::Destroyed);
            }
        }
    }

    pub fn stats(&self) -> Stats {
        self.table.stats()
    }

    /// The creation sites of the live proxies made while tracing, oldest first.
    pub fn sites(&self) -> Vec<String> {
        let mut traced: Vec<(u64, &str)> = self
            .table
            .iter()
            .filter_map(|entry| entry.site.as_deref().map(|site| (entry.serial, site)))
            .collect();
        traced.sort_unstable_by_key(|(serial, _)| *serial);
        traced.into_iter().map(|(_, site)| site.to_owned()).collect()
    }

    fn release(&mut self, host: &dyn ProxyHost, handle: ProxyHandle, why: Release) {
        let Some(entry) = self.table.release(handle, why) else {
            return;
        };
        if self.by_object.get(&entry.object) == Some(&handle) {
            self.by_object.remove(&entry.object);
        }
        clear_cell(&entry.cell);
        if why == Release::Destroyed {
            // The cell is the unregister token; after a finalization there is nothing left.
            let _ = self.registry_call("unregister", &[&entry.cell]);
        }
        host.release(&entry.target);
    }

    fn registry_call(&self, method: &str, args: &[&JsValue]) -> Result<(), Error> {
        let function: js_sys::Function = js_sys::Reflect::get(&self.registry, &JsValue::from_str(method))
            .map_err(Error::from)?
            .dyn_into()
            .map_err(|_| Error::interpreter(format!("the proxy registry has no {method}()")))?;
        let array: js_sys::Array = args.iter().copied().collect();
        function.apply(&self.registry, &array).map_err(Error::from)?;
        Ok(())
    }
}

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
    /// `persist(target)` / `release(target)` keep and drop the interpreter's callable.
    #[wasm_bindgen(constructor)]
    pub fn new(
        registry: JsValue,
        on_destroy: js_sys::Function,
        persist: js_sys::Function,
        release: js_sys::Function,
    ) -> Proxies {
        Proxies {
            ledger: std::cell::RefCell::new(Ledger::new(registry, on_destroy)),
            host: JsHost { persist, release },
        }
    }

    /// `create_proxy(f)`: `object` is `id(f)`; `site` where it is created (tracing on) or
    /// `undefined`.
    pub fn create(&self, target: JsValue, object: f64, site: Option<String>) -> JsValue {
        let result = self
            .with_ledger(|ledger, host| ledger.proxy(host, object as u64, &target, site))
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
        self.with_ledger(|ledger, host| ledger.destroy(host, handle));
    }

    /// What the registry calls once JavaScript dropped a proxy.
    pub fn finalized(&self, handle: f64) {
        self.with_ledger(|ledger, host| ledger.finalized(host, handle));
    }

    pub fn enter_scope(&self) {
        self.with_ledger(|ledger, _| ledger.enter_scope());
    }

    /// A mark before a conversion creates proxies (see `release_created_since`).
    pub fn serial(&self) -> f64 {
        self.with_ledger(|ledger, _| ledger.serial() as f64).unwrap_or(0.0)
    }

    /// After a failed conversion: destroy those of `proxies` (an Array) it created.
    pub fn release_created_since(&self, mark: f64, proxies: js_sys::Array) {
        let handles = handles_of(&proxies);
        self.with_ledger(|ledger, host| ledger.release_created_since(host, mark as u64, &handles));
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

    /// Leave the innermost scope; `kept` is an Array of proxies to keep.
    pub fn exit_scope(&self, kept: js_sys::Array) {
        let kept = handles_of(&kept);
        self.with_ledger(|ledger, host| ledger.exit_scope(host, &kept));
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
    /// Run `f` on the ledger. `None` when the ledger is already in use further up the
    /// stack (a call re-entering from JS glue that runs inside a ledger operation): such
    /// a call is skipped rather than allowed to panic on the RefCell.
    fn with_ledger<R>(&self, f: impl FnOnce(&mut Ledger, &dyn ProxyHost) -> R) -> Option<R> {
        let mut ledger = self.ledger.try_borrow_mut().ok()?;
        Some(f(&mut ledger, &self.host))
    }
}

/// The handles of those items of `proxies` that are proxies made here.
fn handles_of(proxies: &js_sys::Array) -> Vec<f64> {
    proxies.iter().filter_map(|p| Ledger::handle_of(&p)).collect()
}

fn busy() -> Error {
    Error::interpreter("create_proxy was called again while a proxy was being created; retry outside that call")
}
