// Reads a genesis file by the rules of docs/protocol.md section 3, as the node's GenesisFile does,
// and refuses one it would refuse with the same code (GenesisFileException.Code): MALFORMED when
// the bytes are not one UTF-8 JSON value with unique keys, INVALID when that JSON is no genesis.
import { blake2b } from '@noble/hashes/blake2.js';
import { JsonError, JsonNumber, isObject, parseJson } from './json.js';

const H = (bytes) => blake2b(bytes, { dkLen: 32 });
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A genesis refused: `code` MALFORMED or INVALID (UNREADABLE is for files that cannot be read). */
export class GenesisError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

const invalid = (message) => {
  throw new GenesisError('INVALID', message);
};

const LONG_MAX = (1n << 63n) - 1n;
const LONG_MIN = -(1n << 63n);
const INT_MAX = (1n << 31n) - 1n;
const INT_MIN = -(1n << 31n);

function checkKeys(node, known, path) {
  if (!isObject(node)) invalid(path + ': must be a JSON object');
  for (const key of Object.keys(node)) if (!known.includes(key)) invalid(path + key + ': unknown key');
}

function object(parent, key) {
  if (!isObject(parent[key])) invalid(key + ': missing or not an object');
  return parent[key];
}

function array(parent, key, path) {
  if (!Array.isArray(parent[key])) invalid(path + ': missing or not an array');
  return parent[key];
}

function text(parent, key, path = key) {
  if (typeof parent[key] !== 'string') invalid(path + ': missing or not a string');
  return parent[key];
}

/** A JSON integer without fraction or exponent that fits a Java long (as Jackson reads it). */
function number(parent, key, path) {
  const n = parent[key];
  if (!(n instanceof JsonNumber) || !n.integral || n.big() > LONG_MAX || n.big() < LONG_MIN)
    invalid(path + ': missing or not a whole number');
  return n.big();
}

function smallNumber(parent, key, path) {
  const n = number(parent, key, path);
  if (n > INT_MAX || n < INT_MIN) invalid(path + ': out of range');
  return n;
}

/** Exactly `size` bytes as hex digits of either case; the key is compared as bytes (lowercase). */
function hex(node, size, path) {
  if (typeof node !== 'string') invalid(path + ': missing or not a hex string');
  if (node.length !== size * 2) invalid(path + ': must be ' + size * 2 + ' hex digits');
  if (!/^[0-9a-fA-F]*$/.test(node)) invalid(path + ': not hexadecimal');
  return node.toLowerCase();
}

// Java's Character.isWhitespace of the characters left once the control characters are refused.
const EDGE_SPACE = /^[\u0020\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]|[\u0020\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]$/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** An organisation name of the genesis and of trust updates (protocol.md sections 3 and 10). */
export function organisationValid(name) {
  return name.length >= 1 && name.length <= 128 && !CONTROL.test(name) && !EDGE_SPACE.test(name);
}

/**
 * The network a genesis file defines, from its exact bytes: its parameters, its id (the hash of
 * the bytes) and the answers of a trust root without updates (committeeAt, organisationAt).
 * Throws GenesisError.
 */
