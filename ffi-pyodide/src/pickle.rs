//! Decoder for the pickle stream the Python side of this adapter writes (protocol 5,
//! exact builtins plus our two marker globals). Input is untrusted: every length is
//! checked against the remaining bytes, the arena grows at most one node per opcode, and
//! nothing recurses, so malformed bytes give an error, never a panic, hang or huge
//! allocation.

use ffi_core::unstable::{NodeId, PyInt};

/// The Python module and names our `reducer_override` emits (`python/_pyscript_ffi_impl.py`).
pub const MARKER_MODULE: &str = "_pyscript_ffi_impl";
/// `_same(x)` stands for `x` (a subclass instance reduced to its base-type value);
/// `_same(x, end)` too (a `default_converter` result, followed by the mark that tells the
/// Python side its walk ended; the mark is no value).
pub const MARKER_SAME: &str = "_same";
/// `_new(kind)`: an empty list (0) or dict (1) that APPENDS/SETITEMS then fill, so a
/// subclass instance keeps its identity and may contain itself.
pub const MARKER_NEW: &str = "_new";
/// `_ext(kind, payload)`: a value the stream cannot carry (see [`External`]).
pub const MARKER_EXT: &str = "_ext";

/// The kinds `_new(kind)` takes; `_pyscript_ffi_impl.py` has their copy (checked by the
/// wire-contract test below).
pub mod new_kind {
    ffi_core::contract! {
        LIST = 0;
        DICT = 1;
    }
}

/// The kinds `_ext(kind, payload)` takes, one per [`External`] variant.
pub mod ext_kind {
    ffi_core::contract! {
        /// `payload`: the index of a JS value passed beside the stream.
        JS_REF = 0;
        /// `payload`: the type name of a Python object with no data conversion.
        OPAQUE = 1;
        UNDEFINED = 2;
        NULL = 3;
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum External {
    /// Index into the list of JS values passed beside the stream.
    JsRef(u32),
    /// A Python object of this type name that has no data conversion.
    Opaque(String),
    Undefined,
    Null,
}

/// Text of a pickled `str`: UTF-8 borrowed from the stream, or UTF-16 units when it
/// holds lone surrogates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text<'a> {
    Utf8(&'a str),
    Utf16(Vec<u16>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Node<'a> {
    None,
    Bool(bool),
    Int(PyInt),
    Float(f64),
    Str(Text<'a>),
    Bytes(&'a [u8]),
    ByteArray(&'a [u8]),
    List(Vec<NodeId>),
    Tuple(Vec<NodeId>),
    Dict(Vec<(NodeId, NodeId)>),
    Set(Vec<NodeId>),
    FrozenSet(Vec<NodeId>),
    External(External),
    /// A marker global, only meaningful as the callable of a REDUCE.
    Global(Marker),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Same,
    New,
    Ext,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "malformed pickle stream: {}", self.0)
    }
}

/// A decoded value graph: nodes in an arena (borrowing text and bytes from the
/// stream), `root` the top object.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded<'a> {
    pub nodes: Vec<Node<'a>>,
    pub root: NodeId,
}

fn err<T>(message: impl Into<String>) -> Result<T, DecodeError> {
    Err(DecodeError(message.into()))
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        let end = self.pos.checked_add(n).filter(|end| *end <= self.bytes.len());
        let Some(end) = end else {
            return err(format!("needs {n} bytes at offset {}", self.pos));
        };
        let slice = self.bytes.get(self.pos..end).unwrap_or(&[]);
        self.pos = end;
        Ok(slice)
    }
    fn u8(&mut self) -> Result<u8, DecodeError> {
        Ok(self.take(1)?.first().copied().unwrap_or(0))
    }
    fn fixed<const N: usize>(&mut self) -> Result<[u8; N], DecodeError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }
    fn len_u32(&mut self) -> Result<usize, DecodeError> {
        Ok(u32::from_le_bytes(self.fixed::<4>()?) as usize)
    }
    fn len_u64(&mut self) -> Result<usize, DecodeError> {
        usize::try_from(u64::from_le_bytes(self.fixed::<8>()?)).or_else(|_| err("length does not fit"))
    }
}

struct Machine<'a> {
    nodes: Vec<Node<'a>>,
    stack: Vec<NodeId>,
    /// Stack heights at each MARK, innermost last.
    marks: Vec<usize>,
    memo: Vec<Option<NodeId>>,
    /// The stream's length: every memo operation takes at least one byte of it.
    max_memo: usize,
}

