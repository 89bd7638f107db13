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
