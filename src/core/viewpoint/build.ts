// The alternative viewpoint: a supervision-preparation document built from the case model alone,
// deterministically, with every sentence taken from phrases.json (or a team's own wording).
import type { CaseModel, Evidence, Hypothesis, Person, Position } from '../model/case';
import { findingsOf as ruleFindings, type Analysis } from '../rules/engine';
import { findRule } from '../rules/index';
import type { SourceText } from '../text/source';
import { favouredHypothesis, nameParts, sourceKey, subjectsOf, supporting, unseenAdults } from '../model/queries';
import { findPhrases } from '../text/words';
import { withoutPlaceholders } from '../template';
import { gracesAspects } from './graces';
import { phrasesWith, type PhraseKey, type Phrases } from './phrases';
import { describeRelation } from '../genogram/kinship';

export type Mark = 'fits' | 'does-not-fit' | 'not-assessed';

export interface MatrixRow {
  evidence: string;
  source?: string;
  /** One mark per hypothesis, in the matrix's column order. */
  marks: Mark[];
  /** False when the evidence fits every hypothesis, and so does not help to choose. */
  diagnostic: boolean;
}

export interface Matrix {
  hypotheses: Array<{ label: string; statement: string }>;
  rows: MatrixRow[];
  /** Column headings and mark words, from the phrases, so every renderer says the same. */
  words: { evidence: string; source: string; fits: string; doesNotFit: string; notAssessed: string };
}

export type Block = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] } | { kind: 'matrix'; matrix: Matrix };

export type SectionId = 'leading' | 'matrix' | 'voices' | 'tests' | 'graces' | 'position';

export interface ViewpointSection {
  id: SectionId;
  heading: string;
  blocks: Block[];
}

export interface Viewpoint {
  title: string;
  caseName?: string;
  intro: string;
  generatedNote: string;
  sections: ViewpointSection[];
}

class Writer {
  constructor(private readonly phrases: Phrases) {}