impl<'a> Machine<'a> {
    fn push_node(&mut self, node: Node<'a>) {
        let id = NodeId(self.nodes.len() as u32);
        self.nodes.push(node);
        self.stack.push(id);
    }
    /// True when the top of the stack is a MARK (nothing pushed since).
    fn at_mark(&self) -> bool {
        self.marks.last() == Some(&self.stack.len())
    }
    fn pop_value(&mut self) -> Result<NodeId, DecodeError> {
        if self.at_mark() {
            return err("unexpected mark");
        }
        self.stack.pop().map_or_else(|| err("stack underflow"), Ok)
    }
    fn top_value(&self) -> Result<NodeId, DecodeError> {
        match self.stack.last() {
            Some(id) if !self.at_mark() => Ok(*id),
            _ => err("expected a value on the stack"),
        }
    }
    /// Pops everything down to the last MARK and the mark itself.
    fn pop_mark(&mut self) -> Result<Vec<NodeId>, DecodeError> {
        let Some(mark) = self.marks.pop() else {
            return err("no mark on the stack");
        };
        Ok(self.stack.split_off(mark.min(self.stack.len())))
    }
    fn node_mut(&mut self, id: NodeId) -> Result<&mut Node<'a>, DecodeError> {
        match self.nodes.get_mut(id.0 as usize) {
            Some(node) => Ok(node),
            None => err("dangling node"),
        }
    }
    fn node(&self, id: NodeId) -> Result<&Node<'a>, DecodeError> {
        match self.nodes.get(id.0 as usize) {
            Some(node) => Ok(node),
            None => err("dangling node"),
        }
    }
    fn memo_put(&mut self, index: usize, id: NodeId) -> Result<(), DecodeError> {
        // Memo indices come from the stream; bound them by its length so a hostile index
        // cannot make us allocate more than the input justifies. (Not by the number of
        // nodes: a `_same` reduction memoises a node that already exists.)
        if index > self.max_memo {
            return err("memo index out of range");
        }
        if self.memo.len() <= index {
            self.memo.resize(index + 1, None);
        }
        if let Some(slot) = self.memo.get_mut(index) {
            *slot = Some(id);
        }
        Ok(())
    }
    fn memo_get(&mut self, index: usize) -> Result<(), DecodeError> {
        match self.memo.get(index).copied().flatten() {
            Some(id) => {
                self.stack.push(id);
                Ok(())
            }
            None => err(format!("memo {index} not set")),
        }
    }
    fn extend(&mut self, target: NodeId, items: Vec<NodeId>) -> Result<(), DecodeError> {
        match self.node_mut(target)? {
            // The usual case, one batch into an empty list, moves the Vec instead of copying.
            Node::List(list) | Node::Set(list) if list.is_empty() => {
                *list = items;
                Ok(())
            }
            Node::List(list) | Node::Set(list) => {
                list.extend(items);
                Ok(())
            }
            _ => err("APPENDS/ADDITEMS on a non-list"),
        }
    }
    fn set_items(&mut self, target: NodeId, items: Vec<NodeId>) -> Result<(), DecodeError> {
        if items.len() % 2 != 0 {
            return err("odd number of dict items");
        }
        match self.node_mut(target)? {
            Node::Dict(entries) => {
                // A real dict never repeats a key; if a hostile stream does, the later
                // value wins in JavaScript, as it would in Python.
                entries.reserve(items.len() / 2);
                for pair in items.chunks_exact(2) {
                    if let [key, value] = *pair {
                        entries.push((key, value));
                    }
                }
                Ok(())
            }
            _ => err("SETITEMS on a non-dict"),
        }
    }
    fn str_arg(&self, id: NodeId) -> Result<String, DecodeError> {
        match self.node(id)? {
            Node::Str(Text::Utf8(s)) => Ok((*s).to_owned()),
            Node::Str(Text::Utf16(units)) => Ok(String::from_utf16_lossy(units)),
            _ => err("expected a str"),
        }
    }
    fn int_arg(&self, id: NodeId) -> Result<i64, DecodeError> {
        match self.node(id)? {
            Node::Int(PyInt::Small(n)) => Ok(*n),
            _ => err("expected a small int"),
        }
    }
    fn reduce(&mut self, callable: NodeId, args: NodeId) -> Result<(), DecodeError> {
        let marker = match self.node(callable)? {
            Node::Global(m) => *m,
            _ => return err("REDUCE of an unknown callable"),
        };
        let args = match self.node(args)? {
            Node::Tuple(items) => items.clone(),
            _ => return err("REDUCE arguments are not a tuple"),
        };
        match (marker, args.as_slice()) {
            (Marker::Same, [value] | [value, _]) => {
                self.stack.push(*value);
                Ok(())
            }
            (Marker::New, [kind]) => {
                let node = match u32::try_from(self.int_arg(*kind)?) {
                    Ok(new_kind::LIST) => Node::List(Vec::new()),
                    Ok(new_kind::DICT) => Node::Dict(Vec::new()),
                    _ => return err("unknown container kind"),
                };
                self.push_node(node);
                Ok(())
            }
            (Marker::Ext, [kind, payload]) => {
                let external = match u32::try_from(self.int_arg(*kind)?) {
                    Ok(ext_kind::JS_REF) => {
                        External::JsRef(u32::try_from(self.int_arg(*payload)?).or_else(|_| err("bad ref"))?)
                    }
                    Ok(ext_kind::OPAQUE) => External::Opaque(self.str_arg(*payload)?),
                    Ok(ext_kind::UNDEFINED) => External::Undefined,
                    Ok(ext_kind::NULL) => External::Null,
                    _ => return err("unknown external kind"),
                };
                self.push_node(Node::External(external));
                Ok(())
            }
            _ => err("marker called with the wrong arguments"),
        }
    }
}

