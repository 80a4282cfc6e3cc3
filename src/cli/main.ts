// `casemark`: the terminal adapter. Exit 0 clean, 1 errors or too many warnings, 2 usage or I/O failure.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import { analyse, fromWire, incompleteAnalysis, incompleteRuleIds, readBudget, type AnalysisBudget, type WireMessage, buildViewpoint, loadNameTagger, mappingDocument, shareableCopy, type PartialConfig, configFileMessages, drawGenogram, drawingFileName, findRule, phrasesWith, rules, svgText, viewpointDocument, type CaseMessage } from '../core/index';
import { ConfigFinder, type LoadedConfig } from './config';
import { availableParallelism, grade } from './grade';
import { expandPaths, readCaseFile } from './files';
import { makeFolder, OutputRefused, Outputs, shownPath } from './output';
import { toJson, toSarif } from './sarif';
import { LintCache } from './cache';
import { LintPool, lintInPool, lintText, textPerWorker, type LintJob } from './lint-pool';
import { stylish } from './stylish';
import packageJson from '../../package.json' with { type: 'json' };

const usage = `Usage:
  casemark lint [paths or globs...] [--format stylish|json|sarif] [--max-warnings N] [--config FILE]
                [--cache] [--cache-location FILE] [--workers N] [--time-budget SECONDS] [--memory-budget MB]
  casemark genogram FILE... [--out DIR] [--force] [--notes] [--config FILE]
  casemark viewpoint FILE [--out FILE] [--force] [--config FILE]
  casemark grade EXERCISE SUBMISSIONS_DIR [--out DIR] [--force] [--workers N]
  casemark share FILE [--out FILE] [--dates month|shift|keep] [--shift-days N] [--mapping FILE] [--force] [--config FILE]
                 [--time-budget SECONDS] [--memory-budget MB]
  casemark check-identifiers [paths or globs...] [--format stylish|json|sarif] [--config FILE]
  casemark rules
  casemark --help | --version

lint checks every *.case.md under the current folder when no path is given, on worker threads (--workers N: N of
  them; by default one, and one more per 2 million characters of text, up to one per core); a file that takes longer
  than --time-budget (10 s) or more memory than --memory-budget (1024 MB) is stopped with one message saying so, and
  the rest are still checked. --cache keeps each file's result under a hash
  of its text and settings (in .casemarkcache, or --cache-location) and checks only what changed.
genogram writes each genogram and ecomap block of a case file as an SVG, beside the file or into --out.
grade checks every *.case.md under SUBMISSIONS_DIR against an exercise's rubric and writes report.html and report.csv
  into --out (checked before grading; existing reports are replaced only with --force).
viewpoint prints an alternative viewpoint of a case file for supervision (Markdown), or writes it to --out.
share prints a pseudonymised copy of a case file, or writes it to --out; --mapping also writes the key that re-identifies
  the family. It lists what may still identify the family and exits 1 if anything does. --shift-days: 1 to 36500 days,
  either way. A copy that would take longer than --time-budget (10 s, both analyses included) is not made (exit 2).
check-identifiers lists what may identify a family in each case file (the identifying-detail rule, whatever the
  settings), and exits 1 if anything does.

What is guaranteed (docs/sharing.md says more):
  - No command writes over a file it reads, by any name (symlink, hard link, another path), nor through a symlink, nor
    over an existing file without --force; a replaced file is written whole (temporary file, then rename).
  - share and check-identifiers fail closed: a file CaseMark could not fully analyse exits 2, and share makes no copy.
  - share replaces declared names in any case, width, accents or with invisible characters, and flags any left.
  - Folder walks do not follow symbolic links; only regular files up to 5 MB of valid UTF-8 are read.
Not guaranteed: names nobody declared (found by patterns and a tagger, which miss some), identifiers other than names
  (flagged, not replaced), and details that identify a family together. Read a copy before sharing it.`;

export interface Io {
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
  color: boolean;
  /** The terminal, when stderr is one: for progress bars. */
  tty?: { write: (text: string) => void; columns?: number };
  /** The bundled CLI's own file, which grading workers run. */
  workerScript?: URL;
}

class UsageError extends Error {}

