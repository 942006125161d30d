import type { Person } from '@samle/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { revokePerson } from '../api/workshopApi';
import { useTimeFormat } from '../ui/useDateFormat';
import type { Commands } from './useCommands';

/** Who has joined the workshop; the facilitator can withdraw a person's access (after confirming). */
export function PeoplePanel({ people, commands }: { people: readonly Person[]; commands: Commands | undefined }) {
  const { t } = useTranslation();
  const formatTime = useTimeFormat();
  const [confirming, setConfirming] = useState<string>();
  const sorted = [...people].sort((a, b) => Number(a.revoked) - Number(b.revoked) || a.name.localeCompare(b.name));
  return (
    <section className="panel people" aria-labelledby="people-heading">
      <div className="panel-head">
        <h2 id="people-heading" className="panel-title">
          {t('cockpit.people')}
        </h2>
        <span className="muted" data-testid="people-count">
          {people.filter((person) => !person.revoked).length}
        </span>
      </div>
      {people.length === 0 && <p className="muted">{t('cockpit.noPeople')}</p>}
      <ul className="people-list">
        {sorted.map((person) => (
          <li
            key={person.id}
            className="person"
            data-testid="person"
            data-person-id={person.id}
            data-revoked={person.revoked || undefined}
          >
            <span className="person-body">
              <span className="person-name">{person.name}</span>
              <span className="person-meta">
                <span className="badge" data-role={person.role}>
                  {t(`roles.${person.role}`)}
                </span>
                {person.department && <span>{person.department}</span>}
                <span>{t('cockpit.joined', { time: formatTime(person.joinedAt) })}</span>
                {person.revoked && <span className="person-revoked">{t('cockpit.revoked')}</span>}
              </span>
            </span>
            {commands && !person.revoked && confirming !== person.id && (
              <button
                type="button"
                className="button button-small button-quiet-danger"
                data-testid="revoke-person"
                onClick={() => setConfirming(person.id)}
              >
                {t('cockpit.revoke')}
              </button>
            )}
            {commands && confirming === person.id && (
              <div
                className="confirm"
                role="alertdialog"
                aria-label={t('cockpit.revokeConfirm', { name: person.name })}
              >
                <p>{t('cockpit.revokeConfirm', { name: person.name })}</p>
                <div className="confirm-actions">
                  <button type="button" className="button button-small" onClick={() => setConfirming(undefined)}>
                    {t('cockpit.cancel')}
                  </button>
                  <button
                    type="button"
                    className="button button-small button-danger"
                    data-testid="confirm-revoke"
                    disabled={commands.busy !== undefined}
                    // biome-ignore lint/a11y/noAutofocus: the confirmation replaces the button that was just pressed; focus follows it.
                    autoFocus
                    onClick={() => {
                      setConfirming(undefined);
                      void commands.run('revoke', () => revokePerson(person.id));
                    }}
                  >
                    {t('cockpit.confirm')}
                  </button>
                </div>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
