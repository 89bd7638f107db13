// Verifies Tangle reading receipts (docs/sensors.md sections 4 to 6 and 10), written from that page
// as a second implementation beside the node's ReadingReceiptVerifier: the anchoring receipt by
// receipt.js, then the sensor-batch record, the reading's canonical bytes, its RFC 9162 path to the
// batch root, its time and the device signature. Reason codes are those of the Java verifier;
// nothing here throws on hostile input: a refusal is a value.
import { H, bytesToHex, hexToBytes, pathLeadsToRoot, verifyCompact, verifySignature } from './receipt.js';
import { JsonNumber, isObject, parseJson } from './json.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const enc = new TextEncoder();

class Refusal {
  constructor(reason, message) {
    this.reason = reason;
    this.message = message;
  }
}
const refuse = (reason, message) => {
  throw new Refusal(reason, message);
};

const MAX_READING_BYTES = 512;
// ReadingReceiptFile.MAX_BYTES and CompactReadingReceipt.MAX_BYTES of the node.
const MAX_FILE_BYTES = (1 << 20) + 8192;
const MAX_COMPACT_BYTES = 3 + 1 + 2 + 512 + 4 + 4 + 1 + 32 * 64 + (3 + 1 + 1 + 32 + 8 + 1 + 64 * 32 + 2 * (2 + 0xffff));
const MAX_TIME_MS = 253402300799999n;
const DEVICE = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,57}$/;
const GATEWAY = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,55}$/;
const DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$/;
const UNIT = /^[\x21\x23-\x5b\x5d-\x7e]{1,16}$/;
const HEX64 = /^[0-9a-f]{64}$/;
const HEX128 = /^[0-9a-f]{128}$/;
const KEYS = ['type', 'v', 'device', 'time', 'value', 'unit', 'key', 'sig'];

/** True when the first bytes are "TRR": a compact reading receipt. */
export const looksCompactReading = (b) => b.length >= 3 && b[0] === 0x54 && b[1] === 0x52 && b[2] === 0x52;

/** True when the bytes start like a reading receipt file (sensors.md section 10, step 1). */
export function looksReadingFile(bytes) {
  const head = new TextDecoder().decode(bytes.subarray(0, 48));
  return head.startsWith('{\n  "format": "tangle-reading-receipt"');
}

const integral = (n) => n instanceof JsonNumber && n.integral;

/**
 * The members of a reading object (section 2) checked, or a MALFORMED refusal: {device, time
 * (BigInt), value, unit, key, sig}. Time stays a BigInt; the value stays a string.
 */
function readingMembers(o) {
  if (!isObject(o)) refuse('MALFORMED', 'reading: a reading is a JSON object');
  for (const name of Object.keys(o)) if (!KEYS.includes(name)) refuse('MALFORMED', `reading: unknown member '${name}'`);
  if (o.type !== 'sensor-reading') refuse('MALFORMED', 'reading: type must be "sensor-reading"');
  if (!integral(o.v) || o.v.big() !== 1n) refuse('MALFORMED', 'reading: v must be 1');
  if (!integral(o.time)) refuse('MALFORMED', 'reading: time missing or not a whole number');
  if (('key' in o) !== ('sig' in o)) refuse('MALFORMED', 'reading: key and sig, both or neither');
  if ('key' in o && (typeof o.key !== 'string' || !HEX64.test(o.key))) refuse('MALFORMED', 'reading: key, 64 lowercase hex digits');
  if ('sig' in o && (typeof o.sig !== 'string' || !HEX128.test(o.sig))) refuse('MALFORMED', 'reading: sig, 128 lowercase hex digits');
  if (typeof o.device !== 'string' || !DEVICE.test(o.device)) refuse('MALFORMED', 'reading: device');
  const time = o.time.big();
  if (time < 0n || time > MAX_TIME_MS) refuse('MALFORMED', 'reading: time out of range');
  if (typeof o.value !== 'string' || o.value.length > 24 || !DECIMAL.test(o.value) || o.value === '-0')
    refuse('MALFORMED', 'reading: value, a canonical decimal');
  if (typeof o.unit !== 'string' || !UNIT.test(o.unit)) refuse('MALFORMED', 'reading: unit');
  return { device: o.device, time, value: o.value, unit: o.unit, key: o.key ?? null, sig: o.sig ?? null };
}

/** The signing bytes (sig left out) and the canonical bytes, rebuilt by concatenation (section 2). */
function readingBytes(r) {
  let s = `{"type":"sensor-reading","v":1,"device":"${r.device}","time":${r.time},"value":"${r.value}","unit":"${r.unit}"`;
  if (r.key !== null) s += `,"key":"${r.key}"`;
  const signing = enc.encode(s + '}');
  if (r.sig !== null) s += `,"sig":"${r.sig}"`;
  return { signing, canonical: enc.encode(s + '}') };
}

