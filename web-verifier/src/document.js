// The document check of docs/receipts.md section 3 step 8: a file matches a document hash when its
// size, SHA-256 and BLAKE2b-256 all equal the record's (docs/records.md, "Document hash"). Written
// from records.md; hashes by @noble/hashes, so it works where WebCrypto does not (pages served
// over plain HTTP, which browsers do not count as secure).
import { blake2b } from '@noble/hashes/blake2.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from './receipt.js';

/** The document hash of `bytes`: {size, sha256, blake2b256} with lowercase hex. */
export function hashDocument(bytes) {
  return {
    size: bytes.length,
    sha256: bytesToHex(sha256(bytes)),
    blake2b256: bytesToHex(blake2b(bytes, { dkLen: 32 })),
  };
}

/**
 * The documents a transaction's data names: an anchor's document or a trail event's `docs`; an
 * empty list when the data is no record (records.md: one canonical JSON object with a known type).
 */
export function documentsOf(data) {
  if (!data || data[0] !== 0x7b) return [];
  let text;
  let record;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    record = JSON.parse(text);
  } catch {
    return [];
  }
  // A record has one byte form (records.md, "Canonical form"): no spaces, members in order.
  if (JSON.stringify(record) !== text || record.v !== 1) return [];
  const isHash = (d) =>
    d && /^[0-9a-f]{64}$/.test(d.sha256) && /^[0-9a-f]{64}$/.test(d.blake2b256) && Number.isSafeInteger(d.size) && d.size >= 0;
  if (record.type === 'anchor') return isHash(record) ? [pick(record)] : [];
  if (record.type === 'event' && Array.isArray(record.docs)) return record.docs.filter(isHash).map(pick);
  return [];
}

const pick = (d) => ({ size: d.size, sha256: d.sha256, blake2b256: d.blake2b256 });

/**
 * Whether the file `hash` (hashDocument) is a document the verified transaction names:
 * {matches: true, document} or {matches: false, reason: NO_DOCUMENT | FILE_MISMATCH, message}.
 */
export function matchDocument(verdict, hash) {
  const documents = documentsOf(verdict.data);
  if (documents.length === 0)
    return {
      matches: false,
      reason: 'NO_DOCUMENT',
      message: 'the transaction carries no record that names a document, so no file can match it',
    };
  const found = documents.find(
    (d) => d.size === hash.size && d.sha256 === hash.sha256 && d.blake2b256 === hash.blake2b256,
  );
  if (found) return { matches: true, document: found };
  return {
    matches: false,
    reason: 'FILE_MISMATCH',
    message:
      `the file (size ${hash.size}, SHA-256 ${hash.sha256}) is none of the ${documents.length} documents the record names: ` +
      documents.map((d) => `size ${d.size}, SHA-256 ${d.sha256}`).join('; '),
  };
}