fn decode_long(bytes: &[u8]) -> PyInt {
    // Two's complement, little-endian.
    let negative = bytes.last().is_some_and(|b| b & 0x80 != 0);
    if bytes.len() <= 8 {
        let mut buf = if negative { [0xffu8; 8] } else { [0u8; 8] };
        if let Some(dst) = buf.get_mut(..bytes.len()) {
            dst.copy_from_slice(bytes);
        }
        return PyInt::Small(i64::from_le_bytes(buf));
    }
    let magnitude_le = if negative {
        // Negate: invert and add one.
        let mut out: Vec<u8> = bytes.iter().map(|b| !b).collect();
        for byte in out.iter_mut() {
            let (sum, overflow) = byte.overflowing_add(1);
            *byte = sum;
            if !overflow {
                break;
            }
        }
        out
    } else {
        bytes.to_vec()
    };
    PyInt::Big { negative, magnitude_le }
}

/// UTF-8 as pickle writes it with `surrogatepass`: lone surrogates are encoded as
/// three-byte sequences that strict UTF-8 rejects.
fn decode_text(bytes: &[u8]) -> Result<Text<'_>, DecodeError> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Text::Utf8(text));
    }
    let mut units = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        let b0 = u32::from(byte);
        let (code, width) = if b0 < 0x80 {
            (b0, 1)
        } else if b0 & 0xe0 == 0xc0 {
            (((b0 & 0x1f) << 6) | cont(bytes, i + 1)?, 2)
        } else if b0 & 0xf0 == 0xe0 {
            (
                ((b0 & 0x0f) << 12) | (cont(bytes, i + 1)? << 6) | cont(bytes, i + 2)?,
                3,
            )
        } else if b0 & 0xf8 == 0xf0 {
            (
                ((b0 & 0x07) << 18) | (cont(bytes, i + 1)? << 12) | (cont(bytes, i + 2)? << 6) | cont(bytes, i + 3)?,
                4,
            )
        } else {
            return err("invalid UTF-8 in a str");
        };
        if code >= 0x10000 {
            let c = code - 0x10000;
            units.push(0xd800 | (c >> 10) as u16);
            units.push(0xdc00 | (c & 0x3ff) as u16);
        } else {
            units.push(code as u16);
        }
        i += width;
    }
    Ok(Text::Utf16(units))
}

