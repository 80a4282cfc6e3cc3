// Making CaseMark's one message type: a vfile message with ruleId, source 'casemark', place and severity.
import { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { ConfigProblem } from './config/read';
import type { Severity } from './config/types';
import type { Position } from './model';
import { docsPath, type CaseMessage, type Fix } from './rule';

export interface MessageInput {
  ruleId: string;
  severity: Exclude<Severity, 'off'>;
  reason: string;
  at: Position;
  fix?: Fix;
  expected?: string[];
}

/** Direction controls quoted from the file would reverse the rest of the message line: shown as their code instead. */
const visibleControls = (text: string): string => text.replace(/[\u202A-\u202E\u2066-\u2069]/gu, (c) => `<U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}>`);

export function createMessage(file: VFile, input: MessageInput): CaseMessage {
  const message = file.message(visibleControls(input.reason), { place: input.at, ruleId: input.ruleId, source: 'casemark' }) as CaseMessage;
  message.severity = input.severity;
  // vfile's own reading of severity: fatal true is an error, false a warning, undefined information.
  message.fatal = input.severity === 'error' ? true : input.severity === 'warning' ? false : undefined;
  if (input.ruleId !== 'internal-error') message.url = docsPath(input.ruleId);
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
