// Settings: reading .casemark.yaml / .casemark.json text, merging layers, and inline casemark comments.
import assert from 'node:assert/strict';
import { analyse, defaultConfig, defaultKeywords, defaultSections, mergeConfig, readConfigText, type ConfigProblem } from '../../src/core/index';
import { caseFile, coveredText, hypotheses, lintRule, only, single, span } from './helpers';

/** The one problem in a settings text, with the text it points at. */
function problem(text: string): { message: string; at: string; start: number; end: number } {
  const { problems } = readConfigText(text);
  assert.equal(problems.length, 1, `one problem expected in ${JSON.stringify(text)}: ${problems.map((p) => p.message).join('; ')}`);
  const p = problems[0] as ConfigProblem;
  assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length, `offsets ${p.start}-${p.end} inside a text of ${text.length}`);
  return { message: p.message, at: text.slice(p.start, p.end), start: p.start, end: p.end };
}

describe('config: readConfigText', () => {
  const yaml = `# CaseMark settings
version: 1
rules:
  hypothesis-certainty: error
  labels: warn
  hypotheses-too-few: {minimum: 2, severity: info}
  no-self-hypothesis: false
  hypothesis-no-test: true
  certainty-words:
    words: [surely, plainly]
  evidence-one-source:
    minimum: 0
sections:
  hypotheses: [ideas, Thinking]
keywords:
  for: pro
  test: [check, to check]
`;

  const expected = {
    rules: {
      'hypothesis-certainty': { severity: 'error', words: ['surely', 'plainly'] },
      'labels-not-behaviour': { severity: 'warning' },
      'hypotheses-too-few': { minimum: 2, severity: 'info' },
      'no-self-hypothesis': { severity: 'off' },
      'hypothesis-no-test': { severity: 'warning' },
      'evidence-one-source': { minimum: 0 },
    },
    sections: { hypotheses: ['ideas', 'Thinking'] },
    keywords: { for: ['pro'], test: ['check', 'to check'] },
  };

  it('reads valid YAML settings, by rule id or alias, with options', () => {
    const { config, problems } = readConfigText(yaml);
    assert.deepEqual(problems, []);
    assert.deepEqual(config, expected);
  });

  it('reads the same settings from JSON, with $schema allowed', () => {
    const json = JSON.stringify({
      $schema: 'https://example.org/casemark.schema.json',
      version: 1,
      rules: {
        'hypothesis-certainty': 'error',
        labels: 'warn',
        'hypotheses-too-few': { minimum: 2, severity: 'info' },
        'no-self-hypothesis': false,
        'hypothesis-no-test': true,
        'certainty-words': { words: ['surely', 'plainly'] },
        'evidence-one-source': { minimum: 0 },
      },
      sections: { hypotheses: ['ideas', 'Thinking'] },
      keywords: { for: 'pro', test: ['check', 'to check'] },
    }, null, 2);
    const { config, problems } = readConfigText(json);
    assert.deepEqual(problems, []);
    assert.deepEqual(config, expected);
  });

  it('true keeps a rule at its default severity', () => {
    assert.deepEqual(readConfigText('rules:\n  evidence-no-source: true\n').config.rules, { 'evidence-no-source': { severity: 'info' } });
  });

  it('an empty or comment-only text is no settings and no problem', () => {
    for (const text of ['', '\n', '# nothing yet\n', '{}']) assert.deepEqual(readConfigText(text), { config: {}, problems: [] }, JSON.stringify(text));
  });

  it('an unknown rule: a problem at its name, and the other rules still read', () => {
    const text = 'rules:\n  labels: off\n  no-such-rule: error\n';
    assert.deepEqual(problem(text), { message: 'Unknown rule “no-such-rule”. Run `casemark rules` to list the rules.', at: 'no-such-rule', start: text.indexOf('no-such-rule'), end: text.indexOf('no-such-rule') + 12 });
    assert.deepEqual(readConfigText(text).config.rules, { 'labels-not-behaviour': { severity: 'off' } });
  });

  it('an unknown option: a problem at its name, listing the options', () => {
    const p = problem('rules:\n  hypotheses-too-few:\n    maximum: 4\n');
    assert.equal(p.at, 'maximum');
    assert.match(p.message, /^Rule hypotheses-too-few has no option “maximum” \(options: minimum\)\.$/);
    const none = problem('rules:\n  hypothesis-no-test: {words: [x]}\n');
    assert.equal(none.at, 'words');
    assert.equal(none.message, 'Rule hypothesis-no-test has no option “words”.');
  });

  it('a bad severity: a problem at the value, bare or under severity:', () => {
    assert.deepEqual([problem('rules:\n  labels: loud\n').at, problem('rules:\n  labels: loud\n').message], ['loud', '“loud” is not a severity: use off, hint, info, warning or error.']);
    const nested = problem('rules:\n  labels:\n    severity: 3\n');
    assert.equal(nested.at, '3');
    assert.match(nested.message, /^severity should be off, hint, info, warning or error\.$/);
  });

  it('severities in any case are read', () => {
    assert.deepEqual(readConfigText('rules:\n  labels: ERROR\n  untested-hypothesis: Off\n').config.rules, {
      'labels-not-behaviour': { severity: 'error' },
      'hypothesis-no-test': { severity: 'off' },
    });
  });

  it('wrong types: a problem at each value', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['rules:\n  hypotheses-too-few: {minimum: three}\n', 'three', /minimum should be a number of 0 or more/],
      ['rules:\n  hypotheses-too-few: {minimum: -1}\n', '-1', /minimum should be a number of 0 or more/],
      ['rules:\n  labels: {words: 5}\n', '5', /words should be a list of words or phrases/],
      ['rules:\n  labels: {words: [a, 1]}\n', '[a, 1]', /words should be a list of words or phrases/],
      ['rules:\n  labels: 2\n', '2', /should be set to a severity or to a mapping of options/],
      ['rules:\n  labels: [warn]\n', '[warn]', /should be set to a severity or to a mapping of options/],
      ['rules: [labels]\n', '[labels]', /`rules` should map rule ids to a severity/],
      ['sections: hypotheses\n', 'hypotheses', /^Expected a mapping from dilemma, hypotheses/],
      ['sections:\n  hypotheses: {a: 1}\n', '{a: 1}', /^hypotheses should be a list of words or phrases\.$/],
      ['sections:\n  hypothesis: [ideas]\n', 'hypothesis', /^Unknown name “hypothesis”: expected one of dilemma, hypotheses/],
      ['keywords:\n  because: [as]\n', 'because', /^Unknown name “because”: expected one of for, against, test, status, about\.$/],
      ['colour: red\n', 'colour', /^Unknown setting “colour”: expected rules, sections, keywords or viewpoint\.$/],
      ['[1, 2]\n', '[1, 2]', /^CaseMark settings should be a mapping/],
      ['"just a string"\n', '"just a string"', /^CaseMark settings should be a mapping/],
    ];
    for (const [text, at, message] of cases) {
      const p = problem(text);
      assert.equal(p.at, at, text);
      assert.match(p.message, message, text);
    }
  });

  it('a YAML syntax error: a problem at the error, and no settings', () => {
    const text = 'rules:\n  labels: off\n  x: [1\n  y: 2\n';
    const { config, problems } = readConfigText(text);
    assert.deepEqual(config, {});
    assert.ok(problems.length >= 1);
    for (const p of problems) {
      assert.match(p.message, /^Settings could not be read: /);
      assert.ok(p.start >= text.indexOf('[1') && p.end <= text.length, `${p.start}-${p.end}`);
    }
  });

  it('a syntax error at the very end stays inside the text', () => {
    for (const text of ['rules: [oops\n', 'rules:\n  labels: "off\n', '{"rules": {"labels": "off"}', 'rules: {labels: off\n']) {
      const p = problem(text);
      assert.match(p.message, /^Settings could not be read: /);
      assert.ok(p.end === text.length || p.end === text.trimEnd().length, `${JSON.stringify(text)}: ${p.start}-${p.end}`);
    }
  });

  it('a JSON syntax error and a duplicate key, at their places', () => {
    const json = '{"rules": {"labels" "off"}}';
    const p = problem(json);
    assert.match(p.message, /^Settings could not be read: /);
    assert.equal(p.start, json.indexOf('"off"'));
    const dup = 'rules:\n  labels: off\n  labels: warn\n';
    const d = problem(dup);
    assert.match(d.message, /unique/);
    assert.equal(d.start, dup.lastIndexOf('labels'));
  });

  it('tabs for indentation: a problem at the tab', () => {
    const text = 'rules:\n\tlabels: off\n';
    assert.equal(problem(text).start, text.indexOf('\t'));
  });

  it('settings read from text apply in analyse', () => {
    const { config } = readConfigText('rules:\n  labels: off\n  hypotheses-too-few: {minimum: 1}\nsections:\n  hypotheses: [ideas]\n');
    const text = caseFile('## Ideas\n\n- H1: He is chaotic.\n');
    const messages = analyse(text, { path: 'x.case.md', config }).messages;
    assert.deepEqual(only(messages, 'labels-not-behaviour'), []);
    assert.deepEqual(only(messages, 'hypotheses-too-few'), []);
    assert.deepEqual(only(messages, 'hypotheses-missing'), []);
    assert.equal(only(analyse(text, { path: 'x.case.md' }).messages, 'labels-not-behaviour').length, 1);
  });
});

