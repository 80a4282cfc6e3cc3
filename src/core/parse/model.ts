// From the Markdown tree to the case model: sections by heading text, hypotheses from the Hypotheses lists.
import type { Heading, List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { CaseMarkConfig, KeywordKind } from '../model/settings';
import { hypothesisStatuses, type Evidence, type ReadingProblem, type Hypothesis, type Section, type SectionKind, type TextSpan } from '../model/case';
import { lineStart, type SourceText } from '../text/source';

export function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/^[\s\d.)]+/, '') // "2. Hypotheses"
    .replace(/[:.\s]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function findSections(tree: Root, source: SourceText, config: CaseMarkConfig): Section[] {
  const lookup = new Map<string, SectionKind>();
  for (const [kind, names] of Object.entries(config.sections) as Array<[SectionKind, string[]]>) {
    for (const name of names) lookup.set(normaliseHeading(name), kind);
  }
  const headings = tree.children.filter((n): n is Heading => n.type === 'heading' && n.position !== undefined);
  const lastOffset = tree.position?.end.offset ?? source.text.length;
  return headings.map((heading, i) => {
    const next = headings.slice(i + 1).find((h) => h.depth <= heading.depth);
    const end = next ? (next.position?.start.offset ?? lastOffset) : lastOffset;
    const title = toString(heading).trim();
    return {
      kind: lookup.get(normaliseHeading(title)),
      title,
      depth: heading.depth,
      heading: heading.position!,
      position: source.position(heading.position!.start.offset ?? 0, trimEnd(source.text, end)),
    };
  });
}

function trimEnd(text: string, end: number): number {
  let at = end;
  while (at > 0 && /\s/.test(text[at - 1] as string)) at--;
  return at;
}

/** The top-level lists that belong to a Hypotheses section, stopping at the next CaseMark section. */
function hypothesisLists(tree: Root, sections: Section[]): List[] {
  const lists: List[] = [];
  for (const section of sections) {
    if (section.kind !== 'hypotheses') continue;
    const start = section.heading.end.offset ?? 0;
    const nextKnown = sections.find((s) => s !== section && s.kind && (s.heading.start.offset ?? 0) > start);
    const end = Math.min(section.position.end.offset ?? Infinity, nextKnown?.heading.start.offset ?? Infinity);
    for (const node of tree.children as RootContent[]) {
      const at = node.position?.start.offset ?? -1;
      if (node.type === 'list' && at >= start && at < end) lists.push(node);
    }
  }
  return lists;
}

const labelPattern = /^\s*(H\s?\d+[a-z]?)\s*[:.)–-]\s*/i;

interface KeywordMatch {
  kind: KeywordKind;
  rest: string;
}

function keywordMatcher(config: CaseMarkConfig): (text: string) => KeywordMatch | undefined {
  const entries = (Object.entries(config.keywords) as Array<[KeywordKind, string[]]>)
    .flatMap(([kind, words]) => words.map((word) => ({ kind, word: word.toLowerCase().trim() })))
    .sort((a, b) => b.word.length - a.word.length);
  return (text) => {
    const lower = text.toLowerCase();
    for (const { kind, word } of entries) {
      if (!lower.startsWith(word)) continue;
      const after = text.slice(word.length).match(/^\s*:\s*/);
      if (after) return { kind, rest: text.slice(word.length + after[0].length).trim() };
    }
    return undefined;
  };
}

const sourcePattern = /\(\s*source\s*:\s*([^()]*)\)\s*[.;]?\s*$/i;
const datePattern =
  /^(\d{4}-\d{2}(-\d{2})?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}\s+\p{L}+\s+\d{4}|\p{L}+\s+\d{4})$/u;
