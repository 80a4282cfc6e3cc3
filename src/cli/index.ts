// Entry point of the bundled CLI (dist/cli.js), started by bin/casemark.js.
import { main } from './main';

const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
});
process.exitCode = code;
