//! Proxy lifetime: handles and the ledger.

#[cfg(feature = "bridge")]
pub mod glue;
pub mod handle;
pub mod ledger;
pub mod table;