describe('config: mergeConfig', () => {
  it('adds section and keyword synonyms to the defaults rather than replacing them', () => {
    const merged = mergeConfig(defaultConfig(), { sections: { hypotheses: ['ideas'] }, keywords: { for: ['pro'] } }, { sections: { hypotheses: ['thinking', 'ideas'] } });
    assert.deepEqual(merged.sections.hypotheses, [...defaultSections.hypotheses, 'ideas', 'thinking']);
    assert.deepEqual(merged.keywords.for, [...defaultKeywords.for, 'pro']);
    assert.deepEqual(merged.sections.plan, defaultSections.plan);
    assert.deepEqual(merged.keywords.against, defaultKeywords.against);
  });

  it('later layers win for rules, option by option', () => {
    const merged = mergeConfig(
      defaultConfig(),
      { rules: { 'hypotheses-too-few': { severity: 'error', minimum: 2 }, 'labels-not-behaviour': { severity: 'off' } } },
      undefined,
      { rules: { 'hypotheses-too-few': { minimum: 5 } } },
    );
    assert.deepEqual(merged.rules, {
      'hypotheses-too-few': { severity: 'error', minimum: 5 },
      'labels-not-behaviour': { severity: 'off' },
    });
  });

  it('does not change the layers it merges, nor the defaults', () => {
    const base = defaultConfig();
    const layer = { sections: { hypotheses: ['ideas'] }, rules: { 'hypotheses-too-few': { minimum: 2 } } };
    mergeConfig(base, layer);
    assert.deepEqual(base, defaultConfig());
    assert.deepEqual(layer, { sections: { hypotheses: ['ideas'] }, rules: { 'hypotheses-too-few': { minimum: 2 } } });
    assert.ok(!defaultSections.hypotheses.includes('ideas'));
    // An analysis with extra synonyms does not leak them into the next one.
    analyse(caseFile('## Ideas\n'), { path: 'a.case.md', config: { sections: { hypotheses: ['ideas'] } } });
    assert.equal(analyse(caseFile('## Ideas\n\n- H1: a\n'), { path: 'b.case.md' }).model.hypotheses.length, 0);
  });
});

