#!/usr/bin/env node
// `npm start`: first the demo seed (dist/seeds/main.js: with DEMO_SEED on, it migrates, bootstraps the platform
// admin and loads the demo data into an empty database), then the built API and worker together (each applies
// pending migrations under an advisory lock on start; the API bootstraps the platform admin). Prints where they
// listen, and stops both when either stops or on Ctrl-C.
const { spawn } = require('node:child_process');

let children = [];
let stopping = false;

const running = (child) => child.exitCode === null && child.signalCode === null;

function launch(entry) {
  const child = spawn(process.execPath, ['--enable-source-maps', entry], { stdio: 'inherit', env: process.env });
  children.push(child);
  return child;
}

// The seed runs alone and to its end: the apps start on the database it leaves.
launch('dist/seeds/main.js').on('exit', (code, signal) => {
  if (stopping) return;
  if (code !== 0) {
    console.error(`demo seed exited (${signal ?? code}); not starting the exchange`);
    process.exit(code ?? 1);
  }
  children = [];
  for (const [name, entry] of [
    ['api', 'dist/apps/api/src/main.js'],
    ['worker', 'dist/apps/worker/src/main.js'],
  ]) {
    launch(entry).on('exit', (exitCode, exitSignal) => {
      console.error(`${name} exited (${exitSignal ?? exitCode}); stopping the exchange`);
      shutdown(exitCode ?? 1);
    });
  }
});

function shutdown(code) {
  if (stopping) return;
  stopping = true;
  const live = children.filter(running);
  for (const child of live) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 5000).unref();
  Promise.all(live.map((c) => new Promise((r) => c.on('exit', r)))).then(() => process.exit(code));
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
