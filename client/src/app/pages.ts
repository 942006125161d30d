import { type ComponentType, createElement, lazy, useState } from 'react';
import { reloadForStaleChunk } from './staleChunk';

/** A page in a chunk of its own, with a way to start fetching that chunk before the page is shown. */
export type LazyPage<P> = ComponentType<P> & { preload: () => Promise<unknown> };

/**
 * React.lazy over a page's named export. `preload()` starts the download early (the join form does, as it
 * submits, for the board it leads to; main.tsx for the catalog); the page then renders from the same promise.
 * A page whose chunk has arrived renders at once: through `lazy` it would suspend for a moment all the same, and
 * React then holds the page back until 300 ms after the loading state showed.
 */
function lazyPage<P extends object, K extends string>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): LazyPage<P> {
  let loading: Promise<Record<K, ComponentType<P>>> | undefined;
  let loaded: ComponentType<P> | undefined;
  const preload = () => {
    // A chunk of a release that has since been replaced: reload once and keep showing "loading" meanwhile.
    loading ??= load().then(
      (module) => {
        loaded = module[name];
        return module;
      },
      (error: unknown) => {
        if (reloadForStaleChunk()) return new Promise<never>(() => {});
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  const Lazy = lazy<ComponentType<P>>(() => preload().then((module) => ({ default: module[name] })));
  // biome-ignore lint/correctness/noComponentHookFactories: lazyPage runs once per page at module load, as lazy() does.
  function Page(props: P) {
    // Chosen once per mount, so the page is never swapped (and remounted) when its chunk arrives.
    const [Ready] = useState(() => loaded);
    return Ready ? createElement(Ready, props) : createElement(Lazy, props);
  }
  return Object.assign(Page, { preload });
}

// Every page but the join page (a phone's way in), the accessibility statement and "not found" loads with its
// route: a participant's phone never fetches the canvas's drag-and-drop, Lexical, the leader pages or the catalog
// before it needs them.
export const StartPage = lazyPage(() => import('../start/StartPage'), 'StartPage');
export const BoardPage = lazyPage(() => import('../board/BoardPage'), 'BoardPage');
export const BigScreenPage = lazyPage(() => import('../bigscreen/BigScreenPage'), 'BigScreenPage');
export const WorkshopPage = lazyPage(() => import('../workshop/WorkshopPage'), 'WorkshopPage');
export const WorkshopToolPage = lazyPage(() => import('../workshop/WorkshopToolPage'), 'WorkshopToolPage');
export const JoinScreenPage = lazyPage(() => import('../workshop/JoinScreenPage'), 'JoinScreenPage');
export const PlanPage = lazyPage(() => import('../plan/PlanPage'), 'PlanPage');
export const SynthesisPage = lazyPage(() => import('../synthesis/SynthesisPage'), 'SynthesisPage');
export const LeadersPage = lazyPage(() => import('../leaders/LeadersPage'), 'LeadersPage');
export const SessionReportPage = lazyPage(() => import('../report/SessionReportPage'), 'SessionReportPage');
export const InvitePage = lazyPage(() => import('../join/InvitePage'), 'InvitePage');
export const AdminPage = lazyPage(() => import('../admin/AdminPage'), 'AdminPage');
export const AdminJoinPage = lazyPage(() => import('../admin/AdminLinkPages'), 'AdminJoinPage');
export const ResetPasswordPage = lazyPage(() => import('../admin/AdminLinkPages'), 'ResetPasswordPage');
