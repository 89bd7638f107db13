// Verifies Tangle compact receipts, written from docs/protocol.md and docs/receipts.md alone, as
// a second implementation beside the node's Java verifier. Every check names the reason code of
// docs/receipts.md section 3; nothing here throws on hostile input: a refusal is a value.
import { ed25519 } from '@noble/curves/ed25519.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { organisationValid } from './genesis.js';

export const H = (bytes) => blake2b(bytes, { dkLen: 32 });

const enc = new TextEncoder();
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function hexToBytes(hex) {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new Error('not hex');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(2 * i, 2), 16);
  return out;
}

export function bytesToHex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const equal = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Unsigned byte comparison: negative, 0 or positive. */
function compare(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

class Refusal {
  constructor(reason, message) {
    this.reason = reason;
    this.message = message;
  }
}
const refuse = (reason, message) => {
  throw new Refusal(reason, message);
};

// Genesis files (protocol.md section 3) are read by genesis.js; a genesis is a trust root without
// updates, a trust file (trust.js) one with them: both answer committeeAt and organisationAt.
export { readGenesis } from './genesis.js';

// ------------------------------------------------- canonical protobuf (protocol.md section 4)

class Invalid extends Error {}

/** Reads fields in canonical form only: the checks of section 4, "Canonical encoding". */
class Reader {
  constructor(bytes) {
    this.bytes = bytes;
    this.at = 0;
    this.last = 0;
  }
  done() {
    return this.at >= this.bytes.length;
  }
  varint() {
    let value = 0n;
    for (let shift = 0n, i = 0; ; shift += 7n, i++) {
      if (this.at >= this.bytes.length || i >= 10) throw new Invalid('truncated varint');
      const b = this.bytes[this.at++];
      value |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) {
        if (b === 0 && i > 0) throw new Invalid('varint not in its fewest bytes');
        if (value >= 1n << 64n) throw new Invalid('varint above 64 bits');
        return value;
      }
    }
  }
  /** The next field's number and wire type, or null at the end; numbers must not go down. */
  key(repeatedOk) {
    if (this.done()) return null;
    const key = this.varint();
    const number = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (number < this.last || (number === this.last && !repeatedOk(number)))
      throw new Invalid('fields out of order or repeated');
    this.last = number;
    return { number, wire };
  }
  lengthDelimited() {
    const length = this.varint();
    if (length > BigInt(this.bytes.length - this.at)) throw new Invalid('truncated field');
    const out = this.bytes.subarray(this.at, this.at + Number(length));
    this.at += Number(length);
    return out;
  }
  fixed64() {
    if (this.at + 8 > this.bytes.length) throw new Invalid('truncated fixed64');
    let value = 0n;
    for (let i = 7; i >= 0; i--) value = (value << 8n) | BigInt(this.bytes[this.at + i]);
    this.at += 8;
    return value;
  }
}

/**
 * Decodes a message by `schema`: number -> [name, kind, repeated], kinds 'varint', 'fixed64',
 * 'bytes', 'string' or a nested schema object. Defaults must be omitted (empty embedded messages
 * excepted), repeated entries follow each other, unknown fields are refused.
 */
function decodeMessage(bytes, schema) {
  const reader = new Reader(bytes);
  const out = {};
  for (const [, [name, , repeated]] of Object.entries(schema)) if (repeated) out[name] = [];
  const repeatedOk = (n) => schema[n]?.[2] === true;
  for (let field; (field = reader.key(repeatedOk)) !== null; ) {
    const spec = schema[field.number];
    if (!spec) throw new Invalid('unknown field ' + field.number);
    const [name, kind, repeated] = spec;
    let value;
    if (kind === 'varint') {
      if (field.wire !== 0) throw new Invalid('wrong wire type');
      value = reader.varint();
      if (value === 0n && !repeated) throw new Invalid('default value written');
    } else if (kind === 'fixed64') {
      if (field.wire !== 1) throw new Invalid('wrong wire type');
      value = reader.fixed64();
      if (value === 0n) throw new Invalid('default value written');
    } else {
      if (field.wire !== 2) throw new Invalid('wrong wire type');
      const raw = reader.lengthDelimited();
      if (kind === 'bytes' || kind === 'string') {
        if (raw.length === 0 && !repeated) throw new Invalid('default value written');
        value = raw;
        if (kind === 'string') {
          try {
            value = utf8.decode(raw);
          } catch {
            throw new Invalid('not UTF-8');
          }
        }
      } else {
        value = decodeMessage(raw, kind);
      }
    }
    if (repeated) out[name].push(value);
    else out[name] = value;
  }
  return out;
}

