import type { Person } from '@samle/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonDataControls } from '../admin/PersonDataControls';
import { mergePerson, revokePerson } from '../api/workshopApi';
import { useTimeFormat } from '../ui/useDateFormat';
import type { Commands } from '../workshopData/useCommands';
import { likelyDuplicates } from './duplicates';

/**
 * Who has joined the workshop; the facilitator can withdraw a person's access (after confirming), and
 * merge someone who looks like a duplicate (same name and role, joined later) into the earlier one.
 */
export function PeoplePanel({ people, commands }: { people: readonly Person[]; commands: Commands | undefined }) {
  const { t } = useTranslation();
  const formatTime = useTimeFormat();
  const [confirming, setConfirming] = useState<string>();
  const [merging, setMerging] = useState<string>();
  const duplicates = likelyDuplicates(people);
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
            className="row person"
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
                {duplicates.has(person.id) && (
                  <span className="person-duplicate" data-testid="person-duplicate">
                    {t('credentials.duplicate')}
                  </span>
                )}
              </span>
            </span>
            {commands && duplicates.has(person.id) && merging !== person.id && confirming !== person.id && (
              <button
                type="button"
                className="button button-small"
                data-testid="merge-person"
                onClick={() => setMerging(person.id)}
              >
                {t('credentials.mergeInto', { name: duplicates.get(person.id)?.name ?? '' })}
              </button>
            )}
            {commands && merging === person.id && (
              <MergeConfirm
                name={person.name}
                into={duplicates.get(person.id)?.name ?? ''}
                busy={commands.busy !== undefined}
                onCancel={() => setMerging(undefined)}
                onConfirm={() => {
                  const into = duplicates.get(person.id);
                  setMerging(undefined);
                  if (into) void commands.run('merge', () => mergePerson(person.id, into.id));
                }}
              />
            )}
            {commands && confirming !== person.id && merging !== person.id && (
              <PersonDataControls person={person} commands={commands} />
            )}
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

function MergeConfirm(props: { name: string; into: string; busy: boolean; onCancel(): void; onConfirm(): void }) {
  const { t } = useTranslation();
  const question = t('credentials.mergeConfirm', { name: props.name, into: props.into });
  return (
    <div className="confirm" role="alertdialog" aria-label={question}>
      <p>{question}</p>
      <div className="confirm-actions">
        <button type="button" className="button button-small" onClick={props.onCancel}>
          {t('cockpit.cancel')}
        </button>
        <button
          type="button"
          className="button button-small button-primary"
          data-testid="confirm-merge"
          disabled={props.busy}
          // biome-ignore lint/a11y/noAutofocus: the confirmation replaces the button that was just pressed; focus follows it.
          autoFocus
          onClick={props.onConfirm}
        >
          {t('credentials.mergeYes')}
        </button>
      </div>
    </div>
  );
}