  say(key: PhraseKey, values: Record<string, string | number> = {}): string {
    return this.phrases[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  }
}

/** "a, b and c" (or "a; b; and c" when the items hold commas). */
function listing(items: string[], separator = ', '): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(separator)}${separator === ', ' ? ' and ' : `${separator}and `}${items[items.length - 1]}`;
}

function trimStop(text: string): string {
  return text.trim().replace(/[.!?…]+$/, '');
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function countPieces(count: number): string {
  return count === 0 ? 'no evidence recorded' : count === 1 ? '1 piece of evidence recorded' : `${count} pieces of evidence recorded`;
}

/**
 * The statement turned around, tentatively: "Amy may be staying at home…" becomes "Amy may not be staying at home…".
 * Without a "may", "might" or "could" to turn, it is wrapped: "it may not be that …".
 */
export function turnAround(statement: string, people: Person[], writer: Writer): string {
  const text = trimStop(statement);
  // Lower case only: "May" and "Might" with a capital are more often a name or a month than a modal.
  const modal = /\b(may|might|could)\b(\s+not\b)?/.exec(text);
  if (modal) {
    const turned = modal[2] ? modal[1] : `${modal[1]} not`;
    return text.slice(0, modal.index) + turned + text.slice(modal.index + modal[0].length);
  }
  const first = (/^\S+/.exec(text)?.[0] ?? '').replace(/['’]s$/, '');
  const isName = first === 'I' || people.some((p) => nameParts(p.name).includes(first) || p.name === first);
  const lowered = isName ? text : text.charAt(0).toLowerCase() + text.slice(1);
  return writer.say('leading.notThis', { statement: lowered });
}

function indexChild(model: CaseModel): Person | undefined {
  const children = model.people.filter((p) => p.isChild && p.role !== 'baby' && p.role !== 'unborn');
  return children.find((p) => p.role === 'child' && p.relation === 'child') ?? children[0];
}

function leadingSection(model: CaseModel, text: string, writer: Writer): ViewpointSection {
  const blocks: Block[] = [];
  const section: ViewpointSection = { id: 'leading', heading: writer.say('leading.heading'), blocks };
  const paragraph = (t: string): number => blocks.push({ kind: 'paragraph', text: t });
  const { hypotheses } = model;
  if (hypotheses.length === 0) {
    paragraph(writer.say('leading.noHypotheses'));
    return section;
  }
  const child = indexChild(model)?.name ?? 'the child';
  const favoured = favouredHypothesis(hypotheses);
  if (!favoured) {
    paragraph(writer.say('leading.none'));
  } else {
    const reasons: string[] = [];
    if (favoured.status?.value === 'supported') reasons.push(writer.say('leading.reason.status'));
    const count = supporting(favoured).length;
    if (hypotheses.length > 1 && hypotheses.every((h) => h === favoured || supporting(h).length < count)) reasons.push(writer.say('leading.reason.evidence', { count, pieces: count === 1 ? '1 piece' : `${count} pieces` }));
    const mentions = mentionsOutside(favoured, text);
    if (mentions > 0) reasons.push(writer.say('leading.reason.mentions', { times: mentions === 1 ? 'once' : mentions === 2 ? 'twice' : `${mentions} times` }));
    paragraph(writer.say('leading.favoured', { label: favoured.label, statement: trimStop(favoured.statement.text) }));
    // Reasons may hold commas of their own: then semicolons keep them apart.
    if (reasons.length > 0) paragraph(writer.say('leading.why', { reasons: reasons.some((r) => r.includes(',')) ? listing(reasons, '; ') : listing(reasons) }));
    paragraph(writer.say('leading.turned', { turned: `${turnAround(favoured.statement.text, model.people, writer)}.` }));
    paragraph(writer.say('leading.expect', { child }));
  }
  const others = hypotheses.filter((h) => h !== favoured);
  if (hypotheses.length === 1) paragraph(writer.say('leading.only'));
  if (favoured && others.length > 0) {
    const attention = (h: Hypothesis): number => h.evidenceFor.length + h.evidenceAgainst.length;
    const rival = others.reduce((least, h) => (attention(h) < attention(least) ? h : least));
    paragraph(writer.say('leading.rival', { label: rival.label, statement: trimStop(rival.statement.text), count: countPieces(attention(rival)) }));
  }
  return section;
}

/** How often "H1" is named outside its own entry (in the plan, the reflections, other hypotheses). */
function mentionsOutside(hypothesis: Hypothesis, text: string): number {
  if (!hypothesis.labelled) return 0;
  const start = hypothesis.position.start.offset ?? 0;
  const end = hypothesis.position.end.offset ?? 0;
  const outside = text.slice(0, start) + text.slice(end);
  return findPhrases(outside, [hypothesis.label], 0, outside.length, true).length;
}

function matrixSection(model: CaseModel, writer: Writer): ViewpointSection {
  const blocks: Block[] = [];
  const section: ViewpointSection = { id: 'matrix', heading: writer.say('matrix.heading'), blocks };
  const { hypotheses } = model;
  const rows: MatrixRow[] = [];
  const byText = new Map<string, MatrixRow>();
  hypotheses.forEach((hypothesis, column) => {
    const items: Array<[Evidence, Mark]> = [
      ...hypothesis.evidenceFor.filter((e) => !e.noneFound).map((e): [Evidence, Mark] => [e, 'fits']),
      ...hypothesis.evidenceAgainst.filter((e) => !e.noneFound).map((e): [Evidence, Mark] => [e, 'does-not-fit']),
    ];
    for (const [evidence, mark] of items) {
      // The same observation listed under two hypotheses is one row with two marks.
      const key = normalise(evidence.text);
      let row = byText.get(key);
      if (!row) {
        row = { evidence: trimStop(evidence.text), source: evidence.source, marks: hypotheses.map((): Mark => 'not-assessed'), diagnostic: true };
        byText.set(key, row);
        rows.push(row);
      }
      row.marks[column] = mark;
    }
  });
  if (rows.length === 0) {
    blocks.push({ kind: 'paragraph', text: hypotheses.length === 0 ? writer.say('notYet') : writer.say('matrix.none') });
    return section;
  }
  for (const row of rows) row.diagnostic = !(hypotheses.length >= 2 && row.marks.every((m) => m === 'fits'));
  blocks.push({ kind: 'paragraph', text: writer.say('matrix.intro') });
  blocks.push({
    kind: 'matrix',
    matrix: {
      hypotheses: hypotheses.map((h) => ({ label: h.label, statement: trimStop(h.statement.text) })),
      rows,
      words: { evidence: writer.say('matrix.evidence'), source: writer.say('matrix.source'), fits: writer.say('matrix.fits'), doesNotFit: writer.say('matrix.doesNotFit'), notAssessed: writer.say('matrix.notAssessed') },
    },
  });
  const flat = rows.filter((r) => !r.diagnostic);
  if (flat.length > 0) blocks.push({ kind: 'paragraph', text: writer.say('matrix.nonDiagnostic', { count: flat.length, items: listing(flat.map((r) => `“${r.evidence}”`)) }) });
  if (hypotheses.length >= 2) {
    const against = (h: Hypothesis): number => h.evidenceAgainst.filter((e) => !e.noneFound).length;
    // A stable sort: hypotheses with as much against stay in the order written.
    const ranked = hypotheses.map((h, n) => ({ h, n })).sort((a, b) => against(a.h) - against(b.h) || a.n - b.n);
    const counts = [...new Set(hypotheses.map(against))];
    if (counts.length === 1) {
      // A ranking in which every idea ties ranks nothing: say so, rather than list an order that means nothing.
      blocks.push({ kind: 'paragraph', text: writer.say('matrix.tie', { count: counts[0] as number }) });
    } else {
      blocks.push({ kind: 'paragraph', text: writer.say('matrix.ranking', { ranking: ranked.map(({ h }) => writer.say('matrix.rankItem', { label: h.label, count: against(h) })).join(', ') }) });
      for (const count of counts) {
        const tied = ranked.filter(({ h }) => against(h) === count).map(({ h }) => h.label);
        if (tied.length > 1) blocks.push({ kind: 'paragraph', text: writer.say('matrix.tiePart', { labels: listing(tied), count }) });
      }
    }
    blocks.push({ kind: 'paragraph', text: writer.say('matrix.caution') });
  }
  return section;
}

const voiceWords = ['said', 'says', 'told', 'tells', 'explained', 'described', 'wants', 'wanted', 'wishes', 'asked for', 'shared', 'drew', 'showed'];
const workerSources = /^(case record|case notes|my |me$|i$|worker|social worker|record of|chronology)/i;

interface Voice {
  name: string;
  kind: 'infant' | 'young' | 'child' | 'adult' | 'agency';
  /** Words that name them in a source or a sentence. */
  names: string[];
  person?: Person;
}

/** Below this age a child's questions ask about play, drawing and what they show, not what they would say. */
const youngChildAge = 6;

/** A parent's or carer's employer: asking them about the family raises consent, and the family's livelihood. */
const employerName = /\bemployer\b|\bmanager\b|\bwork(place)?\b/i;

const services = /^(school|nursery|college|gp|police|health visitor|midwife|employer|housing|youth club|social care|children's services|hospital|probation|youth offending team|the )/i;

/** A service read well mid-sentence: "the health visitor", "the GP"; a proper name ("Oakfield Primary") as written. */
function agencyName(name: string): string {
  if (!services.test(name) && !/^\p{Ll}/u.test(name)) return name;
  if (/^the /i.test(name)) return name.charAt(0).toLowerCase() + name.slice(1);
  // Acronyms keep their capitals; other words lose a capital they had only for starting the name.
  const words = name.split(/\s+/).map((w) => (/^\p{Lu}{2,}$/u.test(w) ? w : w.toLowerCase()));
  return `the ${words.join(' ')}`;
}

function voicesOf(model: CaseModel): Voice[] {
  const voices: Voice[] = [];
  const deceased = new Set(model.diagrams.flatMap((d) => d.genogram.people.filter((p) => p.deceased || p.pregnancy).map((p) => p.key)));
  for (const person of model.people) {
    if (person.deceased || person.role === 'unborn' || person.role === 'baby' || (person.key && deceased.has(person.key))) continue;
    const names = [person.name, ...nameParts(person.name), ...(person.role ? [person.role] : [])];
    // Babies and toddlers are heard through what they do: their questions ask what was seen. Young children (under
    // six) through their play, their drawings and what they show rather than say.
    const kind = !person.isChild ? 'adult' : person.age !== undefined && person.age < 3 ? 'infant' : person.age !== undefined && person.age < youngChildAge ? 'young' : 'child';
    voices.push({ name: person.name, kind, names, person });
  }
  const seen = new Set(voices.flatMap((v) => v.names.map((n) => n.toLowerCase())));
  const addAgency = (name: string, aliases: string[]): void => {
    const lower = [name, ...aliases].map((n) => n.toLowerCase());
    if (lower.some((n) => seen.has(n))) return;
    lower.forEach((n) => seen.add(n));
    voices.push({ name, kind: 'agency', names: [name, ...aliases] });
  };
  for (const diagram of model.diagrams) {
    for (const system of diagram.genogram.systems) {
      // A service tied to one person only is theirs: "Craig’s employer" reads better than "the employer".
      const ends = diagram.genogram.ties.flatMap((t) => (t.to === system.key ? [t.from] : t.from === system.key ? [t.to] : []));
      const owner = ends.length > 0 && ends.every((e) => e === ends[0]) && ends[0] !== 'centre' ? diagram.genogram.people.find((p) => p.key === ends[0]) : undefined;
      const name = owner && services.test(system.name) ? `${owner.name}’s ${agencyName(system.name).replace(/^the /, '')}` : agencyName(system.name);
      addAgency(name, [system.name, ...(system.name === system.id ? [] : [system.id])]);
    }
  }
  for (const evidence of model.hypotheses.flatMap((h) => [...h.evidenceFor, ...h.evidenceAgainst])) {
    const source = evidence.source?.trim();
    if (!source || workerSources.test(source)) continue;
    if (voices.some((v) => v.names.some((n) => sourceKey(source).startsWith(n.toLowerCase())))) continue;
    addAgency(agencyName(source.replace(/^the\s+/i, '')), [source.replace(/^the\s+/i, '')]);
  }
  return voices;
}

function heard(voice: Voice, model: CaseModel, prose: string): boolean {
  const names = voice.names.map((n) => n.toLowerCase());
  const sources = model.hypotheses.flatMap((h) => [...h.evidenceFor, ...h.evidenceAgainst]).flatMap((e) => (e.source ? [sourceKey(e.source)] : []));
  if (sources.some((s) => names.some((n) => s === n || s.startsWith(`${n} `)))) return true;
  if (voice.kind === 'agency') return false;
  const proper = voice.names.filter((n) => n !== voice.person?.role);
  for (const sentence of prose.split(/(?<=[.!?])\s+|\n\s*\n/)) {
    for (const mention of findPhrases(sentence, proper, 0, sentence.length, true)) {
      const after = sentence.slice(mention.end, mention.end + 40);
      if (/^['’]s\b/.test(after)) continue;
      if (findPhrases(after, voiceWords).length > 0 && !/\b(not|never|n['’]t)\b/i.test(after.slice(0, findPhrases(after, voiceWords)[0]?.start ?? 0))) return true;
    }
  }
  return false;
}

function voicesSection(model: CaseModel, prose: string, writer: Writer, voices: Voice[], unheard: Voice[]): ViewpointSection {
  const blocks: Block[] = [];
  const section: ViewpointSection = { id: 'voices', heading: writer.say('voices.heading'), blocks };
  if (voices.length === 0) {
    blocks.push({ kind: 'paragraph', text: writer.say('voices.noneKnown') });
    return section;
  }
  const heardNames = voices.filter((v) => !unheard.includes(v)).map((v) => v.name);
  blocks.push({ kind: 'paragraph', text: heardNames.length > 0 ? writer.say('voices.heard', { names: listing(heardNames) }) : writer.say('voices.noneHeard') });
  if (unheard.length === 0) {
    blocks.push({ kind: 'paragraph', text: writer.say('voices.allHeard') });
    return section;
  }
  blocks.push({ kind: 'paragraph', text: writer.say('voices.missing') });
  const child = indexChild(model);
  const parent = model.people.find((p) => ['mother', 'father', 'parent', 'carer'].includes(p.role ?? '') && !p.isChild);
  const items: string[] = [];
  const types: Record<Voice['kind'], PhraseKey[]> = {
    infant: ['voices.infant.observe', 'voices.infant.comfort'],
    young: ['voices.young.play', 'voices.young.drawing', 'voices.young.show'],
    child: ['voices.child.observer', 'voices.child.triadic', 'voices.child.future', 'voices.child.difference'],
    adult: ['voices.adult.observer', 'voices.adult.behavioural', 'voices.adult.triadic', 'voices.adult.future'],
    agency: ['voices.agency.observer', 'voices.agency.difference'],
  };
  unheard.forEach((voice, n) => {
    const other =
      voice.kind === 'child' || voice.kind === 'infant' || voice.kind === 'young'
        ? (parent?.name ?? 'the adults at home')
        : (model.people.find((p) => !p.isChild && p !== voice.person && p.role !== 'unborn')?.name ?? 'the other adults at home');
    const childName = child && child !== voice.person ? child.name : 'the child';
    const keys = types[voice.kind];
    // Two question types each, turning through the list, so the questions differ from person to person.
    const chosen = [keys[n % keys.length], keys[(n + 1) % keys.length]] as PhraseKey[];
    // Before anything about an employer: whether the family agrees to them being asked at all.
    if (voice.kind === 'agency' && employerName.test(voice.name)) chosen.unshift('voices.agency.consent');
    const questions = chosen.map((key) => writer.say(key, { name: voice.name, other, child: childName }));
    const relation = voice.person ? relationOf(model, voice.person) : undefined;
    items.push(`**${voice.name.charAt(0).toUpperCase()}${voice.name.slice(1)}**${relation ? ` (${relation})` : ''}: ${questions.join(' ')}`);
  });
  blocks.push({ kind: 'list', items });
  return section;
}

/** Who a genogram person is, worded from the index child and naming them: "Noah’s mother’s partner". */
function relationOf(model: CaseModel, person: Person): string | undefined {
  if (!person.key) return undefined;
  for (const diagram of model.diagrams) {
    const { genogram } = diagram;
    const index = genogram.people.find((p) => p.index && !p.pregnancy);
    if (diagram.kind !== 'genogram' || !index || !genogram.people.some((p) => p.key === person.key && p.declared)) continue;
    return index.key === person.key ? undefined : describeRelation(genogram, person.key, [index.key]);
  }
  return undefined;
}

function testsSection(model: CaseModel, text: string, writer: Writer, unheard: Voice[], voices: Voice[]): ViewpointSection {
  const blocks: Block[] = [];
  const section: ViewpointSection = { id: 'tests', heading: writer.say('tests.heading'), blocks };
  if (model.hypotheses.length === 0) {
    blocks.push({ kind: 'paragraph', text: writer.say('notYet') });
    return section;
  }
  blocks.push({ kind: 'paragraph', text: writer.say('tests.intro') });
  const plan = model.sections
    .filter((s) => s.kind === 'plan')
    .flatMap((s) => text.slice(s.position.start.offset ?? 0, s.position.end.offset ?? 0).split(/\n/))
    .map((line) => line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
  const items: string[] = [];
  for (const hypothesis of model.hypotheses) {
    const names = (line: string, words: string[]): boolean => words.length > 0 && (findPhrases(line, words, 0, line.length, true).length > 0 || findPhrases(line, words.map((n) => n.toLowerCase())).length > 0);
    const sources = [...new Set(supporting(hypothesis).flatMap((e) => (e.source ? [sourceKey(e.source)] : [])))];
    const about = subjectsOf(hypothesis, model.people);
    // A plan step is this hypothesis's test only if it is about it: it names the hypothesis or someone it is about.
    // "Meet Amy with her teacher" does not test "I may be more comfortable talking with mothers".
    const subjects = model.people.filter((p) => about.has(p.name.toLowerCase())).flatMap((p) => [p.name, ...nameParts(p.name)]);
    const relatedPlan = plan.filter((line) => (hypothesis.labelled && names(line, [hypothesis.label])) || names(line, subjects));
    const asks = [...hypothesis.tests.map((t) => t.text), ...relatedPlan];
    const naming = (words: string[]): string | undefined => asks.find((a) => names(a, words));
    const silent = unheard.find((v) => v.person && about.has(v.person.name.toLowerCase()));
    // A plan step that names the hypothesis ("Bring H4 to supervision") is looking at it too.
    const namingLabel = hypothesis.labelled ? plan.find((line) => findPhrases(line, [hypothesis.label], 0, line.length, true).length > 0) : undefined;
    let weakest: string;
    let test: string | undefined;
    if (sources.length === 1 && supporting(hypothesis).length > 0) {
      const only = sources[0] as string;
      weakest = writer.say('tests.oneSource', { label: hypothesis.label, source: supporting(hypothesis).find((e) => e.source)?.source ?? only });
      const others = voices.filter((v) => !v.names.some((n) => only.startsWith(n.toLowerCase()))).flatMap((v) => v.names);
      test = naming(others);
    } else if (silent) {
      weakest = writer.say('tests.unheard', { label: hypothesis.label, name: silent.name });
      test = naming(silent.names);
    } else if (hypothesis.evidenceAgainst.filter((e) => !e.noneFound).length === 0) {
      weakest = writer.say('tests.noAgainst', { label: hypothesis.label });
      test = hypothesis.tests[0]?.text ?? namingLabel;
    } else {
      weakest = writer.say('tests.turned', { label: hypothesis.label, turned: turnAround(hypothesis.statement.text, model.people, writer) });
      test = hypothesis.tests[0]?.text ?? namingLabel;
    }
    items.push(`**${hypothesis.label}**: ${weakest} ${test ? writer.say('tests.sought', { test: trimStop(test) }) : writer.say('tests.notSought')}`);
  }
  blocks.push({ kind: 'list', items });
  return section;
}

function gracesSection(model: CaseModel, prose: string, writer: Writer): ViewpointSection {
  const blocks: Block[] = [];
  const section: ViewpointSection = { id: 'graces', heading: writer.say('graces.heading'), blocks };
  // Genogram notes (culture, religion, language) are part of what the notes say about difference.
  const notes = model.diagrams.flatMap((d) => [...d.genogram.people.flatMap((p) => p.notes), ...d.genogram.systems.flatMap((s) => s.notes)]).join('\n');
  const searched = `${prose}\n${notes}`;
  const mentioned: string[] = [];
  const questions: string[] = [];
  for (const aspect of gracesAspects) {
    const found = findPhrases(searched, aspect.words)[0];
    if (found) mentioned.push(`${aspect.name} (“${found.text}”)`);
    else questions.push(`**${aspect.name}**: ${writer.say(aspect.phrase)}`);
  }
  blocks.push({ kind: 'paragraph', text: writer.say('graces.intro') });
  if (mentioned.length > 0) blocks.push({ kind: 'paragraph', text: writer.say('graces.mentioned', { aspects: listing(mentioned) }) });
  if (questions.length > 0) {
    blocks.push({ kind: 'paragraph', text: writer.say('graces.notMentioned') });
    blocks.push({ kind: 'list', items: questions });
  }
  return section;
}

/** Where a rule would report on this analysis, run directly with its options from the file's settings. */
function findingsOf(ruleId: string, analysis: Analysis, source: SourceText): Position[] {
  const rule = findRule(ruleId);
  return rule ? ruleFindings(rule, analysis, source) : [];
}

function positionSection(analysis: Analysis, text: string, writer: Writer): ViewpointSection {
  const { model, messages } = analysis;
  const blocks: Block[] = [];
  const section: ViewpointSection = { id: 'position', heading: writer.say('position.heading'), blocks };
  const items: string[] = [];
  const self = model.hypotheses.filter((h) => subjectsOf(h, model.people).has('worker'));
  if (model.hypotheses.length > 0) {
    items.push(
      self.length > 0
        ? writer.say('position.self.present', { labels: listing(self.map((h) => h.label)), verb: self.length === 1 ? 'is' : 'are', pronoun: self.length === 1 ? 'it' : 'them' })
        : writer.say('position.self.absent'),
    );
  }
  // The rules' own finders, whatever the rules' settings: "none found" must mean CaseMark looked.
  const wordsOf = (ruleId: string): string[] => {
    const places = analysis.source ? findingsOf(ruleId, analysis, analysis.source) : messages.filter((m) => m.ruleId === ruleId && m.place && 'start' in m.place).map((m) => m.place as Position);
    return [...new Set(places.map((place) => `“${text.slice(place.start.offset ?? 0, place.end.offset ?? 0)}”`))];
  };
  const certainty = wordsOf('hypothesis-certainty');
  const labels = wordsOf('labels-not-behaviour');
  if (certainty.length > 0) items.push(writer.say('position.certainty', { words: listing(certainty) }));
  if (labels.length > 0) items.push(writer.say('position.labels', { words: listing(labels) }));
  let oneSource = false;
  for (const hypothesis of model.hypotheses) {
    const sourced = supporting(hypothesis).filter((e) => e.source);
    const keys = new Set(sourced.map((e) => sourceKey(e.source as string)));
    if (sourced.length >= 2 && keys.size === 1) {
      oneSource = true;
      items.push(writer.say('position.oneSource', { label: hypothesis.label, source: sourced[0]?.source as string }));
    }
  }
  const unseen = unseenAdults(model, text);
  if (unseen.length > 0) {
    const names = unseen.map((u) => u.adult.name);
    items.push(writer.say('position.unseen', { names: listing(names), verb: names.length === 1 ? 'lives' : 'live', verb2: names.length === 1 ? 'appears' : 'appear', child: (unseen[0] as (typeof unseen)[number]).child.name }));
  }
  if (certainty.length === 0 && labels.length === 0 && !oneSource && unseen.length === 0) items.push(writer.say('position.clear'));
  blocks.push({ kind: 'list', items });
  return section;
}

/** Builds the whole viewpoint from one analysis of the case file's text. */
export function buildViewpoint(analysis: Analysis, text: string, phrases: Phrases = phrasesWith()): Viewpoint {
  const writer = new Writer(phrases);
  const { model } = analysis;
  // Prose only: code, comments, the frontmatter, a viewpoint CaseMark wrote earlier and the new-case template's
  // placeholder sentences are not the writer's own words.
  const prose = withoutPlaceholders(analysis.prose ?? text);
  const voices = voicesOf(model);
  const unheard = voices.filter((v) => !heard(v, model, prose));
  return {
    title: writer.say('title'),
    caseName: typeof model.frontmatter.case === 'string' ? model.frontmatter.case : undefined,
    intro: writer.say('intro'),
    generatedNote: writer.say('generatedNote'),
    sections: [
      leadingSection(model, prose, writer),
      matrixSection(model, writer),
      voicesSection(model, prose, writer, voices, unheard),
      testsSection(model, text, writer, unheard, voices),
      gracesSection(model, prose, writer),
      positionSection(analysis, text, writer),
    ],
  };
}
