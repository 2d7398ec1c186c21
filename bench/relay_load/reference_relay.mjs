// The reference relay for bench/relay_load: the relay "written the usual way" in Node + ws, for the subset of
// the protocol the load uses (docs/protocol.md's frames, same shapes as inbox-relay). POST /api/login answers any
// login with a token; /ws takes hello -> welcome (no snapshot), command -> the event appended to a log file and
// fsync'ed, then broadcast to every client one by one, then the ack; a resent client id gets its first answer;
// ping -> pong. Commit then broadcast, one command at a time, on Node's one thread.
// `node reference_relay.mjs LOGFILE` prints http://127.0.0.1:<port>/ on stdout once it listens.
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { openSync, writeSync, fsyncSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../../tests/crash/package.json'));
const { WebSocketServer } = require('ws');

const logFile = process.argv[2];
if (!logFile) { console.error('usage: node reference_relay.mjs LOGFILE'); process.exit(2); }
const fd = openSync(logFile, 'a');

const tokens = new Map();  // token -> user
const users = new Map();   // login -> user id
const answers = new Map(); // `${user} ${client_id}` -> the answer's text
let seq = 0;
let messageId = 0;

const server = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/api/login') {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      let login;
      try { login = JSON.parse(body).login; } catch { login = undefined; }
      if (typeof login !== 'string') { res.writeHead(400).end('{}'); return; }
      if (!users.has(login)) users.set(login, users.size);
      const token = randomBytes(24).toString('base64url');
      tokens.set(token, users.get(login));
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ expires_ms: Date.now() + 86400000, token, user: users.get(login) }));
    });
    return;
  }
  res.writeHead(404).end();
});

const wss = new WebSocketServer({ server, path: '/ws', perMessageDeflate: false });
const sessions = new Set();

function send(ws, obj) { ws.send(JSON.stringify(obj)); }

wss.on('connection', (ws) => {
  let user = null;
  ws.on('message', (data, binary) => {
    if (binary) return send(ws, { code: 'binary_not_accepted', fatal: false, message: 'text frames only', type: 'error', v: 1 });
    let frame;
    try { frame = JSON.parse(data.toString()); } catch {
      return send(ws, { code: 'malformed_frame', fatal: false, message: 'not JSON', type: 'error', v: 1 });
    }
    if (frame.type === 'hello') {
      if (!tokens.has(frame.token)) return send(ws, { code: 'unauthorized', fatal: true, message: 'unknown token', type: 'error', v: 1 });
      user = tokens.get(frame.token);
      sessions.add(ws);
      return send(ws, { role: 'supervisor', seq, type: 'welcome', user, v: 1 });
    }
    if (frame.type === 'ping') return send(ws, { id: frame.id, type: 'pong', v: 1 });
    if (frame.type !== 'command') return send(ws, { code: 'unknown_frame_type', fatal: false, message: 'unknown type', type: 'error', v: 1 });
    if (user === null) return send(ws, { code: 'hello_required', fatal: false, message: 'Send hello first', type: 'error', v: 1 });
    const key = `${user} ${frame.client_id}`;
    if (answers.has(key)) return ws.send(answers.get(key));
    const c = frame.command || {};
    if (c.type !== 'send_message') {
      const reject = JSON.stringify({ client_id: frame.client_id, code: 'invalid', message: 'unsupported here', type: 'reject', v: 1 });
      answers.set(key, reject);
      return ws.send(reject);
    }
    const event = {
      actor: user, at_ms: Date.now(), conversation: c.conversation, kind: 'outbound', media: { mime_type: '', url: '' },
      message: messageId++, referral: null, seq: ++seq, template: null, text: c.text, type: 'message_added',
    };
    // Commit: append and fsync before anyone hears of it.
    writeSync(fd, JSON.stringify(event) + '\n');
    fsyncSync(fd);
    // Broadcast, one client at a time.
    const text = JSON.stringify({ events: [event], type: 'events', v: 1 });
    for (const other of sessions) if (other.readyState === 1) other.send(text);
    const ack = JSON.stringify({ client_id: frame.client_id, seq: event.seq, type: 'ack', v: 1 });
    answers.set(key, ack);
    ws.send(ack);
  });
  ws.on('close', () => sessions.delete(ws));
  ws.on('error', () => {});
});

server.listen(0, '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${server.address().port}/`);
});