/** --shift-days beyond a century would move dates past what a calendar date can say. */
const maxShiftDays = 36_500;

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined) {
      io.err(usage);
      return 2;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      io.out(usage);
      return 0;
    }
    if (command === '--version' || command === '-v') {
      io.out(packageJson.version);
      return 0;
    }
    if (command === 'rules') return listRules(io);
    // share needs the name tagger (identifying-detail); lint and grading load it, in each worker, only for a file
    // that may need it, and the other commands never.
    if (command === 'share') await loadNameTagger();
    if (command === 'lint') return await lint(rest, io);
    if (command === 'genogram') return await genogram(rest, io);
    if (command === 'viewpoint') return await viewpoint(rest, io);
    if (command === 'grade') return await gradeCommand(rest, io);
    if (command === 'share') return await share(rest, io);
    if (command === 'check-identifiers') return await lint(rest, io, { 'identifying-detail': { severity: 'warning' } }, ['identifying-detail']);
    throw new UsageError(`unknown command “${command}”`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`casemark: ${error.message}\n${usage}`);
      return 2;
    }
    io.err(`casemark: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

function listRules(io: Io): number {
  const width = Math.max(...rules.map((r) => r.id.length));
  for (const rule of rules) io.out(`${rule.id.padEnd(width)}  ${rule.defaultSeverity.padEnd(7)}  ${rule.description}`);
  return 0;
}

function parseLintArgs(args: string[]) {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'stylish' },
        'max-warnings': { type: 'string' },
        config: { type: 'string' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        workers: { type: 'string' },
        'time-budget': { type: 'string' },
        'memory-budget': { type: 'string' },
      },
    });
    if (!['stylish', 'json', 'sarif'].includes(values.format)) throw new UsageError(`--format must be stylish, json or sarif, not “${values.format}”`);
    let maxWarnings: number | undefined;
    if (values['max-warnings'] !== undefined) {
      maxWarnings = Number(values['max-warnings']);
      if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings takes a whole number of 0 or more');
    }
    const workers = numberFlag('workers', values.workers, 1, true);
    const budget = budgetFlags(values);
    const cache = values.cache || values['cache-location'] !== undefined ? (values['cache-location'] ?? '.casemarkcache') : undefined;
    return { format: values.format as 'stylish' | 'json' | 'sarif', maxWarnings, config: values.config, paths: positionals, workers: workers ?? availableParallelism(), autoWorkers: workers === undefined, budget, cache };
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError((error as Error).message);
  }
}

/** `only`: report just these rules (check-identifiers); `forced`: settings that win over the project's. */
async function lint(args: string[], io: Io, forced?: PartialConfig['rules'], only?: string[]): Promise<number> {
  const options = parseLintArgs(args);
  const finder = new ConfigFinder(options.config && path.resolve(io.cwd, options.config));
  const targets = await expandPaths(options.paths, io.cwd, (note) => io.err(`casemark: ${note}`));
  const files: VFile[] = [];
  const failures: Array<{ path: string; reason: string }> = [];
  const configFiles = new Map<string, VFile>();
  const incomplete: string[] = [];
  if (targets.length === 0) io.err(options.paths.length === 0 ? 'casemark: no *.case.md files under this folder' : 'casemark: nothing to lint');

  const cache = options.cache ? await LintCache.open(path.resolve(io.cwd, options.cache), packageJson.version) : undefined;
  const jobs: LintJob[] = [];
  const hashes: string[] = [];
  // Each file's place in the report, and its result when the cache had it.
  const slots: Array<{ file: VFile; job?: number; cached?: WireMessage[] }> = [];
  // Many files go to the pool as they are read, so its workers start while the rest are read.
  const streamed = io.workerScript && targets.length > 2 ? new LintPool({ workers: options.workers, textPerWorker: options.autoWorkers ? textPerWorker : undefined, budget: options.budget, script: io.workerScript }, targets.length) : undefined;
  for (const target of targets) {
    if (target.missing) {
      failures.push({ path: target.path, reason: 'matched no *.case.md files' });
      continue;
    }
    const absolute = path.resolve(io.cwd, target.path);
    const read = await readCaseFile(absolute);
    if (!read.ok) {
      failures.push({ path: target.path, reason: read.reason });
      continue;
    }
    let config: LoadedConfig | undefined;
    try {
      config = await finder.forFile(absolute);
    } catch (error) {
      failures.push({ path: options.config ?? target.path, reason: (error as Error).message });
      if (options.config) break;
      continue;
    }
    if (config && config.problems.length > 0 && !configFiles.has(config.path)) {
      configFiles.set(config.path, configFileMessages(path.relative(io.cwd, config.path), config.text, config.problems));
    }
    const layers = [config?.config, forced && { rules: forced }];
    const file = new VFile({ path: target.path });
    const hash = cache ? LintCache.hash(read.text, { layers, path: target.path }) : '';
    const cached = cache?.get(absolute, hash);
    if (cached) slots.push({ file, cached });
    else {
      slots.push({ file, job: jobs.length });
      hashes.push(hash);
      const job = { index: jobs.length, path: target.path, text: read.text, config: layers };
      jobs.push(job);
      streamed?.add(job);
    }
  }
  // A few small files are quicker here than a worker's start; anything else goes to the pool (and its hard budget).
  const inThread = !streamed && (!io.workerScript || (jobs.length <= 2 && jobs.every((j) => j.text.length < 64 * 1024)));
  const results = streamed ? await streamed.finish() : inThread ? await Promise.all(jobs.map((job) => lintText(job, options.budget))) : await lintInPool(jobs, { workers: options.workers, budget: options.budget, script: io.workerScript as URL });
  for (const slot of slots) {
    const messages = slot.cached ?? results[slot.job as number] ?? [];
    fromWire(slot.file, messages);
    // A file not fully analysed keeps the message that says so, whatever the filter: it is never "clean".
    const complete = !incompleteAnalysis(messages);
    if (!complete) incomplete.push(slot.file.path);
    if (only) slot.file.messages = slot.file.messages.filter((m) => only.includes(m.ruleId ?? '') || incompleteRuleIds.has(m.ruleId ?? ''));
    if (cache && slot.job !== undefined && complete) {
      cache.set(path.resolve(io.cwd, slot.file.path), hashes[slot.job] as string, messages);
    }
    files.push(slot.file);
  }
  await cache?.save();
  const reported = [...configFiles.values(), ...files];
  for (const failure of failures) io.err(`casemark: cannot lint ${shownPath(failure.path)}: ${failure.reason}`);

  if (options.format === 'json') io.out(JSON.stringify(toJson(reported, io.cwd), undefined, 2));
  else if (options.format === 'sarif') io.out(JSON.stringify(toSarif(reported, failures, io.cwd, packageJson.version), undefined, 2));
  else if (reported.length > 0) io.out(stylish(reported, io.color));

  const messages = reported.flatMap((f) => f.messages as CaseMessage[]);
  const errors = messages.filter((m) => m.severity === 'error').length;
  const warnings = messages.filter((m) => m.severity === 'warning').length;
  if (only && incomplete.length > 0) {
    io.err(`casemark: ${incomplete.map(shownPath).join(', ')} could not be fully analysed, so ${incomplete.length === 1 ? 'it was' : 'they were'} not checked for identifying details; treat ${incomplete.length === 1 ? 'it' : 'them'} as not safe to share.`);
    return 2;
  }
  if (failures.length > 0) return 2;
  if (errors > 0 || (only && messages.length > 0)) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.err(`casemark: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}`);
    return 1;
  }
  return 0;
}

/** `casemark genogram FILE... --out DIR`: the drawings as standalone SVG files, and what stopped any line being drawn. */
async function genogram(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' }, config: { type: 'string' }, force: { type: 'boolean' }, notes: { type: 'boolean' } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('genogram needs at least one case file');
  const finder = new ConfigFinder(values.config && path.resolve(io.cwd, values.config));
  const outputs = new Outputs();
  for (const name of positionals) await outputs.addInput(path.resolve(io.cwd, name), 'one of the case files');
  if (values.out) {
    const problem = await makeFolder(path.resolve(io.cwd, values.out));
    if (problem) {
      io.err(`casemark: ${problem}`);
      return 2;
    }
  }
  let failed = false;
  let errors = false;
  const reported: VFile[] = [];
  for (const name of positionals) {
    const absolute = path.resolve(io.cwd, name);
    const read = await readCaseFile(absolute);
    if (!read.ok) {
      io.err(`casemark: cannot read ${shownPath(name)}: ${read.reason}`);
      failed = true;
      continue;
    }
    let config: LoadedConfig | undefined;
    try {
      config = await finder.forFile(absolute);
    } catch (error) {
      io.err(`casemark: ${(error as Error).message}`);
      failed = true;
      continue;
    }
    const { model, file } = analyse(read.text, { path: name, config: config?.config });
    // Only what concerns the drawings (and whether the file could be read at all): the full report is `casemark lint`.
    file.messages = file.messages.filter((m) => findRule(m.ruleId ?? '')?.category === 'genogram' || incompleteRuleIds.has(m.ruleId ?? ''));
    reported.push(file);
    errors ||= file.messages.some((m) => (m as CaseMessage).severity === 'error');
    if (incompleteAnalysis(file.messages)) {
      failed = true;
      continue;
    }
    if (model.diagrams.length === 0) {
      io.err(`casemark: ${shownPath(name)} has no \`\`\`genogram or \`\`\`ecomap block`);
      continue;
    }
    const folder = values.out ? path.resolve(io.cwd, values.out) : path.dirname(absolute);
    const counts = { genogram: 0, ecomap: 0 };
    for (const diagram of model.diagrams) {
      counts[diagram.kind]++;
      const target = path.join(folder, drawingFileName(path.basename(absolute), diagram.kind, counts[diagram.kind]));
      const shown = shownPath(path.relative(io.cwd, target) || target);
      // Never replace a case file, a drawing written moments ago from another input, or (without --force) any file.
      if (!outputs.claim(target)) {
        io.err(`casemark: not writing ${shown}: another case file of the same name was drawn there; give each its own --out folder`);
        failed = true;
        continue;
      }
      try {
        // Notes (religion, migration…) would ride along invisibly in the hover titles: only with --notes.
        await outputs.write(target, svgText(drawGenogram(diagram.genogram, { notes: values.notes === true }).svg, { standalone: true }), values.force === true);
        io.out(`wrote ${shown}`);
      } catch (error) {
        io.err(error instanceof OutputRefused ? `casemark: not writing ${shown}: ${error.message}` : `casemark: cannot draw or write ${shown}: ${(error as Error).message}`);
        failed = true;
      }
    }
  }
  if (reported.some((f) => f.messages.length > 0)) io.err(reporter(reported, { color: io.color, quiet: true }));
  return failed ? 2 : errors ? 1 : 0;
}

