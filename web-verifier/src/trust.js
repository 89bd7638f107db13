// Reads trust material: a genesis file, or a trust file (docs/trust.md: the genesis plus the
// committee-signed trust updates since), re-verifying every link of the chain as the node's
// TrustFile and TrustChain do (docs/protocol.md section 10). A refusal carries the same code the
// node gives for the same bytes (TrustFileException.Code, and for a broken link LinkVerdict.Code).
import { GenesisError, readGenesis } from './genesis.js';
import { JsonError, isObject, parseJson } from './json.js';
import {
  H,
  bytesToHex,
  committeeSigners,
  decodeTransaction,
  payloadRule,
  verifySignature,
} from './receipt.js';

export const FORMAT = 'tangle-trust-1';
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Trust material refused. `code`: a TrustFileException code, or GENESIS_* for a genesis file. */
export class TrustError extends Error {
  constructor(code, message, linkCode = null) {
    super(message);
    this.code = code;
    this.linkCode = linkCode;
  }
  /** As the node's CLI prints it: `BROKEN_LINK (TOO_FEW_SIGNATURES)`, else the code alone. */
  get reason() {
    return this.linkCode ? `${this.code} (${this.linkCode})` : this.code;
  }
}

const refuse = (code, message, linkCode) => {
  throw new TrustError(code, message, linkCode);
};
const malformed = (message) => refuse('MALFORMED', message);
const utf8 = new TextDecoder('utf-8', { fatal: true });
const enc = new TextEncoder();

/**
 * Reads the bytes of a genesis file or of a trust file; which one is decided by the key "format",
 * which only a trust file has. Returns the trust root; throws TrustError (for a genesis file with
 * the code GENESIS_MALFORMED or GENESIS_INVALID).
 */
export function readTrustMaterial(bytes) {
  if (looksLikeTrustFile(bytes)) return readTrustFile(bytes);
  try {
    return { ...readGenesis(bytes), kind: 'genesis' };
  } catch (e) {
    if (e instanceof GenesisError) refuse('GENESIS_' + e.code, e.message);
    throw e;
  }
}

