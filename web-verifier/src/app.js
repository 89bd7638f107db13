// The page: keeps the trust material (a genesis file, or a trust file with the committee updates
// since) on the device, reads a compact receipt from the camera, a QR image or a file, verifies it
// with receipt.js, shows the verdict, and checks a document against the verified record.
import jsQR from 'jsqr';
import { hashDocument, matchDocument } from './document.js';
import { H, bytesToHex, decodeCompact, hexToBytes, readGenesis, verifyCompact } from './receipt.js';
import { looksCompactReading, looksReadingFile, verifyReading } from './reading.js';
import { TrustError, readTrustFile, readTrustMaterial } from './trust.js';

const TRUST_KEY = 'tangle-verifier-trust';
// Milestones of receipts verified here, so that a receipt without its milestone (kind 2,
// docs/receipts.md section 8) verifies later. Held milestones are checked again on each use.
const HELD_KEY = 'tangle-verifier-milestones';
const MAX_HELD = 1000;
const DAY_MS = 86_400_000;

const $ = (id) => document.getElementById(id);
const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

// ------------------------------------------------------------------------------- trust material

function toBase64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The stored trust material, verified again from its bytes (it is never trusted as stored). */
function loadTrust() {
  const saved = localStorage.getItem(TRUST_KEY);
  if (!saved) return null;
  const stored = JSON.parse(saved);
  // Pages before trust files kept the genesis file's text.
  const bytes = stored.bytes ? fromBase64(stored.bytes) : new TextEncoder().encode(stored.genesis);
  try {
    return { root: readTrustMaterial(bytes), savedAt: stored.savedAt, source: stored.source ?? 'file' };
  } catch {
    return null;
  }
}

function age(savedAt) {
  const days = Math.floor((Date.now() - savedAt) / DAY_MS);
  return days === 0 ? 'today' : `${days} day${days === 1 ? '' : 's'} ago`;
}

function showTrust(refusal) {
  const el = $('trust-age');
  const trust = loadTrust();
  const info = $('trust-info');
  if (refusal) {
    el.dataset.refused = refusal.reason;
    $('trust-refused').innerHTML =
      `<div class="reason">${escape(refusal.what)} refused: ${escape(refusal.reason)}</div><p>${escape(refusal.message)}</p>`;
  } else {
    delete el.dataset.refused;
    $('trust-refused').textContent = '';
  }
  if (!trust) return;
  const { root, savedAt, source } = trust;
  const days = Math.floor((Date.now() - savedAt) / DAY_MS);
  // The age is shown, never a reason to refuse: trust material does not expire, it is only
  // incomplete once the committee changes again (docs/receipts.md section 9).
  el.textContent =
    `Network "${root.name}": ${root.kind === 'trust' ? 'trust file' : 'genesis file'} loaded ${age(savedAt)}` +
    ` (${new Date(savedAt).toISOString().slice(0, 10)}).`;
  el.className = days > 180 ? 'old' : '';
  el.dataset.network = root.name;
  el.dataset.kind = root.kind;
  el.dataset.updates = String(root.updates.length);
  el.dataset.lastIndex = String(root.lastEffectiveIndex);
  el.dataset.days = String(days);
  const rows = [
    ['Network', `${root.name} (${bytesToHex(root.id).slice(0, 16)}…)`],
    ['Committee updates', String(root.updates.length)],
    [
      'Covers',
      root.updates.length === 0
        ? 'the genesis committee, from milestone 1 on'
        : `committee changes up to the one from milestone ${root.lastEffectiveIndex} on`,
    ],
    ['Newest update', root.lastUpdateTimestampMs ? new Date(root.lastUpdateTimestampMs).toISOString() + ' (issuer clock)' : null],
    ['Loaded', `${age(savedAt)}, ${new Date(savedAt).toISOString()}, from ${source}`],
  ];
  info.innerHTML = rows
    .filter(([, v]) => v)
    .map(([k, v]) => `<dt>${k}</dt><dd>${escape(v)}</dd>`)
    .join('');
}