/** One case file and the settings that apply to it, or undefined once the reason has been said. */
async function readWithSettings(name: string, configPath: string | undefined, io: Io): Promise<{ absolute: string; read: { text: string }; config?: LoadedConfig } | undefined> {
  const absolute = path.resolve(io.cwd, name);
  const read = await readCaseFile(absolute);
  if (!read.ok) {
    io.err(`casemark: cannot read ${shownPath(name)}: ${read.reason}`);
    return undefined;
  }
  try {
    return { absolute, read, config: await new ConfigFinder(configPath && path.resolve(io.cwd, configPath)).forFile(absolute) };
  } catch (error) {
    io.err(`casemark: ${(error as Error).message}`);
    return undefined;
  }
}

/** `casemark viewpoint FILE`: the same document the editor opens, with the team's wording from `.casemark.*`. */
async function viewpoint(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' }, config: { type: 'string' }, force: { type: 'boolean' } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('viewpoint takes one case file');
  const name = positionals[0] as string;
  const opened = await readWithSettings(name, values.config, io);
  if (!opened) return 2;
  const { absolute, read, config } = opened;
  for (const problem of config?.problems ?? []) io.err(`casemark: ${path.relative(io.cwd, config?.path ?? '')}: ${problem.message}`);
  const analysis = analyse(read.text, { path: name, config: config?.config });
  if (incompleteAnalysis(analysis.messages)) {
    const reason = analysis.messages.find((m) => incompleteRuleIds.has(m.ruleId));
    io.err(`casemark: cannot make a viewpoint of ${shownPath(name)}: ${reason?.line ?? 1}:${reason?.column ?? 1}: ${reason?.reason ?? 'it could not be analysed'}`);
    return 2;
  }
  const text = viewpointDocument(buildViewpoint(analysis, analysis.source?.text ?? read.text, phrasesWith(analysis.config.viewpoint.phrases)));
  if (!values.out) {
    io.out(text);
    return 0;
  }
  const outputs = new Outputs();
  await outputs.addInput(absolute, 'the case file itself');
  try {
    await outputs.write(path.resolve(io.cwd, values.out), text, values.force === true);
  } catch (error) {
    io.err(error instanceof OutputRefused ? `casemark: not writing ${shownPath(values.out)}: ${error.message}` : `casemark: cannot write ${shownPath(values.out)}: ${(error as Error).message}`);
    return 2;
  }
  io.out(`wrote ${values.out}`);
  return 0;
}

