// The JavaScript reader of trust material gives the Java verdict on every shared vector
// (vectors/trust-files.json, written by the node's TrustVectorsTest): genesis files (valid,
// MALFORMED or INVALID), trust files (valid, or the TrustFileException code with the link rule)
// and compact receipts after a committee change, verified with the trust file or the genesis only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { GenesisError, readGenesis } from '../src/genesis.js';
import { bytesToHex, hexToBytes, verifyCompact } from '../src/receipt.js';
import { TrustError, readTrustFile, readTrustMaterial } from '../src/trust.js';

const file = JSON.parse(readFileSync(new URL('../vectors/trust-files.json', import.meta.url)));

test('genesis files: the same verdict as GenesisFile.parse', () => {
  const differ = [];
  for (const v of file.genesisFiles) {
    let got;
    try {
      got = 'VALID ' + bytesToHex(readGenesis(hexToBytes(v.file)).id);
    } catch (e) {
      if (!(e instanceof GenesisError)) throw e;
      got = e.code;
    }
    const want = v.verdict === 'VALID' ? 'VALID ' + v.network : v.verdict;
    if (got !== want) differ.push(`${v.name}: java ${want}, js ${got}`);
  }
  assert.ok(file.genesisFiles.length > 20);
  assert.deepEqual(differ, []);
});

test('trust files: the same verdict as TrustFile.parse, link rule included', () => {
  const valid = hexToBytes(file.validTrustFile);
  const differ = [];
  for (const v of file.trustFiles) {
    let bytes;
    if (v.changeOfValid) {
      bytes = valid.slice();
      bytes[v.changeOfValid[0]] ^= v.changeOfValid[1];
    } else bytes = hexToBytes(v.file);
    let got;
    try {
      const root = readTrustFile(bytes);
      got = `VALID ${root.updates.length} ${root.lastEffectiveIndex}`;
    } catch (e) {
      if (!(e instanceof TrustError)) throw e;
      got = e.reason;
    }
    const want = v.verdict === 'VALID' ? `VALID ${v.updates} ${v.lastEffectiveIndex}` : v.verdict;
    if (got !== want) differ.push(`${v.name}: java ${want}, js ${got}`);
  }
  assert.ok(file.trustFiles.length > valid.length);
  assert.deepEqual(differ, []);
});

test('receipts after a committee change: verified with the trust file, refused with the genesis', () => {
  const trust = readTrustMaterial(hexToBytes(file.validTrustFile));
  const genesis = readTrustMaterial(trust.bytes);
  assert.equal(trust.kind, 'trust');
  assert.equal(genesis.kind, 'genesis');
  const differ = [];
  for (const v of file.receipts) {
    const verdict = verifyCompact(hexToBytes(v.compact), v.trust === 'trust' ? trust : genesis);
    const got = verdict.verified ? `VERIFIED ${verdict.organisation}` : verdict.reason;
    const want = v.verdict === 'VERIFIED' ? `VERIFIED ${v.organisation}` : v.verdict;
    if (got !== want) differ.push(`${v.name}: java ${want}, js ${got} (${verdict.message})`);
  }
  assert.deepEqual(differ, []);
  assert.ok(file.receipts.some((v) => v.verdict === 'BELOW_THRESHOLD'));
});

test('a genesis file given as trust material is refused with GENESIS_ codes', () => {
  assert.throws(
    () => readTrustMaterial(new TextEncoder().encode('{"name": "x"')),
    (e) => e instanceof TrustError && e.code === 'GENESIS_MALFORMED',
  );
  assert.throws(
    () => readTrustMaterial(new TextEncoder().encode('{"name": "x"}')),
    (e) => e instanceof TrustError && e.code === 'GENESIS_INVALID',
  );
});
