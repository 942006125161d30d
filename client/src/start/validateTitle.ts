import { BOARD_TITLE_MAX } from '@samle/shared';

export type TitleProblem = 'required' | 'tooLong';

/** Client-side check mirroring the API's CreateBoardBody rule, so most mistakes never reach the server. */
export function validateBoardTitle(raw: string): { title: string } | { problem: TitleProblem } {
  const title = raw.trim();
  if (title === '') return { problem: 'required' };
  if (title.length > BOARD_TITLE_MAX) return { problem: 'tooLong' };
  return { title };
}
