import { type Grant, NAME_MAX } from '@samle/shared';
import { boardPath, workshopPath } from '../routing/routes';

/** Join codes are six letters/digits; people type them with spaces, dashes and in lower case. */
export const JOIN_CODE_LENGTH = 6;

export function normaliseJoinCode(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, JOIN_CODE_LENGTH);
}

export type JoinProblem = 'codeRequired' | 'codeShort' | 'nameRequired' | 'nameTooLong';

export function validateJoin(input: { code: string; name: string }): JoinProblem[] {
  const problems: JoinProblem[] = [];
  const code = normaliseJoinCode(input.code);
  if (code.length === 0) problems.push('codeRequired');
  else if (code.length < JOIN_CODE_LENGTH) problems.push('codeShort');
  problems.push(...validatePersonName(input.name));
  return problems;
}

export function validatePersonName(name: string): ('nameRequired' | 'nameTooLong')[] {
  const trimmed = name.trim();
  if (trimmed.length === 0) return ['nameRequired'];
  if (trimmed.length > NAME_MAX) return ['nameTooLong'];
  return [];
}

/** Where a fresh grant takes the person: their landing board, else their home in the workshop. */
export function landingPath(grant: Pick<Grant, 'landingBoardId' | 'workshopId'>): string {
  return grant.landingBoardId ? boardPath(grant.landingBoardId) : workshopPath(grant.workshopId);
}
