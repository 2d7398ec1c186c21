// The relay load benchmark: the same load against (a) inbox-relay (build/native/inbox-relay, or INBOX_RELAY_BIN)
// on a temporary SQLite file with the demo workspace and (b) reference_relay.mjs (Node + ws, commit then
// broadcast), one after the other in the same run. The load: CLIENTS WebSocket clients (supervisors and
// administrators of the demo workspace, so every client receives every event) sending send_message commands at
// RATE per second in total for SECONDS (after WARMUP seconds), from WORKERS forked generator processes.
// Prints a table: ack latency p50/p95/p99 (client-measured send->ack), fan-out deliveries/s (events received by
// all clients per second), errors, and the ratio of the two relays. Options through the environment:
// CLIENTS (500), RATE (1000), SECONDS (20), WARMUP (2), ONLY (inbox|reference), JSON_OUT (a file), NODELAY (1: a
// third row, see below), GENERATOR (cpp: load_gen.cpp, the default; node: load_worker.mjs in WORKERS (2) processes,
// which saturates on 2 cores before the relay does).
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, readdirSync, writeFileSync, openSync, writeSync, fsyncSync, closeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { startRelay, stopRelay, login, demoUsers, relayBinary, sqliteRows } from '../../tests/crash/relay_proc.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const env = (name, fallback) => Number(process.env[name] ?? fallback);
const CLIENTS = env('CLIENTS', 500);
const RATE = env('RATE', 1000);
const SECONDS = env('SECONDS', 20);
const WARMUP = env('WARMUP', 2);
const WORKERS = env('WORKERS', 2);
const ONLY = process.env.ONLY || '';
const GENERATOR = process.env.GENERATOR || 'cpp';  // cpp: load_gen.cpp; node: load_worker.mjs in WORKERS processes
const GEN_BIN = process.env.RELAY_LOAD_GEN || path.resolve(here, '../../build/relay_load/relay_load_gen');

const tmp = mkdtempSync(path.join(os.tmpdir(), 'inbox-relay-load-'));

function cpuTicks(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);  // utime + stime, in clock ticks (100 per second)
  } catch { return NaN; }
}

// CPU ticks of each of the process's threads (where the relay's time goes: the hub thread against the io threads).
function threadTicks(pid) {
  const out = new Map();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ');
      // schedstat: nanoseconds on a CPU, nanoseconds runnable but waiting for one.
      const [run, wait] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ').map(Number);
      out.set(tid, { ticks: Number(fields[11]) + Number(fields[12]), run, wait });
    }
  } catch { /* gone */ }
  return out;
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

// The C++ generator (load_gen.cpp, built by run.sh into build/relay_load/): one process, one thread.
async function runLoadCpp(name, port, pid, accounts, conversations) {
  const tokensFile = path.join(tmp, `${name.split(' ')[0]}.tokens`);
  writeFileSync(tokensFile, accounts.map((a) => a.token).join('\n') + '\n');
  const gen = spawn(GEN_BIN, [port, CLIENTS, RATE, WARMUP * 1000, SECONDS * 1000, 5000, tokensFile, conversations.join(',')].map(String),
    { stdio: ['ignore', 'pipe', 'inherit'] });
  const marks = {};
  const sample = () => ({ at: Date.now(), relay: cpuTicks(pid), gen: cpuTicks(gen.pid), threads: threadTicks(pid), load: os.loadavg()[0] });
  let out = '';
  const result = await new Promise((resolve, reject) => {
    gen.stdout.on('data', (d) => {
      out += d;
      let nl;
      while ((nl = out.indexOf('\n')) >= 0) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        if (line === 'start') marks.start = Date.now();
        else if (line === 'window') marks.window = sample();
        else if (line === 'end') marks.end = sample();
        else if (line.startsWith('{')) resolve(JSON.parse(line));
      }
    });
    gen.once('exit', (code) => reject(new Error(`${name}: generator exited (${code}) without a result`)));
  });
  const { window: a, end: b } = marks;
  const wallS = (b.at - a.at) / 1000;
  return {
    name, clients: CLIENTS, rate: RATE, seconds: SECONDS, generator: 'C++ (Beast, 1 thread)', ...result,
    relay_cpu_percent: (b.relay - a.relay) / wallS,
    generator_cpu_percent: (b.gen - a.gen) / wallS,
    relay_thread_cpu_percent: [...b.threads].map(([tid, t]) => (t.ticks - (a.threads.get(tid)?.ticks || 0)) / wallS)
      .filter((x) => x >= 1).sort((x, y) => y - x).map((x) => Math.round(x)),
    // Per busy thread: % of the window on a CPU, and % runnable but waiting for a CPU (the machine's other work).
    relay_thread_run_wait_percent: [...b.threads].map(([tid, t]) => {
      const before = a.threads.get(tid) || { run: 0, wait: 0 };
      return [(t.run - before.run) / 1e7 / wallS, (t.wait - before.wait) / 1e7 / wallS];
    }).filter(([run]) => run >= 1).sort((x, y) => y[0] - x[0]).map(([run, wait]) => `${Math.round(run)}/${Math.round(wait)}`),
    load_average: [a.load, b.load],
    generator_loop_lag_p99_ms: result.generator_lag_p99_ms,
    generator_loop_lag_max_ms: result.generator_lag_max_ms,
  };
}

