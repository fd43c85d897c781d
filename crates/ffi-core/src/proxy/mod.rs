//! Proxy lifetime: handles and the ledger.

pub mod handle;
pub mod ledger;
pub mod table;
