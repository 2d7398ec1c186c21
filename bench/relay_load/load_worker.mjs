// One process of the load generator (forked by run.mjs): opens its share of the WebSocket clients, says hello,
// and on "start" sends its share of the command rate, round robin over its clients, for warm-up + measure
// seconds. Measures send->ack per command (commands sent inside the measured window only) and counts the events
// every client receives inside the window. Frames are not fully parsed on the hot path: an events frame is
// counted by its `"seq":` keys (texts are JSON strings, so a quote inside one is escaped), acks are parsed.
import { createRequire } from 'node:module';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../../tests/crash/package.json'));
const WebSocket = require('ws');

const SEQ_KEY = Buffer.from('"seq":');
const EVENTS_HEAD = Buffer.from('{"events":');

let config = null;
const clients = [];
const sentAt = new Map();  // client_id -> send time (ms, performance.now)
const latencies = [];
const stats = { acked: 0, rejected: 0, rejectCodes: {}, errorFrames: 0, errorCodes: {}, closes: 0, socketErrors: 0, eventsInWindow: 0, eventsTotal: 0, sent: 0, sentInWindow: 0 };
let windowStart = Infinity;
let windowEnd = Infinity;
let stopped = false;

function countSeq(buf) {
  let n = 0;
  let i = buf.indexOf(SEQ_KEY);
  while (i >= 0) { n++; i = buf.indexOf(SEQ_KEY, i + SEQ_KEY.length); }
  return n;
}

function onMessage(client, data, binary) {
  if (binary) return;  // a snapshot after welcome
  const now = performance.now();
  if (data.length >= EVENTS_HEAD.length && data.subarray(0, EVENTS_HEAD.length).equals(EVENTS_HEAD)) {
    const n = countSeq(data);
    stats.eventsTotal += n;
    if (now >= windowStart && now < windowEnd) stats.eventsInWindow += n;
    return;
  }
  const frame = JSON.parse(data.toString());
  if (frame.type === 'welcome') {
    client.welcomed = true;
    if (clients.every((c) => c.welcomed) && !config.readySent) { config.readySent = true; process.send({ type: 'ready' }); }
  } else if (frame.type === 'ack' || frame.type === 'reject') {
    const t = sentAt.get(frame.client_id);
    if (t === undefined) return;  // already answered
    sentAt.delete(frame.client_id);
    if (frame.type === 'ack') stats.acked++;
    else { stats.rejected++; stats.rejectCodes[frame.code] = (stats.rejectCodes[frame.code] || 0) + 1; }
    if (t >= windowStart && t < windowEnd) latencies.push(now - t);
  } else if (frame.type === 'error') {
    stats.errorFrames++;
    stats.errorCodes[frame.code] = (stats.errorCodes[frame.code] || 0) + 1;
  }
}

function open(index) {
  const account = config.accounts[index % config.accounts.length];
  const ws = new WebSocket(`ws://127.0.0.1:${config.port}/ws`, { perMessageDeflate: false });
  const client = { ws, account, welcomed: false, n: 0 };
  ws.on('open', () => ws.send(JSON.stringify({ v: 1, type: 'hello', token: account.token, last_seq: 0 })));
  ws.on('message', (data, binary) => onMessage(client, data, binary));
  ws.on('error', () => { stats.socketErrors++; });
  ws.on('close', () => { if (!stopped) stats.closes++; });
  return client;
}

function startLoad({ warmupMs, measureMs, rate }) {
  const t0 = performance.now();
  windowStart = t0 + warmupMs;
  windowEnd = windowStart + measureMs;
  const conversations = config.conversations;
  let sent = 0;
  let next = 0;
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const timer = setInterval(() => {
    const now = performance.now();
    if (now >= windowEnd) {
      clearInterval(timer);
      lag.disable();
      stats.loopLagP99Ms = lag.percentile(99) / 1e6;
      stats.loopLagMaxMs = lag.max / 1e6;
      return finish();
    }
    const due = Math.floor(((now - t0) / 1000) * rate);
    for (; sent < due; sent++) {
      const client = clients[next];
      next = (next + 1) % clients.length;
      if (client.ws.readyState !== WebSocket.OPEN) continue;
      const id = `${config.worker}-${next}-${client.n++}`;
      const conversation = conversations[(sent * 7 + config.worker) % conversations.length];
      const frame = `{"v":1,"type":"command","client_id":"${id}","command":{"type":"send_message","conversation":${conversation},"text":"load ${id}"}}`;
      const t = performance.now();
      sentAt.set(id, t);
      stats.sent++;
      if (t >= windowStart) stats.sentInWindow++;
      client.ws.send(frame);
    }
  }, 2);
}

function finish() {
  // Answers to commands sent near the end may still come: wait for them a little.
  const deadline = performance.now() + config.drainMs;
  const poll = setInterval(() => {
    let pendingInWindow = 0;
    for (const t of sentAt.values()) if (t >= windowStart && t < windowEnd) pendingInWindow++;
    if (pendingInWindow === 0 || performance.now() >= deadline) {
      clearInterval(poll);
      stats.unansweredInWindow = pendingInWindow;
      stopped = true;
      for (const c of clients) c.ws.terminate();
      process.send({ type: 'result', stats, latencies });
    }
  }, 50);
}

process.on('message', (msg) => {
  if (msg.type === 'config') {
    config = { ...msg, readySent: false };
    for (let i = 0; i < config.clients; i++) clients.push(open(config.first + i));
  } else if (msg.type === 'start') {
    startLoad(msg);
  } else if (msg.type === 'exit') {
    process.exit(0);
  }
});
