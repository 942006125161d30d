import { NAME_MAX } from '@samle/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browserKeyIn } from '../api/browserKey';
import { apiErrorMessage } from '../api/errorMessage';
import { browserStorageOnce, grants } from '../api/grants';
import { joinByCode, lookupJoinCode } from '../api/workshopApi';
import { identityStore } from '../presence/identity';
import { rememberLanding } from '../room/roomMemory';
import { navigate } from '../routing/navigation';
import { codeFromSearch } from '../routing/routes';
import { AppHeader } from '../shell/AppHeader';
import { AppFooter } from '../ui/AppFooter';
import { Field } from '../ui/Field';
import { JOIN_CODE_LENGTH, type JoinProblem, landingPath, normaliseJoinCode, validateJoin } from './joinForm';

/**
 * `/join?code=ABC123`: code + name (+ department) → a grant → straight to the board. Built for a phone.
 * `preloadBoard` starts fetching the board's code as the form is sent, so it arrives with the grant.
 */
export function JoinPage({ preloadBoard }: { preloadBoard?: () => unknown } = {}) {
  const { t } = useTranslation();
  const [code, setCode] = useState(() => normaliseJoinCode(codeFromSearch(window.location.search)));
  const [name, setName] = useState(() => identityStore.getSnapshot().name ?? '');
  const [department, setDepartment] = useState('');
  const [problems, setProblems] = useState<JoinProblem[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const target = useJoinTarget(code);
  const prefilled = codeFromSearch(window.location.search) !== '';

  const problem = (which: JoinProblem) =>
    problems.includes(which) ? t(`join.problems.${which}`, { max: NAME_MAX }) : undefined;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateJoin({ code, name });
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    setError(undefined);
    preloadBoard?.();
    try {
      const grant = await joinByCode({
        code: normaliseJoinCode(code),
        name: name.trim(),
        ...(department.trim() ? { department: department.trim() } : {}),
        browserKey: browserKeyIn(browserStorageOnce()),
      });
      grants().save(grant);
      identityStore.setName(grant.person.name);
      rememberLanding(grant.workshopId, landingPath(grant));
      navigate(landingPath(grant));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <AppHeader />
      <main id="main" className="join-page">
        <form className="card join-card" onSubmit={onSubmit} noValidate aria-busy={busy}>
          <h1 className="join-title">{t('join.title')}</h1>
          {target ? (
            <p className="join-target" data-testid="join-target">
              {t('join.joiningWorkshop', { session: target.sessionTitle, workshop: target.workshopTitle })}
            </p>
          ) : (
            <p className="muted">{t('join.intro')}</p>
          )}
          <Field
            label={t('join.codeLabel')}
            testId="join-code-input"
            className="field-large"
            value={code}
            placeholder="ABC123"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            inputMode="text"
            enterKeyHint="next"
            // Autofocus on purpose: the page exists to type this code; a phone user should not have to tap first.
            autoFocus={!prefilled}
            error={problem('codeRequired') ?? problem('codeShort')}
            onChange={(e) => setCode(normaliseJoinCode(e.target.value))}
          />
          <Field
            label={t('join.nameLabel')}
            testId="join-name-input"
            className="field-large"
            value={name}
            placeholder={t('join.namePlaceholder')}
            autoComplete="nickname"
            maxLength={NAME_MAX}
            enterKeyHint="go"
            // Autofocus on purpose: with the code already filled in from the QR link, the name is the only thing left.
            autoFocus={prefilled}
            error={problem('nameRequired') ?? problem('nameTooLong')}
            onChange={(e) => setName(e.target.value)}
          />
          <Field
            label={t('join.departmentLabel')}
            testId="join-department-input"
            className="field-large"
            value={department}
            placeholder={t('join.departmentPlaceholder')}
            autoComplete="organization-title"
            maxLength={NAME_MAX}
            enterKeyHint="go"
            onChange={(e) => setDepartment(e.target.value)}
          />
          {error !== undefined && (
            <p className="field-error" role="alert" data-testid="join-error">
              {apiErrorMessage(t, error)}
            </p>
          )}
          <button
            className="button button-primary button-large button-wide"
            type="submit"
            data-testid="join-submit"
            disabled={busy}
          >
            {busy ? t('join.joining') : t('join.submit')}
          </button>
        </form>
      </main>
      <AppFooter />
    </div>
  );
}

/** Which workshop and session a complete code opens, shown above the form; nothing while incomplete or unknown. */
function useJoinTarget(code: string): { workshopTitle: string; sessionTitle: string } | undefined {
  const [target, setTarget] = useState<{ code: string; workshopTitle: string; sessionTitle: string }>();
  useEffect(() => {
    if (code.length !== JOIN_CODE_LENGTH) return;
    const abort = new AbortController();
    lookupJoinCode(code, abort.signal).then(
      (found) => setTarget({ code, ...found }),
      (error: unknown) => {
        // An unknown code is reported when the person presses "Join"; the preview just stays empty.
        if (!abort.signal.aborted) console.info('Join code preview unavailable', error);
      },
    );
    return () => abort.abort();
  }, [code]);
  return target?.code === code ? target : undefined;
}
