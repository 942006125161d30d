import type { WorkshopDetail } from '@samle/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/errorMessage';
import { SESSION } from '../api/http';
import { CatalogLinks } from '../leaders/CatalogLinks';
import { SessionReports } from '../report/SessionReports';
import { handleLinkClick } from '../routing/navigation';
import { planPath } from '../routing/routes';
import { SynthesisLink } from '../synthesis/SynthesisLink';
import { Icon } from '../ui/Icon';
import { focusSession } from '../workshopData/homeBoards';
import { useCommands } from '../workshopData/useCommands';
import { useRoomState } from '../workshopData/useRoomState';
import { AgendaPanel } from './AgendaPanel';
import { InvitePanel } from './InvitePanel';
import { JoinPanel } from './JoinPanel';
import { LivePanel } from './LivePanel';
import { PeoplePanel } from './PeoplePanel';
import { SessionBoards } from './SessionBoards';
import { SessionTabs } from './SessionTabs';
import { TablesPanel } from './TablesPanel';
import { WorkshopToolLinks } from './WorkshopToolLinks';

/** The facilitator's cockpit for one workshop: pick a session, run it. */
export function Cockpit({ detail, refresh }: { detail: WorkshopDetail; refresh: () => Promise<void> }) {
  const { t } = useTranslation();
  const [selectedId, setSelectedId] = useState<string>();
  const session = detail.sessions.find((s) => s.id === selectedId) ?? focusSession(detail.sessions, null);
  const commands = useCommands(refresh);
  const { room } = useRoomState(session?.status === 'open' ? session.id : undefined, 3000);

  return (
    <>
      <div className="cockpit-bar">
        <SessionTabs sessions={detail.sessions} selectedId={session?.id} onSelect={setSelectedId} />
        <a
          className="button button-small cockpit-plan-link"
          href={planPath(detail.workshop.id)}
          data-testid="open-plan"
          title={t('plan.openHint')}
          onClick={(event) => handleLinkClick(event, planPath(detail.workshop.id))}
        >
          <Icon name="edit" />
          {t('plan.open')}
        </a>
      </div>
      {commands.error !== undefined && (
        <div className="notice notice-error" role="alert" data-testid="command-error">
          <p>{t('cockpit.commandFailed', { reason: apiErrorMessage(t, commands.error) })}</p>
          <button type="button" className="button button-small" onClick={commands.dismiss}>
            {t('cockpit.cancel')}
          </button>
        </div>
      )}
      {!session && <p className="muted">{t('workshop.noSessions')}</p>}
      {session && (
        <div className="cockpit-grid" key={session.id} data-session-id={session.id}>
          <div className="cockpit-main">
            {/* An ended session is archived: the server refuses changes to its agenda and tables. */}
            <AgendaPanel session={session} commands={session.status === 'ended' ? undefined : commands} />
            <TablesPanel session={session} people={detail.people} commands={commands} room={room} />
          </div>
          <div className="cockpit-side">
            <JoinPanel workshopId={detail.workshop.id} session={session} commands={commands} />
            {session.status === 'open' && <LivePanel room={room} />}
            <SessionBoards session={session} personId={null} />
            <SynthesisLink workshopId={detail.workshop.id} sessionId={session.id} />
            <WorkshopToolLinks workshopId={detail.workshop.id} role={detail.role} />
            <CatalogLinks workshopId={detail.workshop.id} role={detail.role} />
            <SessionReports detail={detail} credential={SESSION} />
            <PeoplePanel people={detail.people} commands={commands} />
            <InvitePanel workshopId={detail.workshop.id} />
          </div>
        </div>
      )}
    </>
  );
}
