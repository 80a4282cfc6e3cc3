// Frontmatter: the YAML block at the top of a case file (remark-frontmatter finds it, `yaml` reads it).
import type { Root, Yaml } from 'mdast';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { Frontmatter, Person, Position, ReadingProblem } from '../model/case';
import type { SourceText } from '../text/source';
import { yamlTooDeep } from './limits';

/** The `casemark:` settings block, left for the settings layer to read, with a way to place offsets into its YAML. */
export interface SettingsBlock {
  node: YamlNode;
  position(start: number, end: number): Position;
}

export interface ReadFrontmatter {
  frontmatter: Frontmatter;
  people: Person[];
  settings?: SettingsBlock;
  problems: ReadingProblem[];
}

/** A problem by offsets into the YAML text. */
interface YamlProblem {
  message: string;
  start: number;
  end: number;
}

const childRole =
  /\b(child|children|son|daughter|stepson|stepdaughter|step-son|step-daughter|baby|infant|toddler|boy|girl|young person|grandchild|grandson|granddaughter|foster child|index child|unborn)\b/i;

export function isChildPerson(role: string | undefined, age: number | undefined): boolean {
  if (age !== undefined) return age < 18;
  return role !== undefined && childRole.test(role);
}

export function readFrontmatter(tree: Root, source: SourceText): ReadFrontmatter {
  const node = tree.children[0];
  const empty: ReadFrontmatter = { frontmatter: { present: false, data: {} }, people: [], problems: [] };
  if (!node || node.type !== 'yaml' || !node.position) return empty;
  const yamlNode = node as Yaml;
  const blockStart = node.position.start.offset ?? 0;
  // The YAML starts on the line after the opening fence.
  const firstNewline = source.text.indexOf('\n', blockStart);
  const yamlStart = firstNewline === -1 ? blockStart : firstNewline + 1;
  const problems: ReadingProblem[] = [];
  const at = (start: number, end: number) => source.position(yamlStart + start, yamlStart + Math.max(start, end));
  const report = (ruleId: string, { message, start, end }: YamlProblem) =>
    problems.push({ ruleId, message, position: at(start, end) });

  const frontmatter: Frontmatter = { present: true, data: {}, position: node.position };
  // Checked before parsing: the YAML parser would run out of stack, on some threads and not others.
  const deep = yamlTooDeep(yamlNode.value);
  if (deep) {
    report('frontmatter-invalid', { message: `The frontmatter nests ${deep.depth} levels of ${deep.what} here, more than the ${deep.limit} CaseMark reads, so it was not read. Could it be flattened?`, start: deep.offset, end: deep.offset + 1 });
    return { frontmatter, people: [], problems };
  }
  const doc = parseDocument(yamlNode.value, { uniqueKeys: true, prettyErrors: false });
  for (const error of doc.errors) {
    report('frontmatter-invalid', {
      message: `The frontmatter is not valid YAML: ${error.message.split('\n')[0]}`,
      start: error.pos[0],
      end: error.pos[1],
    });
  }
  if (doc.errors.length > 0) return { frontmatter, people: [], problems };
  const root = doc.contents;
  if (root === null) return { frontmatter, people: [], problems };
  if (!isMap(root)) {
    report('frontmatter-invalid', { message: 'The frontmatter should be a mapping of keys (casemark, case, author, date…).', start: root.range?.[0] ?? 0, end: root.range?.[1] ?? 0 });
    return { frontmatter, people: [], problems };
  }
  let data: Record<string, unknown>;
  try {
    data = (doc.toJS({ maxAliasCount: 50 }) ?? {}) as Record<string, unknown>;
  } catch (error) {
    // An alias to no anchor, or too many aliases, only shows when converting; say so rather than fail.
    report('frontmatter-invalid', { message: `The frontmatter is not valid YAML: ${error instanceof Error ? error.message : String(error)}`, start: root.range?.[0] ?? 0, end: root.range?.[1] ?? 0 });
    return { frontmatter, people: [], problems };
  }
  frontmatter.data = data;
  let settings: SettingsBlock | undefined;
  const people: Person[] = [];

  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as YamlNode | null;
    const range = (value ?? (pair.key as YamlNode | null))?.range ?? [0, 0];
    const textField = (): string | undefined => {
      if (isScalar(value) && value.value !== null && typeof value.value !== 'object') return String(value.value);
      if (value instanceof Date) return value.toISOString().slice(0, 10);
      report('frontmatter-invalid', { message: `\`${key}\` should be a single line of text.`, start: range[0], end: range[1] });
      return undefined;
    };
    switch (key) {
      case 'casemark':
        if (isMap(value)) {
          settings = { node: value, position: at };
          const version = value.get('version');
          if (typeof version === 'string' || typeof version === 'number') frontmatter.version = version;
        } else if (isScalar(value) && (typeof value.value === 'string' || typeof value.value === 'number')) {
          frontmatter.version = value.value;
        } else if (!(isScalar(value) && value.value === null)) {
          report('frontmatter-invalid', { message: '`casemark` should be the dialect version (1) or a settings block.', start: range[0], end: range[1] });
        }
        break;
      case 'case':
      case 'author':
      case 'exercise':
        frontmatter[key] = textField();
        break;
      case 'shareable':
        if (isScalar(value) && typeof value.value === 'boolean') frontmatter.shareable = value.value;
        else report('frontmatter-invalid', { message: '`shareable` should be true or false.', start: range[0], end: range[1] });
        break;
      case 'pseudonyms':
        // Names to the pseudonyms a shareable copy should use; read by the sharing, checked here.
        if (!isMap(value) || value.items.some((item) => !isScalar(item.key) || !isScalar(item.value) || typeof item.value.value !== 'string')) {
          report('frontmatter-invalid', { message: '`pseudonyms` should map each name to the pseudonym to use: `Kerry Jones: Mum`.', start: range[0], end: range[1] });
        }
        break;
      case 'date':
        frontmatter.date = isScalar(value) && value.value instanceof Date ? value.value.toISOString().slice(0, 10) : textField();
        break;
      case 'people':
        readPeople(value, people, (message, node) => {
          const r = node?.range ?? range;
          report('frontmatter-invalid', { message, start: r[0], end: r[1] });
        }, at);
        break;
      default:
        break; // Other keys belong to the writer or to other tools.
    }
  }
  return { frontmatter, people, settings, problems };
}