describe('config: inline comments', () => {
  const labelled = (before: string, after = ''): string => caseFile(`## Dilemma\n\n${before}He was chaotic on Monday.\n\n${after}She was chaotic on Tuesday.\n\n${hypotheses('- H1: a', '  - Test: b')}`);
  const labels = (text: string): string[] => lintRule('labels-not-behaviour', text).map((m) => `${m.line}`);

  it('with no comments, both labels are reported', () => {
    assert.equal(lintRule('labels-not-behaviour', labelled('')).length, 2);
  });

  for (const name of ['labels-not-behaviour', 'labels', 'LABELS']) {
    it(`casemark-disable ${name} … casemark-enable ${name} silences the rule in between`, () => {
      const text = labelled(`<!-- casemark-disable ${name} -->\n\n`, `<!-- casemark-enable ${name} -->\n\n`);
      const m = single(lintRule('labels-not-behaviour', text));
      assert.deepEqual(m.place && 'start' in m.place ? m.place.start : undefined, span(text, 'chaotic', 1).start);
    });
  }

  it('casemark-disable without enable silences the rule to the end', () => {
    assert.deepEqual(labels(labelled('<!-- casemark-disable labels -->\n\n')), []);
  });

  it('casemark-disable silences only the rules it names', () => {
    const text = caseFile(`<!-- casemark-disable hypothesis-no-test, certainty-words -->\n\n${hypotheses('- H1: He is clearly chaotic.')}`);
    const found = lintRule('labels-not-behaviour', text).concat(lintRule('hypothesis-certainty', text), lintRule('hypothesis-no-test', text));
    assert.deepEqual(found.map((m) => m.ruleId), ['labels-not-behaviour']);
  });

  it('casemark-disable with no rule silences every rule after it', () => {
    const text = caseFile(`## Dilemma\n\nHe was chaotic.\n\n<!-- casemark-disable -->\n\n${hypotheses('- H1: He is clearly chaotic.')}`);
    const messages = analyse(text, { path: 'x.case.md' }).messages;
    assert.deepEqual(messages.map((m) => m.ruleId), ['labels-not-behaviour']);
    assert.equal(messages[0]?.line, span(text, 'chaotic').start.line);
  });

  for (const name of ['labels-not-behaviour', 'labels']) {
    it(`casemark-disable-next-line ${name} silences it on the line that follows only`, () => {
      const text = labelled(`<!-- casemark-disable-next-line ${name} -->\n`);
      const m = single(lintRule('labels-not-behaviour', text));
      assert.equal(coveredText(text, m), 'chaotic');
      assert.equal(m.line, span(text, 'She was chaotic').start.line);
    });
  }

  it('casemark-disable-next-line leaves other rules on that line alone', () => {
    const text = caseFile(hypotheses('<!-- casemark-disable-next-line hypothesis-certainty -->', '- H1: He is clearly chaotic.', '  - Test: ask'));
    assert.deepEqual(lintRule('hypothesis-certainty', text), []);
    assert.equal(lintRule('labels-not-behaviour', text).length, 1);
  });

  it('a comment naming an unknown rule gives config-invalid at the comment, and silences nothing', () => {
    const comment = '<!-- casemark-disable no-such-rule -->';
    const text = labelled(`${comment}\n\n`);
    assert.equal(lintRule('labels-not-behaviour', text).length, 2);
    const m = single(lintRule('config-invalid', text));
    assert.deepEqual(m.place, span(text, comment));
    assert.match(m.reason, /^Unknown rule “no-such-rule” in a casemark comment\./);
  });

  it('a disable-next-line comment naming an unknown rule silences nothing either', () => {
    const comment = '<!-- casemark-disable-next-line nope -->';
    const text = labelled(`${comment}\n`);
    assert.equal(lintRule('labels-not-behaviour', text).length, 2);
    assert.equal(single(lintRule('config-invalid', text)).line, span(text, comment).start.line);
  });

  it('a comment naming known and unknown rules silences the known ones and reports the unknown', () => {
    const text = labelled('<!-- casemark-disable nope, labels -->\n\n');
    assert.deepEqual(lintRule('labels-not-behaviour', text), []);
    assert.match(single(lintRule('config-invalid', text)).reason, /“nope”/);
  });

  it('other comments are not casemark comments', () => {
    const text = labelled('<!-- disable labels -->\n\n<!-- casemark-ignore labels -->\n\n');
    assert.equal(lintRule('labels-not-behaviour', text).length, 2);
    assert.deepEqual(lintRule('config-invalid', text), []);
  });
});