/**
 * The first JSON object of `bytes`, read as the node's Jackson reader reads it: bytes after the
 * object's closing brace are not read (the canonical comparison then refuses them). Throws on
 * anything else.
 */
function parseFirstValue(bytes) {
  let depth = 0;
  let inString = false;
  let end = bytes.length;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === 0x5c) i++;
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) inString = true;
    else if (b === 0x7b || b === 0x5b) depth++;
    else if (b === 0x7d || b === 0x5d) {
      depth--;
      if (depth === 0) {
        end = i + 1;
        break;
      }
    }
  }
  return parseJson(utf8.decode(bytes.subarray(0, end)));
}

const equal = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Parses a reading's bytes as the node does: a reader that refuses duplicate keys and reads the
 * first JSON value (bytes after it are left to the canonical comparison, as the node's Jackson
 * reader leaves them), checks the members (MALFORMED), then compares with the canonical bytes
 * (NOT_CANONICAL).
 */
export function parseReading(bytes) {
  if (bytes.length > MAX_READING_BYTES) refuse('MALFORMED', 'reading: more than 512 bytes');
  if (bytes.length === 0 || bytes[0] !== 0x7b) refuse('MALFORMED', 'reading: a reading is a JSON object');
  let object;
  try {
    object = parseFirstValue(bytes);
  } catch {
    refuse('MALFORMED', 'reading: not valid JSON');
  }
  const r = readingMembers(object);
  const { signing, canonical } = readingBytes(r);
  if (!equal(canonical, bytes))
    refuse('NOT_CANONICAL', 'reading: not in canonical form (member order, white space, escapes or number form)');
  return { ...r, signing, canonical };
}

/** The canonical sensor-batch record of section 3 in `data`, or null. */
function batchRecord(data) {
  let o;
  try {
    o = parseJson(utf8.decode(data));
  } catch {
    return null;
  }
  if (!isObject(o) || o.type !== 'sensor-batch') return null;
  const n = (x) => (integral(x) ? x.big() : -1n);
  const count = n(o.count);
  const first = n(o.first);
  const last = n(o.last);
  if (!integral(o.v) || o.v.big() !== 1n) return null;
  if (typeof o.gateway !== 'string' || !GATEWAY.test(o.gateway)) return null;
  if (typeof o.root !== 'string' || !HEX64.test(o.root)) return null;
  if (count < 1n || count > 1048576n || first < 0n || first > MAX_TIME_MS || last < first || last > MAX_TIME_MS) return null;
  const text = `{"type":"sensor-batch","v":1,"gateway":"${o.gateway}","root":"${o.root}","count":${count},"first":${first},"last":${last}}`;
  if (!equal(enc.encode(text), data)) return null;
  return { gateway: o.gateway, root: hexToBytes(o.root), rootHex: o.root, count, first, last };
}

// --------------------------------------------------------------- compact form (section 5)

/** The fields of a compact reading receipt, or a Refusal thrown. */
function decodeCompactReading(bytes) {
  let at = 3;
  const need = (n, what) => {
    if (bytes.length - at < n) refuse('MALFORMED', what + ': the receipt ends early');
  };
  const u32 = () => {
    const v = ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) | 0;
    at += 4;
    return v;
  };
  if (bytes.length > MAX_COMPACT_BYTES) refuse('MALFORMED', 'longer than a compact reading receipt can be');
  if (!looksCompactReading(bytes)) refuse('MALFORMED', 'a compact reading receipt starts with "TRR"');
  need(1, 'version');
  const version = bytes[at++];
  if (version !== 1) refuse('UNSUPPORTED_VERSION', 'compact reading receipt version ' + version);
  need(2, 'reading length');
  const r = (bytes[at] << 8) | bytes[at + 1];
  at += 2;
  if (r === 0 || r > MAX_READING_BYTES) refuse('MALFORMED', 'reading length: 1 to 512');
  need(r, 'reading');
  const reading = parseReading(bytes.slice(at, at + r));
  at += r;
  need(9, 'leaf index, batch size and path length');
  const leafIndex = u32();
  const batchSize = u32();
  if (leafIndex < 0 || batchSize < 1) refuse('MALFORMED', 'leaf index 0 to 2^31 - 1, batch size 1 to 2^31 - 1');
  const p = bytes[at++];
  if (p > 64) refuse('MALFORMED', 'path length: at most 64');
  need(32 * p, 'path');
  const path = [];
  for (let i = 0; i < p; i++, at += 32) path.push(bytes.slice(at, at + 32));
  const anchor = bytes.slice(at);
  if (!(anchor.length >= 3 && anchor[0] === 0x54 && anchor[1] === 0x52 && anchor[2] === 0x43))
    refuse('MALFORMED', 'anchor: a compact receipt ("TRC") follows the path');
  return { reading, leafIndex: BigInt(leafIndex), batchSize: BigInt(batchSize), path, anchor };
}

