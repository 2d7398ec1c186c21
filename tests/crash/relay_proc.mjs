// The real relay as a child process, for the kill -9 loop and the load benchmark: start it on a SQLite file,
// read the URL it prints, sign in over HTTP, kill it.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// The repo's own build unless INBOX_RELAY_BIN names another binary.
export function relayBinary() {
  const bin = process.env.INBOX_RELAY_BIN || path.join(repoRoot, 'build/native/inbox-relay');
  if (!existsSync(bin)) throw new Error(`no relay binary at ${bin} (build it with scripts/build.sh)`);
  return bin;
}

function siteRoot(tmp) {
  const site = path.join(repoRoot, 'build/web/site');
  if (existsSync(site)) return site;
  const empty = path.join(tmp, 'site');
  mkdirSync(empty, { recursive: true });
  return empty;
}

// Starts the relay on `db` (seeding the demo workspace the first time) and resolves once it listens:
// { child, port, url, stderr() }. Rejects when it exits or prints no URL within `timeoutMs`.
export function startRelay({ db, tmp, password, timeoutMs = 15000, extraArgs = [], env = {} }) {
  const child = spawn(relayBinary(), ['--root', siteRoot(tmp), '--db', db, '--demo', '--port', '0', ...extraArgs], {
    env: { ...process.env, ...env, INBOX_DEMO_PASSWORD: password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  let out = '';
  child.stderr.on('data', (d) => { err += d; if (err.length > 1 << 20) err = err.slice(-(1 << 19)); });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`relay printed no URL in ${timeoutMs} ms: ${err}`)); }, timeoutMs);
    const onExit = (code, signal) => { clearTimeout(timer); reject(new Error(`relay exited (${code ?? signal}) before listening: ${err}`)); };
    child.once('exit', onExit);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        child.off('exit', onExit);
        child.stdout.removeAllListeners('data');
        child.stdout.resume();
        resolve({ child, port: Number(m[1]), url: m[0], stderr: () => err });
      }
    });
  });
}

// Kills with `signal` and resolves once the process is gone.
export function stopRelay(relay, signal = 'SIGKILL') {
  return new Promise((resolve) => {
    if (relay.child.exitCode !== null || relay.child.signalCode !== null) return resolve();
    relay.child.once('exit', () => resolve());
    relay.child.kill(signal);
  });
}

export async function login(port, email, password) {
  const res = await fetch(`http://127.0.0.1:${port}/api/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: email, password }),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok || !body.token) throw new Error(`login ${email}: HTTP ${res.status} ${JSON.stringify(body)}`);
  return body;
}

// Rows of a query on the relay's SQLite file, through Debian's sqlite3 command-line tool (read-only).
export function sqliteRows(db, sql) {
  const text = execFileSync('sqlite3', ['-readonly', '-json', db, sql], { maxBuffer: 1 << 30, encoding: 'utf8' });
  return text.trim() ? JSON.parse(text) : [];
}

// The demo workspace's open conversations, and its users by role with the open conversations last assigned to each.
export function demoUsers(db) {
  const users = sqliteRows(db, `SELECT json_extract(json, '$.user') AS user, json_extract(json, '$.email') AS email,
      json_extract(json, '$.role') AS role FROM events WHERE json_extract(json, '$.type') = 'user_created' ORDER BY seq`);
  const assigned = sqliteRows(db, `SELECT json_extract(json, '$.conversation') AS conversation,
      json_extract(json, '$.assignee') AS assignee FROM events WHERE json_extract(json, '$.type') = 'conversation_assigned'
      ORDER BY seq`);
  const last = new Map();
  for (const row of assigned) last.set(row.conversation, row.assignee);
  const conversationsOf = new Map();
  for (const [conversation, assignee] of last) {
    if (assignee === null) continue;
    if (!conversationsOf.has(assignee)) conversationsOf.set(assignee, []);
    conversationsOf.get(assignee).push(conversation);
  }
  const state = new Map();
  for (const row of sqliteRows(db, `SELECT json_extract(json, '$.conversation') AS conversation, json_extract(json, '$.type') AS type
      FROM events WHERE json_extract(json, '$.type') IN ('conversation_opened', 'conversation_closed', 'conversation_reopened') ORDER BY seq`)) {
    state.set(row.conversation, row.type !== 'conversation_closed');
  }
  const open = [...state].filter(([, isOpen]) => isOpen).map(([conversation]) => conversation).sort((a, b) => a - b);
  const openSet = new Set(open);
  return {
    open,
    users: users.map((u) => ({ ...u, conversations: (conversationsOf.get(u.user) || []).filter((c) => openSet.has(c)) })),
  };
}
