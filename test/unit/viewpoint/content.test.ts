// What a supervisor would catch in the alternative viewpoint (issue 17): a test offered for a hypothesis must be about
// it; Ability is disability, not being unwell; young children are asked about through play and drawing; a tie in the
// ranking says it tells nothing; agreement reads right for one and many; an employer is asked only with consent.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyse } from '../../../src/core/index';
import { buildViewpoint, phraseKeys, phrasesWith, viewpointDocument } from '../../../src/core/viewpoint/index';

const documentOf = (text: string) => {
  const analysis = analyse(text, { path: 'test.case.md' });
  return viewpointDocument(buildViewpoint(analysis, text, phrasesWith(analysis.config.viewpoint.phrases)));
};
const line = (document: string, start: string) => document.split('\n').find((l) => l.startsWith(start)) ?? '';
const strong = readFileSync('samples/strong-analysis.case.md', 'utf8');

const family = (hypotheses: string, extra = '') => `---
casemark: 1
people:
  - {name: Amy, role: child, age: 8}
  - {name: Leo, role: son, age: 3}
  - {name: Sara, role: mother}
---

## Hypotheses

${hypotheses}
${extra}`;

describe('alternative viewpoint content', () => {
  it('offers as a test only a Test: of the hypothesis or a plan step about it, or none', () => {
    const document = documentOf(strong);
    const h4 = line(document, '- **H4**');
    assert.doesNotMatch(h4, /Meet Amy with her teacher/, 'a plan step about Amy does not test the worker’s comfort with mothers');
    assert.match(h4, /do not yet look for it/);
    // A plan step that names the hypothesis or someone it is about still counts.
    const text = family(
      '- H1: Sara may be finding mornings hard since Leo was born.\n  - About: Sara\n  - For: she said so (source: Sara)\n- H2: I may be visiting at the wrong time.\n  - About: worker\n  - For: all visits were mornings (source: case record)\n',
      '\n## Next steps\n\n1. Ask Amy\'s school what they see of Sara at the gate.\n2. Meet Amy at school.\n',
    );
    const again = documentOf(text);
    assert.match(line(again, '- **H1**'), /Ask Amy's school what they see of Sara/);
    assert.match(line(again, '- **H2**'), /do not yet look for it/);
  });

  it('does not file being unwell under Ability (Burnham: disability)', () => {
    const document = documentOf(strong);
    assert.doesNotMatch(line(document, 'Mentioned in the notes'), /Ability/);
    assert.match(document, /- \*\*Ability\*\*: How might ability, disability or neurodiversity/);
    assert.match(line(documentOf(family('- H1: Amy may be caring for her disabled mum.\n')), 'Mentioned in the notes'), /Ability \(“disabled”\)/);
  });

  it('asks about a three-year-old’s play, drawing and what they show, not what they would say', () => {
    const leo = line(documentOf(strong), '- **Leo**');
    assert.doesNotMatch(leo, /If Leo were here|would Leo say|what would they say/i);
    assert.match(leo, /play|drew|show/);
    const amy = line(documentOf(family('- H1: Mornings may be hard.\n')), '- **Amy**');
    assert.match(amy, /If Amy were here|would Amy say/, 'an eight-year-old is asked what she would say');
  });

  it('says a tie tells nothing, instead of ranking four hypotheses all at “1 against”', () => {
    const document = documentOf(strong);
    assert.doesNotMatch(document, /Ranked by the least evidence.*H1 \(1 against\), H2 \(1 against\)/);
    assert.match(document, /same amount recorded against it \(1 against each\), so this count tells nothing/);
    const partial = documentOf(family('- H1: a may be so.\n  - Against: x (source: Sara)\n- H2: b may be so.\n- H3: c may be so.\n'));
    assert.match(partial, /Ranked by the least evidence[^\n]*H2 \(0 against\), H3 \(0 against\), H1 \(1 against\)/);
    assert.match(partial, /H2 and H3 are tied \(0 against each\): a tie tells nothing/);
  });

  it('reads right for one adult and for “the adults at home”', () => {
    const baby = (people: string) => `---\ncasemark: 1\npeople:\n  - {name: Noah, role: child, age: 1}\n${people}---\n\n## Hypotheses\n\n- H1: Nights may be hard.\n`;
    const many = documentOf(baby(''));
    const one = documentOf(baby('  - {name: Kerry, role: mother}\n'));
    assert.doesNotMatch(many, /the adults at home is/);
    assert.match(line(many, '- **Noah**'), /the adults at home/);
    assert.match(line(one, '- **Noah**'), /Kerry/);
    // No default phrase agrees a verb with a placeholder that may be one person or many.
    for (const key of phraseKeys()) assert.doesNotMatch(phrasesWith()[key], /\{other\} (is|was|has)\b/, key);
  });

  it('asks whether the family agrees before any question for a parent’s employer', () => {
    const employer = line(documentOf(strong), '- **Dan’s employer**');
    assert.match(employer, /^- \*\*Dan’s employer\*\*: Asking Dan’s employer about the family needs the family’s agreement first/);
    assert.ok(employer.indexOf('agreement') < employer.indexOf('strengths'), 'consent comes first');
    assert.doesNotMatch(line(documentOf(strong), '- **Sara’s health visitor**'), /agreement/, 'only the employer');
  });
});
