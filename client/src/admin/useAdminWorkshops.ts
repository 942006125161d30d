import type { AdminWorkshop } from '@samle/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { listAdminWorkshops } from './adminApi';

export type AdminWorkshopsState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; workshops: AdminWorkshop[] };

/** The facilitator's workshops with their state; `reload` after a change. */
export function useAdminWorkshops(): { state: AdminWorkshopsState; reload: () => void } {
  const [state, setState] = useState<AdminWorkshopsState>({ status: 'loading' });
  // Answers arrive in order of asking; only the latest may set the state.
  const asked = useRef(0);
  const reload = useCallback(() => {
    const mine = ++asked.current;
    listAdminWorkshops().then(
      (list) => mine === asked.current && setState({ status: 'ready', workshops: list.workshops }),
      (error: unknown) => mine === asked.current && setState({ status: 'error', error }),
    );
  }, []);
  useEffect(() => reload(), [reload]);
  return { state, reload };
}
