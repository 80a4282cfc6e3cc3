// Making CaseMark's one message type: a vfile message with ruleId, source 'casemark', place and severity.
import { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { ConfigProblem } from './config/read';
import type { Severity } from './config/types';
import type { Position } from './model';
import { docsPath, type CaseMessage, type Fix } from './rule';

/**
 * Messages from the analysis itself, not from a rule: no setting turns them off (a part left unchecked must never
 * look clean). Each with its documentation page, or null for none.
 */
export const engineMessages: Record<string, string | null | undefined> = {
  'internal-error': null,
  'analysis-limit': 'docs/performance.md',
  'analysis-stopped': 'docs/performance.md',
};

export interface MessageInput {
  ruleId: string;
  severity: Exclude<Severity, 'off'>;
  reason: string;
  at: Position;
  fix?: Fix;
  expected?: string[];
}

export function createMessage(file: VFile, input: MessageInput): CaseMessage {
  const message = file.message(input.reason, { place: input.at, ruleId: input.ruleId, source: 'casemark' }) as CaseMessage;
  message.severity = input.severity;
  // vfile's own reading of severity: fatal true is an error, false a warning, undefined information.
  message.fatal = input.severity === 'error' ? true : input.severity === 'warning' ? false : undefined;
  const engine = engineMessages[input.ruleId];
  if (engine !== null) message.url = engine ?? docsPath(input.ruleId);
  if (input.fix) message.fix = input.fix;
  if (input.expected) message.expected = input.expected;
  return message;
}

/** A settings file's problems as messages on that file, so they are shown where they are. */
export function configFileMessages(path: string, text: string, problems: ConfigProblem[]): VFile {
  const file = new VFile({ path, value: text });
  const place = location(text);
  const point = (offset: number) => place.toPoint(Math.min(offset, text.length)) ?? { line: 1, column: 1, offset: 0 };
  for (const problem of problems) {
    createMessage(file, { ruleId: 'config-invalid', severity: 'error', reason: problem.message, at: { start: point(problem.start), end: point(problem.end) } });
  }
  return file;
}