async function runLoad(name, port, pid, accounts, conversations) {
  if (GENERATOR !== 'node') return runLoadCpp(name, port, pid, accounts, conversations);
  const workers = [];
  const per = Math.ceil(CLIENTS / WORKERS);
  for (let w = 0; w < WORKERS; w++) {
    const count = Math.min(per, CLIENTS - w * per);
    if (count <= 0) break;
    const child = fork(path.join(here, 'load_worker.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.send({ type: 'config', worker: w, port, accounts, conversations, clients: count, first: w * per, drainMs: 5000 });
    workers.push({ child, count });
  }
  const readyStart = Date.now();
  await Promise.all(workers.map(({ child }) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name}: clients not all welcomed within 180 s`)), 180000);
    child.on('message', (m) => { if (m.type === 'ready') { clearTimeout(timer); resolve(); } });
  })));
  const connectMs = Date.now() - readyStart;
  const results = workers.map(({ child }) => new Promise((resolve) => child.on('message', (m) => { if (m.type === 'result') resolve(m); })));
  const ticksBefore = cpuTicks(pid);
  const threadsBefore = threadTicks(pid);
  const loadBefore = os.loadavg()[0];
  const startedAt = Date.now();
  for (const { child, count } of workers) child.send({ type: 'start', warmupMs: WARMUP * 1000, measureMs: SECONDS * 1000, rate: (RATE * count) / CLIENTS });
  const all = await Promise.all(results);
  const ticksAfter = cpuTicks(pid);
  const threadsAfter = threadTicks(pid);
  const loadAfter = os.loadavg()[0];
  const wallS = (Date.now() - startedAt) / 1000;
  for (const { child } of workers) child.send({ type: 'exit' });

  const latencies = all.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const sum = (key) => all.reduce((s, r) => s + (r.stats[key] || 0), 0);
  const merge = (key) => all.reduce((acc, r) => { for (const [k, v] of Object.entries(r.stats[key] || {})) acc[k] = (acc[k] || 0) + v; return acc; }, {});
  return {
    name,
    clients: CLIENTS,
    rate: RATE,
    seconds: SECONDS,
    generator: `Node + ws (${WORKERS} processes)`,
    connect_s: connectMs / 1000,
    sent_in_window: sum('sentInWindow'),
    answered_in_window: latencies.length,
    acked: sum('acked'),
    rejected: sum('rejected'),
    reject_codes: merge('rejectCodes'),
    error_frames: sum('errorFrames'),
    error_codes: merge('errorCodes'),
    closes: sum('closes'),
    socket_errors: sum('socketErrors'),
    unanswered: sum('unansweredInWindow'),
    p50_ms: percentile(latencies, 50),
    p95_ms: percentile(latencies, 95),
    p99_ms: percentile(latencies, 99),
    max_ms: latencies[latencies.length - 1],
    deliveries_per_s: sum('eventsInWindow') / SECONDS,
    commands_per_s: latencies.length / SECONDS,
    relay_cpu_percent: (100 * (ticksAfter - ticksBefore)) / 100 / wallS,
    relay_thread_cpu_percent: [...threadsAfter].map(([tid, t]) => (t.ticks - (threadsBefore.get(tid)?.ticks || 0)) / wallS)
      .filter((x) => x >= 1).sort((a, b) => b - a).map((x) => Math.round(x)),
    load_average: [loadBefore, loadAfter],
    generator_loop_lag_p99_ms: Math.max(...all.map((r) => r.stats.loopLagP99Ms || 0)),
    generator_loop_lag_max_ms: Math.max(...all.map((r) => r.stats.loopLagMaxMs || 0)),
  };
}

async function benchInbox(name = 'inbox-relay (C++)', env = {}) {
  const db = path.join(tmp, `relay-${Date.now()}.db`);
  const password = randomBytes(12).toString('base64url');
  const relay = await startRelay({ db, tmp, password, env });
  try {
    const { users, open } = demoUsers(db);
    const accounts = [];
    for (const u of users.filter((x) => x.role === 'supervisor' || x.role === 'administrator')) {
      accounts.push({ user: u.user, token: (await login(relay.port, u.email, password)).token });
    }
    const row = await runLoad(name, relay.port, relay.child.pid, accounts, open);
    // Group commit, from the file: the load's events, and the batches they were committed in (one at_ms each).
    const [b] = sqliteRows(db, `SELECT count(*) AS events, count(DISTINCT at_ms) AS batches FROM events WHERE json LIKE '%"text":"load %'`);
    row.commit_batches = b.batches;
    row.events_per_batch = b.events / Math.max(1, b.batches);
    return row;
  } finally {
    await stopRelay(relay, 'SIGTERM');
  }
}

async function benchReference() {
  const child = spawn(process.execPath, [path.join(here, 'reference_relay.mjs'), path.join(tmp, 'reference.log')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => { out += d; const m = /:(\d+)\//.exec(out); if (m) resolve(Number(m[1])); });
    child.once('exit', (code) => reject(new Error(`reference relay exited (${code})`)));
  });
  try {
    const accounts = [];
    for (let i = 0; i < 24; i++) accounts.push({ user: i, token: (await login(port, `user${i}@bench.example`, 'x')).token });
    return await runLoad('reference (Node + ws)', port, child.pid, accounts, Array.from({ length: 100 }, (_, i) => i));
  } finally {
    await new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGTERM'); });
  }
}

const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

async function main() {
  console.log(`relay load: ${CLIENTS} clients, ${RATE} commands/s for ${SECONDS} s (after ${WARMUP} s warm-up), generator ${GENERATOR === 'node' ? `Node (${WORKERS} processes)` : 'C++'}, ` +
    `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), relay ${relayBinary()}`);
  // This disk's fsync, as the reference relay does it (append a line, fsync), 200 times.
  const fd = openSync(path.join(tmp, 'fsync.probe'), 'a');
  const fsyncs = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    writeSync(fd, `probe ${i}\n`);
    fsyncSync(fd);
    fsyncs.push(performance.now() - t);
  }
  closeSync(fd);
  fsyncs.sort((x, y) => x - y);
  console.log(`fsync of an appended line on this disk: p50 ${fmt(percentile(fsyncs, 50), 2)} ms, p99 ${fmt(percentile(fsyncs, 99), 2)} ms; ` +
    `load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const rows = [];
  if (ONLY !== 'reference') rows.push(await benchInbox());
  if (ONLY !== 'inbox') rows.push(await benchReference());
  // NODELAY=1: a third row, the same relay binary with TCP_NODELAY set on its accepted sockets by an LD_PRELOAD
  // shim (nodelay_shim.c, built by run.sh): what Nagle's algorithm costs the relay's acks.
  if (process.env.NODELAY === '1' && ONLY !== 'reference') {
    rows.push(await benchInbox('inbox-relay + TCP_NODELAY', { LD_PRELOAD: path.resolve(here, '../../build/relay_load/nodelay_shim.so') }));
  }
  const cols = [
    ['relay', (r) => r.name],
    ['cmd/s', (r) => fmt(r.commands_per_s, 0)],
    ['p50 ms', (r) => fmt(r.p50_ms, 2)],
    ['p95 ms', (r) => fmt(r.p95_ms, 2)],
    ['p99 ms', (r) => fmt(r.p99_ms, 2)],
    ['max ms', (r) => fmt(r.max_ms, 1)],
    ['deliveries/s', (r) => fmt(r.deliveries_per_s, 0)],
    ['errors', (r) => String(r.rejected + r.error_frames + r.closes + r.socket_errors + r.unanswered)],
    ['relay CPU %', (r) => fmt(r.relay_cpu_percent, 0)],
    ['gen CPU %', (r) => fmt(r.generator_cpu_percent, 0)],
    ['gen lag p99 ms', (r) => fmt(r.generator_loop_lag_p99_ms, 1)],
  ];
  const table = [cols.map(([h]) => h), ...rows.map((r) => cols.map(([, f]) => f(r)))];
  const widths = cols.map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
  for (const r of rows) {
    console.log(`${r.name}: sent ${r.sent_in_window} in the window, answered ${r.answered_in_window}, acked ${r.acked}, rejected ${r.rejected} ${JSON.stringify(r.reject_codes ?? {})}, ` +
      `error frames ${r.error_frames} ${JSON.stringify(r.error_codes ?? {})}, closed ${r.closes}, socket errors ${r.socket_errors}, unanswered ${r.unanswered}, ` +
      `generator ${r.generator}, generator loop lag max ${fmt(r.generator_loop_lag_max_ms, 0)} ms, ` +
      (r.commit_batches ? `${r.commit_batches} commit batches (${fmt(r.events_per_batch, 1)} events each), ` : '') +
      `relay threads CPU % ${JSON.stringify(r.relay_thread_cpu_percent)}` +
      (r.relay_thread_run_wait_percent ? ` (run/runqueue-wait % ${r.relay_thread_run_wait_percent.join(' ')})` : '') + `, machine load average ${fmt(r.load_average[0])} -> ${fmt(r.load_average[1])}`);
  }
  const inbox = rows.find((r) => r.name.startsWith('inbox'));
  const reference = rows.find((r) => r.name.startsWith('reference'));
  if (inbox && reference) {
    const [a, b] = [inbox, reference];
    console.log(`ratio inbox/reference: ack p99 ${fmt(a.p99_ms / b.p99_ms, 3)}x (p50 ${fmt(a.p50_ms / b.p50_ms, 3)}x), ` +
      `deliveries/s ${fmt(a.deliveries_per_s / b.deliveries_per_s, 2)}x`);
  }
  const targets = rows.filter((r) => r.name.startsWith('inbox')).map((r) =>
    `targets (${r.name}): ack p99 <= 20 ms: ${r.p99_ms <= 20 ? 'met' : 'MISSED'} (${fmt(r.p99_ms, 2)} ms); ` +
    `fan-out >= 100k deliveries/s: ${r.deliveries_per_s >= 100000 ? 'met' : 'MISSED'} (${fmt(r.deliveries_per_s, 0)}/s)`);
  for (const t of targets) console.log(t);
  if (process.env.JSON_OUT) writeFileSync(process.env.JSON_OUT, JSON.stringify(rows, null, 2));
  rmSync(tmp, { recursive: true, force: true });
}

main().catch((e) => { console.error(e.stack || e); process.exit(1); });