fn cont(bytes: &[u8], i: usize) -> Result<u32, DecodeError> {
    match bytes.get(i) {
        Some(b) if b & 0xc0 == 0x80 => Ok(u32::from(b & 0x3f)),
        _ => err("truncated UTF-8 sequence in a str"),
    }
}

/// Decode one pickle stream.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    let mut r = Reader { bytes, pos: 0 };
    // Every opcode is at least one byte and makes at most one node: a bound, not a guess.
    let mut m = Machine {
        nodes: Vec::with_capacity(bytes.len() / 4),
        stack: Vec::new(),
        marks: Vec::new(),
        memo: Vec::new(),
        max_memo: bytes.len(),
    };
    loop {
        let op = r.u8()?;
        match op {
            0x80 => {
                let proto = r.u8()?;
                if proto > 5 {
                    return err(format!("unsupported protocol {proto}"));
                }
            }
            0x95 => {
                r.fixed::<8>()?; // FRAME: a length hint only
            }
            b'.' => {
                let root = m.pop_value()?;
                return Ok(Decoded { nodes: m.nodes, root });
            }
            b'(' => m.marks.push(m.stack.len()),
            b'0' => {
                if m.at_mark() {
                    m.marks.pop();
                } else {
                    m.stack.pop().map_or_else(|| err("POP on an empty stack"), |_| Ok(()))?;
                }
            }
            b'1' => {
                m.pop_mark()?;
            }
            b'N' => m.push_node(Node::None),
            0x88 => m.push_node(Node::Bool(true)),
            0x89 => m.push_node(Node::Bool(false)),
            b'K' => {
                let v = r.u8()?;
                m.push_node(Node::Int(PyInt::Small(i64::from(v))));
            }
            b'M' => {
                let v = u16::from_le_bytes(r.fixed::<2>()?);
                m.push_node(Node::Int(PyInt::Small(i64::from(v))));
            }
            b'J' => {
                let v = i32::from_le_bytes(r.fixed::<4>()?);
                m.push_node(Node::Int(PyInt::Small(i64::from(v))));
            }
            0x8a => {
                let n = r.u8()? as usize;
                let int = decode_long(r.take(n)?);
                m.push_node(Node::Int(int));
            }
            0x8b => {
                let n = i32::from_le_bytes(r.fixed::<4>()?);
                let n = usize::try_from(n).or_else(|_| err("negative LONG4 length"))?;
                let int = decode_long(r.take(n)?);
                m.push_node(Node::Int(int));
            }
            b'G' => {
                let v = f64::from_be_bytes(r.fixed::<8>()?);
                m.push_node(Node::Float(v));
            }
            0x8c | b'X' | 0x8d => {
                let n = match op {
                    0x8c => r.u8()? as usize,
                    b'X' => r.len_u32()?,
                    _ => r.len_u64()?,
                };
                let text = decode_text(r.take(n)?)?;
                m.push_node(Node::Str(text));
            }
            b'C' | b'B' | 0x8e | 0x96 => {
                let n = match op {
                    b'C' => r.u8()? as usize,
                    b'B' => r.len_u32()?,
                    _ => r.len_u64()?,
                };
                let data = r.take(n)?;
                m.push_node(if op == 0x96 {
                    Node::ByteArray(data)
                } else {
                    Node::Bytes(data)
                });
            }
            b']' => m.push_node(Node::List(Vec::new())),
            b'}' => m.push_node(Node::Dict(Vec::new())),
            0x8f => m.push_node(Node::Set(Vec::new())),
            b')' => m.push_node(Node::Tuple(Vec::new())),
            0x85..=0x87 => {
                let n = usize::from(op - 0x84);
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(m.pop_value()?);
                }
                items.reverse();
                m.push_node(Node::Tuple(items));
            }
            b't' => {
                let items = m.pop_mark()?;
                m.push_node(Node::Tuple(items));
            }
            0x91 => {
                let items = m.pop_mark()?;
                m.push_node(Node::FrozenSet(items));
            }
            b'a' => {
                let item = m.pop_value()?;
                let target = m.top_value()?;
                m.extend(target, vec![item])?;
            }
            b'e' | 0x90 => {
                let items = m.pop_mark()?;
                let target = m.top_value()?;
                m.extend(target, items)?;
            }
            b's' => {
                let value = m.pop_value()?;
                let key = m.pop_value()?;
                let target = m.top_value()?;
                m.set_items(target, vec![key, value])?;
            }
            b'u' => {
                let items = m.pop_mark()?;
                let target = m.top_value()?;
                m.set_items(target, items)?;
            }
            0x94 => {
                let id = m.top_value()?;
                let index = m.memo.len();
                m.memo_put(index, id)?;
            }
            b'q' => {
                let index = usize::from(r.u8()?);
                let id = m.top_value()?;
                m.memo_put(index, id)?;
            }
            b'r' => {
                let index = r.len_u32()?;
                let id = m.top_value()?;
                m.memo_put(index, id)?;
            }
            b'h' => {
                let index = usize::from(r.u8()?);
                m.memo_get(index)?;
            }
            b'j' => {
                let index = r.len_u32()?;
                m.memo_get(index)?;
            }
            0x93 => {
                let name = m.pop_value()?;
                let module = m.pop_value()?;
                let (module, name) = (m.str_arg(module)?, m.str_arg(name)?);
                let marker = match (module.as_str(), name.as_str()) {
                    (MARKER_MODULE, MARKER_EXT) => Marker::Ext,
                    (MARKER_MODULE, MARKER_SAME) => Marker::Same,
                    (MARKER_MODULE, MARKER_NEW) => Marker::New,
                    _ => return err(format!("unexpected global {module}.{name}")),
                };
                m.push_node(Node::Global(marker));
            }
            b'R' => {
                let args = m.pop_value()?;
                let callable = m.pop_value()?;
                m.reduce(callable, args)?;
            }
            other => return err(format!("unsupported opcode 0x{other:02x} at offset {}", r.pos - 1)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_a_cycle_and_shared_list() {
        // pickle.dumps of: a = [1]; a.append(a); {"a": [1, None, 2**70, 1.5, "x"], "t": (a, a)}
        let bytes: &[u8] = b"\x80\x05\x958\x00\x00\x00\x00\x00\x00\x00}\x94(\x8c\x01a\x94]\x94(K\x01N\x8a\t\x00\x00\x00\x00\x00\x00\x00\x00@G?\xf8\x00\x00\x00\x00\x00\x00\x8c\x01x\x94e\x8c\x01t\x94]\x94(K\x01h\x05eh\x05\x86\x94u.";
        let decoded = decode(bytes).expect("decodes");
        let node = |id: NodeId| &decoded.nodes[id.0 as usize];
        let Node::Dict(entries) = node(decoded.root) else {
            panic!("root is a dict")
        };
        assert_eq!(entries.len(), 2);
        let (_, tuple) = entries[1];
        let Node::Tuple(pair) = node(tuple) else {
            panic!("tuple")
        };
        assert_eq!(pair[0], pair[1], "shared list keeps one node");
        let Node::List(items) = node(pair[0]) else {
            panic!("list")
        };
        assert_eq!(items[1], pair[0], "the list contains itself");
        let (_, list) = entries[0];
        let Node::List(items) = node(list) else { panic!("list") };
        assert_eq!(
            *node(items[2]),
            Node::Int(PyInt::Big {
                negative: false,
                magnitude_le: vec![0, 0, 0, 0, 0, 0, 0, 0, 0x40]
            })
        );
        assert_eq!(*node(items[3]), Node::Float(1.5));
    }

    #[test]
    fn negative_longs() {
        assert_eq!(decode_long(&[0xff]), PyInt::Small(-1));
        assert_eq!(decode_long(&[0x00, 0x80]), PyInt::Small(-32768));
        let mut bytes = vec![0u8; 9];
        bytes[8] = 0xc0; // -(2**70)
        assert_eq!(
            decode_long(&bytes),
            PyInt::Big {
                negative: true,
                magnitude_le: vec![0, 0, 0, 0, 0, 0, 0, 0, 0x40]
            }
        );
    }

    #[test]
    fn lone_surrogates_survive() {
        assert_eq!(decode_text(b"a\xed\xa0\x80"), Ok(Text::Utf16(vec![0x61, 0xd800])));
        assert_eq!(decode_text("é".as_bytes()), Ok(Text::Utf8("é")));
    }

    #[test]
    fn truncated_and_hostile_streams_are_errors() {
        for bad in [
            &b""[..],
            b"\x80",
            b"X\xff\xff\xff\xff",
            b"\x8d\xff\xff\xff\xff\xff\xff\xff\xff",
            b"h\x00",
            b"j\xff\xff\xff\x7f",
            b"e",
            b"R",
            b"\x80\x09.",
        ] {
            assert!(decode(bad).is_err(), "{bad:?} should fail");
        }
        let unknown_global = b"\x8c\x02os\x8c\x06system\x93.";
        assert!(decode(unknown_global).is_err());
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..256)) {
            let _ = decode(&bytes);
        }

        #[test]
        fn never_panics_on_mutated_valid_streams(flips in proptest::collection::vec((0usize..80, proptest::num::u8::ANY), 1..6)) {
            let mut bytes = b"\x80\x05\x958\x00\x00\x00\x00\x00\x00\x00}\x94(\x8c\x01a\x94]\x94(K\x01N\x8a\t\x00\x00\x00\x00\x00\x00\x00\x00@G?\xf8\x00\x00\x00\x00\x00\x00\x8c\x01x\x94e\x8c\x01t\x94]\x94(K\x01h\x05eh\x05\x86\x94u.".to_vec();
            for (at, value) in flips {
                if let Some(b) = bytes.get_mut(at) { *b = value; }
            }
            let _ = decode(&bytes);
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod wire_contract {
    use std::path::Path;

    use ffi_core::unstable::contract::check::{self, numbered, Copy};

    use super::{ext_kind, new_kind, MARKER_EXT, MARKER_MODULE, MARKER_NEW, MARKER_SAME};

    const IMPL: &str = "ffi-pyodide/python/_pyscript_ffi_impl.py";

    #[test]
    fn the_python_copy_of_the_marker_kinds_matches_rust() {
        let mut lines = numbered(new_kind::ALL, |name, value| format!("_NEW_{name} = {value}"));
        lines.extend(numbered(ext_kind::ALL, |name, value| format!("_EXT_{name} = {value}")));
        let copy = Copy {
            file: IMPL,
            set: "pickle marker kinds (ffi-pyodide/src/pickle.rs, mods new_kind and ext_kind)",
            comment: "#",
            lines,
        };
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        if let Err(message) = check::check(&root, &[copy], check::blessing()) {
            panic!("{message}");
        }
        assert!(check::distinct(new_kind::ALL) && check::distinct(ext_kind::ALL));
    }

    #[test]
    fn the_markers_the_decoder_knows_are_the_module_and_functions_python_defines() {
        let source = include_str!("../python/_pyscript_ffi_impl.py");
        // install() writes the module under this name (ffi_core::unstable::python_sources::files).
        assert_eq!(MARKER_MODULE, "_pyscript_ffi_impl");
        for marker in [MARKER_SAME, MARKER_NEW, MARKER_EXT] {
            assert!(
                source.contains(&format!("\ndef {marker}(")),
                "{IMPL} defines no marker function {marker}"
            );
        }
    }
}
