//! A text-statistics engine exposed to Python (docs/rust-crates.md walks through it).
//!
//! From Python, after `stats = ffi.bind(textstats)`:
//! `engine = stats.TextStats.new(lowercase=True, min_length=3)`, `engine.add({"title":
//! ..., "text": ...})` returns a dict, `engine.add_many(docs, progress)` calls `progress`
//! back, `engine.top_words(5)` returns a list, `engine.documents` is a getter.

use std::collections::{BTreeMap, HashMap};

use ffi_core::{from_py, to_py, PyCallback};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// Keyword options of `TextStats.new(...)`: they arrive as one trailing plain object.
#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct Options {
    lowercase: bool,
    min_length: usize,
    stop_words: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lowercase: true,
            min_length: 1,
            stop_words: Vec::new(),
        }
    }
}

/// A document as Python passes it: `{"title": str, "text": str}`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    title: String,
    text: String,
}

/// What `add` returns to Python, as a dict.
#[derive(Debug, Serialize)]
struct DocumentStats {
    title: String,
    words: u32,
    distinct: u32,
    longest: Option<String>,
    /// 64-bit: arrives in Python as an exact int of any size.
    checksum: u64,
}

#[wasm_bindgen]
#[derive(Debug)]
pub struct TextStats {
    options: Options,
    counts: HashMap<String, u32>,
    documents: u32,
}

#[wasm_bindgen]
impl TextStats {
    /// `TextStats.new(**options)`; no options is the same as `{}`.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<TextStats, JsValue> {
        let options = if options.is_undefined() || options.is_null() {
            Options::default()
        } else {
            from_py(&options)?
        };
        Ok(TextStats {
            options,
            counts: HashMap::new(),
            documents: 0,
        })
    }

    /// Count one document (a dict); returns its statistics (a dict).
    pub fn add(&mut self, document: JsValue) -> Result<JsValue, JsValue> {
        let document: Document = from_py(&document)?;
        Ok(to_py(&self.count(&document))?)
    }

    /// Count a list of documents, calling `progress(done, total)` after each; returns how
    /// many were added. If `progress` returns `False`, stops early.
    pub fn add_many(&mut self, documents: JsValue, progress: JsValue) -> Result<u32, JsValue> {
        let documents: Vec<Document> = from_py(&documents)?;
        let progress = if progress.is_undefined() || progress.is_null() {
            None
        } else {
            Some(PyCallback::from_py(&progress)?)
        };
        let total = documents.len() as u32;
        let mut done = 0;
        for document in &documents {
            self.count(document);
            done += 1;
            if let Some(progress) = &progress {
                let go_on: Option<bool> = progress.call(&(done, total))?;
                if go_on == Some(false) {
                    break;
                }
            }
        }
        Ok(done)
    }

    /// The `n` most frequent words as `[word, count]` pairs, most frequent first.
    pub fn top_words(&self, n: u32) -> Result<JsValue, JsValue> {
        let mut words: Vec<(&String, &u32)> = self.counts.iter().collect();
        words.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
        let top: Vec<(&String, &u32)> = words.into_iter().take(n as usize).collect();
        Ok(to_py(&top)?)
    }

    /// Counts of every word (a dict), sorted by word.
    pub fn counts(&self) -> Result<JsValue, JsValue> {
        let sorted: BTreeMap<&String, &u32> = self.counts.iter().collect();
        Ok(to_py(&sorted)?)
    }

    /// How many documents were added (a getter: `engine.documents`).
    #[wasm_bindgen(getter)]
    pub fn documents(&self) -> u32 {
        self.documents
    }
}

impl TextStats {
    fn count(&mut self, document: &Document) -> DocumentStats {
        let mut words = 0;
        let mut distinct = HashMap::new();
        let mut longest: Option<String> = None;
        let mut checksum: u64 = 0xcbf2_9ce4_8422_2325;
        for raw in document.text.split(|c: char| !c.is_alphanumeric()) {
            let word = if self.options.lowercase {
                raw.to_lowercase()
            } else {
                raw.to_owned()
            };
            if word.chars().count() < self.options.min_length.max(1) || self.options.stop_words.contains(&word) {
                continue;
            }
            words += 1;
            for byte in word.bytes() {
                checksum = (checksum ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
            if longest
                .as_ref()
                .is_none_or(|l| word.chars().count() > l.chars().count())
            {
                longest = Some(word.clone());
            }
            *distinct.entry(word.clone()).or_insert(0) += 1;
            *self.counts.entry(word).or_insert(0) += 1;
        }
        self.documents += 1;
        DocumentStats {
            title: document.title.clone(),
            words,
            distinct: distinct.len() as u32,
            longest,
            checksum,
        }
    }
}
