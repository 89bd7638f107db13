// A strict JSON reader (RFC 8259) for the files whose bytes define a network: one value, nothing
// after it but white space, no key twice in an object. JSON.parse keeps the last of duplicate keys
// and reads 8.0 as 8, so two readers could see two networks in one file; this one keeps each
// number's text (JsonNumber) for the genesis rules of docs/protocol.md section 3.

export class JsonError extends Error {}

/** A number as written: `text` is its exact spelling; `integral` means no fraction or exponent. */
export class JsonNumber {
  constructor(text) {
    this.text = text;
    this.integral = /^-?(0|[1-9][0-9]*)$/.test(text);
  }
  /** The value as a BigInt, for integral numbers. */
  big() {
    return BigInt(this.text);
  }
}

const WS = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Parses `text`: objects are null-prototype objects (keys in insertion order), numbers are
 * JsonNumber. Throws JsonError naming the offset of the first fault.
 */
export function parseJson(text) {
  let at = 0;
  const fail = (what) => {
    throw new JsonError(what + ' at offset ' + at);
  };
  const skip = () => {
    while (at < text.length && WS.has(text[at])) at++;
  };
  const value = (depth) => {
    if (depth > 500) fail('nested too deep');
    skip();
    const c = text[at];
    if (c === '{') return object(depth);
    if (c === '[') return array(depth);
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]])
      if (text.startsWith(word, at)) {
        at += word.length;
        return v;
      }
    return fail('unexpected ' + (c === undefined ? 'end' : JSON.stringify(c)));
  };
  const object = (depth) => {
    const out = Object.create(null);
    at++;
    skip();
    if (text[at] === '}') {
      at++;
      return out;
    }
    for (;;) {
      skip();
      if (text[at] !== '"') fail('a key expected');
      const key = string();
      if (key in out) fail('the key ' + JSON.stringify(key) + ' twice');
      skip();
      if (text[at++] !== ':') fail('":" expected');
      out[key] = value(depth + 1);
      skip();
      const c = text[at++];
      if (c === '}') return out;
      if (c !== ',') fail('"," or "}" expected');
    }
  };
  const array = (depth) => {
    const out = [];
    at++;
    skip();
    if (text[at] === ']') {
      at++;
      return out;
    }
    for (;;) {
      out.push(value(depth + 1));
      skip();
      const c = text[at++];
      if (c === ']') return out;
      if (c !== ',') fail('"," or "]" expected');
    }
  };
  const string = () => {
    at++;
    let out = '';
    for (;;) {
      if (at >= text.length) fail('unterminated string');
      const c = text[at++];
      if (c === '"') return out;
      if (c < ' ') fail('a control character in a string');
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = text[at++];
      if (e === 'u') {
        const hex = text.slice(at, at + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('a bad \\u escape');
        out += String.fromCharCode(parseInt(hex, 16));
        at += 4;
      } else if (e in ESCAPES) out += ESCAPES[e];
      else fail('a bad escape');
    }
  };
  const number = () => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(at, at + 400));
    if (!m || m[0] === '-') fail('a bad number');
    at += m[0].length;
    return new JsonNumber(m[0]);
  };
  const result = value(0);
  skip();
  if (at !== text.length) fail('more after the value');
  return result;
}

export const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof JsonNumber);