/** Verifies `bytes` as trust material and keeps it, or shows why it was refused (keeping the old). */
function saveTrust(bytes, source) {
  let root;
  try {
    root = readTrustMaterial(bytes);
  } catch (e) {
    if (!(e instanceof TrustError)) throw e;
    const what = e.code.startsWith('GENESIS_') ? 'genesis' : 'trust file';
    showTrust({ what, reason: e.code.startsWith('GENESIS_') ? e.code.slice(8) : e.reason, message: e.message });
    return;
  }
  try {
    localStorage.setItem(TRUST_KEY, JSON.stringify({ bytes: toBase64(bytes), savedAt: Date.now(), source }));
  } catch (e) {
    showTrust({ what: 'trust file', reason: 'NOT_STORED', message: 'the device refused to keep it: ' + e.message });
    return;
  }
  showTrust();
  return root;
}

async function fetchTrust(url, expectedHash) {
  let bytes;
  try {
    const response = await fetch(url, { cache: 'no-store' });
    if (!response.ok) throw new Error('HTTP ' + response.status);
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (e) {
    showTrust({ what: 'trust file', reason: 'UNREADABLE', message: `${url} cannot be fetched (${e.message})` });
    return;
  }
  if (expectedHash && bytesToHex(H(bytes)) !== expectedHash) {
    showTrust({
      what: 'trust file',
      reason: 'HASH_MISMATCH',
      message: `${url} answered a file whose BLAKE2b-256 is ${bytesToHex(H(bytes))}, the QR code names ${expectedHash}`,
    });
    return;
  }
  saveTrust(bytes, url);
}

/**
 * A trust QR code holds the genesis or trust file itself (it starts with "{"), or, for a file too
 * large for one code, its URL with the file's BLAKE2b-256 as `#blake2b256=<64 hex>`: the page
 * fetches it and keeps it only if the hash matches (docs/receipts.md section 9).
 */
function trustFromQr(bytes) {
  const text = new TextDecoder().decode(bytes);
  if (text.trimStart().startsWith('{')) return saveTrust(bytes, 'QR code');
  const link = /^(https?:\/\/[^#\s]+)#blake2b256=([0-9a-f]{64})$/.exec(text.trim());
  if (!link) {
    showTrust({ what: 'trust QR code', reason: 'MALFORMED', message: 'neither a trust file nor a URL with #blake2b256=' });
    return;
  }
  return fetchTrust(link[1], link[2]);
}

// ---------------------------------------------------------------------------------- receipts

function heldMilestones() {
  return JSON.parse(localStorage.getItem(HELD_KEY) ?? '{}');
}

function holdMilestone(root, bytes, verdict) {
  const c = decodeCompact(bytes);
  if (c.kind !== 1) return;
  const held = heldMilestones();
  held[bytesToHex(root.id) + ':' + verdict.milestoneIndex] = bytesToHex(c.milestone);
  const keys = Object.keys(held);
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_HELD))) delete held[old];
  localStorage.setItem(HELD_KEY, JSON.stringify(held));
}

let lastVerified = null;

