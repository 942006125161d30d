import {
  AUTHOR_KEYS,
  boardOfControlDoc,
  draftOwnerOf,
  ideaOfDoc,
  reflectionOwnerOf,
  workshopOfAssessmentsDoc,
  workshopOfCatalogDoc,
  workshopOfPublishedDoc,
  workshopOfQuestionsDoc,
} from '@samle/shared';
import type { UpdateGuard } from '../sync/types.js';
import { type AccessService, ownerKeyOf, type Principal } from './AccessService.js';
import { catalogWriteRefusal, descriptionWriteRefusal } from './catalogPolicy.js';

/** What a caller may do with one synced document. */
export interface DocGrant {
  access: 'write' | 'read' | 'none';
  forbiddenKeys: readonly string[];
  /** A finer per-update check (the catalog: no client creates ideas or writes provenance). */
  guard?: UpdateGuard;
}

const NONE: DocGrant = { access: 'none', forbiddenKeys: [] };
const grant = (access: 'write' | 'read'): DocGrant => ({ access, forbiddenKeys: [] });

/**
 * The sync endpoint's rules, one per kind of document (docs/access.md):
 * - `<board>-draft-<owner>`: the owner only, while they may write the board;
 * - `<workshop>-reflection-<person>`: that person only — nobody else, whatever their role;
 * - `<workshop>-catalog`: facilitators and leaders write titles, categories and the order; ideas and their
 *   provenance only through commands (catalogPolicy.ts); nobody else sees it;
 * - `<workshop>-idea-<idea>`: an idea's description; facilitators and leaders write what the editor can show
 *   (catalogPolicy.ts); nobody else sees it;
 * - `<workshop>-assess`: facilitators and leaders read; only the server writes (assessments are commands);
 * - `<workshop>-questions` and `<workshop>-published`: everyone in the workshop reads; only the server writes;
 * - `<board>-ctl`: whoever may read the board reads; only the server writes;
 * - a board: the permission table; on an anonymous board no author may be written.
 */
export async function docAccess(access: AccessService, principal: Principal, docId: string): Promise<DocGrant> {
  const draft = draftOwnerOf(docId);
  if (draft) {
    const board = await access.boardAccess(principal, draft.boardId);
    return board.access === 'write' && ownerKeyOf(principal) === draft.ownerId ? grant('write') : NONE;
  }
  const reflection = reflectionOwnerOf(docId);
  if (reflection) {
    const standing = await access.workshopRole(principal, reflection.workshopId);
    return standing?.personId === reflection.personId ? grant('write') : NONE;
  }
  const catalogOf = workshopOfCatalogDoc(docId);
  if (catalogOf) {
    const standing = await access.workshopRole(principal, catalogOf);
    return standing?.role === 'facilitator' || standing?.role === 'leader'
      ? { access: 'write', forbiddenKeys: [], guard: catalogWriteRefusal }
      : NONE;
  }
  const described = ideaOfDoc(docId);
  if (described) {
    const standing = await access.workshopRole(principal, described.workshopId);
    return standing?.role === 'facilitator' || standing?.role === 'leader'
      ? { access: 'write', forbiddenKeys: [], guard: descriptionWriteRefusal }
      : NONE;
  }
  const assessedIn = workshopOfAssessmentsDoc(docId);
  if (assessedIn) {
    const standing = await access.workshopRole(principal, assessedIn);
    return standing?.role === 'facilitator' || standing?.role === 'leader' ? grant('read') : NONE;
  }
  const publishedIn = workshopOfPublishedDoc(docId);
  if (publishedIn) return (await access.workshopRole(principal, publishedIn)) ? grant('read') : NONE;
  const questionsOf = workshopOfQuestionsDoc(docId);
  if (questionsOf) return (await access.workshopRole(principal, questionsOf)) ? grant('read') : NONE;
  const controlled = boardOfControlDoc(docId);
  if (controlled) return (await access.boardAccess(principal, controlled)).access === 'none' ? NONE : grant('read');
  const board = await access.boardAccess(principal, docId);
  if (board.access === 'none') return NONE;
  return {
    access: board.access,
    forbiddenKeys: board.placement?.board.anonymous ? AUTHOR_KEYS : [],
  };
}