/**
 * Verifies a compact reading receipt against a trust root (readGenesis or readTrustFile);
 * `held(index)` gives the bytes of a milestone held, or null. Returns {verified: true, ...} or
 * {verified: false, reason, message}.
 */
export function verifyReadingCompact(bytes, trust, held = () => null) {
  return guarded(() => {
    const c = decodeCompactReading(bytes);
    return check(c, verifyCompact(c.anchor, trust, held), trust);
  });
}

// ------------------------------------------------------------------ file form (section 4)

const FILE_KEYS = ['format', 'version', 'reading', 'leafIndex', 'batchSize', 'path', 'anchor'];
const ANCHOR_KEYS = ['format', 'version', 'network', 'transaction', 'milestone', 'leafIndex', 'path'];

function pathLines(path, indent) {
  if (path.length === 0) return '[]';
  return '[\n' + path.map((h) => `${indent}  "${h}"`).join(',\n') + `\n${indent}]`;
}

/** The anchor receipt file (receipts.md section 2), nested two spaces deeper. */
function anchorText(a) {
  const i = '    ';
  return (
    '{\n' +
    `${i}"format": "tangle-receipt",\n` +
    `${i}"version": 1,\n` +
    `${i}"network": "${a.network}",\n` +
    `${i}"transaction": "${a.transaction}",\n` +
    `${i}"milestone": "${a.milestone}",\n` +
    `${i}"leafIndex": ${a.leafIndex},\n` +
    `${i}"path": ${pathLines(a.path, i)}\n` +
    '  }'
  );
}

const uint = (n, max) => integral(n) && !n.text.startsWith('-') && n.big() <= max;
const hexList = (l) => Array.isArray(l) && l.length <= 64 && l.every((h) => typeof h === 'string' && HEX64.test(h));

/** Parses, checks the layout byte for byte and converts the anchor to its compact form (kind 1). */
function parseReadingFile(bytes) {
  if (bytes.length > MAX_FILE_BYTES) refuse('MALFORMED', 'longer than a reading receipt file can be');
  let o;
  try {
    o = parseFirstValue(bytes);
  } catch (e) {
    refuse('MALFORMED', 'not a JSON reading receipt: ' + e.message);
  }
  if (!isObject(o) || Object.keys(o).length !== 7 || !FILE_KEYS.every((k) => k in o))
    refuse('MALFORMED', 'a reading receipt file has exactly the members ' + FILE_KEYS.join(', '));
  if (o.format !== 'tangle-reading-receipt') refuse('MALFORMED', 'format');
  if (!integral(o.version) || o.version.big() !== 1n) refuse('UNSUPPORTED_VERSION', 'reading receipt version');
  const reading = readingMembers(o.reading);
  const max = (1n << 63n) - 1n;
  if (!uint(o.leafIndex, max)) refuse('MALFORMED', 'leafIndex');
  if (!uint(o.batchSize, max) || o.batchSize.big() < 1n) refuse('MALFORMED', 'batchSize');
  if (!hexList(o.path)) refuse('MALFORMED', 'path: at most 64 hashes of 64 lowercase hex digits');
  const a = o.anchor;
  if (!isObject(a) || Object.keys(a).length !== 7 || !ANCHOR_KEYS.every((k) => k in a))
    refuse('MALFORMED', 'anchor: a receipt file has exactly the members ' + ANCHOR_KEYS.join(', '));
  if (a.format !== 'tangle-receipt') refuse('MALFORMED', 'anchor: format');
  if (!integral(a.version) || a.version.big() !== 1n) refuse('UNSUPPORTED_VERSION', 'anchor: receipt version');
  const hex = (s) => typeof s === 'string' && s.length > 0 && s.length % 2 === 0 && /^[0-9a-f]+$/.test(s);
  if (typeof a.network !== 'string' || !HEX64.test(a.network) || !hex(a.transaction) || !hex(a.milestone))
    refuse('MALFORMED', 'anchor: network, transaction and milestone in lowercase hex');
  if (!uint(a.leafIndex, max) || !hexList(a.path)) refuse('MALFORMED', 'anchor: leafIndex or path');
  const { signing, canonical } = readingBytes(reading);
  const layout =
    '{\n' +
    '  "format": "tangle-reading-receipt",\n' +
    '  "version": 1,\n' +
    `  "reading": ${new TextDecoder().decode(canonical)},\n` +
    `  "leafIndex": ${o.leafIndex.text},\n` +
    `  "batchSize": ${o.batchSize.text},\n` +
    `  "path": ${pathLines(o.path, '  ')},\n` +
    `  "anchor": ${anchorText({ ...a, leafIndex: a.leafIndex.text })}\n` +
    '}\n';
  if (!equal(enc.encode(layout), bytes))
    refuse('NOT_CANONICAL', 'the file differs from the one encoding of this reading receipt');
  const tx = hexToBytes(a.transaction);
  const milestone = hexToBytes(a.milestone);
  if (tx.length > 0xffff || milestone.length > 0xffff) refuse('MALFORMED', 'anchor: transaction or milestone too long');
  const compact = [0x54, 0x52, 0x43, 1, 1, ...hexToBytes(a.network)];
  const li = a.leafIndex.big();
  for (let i = 7; i >= 0; i--) compact.push(Number((li >> BigInt(8 * i)) & 0xffn));
  compact.push(a.path.length);
  for (const h of a.path) compact.push(...hexToBytes(h));
  for (const part of [tx, milestone]) compact.push(part.length >> 8, part.length & 0xff, ...part);
  return {
    reading: { ...reading, signing, canonical },
    leafIndex: o.leafIndex.big(),
    batchSize: o.batchSize.big(),
    path: o.path.map(hexToBytes),
    anchor: new Uint8Array(compact),
  };
}

