import type { Rule } from './rule';
import { findPhrases } from '../text/words';
import { hypothesesAnchor } from '../model/queries';

export const noSelfHypothesis: Rule = {
  id: 'no-self-hypothesis',
  alias: 'worker-hypothesis',
  description: 'No hypothesis is about the worker or the professional system.',
  rationale:
    'The worker and the services around a family are part of the system being described. A hypothesis about yourself exposes your own assumptions and how your questions shape what the family says.',
  category: 'hypothesis',
  defaultSeverity: 'warning',
  options: {
    words: {
      type: 'string[]',
      default: [
        // The writer as the one who acts or owns ("I may have…", "our visits"); "will never work with us" is about the family.
        'I', 'my', 'we', 'our', 'worker', 'workers', 'social worker', 'social workers', 'professional', 'professionals', 'professional system',
        'practitioner', 'practitioners', 'agency', 'agencies', 'service', 'services', 'team', 'network', 'local authority', 'children’s services', "children's services",
        'supervisor', 'manager',
        // Other professionals around the family are part of the professional system too.
        'therapist', 'health visitor', 'the guardian', 'children’s guardian', "children's guardian", 'teacher', 'teachers', 'head teacher', 'GP', 'doctor',
        'paediatrician', 'midwife', 'nurse', 'school nurse', 'psychologist', 'psychiatrist', 'CAMHS', 'police', 'key worker', 'family support worker',
        'contact supervisor', 'reviewing officer', 'IRO', 'SENCo', 'probation', 'youth worker', 'court', 'judge',
      ],
      description: 'Words that show a hypothesis is about the worker or the professional system.',
    },
  },
  check({ model, source, words, report }) {
    if (model.hypotheses.length === 0) return;
    const list = words('words');
    // "About: me" names the worker, though "me" in a statement is usually the object of someone else's act.
    const aboutList = [...list, 'me', 'us', 'myself', 'ourselves'];
    const aboutSelf = model.hypotheses.some(
      (h) => findPhrases(h.statement.text, list).length > 0 || h.about.some((a) => findPhrases(a.text, aboutList).length > 0),
    );
    if (aboutSelf) return;
    report({
      message:
        'None of the hypotheses is about you or the professional system. How might your own position, or the way services have approached this family, be part of the pattern? (For example: “I am more comfortable talking with mothers than with fathers.”)',
      at: hypothesesAnchor(model, source),
    });
  },
};
