// Builds the JS value a conversion tape describes, in one pass (see src/convert/tape.rs
// for the format). Values go into the innermost open container; containers are
// remembered in creation order so REF can name them again (shared objects, cycles).
const decoder = new TextDecoder();

// BEGIN wire contract: tape opcodes (ffi-core/src/unstable/convert/tape.rs, mod op); generated, FFI_BLESS=1 cargo test contract rewrites it
const OP_NULL = 0;
const OP_UNDEFINED = 1;
const OP_TRUE = 2;
const OP_FALSE = 3;
const OP_NUM = 4;
const OP_STR = 5;
const OP_BIGINT = 6;
const OP_NEG_BIGINT = 7;
const OP_JS = 8;
const OP_REF = 9;
const OP_ARRAY = 10;
const OP_OBJECT = 11;
const OP_END = 12;
const OP_KEY = 13;
const OP_DEFKEY_TEXT = 14;
const OP_DEFKEY_JS = 15;
const OP_BYTES = 16;
const OP_SET = 17;
const OP_CONVERTED = 18;
// END wire contract

export function run_tape(ops, nums, textBytes, bin, js, dictConverter) {
  const text = textBytes.length ? decoder.decode(textBytes) : "";
  const memo = [];
  const keys = [];
  const stack = [];
  let top = null;
  let topKind = 0; // 0 array, 1 object, 2 set, 3 pairs for the dict converter
  let key;
  let result;
  let n = 0;
  let j = 0;
  for (let i = 0; i < ops.length; ) {
    let value;
    switch (ops[i++]) {
      case OP_NULL: value = null; break;
      case OP_UNDEFINED: value = undefined; break;
      case OP_TRUE: value = true; break;
      case OP_FALSE: value = false; break;
      case OP_NUM: value = nums[n++]; break;
      case OP_STR: value = text.slice(ops[i], ops[i] + ops[i + 1]); i += 2; break;
      case OP_BIGINT: value = BigInt(text.slice(ops[i], ops[i] + ops[i + 1])); i += 2; break;
      case OP_NEG_BIGINT: value = -BigInt(text.slice(ops[i], ops[i] + ops[i + 1])); i += 2; break;
      case OP_JS: value = js[j++]; break;
      case OP_REF: value = memo[ops[i++]]; break;
      case OP_ARRAY: case OP_OBJECT: case OP_SET: case OP_CONVERTED: {
        const opcode = ops[i - 1];
        const container = opcode === OP_OBJECT ? {} : opcode === OP_SET ? new Set() : [];
        stack.push(top, topKind, key, memo.length);
        memo.push(container);
        top = container;
        topKind = opcode === OP_ARRAY ? 0 : opcode === OP_OBJECT ? 1 : opcode === OP_SET ? 2 : 3;
        continue;
      }
      case OP_END: {
        const slot = stack.pop();
        value = topKind === 3 ? dictConverter(top) : top;
        if (topKind === 3) memo[slot] = value;
        key = stack.pop();
        topKind = stack.pop();
        top = stack.pop();
        break;
      }
      case OP_KEY: key = keys[ops[i++]]; continue;
      case OP_DEFKEY_TEXT: keys.push(text.slice(ops[i], ops[i] + ops[i + 1])); i += 2; continue;
      case OP_DEFKEY_JS: keys.push(js[j++]); continue;
      case OP_BYTES: value = bin.slice(ops[i], ops[i] + ops[i + 1]); i += 2; break;
      default: throw new Error(`pyscript.ffi: bad tape opcode ${ops[i - 1]}`);
    }
    if (top === null) result = value;
    else if (topKind === 0 || topKind === 3) top.push(value);
    else if (topKind === 2) top.add(value);
    // "__proto__" as a plain assignment would set the prototype: define it instead.
    else if (key === "__proto__") Object.defineProperty(top, key, { value, writable: true, enumerable: true, configurable: true });
    else top[key] = value;
  }
  return result;
}
