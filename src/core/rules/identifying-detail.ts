import { findIdentifyingDetails, kindLabels, type Finding } from '../anonymise/detect';
import type { CaseModel } from '../model/case';
import type { Rule } from './rule';
import { caseYear, nameParts } from '../model/queries';

/** What the finding says, as a question about sharing rather than a verdict on the writer. */
function messageFor(finding: Finding): string {
  const what = kindLabels[finding.kind];
  if (finding.kind === 'name') return `“${finding.text}” looks like ${what} that is not in the genogram or \`people\`, so a shareable copy keeps it. Would a more general description (“a neighbour”, “the class teacher”) do?`;
  if (finding.kind === 'rare-event') return `“${finding.text}” may be ${what} that people nearby would recognise, even without names (jigsaw identification). Could it be described more generally for sharing?`;
  return `“${finding.text}” looks like ${what}. Pseudonymised notes are still personal data; would a general description do for sharing?`;
}

function generalFor(finding: Finding, model: CaseModel): string {
  if (finding.kind !== 'date-of-birth') return finding.general;
  // A date of birth becomes an age at the case's date.
  const year = /(\d{4})\s*$/.exec(finding.text)?.[1] ?? /(\d{4})-\d{2}-\d{2}/.exec(finding.text)?.[1];
  return year ? `aged about ${caseYear(model.frontmatter) - Number(year)}` : '[age]';
}

export const identifyingDetail: Rule = {
  id: 'identifying-detail',
  alias: 'identifiers',
  description: 'Something that could identify the family in a copy made to share: names not in the genogram, postcodes, phone numbers, email addresses, NHS and National Insurance numbers, dates of birth, schools, GP surgeries, addresses, local authorities, rare events.',
  rationale:
    'Case dilemmas are shared in group supervision and reused for training. Pseudonymised notes are still personal data, and a school, a street or an unusual event can identify a family as surely as a name (jigsaw identification).',
  category: 'privacy',
  // Off in ordinary case files; on in shareable copies and in exercise submissions, which are written to be shared.
  defaultSeverity: 'off',
  defaultFor: (model) => (model.frontmatter.shareable || model.frontmatter.exercise ? 'warning' : undefined),
  defaultForText: 'warning in shareable copies and exercise submissions',
  options: {},
  check({ model, source, report }) {
    const known = new Set<string>();
    for (const person of model.people) {
      known.add(person.name.toLowerCase());
      for (const part of nameParts(person.name)) known.add(part.toLowerCase());
    }
    // The whole file: frontmatter values, prose and the genogram's quoted names and notes alike.
    for (const finding of findIdentifyingDetails(source.text, { knownNames: known })) {
      const general = generalFor(finding, model);
      report({
        message: messageFor(finding),
        at: source.position(finding.start, finding.end),
        fix: { start: finding.start, end: finding.end, text: general, title: `Generalise to “${general}”` },
        expected: [general],
      });
    }
  },
};
