// What the editor shows about a case model, as plain text: CodeLens, status bar, hovers. Pure, unit-tested.
import type { CaseMessage, CaseModel, Hypothesis, Prompt, PromptGroup } from '../core/index';
import { findRule, groupPrompts, plural, supporting as realFor } from '../core/index';

/** Hypotheses worth a second look, in document order: no test, or support with nothing against. */
export function gaps(model: CaseModel): Array<{ hypothesis: Hypothesis; untested: boolean; oneSided: boolean }> {
  return model.hypotheses
    .map((hypothesis) => ({
      hypothesis,
      untested: hypothesis.tests.length === 0,
      oneSided: realFor(hypothesis).length > 0 && hypothesis.evidenceAgainst.length === 0,
    }))
    .filter((g) => g.untested || g.oneSided);
}

/** "5 hypotheses · 2 without a test · 1 one-sided". */
export function hypothesesSummary(model: CaseModel): string {
  const all = gaps(model);
  const parts = [plural(model.hypotheses.length, 'hypothesis', 'hypotheses')];
  const untested = all.filter((g) => g.untested).length;
  const oneSided = all.filter((g) => g.oneSided).length;
  if (untested > 0) parts.push(`${untested} without a test`);
  if (oneSided > 0) parts.push(`${oneSided} one-sided`);
  return parts.join(' · ');
}

export function statusText(model: CaseModel, messages: CaseMessage[]): { text: string; tooltip: string } {
  // As many as the Problems panel lists: prompts sharing a place, and a repeat, are one.
  const prompts = groupPrompts(messages, model).length;
  return {
    text: `$(lightbulb) ${plural(model.hypotheses.length, 'hypothesis', 'hypotheses')} · ${plural(prompts, 'prompt', 'prompts')}`,
    tooltip: `CaseMark: ${plural(model.hypotheses.length, 'hypothesis', 'hypotheses')}, ${plural(prompts, 'open prompt', 'open prompts')}. Click to see them in the Problems panel.`,
  };
}

/** The question to take to supervision about one hypothesis: curious, never a verdict. */
export function supervisionQuestion(h: Hypothesis): string {
  if (h.tests.length === 0) return 'What would you need to find out, and from whom, to test this idea?';
  if (realFor(h).length > 0 && h.evidenceAgainst.length === 0) return 'What would you expect to see if this idea were not so, and have you looked for it?';
  if (realFor(h).length === 0) return 'What have you seen or heard that fits this idea, and what would fit a different one just as well?';
  return 'If this idea turned out to be wrong, what would you notice first?';
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/** Hover text for a hypothesis, as Markdown (user text escaped). */
export function hypothesisHover(h: Hypothesis): string {
  const sources = [...new Set([...h.evidenceFor, ...h.evidenceAgainst].flatMap((e) => (e.source ? [e.source] : [])))];
  // The supervision question first: it is what the writer can act on.
  const lines = [
    `**${escapeMarkdown(h.label)}** · *In supervision:* ${supervisionQuestion(h)}`,
    '',
    `${plural(realFor(h).length, 'piece', 'pieces')} of evidence for · ${h.evidenceAgainst.length} against`,
    '',
    `Sources: ${sources.length > 0 ? sources.map(escapeMarkdown).join(', ') : 'none recorded'}`,
    '',
    `Test: ${h.tests.length > 0 ? escapeMarkdown(h.tests.map((t) => t.text).join('; ')) : 'none yet'}`,
    '',
    `Status: ${h.status ? escapeMarkdown(h.status.text) : 'not set'}`,
  ];
  return lines.join('\n');
}

/** Hover text for a CaseMark prompt: why the rule exists. */
export function ruleHover(ruleId: string): string | undefined {
  const rule = findRule(ruleId);
  return rule ? `**CaseMark · ${rule.id}**\n\n${rule.rationale}` : undefined;
}

/** The first sentence or question of a prompt, for a list of several. */
function firstSentence(text: string): string {
  const end = /[.?!](?=\s|$)/.exec(text);
  return end ? text.slice(0, end.index + 1) : text;
}

/**
 * One hover for a place: the summary first (the hypothesis and its supervision question, or the one prompt that
 * matters most), then the other prompts in a short list, most important first, and why the first one is asked.
 */
export function promptsHover(hypothesis: Hypothesis | undefined, groups: readonly PromptGroup[], elsewhere: ReadonlyArray<{ prompt: Prompt; at: number }> = []): string | undefined {
  const prompts = groups.flatMap((g) => [g.primary, ...g.others]);
  if (!hypothesis && prompts.length === 0 && elsewhere.length === 0) return undefined;
  const parts: string[] = [];
  if (hypothesis) parts.push(hypothesisHover(hypothesis));
  if (prompts.length > 0) {
    const [first] = prompts;
    if (prompts.length === 1 && first) parts.push(`**CaseMark · ${first.message.ruleId}:** ${escapeMarkdown(first.reason)}`);
    else parts.push([`**${prompts.length} CaseMark prompts here, most important first:**`, '', ...prompts.map((p, i) => `${i + 1}. ${escapeMarkdown(firstSentence(p.reason))} *(${p.message.ruleId})*`)].join('\n'));
    const why = first ? ruleHover(first.message.ruleId) : undefined;
    if (why) parts.push(why);
  }
  for (const { prompt, at } of elsewhere) parts.push(`*Asked once, at line ${at}, and it applies here too:* ${escapeMarkdown(firstSentence(prompt.message.reason))} *(${prompt.message.ruleId})*`);
  return parts.join('\n\n---\n\n');
}
