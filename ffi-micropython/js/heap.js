// Reads of MicroPython's linear memory for the Rust heap walker. MicroPython 1.27 exports
// getValue/UTF8ToString but not HEAPU8, so each read goes through them. `m` is `mp._module`.
export function heap_u32(m, addr) {
  return m.getValue(addr, "i32") >>> 0;
}
// The one write: an object pointer into a slot of the shim's own list of found objects.
export function heap_set_u32(m, addr, value) {
  m.setValue(addr, value, "i32");
}
export function heap_u16(m, addr) {
  return m.getValue(addr, "i16") & 0xffff;
}
export function heap_f64(m, addr) {
  return m.getValue(addr, "double");
}
// ignoreNul: Python strings may contain U+0000.
export function heap_utf8(m, addr, len) {
  return utf8Text(m, addr, len);
}

// MicroPython keeps a str's lone surrogates as their 3-byte encodings (generalized UTF-8),
// which a UTF-8 decoder turns into three U+FFFD; then the text is decoded here instead, so
// that each becomes the lone surrogate it is (as CPython's str holds it, and Pyodide gives).
function utf8Text(m, addr, len) {
  const text = m.UTF8ToString(addr, len, true);
  return text.includes("\uFFFD") ? wtf8(heap_bytes(m, addr, len)) : text;
}

function wtf8(bytes) {
  let out = "";
  const units = [];
  const flush = () => {
    out += String.fromCharCode(...units);
    units.length = 0;
  };
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    let code = need === 0 ? b : need === 1 ? b & 0x1f : need === 2 ? b & 0x0f : b & 0x07;
    let ok = need >= 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) ok = false;
      else code = (code << 6) | (c & 0x3f);
    }
    // Overlong forms and values past U+10FFFF are not text; surrogates (U+D800-DFFF) are kept.
    if (ok && ((need === 2 && code < 0x800) || (need === 3 && (code < 0x10000 || code > 0x10ffff)))) ok = false;
    if (!ok) {
      units.push(0xfffd);
      i += 1;
    } else {
      if (code >= 0x10000) units.push(0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff));
      else units.push(code);
      i += need + 1;
    }
    if (units.length >= 4096) flush();
  }
  flush();
  return out;
}
// The text of an interned string (a qstr word), through MicroPython's own converter;
// `out` is a 12-byte scratch buffer, `kindStr` the record kind of a str (js/versions.js).
// For a str, that converter allocates nothing.
export function qstr_text(m, out, word, kindStr) {
  m._proxy_convert_mp_to_js_obj_cside(word, out);
  if (m.getValue(out, "i32") !== kindStr) return undefined;
  return utf8Text(m, m.getValue(out + 8, "i32") >>> 0, m.getValue(out + 4, "i32") >>> 0);
}
// The JS value behind a JsProxy's ref (MicroPython's own table).
export function js_ref(ref) {
  return globalThis.proxy_js_ref[ref];
}
export function heap_u8(m, addr) {
  return m.getValue(addr, "i8") & 0xff;
}
// A Uint8Array copy of len bytes at addr (4 at a time: getValue is all 1.27 exports).
export function heap_bytes(m, addr, len) {
  const out = new Uint8Array(len);
  let i = 0;
  if ((addr & 3) === 0) {
    const view = new DataView(out.buffer);
    for (; i + 4 <= len; i += 4) view.setInt32(i, m.getValue(addr + i, "i32"), true);
  }
  for (; i < len; i++) out[i] = m.getValue(addr + i, "i8") & 0xff;
  return out;
}
