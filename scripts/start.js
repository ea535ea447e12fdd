#!/usr/bin/env node
// `npm start`: runs the built API and worker together (each applies pending migrations under an
// advisory lock on start; the API bootstraps the platform admin), prints where they listen, and
// stops both when either stops or on Ctrl-C.
const { spawn } = require('node:child_process');

const processes = [
  ['api', 'dist/apps/api/src/main.js'],
  ['worker', 'dist/apps/worker/src/main.js'],
].map(([name, entry]) => {
  const child = spawn(process.execPath, ['--enable-source-maps', entry], { stdio: 'inherit', env: process.env });
  child.on('exit', (code, signal) => {
    console.error(`${name} exited (${signal ?? code}); stopping the exchange`);
    shutdown(code ?? 1);
  });
  return child;
});

let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const child of processes) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 5000).unref();
  Promise.all(processes.map((c) => (c.exitCode === null ? new Promise((r) => c.on('exit', r)) : null))).then(() =>
    process.exit(code),
  );
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