async function gradeCommand(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string', default: 'casemark-report' }, workers: { type: 'string' }, force: { type: 'boolean' } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 2) throw new UsageError('grade takes an exercise file and a folder of submissions');
  const workers = numberFlag('workers', values.workers, 1, true) ?? availableParallelism();
  return grade(positionals[0] as string, positionals[1] as string, values.out, workers, io, io.workerScript, values.force === true);
}

/** A numeric flag's value: a number (a whole one if `whole`) of at least `minimum`, or the usage error. */
function numberFlag(flag: string, value: string | undefined, minimum: number, whole: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < minimum || (whole && !Number.isInteger(n))) throw new UsageError(`--${flag} takes ${whole ? 'a whole number' : 'a number'} of ${minimum} or more`);
  return n;
}

/** The budget from --time-budget and --memory-budget, for lint and share alike. */
function budgetFlags(values: { 'time-budget'?: string; 'memory-budget'?: string }): AnalysisBudget {
  return readBudget(numberFlag('time-budget', values['time-budget'], 0.1, false), numberFlag('memory-budget', values['memory-budget'], 64, true));
}

/** `casemark share FILE`: a pseudonymised copy, never over the original; the mapping only when asked for. */
async function share(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        dates: { type: 'string', default: 'month' },
        'shift-days': { type: 'string' },
        mapping: { type: 'string' },
        force: { type: 'boolean' },
        config: { type: 'string' },
        'time-budget': { type: 'string' },
        'memory-budget': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('share takes one case file');
  if (!['month', 'shift', 'keep'].includes(values.dates)) throw new UsageError('--dates takes month, shift or keep');
  const budget = budgetFlags(values);
  const shiftDays = values['shift-days'] === undefined ? undefined : Number(values['shift-days']);
  if (shiftDays !== undefined && (!Number.isInteger(shiftDays) || shiftDays === 0 || Math.abs(shiftDays) > maxShiftDays)) {
    throw new UsageError(`--shift-days takes a whole number of days other than 0, at most ${maxShiftDays} either way`);
  }
  const name = positionals[0] as string;
  const opened = await readWithSettings(name, values.config, io);
  if (!opened) return 2;
  const { absolute, read, config } = opened;
  const result = shareableCopy(read.text, { dates: values.dates as 'month' | 'shift' | 'keep', shiftDays, config: config?.config, budget });
  // Fail closed: a file not fully analysed has no safe copy, so nothing is printed or written.
  if (result.incomplete) {
    io.err(`casemark: ${shownPath(name)}:${result.incomplete}`);
    io.err(`casemark: no shareable copy was made: ${shownPath(name)} could not be fully analysed, so the names to replace are not known.`);
    return 2;
  }
  // Neither output may replace the case file, nor each other, nor an existing file without --force: all checked first.
  const outputs = new Outputs();
  await outputs.addInput(absolute, 'the case file itself');
  const targets = [values.out, values.mapping].filter((t): t is string => Boolean(t));
  for (const target of targets) {
    const resolved = path.resolve(io.cwd, target);
    const problem = !outputs.claim(resolved) ? 'the copy and the mapping cannot be one file' : await outputs.refusal(resolved, values.force === true);
    if (problem) {
      io.err(`casemark: not writing ${shownPath(target)}: ${problem}`);
      return 2;
    }
  }
  try {
    if (values.out) await outputs.write(path.resolve(io.cwd, values.out), result.text, values.force === true);
    else io.out(result.text);
    if (values.mapping) {
      await outputs.write(path.resolve(io.cwd, values.mapping), mappingDocument(result, path.basename(name)), values.force === true);
      io.err(`casemark: wrote the mapping to ${values.mapping}. It re-identifies the family: keep it apart from the copy, and delete it when it is no longer needed.`);
    }
  } catch (error) {
    io.err(`casemark: cannot write: ${(error as Error).message}`);
    return 2;
  }
  if (values.out) io.err(`casemark: wrote a shareable copy of ${name} to ${values.out} (${result.mapping.length} names replaced; ${result.dates.toLowerCase()})`);
  if (result.remaining.length > 0) {
    const file = new VFile({ path: values.out ?? 'shareable copy' });
    file.messages.push(...result.remaining);
    io.err(reporter([file], { color: io.color }));
    io.err(`casemark: ${result.remaining.length} ${result.remaining.length === 1 ? 'detail' : 'details'} may still identify the family; generalise ${result.remaining.length === 1 ? 'it' : 'them'} before sharing.`);
    return 1;
  }
  return 0;
}