/** A trust file names its format near the start: `{\n  "format": ...`. */
export function looksLikeTrustFile(bytes) {
  const head = new TextDecoder().decode(bytes.subarray(0, 64));
  return /^\s*\{\s*"format"/.test(head);
}

/** Reads and verifies trust file bytes (TrustFile.parse): the trust root, or throws TrustError. */
export function readTrustFile(bytes) {
  if (bytes.length > MAX_FILE_BYTES)
    refuse('UNREADABLE', `the trust file has ${bytes.length} bytes, at most ${MAX_FILE_BYTES}`);
  let root;
  try {
    root = parseJson(utf8.decode(bytes));
  } catch (e) {
    if (e instanceof JsonError || e instanceof TypeError) malformed('not JSON (' + e.message + ')');
    throw e;
  }
  if (!isObject(root)) malformed('the top level is not a JSON object');
  checkKeys(root, ['format', 'network', 'genesis', 'updates'], 'the top level');
  const format = text(root, 'format');
  if (format !== FORMAT) refuse('UNSUPPORTED_FORMAT', `format ${format}, this verifier reads ${FORMAT}`);
  const network = hex(text(root, 'network'), 'network');
  const genesisBytes = hex(text(root, 'genesis'), 'genesis');
  let chain;
  try {
    chain = readGenesis(genesisBytes);
  } catch (e) {
    if (e instanceof GenesisError) refuse('INVALID_GENESIS', `genesis ${e.code}: ${e.message}`);
    throw e;
  }
  if (bytesToHex(network) !== bytesToHex(chain.id))
    refuse('NETWORK_MISMATCH', `network ${bytesToHex(network)}, the genesis file's id is ${bytesToHex(chain.id)}`);
  if (!Array.isArray(root.updates)) malformed('updates is not an array');
  const links = new Chain(chain);
  root.updates.forEach((entry, i) => {
    const where = `updates[${i}]`;
    if (!isObject(entry)) malformed(where + ' is not an object');
    checkKeys(entry, ['id', 'transaction'], where);
    const id = hex(text(entry, 'id'), where + '.id');
    const txBytes = hex(text(entry, 'transaction'), where + '.transaction');
    const tx = decodeTransaction(txBytes, chain);
    if (typeof tx === 'string') refuse('INVALID_UPDATE', `${where}: ${tx}`);
    const rule = payloadRule(tx);
    if (rule) refuse('INVALID_UPDATE', `${where}: ${rule[0]}`);
    if (bytesToHex(id) !== bytesToHex(tx.id))
      refuse('ID_MISMATCH', `${where}: id ${bytesToHex(id)}, the transaction's is ${bytesToHex(tx.id)}`);
    const broken = links.append(tx);
    if (broken) refuse('BROKEN_LINK', `${where} (${bytesToHex(tx.id)}): ${broken[0]} ${broken[1]}`, broken[0]);
  });
  const canonical = encodeTrustFile(chain, links.updates);
  if (canonical.length !== bytes.length || canonical.some((b, i) => b !== bytes[i]))
    refuse(
      'NON_CANONICAL',
      "the chain verifies, but its bytes differ from this format's encoding of it (key order, spacing, letter case or line ends)",
    );
  return links.root();
}

/** The bytes TrustFile.encode writes for a genesis and its updates (docs/trust.md). */
export function encodeTrustFile(genesis, updates) {
  let out = `{\n  "format": "${FORMAT}",\n  "network": "${bytesToHex(genesis.id)}",\n  "genesis": "${bytesToHex(genesis.bytes)}",\n`;
  if (updates.length === 0) out += '  "updates": []\n';
  else
    out +=
      '  "updates": [\n' +
      updates
        .map((tx) => `    {\n      "id": "${bytesToHex(tx.id)}",\n      "transaction": "${bytesToHex(tx.bytes)}"\n    }`)
        .join(',\n') +
      '\n  ]\n';
  return enc.encode(out + '}\n');
}

/** The genesis and the updates linked so far (TrustChain), with the link rules of section 10. */
class Chain {
  constructor(genesis) {
    this.genesis = genesis;
    this.updates = [];
    this.committees = [{ from: 0, committee: { keys: genesis.committee, threshold: genesis.threshold } }];
    this.issuers = new Map(); // key hex -> [{from, organisation ('' revokes)}]
  }
  lastEffectiveIndex() {
    return this.updates.length === 0 ? 0 : Number(this.updates.at(-1).essence.trustUpdate.effectiveIndex);
  }
  committeeAt(index) {
    let found = this.committees[0].committee;
    for (const c of this.committees) if (c.from <= Math.max(0, index)) found = c.committee;
    return found;
  }
  /** null if `tx` links, else [LinkVerdict code, detail]. */
  append(tx) {
    const e = tx.essence;
    const u = e.trustUpdate;
    if (!u) return ['NOT_A_TRUST_UPDATE', 'the transaction carries no trust update'];
    if (e.network !== this.genesis.shortId)
      return ['WRONG_NETWORK', `network ${e.network.toString(16).padStart(16, '0')}, this is ${this.genesis.shortId.toString(16).padStart(16, '0')}`];
    const sequence = Number(u.sequence ?? 0n);
    if (sequence !== this.updates.length + 1)
      return ['WRONG_SEQUENCE', `sequence ${sequence}, the next is ${this.updates.length + 1}`];
    const effective = Number(u.effectiveIndex ?? 0n);
    if (effective <= this.lastEffectiveIndex())
      return ['EFFECTIVE_INDEX_NOT_INCREASING', `effective index ${effective}, the previous update's is ${this.lastEffectiveIndex()}`];
    if (!verifySignature(e.issuer, tx.essenceDigest, tx.signature))
      return ['BAD_SIGNATURE', "the issuer's signature does not verify"];
    for (const c of tx.cosignatures)
      if (!verifySignature(c.publicKey, tx.essenceDigest, c.signature))
        return ['BAD_SIGNATURE', `the cosignature of ${bytesToHex(c.publicKey)} does not verify`];
    const committee = this.committeeAt(effective - 1);
    const signers = committeeSigners(committee, tx);
    if (signers.size < committee.threshold)
      return [
        'TOO_FEW_SIGNATURES',
        `${signers.size} distinct keys of the committee in force at index ${effective - 1} signed, its threshold is ${committee.threshold}`,
      ];
    this.updates.push(tx);
    if (u.committee)
      this.committees.push({
        from: effective,
        committee: { keys: u.committee.keys.map(bytesToHex), threshold: Number(u.committee.threshold) },
      });
    for (const issuer of u.issuers) {
      const key = bytesToHex(issuer.key);
      if (!this.issuers.has(key)) this.issuers.set(key, []);
      this.issuers.get(key).push({ from: effective, organisation: issuer.organisation ?? '' });
    }
    return null;
  }
  /** The trust root: the genesis's parameters, answering for every milestone index. */
  root() {
    const genesis = this.genesis;
    const last = this.updates.at(-1);
    return {
      ...genesis,
      kind: 'trust',
      updates: this.updates.map((tx) => ({
        id: bytesToHex(tx.id),
        sequence: Number(tx.essence.trustUpdate.sequence),
        effectiveIndex: Number(tx.essence.trustUpdate.effectiveIndex),
        timestampMs: Number(tx.essence.timestampMs),
      })),
      lastEffectiveIndex: this.lastEffectiveIndex(),
      lastUpdateTimestampMs: last ? Number(last.essence.timestampMs) : null,
      committeeAt: (index) => this.committeeAt(index),
      organisationAt: (keyHex, index) => {
        let entry = null;
        for (const e of this.issuers.get(keyHex) ?? []) if (e.from <= index) entry = e;
        if (entry) return entry.organisation === '' ? null : entry.organisation;
        return genesis.organisationAt(keyHex, index);
      },
    };
  }
}

function checkKeys(node, known, where) {
  for (const key of Object.keys(node)) if (!known.includes(key)) malformed(`${where} has an unknown key ${key}`);
  for (const key of known) if (!(key in node)) malformed(`${where} lacks the key ${key}`);
}

function text(node, key) {
  if (typeof node[key] !== 'string') malformed(key + ' is not a string');
  return node[key];
}

function hex(value, where) {
  if (value.length % 2 !== 0 || !/^[0-9a-f]*$/.test(value)) malformed(where + ' is not lowercase hex of whole bytes');
  const out = new Uint8Array(value.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(value.substr(2 * i, 2), 16);
  return out;
}

export { H };