function readPeople(
  value: YamlNode | null,
  people: Person[],
  problem: (message: string, node?: YamlNode | null) => void,
  at: (start: number, end: number) => Person['position'],
): void {
  if (!isSeq(value)) {
    problem('`people` should be a list, one person per item: `- {name: Amy, role: child, age: 8}`.', value);
    return;
  }
  for (const item of value.items as Array<YamlNode | null>) {
    const range = item?.range ?? [0, 0];
    if (isScalar(item) && typeof item.value === 'string') {
      people.push({ name: item.value, isChild: false, origin: 'frontmatter', position: at(range[0], range[1]) });
      continue;
    }
    if (!isMap(item)) {
      problem('Each person should have at least a name: `- {name: Amy, role: child, age: 8}`.', item);
      continue;
    }
    const name = item.get('name');
    const role = item.get('role');
    const ageValue = item.get('age');
    if (typeof name !== 'string' && typeof name !== 'number') {
      problem('This person has no `name`.', item);
      continue;
    }
    let age: number | undefined;
    if (typeof ageValue === 'number' && ageValue >= 0 && ageValue < 130) age = ageValue;
    else if (ageValue !== undefined && ageValue !== null) problem(`The age of ${String(name)} should be a number of years.`, item.get('age', true) as YamlNode);
    const roleText = typeof role === 'string' ? role : undefined;
    people.push({
      name: String(name),
      role: roleText,
      age,
      isChild: isChildPerson(roleText, age),
      origin: 'frontmatter',
      position: at(range[0], range[1]),
    });
  }
}
