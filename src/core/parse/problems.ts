import type { Position } from '../model';

/** Something in the document CaseMark could not read as intended; the named rule turns it into a message. */
export interface DialectProblem {
  ruleId: 'frontmatter-invalid' | 'config-invalid' | 'status-unknown';
  message: string;
  position: Position;
}
