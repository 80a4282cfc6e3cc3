// Making CaseMark's one message type: a vfile message with ruleId, source 'casemark', place and severity.
import type { VFile } from 'vfile';
import type { Severity } from '../model/settings';
import type { Position } from '../model/case';
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

/** Direction controls quoted from the file would reverse the rest of the message line: shown as their code instead. */
const visibleControls = (text: string): string => text.replace(/[\u202A-\u202E\u2066-\u2069]/gu, (c) => `<U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}>`);

export function createMessage(file: VFile, input: MessageInput): CaseMessage {
  const message = file.message(visibleControls(input.reason), { place: input.at, ruleId: input.ruleId, source: 'casemark' }) as CaseMessage;
  message.severity = input.severity;
  // vfile's own reading of severity: fatal true is an error, false a warning, undefined information.
  message.fatal = input.severity === 'error' ? true : input.severity === 'warning' ? false : undefined;
  const engine = engineMessages[input.ruleId];
  if (engine !== null) message.url = engine ?? docsPath(input.ruleId);
  if (input.fix) message.fix = input.fix;
  if (input.expected) message.expected = input.expected;
  return message;
}
