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
  return m.UTF8ToString(addr, len, true);
}
// The text of an interned string (a qstr word), through MicroPython's own converter;
// `out` is a 12-byte scratch buffer. For a str, that converter allocates nothing.
export function qstr_text(m, out, word) {
  m._proxy_convert_mp_to_js_obj_cside(word, out);
  if (m.getValue(out, "i32") !== 5) return undefined;
  return m.UTF8ToString(m.getValue(out + 8, "i32") >>> 0, m.getValue(out + 4, "i32") >>> 0, true);
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