// A reading receipt's verdict (docs/sensors.md section 10, step 6): the reading and who vouches for
// it, or the typed reason. No document check: a reading receipt anchors no document.
function showReading(verdict) {
  const out = $('verdict');
  if (!verdict.verified) {
    show(verdict);
    out.dataset.kind = 'reading';
    $('document').hidden = true;
    return;
  }
  const d = verdict.device;
  const device =
    d.status === 'UNSIGNED'
      ? 'unsigned (only the gateway vouches for the reading)'
      : d.status === 'UNKNOWN_DEVICE'
        ? 'unknown device (key ' + d.key.slice(0, 16) + '… named by no organisation)'
        : d.organisation + ' (device key ' + d.key.slice(0, 16) + '…)';
  const rows = [
    ['Reading', verdict.reading.value + ' ' + verdict.reading.unit],
    ['Device id', verdict.reading.device],
    ['Measured', new Date(verdict.reading.timeMs).toISOString() + " (device's clock)"],
    ['Device', device],
    ['Gateway', verdict.gateway + ', ' + (verdict.gatewayOrganisation ?? 'key not named by the network (' + verdict.gatewayKey.slice(0, 16) + '…)')],
    ['Batch', 'reading ' + verdict.leafIndex + ' of ' + verdict.batchSize],
    ['Confirmed', 'milestone ' + verdict.milestoneIndex + ', ' + new Date(verdict.milestoneTimestampMs).toISOString()],
    ['Reading id', verdict.readingId],
    ['Anchored in', verdict.anchor.transactionId],
  ];
  lastVerified = null;
  $('document').hidden = true;
  out.className = 'verified';
  out.dataset.kind = 'reading';
  out.dataset.reason = '';
  out.innerHTML = '<div class="headline">VERIFIED</div><dl>' +
    rows.map(([k, v]) => `<dt>${k}</dt><dd>${escape(String(v))}</dd>`).join('') + '</dl>';
  // Last, so that whoever waits for the state sees the rows.
  out.dataset.state = 'verified';
}

function show(verdict) {
  const out = $('verdict');
  out.dataset.kind = 'receipt';
  out.className = verdict.verified ? 'verified' : 'refused';
  out.dataset.state = verdict.verified ? 'verified' : 'refused';
  out.dataset.reason = verdict.reason ?? '';
  lastVerified = verdict.verified ? verdict : null;
  $('document').hidden = !verdict.verified;
  $('document-verdict').textContent = '';
  $('document-verdict').dataset.state = 'none';
  const rows = (pairs) =>
    '<dl>' + pairs.filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `<dt>${k}</dt><dd>${escape(String(v))}</dd>`).join('') + '</dl>';
  if (!verdict.verified) {
    out.innerHTML = `<div class="headline">REFUSED</div><div class="reason">${escape(verdict.reason)}</div>` +
      `<p>${escape(verdict.message ?? '')}</p>`;
    return;
  }
  let record = null;
  if (verdict.data) {
    try {
      record = new TextDecoder('utf-8', { fatal: true }).decode(verdict.data);
    } catch {
      record = verdict.data.length + ' bytes of binary data';
    }
  }
  out.innerHTML = '<div class="headline">VERIFIED</div>' + rows([
    ['Record', record],
    ['Tag', verdict.tag],
    ['Signed by', verdict.organisation ?? 'issuer not named by the network (' + verdict.issuer.slice(0, 16) + '…)'],
    ['Written', new Date(verdict.timestampMs).toISOString() + ' (issuer clock)'],
    ['Confirmed', 'milestone ' + verdict.milestoneIndex + ', ' + new Date(verdict.milestoneTimestampMs).toISOString()],
    ['Committee', verdict.signers.length + ' member signature(s)'],
    ['Transaction', verdict.transactionId],
  ]);
}

function verifyBytes(bytes) {
  const trust = loadTrust();
  if (!trust) {
    show({ verified: false, reason: 'NO_TRUST', message: 'Load the network genesis or trust file first.' });
    return;
  }
  const network = bytesToHex(trust.root.id);
  const held = (index) => {
    const hex = heldMilestones()[network + ':' + index];
    return hex ? hexToBytes(hex) : null;
  };
  if (looksCompactReading(bytes) || looksReadingFile(bytes)) {
    showReading(verifyReading(bytes, trust.root, held));
    return;
  }
  const verdict = verifyCompact(bytes, trust.root, held);
  if (verdict.verified) holdMilestone(trust.root, bytes, verdict);
  show(verdict);
}

