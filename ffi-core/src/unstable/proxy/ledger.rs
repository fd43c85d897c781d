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
    fn make_proxy(
        cell: &JsValue,
        handle: f64,
        on_destroy: &js_sys::Function,
        calls: &JsValue,
        callable: bool,
        type_name: &str,
    ) -> JsValue;
    fn proxy_handle(value: &JsValue) -> JsValue;
    fn proxy_type_name(value: &JsValue) -> Option<String>;
    fn proxy_target(value: &JsValue) -> JsValue;
    fn clear_cell(cell: &JsValue);
    fn new_cell(target: &JsValue) -> JsValue;
}

/// What the interpreter adapter does with its own callable: make it outlive the call
/// that handed it over, and let it go. The ledger never calls `release` itself: letting
/// go of a Python object can run its `__del__`, which may use the ledger again, so the
/// caller releases [`Ledger::take_released`] once it no longer holds the ledger.
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
    /// Open scopes, innermost last: each its id and the proxies created inside it.
    scopes: Vec<(u64, Vec<ProxyHandle>)>,
    next_scope: u64,
    /// Targets of released proxies, for the caller to hand to [`ProxyHost::release`].
    released: Vec<JsValue>,
    registry: JsValue,
    on_destroy: js_sys::Function,
    calls: JsValue,
}

impl Ledger {
    /// `registry`: a `FinalizationRegistry` (or a test double); `on_destroy`: the JS
    /// function proxies call from their `destroy()` (it calls back into [`Ledger::destroy`]);
    /// `calls`: how a proxy reaches the Python object (js/proxy.js `make_proxy`: calling
    /// it, its attributes, and how a destroyed proxy reports a use — it throws, or raises
    /// in Python on an interpreter that cannot catch a JS throw in its own calls).
    pub fn new(registry: JsValue, on_destroy: js_sys::Function, calls: JsValue) -> Self {
        Ledger {
            table: ProxyTable::default(),
            next_serial: 0,
            by_object: FxHashMap::default(),
            scopes: Vec::new(),
            next_scope: 0,
            released: Vec::new(),
            registry,
            on_destroy,
            calls,
        }
    }

    /// The proxy for `object` (its Python `id`), creating it from `target` if there is
    /// none alive: the same Python object always gets the same JS value. `site` (where
    /// the caller is, when tracing) is kept for a new proxy; a reused one keeps its own;
    /// `type_name` is the object's Python type, for messages.
    pub fn proxy(
        &mut self,
        host: &dyn ProxyHost,
        object: u64,
        target: &JsValue,
        site: Option<String>,
        type_name: &str,
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
        let Some(number) = handle.to_f64() else {
            self.table.forget(handle);
            return Err(too_many_proxies());
        };
        let wrapper = make_proxy(&cell, number, &self.on_destroy, &self.calls, callable, type_name);
        if let Some(entry) = self.table.get_mut(handle) {
            entry.wrapper = js_sys::WeakRef::new(wrapper.unchecked_ref());
        }
        self.by_object.insert(object, handle);
        if let Some((_, scope)) = self.scopes.last_mut() {
            scope.push(handle);
        }
        self.registry_call("register", &[&wrapper, &JsValue::from_f64(number), &cell])?;
        Ok(wrapper)
    }

    /// The live proxy for `object` (its Python `id`), if there is one: what an implicit
    /// crossing of that object hands JavaScript, so it is `===` to `create_proxy(obj)`.
    pub fn existing(&self, object: u64) -> Option<JsValue> {
        let handle = self.by_object.get(&object).copied()?;
        self.table.get(handle).and_then(|e| e.wrapper.deref()).map(Into::into)
    }

    /// `destroy()`: idempotent; a stale or foreign handle is a no-op.
    pub fn destroy(&mut self, handle: f64) {
        if let Some(handle) = ProxyHandle::from_f64(handle) {
            self.release(handle, Release::Destroyed);
        }
    }

    /// The registry saw JavaScript drop the proxy.
    pub fn finalized(&mut self, handle: f64) {
        if let Some(handle) = ProxyHandle::from_f64(handle) {
            self.release(handle, Release::Finalized);
        }
    }

    /// The targets of the proxies released since the last call, for
    /// [`ProxyHost::release`] (see there why the ledger does not call it).
    pub fn take_released(&mut self) -> Vec<JsValue> {
        std::mem::take(&mut self.released)
    }

    /// The handle of a proxy made here, if `value` is one.
    pub fn handle_of(value: &JsValue) -> Option<f64> {
        proxy_handle(value).as_f64()
    }

    /// The Python type name of the object behind `value`, if `value` is a proxy made here.
    pub fn python_type_of(value: &JsValue) -> Option<String> {
        proxy_type_name(value)
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
    pub fn release_created_since(&mut self, mark: u64, handles: &[f64]) {
        for &handle in handles {
            if self.created_since(mark, handle) {
                self.destroy(handle);
            }
        }
    }

    /// Open a scope; its id is what [`Ledger::exit_scope`] takes.
    pub fn enter_scope(&mut self) -> u64 {
        self.next_scope += 1;
        self.scopes.push((self.next_scope, Vec::new()));
        self.next_scope
    }

    /// Leave scope `id`, destroying what it created except `kept` handles. Scopes still
    /// open inside it end with it (what they created lives no longer than it). A scope
    /// that is not open (exited twice, or never entered) is an error and changes nothing:
    /// it must never end an enclosing scope.
    pub fn exit_scope(&mut self, id: u64, kept: &[f64]) -> Result<(), Error> {
        let Some(position) = self.scopes.iter().position(|(open, _)| *open == id) else {
            return Err(Error::interpreter(
                "ffi.scope: this scope is not open (it was exited already, or never entered); \
                 use it as `with ffi.scope():`",
            ));
        };
        let ended: Vec<ProxyHandle> = self.scopes.drain(position..).flat_map(|(_, created)| created).collect();
        for handle in ended {
            if !handle.to_f64().is_some_and(|number| kept.contains(&number)) {
                self.release(handle, Release::Destroyed);
            }
        }
        Ok(())
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

    fn release(&mut self, handle: ProxyHandle, why: Release) {
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
        self.released.push(entry.target);
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

fn too_many_proxies() -> Error {
    Error::new(
        crate::error::ErrorKind::TooLarge,
        "proxy",
        "JavaScript",
        format!(
            "create_proxy: more than {} proxies are alive at once; destroy() the ones no longer needed (or use ffi.scope())",
            super::handle::MAX_LIVE_PROXIES
        ),
    )
}
