// The rule registry: every rule, in the order `casemark rules` lists them.
import type { Rule } from './rule';
import { childVoiceAbsent } from './child-voice-absent';
import { configInvalid } from './config-invalid';
import { evidenceNoSource } from './evidence-no-source';
import { evidenceOneSided } from './evidence-one-sided';
import { evidenceOneSource } from './evidence-one-source';
import { frontmatterInvalid } from './frontmatter-invalid';
import { genogramSyntax } from './genogram-syntax';
import { genogramDuplicateId } from './genogram-duplicate-id';
import { genogramUnknownPerson } from './genogram-unknown-person';
import { genogramOwnAncestor } from './genogram-own-ancestor';
import { genogramTooManyParents } from './genogram-too-many-parents';
import { genogramChildOlderThanParent } from './genogram-child-older-than-parent';
import { genogramTwinsParents } from './genogram-twins-parents';
import { genogramNoIndex } from './genogram-no-index';
import { unseenAdult } from './unseen-adult';
import { hypothesesMissing } from './hypotheses-missing';
import { identifyingDetail } from './identifying-detail';
import { hypothesesOnePerson } from './hypotheses-one-person';
import { hypothesesTooFew } from './hypotheses-too-few';
import { hypothesisCertainty } from './hypothesis-certainty';
import { hypothesisDuplicate } from './hypothesis-duplicate';
import { hypothesisNoDisconfirming } from './hypothesis-no-disconfirming';
import { hypothesisNoTest } from './hypothesis-no-test';
import { labelsNotBehaviour } from './labels-not-behaviour';
import { noSelfHypothesis } from './no-self-hypothesis';
import { planBeforeHypotheses } from './plan-before-hypotheses';
import { statusUnknown } from './status-unknown';

export const rules: readonly Rule[] = [
  hypothesesMissing,
  hypothesesTooFew,
  hypothesisNoTest,
  hypothesisNoDisconfirming,
  hypothesisCertainty,
  labelsNotBehaviour,
  hypothesesOnePerson,
  noSelfHypothesis,
  evidenceOneSource,
  evidenceOneSided,
  evidenceNoSource,
  hypothesisDuplicate,
  planBeforeHypotheses,
  childVoiceAbsent,
  unseenAdult,
  frontmatterInvalid,
  configInvalid,
  statusUnknown,
  genogramSyntax,
  genogramDuplicateId,
  genogramUnknownPerson,
  genogramOwnAncestor,
  genogramTooManyParents,
  genogramChildOlderThanParent,
  genogramTwinsParents,
  genogramNoIndex,
  identifyingDetail,
];

const byName = new Map<string, Rule>(rules.flatMap((r) => [[r.id, r] as const, [r.alias, r] as const]));

/** A rule by id or alias. */
export function findRule(name: string): Rule | undefined {
  return byName.get(name.trim().toLowerCase());
}
