import { mayDo, parseDocId, WorkshopAction } from '@samle/shared';
import type { UpdateGuard } from '../sync/types.js';
import { type AccessService, ownerKeyOf, type Principal } from './AccessService.js';
import { BOARD_ROOTS, DRAFT_ROOTS, depthOnlyGuard, notesGuard } from './boardPolicy.js';
import { catalogWriteRefusal } from './catalogPolicy.js';
import { descriptionWriteRefusal } from './descriptionPolicy.js';

/** Whether the workshop's catalog has this idea (its description document may be opened). */
export type IdeaExists = (workshopId: string, ideaId: string) => Promise<boolean>;

/** What a caller may do with one synced document. */
export interface DocGrant {
  access: 'write' | 'read' | 'none';
  /** The per-update check; every document a client may write has one (depth bound, fail closed). */
  guard?: UpdateGuard;
}

const NONE: DocGrant = { access: 'none' };
const grant = (access: 'write' | 'read'): DocGrant => ({ access });
const guarded = (guard: UpdateGuard): DocGrant => ({ access: 'write', guard });

/**
 * The sync endpoint's rules, one per kind of document (docs/access.md):
 * - `<board>-draft-<owner>`: the owner only, while they may write the board;
 * - `<workshop>-reflection-<person>`: that person only — nobody else, whatever their role;
 * - `<workshop>-catalog`: facilitators and leaders write titles, categories and the order; ideas and their
 *   provenance only through commands (catalogPolicy.ts); nobody else sees it;
 * - `<workshop>-idea-<idea>`: an idea's description, for ideas in the catalog only; facilitators and leaders
 *   write what the editor can show (catalogPolicy.ts); nobody else sees it;
 * - `<workshop>-assess`: facilitators and leaders read; only the server writes (assessments are commands);
 * - `<workshop>-questions` and `<workshop>-published`: everyone in the workshop reads; only the server writes;
 * - `<board>-ctl`: whoever may read the board reads; only the server writes;
 * - a board: the permission table; clients write notes and clusters, never `meta`; on a board the server's
 *   record marks anonymous no author may be written; only the facilitator deletes many notes of others
 *   (boardPolicy.ts).
 * Every document a client may write is checked per update (shadowGuard.ts: nesting depth, fail closed).
 */
export async function docAccess(
  access: AccessService,
  principal: Principal,
  docId: string,
  ideaExists: IdeaExists,
): Promise<DocGrant> {
  const address = parseDocId(docId);
  switch (address.kind) {
    case 'draft': {
      const board = await access.boardAccess(principal, address.boardId);
      if (board.access !== 'write' || ownerKeyOf(principal) !== address.ownerId) return NONE;
      // The reveal copies drafts onto the board: the same rules, applied before they get there.
      return guarded(
        notesGuard({
          roots: DRAFT_ROOTS,
          anonymous: board.placement?.board.anonymous === true,
          mayDeleteMany: true,
          personId: null,
        }),
      );
    }
    case 'reflection': {
      const standing = await access.workshopRole(principal, address.workshopId);
      return standing?.personId === address.personId ? guarded(depthOnlyGuard) : NONE;
    }
    case 'catalog':
      return (await mayInWorkshop(access, principal, address.workshopId, WorkshopAction.EditCatalog))
        ? guarded(catalogWriteRefusal)
        : NONE;
    case 'idea':
      if (!(await mayInWorkshop(access, principal, address.workshopId, WorkshopAction.EditCatalog))) return NONE;
      // Descriptions are made on demand, so an invented idea id would create a document per request.
      if (!(await ideaExists(address.workshopId, address.ideaId))) return NONE;
      return guarded(descriptionWriteRefusal);
    case 'assessments':
      return (await mayInWorkshop(access, principal, address.workshopId, WorkshopAction.AssessIdeas))
        ? grant('read')
        : NONE;
    case 'published':
    case 'questions':
      return (await access.workshopRole(principal, address.workshopId)) ? grant('read') : NONE;
    case 'control':
      return (await access.boardAccess(principal, address.boardId)).access === 'none' ? NONE : grant('read');
    case 'board': {
      const board = await access.boardAccess(principal, address.boardId);
      if (board.access === 'none') return NONE;
      if (board.access === 'read') return grant('read');
      return guarded(
        notesGuard({
          roots: BOARD_ROOTS,
          anonymous: board.placement?.board.anonymous === true,
          mayDeleteMany: principal.kind === 'facilitator' || principal.kind === 'doc',
          personId: principal.kind === 'person' ? principal.personId : null,
        }),
      );
    }
    default:
      return unknownKind(address);
  }
}

/** A kind added to DocAddress without a rule above fails to compile here (`never`); at run time it opens nothing. */
function unknownKind(_address: never): DocGrant {
  return NONE;
}

/**
 * Whether the caller's role in the workshop allows `action` (shared/src/access.ts): the
 * catalog's working docs open for the same roles as the catalog's HTTP routes.
 */
async function mayInWorkshop(
  access: AccessService,
  principal: Principal,
  workshopId: string,
  action: WorkshopAction,
): Promise<boolean> {
  const standing = await access.workshopRole(principal, workshopId);
  return standing !== null && mayDo(standing.role, action);
}
