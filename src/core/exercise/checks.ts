// The rubric vocabulary: each machine check an exercise may ask for, what it takes, and how it is judged on a
// learner's analysis. Checks for a person to mark are listed as such and never judged here.
import type { Analysis } from '../analyse';
import type { Hypothesis, Position, Section, SectionKind } from '../model/case';
import { templatePlaceholders, withoutPlaceholders } from '../template';
import { findRule } from '../rules/index';
import { hypothesesAnchor, plural, subjectsOf } from '../model/queries';
import type { SourceText } from '../text/source';
import { findPhrases } from '../text/words';

export interface CheckResult {
  met: boolean;
  /** What was found, in a few words: "2 of 3 hypotheses", "no Test: on H2". */
  detail: string;
  /** Where to look in the learner's file when the check is not met. */
  at?: Position;
}

export interface CheckContext {
  analysis: Analysis;
  text: string;
  source: SourceText;
}

export interface CheckKind {
  name: string;
  /** For docs/exercises.md and for the message when a rubric names a parameter wrongly. */
  summary: string;
  /** The parameter, if any: a number, a word, or a list of words. */
  parameter?: { name: string; type: 'number' | 'string' | 'string[]'; description: string };
  judge(context: CheckContext, value: unknown): CheckResult;
}

const sectionKinds: SectionKind[] = ['dilemma', 'hypotheses', 'genogram', 'ecomap', 'viewpoint', 'reflections', 'plan'];

function anchor({ analysis, source }: CheckContext): Position {
  return hypothesesAnchor(analysis.model, source);
}

function words(text: string): number {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length;
}

