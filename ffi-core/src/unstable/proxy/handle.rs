//! Generational handles: a stale handle is a detectable error, never an alias of a
//! reused slot (the failure mode of MicroPython's plain integer refs).

slotmap::new_key_type! {
    /// Names one live proxy in the [`super::table::ProxyTable`].
    pub struct ProxyHandle;
}

/// Bits of a handle's JS number that hold the slot index: the rest (32) hold the slot's
/// whole generation, so a slot can be reused 2^31 times before a handle repeats.
const INDEX_BITS: u32 = 21;

/// The most proxies that can be alive at once (slots are reused as proxies are released).
pub const MAX_LIVE_PROXIES: u64 = (1 << INDEX_BITS) - 1;

impl ProxyHandle {
    /// A JS-safe number for the handle (generation and index packed in 53 bits), or `None`
    /// for a slot index beyond [`MAX_LIVE_PROXIES`].
    pub fn to_f64(self) -> Option<f64> {
        use slotmap::Key;
        let raw = self.data().as_ffi();
        let index = raw & 0xffff_ffff;
        let generation = raw >> 32;
        (index <= MAX_LIVE_PROXIES).then(|| (generation * (1u64 << INDEX_BITS) + index) as f64)
    }

    pub fn from_f64(value: f64) -> Option<Self> {
        use slotmap::{Key, KeyData};
        if !(value.is_finite() && value >= 0.0 && value.fract() == 0.0 && value < 9007199254740992.0) {
            return None;
        }
        let raw = value as u64;
        let index = raw & MAX_LIVE_PROXIES;
        let generation = raw >> INDEX_BITS;
        let key = KeyData::from_ffi(generation << 32 | index);
        let handle = ProxyHandle::from(key);
        (!handle.is_null()).then_some(handle)
    }
}