const SIGNATURE = { 1: ['publicKey', 'bytes'], 2: ['signature', 'bytes'] };
const DATA = { 1: ['tag', 'bytes'], 2: ['data', 'bytes'] };
const OUTPUT_REF = { 1: ['transactionId', 'bytes'], 2: ['index', 'varint'] };
const OUTPUT = {
  1: ['amount', 'varint'],
  2: ['addresses', 'bytes', true],
  3: ['threshold', 'varint'],
  4: ['timelockMs', 'varint'],
};
const TRANSFER = { 1: ['inputs', OUTPUT_REF, true], 2: ['outputs', OUTPUT, true], 3: ['tag', 'bytes'] };
const MILESTONE = {
  1: ['index', 'varint'],
  2: ['previousMilestone', 'bytes'],
  3: ['confirmedRoot', 'bytes'],
  4: ['historyRoot', 'bytes'],
  5: ['historySize', 'varint'],
};
const COMMITTEE = { 1: ['keys', 'bytes', true], 2: ['threshold', 'varint'] };
const ISSUER = { 1: ['key', 'bytes'], 2: ['organisation', 'string'] };
const TRUST = {
  1: ['sequence', 'varint'],
  2: ['effectiveIndex', 'varint'],
  3: ['committee', COMMITTEE],
  4: ['issuers', ISSUER, true],
};
const ESSENCE = {
  1: ['network', 'fixed64'],
  2: ['version', 'varint'],
  3: ['parents', 'bytes', true],
  4: ['issuer', 'bytes'],
  5: ['timestampMs', 'varint'],
  6: ['data', DATA],
  7: ['transfer', TRANSFER],
  8: ['milestone', MILESTONE],
  9: ['trustUpdate', TRUST],
};
const TRANSACTION = {
  1: ['essence', 'bytes'],
  2: ['nonce', 'fixed64'],
  3: ['signature', 'bytes'],
  4: ['cosignatures', SIGNATURE, true],
};

/** Rule 1 (size, decoding, canonical form, field lengths): the decoded transaction, or a string. */
export function decodeTransaction(bytes, genesis) {
  if (bytes.length > genesis.maxTransactionBytes) return 'TOO_LARGE';
  let tx;
  try {
    tx = decodeMessage(bytes, TRANSACTION);
    if (!tx.essence || bytes[0] !== 0x0a) throw new Invalid('no essence');
    tx.essenceBytes = tx.essence;
    tx.essence = decodeMessage(tx.essence, ESSENCE);
  } catch (e) {
    if (e instanceof Invalid) return 'UNDECODABLE or NON_CANONICAL: ' + e.message;
    throw e;
  }
  const e = tx.essence;
  const len32 = (b) => b !== undefined && b.length === 32;
  if (!e.parents.every(len32) || !len32(e.issuer)) return 'MALFORMED_FIELD';
  if (!tx.signature || tx.signature.length !== 64) return 'MALFORMED_FIELD';
  for (const c of tx.cosignatures)
    if (!len32(c.publicKey) || !c.signature || c.signature.length !== 64) return 'MALFORMED_FIELD';
  tx.nonce = tx.nonce ?? 0n;
  e.network = e.network ?? 0n;
  e.version = e.version ?? 0n;
  e.timestampMs = e.timestampMs ?? 0n;
  tx.bytes = bytes;
  tx.id = H(bytes);
  tx.essenceDigest = H(tx.essenceBytes);
  return tx;
}

const TANGLE = enc.encode('tangle.');

