// The scaffold for a new case analysis: every section, three hypotheses to start from, one about the worker. It is
// quiet: nothing prompts before the writer has written anything (empty items are places kept, not gaps), and the
// alternative viewpoint does not read its placeholder sentences as the writer's words.

/** The template's placeholder sentences, exactly as written in it: not the writer's own words. */
export const templatePlaceholders = [
  'Write this for the child, who may read it one day.',
  'What is stopping change? What are you unsure about?',
  'An idea about the relationships in the family.',
  "An idea about the family's wider context (school, community, money, culture).",
  'An idea about you or the professional system, for example how services have approached this family.',
  'If you started from a completely different view of this family, what would you look for first?',
  'What would test your hypotheses?',
] as const;

const [forChild, dilemma, family, context, self, viewpoint, plan] = templatePlaceholders;

export function newCaseTemplate(date: string): string {
  return `---
casemark: 1
case: Family pseudonym
author: Your name
date: ${date}
# people: one line a person (or only the genogram below), for example:
#   - {name: Amy, role: child, age: 8}
#   - {name: Sara, role: mother}
---

# Case analysis

${forChild}

## Dilemma

${dilemma}

## Genogram

\`\`\`genogram
# One person, relationship or household per line, for example:
# person amy female 8 index
# person sara female 31
# amy child of sara
\`\`\`

## Hypotheses

- H1: ${family}
  - About:
  - For:
  - Against:
  - Test:
  - Status: open
- H2: ${context}
  - About:
  - For:
  - Against:
  - Test:
  - Status: open
- H3: ${self}
  - About: worker
  - For:
  - Against:
  - Test:
  - Status: open

## Alternative viewpoint

${viewpoint}

## Next steps

1. ${plan}
`;
}

/**
 * The text with every template placeholder sentence blanked out (same length, so offsets stay true): what the writer
 * has written themselves.
 */
export function withoutPlaceholders(text: string): string {
  let result = text;
  for (const placeholder of templatePlaceholders) {
    for (const variant of new Set([placeholder, placeholder.replace(/’/g, "'")])) result = result.split(variant).join(' '.repeat(variant.length));
  }
  return result;
}
