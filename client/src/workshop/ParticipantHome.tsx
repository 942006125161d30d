import { mayDo, WorkshopAction, type WorkshopDetail } from '@samle/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { grantCredential } from '../api/credentials';
import { grants } from '../api/grants';
import { OpenPulseNotice } from '../followup/OpenPulseNotice';
import { CatalogLinks } from '../leaders/CatalogLinks';
import { CalendarFeedPanel } from '../report/CalendarFeedPanel';
import { SessionReports } from '../report/SessionReports';
import { SynthesisLink } from '../synthesis/SynthesisLink';
import { focusSession } from '../workshopData/homeBoards';
import { AgendaPanel } from './AgendaPanel';
import { PeoplePanel } from './PeoplePanel';
import { SessionBoards } from './SessionBoards';
import { SessionTabs } from './SessionTabs';
import { WorkshopToolLinks } from './WorkshopToolLinks';

/**
 * Home of a participant, leader or viewer: their session's boards (own table
 * first, the others read-only), what is on the agenda now, and the other sessions.
 */
export function ParticipantHome({ detail }: { detail: WorkshopDetail }) {
  const { t } = useTranslation();
  const grant = grants().get(detail.workshop.id);
  const [selectedId, setSelectedId] = useState<string>();
  const session =
    detail.sessions.find((s) => s.id === selectedId) ?? focusSession(detail.sessions, grant?.sessionId ?? null);
  const me = detail.people.find((person) => person.id === detail.personId) ?? grant?.person;

  return (
    <>
      {me && (
        <p className="home-you" data-testid="home-you">
          {t('home.youAre', { name: me.name, role: t(`roles.${detail.role}`) })}
        </p>
      )}
      {grant && detail.role !== 'viewer' && (
        <OpenPulseNotice workshopId={detail.workshop.id} credential={grantCredential(grant)} />
      )}
      {detail.sessions.length > 1 && (
        <SessionTabs sessions={detail.sessions} selectedId={session?.id} onSelect={setSelectedId} />
      )}
      {!session && <p className="muted">{t('workshop.noSessions')}</p>}
      {session && (
        <div className="home-grid" key={session.id} data-session-id={session.id}>
          <SessionBoards session={session} personId={detail.personId} />
          {detail.role === 'leader' && <SynthesisLink workshopId={detail.workshop.id} sessionId={session.id} />}
          <WorkshopToolLinks workshopId={detail.workshop.id} role={detail.role} />
          <CatalogLinks workshopId={detail.workshop.id} role={detail.role} />
          {detail.role === 'leader' && grant && <SessionReports detail={detail} credential={grantCredential(grant)} />}
          {detail.role === 'participant' && grant && (
            <section className="panel" aria-labelledby="home-calendar" data-testid="home-calendar">
              <h2 id="home-calendar" className="panel-title">
                {t('calendar.title')}
              </h2>
              <CalendarFeedPanel
                workshopId={detail.workshop.id}
                credential={grantCredential(grant)}
                facilitator={false}
              />
            </section>
          )}
          {session.status === 'open' && session.currentItemId !== null && <AgendaPanel session={session} compact />}
          {mayDo(detail.role, WorkshopAction.SeePeople) && detail.people.length > 0 && (
            <PeoplePanel people={detail.people} commands={undefined} />
          )}
        </div>
      )}
    </>
  );
}