/** Rules 2 to 13 (rule 12 from `fromMs` to `toMs`, either may be null): null or a reason. */
function checkRules(tx, genesis, fromMs, toMs) {
  const e = tx.essence;
  if (e.network !== genesis.shortId) return ['WRONG_NETWORK', 'network ' + e.network];
  if (e.version !== 1n) return ['UNSUPPORTED_VERSION'];
  if (e.parents.length < 1 || e.parents.length > 8) return ['PARENT_COUNT'];
  for (let i = 1; i < e.parents.length; i++) {
    const c = compare(e.parents[i - 1], e.parents[i]);
    if (c === 0) return ['PARENTS_DUPLICATE'];
    if (c > 0) return ['PARENTS_UNORDERED'];
  }
  const payload = payloadRule(tx);
  if (payload) return payload;
  if (e.data && (e.data.data?.length ?? 0) > genesis.maxDataBytes) return ['DATA_TOO_LARGE'];
  const cos = tx.cosignatures;
  if (cos.length > 64) return ['INVALID_COSIGNATURES'];
  for (let i = 0; i < cos.length; i++) {
    if (equal(cos[i].publicKey, e.issuer)) return ['INVALID_COSIGNATURES'];
    if (i > 0 && compare(cos[i - 1].publicKey, cos[i].publicKey) >= 0) return ['INVALID_COSIGNATURES'];
  }
  if (e.timestampMs >= 1n << 63n) return ['TIMESTAMP_OUT_OF_WINDOW'];
  if (fromMs !== null && e.timestampMs < fromMs) return ['TIMESTAMP_OUT_OF_WINDOW'];
  if (toMs !== null && e.timestampMs > toMs) return ['TIMESTAMP_OUT_OF_WINDOW'];
  if (!meetsPow(tx.essenceDigest, tx.nonce, genesis.powDifficulty)) return ['INSUFFICIENT_POW'];
  return null;
}

/**
 * Rules 5, 6 and 8 to 10, those on the payload alone, which the node checks while decoding (its
 * TransactionDecoder): null or a reason.
 */
export function payloadRule(tx) {
  const e = tx.essence;
  const payloads = ['data', 'transfer', 'milestone', 'trustUpdate'].filter((k) => e[k]);
  if (payloads.length !== 1) return ['MISSING_PAYLOAD'];
  const tag = e.data?.tag ?? e.transfer?.tag;
  if (tag && tag.length > 64) return ['TAG_TOO_LONG'];
  if (tag && tag.length >= 7 && equal(tag.subarray(0, 7), TANGLE)) return ['TAG_RESERVED'];
  if (e.transfer && !transferValid(e.transfer)) return ['INVALID_TRANSFER'];
  if (e.milestone) {
    const m = e.milestone;
    const index = m.index ?? 0n;
    const previous = m.previousMilestone;
    if (
      index < 1n ||
      index > 0x7fffffffn ||
      (index === 1n ? previous !== undefined : previous?.length !== 32) ||
      m.confirmedRoot?.length !== 32 ||
      m.historyRoot?.length !== 32 ||
      (m.historySize ?? 0n) >= 1n << 63n
    )
      return ['INVALID_MILESTONE'];
  }
  if (e.trustUpdate && !trustUpdateValid(e.trustUpdate)) return ['INVALID_TRUST_UPDATE'];
  return null;
}

function sortedUnique32(list) {
  for (let i = 0; i < list.length; i++) {
    if (list[i].length !== 32) return false;
    if (i > 0 && compare(list[i - 1], list[i]) >= 0) return false;
  }
  return true;
}

function transferValid(t) {
  if (t.inputs.length < 1 || t.inputs.length > 128) return false;
  const seen = new Set();
  for (const input of t.inputs) {
    if (input.transactionId?.length !== 32 || (input.index ?? 0n) >= 128n) return false;
    const key = bytesToHex(input.transactionId) + ':' + (input.index ?? 0n);
    if (seen.has(key)) return false;
    seen.add(key);
  }
  if (t.outputs.length < 1 || t.outputs.length > 128) return false;
  let total = 0n;
  for (const o of t.outputs) {
    const amount = o.amount ?? 0n;
    const threshold = o.threshold ?? 0n;
    if (amount <= 0n || amount >= 1n << 63n || (o.timelockMs ?? 0n) >= 1n << 63n) return false;
    if (o.addresses.length < 1 || o.addresses.length > 16 || !sortedUnique32(o.addresses)) return false;
    if (threshold === 1n || threshold > BigInt(o.addresses.length)) return false;
    total += amount;
  }
  return total < 1n << 63n;
}

function trustUpdateValid(u) {
  const sequence = u.sequence ?? 0n;
  const effective = u.effectiveIndex ?? 0n;
  if (sequence < 1n || sequence > 0x7fffffffn || effective < 1n || effective > 0x7fffffffn) return false;
  if (u.committee) {
    const c = u.committee;
    const t = c.threshold ?? 0n;
    if (c.keys.length < 1 || c.keys.length > 64 || !sortedUnique32(c.keys)) return false;
    if (t < 1n || t > BigInt(c.keys.length)) return false;
  }
  if (u.issuers.length > 64 || !sortedUnique32(u.issuers.map((i) => i.key ?? new Uint8Array()))) return false;
  for (const issuer of u.issuers) {
    const org = issuer.organisation ?? '';
    // Empty revokes the key; anything else is an organisation name as in the genesis.
    if (org !== '' && !organisationValid(org)) return false;
  }
  return !!u.committee || u.issuers.length > 0;
}

