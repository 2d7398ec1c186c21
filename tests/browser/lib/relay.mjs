// Starts the project's relay binary on a free loopback port, serving the built web app, for one test file.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const buildDir = path.join(root, 'build');
const relayBinary = path.join(buildDir, 'native/inbox-relay');
const siteDir = path.join(buildDir, 'web/site');

// The page runs its offline demo, so the relay only needs to start: a workspace of its own in a temporary
// SQLite file, with one administrator (one password hash, so start-up stays fast).
export async function startRelay() {
  const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inbox-browser-'));
  const child = spawn(relayBinary, ['--root', siteDir, '--host', '127.0.0.1', '--port', '0',
    '--db', path.join(dbDir, 'inbox.db'), '--admin-email', 'admin@example.com'], {
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, INBOX_ADMIN_PASSWORD: 'browser-tests-admin-password' },
  });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`relay printed no URL: ${output}`)), 10000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = output.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.once('exit', (code) => reject(new Error(`relay exited with ${code}: ${output}`)));
  });
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      fs.rmSync(dbDir, { recursive: true, force: true });
    },
  };
}
