//! Conversions, split by direction.

pub mod keys;
pub mod number;
pub mod options;
pub mod tape;
pub mod to_js;
pub mod to_py;
