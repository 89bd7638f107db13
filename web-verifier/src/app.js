// The page: keeps the trust material (the genesis file) on the device, reads a compact receipt
// from the camera, a QR image or a file, verifies it with receipt.js and shows the verdict.
import jsQR from 'jsqr';
import { bytesToHex, decodeCompact, hexToBytes, readGenesis, verifyCompact } from './receipt.js';

const TRUST_KEY = 'tangle-verifier-trust';
// Milestones of receipts verified here, so that a receipt without its milestone (kind 2,
// docs/receipts.md section 8) verifies later. Held milestones are checked again on each use.
const HELD_KEY = 'tangle-verifier-milestones';
const MAX_HELD = 1000;

function heldMilestones() {
  return JSON.parse(localStorage.getItem(HELD_KEY) ?? '{}');
}

function holdMilestone(genesis, bytes) {
  const c = decodeCompact(bytes);
  if (c.kind !== 1) return;
  const verdict = verifyCompact(bytes, genesis);
  if (!verdict.verified) return;
  const held = heldMilestones();
  held[bytesToHex(genesis.id) + ':' + verdict.milestoneIndex] = bytesToHex(c.milestone);
  const keys = Object.keys(held);
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_HELD))) delete held[old];
  localStorage.setItem(HELD_KEY, JSON.stringify(held));
}
const $ = (id) => document.getElementById(id);

function loadTrust() {
  const saved = localStorage.getItem(TRUST_KEY);
  if (!saved) return null;
  const { genesis, savedAt } = JSON.parse(saved);
  return { genesis: readGenesis(new TextEncoder().encode(genesis)), savedAt };
}

function showTrust() {
  const trust = loadTrust();
  const el = $('trust-age');
  if (!trust) return;
  const days = Math.floor((Date.now() - trust.savedAt) / 86_400_000);
  // The age is shown, never a reason to refuse: a genesis does not expire (docs/receipts.md).
  el.textContent =
    `Network "${trust.genesis.name}": trust material loaded ` +
    (days === 0 ? 'today' : `${days} day${days === 1 ? '' : 's'} ago`) +
    ` (${new Date(trust.savedAt).toISOString().slice(0, 10)}).`;
  el.className = days > 180 ? 'old' : '';
  el.dataset.network = trust.genesis.name;
}

async function saveTrust(file) {
  const text = await file.text();
  try {
    readGenesis(new TextEncoder().encode(text));
  } catch (e) {
    $('trust-age').textContent = 'Not a genesis file: ' + e.message;
    return;
  }
  localStorage.setItem(TRUST_KEY, JSON.stringify({ genesis: text, savedAt: Date.now() }));
  showTrust();
}

function show(verdict) {
  const out = $('verdict');
  out.className = verdict.verified ? 'verified' : 'refused';
  out.dataset.state = verdict.verified ? 'verified' : 'refused';
  out.dataset.reason = verdict.reason ?? '';
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

const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

function verifyBytes(bytes) {
  const trust = loadTrust();
  if (!trust) {
    show({ verified: false, reason: 'NO_TRUST', message: 'Load the network genesis file first.' });
    return;
  }
  const network = bytesToHex(trust.genesis.id);
  const verdict = verifyCompact(bytes, trust.genesis, (index) => {
    const hex = heldMilestones()[network + ':' + index];
    return hex ? hexToBytes(hex) : null;
  });
  if (verdict.verified) holdMilestone(trust.genesis, bytes);
  show(verdict);
}

function readQr(imageData) {
  const code = jsQR(imageData.data, imageData.width, imageData.height, { inversionAttempts: 'dontInvert' });
  return code ? new Uint8Array(code.binaryData) : null;
}

async function openReceipt(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes[0] === 0x54 && bytes[1] === 0x52 && bytes[2] === 0x43) return verifyBytes(bytes);
  const bitmap = await createImageBitmap(file);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext('2d');
  ctx.drawImage(bitmap, 0, 0);
  const found = readQr(ctx.getImageData(0, 0, canvas.width, canvas.height));
  if (!found) show({ verified: false, reason: 'NO_QR_CODE', message: 'No QR code found in the image.' });
  else verifyBytes(found);
}

async function scan() {
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
        verifyBytes(found);
        return;
      }
    }
    requestAnimationFrame(tick);
  };
  tick();
}

$('trust-file').addEventListener('change', (e) => e.target.files[0] && saveTrust(e.target.files[0]));
$('receipt-file').addEventListener('change', (e) => e.target.files[0] && openReceipt(e.target.files[0]));
$('scan').addEventListener('click', () =>
  scan().catch((e) => show({ verified: false, reason: 'NO_CAMERA', message: e.message })));
showTrust();
// For scripts and tests on the page: the same verifier the buttons use.
window.tangleVerifier = { readGenesis, verifyCompact };
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/verify-sw.js', { scope: '/verify' }).catch(() => {});
}