async function checkDocument(file) {
  const out = $('document-verdict');
  if (!lastVerified) return;
  const match = matchDocument(lastVerified, hashDocument(new Uint8Array(await file.arrayBuffer())));
  out.dataset.state = match.matches ? 'matches' : match.reason;
  out.className = match.matches ? 'matches' : 'mismatch';
  out.innerHTML = match.matches
    ? `<div class="reason">document matches</div><p>${escape(file.name)}: ${match.document.size} bytes,` +
      ` SHA-256 ${match.document.sha256}, BLAKE2b-256 ${match.document.blake2b256}</p>`
    : `<div class="reason">${match.reason}</div><p>${escape(match.message)}</p>`;
}

// ------------------------------------------------------------------------------ QR codes

function readQr(imageData) {
  const code = jsQR(imageData.data, imageData.width, imageData.height, { inversionAttempts: 'dontInvert' });
  return code ? new Uint8Array(code.binaryData) : null;
}

async function qrOfImage(file) {
  const bitmap = await createImageBitmap(file);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext('2d');
  ctx.drawImage(bitmap, 0, 0);
  return readQr(ctx.getImageData(0, 0, canvas.width, canvas.height));
}

async function openReceipt(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const compact = bytes[0] === 0x54 && bytes[1] === 0x52 && (bytes[2] === 0x43 || bytes[2] === 0x52);
  if (compact || looksReadingFile(bytes)) return verifyBytes(bytes);
  const found = await qrOfImage(file);
  if (!found) show({ verified: false, reason: 'NO_QR_CODE', message: 'No QR code found in the image.' });
  else verifyBytes(found);
}

async function openTrustQr(file) {
  const found = await qrOfImage(file);
  if (!found) showTrust({ what: 'trust QR code', reason: 'NO_QR_CODE', message: 'No QR code found in the image.' });
  else await trustFromQr(found);
}

async function scan(then) {
  const video = $('camera');
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
  video.srcObject = stream;
  video.style.display = 'block';
  await video.play();
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const tick = () => {
    if (video.readyState === video.HAVE_ENOUGH_DATA) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      ctx.drawImage(video, 0, 0);
      const found = readQr(ctx.getImageData(0, 0, canvas.width, canvas.height));
      if (found) {
        stream.getTracks().forEach((t) => t.stop());
        video.style.display = 'none';
        then(found);
        return;
      }
    }
    requestAnimationFrame(tick);
  };
  tick();
}

// ---------------------------------------------------------------------------------- wiring

const picked = (id, handler) =>
  $(id).addEventListener('change', (e) => {
    const file = e.target.files[0];
    e.target.value = '';
    if (file) handler(file);
  });
picked('trust-file', async (file) => saveTrust(new Uint8Array(await file.arrayBuffer()), 'file ' + file.name));
picked('trust-qr-file', openTrustQr);
picked('receipt-file', openReceipt);
picked('document-file', checkDocument);
$('trust-url-form').addEventListener('submit', (e) => {
  e.preventDefault();
  fetchTrust($('trust-url').value.trim(), null);
});
$('scan').addEventListener('click', () =>
  scan(verifyBytes).catch((e) => show({ verified: false, reason: 'NO_CAMERA', message: e.message })));
$('trust-scan').addEventListener('click', () =>
  scan(trustFromQr).catch((e) => showTrust({ what: 'trust QR code', reason: 'NO_CAMERA', message: e.message })));
const served = location.protocol === 'http:' || location.protocol === 'https:';
if (served) {
  $('trust-url').value = location.origin + '/api/v1/trust';
} else {
  // Opened from a saved file: there is no node to download from.
  $('download').hidden = true;
}
showTrust();
// For scripts and tests on the page: the same code the buttons use.
window.tangleVerifier = {
  readGenesis,
  readTrustFile,
  readTrustMaterial,
  verifyCompact,
  verifyReading,
  hashDocument,
  matchDocument,
};
if (served && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('/verify-sw.js', { scope: '/verify' }).catch(() => {});
}
