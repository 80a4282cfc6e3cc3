// SARIF 2.1.0, the shape GitHub code scanning accepts: one run, every rule described, results by relative URI.
import type { Log, ReportingDescriptor, Result } from 'sarif';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { VFile } from 'vfile';
import { rules, type CaseMessage, type Severity } from '../core/index';

const level: Record<Exclude<Severity, 'off'>, Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function uri(file: string, cwd: string): string {
  return path.relative(cwd, path.resolve(cwd, file)).split(path.sep).map(encodeURIComponent).join('/');
}

export function toSarif(files: VFile[], failures: Array<{ path: string; reason: string }>, cwd: string, version: string): Log {
  const descriptors: ReportingDescriptor[] = rules.map((rule) => ({
    id: rule.id,
    name: rule.alias,
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.rationale },
    help: { text: `${rule.rationale} See docs/rules/${rule.id}.md in CaseMark.` },
    defaultConfiguration: { level: rule.defaultSeverity === 'off' ? 'none' : level[rule.defaultSeverity], enabled: rule.defaultSeverity !== 'off' },
    properties: { category: rule.category, tags: ['casemark', rule.category] },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: Result[] = [];
  for (const file of files) {
    for (const message of file.messages as CaseMessage[]) {
      const start = message.place && 'start' in message.place ? message.place.start : { line: message.line ?? 1, column: message.column ?? 1 };
      const end = message.place && 'end' in message.place ? message.place.end : start;
      const result: Result = {
        ruleId: message.ruleId,
        level: level[message.severity] ?? 'warning',
        message: { text: message.reason },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: uri(file.path, cwd), uriBaseId: '%SRCROOT%' },
              region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
            },
          },
        ],
      };
      const ruleIndex = index.get(message.ruleId);
      if (ruleIndex !== undefined) result.ruleIndex = ruleIndex;
      results.push(result);
    }
  }
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'CaseMark', semanticVersion: version, version, rules: descriptors } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
        invocations: [
          {
            executionSuccessful: failures.length === 0,
            toolExecutionNotifications: failures.map((f) => ({
              level: 'error',
              message: { text: `${f.path}: ${f.reason}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: uri(f.path, cwd), uriBaseId: '%SRCROOT%' } } }],
            })),
          },
        ],
        results,
      },
    ],
  };
}

/** CaseMark's own JSON: vfile-reporter-json's fields plus severity and fix, which it leaves out. */
export function toJson(files: VFile[], cwd: string): unknown {
  return files.map((file) => ({
    path: uri(file.path, cwd),
    messages: (file.messages as CaseMessage[]).map((m) => ({
      ruleId: m.ruleId,
      severity: m.severity,
      reason: m.reason,
      line: m.line,
      column: m.column,
      place: m.place,
      source: m.source,
      url: m.url,
      expected: m.expected,
      fix: m.fix,
    })),
  }));
}
