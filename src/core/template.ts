// The scaffold for a new case analysis: every section, three hypotheses to start from, one about the worker.
export function newCaseTemplate(date: string): string {
  return `---
casemark: 1
case: Family pseudonym
author: Your name
date: ${date}
people:
  - {name: Child's first name, role: child, age: 0}
---

# Case analysis

Write this for the child, who may read it one day.

## Dilemma

What is stopping change? What are you unsure about?

## Genogram

\`\`\`genogram
# One person, relationship or household per line.
\`\`\`

## Hypotheses

- H1: An idea about the relationships in the family.
  - About:
  - For:
  - Against:
  - Test:
  - Status: open
- H2: An idea about the family's wider context (school, community, money, culture).
  - About:
  - For:
  - Against:
  - Test:
  - Status: open
- H3: An idea about you or the professional system, for example how services have approached this family.
  - About: worker
  - For:
  - Against:
  - Test:
  - Status: open

## Alternative viewpoint

If you started from a completely different view of this family, what would you look for first?

## Next steps

1. What would test your hypotheses?
`;
}
