import type { AccessService } from '../access/AccessService.js';
import type { CommandLock } from '../cluster/commandLock.js';
import type { DecisionHistoryStore } from '../storage/contracts/assessmentTypes.js';
import type { IdeaSupportStore } from '../storage/contracts/ideaSupportTypes.js';
import type { QuestionStore } from '../storage/contracts/questionTypes.js';
import type { VoteStore } from '../storage/contracts/voteTypes.js';
import type { WorkshopStore } from '../storage/contracts/workshopTypes.js';
import type { Relay } from '../sync/Relay.js';

/** What the catalog feature works with: the relay for its documents, the stores beside them. */
export interface CatalogContext {
  access: AccessService;
  relay: Relay;
  workshops: WorkshopStore;
  decisions: DecisionHistoryStore;
  /** Commands that read and rewrite the catalog's docs run one at a time per workshop, across instances. */
  commands: CommandLock;
  /** Dot votes: the evidence counts closed rounds' votes on each idea's source notes. */
  votes: VoteStore;
  /** Questions and proposals linked to ideas, and taken into the catalog. */
  questions: QuestionStore;
  ideaSupports: IdeaSupportStore;
}
