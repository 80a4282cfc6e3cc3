import type { Rule } from './rule';

export const genogramNoIndex: Rule = {
  id: 'genogram-no-index',
  alias: 'genogram-index-person',
  description: 'The genogram does not mark the child the case is about.',
  rationale: 'The index person (double outline) tells a reader whose story this is, and lets CaseMark name everyone by their relation to that child.',
  category: 'genogram',
  defaultSeverity: 'warning',
  options: {},
  check({ model, source, report }) {
    const genograms = model.diagrams.filter((d) => d.kind === 'genogram');
    // A genogram with nobody in it yet (the new-case template's) has no child to mark.
    if (genograms.every((d) => d.genogram.people.length === 0) || genograms.some((d) => d.genogram.people.some((p) => p.index))) return;
    const first = genograms[0] as (typeof genograms)[number];
    const fence = source.line(first.position.start.line);
    report({
      message: 'Which child is this case about? Add index to their line, for example: person amy female 8 index. They are drawn with a double outline.',
      at: source.position(fence.start + fence.text.length - fence.text.trimStart().length, fence.start + fence.text.length),
    });
  },
};
