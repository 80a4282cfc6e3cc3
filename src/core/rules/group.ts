// Fewer, better-ordered prompts: one prompt repeated per hypothesis is reported once, with the other places as
// related locations, and prompts that share a place are grouped with the one that matters most first.
import type { CaseModel, Position } from '../model/case';
import type { CaseMessage, Fix } from './rule';
import { findRule } from './index';

/** Another place a prompt applies to, with that place's own wording and fix. */
export interface RelatedPlace {
  at: Position;
  reason: string;
  fix?: Fix;
}

/** A prompt as the writer is shown it: the message, its wording (saying where else it applies) and the other places. */
export interface Prompt {
  message: CaseMessage;
  reason: string;
  related: RelatedPlace[];
}

/** Rules whose question opens the most in supervision come first at a shared place; the rest follow by category. */
const firstRules = [
  'child-voice-absent', 'hypotheses-missing', 'hypotheses-one-person', 'no-self-hypothesis', 'hypothesis-no-disconfirming', 'evidence-one-sided',
  'hypotheses-too-few', 'hypothesis-no-test', 'unseen-adult', 'evidence-one-source',
];
const categoryOrder = ['structure', 'dialect', 'privacy', 'recording', 'hypothesis', 'bias', 'language', 'genogram'];
const severityOrder = ['error', 'warning', 'info', 'hint'];

/** Lower is more important: severity first, then the rule's place in the order above. */
export function importance(message: CaseMessage): number {
  const severity = Math.max(0, severityOrder.indexOf(message.severity));
  const first = firstRules.indexOf(message.ruleId);
  const category = categoryOrder.indexOf(findRule(message.ruleId)?.category ?? '');
  const rank = first !== -1 ? first : firstRules.length + (category === -1 ? categoryOrder.length : category);
  return severity * 100 + rank;
}

function offsets(message: CaseMessage): [number, number] {
  const place = message.place && 'start' in message.place ? message.place : undefined;
  return [place?.start.offset ?? 0, place?.end.offset ?? 0];
}

function placeOf(message: CaseMessage): Position {
  const place = message.place && 'start' in message.place ? message.place : undefined;
  const point = { line: message.line ?? 1, column: message.column ?? 1 };
  return place ?? { start: point, end: point };
}

/** Where a place is, for a reader: the hypothesis that holds it, else its line. */
function whereIs(at: Position, model: CaseModel): string {
  const offset = at.start.offset ?? 0;
  const hypothesis = model.hypotheses.find((h) => offset >= (h.position.start.offset ?? 0) && offset <= (h.position.end.offset ?? 0));
  return hypothesis ? hypothesis.label : `line ${at.start.line}`;
}

function listing(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * One prompt per rule and wording: messages of one rule whose wording differs only in the hypothesis they name
 * ("H1 has no Test: item", "H2 has no Test: item") become the first of them, saying where else it applies and
 * carrying the others as related places (each with its fix). The messages themselves are left as they are.
 */
export function mergeRepeats(messages: readonly CaseMessage[], model: CaseModel): Prompt[] {
  const labels = [...new Set(model.hypotheses.map((h) => h.label))].sort((a, b) => b.length - a.length);
  const labelPattern = labels.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${labels.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`, 'gu') : undefined;
  const key = (m: CaseMessage): string => `${m.ruleId}\u0000${m.severity}\u0000${labelPattern ? m.reason.replace(labelPattern, '\u0001') : m.reason}`;
  const firstOf = new Map<string, Prompt>();
  const prompts: Prompt[] = [];
  for (const message of messages) {
    // Messages about the document itself (bad settings, internal errors) are never merged.
    const k = message.ruleId === 'internal-error' || message.ruleId === 'config-invalid' ? undefined : key(message);
    const first = k === undefined ? undefined : firstOf.get(k);
    if (first) {
      first.related.push({ at: placeOf(message), reason: message.reason, ...(message.fix ? { fix: message.fix } : {}) });
      continue;
    }
    const prompt: Prompt = { message, reason: message.reason, related: [] };
    if (k !== undefined) firstOf.set(k, prompt);
    prompts.push(prompt);
  }
  for (const prompt of prompts) {
    if (prompt.related.length === 0) continue;
    const places = [...new Set(prompt.related.map((r) => whereIs(r.at, model)))];
    prompt.reason = `${prompt.reason} The same goes for ${listing(places)}.`;
  }
  return prompts;
}

export interface PromptGroup {
  /** The prompt that matters most at this place. */
  primary: Prompt;
  /** The other prompts at exactly the same place, most important first. */
  others: Prompt[];
}

/**
 * The prompts as a writer should meet them: repeats merged (mergeRepeats), then prompts that share a place (same
 * start and end) grouped, in document order, each group most important first.
 */
export function groupPrompts(messages: readonly CaseMessage[], model: CaseModel): PromptGroup[] {
  const byPlace = new Map<string, Prompt[]>();
  for (const prompt of mergeRepeats(messages, model)) {
    const k = offsets(prompt.message).join(':');
    const list = byPlace.get(k);
    if (list) list.push(prompt);
    else byPlace.set(k, [prompt]);
  }
  return [...byPlace.values()].map((list) => {
    const [primary, ...others] = [...list].sort((a, b) => importance(a.message) - importance(b.message));
    return { primary: primary as Prompt, others };
  });
}

/** Every prompt of a group, the primary first, and every place each applies to, with its fix. */
export function groupFixes(group: PromptGroup): Array<{ prompt: Prompt; at: Position; fix: Fix; where?: Position }> {
  const out: Array<{ prompt: Prompt; at: Position; fix: Fix; where?: Position }> = [];
  for (const prompt of [group.primary, ...group.others]) {
    if (prompt.message.fix) out.push({ prompt, at: placeOf(prompt.message), fix: prompt.message.fix });
    for (const related of prompt.related) if (related.fix) out.push({ prompt, at: related.at, fix: related.fix, where: related.at });
  }
  return out;
}
