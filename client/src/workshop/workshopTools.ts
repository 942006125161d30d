import type { Role } from '@samle/shared';
import type { WorkshopTool } from '../routing/routes';

/**
 * Which tools a role is offered on its workshop page. The facilitator answers
 * questions and runs the evaluation; participants and leaders also have their
 * own home reflection; leaders and the facilitator work on the idea catalog;
 * viewers only read the questions and answers.
 */
export function toolsFor(role: Role): WorkshopTool[] {
  if (role === 'facilitator') return ['catalog', 'questions', 'evaluation'];
  if (role === 'viewer') return ['questions'];
  if (role === 'leader') return ['catalog', 'questions', 'reflection', 'evaluation'];
  return ['questions', 'reflection', 'evaluation'];
}
