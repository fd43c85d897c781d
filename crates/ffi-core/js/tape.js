// Builds the JS value a conversion tape describes, in one pass (see src/convert/tape.rs
// for the format). Values go into the innermost open container; containers are
// remembered in creation order so REF can name them again (shared objects, cycles).
const decoder = new TextDecoder();

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
      case 0: value = null; break;
      case 1: value = undefined; break;
      case 2: value = true; break;
      case 3: value = false; break;
      case 4: value = nums[n++]; break;
      case 5: value = text.slice(ops[i], ops[i] + ops[i + 1]); i += 2; break;
      case 6: value = BigInt(text.slice(ops[i], ops[i] + ops[i + 1])); i += 2; break;
      case 7: value = -BigInt(text.slice(ops[i], ops[i] + ops[i + 1])); i += 2; break;
      case 8: value = js[j++]; break;
      case 9: value = memo[ops[i++]]; break;
      case 10: case 11: case 17: case 18: {
        const opcode = ops[i - 1];
        const container = opcode === 11 ? {} : opcode === 17 ? new Set() : [];
        stack.push(top, topKind, key, memo.length);
        memo.push(container);
        top = container;
        topKind = opcode === 10 ? 0 : opcode === 11 ? 1 : opcode === 17 ? 2 : 3;
        continue;
      }
      case 12: {
        const slot = stack.pop();
        value = topKind === 3 ? dictConverter(top) : top;
        if (topKind === 3) memo[slot] = value;
        key = stack.pop();
        topKind = stack.pop();
        top = stack.pop();
        break;
      }
      case 13: key = keys[ops[i++]]; continue;
      case 14: keys.push(text.slice(ops[i], ops[i] + ops[i + 1])); i += 2; continue;
      case 15: keys.push(js[j++]); continue;
      case 16: value = bin.slice(ops[i], ops[i] + ops[i + 1]); i += 2; break;
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
