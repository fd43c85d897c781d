//! Generational handles: a stale handle is a detectable error, never an alias of a
//! reused slot (the failure mode of MicroPython's plain integer refs).

slotmap::new_key_type! {
    /// Names one live proxy in the [`super::table::ProxyTable`].
    pub struct ProxyHandle;
}

impl ProxyHandle {
    /// A JS-safe number for the handle (index and generation packed in 53 bits).
    pub fn to_f64(self) -> f64 {
        use slotmap::Key;
        let raw = self.data().as_ffi();
        // Index in the low 32 bits, generation in the next 21: both fit in a JS Number.
        let index = raw & 0xffff_ffff;
        let generation = (raw >> 32) & 0x1f_ffff;
        (generation * (1u64 << 32) + index) as f64
    }

    pub fn from_f64(value: f64) -> Option<Self> {
        use slotmap::{Key, KeyData};
        if !(value.is_finite() && value >= 0.0 && value.fract() == 0.0 && value < 9007199254740992.0) {
            return None;
        }
        let raw = value as u64;
        let key = KeyData::from_ffi((raw >> 32) << 32 | (raw & 0xffff_ffff));
        let handle = ProxyHandle::from(key);
        (!handle.is_null()).then_some(handle)
    }
}
