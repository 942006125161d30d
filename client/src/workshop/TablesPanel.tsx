import type { Person, RoomState, Session, SplitGroupsBody } from '@samle/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assignGroup, setGroupWork, splitGroups } from '../api/workshopApi';
import type { Commands } from '../workshopData/useCommands';
import { TableColumns } from './TableColumns';
import { moveRequest, seatablePeople, suggestedTableCount, tablesView } from './tables';

/** Split the participants into tables, move them between tables, and open or close group work. */
export function TablesPanel(props: {
  session: Session;
  people: Person[];
  commands: Commands;
  /** Live counts per table (done, connected), when known. */
  room?: RoomState | undefined;
}) {
  const { session, people, commands, room } = props;
  const { t } = useTranslation();
  const countId = useId();
  const byId = useId();
  const participants = seatablePeople(people).length;
  const [count, setCount] = useState(() => String(suggestedTableCount(participants)));
  const [by, setBy] = useState<SplitGroupsBody['by']>('random');
  const [countProblem, setCountProblem] = useState(false);
  const [keepOpen, setKeepOpen] = useState(false);
  const busy = commands.busy !== undefined;
  const view = tablesView(session, people);
  const hasTables = session.groups.length > 0;
  const ended = session.status === 'ended';

  const onSplit = (event: FormEvent) => {
    event.preventDefault();
    const tables = Number(count);
    // "0 tables" or "25" is a mistake to say out loud, not to round quietly.
    if (!Number.isInteger(tables) || tables < 1 || tables > 20) {
      setCountProblem(true);
      return;
    }
    setCountProblem(false);
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
        <form className="row split-form" onSubmit={onSplit} noValidate>
          <label htmlFor={countId}>{t('cockpit.splitInto')}</label>
          <input
            id={countId}
            className="text-input number-input"
            type="number"
            min={1}
            max={20}
            data-testid="split-count"
            value={count}
            aria-invalid={countProblem}
            onChange={(event) => {
              setCount(event.target.value);
              setCountProblem(false);
            }}
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
          {countProblem && (
            <p className="field-error split-error" role="alert" data-testid="split-count-error">
              {t('cockpit.splitCountProblem')}
            </p>
          )}
        </form>
      )}
      {hasTables && room && room.tables.length > 0 && (
        <ul className="room-counts" data-testid="room-counts" aria-live="polite">
          {room.tables.map((table) => (
            <li key={table.groupId} data-testid="table-count" data-group-id={table.groupId} data-done={table.done}>
              <strong>{table.name}</strong>
              <span>{t('cockpit.connectedCount', { count: table.connected, of: table.members })}</span>
              {session.mode === 'groups' && room.round !== null && (
                <span className="room-done" data-all={(table.done === table.members && table.members > 0) || undefined}>
                  {t('cockpit.doneCount', { count: table.done, of: table.members })}
                </span>
              )}
            </li>
          ))}
        </ul>
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
              onClick={() => commands.run('group-work', () => setGroupWork(session.id, false, keepOpen))}
            >
              {t('cockpit.returnToPlenum')}
            </button>
          )}
          {session.mode === 'groups' && (
            <label className="check-row">
              <input
                type="checkbox"
                checked={keepOpen}
                data-testid="keep-tables-open"
                onChange={(event) => setKeepOpen(event.target.checked)}
              />
              <span>{t('cockpit.keepTablesOpen')}</span>
            </label>
          )}
          {session.mode === 'plenum' && session.tablesOpen && (
            <span className="muted">{t('cockpit.tablesKeptOpen')}</span>
          )}
        </div>
      )}
    </section>
  );
}
