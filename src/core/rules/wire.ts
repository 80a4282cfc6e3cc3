// Messages as plain data, to cross a worker boundary or sit in a cache file (a vfile message is an Error: structured
// clone would keep only its text), and back into messages on a vfile.
import type { VFile } from 'vfile';
import type { Position } from '../model/case';
import type { CaseMessage, Fix } from './rule';

export interface WireMessage {
  ruleId: string;
  severity: CaseMessage['severity'];
  reason: string;
  place?: Position;
  url?: string;
  fix?: Fix;
  expected?: string[];
}

export function toWire(messages: readonly CaseMessage[]): WireMessage[] {
  return messages.map((m) => {
    const wire: WireMessage = { ruleId: m.ruleId, severity: m.severity, reason: m.reason };
    if (m.place && 'start' in m.place) wire.place = m.place;
    if (m.url) wire.url = m.url;
    if (m.fix) wire.fix = m.fix;
    if (m.expected) wire.expected = m.expected;
    return wire;
  });
}

/** Adds the messages to the file, as createMessage made them. */
export function fromWire(file: VFile, wire: readonly WireMessage[]): CaseMessage[] {
  // A message is an Error, and capturing its stack was most of the cost (a 4.9 MB file's thousands of messages held
  // the extension host's thread for 160-230 ms); a message rebuilt here has no stack worth keeping.
  const errors = Error as { stackTraceLimit?: number };
  const limit = errors.stackTraceLimit;
  errors.stackTraceLimit = 0;
  try {
    return rebuild(file, wire);
  } finally {
    errors.stackTraceLimit = limit;
  }
}

function rebuild(file: VFile, wire: readonly WireMessage[]): CaseMessage[] {
  return wire.map((w) => {
    const message = file.message(w.reason, { place: w.place, ruleId: w.ruleId, source: 'casemark' }) as CaseMessage;
    message.severity = w.severity;
    message.fatal = w.severity === 'error' ? true : w.severity === 'warning' ? false : undefined;
    if (w.url) message.url = w.url;
    if (w.fix) message.fix = w.fix;
    if (w.expected) message.expected = w.expected;
    return message;
  });
}
