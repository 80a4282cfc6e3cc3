// Entry point of the bundled CLI (dist/cli.js), started by bin/casemark.js; also the grading workers' script.
import { runGradeWorker } from './grade';
import { runLintWorker } from './lint-pool';
import { main } from './main';

if (!runGradeWorker() && !runLintWorker()) {
  const code = await main(process.argv.slice(2), {
    cwd: process.cwd(),
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    tty: process.stderr.isTTY ? { write: (text) => process.stderr.write(text), columns: process.stderr.columns } : undefined,
    workerScript: new URL(import.meta.url),
  });
  process.exitCode = code;
}
