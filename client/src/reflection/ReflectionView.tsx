import type { WorkshopDetail } from '@samle/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { syncToken } from '../api/credentials';
import { grants } from '../api/grants';
import type { Credential } from '../api/http';
import { shareableParagraphs } from './paragraphs';
import { type Block, ReflectionEditor } from './ReflectionEditor';
import type { ReflectionSync } from './reflectionSync';
import { ShareParagraph } from './ShareParagraph';
import { shareTargets } from './shareTargets';
import { useReflectionSync, useSaveStatus } from './useReflectionSync';

/** `/w/:id/reflection`: the person's private home reflection, and sharing a paragraph onto a board. */
export function ReflectionView({ detail, credential }: { detail: WorkshopDetail; credential: Credential }) {
  const { t } = useTranslation();
  const token = syncToken(credential);
  if (detail.role === 'facilitator' || detail.personId === null || !token) {
    return <p className="notice">{t('reflection.notForFacilitator')}</p>;
  }
  if (detail.role === 'viewer') return <p className="notice">{t('reflection.notForViewer')}</p>;
  return <Reflection detail={detail} personId={detail.personId} token={token} credential={credential} />;
}

function Reflection(props: { detail: WorkshopDetail; personId: string; token: string; credential: Credential }) {
  const { detail, personId, token, credential } = props;
  const { t } = useTranslation();
  const sync = useReflectionSync(detail.workshop.id, personId, token);
  const [blocks, setBlocks] = useState<Block[]>([]);
  const paragraphs = shareableParagraphs(blocks);
  const joinedSessionId = grants().get(detail.workshop.id)?.sessionId ?? null;
  const targets = useMemo(() => shareTargets(detail, joinedSessionId), [detail, joinedSessionId]);
  const me =
    detail.people.find((person) => person.id === personId)?.name ?? grants().get(detail.workshop.id)?.person.name;

  return (
    <div className="reflection-layout">
      {/* The facilitator's question for this process (plan editor), or the general one. */}
      <p className="lead tool-intro" data-testid="reflection-prompt">
        {detail.prompts.reflection || t('reflection.intro')}
      </p>
      <section className="panel reflection-panel" aria-label={t('reflection.editorLabel')}>
        {sync && <SaveLine sync={sync} />}
        {sync && <ReflectionEditor key={sync.docId} sync={sync} onBlocks={setBlocks} name={me ?? ''} />}
      </section>
      <section className="panel share-panel" aria-labelledby="share-heading">
        <h2 id="share-heading" className="panel-title">
          {t('reflection.paragraphsHeading')}
        </h2>
        <p className="muted">
          {paragraphs.length === 0 ? t('reflection.noParagraphs') : t('reflection.paragraphsHint')}
        </p>
        <ul className="share-list">
          {paragraphs.map((paragraph) => (
            <ShareParagraph key={paragraph.key} paragraph={paragraph} targets={targets} credential={credential} />
          ))}
        </ul>
      </section>
    </div>
  );
}

function SaveLine({ sync }: { sync: ReflectionSync }) {
  const { t } = useTranslation();
  const status = useSaveStatus(sync);
  return (
    <p className="save-line" role="status" data-testid="reflection-status" data-status={status}>
      <span className="save-dot" aria-hidden="true" />
      {t(`reflection.${status === 'connecting' ? 'connecting' : status}`)}
    </p>
  );
}
