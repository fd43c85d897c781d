//! Python int → JS number rule: exact Number up to 2^53−1, BigInt beyond. Never lossy.

use crate::interpreter::PyInt;

/// The largest integer a JS Number holds exactly (`Number.MAX_SAFE_INTEGER`).
pub const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

/// What a Python int becomes in JavaScript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsInt {
    Number(i64),
    /// Text accepted by the JS `BigInt()` constructor, e.g. `-0x1f`.
    BigInt {
        negative: bool,
        hex: String,
    },
}

pub fn classify_int(int: &PyInt) -> JsInt {
    match int {
        PyInt::Small(n) if (-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER).contains(n) => JsInt::Number(*n),
        PyInt::Small(n) => JsInt::BigInt {
            negative: *n < 0,
            hex: format!("{:x}", n.unsigned_abs()),
        },
        PyInt::Big { negative, magnitude_le } => {
            let trimmed_len = magnitude_le.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
            let magnitude = magnitude_le.get(..trimmed_len).unwrap_or(&[]);
            if magnitude.len() <= 8 {
                let mut value: u64 = 0;
                for (i, byte) in magnitude.iter().enumerate() {
                    value |= u64::from(*byte) << (8 * i);
                }
                if value <= MAX_SAFE_INTEGER as u64 {
                    let v = value as i64;
                    return JsInt::Number(if *negative { -v } else { v });
                }
            }
            let mut hex = String::with_capacity(magnitude.len() * 2 + 1);
            for (i, byte) in magnitude.iter().rev().enumerate() {
                if i == 0 {
                    hex.push_str(&format!("{byte:x}"));
                } else {
                    hex.push_str(&format!("{byte:02x}"));
                }
            }
            if hex.is_empty() {
                return JsInt::Number(0);
            }
            JsInt::BigInt {
                negative: *negative,
                hex,
            }
        }
    }
}

/// Decimal text of a Python int (for dict keys).
pub fn int_decimal(int: &PyInt) -> String {
    match int {
        PyInt::Small(n) => n.to_string(),
        PyInt::Big { negative, magnitude_le } => {
            // Schoolbook base conversion: keys are short, so O(n^2) is fine.
            let mut digits: Vec<u8> = magnitude_le.iter().rev().copied().collect();
            let mut out = Vec::new();
            while digits.iter().any(|&d| d != 0) {
                let mut remainder: u32 = 0;
                for d in digits.iter_mut() {
                    let acc = (remainder << 8) | u32::from(*d);
                    *d = (acc / 10) as u8;
                    remainder = acc % 10;
                }
                out.push(b'0' + remainder as u8);
            }
            if out.is_empty() {
                out.push(b'0');
            }
            if *negative {
                out.push(b'-');
            }
            out.reverse();
            String::from_utf8(out).unwrap_or_default()
        }
    }
}

/// `repr(float)` as CPython (and so `json.dumps`) writes it: shortest round-trip digits,
/// exponent form when the decimal point is beyond 16 digits or before −4.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_owned();
    }
    if x.is_infinite() {
        return if x > 0.0 {
            "Infinity".to_owned()
        } else {
            "-Infinity".to_owned()
        };
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0.0".to_owned()
        } else {
            "0.0".to_owned()
        };
    }
    // `{:e}` gives the shortest round-trip digits as d.ddde±N.
    let sci = format!("{:e}", x.abs());
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let decpt = exponent + 1; // position of the decimal point after the first digit
    let sign = if x < 0.0 { "-" } else { "" };
    if !(-3..=16).contains(&decpt) {
        let (first, rest) = digits.split_at(1);
        let frac = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        let exp_sign = if exponent < 0 { '-' } else { '+' };
        format!("{sign}{first}{frac}e{exp_sign}{:02}", exponent.abs())
    } else if decpt <= 0 {
        format!("{sign}0.{}{digits}", "0".repeat(decpt.unsigned_abs() as usize))
    } else {
        let point = decpt as usize;
        if digits.len() <= point {
            format!("{sign}{digits}{}.0", "0".repeat(point - digits.len()))
        } else {
            let (int_part, frac_part) = digits.split_at(point);
            format!("{sign}{int_part}.{frac_part}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(negative: bool, value: u128) -> PyInt {
        PyInt::Big {
            negative,
            magnitude_le: value.to_le_bytes().to_vec(),
        }
    }

    #[test]
    fn ints_up_to_max_safe_are_numbers() {
        assert_eq!(
            classify_int(&PyInt::Small(MAX_SAFE_INTEGER)),
            JsInt::Number(MAX_SAFE_INTEGER)
        );
        assert_eq!(
            classify_int(&PyInt::Small(-MAX_SAFE_INTEGER)),
            JsInt::Number(-MAX_SAFE_INTEGER)
        );
        assert_eq!(classify_int(&big(true, 5)), JsInt::Number(-5));
    }

    #[test]
    fn ints_beyond_max_safe_are_bigints() {
        assert_eq!(
            classify_int(&PyInt::Small(MAX_SAFE_INTEGER + 1)),
            JsInt::BigInt {
                negative: false,
                hex: "20000000000000".into()
            }
        );
        assert_eq!(
            classify_int(&big(true, 1 << 70)),
            JsInt::BigInt {
                negative: true,
                hex: "400000000000000000".into()
            }
        );
    }

    #[test]
    fn decimal_text_of_big_ints() {
        assert_eq!(int_decimal(&big(false, 1 << 70)), "1180591620717411303424");
        assert_eq!(int_decimal(&big(true, 10)), "-10");
        assert_eq!(
            int_decimal(&PyInt::Big {
                negative: false,
                magnitude_le: vec![]
            }),
            "0"
        );
    }

    #[test]
    fn float_repr_matches_cpython() {
        // Expected strings are CPython 3.11's repr() of the same floats.
        let cases = [
            (1.0, "1.0"),
            (2.5, "2.5"),
            (0.1, "0.1"),
            (-0.0, "-0.0"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1e300, "1e+300"),
            (1.5e-300, "1.5e-300"),
            (1.0 / 3.0, "0.3333333333333333"),
            (-12.75, "-12.75"),
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
            (f64::NAN, "NaN"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(x), want, "repr of {x:?}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn float_repr_round_trips(x in proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL) {
            let text = float_repr(x);
            let parsed: f64 = text.parse().map_err(|e| proptest::test_runner::TestCaseError::fail(format!("{text}: {e}")))?;
            proptest::prop_assert_eq!(parsed.to_bits(), x.to_bits());
        }

        #[test]
        fn small_and_big_forms_agree(n in proptest::num::i64::ANY) {
            let as_big = PyInt::Big { negative: n < 0, magnitude_le: n.unsigned_abs().to_le_bytes().to_vec() };
            proptest::prop_assert_eq!(classify_int(&PyInt::Small(n)), classify_int(&as_big));
            proptest::prop_assert_eq!(int_decimal(&PyInt::Small(n)), int_decimal(&as_big));
        }
    }
}