/** A hypothesis with nothing of the learner's in it: no statement, or the new-case template's own. */
function placeholderHypothesis(hypothesis: Hypothesis): boolean {
  const statement = hypothesis.statement.text.trim().replace(/'/g, '’');
  return statement === '' || templatePlaceholders.some((p) => p.replace(/'/g, '’') === statement);
}

/** The hypotheses the learner wrote: no check is met by an empty or template one. */
function written({ analysis }: CheckContext): Hypothesis[] {
  return analysis.model.hypotheses.filter((h) => !placeholderHypothesis(h));
}

/** The learner's own words in a section: its body without the template's placeholder sentences. */
function sectionWords(context: CheckContext, section: Section): number {
  const body = withoutPlaceholders(context.text.slice(section.heading.end.offset ?? 0, section.position.end.offset ?? 0));
  // A list's numbers ("1.") are not words: an empty numbered step is a place kept.
  return words(body.replace(/^[ \t]*(?:\d+[.)]|[-*+])(?=\s|$)/gm, ''));
}

/** The sections a learner writes in (not the quoted vignette, a genogram or an ecomap). */
const writtenKinds: SectionKind[] = ['dilemma', 'hypotheses', 'viewpoint', 'reflections', 'plan'];

/** Whether the learner has written anything yet: a check about what is written is never met by nothing. */
function anythingWritten(context: CheckContext): boolean {
  return written(context).length > 0 || context.analysis.model.sections.some((s) => s.kind !== undefined && writtenKinds.includes(s.kind) && s.kind !== 'hypotheses' && sectionWords(context, s) > 0);
}

const nothingYet = 'nothing written yet';

export const checkKinds: CheckKind[] = [
  {
    name: 'hypotheses',
    summary: 'At least N hypotheses.',
    parameter: { name: 'minimum', type: 'number', description: 'how many hypotheses at least' },
    judge(context, minimum) {
      const count = written(context).length;
      return { met: count > 0 && count >= (minimum as number), detail: `${plural(count, 'hypothesis', 'hypotheses')} of ${minimum as number}`, at: anchor(context) };
    },
  },
  {
    name: 'self-hypothesis',
    summary: 'At least one hypothesis about the worker or the professional system.',
    judge(context) {
      const { model } = context.analysis;
      const self = written(context).filter((h) => subjectsOf(h, model.people).has('worker'));
      return { met: self.length > 0, detail: self.length > 0 ? self.map((h) => h.label).join(', ') : 'none about the worker or the professional system', at: anchor(context) };
    },
  },
  {
    name: 'every-hypothesis-tested',
    summary: 'Every hypothesis has a Test: item.',
    judge(context) {
      const hypotheses = written(context);
      const untested = hypotheses.filter((h) => h.tests.length === 0);
      const first = untested[0];
      return {
        met: hypotheses.length > 0 && untested.length === 0,
        detail: hypotheses.length === 0 ? 'no hypotheses yet' : untested.length === 0 ? 'every hypothesis' : `no Test: on ${untested.map((h) => h.label).join(', ')}`,
        at: first ? first.statement.position : anchor(context),
      };
    },
  },
  {
    name: 'hypotheses-with-evidence-against',
    summary: 'At least N hypotheses have something recorded under Against: (a note that none was found counts).',
    parameter: { name: 'minimum', type: 'number', description: 'how many hypotheses at least' },
    judge(context, minimum) {
      const hypotheses = written(context);
      const count = hypotheses.filter((h) => h.evidenceAgainst.length > 0).length;
      const first = hypotheses.find((h) => h.evidenceAgainst.length === 0);
      if (hypotheses.length === 0) return { met: false, detail: 'no hypotheses yet', at: anchor(context) };
      return { met: count >= (minimum as number), detail: `${count} of ${minimum as number}`, at: first?.statement.position ?? anchor(context) };
    },
  },
  {
    name: 'genogram',
    summary: 'A genogram with at least N people, one of them marked index.',
    parameter: { name: 'minimum-people', type: 'number', description: 'how many people at least' },
    judge(context, minimum) {
      const genograms = context.analysis.model.diagrams.filter((d) => d.kind === 'genogram');
      const people = genograms.flatMap((d) => d.genogram.people.filter((p) => p.declared));
      const index = people.some((p) => p.index);
      const at = genograms[0]?.position ?? anchor(context);
      if (genograms.length === 0) return { met: false, detail: 'no genogram block', at };
      return { met: people.length >= (minimum as number) && index, detail: `${plural(people.length, 'person', 'people')} of ${minimum as number}${index ? '' : ', no index child'}`, at };
    },
  },
  {
    name: 'person-in-hypothesis',
    summary: 'The person named (by name or by role, such as "father") appears in at least one hypothesis.',
    parameter: { name: 'person', type: 'string', description: 'a name or a role: father, mother, stepfather, grandmother…' },
    judge(context, person) {
      const { model } = context.analysis;
      const wanted = String(person).toLowerCase().replace(/^the\s+/, '');
      const matches = model.people.filter((p) => p.name.toLowerCase() === wanted || p.role?.toLowerCase() === wanted || p.relation?.toLowerCase() === wanted);
      const keys = new Set([wanted, ...matches.map((p) => p.name.toLowerCase())]);
      const found = written(context).find((h) => {
        const subjects = subjectsOf(h, model.people);
        if ([...keys].some((k) => subjects.has(k))) return true;
        const item = context.text.slice(h.position.start.offset ?? 0, h.position.end.offset ?? 0);
        return findPhrases(item, [...keys, ...matches.map((p) => p.name)]).length > 0;
      });
      return { met: Boolean(found), detail: found ? `in ${found.label}` : `“${String(person)}” is in no hypothesis`, at: anchor(context) };
    },
  },
  {
    name: 'viewpoint-section',
    summary: 'An Alternative viewpoint section with something in it.',
    judge(context) {
      const section = context.analysis.model.sections.find((s) => s.kind === 'viewpoint');
      const count = section ? sectionWords(context, section) : 0;
      return { met: count > 0, detail: section ? (count > 0 ? 'present' : 'empty') : 'no Alternative viewpoint section', at: section?.heading ?? anchor(context) };
    },
  },
  {
    name: 'no-messages',
    summary: 'No messages from the rule named (by id or alias), such as labels-not-behaviour, on an analysis with something written in it.',
    parameter: { name: 'rule', type: 'string', description: 'a rule id or alias' },
    judge(context, rule) {
      const name = String(rule).toLowerCase();
      const id = findRule(name)?.id ?? name;
      const messages = context.analysis.messages.filter((m) => m.ruleId === id);
      const first = messages[0];
      // No messages about nothing is not a pass.
      if (!anythingWritten(context)) return { met: false, detail: nothingYet, at: anchor(context) };
      return {
        met: messages.length === 0,
        detail: messages.length === 0 ? 'none' : plural(messages.length, 'message', 'messages'),
        at: first?.place && 'start' in first.place ? (first.place as Position) : anchor(context),
      };
    },
  },
  {
    name: 'word-limit',
    summary: 'A section (dilemma, hypotheses, genogram, ecomap, viewpoint, reflections or plan) is there, has something in it, and is within N words.',
    parameter: { name: 'section:words', type: 'string', description: 'the section and the limit, as `dilemma: 150`' },
    judge(context, value) {
      const [kind, limitText] = String(value).split(':').map((s) => s.trim());
      const limit = Number(limitText);
      const sections = context.analysis.model.sections.filter((s) => s.kind === kind);
      // A limit is on something that should be there: no section is not "within the limit".
      if (sections.length === 0) return { met: false, detail: `no ${kind} section`, at: anchor(context) };
      const count = sections.reduce((sum, s) => sum + sectionWords(context, s), 0);
      // Nothing written is not "within the limit" either.
      if (count === 0) return { met: false, detail: `the ${kind} section is empty`, at: sections[0]?.heading ?? anchor(context) };
      return { met: count <= limit, detail: `${plural(count, 'word', 'words')} of at most ${limit}`, at: sections[0]?.heading ?? anchor(context) };
    },
  },
  {
    name: 'headings',
    summary: 'Every section named is present and has something in it (dilemma, hypotheses, genogram, ecomap, viewpoint, reflections, plan).',
    parameter: { name: 'sections', type: 'string[]', description: 'the sections that must be there' },
    judge(context, value) {
      const { sections } = context.analysis.model;
      const present = new Set(sections.map((s) => s.kind));
      const missing = (value as string[]).filter((k) => !present.has(k as SectionKind));
      // A heading with nothing of the learner's under it is a place kept, not a section.
      const filled = (kind: string): boolean =>
        kind === 'hypotheses' ? written(context).length > 0 : kind === 'genogram' || kind === 'ecomap' ? context.analysis.model.diagrams.some((d) => d.kind === kind && (d.genogram.people.length > 0 || d.genogram.systems.length > 0)) : sections.some((s) => s.kind === kind && sectionWords(context, s) > 0);
      const empty = (value as string[]).filter((k) => present.has(k as SectionKind) && !filled(k));
      const gaps = [...(missing.length > 0 ? [`missing: ${missing.join(', ')}`] : []), ...(empty.length > 0 ? [`empty: ${empty.join(', ')}`] : [])];
      return { met: gaps.length === 0, detail: gaps.length === 0 ? 'all present' : gaps.join('; '), at: anchor(context) };
    },
  },
];

export function findCheck(name: string): CheckKind | undefined {
  return checkKinds.find((c) => c.name === name);
}

/** Whether a value fits the parameter a check takes; the reason when it does not. */
export function parameterProblem(kind: CheckKind, value: unknown): string | undefined {
  const spec = kind.parameter;
  if (!spec) return value === undefined || value === null || value === true ? undefined : `${kind.name} takes no value`;
  if (spec.type === 'number') return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? undefined : `${kind.name} takes a whole number: ${spec.description}`;
  if (spec.type === 'string[]') {
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return `${kind.name} takes a list: ${spec.description}`;
    if (kind.name === 'headings') {
      const unknown = value.filter((v) => !sectionKinds.includes(v as SectionKind));
      if (unknown.length > 0) return `unknown section ${unknown.join(', ')}: use ${sectionKinds.join(', ')}`;
    }
    return undefined;
  }
  if (typeof value !== 'string' || value.trim() === '') return `${kind.name} takes some words: ${spec.description}`;
  if (kind.name === 'word-limit') {
    const [section, limit] = value.split(':').map((s) => s.trim());
    if (!sectionKinds.includes(section as SectionKind) || !/^\d+$/.test(limit ?? '')) return 'word-limit takes a section and a number, as `dilemma: 150`';
  }
  return undefined;
}
