// Small helpers shared by the unit tests: lint a text, build case files, find places, apply fixes.
import assert from 'node:assert/strict';
import { analyse, findRule, type AnalyseOptions, type CaseMessage, type Fix, type PartialConfig, type Position, type Rule, type RuleSetting } from '../../src/core/index';

export const casePath = 'test.case.md';

/** The messages CaseMark gives for a text, as a case file unless the options name another path. */
export function lint(text: string, options: AnalyseOptions = {}): CaseMessage[] {
  return analyse(text, { path: casePath, ...options }).messages;
}

/** The rule ids of some messages, in order. */
export function ids(messages: readonly CaseMessage[]): string[] {
  return messages.map((m) => m.ruleId);
}

/** The messages of one rule. */
export function only(messages: readonly CaseMessage[], ruleId: string): CaseMessage[] {
  return messages.filter((m) => m.ruleId === ruleId);
}

/** Lint and keep one rule's messages. */
export function lintRule(ruleId: string, text: string, options: AnalyseOptions = {}): CaseMessage[] {
  return only(lint(text, options), ruleId);
}

/**
 * A case file: frontmatter with `casemark: 1` (unless the given frontmatter has its own `casemark:` key), then the body.
 * `frontmatter` is YAML lines without the fences.
 */
export function caseFile(body: string, frontmatter = ''): string {
  const extra = frontmatter && !frontmatter.endsWith('\n') ? `${frontmatter}\n` : frontmatter;
  const version = /^casemark\s*:/m.test(extra) ? '' : 'casemark: 1\n';
  return `---\n${version}${extra}---\n\n${body}`;
}

/** A Hypotheses section with the given list items (each may hold nested lines). */
export function hypotheses(...items: string[]): string {
  return `## Hypotheses\n\n${items.join('\n')}\n`;
}

/** Frontmatter lines that set one rule: `value` is YAML (a severity or a flow mapping of options). */
export function ruleSettings(ruleId: string, value: string): string {
  return `casemark:\n  rules:\n    ${ruleId}: ${value}\n`;
}

/** Analyse options with project config for one rule. */
export function withRule(ruleId: string, setting: RuleSetting, path = casePath): AnalyseOptions {
  const config: PartialConfig = { rules: { [ruleId]: setting } };
  return { path, config };
}

export function rule(id: string): Rule {
  const found = findRule(id);
  assert.ok(found, `rule ${id} is in the registry`);
  return found;
}

/** Line and column (both 1-based) of an offset, counted here independently of CaseMark. */
export function pointAt(text: string, offset: number): { line: number; column: number; offset: number } {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1, offset };
}

/** The place of the `occurrence`-th (0-based) appearance of `needle` in `text`. */
export function span(text: string, needle: string, occurrence = 0): Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.notEqual(at, -1, `“${needle}” (occurrence ${occurrence}) is in the text`);
  }
  return { start: pointAt(text, at), end: pointAt(text, at + needle.length) };
}

/** A message's place as a position (CaseMark always reports a range). */
export function placeOf(message: CaseMessage): Position {
  const place = message.place;
  assert.ok(place && 'start' in place, `message ${message.ruleId} has a range`);
  return place;
}

/** Asserts a message is at a place, by line, column and offset of both ends. */
export function assertAt(message: CaseMessage | undefined, expected: Position): void {
  assert.ok(message, 'there is a message');
  const place = placeOf(message);
  assert.deepEqual(
    { start: pick(place.start), end: pick(place.end) },
    { start: pick(expected.start), end: pick(expected.end) },
    `${message.ruleId}: “${message.reason}”`,
  );
}

function pick(point: Position['start']): { line: number; column: number; offset: number | undefined } {
  return { line: point.line, column: point.column, offset: point.offset };
}

/** The text a message's place covers. */
export function coveredText(text: string, message: CaseMessage): string {
  const place = placeOf(message);
  return text.slice(place.start.offset, place.end.offset);
}

