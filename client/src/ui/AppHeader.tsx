import type { ReactNode } from 'react';
import { AccountMenu } from '../account/AccountMenu';
import { LanguageSwitch } from './LanguageSwitch';
import { Wordmark } from './Wordmark';

/** The top bar of every page: wordmark left, page content in the middle, tools and language right. */
export function AppHeader({ center, end }: { center?: ReactNode; end?: ReactNode }) {
  return (
    <header className="app-header">
      <div className="app-header-start">
        <Wordmark />
        {center}
      </div>
      <div className="app-header-end">
        {end}
        <AccountMenu />
        <LanguageSwitch />
      </div>
    </header>
  );
}
