// The extension's pure logic (no VS Code needed): settings, summaries, hover text, edits, the manifest.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyse, newCaseTemplate, rules, type CaseMessage } from '../../src/core/index';
import { disableFileEdit, disableLineEdit, fixAlternatives, type OffsetEdit } from '../../src/extension/edits';
import { gaps, hypothesesSummary, hypothesisHover, ruleHover, statusText, supervisionQuestion } from '../../src/extension/present';
import { readSettings } from '../../src/extension/settings';
// @ts-expect-error: a plain ES module script without types
import { configurationFor } from '../../scripts/manifest.mjs';

const apply = (text: string, edit: OffsetEdit) => text.slice(0, edit.start) + edit.text + text.slice(edit.end);
const weak = readFileSync('samples/weak-analysis.case.md', 'utf8');
const strong = readFileSync('samples/strong-analysis.case.md', 'utf8');

describe('extension logic', () => {
  describe('settings', () => {
    it('maps casemark.* settings onto a config layer, by id or alias', () => {
      const values: Record<string, unknown> = {
        rules: { labels: 'off', 'hypothesis-no-test': { severity: 'error' }, 'not-a-rule': 'off', 'evidence-no-source': false },
        minimumHypotheses: 5,
        certaintyWords: ['surely'],
        labelWords: [],
        debounceMs: 400,
        sections: { plan: ['Actions'] },
      };
      const settings = readSettings((key) => values[key] as never);
      assert.equal(settings.debounceMs, 400);
      assert.equal(settings.enable, true);
      assert.deepEqual(settings.config.rules, {
        'labels-not-behaviour': { severity: 'off' },
        'hypothesis-no-test': { severity: 'error' },
        'evidence-no-source': { severity: 'off' },
        'hypotheses-too-few': { minimum: 5 },
        'hypothesis-certainty': { words: ['surely'] },
      });
      const result = analyse('## Hypotheses\n\n- H1: Surely he is tired.\n\n## Actions\n', { path: 'a.case.md', config: settings.config });
      assert.ok(result.messages.some((m) => m.ruleId === 'hypothesis-certainty' && m.reason.includes('“Surely”')));
      assert.ok(result.messages.some((m) => m.ruleId === 'hypotheses-too-few' && m.reason.includes('at least 5')));
      assert.ok(result.model.sections.some((s) => s.kind === 'plan'));
    });

    it('falls back to defaults for missing or odd values', () => {
      const settings = readSettings((key) => ({ debounceMs: -3 })[key as 'debounceMs'] as never);
      assert.equal(settings.debounceMs, 250);
      assert.deepEqual(settings.config.rules, {});
    });

    it('reads severities as config files do, and drops values of the wrong type', () => {
      const values: Record<string, unknown> = { rules: { labels: 'warn', 'hypothesis-no-test': 'loud', 'hypotheses-too-few': { minimum: '5', severity: 'error' }, 'hypothesis-certainty': { words: 'clearly', nope: 1 } } };
      const settings = readSettings((key) => values[key] as never);
      assert.deepEqual(settings.config.rules, { 'labels-not-behaviour': { severity: 'warning' }, 'hypotheses-too-few': { severity: 'error' }, 'hypothesis-certainty': {} });
    });
  });

  describe('summaries', () => {
    it('sums up the hypotheses for the CodeLens and finds the gaps in order', () => {
      const { model, messages } = analyse(weak, { path: 'weak.case.md' });
      assert.equal(hypothesesSummary(model), '2 hypotheses · 2 without a test · 1 one-sided');
      assert.deepEqual(gaps(model).map((g) => g.hypothesis.label), ['H1', 'H2']);
      // As many as the Problems panel lists: 20 messages at 13 places.
      assert.equal(messages.length, 20);
      assert.match(statusText(model, messages).text, /2 hypotheses · 13 prompts/);
      assert.equal(hypothesesSummary(analyse(strong, { path: 's.case.md' }).model), '4 hypotheses');
    });

    it('asks the supervision question that fits the gap, never a verdict', () => {
      const { model } = analyse(weak, { path: 'weak.case.md' });
      const [h1, h2] = model.hypotheses;
      assert.ok(h1 && h2);
      assert.match(supervisionQuestion(h1), /need to find out/);
      const strongModel = analyse(strong, { path: 's.case.md' }).model;
      for (const h of strongModel.hypotheses) assert.match(supervisionQuestion(h), /If this idea turned out to be wrong/);
      for (const h of [...model.hypotheses, ...strongModel.hypotheses]) assert.doesNotMatch(supervisionQuestion(h), /\b(true|confirmed|proven)\b/i);
    });

    it('escapes the writer’s words in hovers', () => {
      const { model } = analyse('## Hypotheses\n\n- H1: Mum *may* be [tired](x) <b>now</b>\n  - For: seen (source: a_b)\n', { path: 'a.case.md' });
      const text = hypothesisHover(model.hypotheses[0]!);
      assert.match(text, /Sources: a\\_b/);
      assert.match(ruleHover('labels')!, /labels-not-behaviour/);
      assert.equal(ruleHover('nope'), undefined);
    });
  });

  describe('edits', () => {
    const message = (text: string, ruleId: string): CaseMessage => {
      const found = analyse(text, { path: 'a.case.md' }).messages.find((m) => m.ruleId === ruleId);
      assert.ok(found, ruleId);
      return found;
    };

    it('offers every wording of a certainty fix, the rule’s own first', () => {
      const alternatives = fixAlternatives(message(weak, 'hypothesis-certainty'));
      assert.deepEqual(alternatives.map((a) => a.title), ['Replace “clearly” with “perhaps”', 'Replace “clearly” with “it seems”']);
      assert.match(apply(weak, alternatives[1]!), /Mr K is it seems controlling/);
    });

    it('disables a rule for one line with a comment indented like that line', () => {
      const m = message(weak, 'labels-not-behaviour');
      const edit = disableLineEdit(weak, m, analyse(weak, { path: 'a.case.md' }).model);
      assert.ok(edit);
      const fixed = apply(weak, edit);
      assert.match(fixed, /\n {2}<!-- casemark-disable-next-line labels-not-behaviour -->\n {2}- For: He refused to engage/);
      const after = analyse(fixed, { path: 'a.case.md' }).messages.filter((x) => x.ruleId === 'labels-not-behaviour');
      assert.equal(after.length, 2, 'only that line is quiet');
    });

    it('offers no line comment where one would break the text: the frontmatter, mid-paragraph', () => {
      const { model } = analyse(weak, { path: 'a.case.md' });
      assert.equal(disableLineEdit(weak, message(weak, 'child-voice-absent'), model), undefined);
      const wrapped = '## Hypotheses\n\n- H1: Mum may be tired and\n  clearly low.\n';
      const m = message(wrapped, 'hypothesis-certainty');
      assert.equal(disableLineEdit(wrapped, m, analyse(wrapped, { path: 'a.case.md' }).model), undefined);
    });

    it('marks only fixes that are safe together as bulk: not labels, not a source’s account', () => {
      const { messages } = analyse(weak, { path: 'a.case.md' });
      const bulk = (rule: string) => messages.filter((m) => m.ruleId === rule).map((m) => Boolean(m.fix?.bulk));
      assert.deepEqual(bulk('labels-not-behaviour'), [false, false, false]);
      // "clearly" and "will never change" in statements; "obviously" in a For: item from the school.
      assert.deepEqual(bulk('hypothesis-certainty'), [true, true, false, true]);
      assert.ok(bulk('hypothesis-no-test').every(Boolean));
    });

    it('disables a rule for the file, frontmatter included, and extends an existing comment', () => {
      const { model } = analyse(weak, { path: 'a.case.md' });
      const once = apply(weak, disableFileEdit(weak, model, 'child-voice-absent'));
      assert.ok(!analyse(once, { path: 'a.case.md' }).messages.some((m) => m.ruleId === 'child-voice-absent'), 'the frontmatter prompt is covered');
      const twice = apply(once, disableFileEdit(once, analyse(once, { path: 'a.case.md' }).model, 'labels-not-behaviour'));
      assert.match(twice, /<!-- casemark-disable child-voice-absent labels-not-behaviour -->/);
      assert.equal((twice.match(/casemark-disable /g) ?? []).length, 1);
      assert.ok(!analyse(twice, { path: 'a.case.md' }).messages.some((m) => m.ruleId === 'labels-not-behaviour'));
      const bare = '# Notes\n\n## Hypotheses\n\n- H1: He is clearly tired.\n';
      const top = apply(bare, disableFileEdit(bare, analyse(bare, { path: 'a.case.md' }).model, 'hypothesis-certainty'));
      assert.ok(top.startsWith('<!-- casemark-disable hypothesis-certainty -->\n\n# Notes'));
    });
  });

  it('keeps the settings schema in package.json in step with the rules', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
    assert.deepEqual(manifest.contributes.configuration, configurationFor(rules));
    assert.deepEqual(Object.keys(manifest.contributes.configuration.properties['casemark.rules'].properties), rules.map((r) => r.id));
  });

  it('scaffolds a new case analysis CaseMark reads as one, with a hypothesis about the worker', () => {
    const { model, messages } = analyse(newCaseTemplate('2026-11-23'), { path: 'Untitled-1' });
    assert.equal(model.isCase, true);
    assert.equal(model.hypotheses.length, 3);
    assert.deepEqual(model.sections.filter((s) => s.kind).map((s) => s.kind), ['dilemma', 'genogram', 'hypotheses', 'viewpoint', 'plan']);
    assert.ok(!messages.some((m) => m.ruleId === 'no-self-hypothesis'));
    assert.ok(!messages.some((m) => m.severity === 'error'));
  });
});
