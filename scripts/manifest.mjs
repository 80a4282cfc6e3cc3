// The `contributes.configuration` block of package.json, made from the rule registry so settings never drift from the rules.
// Run by `npm run build`; a unit test checks package.json is up to date.
import { readFileSync, writeFileSync } from 'node:fs';

export function configurationFor(rules) {
  const severity = { type: 'string', enum: ['off', 'hint', 'info', 'warning', 'error'] };
  const ruleProperties = Object.fromEntries(
    rules.map((rule) => [
      rule.id,
      {
        description: `${rule.description} (default: ${rule.defaultSeverity}; alias: ${rule.alias})`,
        anyOf: [
          severity,
          {
            type: 'object',
            properties: {
              severity,
              ...Object.fromEntries(
                Object.entries(rule.options).map(([name, spec]) => [
                  name,
                  spec.type === 'number' ? { type: 'number', minimum: 0, description: spec.description } : { type: 'array', items: { type: 'string' }, description: spec.description },
                ]),
              ),
            },
            additionalProperties: false,
          },
        ],
      },
    ]),
  );
  const lists = (kinds) => ({ type: 'object', properties: Object.fromEntries(kinds.map((k) => [k, { type: 'array', items: { type: 'string' } }])), additionalProperties: false });
  return {
    title: 'CaseMark',
    properties: {
      'casemark.enable': { type: 'boolean', default: true, description: 'Check case analyses (*.case.md, or Markdown with `casemark:` frontmatter) as you type.' },
      'casemark.debounceMs': { type: 'number', default: 250, minimum: 0, description: 'How long to wait after the last keystroke before checking again, in milliseconds.' },
      'casemark.analysis.timeBudgetSeconds': {
        type: 'number',
        default: 10,
        minimum: 1,
        description: 'How long CaseMark may spend checking one file. A file that would take longer is stopped, with one message at its top saying so; the rest of it is not checked.',
      },
      'casemark.analysis.memoryBudgetMb': {
        type: 'number',
        default: 1024,
        minimum: 64,
        description: 'How much memory CaseMark may use checking one file, in MB (desktop VS Code and VS Code Server). A file that would need more is stopped, with one message at its top saying so.',
      },
      'casemark.rules': {
        type: 'object',
        default: {},
        markdownDescription: 'Severity (`off`, `hint`, `info`, `warning`, `error`) or options per rule. A `.casemark.json` / `.casemark.yaml` in the project, and the file\'s own frontmatter, take precedence over these.',
        properties: ruleProperties,
        additionalProperties: false,
      },
      'casemark.minimumHypotheses': { type: ['number', 'null'], default: null, minimum: 0, description: 'How many hypotheses an analysis should hold at least (rule hypotheses-too-few; its default is 3).' },
      'casemark.certaintyWords': { type: 'array', items: { type: 'string' }, default: [], description: 'Certainty words and phrases to ask about (rule hypothesis-certainty); empty keeps the built-in list. In an entry, word* matches any ending and (a|b) either word: "it (seems|seemed) clear that".' },
      'casemark.labelWords': { type: 'array', items: { type: 'string' }, default: [], description: 'Labels to ask about (rule labels-not-behaviour); empty keeps the built-in list. In an entry, word* matches any ending and (a|b) either word: "disengag*", "(refused|refusal) to engage".' },
      'casemark.sections': { ...lists(['dilemma', 'hypotheses', 'genogram', 'ecomap', 'viewpoint', 'reflections', 'plan']), default: {}, description: 'More heading names for each section; they add to the built-in names.' },
      'casemark.share.dates': {
        type: 'string',
        enum: ['month', 'shift', 'keep'],
        enumDescriptions: ['Exact dates become month and year.', 'Every exact date moves by the same random number of days, so intervals stay true.', 'Dates stay as written.'],
        default: 'month',
        description: 'What CaseMark: Create Shareable Copy does with exact dates other than dates of birth (those always become ages).',
      },
      'casemark.keywords': { ...lists(['for', 'against', 'test', 'status', 'about']), default: {}, description: 'More keywords for hypothesis items (e.g. "Evidence for"); they add to the built-in ones.' },
    },
  };
}

export function updateManifest(rules, path = 'package.json') {
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  const next = { ...manifest, contributes: { ...manifest.contributes, configuration: configurationFor(rules) } };
  const text = `${JSON.stringify(next, null, 2)}\n`;
  if (text !== readFileSync(path, 'utf8')) writeFileSync(path, text);
}
