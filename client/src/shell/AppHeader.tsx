import type { ReactNode } from 'react';
import { AccountMenu } from '../account/AccountMenu';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Wordmark } from '../ui/Wordmark';

/**
 * The top bar of every page: wordmark left, page content in the middle, tools and language right.
 * `nameShown`: the page already shows the person's name (the board's presence name), so the
 * account menu shows only "Sign out".
 */
export function AppHeader({
  center,
  end,
  nameShown = false,
}: {
  center?: ReactNode;
  end?: ReactNode;
  nameShown?: boolean;
}) {
  return (
    <header className="app-header">
      <div className="app-header-start">
        <Wordmark />
        {center}
      </div>
      <div className="app-header-end">
        {end}
        <AccountMenu showName={!nameShown} />
        <LanguageSwitch />
      </div>
    </header>
  );
}
