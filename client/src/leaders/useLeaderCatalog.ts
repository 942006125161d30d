import {
  type AssessmentView,
  assessmentsDocId,
  catalogDocId,
  type QuestionView,
  questionsDocId,
  readAssessments,
  readIdeas,
  readQuestions,
} from '@samle/shared';
import { useMemo } from 'react';
import { syncToken } from '../api/credentials';
import type { Credential } from '../api/http';
import { useLiveDoc } from '../sync/useLiveDoc';
import { type PanelIdea, panelIdeas } from './panelModel';

export type LeaderCatalogState =
  | { status: 'loading' }
  | { status: 'refused' }
  | { status: 'unreachable' }
  | {
      status: 'ready';
      ideas: PanelIdea[];
      /** Whole assessments by idea, with what only management sees (internal note, estimates). */
      assessments: ReadonlyMap<string, AssessmentView>;
      /** The public questions list: when it changes, links to ideas may have changed. */
      questions: readonly QuestionView[];
    };

/** The working catalog and its assessments, live (leaders and facilitators only). */
export function useLeaderCatalog(workshopId: string, credential: Credential): LeaderCatalogState {
  const token = syncToken(credential);
  const catalog = useLiveDoc(catalogDocId(workshopId), token, readIdeas);
  const assessments = useLiveDoc(assessmentsDocId(workshopId), token, readAssessments);
  const questions = useLiveDoc(questionsDocId(workshopId), token, readQuestions);
  return useMemo(() => {
    if (catalog.status === 'refused' || assessments.status === 'refused') return { status: 'refused' };
    if (catalog.status === 'unreachable' || assessments.status === 'unreachable') return { status: 'unreachable' };
    if (catalog.status !== 'ready' || assessments.status !== 'ready') return { status: 'loading' };
    return {
      status: 'ready',
      ideas: panelIdeas(catalog.value, assessments.value),
      assessments: new Map(assessments.value.map((a) => [a.ideaId, a])),
      questions: questions.status === 'ready' ? questions.value : [],
    };
  }, [catalog, assessments, questions]);
}
