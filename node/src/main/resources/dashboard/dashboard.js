// The node's dashboard: no build step, no libraries. Polls /api/v1/info every second for the
// numbers and the rate chart, and follows /api/v1/events for the live graph of the newest
// transactions. Confirmed transactions are drawn green once consensus marks them.
"use strict";

const HISTORY = 120;          // seconds of rates kept
const GRAPH_NODES = 150;      // newest transactions drawn
const rates = [];             // {received, stored, confirmed}
const nodes = new Map();      // id -> {id, parents, tag, at, y, confirmed}
const order = [];             // ids, oldest first

function text(id, value) { document.getElementById(id).textContent = value; }

async function poll() {
  try {
    const response = await fetch("/api/v1/info");
    if (!response.ok) throw new Error("HTTP " + response.status);
    const info = await response.json();
    text("network", info.network + " · " + info.networkId.slice(0, 16));
    text("transactions", info.transactions);
    text("received", info.rates.receivedPerSecond.toFixed(1));
    text("stored", info.rates.storedPerSecond.toFixed(1));
    text("confirmed", info.rates.confirmedPerSecond == null ? "–" : info.rates.confirmedPerSecond.toFixed(1));
    text("tips", info.tips);
    text("peers", info.peers);
    text("milestones", info.milestones.latest + " / " + info.milestones.confirmed);
    text("synced", info.synced ? "yes" : "no");
    const status = document.getElementById("status");
    status.textContent = "node " + info.nodeKey.slice(0, 16) + " · " + info.version;
    status.className = "status ok";
    rates.push({received: info.rates.receivedPerSecond, stored: info.rates.storedPerSecond,
                confirmed: info.rates.confirmedPerSecond || 0});
    while (rates.length > HISTORY) rates.shift();
    drawRates();
  } catch (e) {
    const status = document.getElementById("status");
    status.textContent = "node not answering (" + e.message + ")";
    status.className = "status bad";
  }
}

function drawRates() {
  const canvas = document.getElementById("rates");
  const g = canvas.getContext("2d");
  const w = canvas.width, h = canvas.height, pad = 30;
  g.clearRect(0, 0, w, h);
  const max = Math.max(1, ...rates.map(r => Math.max(r.received, r.stored, r.confirmed)));
  g.strokeStyle = "#ddd"; g.fillStyle = "#666"; g.font = "11px sans-serif";
  for (let i = 0; i <= 4; i++) {
    const y = h - pad - (h - 2 * pad) * i / 4;
    g.beginPath(); g.moveTo(pad, y); g.lineTo(w - 5, y); g.stroke();
    g.fillText((max * i / 4).toFixed(1), 2, y + 4);
  }
  const series = [["received", "#2f6fbf"], ["stored", "#e08a1e"], ["confirmed", "#1b7f3b"]];
  for (const [key, color] of series) {
    g.strokeStyle = color; g.lineWidth = 2; g.beginPath();
    rates.forEach((r, i) => {
      const x = pad + (w - pad - 5) * (i + HISTORY - rates.length) / (HISTORY - 1);
      const y = h - pad - (h - 2 * pad) * r[key] / max;
      if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
    });
    g.stroke();
    const last = rates[rates.length - 1];
    if (last) {
      g.fillStyle = color;
      g.beginPath();
      g.arc(w - 5, h - pad - (h - 2 * pad) * last[key] / max, 3, 0, 2 * Math.PI);
      g.fill();
    }
  }
  canvas.dataset.points = String(rates.length);
}

function lane(id) { return parseInt(id.slice(0, 6), 16) / 0xffffff; }

function addTransaction(tx) {
  if (nodes.has(tx.id)) return;
  nodes.set(tx.id, {id: tx.id, parents: tx.parents, tag: tx.tag, at: Date.now(), y: lane(tx.id), confirmed: false});
  order.push(tx.id);
  while (order.length > GRAPH_NODES) nodes.delete(order.shift());
  const item = document.createElement("li");
  item.textContent = new Date(tx.timestamp).toISOString().slice(11, 19) + "  " + tx.id.slice(0, 16) + "  " + tx.kind + (tx.tag ? "  #" + tx.tag : "");
  const list = document.getElementById("latest");
  list.prepend(item);
  while (list.children.length > 30) list.removeChild(list.lastChild);
}

function drawGraph() {
  const canvas = document.getElementById("graph");
  const g = canvas.getContext("2d");
  const w = canvas.width, h = canvas.height, pad = 12;
  const now = Date.now(), span = 60000;
  g.clearRect(0, 0, w, h);
  const pos = new Map();
  for (const id of order) {
    const n = nodes.get(id);
    const x = w - pad - (w - 2 * pad) * Math.min(1, (now - n.at) / span);
    pos.set(id, [x, pad + (h - 2 * pad) * n.y]);
  }
  g.strokeStyle = "rgba(90,90,90,0.35)"; g.lineWidth = 1;
  let edges = 0, confirmed = 0;
  for (const id of order) {
    const [x, y] = pos.get(id);
    for (const p of nodes.get(id).parents) {
      const target = pos.get(p);
      if (!target) continue;
      g.beginPath(); g.moveTo(x, y); g.lineTo(target[0], target[1]); g.stroke();
      edges++;
    }
  }
  for (const id of order) {
    const [x, y] = pos.get(id);
    if (nodes.get(id).confirmed) confirmed++;
    g.fillStyle = nodes.get(id).confirmed ? "#1b7f3b" : "#8a8a8a";
    g.beginPath(); g.arc(x, y, 4, 0, 2 * Math.PI); g.fill();
  }
  // Stable hooks for tests and scripts: what the canvas shows, as numbers.
  canvas.dataset.nodes = String(order.length);
  canvas.dataset.edges = String(edges);
  canvas.dataset.confirmed = String(confirmed);
  canvas.dataset.newest = order.length ? order[order.length - 1] : "";
}

function follow() {
  const events = new EventSource("/api/v1/events");
  events.addEventListener("transaction", e => addTransaction(JSON.parse(e.data)));
  events.addEventListener("confirmation", e => {
    const c = JSON.parse(e.data);
    const n = nodes.get(c.id);
    if (n) n.confirmed = true;
  });
  events.addEventListener("dropped", () => events.close());
  events.onerror = () => { events.close(); setTimeout(follow, 2000); };
}

poll();
setInterval(poll, 1000);
setInterval(drawGraph, 250);
follow();
