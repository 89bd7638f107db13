// The JavaScript reading receipt verifier (src/reading.js) gives the Java verifier's verdict on
// every shared vector (vectors/reading-receipts.json, written by the node's
// ReadingReceiptVectorsTest): the worked example of docs/sensors.md section 7 in both forms,
// tampered, moved and off-ledger receipts, a bad and an unknown device signature, and every bit of
// every byte of the compact worked example (and two bits of every byte of its file) flipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { hexToBytes, readGenesis } from '../src/receipt.js';
import { verifyReading, verifyReadingCompact, verifyReadingFile } from '../src/reading.js';

const file = JSON.parse(readFileSync(new URL('../vectors/reading-receipts.json', import.meta.url)));
const genesis = readGenesis(new TextEncoder().encode(file.genesis));

function bytesOf(v) {
  if (v.changeOf) {
    const bytes = hexToBytes(file[v.changeOf]);
    bytes[v.offset] ^= v.mask;
    return { form: v.changeOf, bytes };
  }
  return v.compact ? { form: 'compact', bytes: hexToBytes(v.compact) } : { form: 'file', bytes: hexToBytes(v.file) };
}

test('same verdict as the Java verifier on every shared reading receipt vector', () => {
  const differ = [];
  for (const v of file.vectors) {
    const { form, bytes } = bytesOf(v);
    const held = v.heldMilestone ? hexToBytes(v.heldMilestone) : null;
    const verdict =
      form === 'compact'
        ? verifyReadingCompact(bytes, genesis, (i) => (i === 1 ? held : null))
        : verifyReadingFile(bytes, genesis);
    const got = verdict.verified ? 'VERIFIED' : verdict.reason;
    if (got !== v.verdict) differ.push(`${v.name}: java ${v.verdict}, js ${got} (${verdict.message})`);
    else if (verdict.verified) {
      if (verdict.device.status !== v.device) differ.push(`${v.name}: device java ${v.device}, js ${verdict.device.status}`);
      if ((verdict.device.organisation ?? undefined) !== v.organisation) differ.push(`${v.name}: organisation`);
      if (verdict.milestoneIndex !== v.milestone) differ.push(`${v.name}: milestone`);
    }
  }
  assert.ok(file.vectors.length > 8000);
  assert.deepEqual(differ.slice(0, 40), []);
});

test('the worked example shows what docs/sensors.md section 7 prints', () => {
  const compact = hexToBytes(file.compact);
  const fileBytes = hexToBytes(file.file);
  for (const verdict of [verifyReading(compact, genesis), verifyReading(fileBytes, genesis)]) {
    assert.ok(verdict.verified, verdict.message);
    assert.deepEqual(verdict.reading, { device: 'logger-17', timeMs: 1767225602000, value: '8.75', unit: 'Cel' });
    assert.equal(verdict.readingId, '08ca6aa07aaceb8348659f29594d7c7a327f1082ce7d2e6272f881a4404d8d5f');
    assert.equal(verdict.device.organisation, 'ColdTrack Logistics');
    assert.equal(verdict.gateway, 'gw-east-1');
    assert.equal(verdict.gatewayOrganisation, 'Cold Store East');
    assert.equal(verdict.leafIndex, 1);
    assert.equal(verdict.batchSize, 3);
    assert.equal(verdict.batchRoot, '510996194ae65af23fd86c5c0d55b9d00066f91361f57319e10ba83b516d1abe');
    assert.equal(verdict.milestoneIndex, 1);
    assert.equal(verdict.milestoneTimestampMs, 1767225600000 + 600000);
  }
  assert.equal(compact.length, 1045);
  assert.equal(fileBytes.length, 2020);
});
