// The wording of the alternative viewpoint: phrases.json, with a team's own wording (config `viewpoint.phrases`) over it.
import defaultPhrases from './phrases.json' with { type: 'json' };

export type PhraseKey = Exclude<keyof typeof defaultPhrases, '$comment'>;
export type Phrases = Record<PhraseKey, string>;

export function phraseKeys(): PhraseKey[] {
  return (Object.keys(defaultPhrases) as Array<keyof typeof defaultPhrases>).filter((k): k is PhraseKey => k !== '$comment');
}

export function isPhraseKey(key: string): key is PhraseKey {
  // Own keys only: "constructor" or "__proto__" in a team's settings must not reach Object's prototype.
  return key !== '$comment' && Object.hasOwn(defaultPhrases, key);
}

/** The {placeholders} a template uses. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
}

/** Placeholders a team's wording uses that the default for that key cannot fill. */
export function unknownPlaceholders(key: PhraseKey, template: string): string[] {
  const known = new Set(placeholdersOf(defaultPhrases[key]));
  return placeholdersOf(template).filter((p) => !known.has(p));
}

export function phrasesWith(overrides: Record<string, string> = {}): Phrases {
  const phrases = { ...defaultPhrases } as Record<string, string>;
  for (const [key, value] of Object.entries(overrides)) if (isPhraseKey(key)) phrases[key] = value;
  delete phrases.$comment;
  return phrases as Phrases;
}
