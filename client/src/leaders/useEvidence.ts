import type { CatalogEvidence, IdeaEvidence, PublishedIdea, QuestionView } from '@samle/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchDescriptions, fetchEvidence } from '../api/evidenceApi';
import type { Credential } from '../api/http';

/** Edits come in bursts (typing a title, several votes): the evidence is asked once they settle. */
const SETTLE_MS = 500;

export type EvidenceState =
  | { status: 'loading' }
  | { status: 'failed'; retry: () => void }
  | {
      status: 'ready';
      byIdea: ReadonlyMap<string, IdeaEvidence>;
      support: CatalogEvidence['support'];
      /** Every idea's description as Markdown, from the server. */
      descriptions: ReadonlyMap<string, string>;
      refresh: () => void;
    };

/**
 * The catalog's evidence (votes per source, linked questions, support) and every
 * description, from the server. Asked again when `trigger` changes (the live
 * catalog, assessments or questions changed), when the tab comes back into view
 * (votes close and descriptions change elsewhere), and on `refresh` — never on a
 * timer.
 */
export function useEvidence(workshopId: string, credential: Credential, trigger: string): EvidenceState {
  const [state, setState] = useState<EvidenceState>({ status: 'loading' });
  const asked = useRef(0);

  const load = useCallback(() => {
    const mine = ++asked.current;
    Promise.all([fetchEvidence(workshopId, credential), fetchDescriptions(workshopId, credential)]).then(
      ([evidence, { descriptions }]) => {
        if (mine !== asked.current) return;
        setState({
          status: 'ready',
          byIdea: new Map(evidence.ideas.map((e) => [e.ideaId, e])),
          support: evidence.support,
          descriptions: new Map(Object.entries(descriptions)),
          refresh: load,
        });
      },
      () => {
        if (mine === asked.current) setState({ status: 'failed', retry: load });
      },
    );
  }, [workshopId, credential]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `trigger` is what asks again.
  useEffect(() => {
    const timer = setTimeout(load, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [load, trigger]);

  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && load();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [load]);

  return state;
}

/**
 * What the evidence depends on that the panel sees live, as one string: the ideas and
 * their sources, the questions' links and supports, and the panel's own saves.
 */
export function evidenceKey(
  live: { ideas: readonly Pick<PublishedIdea, 'id' | 'provenance'>[]; questions: readonly QuestionView[] },
  saves: number,
): string {
  const ideas = live.ideas.map((idea) => `${idea.id}:${idea.provenance.length}`).join(',');
  const questions = live.questions.map((q) => `${q.id}:${q.ideaId ?? ''}:${q.supports}`).join(',');
  return `${ideas}|${questions}|${saves}`;
}
