import {
  type AssessmentView,
  assessmentsDocId,
  catalogDocId,
  DESCRIPTION_ROOT,
  type IdeaView,
  ideaDocId,
  type PublishedCatalog,
  type PublishedIdea,
  type PublishedSource,
  publishedDocId,
  readAssessments,
  readIdeas,
  readPublished,
  type Source,
} from '@samle/shared';
import type { Relay } from '../sync/Relay.js';
import { lexicalDocMarkdown } from './ideaText.js';

/**
 * What participants would see if the catalog were published now, and what they
 * do see: the published catalog is a snapshot of the working catalog, the
 * assessments and each idea's description, without the authors' person ids.
 */

export interface WorkingCatalog {
  ideas: IdeaView[];
  assessments: Map<string, AssessmentView>;
  /** Markdown per idea id. */
  descriptions: Map<string, string>;
}

/** An idea's rich description (its own Lexical doc, made on first use) as Markdown. */
function description(relay: Relay, workshopId: string, ideaId: string): Promise<string> {
  return relay.read(ideaDocId(workshopId, ideaId), (doc) => lexicalDocMarkdown(doc, DESCRIPTION_ROOT));
}

export async function readWorkingCatalog(relay: Relay, workshopId: string): Promise<WorkingCatalog> {
  const ideas = await relay.read(catalogDocId(workshopId), readIdeas);
  const assessments = new Map(
    (await relay.read(assessmentsDocId(workshopId), readAssessments)).map((a) => [a.ideaId, a]),
  );
  const descriptions = new Map<string, string>();
  for (const idea of ideas) {
    descriptions.set(idea.id, await description(relay, workshopId, idea.id));
  }
  return { ideas, assessments, descriptions };
}

function publicSource(source: Source): PublishedSource {
  const { authorId: _authorId, ...rest } = source;
  return rest;
}

export function publishedIdeas(working: WorkingCatalog): PublishedIdea[] {
  return working.ideas.map((idea) => {
    const assessment = working.assessments.get(idea.id);
    return {
      id: idea.id,
      title: idea.title,
      category: idea.category,
      description: working.descriptions.get(idea.id) ?? '',
      provenance: idea.provenance.map(publicSource),
      assessment: assessment
        ? {
            decision: assessment.decision,
            rationale: assessment.rationale,
            rank: assessment.rank,
            startMonth: assessment.startMonth,
            endMonth: assessment.endMonth,
            owner: assessment.owner,
            related: assessment.related,
            updatedAt: assessment.updatedAt,
          }
        : null,
    };
  });
}

export async function readPublishedCatalog(relay: Relay, workshopId: string): Promise<PublishedCatalog | null> {
  return relay.read(publishedDocId(workshopId), readPublished);
}

/** Whether publishing now would change what participants see. */
export function differsFromPublished(now: PublishedIdea[], published: PublishedCatalog | null): boolean {
  if (!published) return now.length > 0;
  // Both sides are built by publishedIdeas, so the same content serialises the same way.
  return JSON.stringify(now) !== JSON.stringify(published.ideas);
}