const noneFoundPattern =
  /^(?:(?:none|nothing|no evidence)(?:\s+(?:found|seen|recorded|so far|yet|known))*|not (?:yet|found)(?:\s+found)?)\s*(?:$|[.,;:(–—-])/i;

function readEvidence(kind: Evidence['kind'], text: string, span: TextSpan): Evidence {
  const evidence: Evidence = { kind, text, position: span.position, noneFound: noneFoundPattern.test(text) };
  const source = text.match(sourcePattern);
  if (source) {
    evidence.text = text.slice(0, source.index).trim();
    const parts = (source[1] ?? '').split(',').map((p) => p.trim()).filter(Boolean);
    const last = parts[parts.length - 1];
    if (parts.length > 1 && last && datePattern.test(last)) {
      evidence.date = last;
      parts.pop();
    }
    const name = parts.join(', ');
    if (name) evidence.source = name;
  }
  return evidence;
}

function firstParagraph(item: ListItem): Paragraph | undefined {
  const first = item.children[0];
  return first?.type === 'paragraph' ? first : undefined;
}

function lineIndent(text: string, offset: number): string {
  return text.slice(lineStart(text, offset), offset).replace(/[^\t]/g, ' ');
}

export function readHypotheses(
  tree: Root,
  sections: Section[],
  source: SourceText,
  config: CaseMarkConfig,
  problems: ReadingProblem[],
): Hypothesis[] {
  const matchKeyword = keywordMatcher(config);
  const hypotheses: Hypothesis[] = [];
  for (const list of hypothesisLists(tree, sections)) {
    for (const item of list.children) {
      if (!item.position) continue;
      const paragraph = firstParagraph(item);
      const statementText = paragraph ? toString(paragraph).trim() : '';
      const label = statementText.match(labelPattern);
      const statementPosition = paragraph?.position ?? item.position;
      const hypothesis: Hypothesis = {
        label: label ? (label[1] ?? '').replace(/\s/g, '').toUpperCase() : `H${hypotheses.length + 1}`,
        labelled: Boolean(label),
        statement: { text: label ? statementText.slice(label[0].length) : statementText, position: statementPosition },
        evidenceFor: [],
        evidenceAgainst: [],
        tests: [],
        emptyItems: [],
        about: [],
        position: item.position,
        insertAt: item.position.end.offset ?? 0,
        childIndent: lineIndent(source.text, statementPosition.start.offset ?? 0),
      };
      const nested = item.children.filter((c): c is List => c.type === 'list');
      const firstNested = nested[0]?.children[0];
      if (firstNested?.position) hypothesis.childIndent = lineIndent(source.text, firstNested.position.start.offset ?? 0);
      for (const child of nested.flatMap((l) => l.children)) readKeywordItem(child, hypothesis, matchKeyword, problems);
      hypotheses.push(hypothesis);
    }
  }
  // Number unlabelled hypotheses with the first numbers the writer's own labels leave free.
  const taken = new Set(hypotheses.filter((h) => h.labelled).map((h) => h.label));
  let next = 1;
  for (const hypothesis of hypotheses.filter((h) => !h.labelled)) {
    while (taken.has(`H${next}`)) next++;
    hypothesis.label = `H${next}`;
    taken.add(hypothesis.label);
  }
  return hypotheses;
}

function readKeywordItem(
  item: ListItem,
  hypothesis: Hypothesis,
  matchKeyword: (text: string) => KeywordMatch | undefined,
  problems: ReadingProblem[],
): void {
  const paragraph = firstParagraph(item);
  if (!paragraph?.position || !item.position) return;
  const match = matchKeyword(toString(paragraph).trim());
  if (!match) return;
  // "For:" on its own with a nested list: every nested item is one piece of evidence.
  const spans: TextSpan[] = match.rest
    ? [{ text: match.rest, position: item.position }]
    : item.children
        .filter((c): c is List => c.type === 'list')
        .flatMap((l) => l.children)
        .flatMap((c) => {
          const p = firstParagraph(c);
          return p && c.position ? [{ text: toString(p).trim(), position: c.position }] : [];
        });
  if (match.kind !== 'status' && !spans.some((s) => s.text)) hypothesis.emptyItems.push({ kind: match.kind, position: item.position });
  switch (match.kind) {
    case 'for':
    case 'against':
      for (const span of spans.filter((s) => s.text)) {
        (match.kind === 'for' ? hypothesis.evidenceFor : hypothesis.evidenceAgainst).push(readEvidence(match.kind, span.text, span));
      }
      break;
    case 'test':
      hypothesis.tests.push(...spans.filter((s) => s.text));
      break;
    case 'about':
      for (const span of spans) {
        for (const name of span.text.split(/\s*(?:,|;|\/|&|\band\b)\s*/i).filter(Boolean)) hypothesis.about.push({ text: name, position: span.position });
      }
      break;
    case 'status': {
      const text = match.rest.toLowerCase().replace(/[-_]/g, ' ').replace(/\.$/, '').trim();
      const value = hypothesisStatuses.find((s) => s === text);
      hypothesis.status = { text: match.rest, position: item.position, value };
      if (!value && match.rest) {
        problems.push({
          ruleId: 'status-unknown',
          message: `Status “${match.rest}” is not one CaseMark knows: use open, supported, weakened or set aside.`,
          position: item.position,
        });
      }
      break;
    }
  }
}
