import { workshopOfAssessmentsDoc } from './assessment.js';
import { workshopOfCatalogDoc } from './catalog.js';
import { ideaOfDoc } from './catalogCommands.js';
import { boardOfControlDoc, draftOwnerOf } from './control.js';
import { workshopOfPublishedDoc } from './published.js';
import { workshopOfQuestionsDoc } from './questions.js';
import { reflectionOwnerOf } from './reflection.js';

/**
 * Documents that exist once someone (the server, or a client allowed to open
 * them) first uses them: a board's control doc and private drafts, a person's
 * reflection, a workshop's questions, catalog, idea descriptions, assessments and published
 * catalog. Boards, by contrast, exist only when created through the API.
 */
export function isMadeOnDemand(docId: string): boolean {
  return (
    boardOfControlDoc(docId) !== null ||
    draftOwnerOf(docId) !== null ||
    reflectionOwnerOf(docId) !== null ||
    workshopOfQuestionsDoc(docId) !== null ||
    workshopOfCatalogDoc(docId) !== null ||
    ideaOfDoc(docId) !== null ||
    workshopOfAssessmentsDoc(docId) !== null ||
    workshopOfPublishedDoc(docId) !== null
  );
}
