// The file's ```genogram and ```ecomap blocks, read with spans into the file, and the people they add to the case.
import type { Root, RootContent } from 'mdast';
import { parseDiagrams } from '../genogram/blocks';
import { kinship } from '../genogram/kinship';
import type { Diagram, Frontmatter, Person, ReadingProblem } from '../model/case';
import { caseYear } from '../model/queries';
import type { SourceText } from '../text/source';

export function readDiagrams(tree: Root, source: SourceText): Diagram[] {
  const nodes: Array<{ kind: Diagram['kind']; source: string; position: Diagram['position']; lineStarts: number[] }> = [];
  const visit = (children: RootContent[]): void => {
    for (const node of children) {
      const lang = node.type === 'code' ? node.lang?.toLowerCase() : undefined;
      if (node.type === 'code' && node.position && (lang === 'genogram' || lang === 'ecomap')) {
        nodes.push({ kind: lang, source: node.value, position: node.position, lineStarts: contentLineStarts(source, node.value, node.position.start.line) });
      } else if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') visit(node.children as RootContent[]);
    }
  };
  visit(tree.children);
  const genograms = parseDiagrams(nodes);
  return nodes.map((node, n) => ({ kind: node.kind, source: node.source, position: node.position, genogram: genograms[n] as Diagram['genogram'] }));
}

/**
 * Where each content line of a fenced block starts in the file. Content line n is file line fence + 1 + n; in a list
 * or a quote the line has a prefix (indent, `> `) that the code's value lacks, so the content is found at the line's end.
 */
function contentLineStarts(source: SourceText, value: string, fenceLine: number): number[] {
  return value.split(/\r?\n/).map((content, n) => {
    const line = source.line(fenceLine + 1 + n);
    const text = line.text;
    return line.start + (content.length > 0 && text.endsWith(content) ? text.length - content.length : Math.min(text.length, text.length - text.trimStart().length));
  });
}

/** People from the genograms, after those in the frontmatter; a name already listed there is not added twice. */
export function diagramPeople(diagrams: Diagram[], frontmatter: Frontmatter, listed: Person[], source: SourceText): Person[] {
  const people = [...listed];
  const seen = new Set(listed.map((p) => p.name.toLowerCase()));
  const year = caseYear(frontmatter);
  for (const diagram of diagrams) {
    if (diagram.kind !== 'genogram') continue;
    const kin = kinship(diagram.genogram, year);
    for (const person of diagram.genogram.people) {
      if (!person.declared) continue;
      const names = [person.name.toLowerCase(), person.id.toLowerCase()];
      const k = kin.get(person.key);
      const existing = people.find((p) => names.includes(p.name.toLowerCase()));
      if (existing) {
        // The frontmatter's words win; the genogram fills what it left out.
        existing.key ??= person.key;
        existing.role ??= k?.role;
        existing.relation ??= k?.relation;
        existing.age ??= k?.age;
        // An age from the genogram's birth year decides, whatever the role says ("Ewa's son" born 1962 is no child).
        if (existing.age !== undefined) existing.isChild = existing.age < 18;
        else if (k?.isChild) existing.isChild = true;
        if (person.deceased) {
          existing.deceased = true;
          existing.isChild = false;
        }
        continue;
      }
      if (names.some((n) => seen.has(n))) continue;
      seen.add(names[0] as string);
      people.push({
        name: person.name,
        key: person.key,
        role: k?.role ?? (person.pregnancy ? 'unborn' : undefined),
        relation: k?.relation,
        age: k?.age,
        isChild: k?.isChild ?? false,
        ...(person.deceased ? { deceased: true } : {}),
        origin: 'genogram',
        position: source.position(person.span.start, person.span.end),
      });
    }
  }
  return people;
}

/** What the genogram reader could not read, placed in the case file, for the rules named on them. */
export function diagramProblems(diagrams: Diagram[], source: SourceText): ReadingProblem[] {
  return diagrams.flatMap((diagram) =>
    diagram.genogram.problems.map(({ ruleId, message, span, replacement }): ReadingProblem => ({
      ruleId,
      message,
      position: source.position(span.start, span.end),
      // A quoted reference's span covers its quotes too, so the replacement stands in for the whole of it.
      ...(replacement !== undefined ? { fix: { start: span.start, end: span.end, text: replacement, title: `Change to ${replacement}` } } : {}),
    })),
  );
}