export function readGenesis(bytes) {
  let root;
  try {
    root = parseJson(utf8.decode(bytes));
  } catch (e) {
    if (e instanceof JsonError || e instanceof TypeError)
      throw new GenesisError('MALFORMED', 'not valid JSON: ' + e.message);
    throw e;
  }
  if (!isObject(root)) invalid('the genesis must be a JSON object');
  checkKeys(
    root,
    ['name', 'addressPrefix', 'powDifficulty', 'milestoneIntervalMs', 'timestampMs', 'committee', 'limits', 'allocations', 'issuers'],
    '',
  );
  const committee = object(root, 'committee');
  checkKeys(committee, ['keys', 'threshold'], 'committee.');
  const keys = array(committee, 'keys', 'committee.keys').map((k) => hex(k, 32, 'committee.keys'));
  const limits = object(root, 'limits');
  checkKeys(limits, ['maxTransactionBytes', 'maxDataBytes', 'maxFutureDriftMs'], 'limits.');
  let supply = 0n;
  for (const allocation of array(root, 'allocations', 'allocations')) {
    checkKeys(allocation, ['address', 'amount'], 'allocations[].');
    hex(allocation.address, 32, 'allocations[].address');
    const amount = number(allocation, 'amount', 'allocations[].amount');
    if (amount <= 0n) invalid('allocations: amount must be positive, not ' + amount);
    supply += amount;
    if (supply > LONG_MAX) invalid('allocations: the supply exceeds 2^63 - 1');
  }
  const issuers = new Map();
  if ('issuers' in root) {
    for (const issuer of array(root, 'issuers', 'issuers')) {
      checkKeys(issuer, ['key', 'organisation'], 'issuers[].');
      const key = hex(issuer.key, 32, 'issuers[].key');
      const organisation = text(issuer, 'organisation', 'issuers[].organisation');
      if (!organisationValid(organisation))
        invalid('issuers[].organisation: 1 to 128 characters, no control characters, no leading or trailing space');
      if (issuers.has(key)) invalid('issuers: key ' + key + ' is listed twice');
      issuers.set(key, organisation);
    }
  }
  const name = text(root, 'name');
  if (!/^[a-z0-9][a-z0-9._-]{0,62}$/.test(name)) invalid('name: 1 to 63 characters of a-z, 0-9, ".", "_" or "-"');
  if (!/^[a-z]{1,16}$/.test(text(root, 'addressPrefix'))) invalid('addressPrefix: 1 to 16 lowercase letters a-z');
  const powDifficulty = smallNumber(root, 'powDifficulty', 'powDifficulty');
  if (powDifficulty < 0n || powDifficulty > 64n) invalid('powDifficulty: must be between 0 and 64');
  if (number(root, 'milestoneIntervalMs', 'milestoneIntervalMs') < 100n) invalid('milestoneIntervalMs: must be at least 100');
  const timestampMs = number(root, 'timestampMs', 'timestampMs');
  if (timestampMs < 0n) invalid('timestampMs: must not be negative');
  const threshold = smallNumber(committee, 'threshold', 'committee.threshold');
  if (keys.length === 0) invalid('committee.keys: at least one key is needed');
  if (new Set(keys).size !== keys.length) invalid('committee.keys: a key is listed twice');
  if (threshold < 1n || threshold > BigInt(keys.length)) invalid('committee.threshold: must be between 1 and ' + keys.length);
  const maxTransactionBytes = smallNumber(limits, 'maxTransactionBytes', 'limits.maxTransactionBytes');
  const maxDataBytes = smallNumber(limits, 'maxDataBytes', 'limits.maxDataBytes');
  const maxFutureDriftMs = number(limits, 'maxFutureDriftMs', 'limits.maxFutureDriftMs');
  if (maxTransactionBytes < 256n || maxTransactionBytes > 1048576n) invalid('limits.maxTransactionBytes: must be between 256 and 1048576');
  if (maxDataBytes < 0n || maxDataBytes > maxTransactionBytes) invalid('limits.maxDataBytes: must be between 0 and maxTransactionBytes');
  if (maxFutureDriftMs < 0n || maxFutureDriftMs > 86400000n) invalid('limits.maxFutureDriftMs: must be between 0 and 86400000 (one day)');

  const id = H(bytes);
  let shortId = 0n;
  for (let i = 0; i < 8; i++) shortId = (shortId << 8n) | BigInt(id[i]);
  const genesisCommittee = { keys, threshold: Number(threshold) };
  return {
    name,
    id,
    shortId,
    bytes: bytes.slice(),
    powDifficulty: Number(powDifficulty),
    timestampMs,
    committee: keys,
    threshold: Number(threshold),
    maxTransactionBytes: Number(maxTransactionBytes),
    maxDataBytes: Number(maxDataBytes),
    maxFutureDriftMs,
    issuers,
    updates: [],
    lastEffectiveIndex: 0,
    /** The committee in office at milestone `index`: with a genesis alone, the genesis one. */
    committeeAt: () => genesisCommittee,
    /** Who holds issuer key `keyHex` at milestone `index`, or null. */
    organisationAt: (keyHex) => issuers.get(keyHex) ?? null,
  };
}