/** The text after applying a fix. */
export function applyFix(text: string, fix: Fix | undefined): string {
  assert.ok(fix, 'the message has a fix');
  assert.ok(fix.start >= 0 && fix.start <= fix.end && fix.end <= text.length, 'the fix lies inside the text');
  return text.slice(0, fix.start) + fix.text + text.slice(fix.end);
}

/** Exactly one message; returns it. */
export function single(messages: readonly CaseMessage[]): CaseMessage {
  assert.equal(messages.length, 1, `one message expected, got: ${messages.map((m) => `${m.ruleId} “${m.reason}”`).join('; ') || 'none'}`);
  return messages[0] as CaseMessage;
}

/** Every line of a text, split as CaseMark's positions count them. */
export function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Asserts a position lies inside a text: lines and columns exist, offsets agree, start before end. */
export function assertInside(text: string, place: Position, label: string): void {
  const all = lines(text);
  for (const point of [place.start, place.end]) {
    assert.ok(point.line >= 1 && point.line <= all.length, `${label}: line ${point.line} of ${all.length}`);
    const length = (all[point.line - 1] ?? '').length;
    assert.ok(point.column >= 1 && point.column <= length + 1, `${label}: column ${point.column} on a line of ${length}`);
    if (point.offset !== undefined) assert.ok(point.offset >= 0 && point.offset <= text.length, `${label}: offset ${point.offset} of ${text.length}`);
  }
  const startOffset = place.start.offset ?? 0;
  const endOffset = place.end.offset ?? 0;
  assert.ok(startOffset <= endOffset, `${label}: start ${startOffset} <= end ${endOffset}`);
  assert.ok(place.start.line < place.end.line || (place.start.line === place.end.line && place.start.column <= place.end.column), `${label}: start before end`);
}

/**
 * The checks every rule shares: its default severity, 'off' and other severities through project config
 * and through frontmatter (frontmatter winning), and its alias in frontmatter.
 * `build(frontmatter)` makes a text on which the rule fires, with extra frontmatter lines.
 */
export function describeSeverity(ruleId: string, build: (frontmatter: string) => string): void {
  describe('severity', () => {
    const r = rule(ruleId);
    const other = r.defaultSeverity === 'error' ? 'hint' : 'error';

    it(`fires at its default severity (${r.defaultSeverity})`, () => {
      const messages = lintRule(ruleId, build(''));
      assert.ok(messages.length > 0, 'the rule fires on the base text');
      for (const m of messages) {
        assert.equal(m.severity, r.defaultSeverity);
        assert.equal(m.source, 'casemark');
        assert.equal(m.url, `docs/rules/${ruleId}.md`);
      }
    });

    it("'off' in project config silences it", () => {
      assert.deepEqual(lintRule(ruleId, build(''), withRule(ruleId, { severity: 'off' })), []);
    });

    it("'off' in frontmatter silences it", () => {
      assert.deepEqual(lintRule(ruleId, build(ruleSettings(ruleId, 'off'))), []);
    });

    it('false in frontmatter, and its alias, silence it too', () => {
      assert.deepEqual(lintRule(ruleId, build(ruleSettings(ruleId, 'false'))), []);
      assert.deepEqual(lintRule(ruleId, build(ruleSettings(r.alias, 'off'))), []);
    });

    it(`project config can change its severity to ${other}`, () => {
      const messages = lintRule(ruleId, build(''), withRule(ruleId, { severity: other }));
      assert.ok(messages.length > 0);
      for (const m of messages) {
        assert.equal(m.severity, other);
        assert.equal(m.fatal, other === 'error' ? true : undefined);
      }
    });

    it('frontmatter settings win over project config', () => {
      const messages = lintRule(ruleId, build(ruleSettings(ruleId, 'warn')), withRule(ruleId, { severity: other }));
      assert.ok(messages.length > 0);
      for (const m of messages) {
        assert.equal(m.severity, 'warning');
        assert.equal(m.fatal, false);
      }
    });
  });
}