/** Section 6: the first `d` bits of H(essence_digest || nonce big-endian) are zero. */
export function meetsPow(digest, nonce, d) {
  const input = new Uint8Array(40);
  input.set(digest);
  for (let i = 0; i < 8; i++) input[32 + i] = Number((nonce >> BigInt(8 * (7 - i))) & 0xffn);
  const hash = H(input);
  for (let bit = 0; bit < d; bit++) if (hash[bit >> 3] & (0x80 >> (bit & 7))) return false;
  return true;
}

/** Ed25519 as the node verifies it (docs/crypto.md "Signature edge cases"). */
export function verifySignature(publicKey, message, signature) {
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

/** The distinct keys of `committee` ({keys: hex[], threshold}) among a transaction's signers. */
export function committeeSigners(committee, tx) {
  return new Set(
    [tx.essence.issuer, ...tx.cosignatures.map((s) => s.publicKey)]
      .map(bytesToHex)
      .filter((k) => committee.keys.includes(k)),
  );
}

export function signaturesValid(tx) {
  if (!verifySignature(tx.essence.issuer, tx.essenceDigest, tx.signature)) return false;
  return tx.cosignatures.every((c) => verifySignature(c.publicKey, tx.essenceDigest, c.signature));
}

// ----------------------------------------------------- compact receipt (receipts.md section 8)

/** The fields of a compact receipt, or a Refusal thrown for MALFORMED / UNSUPPORTED_VERSION. */
export function decodeCompact(bytes) {
  let at = 0;
  const need = (n, what) => {
    if (bytes.length - at < n) refuse('MALFORMED', what + ': the compact receipt ends too early');
  };
  const u = (n) => {
    let v = 0n;
    for (let i = 0; i < n; i++) v = (v << 8n) | BigInt(bytes[at++]);
    return v;
  };
  need(5, 'header');
  if (bytes[0] !== 0x54 || bytes[1] !== 0x52 || bytes[2] !== 0x43)
    refuse('MALFORMED', 'a compact receipt starts with "TRC"');
  at = 3;
  const version = bytes[at++];
  if (version !== 1) refuse('UNSUPPORTED_VERSION', 'compact receipt version ' + version);
  const kind = bytes[at++];
  if (kind !== 1 && kind !== 2) refuse('MALFORMED', 'kind ' + kind);
  need(41, 'network, leaf index, path length');
  const network = bytes.slice(at, at + 32);
  at += 32;
  const leafIndex = u(8);
  if (leafIndex >= 1n << 63n) refuse('MALFORMED', 'leaf index above 2^63 - 1');
  const p = bytes[at++];
  if (p > 64) refuse('MALFORMED', 'path of ' + p + ' hashes');
  need(32 * p, 'path');
  const path = [];
  for (let i = 0; i < p; i++, at += 32) path.push(bytes.slice(at, at + 32));
  const part = (what) => {
    need(2, what + ' length');
    const n = Number(u(2));
    if (n === 0) refuse('MALFORMED', what + ' empty');
    need(n, what);
    const out = bytes.slice(at, at + n);
    at += n;
    return out;
  };
  const transaction = part('transaction');
  let milestone = null;
  let milestoneIndex = null;
  if (kind === 1) milestone = part('milestone');
  else {
    need(4, 'milestone index');
    milestoneIndex = Number(u(4));
    if (milestoneIndex < 1 || milestoneIndex > 0x7fffffff) refuse('MALFORMED', 'milestone index');
  }
  if (at !== bytes.length) refuse('MALFORMED', bytes.length - at + ' bytes after the last field');
  return { kind, network, leafIndex, path, transaction, milestone, milestoneIndex };
}

const leafHash = (id) => H(concat([new Uint8Array([0]), id]));
const nodeHash = (l, r) => H(concat([new Uint8Array([1]), l, r]));

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** RFC 9162 section 2.1.3.2, as receipts.md step 7 writes it. */
export function pathLeadsToRoot(leafIndex, size, path, leaf, root) {
  if (leafIndex >= size) return false;
  let fn = leafIndex;
  let sn = size - 1n;
  let r = leaf;
  for (const p of path) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      r = nodeHash(p, r);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && equal(r, root);
}

/**
 * Verifies a compact receipt against a trust root: a genesis (readGenesis) or a trust file
 * (readTrustFile, trust.js). `held(index)` gives the bytes of a
 * milestone the verifier holds, or null. Returns {verified: true, ...what was proven} or
 * {verified: false, reason, message}.
 */
export function verifyCompact(bytes, genesis, held = () => null) {
  try {
    return verified(bytes, genesis, held);
  } catch (e) {
    if (e instanceof Refusal) return { verified: false, reason: e.reason, message: e.message };
    return { verified: false, reason: 'MALFORMED', message: 'unreadable: ' + e.message };
  }
}

function verified(bytes, genesis, held) {
  const c = decodeCompact(bytes);
  let milestoneBytes = c.milestone;
  if (c.kind === 2) {
    milestoneBytes = held(c.milestoneIndex);
    if (!milestoneBytes) refuse('MILESTONE_NOT_HELD', 'no milestone ' + c.milestoneIndex + ' held');
  }
  if (!equal(c.network, genesis.id)) refuse('WRONG_NETWORK', 'the receipt is for another network');

  // Step 4: the milestone, rules 1 to 13 with only the lower end of rule 12.
  const m = decodeTransaction(milestoneBytes, genesis);
  if (typeof m === 'string') refuse('MILESTONE_INVALID', 'milestone: ' + m);
  const mRule = checkRules(m, genesis, genesis.timestampMs, null);
  if (mRule) refuse(mRule[0] === 'WRONG_NETWORK' ? 'WRONG_NETWORK' : 'MILESTONE_INVALID', 'milestone: ' + mRule[0]);
  const payload = m.essence.milestone;
  if (!payload) refuse('NOT_A_MILESTONE', 'the milestone bytes carry no milestone payload');
  if (!signaturesValid(m)) refuse('MILESTONE_INVALID', 'milestone: BAD_SIGNATURE');

  // Step 5: distinct keys of the committee in office at the milestone's index (the genesis one
  // with a genesis alone, the trust file's after a committee change) among issuer and cosigners.
  const committee = genesis.committeeAt(Number(payload.index));
  const signers = committeeSigners(committee, m);
  if (signers.size < committee.threshold)
    refuse(
      'BELOW_THRESHOLD',
      `${signers.size} keys of the committee in office at milestone ${payload.index} signed, threshold ${committee.threshold}`,
    );

  // Step 6: the transaction, with the milestone's time as the clock.
  const tx = decodeTransaction(c.transaction, genesis);
  if (typeof tx === 'string') refuse('TRANSACTION_INVALID', 'transaction: ' + tx);
  const rule = checkRules(tx, genesis, genesis.timestampMs, m.essence.timestampMs + genesis.maxFutureDriftMs);
  if (rule) refuse(rule[0] === 'WRONG_NETWORK' ? 'WRONG_NETWORK' : 'TRANSACTION_INVALID', 'transaction: ' + rule[0]);
  if (!signaturesValid(tx)) refuse('TRANSACTION_INVALID', 'transaction: BAD_SIGNATURE');

  // Step 7: the path.
  const index = payload.index;
  if (!pathLeadsToRoot(c.leafIndex, payload.historySize ?? 0n, c.path, leafHash(tx.id), payload.historyRoot))
    refuse('PATH_MISMATCH', 'the path does not lead to milestone ' + index + "'s history root");
  if (c.kind === 2 && index !== BigInt(c.milestoneIndex))
    refuse('MILESTONE_NOT_HELD', 'the milestone held is ' + index + ', not ' + c.milestoneIndex);

  const e = tx.essence;
  const tag = e.data?.tag ?? e.transfer?.tag;
  return {
    verified: true,
    transactionId: bytesToHex(tx.id),
    issuer: bytesToHex(e.issuer),
    organisation: genesis.organisationAt(bytesToHex(e.issuer), Number(index)),
    timestampMs: Number(e.timestampMs),
    tag: tag ? new TextDecoder().decode(tag) : null,
    data: e.data?.data ?? null,
    milestoneIndex: Number(index),
    milestoneTimestampMs: Number(m.essence.timestampMs),
    signers: [...signers],
    leafIndex: Number(c.leafIndex),
    historySize: Number(payload.historySize ?? 0n),
  };
}