/** Verifies a reading receipt file (section 4) against a trust root. */
export function verifyReadingFile(bytes, trust) {
  return guarded(() => {
    const c = parseReadingFile(bytes);
    return check(c, verifyCompact(c.anchor, trust), trust);
  });
}

/** Either form, told apart by the first bytes (section 10, step 1). */
export function verifyReading(bytes, trust, held = () => null) {
  return looksCompactReading(bytes) ? verifyReadingCompact(bytes, trust, held) : verifyReadingFile(bytes, trust);
}

function guarded(run) {
  try {
    return run();
  } catch (e) {
    if (e instanceof Refusal) return { verified: false, reason: e.reason, message: e.message };
    return { verified: false, reason: 'MALFORMED', message: 'unreadable: ' + e.message };
  }
}

// --------------------------------------------------------- steps 3 to 8 (section 6)

// The anchor's reasons map as ReadingReceiptVerdict.Reason.of does: a reading receipt never checks
// a document.
const ANCHOR_REASON = { NO_DOCUMENT: 'MALFORMED', FILE_MISMATCH: 'MALFORMED' };

function check(c, anchor, trust) {
  if (!anchor.verified) refuse(ANCHOR_REASON[anchor.reason] ?? anchor.reason, 'anchor receipt: ' + anchor.message);
  if (anchor.data === null) refuse('NOT_A_BATCH', 'the anchored transaction carries no data payload');
  const batch = batchRecord(anchor.data);
  if (!batch) refuse('NOT_A_BATCH', 'the anchored transaction carries no sensor-batch record');
  if (anchor.tag !== 'sensors:' + batch.gateway)
    refuse('NOT_A_BATCH', `the batch record of gateway ${batch.gateway} is not under its tag sensors:${batch.gateway}`);
  if (c.batchSize !== batch.count || c.leafIndex >= batch.count)
    refuse('BATCH_MISMATCH', `the receipt places the reading at ${c.leafIndex} of ${c.batchSize}, the batch holds ${batch.count}`);
  const r = c.reading;
  const leaf = H(Uint8Array.of(0, ...r.canonical));
  if (!pathLeadsToRoot(c.leafIndex, batch.count, c.path, leaf, batch.root))
    refuse('READING_PATH_MISMATCH', `the reading as leaf ${c.leafIndex} of ${batch.count} does not lead to batch root ${batch.rootHex}`);
  if (r.time < batch.first || r.time > batch.last)
    refuse('BATCH_MISMATCH', `the reading's time ${r.time} is outside the batch's range ${batch.first} to ${batch.last}`);
  let device = { status: 'UNSIGNED', key: null, organisation: null };
  if (r.key !== null) {
    if (!verifySignature(hexToBytes(r.key), r.signing, hexToBytes(r.sig)))
      refuse('DEVICE_SIGNATURE_INVALID', `the device signature by key ${r.key} does not verify`);
    const organisation = trust.organisationAt(r.key, anchor.milestoneIndex) ?? null;
    device = { status: organisation ? 'REGISTERED' : 'UNKNOWN_DEVICE', key: r.key, organisation };
  }
  return {
    verified: true,
    reading: { device: r.device, timeMs: Number(r.time), value: r.value, unit: r.unit },
    readingId: bytesToHex(leaf),
    device,
    gateway: batch.gateway,
    gatewayKey: anchor.issuer,
    gatewayOrganisation: anchor.organisation ?? null,
    leafIndex: Number(c.leafIndex),
    batchSize: Number(batch.count),
    batchRoot: batch.rootHex,
    batchFirstMs: Number(batch.first),
    batchLastMs: Number(batch.last),
    anchor,
    milestoneIndex: anchor.milestoneIndex,
    milestoneTimestampMs: anchor.milestoneTimestampMs,
  };
}
