import { NAME_PROBLEM_MESSAGES, nameProblem } from '@samle/shared';
import { ApiFailure } from '../errors.js';

/**
 * Refuses a name with control, bidi-override or only invisible characters
 * (shared/src/names.ts) with `400 NAME_INVALID`, naming the field so the person
 * knows what to retype. Empty optional fields (a department) are not names.
 */
export function assertCleanName(field: string, value: string | null | undefined, optional = false): void {
  if (value === null || value === undefined || (optional && value.trim() === '')) return;
  const problem = nameProblem(value);
  if (problem) throw new ApiFailure(400, 'NAME_INVALID', `${field} ${NAME_PROBLEM_MESSAGES[problem]}`);
}
