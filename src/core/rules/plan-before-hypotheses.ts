import type { Rule } from './rule';

export const planBeforeHypotheses: Rule = {
  id: 'plan-before-hypotheses',
  alias: 'premature-plan',
  description: 'A Plan / Next steps section comes before any hypothesis is written.',
  rationale:
    'Deciding what to do before exploring what might be happening is premature closure: the plan settles on one explanation without saying which.',
  category: 'bias',
  defaultSeverity: 'info',
  options: {},
  check({ model, report }) {
    const plan = model.sections.find((s) => s.kind === 'plan');
    if (!plan) return;
    const firstHypothesis = model.hypotheses[0]?.position.start.offset ?? Infinity;
    if ((plan.heading.start.offset ?? 0) > firstHypothesis) return;
    report({
      message:
        'The plan comes before any hypothesis is written. What ideas is this plan testing? Writing the hypotheses first keeps the plan from settling on one explanation too early.',
      at: plan.heading,
    });
  },
};
