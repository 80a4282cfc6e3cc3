// The alternative viewpoint: golden documents for varied cases, the insert edit, a team's own wording, and its tone.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { analyse, readConfigText } from '../../../src/core/index';
import { buildViewpoint, phraseKeys, phrasesWith, viewpointDocument, viewpointEnd, viewpointInsertion, viewpointStart } from '../../../src/core/viewpoint/index';
import defaultPhrases from '../../../src/core/viewpoint/phrases.json' with { type: 'json' };

const folder = new URL('../../fixtures/viewpoint/', import.meta.url);
const cases = readdirSync(folder).filter((f) => f.endsWith('.case.md')).sort();

function viewpointOf(text: string, path = 'test.case.md') {
  const analysis = analyse(text, { path });
  return buildViewpoint(analysis, text, phrasesWith(analysis.config.viewpoint.phrases));
}

function apply(text: string, edit: { start: number; end: number; text: string }): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

describe('alternative viewpoint', () => {
  describe('golden documents (UPDATE_GOLDEN=1 rewrites them)', () => {
    it('has at least the four cases the issue names, and a case with no hypotheses', () => {
      for (const name of ['single-hypothesis', 'mother-only', 'balanced', 'unseen-adult', 'no-hypotheses']) assert.ok(cases.includes(`${name}.case.md`), name);
    });
    for (const name of cases) {
      it(name, () => {
        const text = readFileSync(new URL(name, folder), 'utf8');
        const document = viewpointDocument(viewpointOf(text, name));
        const golden = new URL(name.replace(/\.case\.md$/, '.viewpoint.md'), folder);
        if (process.env.UPDATE_GOLDEN) writeFileSync(golden, document);
        assert.equal(document, readFileSync(golden, 'utf8'));
        assert.equal(viewpointDocument(viewpointOf(text, name)), document, 'same input, same output');
      });
    }
  });

  describe('what it finds', () => {
    const read = (name: string) => readFileSync(new URL(name, folder), 'utf8');

    it('names the favoured hypothesis and why, turns it around tentatively, and offers the least-examined rival', () => {
      const leading = viewpointOf(read('mother-only.case.md')).sections[0];
      const text = leading?.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join('\n') ?? '';
      assert.match(text, /lean towards H1: “Kerry may be exhausted/);
      assert.match(text, /it has more evidence recorded for it \(2 pieces\) than any other hypothesis/);
      assert.match(text, /Turned around, tentatively: Kerry may not be exhausted/);
      assert.match(text, /A rival account: H2/);
    });

    it('marks the matrix from For and Against, flags evidence that fits every hypothesis, and ranks by least against', () => {
      const text = `---\ncasemark: 1\n---\n## Hypotheses\n\n- H1: A may be tired.\n  - For: Mum is tired. (source: Mum, 2026-01-01)\n  - For: The school sees Amy late. (source: school, 2026-01-02)\n  - Against: Amy says mornings are fine. (source: Amy, 2026-01-03)\n- H2: B may be worried.\n  - For: The school sees Amy late. (source: school, 2026-01-02)\n`;
      const matrixSection = viewpointOf(text).sections.find((s) => s.id === 'matrix');
      const matrix = matrixSection?.blocks.find((b) => b.kind === 'matrix');
      assert.ok(matrix && matrix.kind === 'matrix');
      assert.deepEqual(matrix.matrix.rows.map((r) => [r.evidence, r.marks, r.diagnostic]), [
        ['Mum is tired', ['fits', 'not-assessed'], true],
        ['The school sees Amy late', ['fits', 'fits'], false],
        ['Amy says mornings are fine', ['does-not-fit', 'not-assessed'], true],
      ]);
      const paragraphs = matrixSection?.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])).join('\n') ?? '';
      assert.match(paragraphs, /fits every hypothesis does not help to choose between them: “The school sees Amy late”\./);
      assert.match(paragraphs, /H2 \(0 against\), H1 \(1 against\)/);
      assert.match(paragraphs, /a prompt for discussion, not a verdict/);
    });

    it('asks about voices not heard, with questions written for each, and not about those heard', () => {
      const voices = viewpointDocument(viewpointOf(read('unseen-adult.case.md')));
      assert.match(voices, /Views recorded in the notes: Leanne, Nan Pat and the health visitor\./);
      assert.match(voices, /\*\*Craig\*\* \(Noah’s father\): When Noah has a hard day, what does Craig do/, 'a relation worded from the child the document names');
      assert.match(voices, /\*\*Noah\*\*: What have you seen Noah do/, 'a baby is heard through what they do');
      assert.match(voices, /\*\*Craig’s employer\*\*/);
      assert.doesNotMatch(voices, /\*\*Leanne\*\*:/);
      assert.match(voices, /Craig and Wes live in Noah’s household but appear in no hypothesis/);
    });

    it('says whether the tests already look for what would weaken each idea', () => {
      const tests = viewpointDocument(viewpointOf(read('mother-only.case.md')));
      assert.match(tests, /\*\*H1\*\*: All the evidence supporting H1 has one source: Kerry\..*The tests and plan do not yet look for it/);
      assert.match(tests, /\*\*H2\*\*: All the evidence supporting H2 has one source: Kerry\..*A test or plan step may look for it: “Ask Mia about her mornings/);
    });

    it('lists the aspects of difference the notes mention, and asks about the rest', () => {
      const document = viewpointDocument(viewpointOf(read('balanced.case.md')));
      assert.match(document, /Mentioned in the notes: .*Employment \(“works”\)/);
      assert.match(document, /\*\*Religion\*\*: What part, if any, does religion or faith play/);
      assert.doesNotMatch(document, /\*\*Employment\*\*:/);
    });

    it('checks the worker’s position: self-hypothesis, certainty words, labels, one source', () => {
      const document = viewpointDocument(viewpointOf(read('single-hypothesis.case.md')));
      assert.match(document, /No hypothesis is about you or the professional system/);
      assert.match(document, /words of certainty: “clearly”/);
      const labelled = `---\ncasemark: 1\n---\n## Hypotheses\n\n- H1: Mr K may be non-compliant with the plan.\n  - For: He missed two meetings. (source: school, 2026-01-01)\n  - For: He left early. (source: school, 2026-01-02)\n`;
      const position = viewpointDocument(viewpointOf(labelled));
      assert.match(position, /The notes use labels: “non-compliant”/);
      assert.match(position, /H1 rests on one source alone: school/);
    });

    it('still helps when there are no hypotheses: it asks for them first', () => {
      const document = viewpointDocument(viewpointOf(read('no-hypotheses.case.md')));
      assert.match(document, /There are no hypotheses in the notes yet\. Before supervision, try writing three/);
      assert.match(document, /do not list the people in this family yet/);
    });
  });

  describe('inserting into the case file', () => {
    const base = `---\ncasemark: 1\n---\n\n## Hypotheses\n\n- H1: Amy may be tired.\n  - For: Amy says so. (source: Amy, 2026-01-01)\n\n## Next steps\n\n- Visit.\n`;

    it('adds a section before the plan, between markers, as one edit', () => {
      const edit = viewpointInsertion(base, analyse(base, { path: 'a.case.md' }).model, viewpointOf(base));
      const after = apply(base, edit);
      assert.ok(after.indexOf('## Alternative viewpoint') < after.indexOf('## Next steps'));
      assert.match(after, new RegExp(`## Alternative viewpoint\\n\\n${viewpointStart}[\\s\\S]*### The leading hypothesis, turned around[\\s\\S]*${viewpointEnd.replace('/', '\\/')}\\n\\n## Next steps`));
      assert.ok(after.startsWith(base.slice(0, base.indexOf('## Next steps'))), 'everything before is untouched');
    });

    it('replaces only its own part on a second insert, keeping the writer’s own subheadings and words', () => {
      const first = apply(base, viewpointInsertion(base, analyse(base, { path: 'a.case.md' }).model, viewpointOf(base)));
      const mine = first.replace(viewpointEnd, `${viewpointEnd}\n\n### My own thoughts\n\nI keep coming back to H1.`);
      const changed = mine.replace('- H1: Amy may be tired.', '- H1: Amy may be tired.\n- H2: Mum may be tired.');
      const second = apply(changed, viewpointInsertion(changed, analyse(changed, { path: 'a.case.md' }).model, viewpointOf(changed)));
      assert.equal(second.split(viewpointStart).length, 2, 'one generated block');
      assert.match(second, /### My own thoughts\n\nI keep coming back to H1\./);
      assert.match(second, /\| Evidence \| Source \| H1 \| H2 \|/, 'the new hypothesis is in the new matrix');
    });

    it('inserts the same text again when nothing changed, for every case (nothing it wrote is read back)', () => {
      for (const name of cases) {
        const text = readFileSync(new URL(name, folder), 'utf8');
        const once = apply(text, viewpointInsertion(text, analyse(text, { path: name }).model, viewpointOf(text, name)));
        const twice = apply(once, viewpointInsertion(once, analyse(once, { path: name }).model, viewpointOf(once, name)));
        assert.equal(twice, once, name);
      }
    });

    it('never takes the writer’s words for its own: a marker quoted in code, or a start marker with no end', () => {
      const quoted = base.replace('## Next steps', `## Notes\n\nCaseMark writes \`${viewpointStart}\` before its part.\n\nMum said she is worried about rent. Important notes here.\n\n## Next steps`);
      const after = apply(quoted, viewpointInsertion(quoted, analyse(quoted, { path: 'a.case.md' }).model, viewpointOf(quoted)));
      assert.ok(after.includes('Mum said she is worried about rent. Important notes here.'));
      const inserted = apply(base, viewpointInsertion(base, analyse(base, { path: 'a.case.md' }).model, viewpointOf(base)));
      const broken = inserted.replace(viewpointEnd, '### My own thoughts\n\nKeep this.');
      const again = apply(broken, viewpointInsertion(broken, analyse(broken, { path: 'a.case.md' }).model, viewpointOf(broken)));
      assert.ok(again.includes('### My own thoughts\n\nKeep this.'), 'nothing deleted when the end marker is gone');
      const labelled = `${broken}\n\n## Plan\n\nThis is a toxic trio case.\n`;
      assert.ok(analyse(labelled, { path: 'a.case.md' }).messages.some((m) => m.ruleId === 'labels-not-behaviour'), 'and the rules still read past a lone marker');
    });

    it('goes at the top of an Alternative viewpoint section the writer started, keeping what they wrote', () => {
      const started = base.replace('## Next steps', '## Alternative viewpoint\n\nWhat would Amy’s dad say?\n\n## Next steps');
      const after = apply(started, viewpointInsertion(started, analyse(started, { path: 'a.case.md' }).model, viewpointOf(started)));
      assert.match(after, new RegExp(`## Alternative viewpoint\\n\\n${viewpointStart}[\\s\\S]*${viewpointEnd.replace('/', '\\/')}\\n\\nWhat would Amy’s dad say\\?`));
    });

    it('is not read back as the writer’s prose: its questions do not silence or trigger rules', () => {
      const text = `---\ncasemark: 1\npeople:\n  - {name: Amy, role: child, age: 8}\n---\n\n## Hypotheses\n\n- H1: Mr K may be non-compliant.\n  - For: He missed two meetings. (source: school, 2026-01-01)\n`;
      const before = analyse(text, { path: 'a.case.md' }).messages.map((m) => m.ruleId).sort();
      const after = apply(text, viewpointInsertion(text, analyse(text, { path: 'a.case.md' }).model, viewpointOf(text)));
      assert.match(after, /What would you need to see|labels: “non-compliant”/);
      assert.deepEqual(analyse(after, { path: 'a.case.md' }).messages.map((m) => m.ruleId).sort(), before);
    });
  });

  describe('a team’s own wording', () => {
    it('replaces a phrase from .casemark.yaml, and reports unknown names and placeholders at their place', () => {
      const { config, problems } = readConfigText('viewpoint:\n  phrases:\n    voices.adult.observer: "What would {name} want us to know?"\n    voices.nope: "x"\n    position.clear: "Hello {who}"\n');
      assert.deepEqual(problems.map((p) => p.message), ['Unknown phrase “voices.nope”. The phrase names are listed in docs/viewpoint.md.', 'The phrase “position.clear” uses {who}, which CaseMark cannot fill there.']);
      const text = readFileSync(new URL('mother-only.case.md', folder), 'utf8');
      const analysis = analyse(text, { path: 'a.case.md', config });
      const document = viewpointDocument(buildViewpoint(analysis, text, phrasesWith(analysis.config.viewpoint.phrases)));
      assert.match(document, /What would Dan want us to know\?/);
    });
  });

  it('docs/viewpoint.md lists every phrase name, so teams can find it', () => {
    const docs = readFileSync(new URL('../../../docs/viewpoint.md', import.meta.url), 'utf8');
    assert.deepEqual(phraseKeys().filter((key) => !docs.includes(`| \`${key}\` |`)), []);
  });

  describe('edge cases the review found', () => {
    it('a phrase named after an Object property is reported, not a crash', () => {
      const { problems } = readConfigText('viewpoint:\n  phrases:\n    constructor: "x"\n    __proto__: "y"\n    toString: "z"\n');
      assert.equal(problems.length, 3);
      assert.ok(problems.every((p) => p.message.startsWith('Unknown phrase')));
    });

    it('finds certainty words and labels even when those rules are off', () => {
      const text = `---\ncasemark:\n  rules:\n    hypothesis-certainty: off\n    labels-not-behaviour: off\n---\n## Hypotheses\n\n- H1: Mum is clearly a toxic trio case.\n`;
      const document = viewpointDocument(viewpointOf(text));
      assert.match(document, /words of certainty: “clearly”/);
      assert.match(document, /labels: “toxic trio”/);
      assert.doesNotMatch(document, /found no words of certainty/);
    });

    it('turns a lower-case modal, never a name or a month', () => {
      const turned = (statement: string) => {
        const text = `---\ncasemark: 1\n---\n## Hypotheses\n\n- H1: ${statement}\n  - For: x. (source: school, 2026-01-01)\n  - Status: supported\n- H2: Something else may be so.\n`;
        return /Turned around, tentatively: (.*)/.exec(viewpointDocument(viewpointOf(text)))?.[1];
      };
      assert.equal(turned('May might be struggling.'), 'May might not be struggling.');
      assert.equal(turned('Since May, Dad could be drinking more.'), 'Since May, Dad could not be drinking more.');
    });
  });

  describe('tone', () => {
    // Words a generated sentence must never use of a hypothesis or a family (domain brief: useful, not true; behaviour, not labels).
    const banned = /\b(true|proves?|proven|confirm(s|ed)?|certain(ly)?|definitely|clearly|obviously|fault|blame|failed|failure|non-compliant|disguised compliance|toxic|resistant|manipulative|chaotic|hard to reach)\b/i;

    it('no default phrase says a hypothesis is true, blames, or labels', () => {
      for (const key of phraseKeys()) assert.doesNotMatch(defaultPhrases[key], banned, key);
    });

    it('no generated sentence does either, apart from the writer’s own words it quotes', () => {
      for (const name of cases) {
        const text = readFileSync(new URL(name, folder), 'utf8');
        const document = viewpointDocument(viewpointOf(text, name)).replace(/“[^”]*”/g, '“…”');
        const ownWords = text.replace(/[^\p{L}\s-]/gu, ' ');
        for (const line of document.split('\n')) {
          const found = banned.exec(line)?.[0];
          if (found) assert.ok(new RegExp(`\\b${found}\\b`, 'i').test(ownWords), `${name}: “${found}” in “${line}”`);
        }
      }
    });
  });
});
