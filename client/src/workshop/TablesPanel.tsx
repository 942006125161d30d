import type { Person, Session, SplitGroupsBody } from '@samle/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assignGroup, setGroupWork, splitGroups } from '../api/workshopApi';
import { TableColumns } from './TableColumns';
import { moveRequest, seatablePeople, suggestedTableCount, tablesView } from './tables';
import type { Commands } from './useCommands';

/** Split the participants into tables, move them between tables, and open or close group work. */
export function TablesPanel({ session, people, commands }: { session: Session; people: Person[]; commands: Commands }) {
  const { t } = useTranslation();
  const countId = useId();
  const byId = useId();
  const participants = seatablePeople(people).length;
  const [count, setCount] = useState(() => String(suggestedTableCount(participants)));
  const [by, setBy] = useState<SplitGroupsBody['by']>('random');
  const busy = commands.busy !== undefined;
  const view = tablesView(session, people);
  const hasTables = session.groups.length > 0;
  const ended = session.status === 'ended';

  const onSplit = (event: FormEvent) => {
    event.preventDefault();
    const tables = Math.min(20, Math.max(1, Number.parseInt(count, 10) || 1));
    void commands.run('split', () => splitGroups(session.id, { count: tables, by }));
  };
  const onMove = (personId: string, target: string | null) => {
    const move = moveRequest(session, personId, target);
    if (move) void commands.run('assign', () => assignGroup(session.id, move));
  };

  return (
    <section className="panel tables" aria-labelledby={`tables-${session.id}`}>
      <div className="panel-head">
        <h2 id={`tables-${session.id}`} className="panel-title">
          {t('cockpit.tables')}
        </h2>
        <p className="muted" data-testid="session-mode" data-mode={session.mode}>
          {session.mode === 'groups' ? t('cockpit.modeGroups') : t('cockpit.modePlenum')}
        </p>
      </div>
      {!ended && (
        <form className="split-form" onSubmit={onSplit}>
          <label htmlFor={countId}>{t('cockpit.splitInto')}</label>
          <input
            id={countId}
            className="text-input number-input"
            type="number"
            min={1}
            max={20}
            data-testid="split-count"
            value={count}
            onChange={(event) => setCount(event.target.value)}
          />
          <span>{t('cockpit.tablesUnit')}</span>
          <label htmlFor={byId}>{t('cockpit.splitBy')}</label>
          <select
            id={byId}
            className="select"
            data-testid="split-by"
            value={by}
            onChange={(event) => setBy(event.target.value === 'department' ? 'department' : 'random')}
          >
            <option value="random">{t('cockpit.splitRandom')}</option>
            <option value="department">{t('cockpit.splitDepartment')}</option>
          </select>
          <button type="submit" className="button" data-testid="split-tables" disabled={busy}>
            {t('cockpit.split')}
          </button>
          {hasTables && <span className="muted split-hint">{t('cockpit.resplitHint')}</span>}
        </form>
      )}
      {!hasTables && <p className="muted">{t('cockpit.noTables')}</p>}
      {hasTables && (
        <>
          {!ended && <p className="muted drag-hint">{t('cockpit.dragHint')}</p>}
          <TableColumns session={session} view={view} disabled={busy || ended} onMove={onMove} />
        </>
      )}
      {hasTables && !ended && (
        <div className="panel-actions">
          {session.mode === 'plenum' ? (
            <button
              type="button"
              className="button button-primary"
              data-testid="open-group-work"
              disabled={busy}
              onClick={() => commands.run('group-work', () => setGroupWork(session.id, true))}
            >
              {t('cockpit.openGroupWork')}
            </button>
          ) : (
            <button
              type="button"
              className="button button-primary"
              data-testid="return-to-plenum"
              disabled={busy}
              onClick={() => commands.run('group-work', () => setGroupWork(session.id, false))}
            >
              {t('cockpit.returnToPlenum')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
