// The JavaScript verifier gives the Java verifier's verdict on every shared vector
// (vectors/compact-receipts.json, written by the node's CompactReceiptVectorsTest), and the node's
// verdicts on the 12 Ed25519 edge cases of docs/crypto.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { hexToBytes, readGenesis, verifyCompact, verifySignature } from '../src/receipt.js';

const here = new URL('.', import.meta.url);

test('same verdict as the Java verifier on every shared vector', () => {
  const file = JSON.parse(readFileSync(new URL('../vectors/compact-receipts.json', here)));
  const genesis = readGenesis(new TextEncoder().encode(file.genesis));
  const differ = [];
  const first = hexToBytes(file.vectors[0].compact);
  for (const v of file.vectors) {
    const held = v.heldMilestone ? hexToBytes(v.heldMilestone) : null;
    let bytes;
    if (v.changeOfFirst) {
      bytes = first.slice();
      bytes[v.changeOfFirst[0]] ^= v.changeOfFirst[1];
    } else {
      bytes = hexToBytes(v.compact);
    }
    const verdict = verifyCompact(bytes, genesis, (i) => (i === 1 ? held : null));
    const got = verdict.verified ? 'VERIFIED' : verdict.reason;
    if (got !== v.verdict) differ.push(`${v.name}: java ${v.verdict}, js ${got} (${verdict.message})`);
  }
  assert.ok(file.vectors.length > 1000);
  assert.deepEqual(differ, []);
});

test('the node verdicts on the 12 Ed25519 edge cases (docs/crypto.md)', () => {
  const cases = JSON.parse(
    readFileSync(new URL('../../testvectors/ed25519-speccheck/cases.json', here)),
  );
  const accepted = cases
    .map((c, i) => (verifySignature(hexToBytes(c.pub_key), hexToBytes(c.message), hexToBytes(c.signature)) ? i : -1))
    .filter((i) => i >= 0);
  assert.deepEqual(accepted, [2, 3, 4, 5]);
});

test('the document check of the worked example (receipts.md step 8, records.md)', async () => {
  const { hashDocument, matchDocument } = await import('../src/document.js');
  const file = JSON.parse(readFileSync(new URL('../vectors/compact-receipts.json', here)));
  const genesis = readGenesis(new TextEncoder().encode(file.genesis));
  const verdict = verifyCompact(hexToBytes(file.vectors[0].compact), genesis);
  assert.ok(verdict.verified);
  // The 59-byte delivery note that transaction B anchors (ReceiptFixture.document()).
  const note = new TextEncoder().encode('Delivery note 4711: 40 boxes of water purification tablets\n');
  const hash = hashDocument(note);
  assert.equal(hash.sha256, '39ccace23defa71e5ae4faeb23115c5542940aeb1f2ed7de272ac21a6020658f');
  assert.deepEqual(matchDocument(verdict, hash), { matches: true, document: hash });
  const changed = note.slice();
  changed[21] ^= 1;
  assert.equal(matchDocument(verdict, hashDocument(changed)).reason, 'FILE_MISMATCH');
  // Leaf C carries plain text, no record: nothing to compare a file with.
  const leafC = file.vectors.find((v) => v.name === 'three signatures (two outside the committee), leaf 2');
  const plain = verifyCompact(hexToBytes(leafC.compact), genesis);
  assert.ok(plain.verified, plain.message);
  assert.equal(matchDocument(plain, hash).reason, 'NO_DOCUMENT');
});
