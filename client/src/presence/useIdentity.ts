import { useSyncExternalStore } from 'react';
import { type Identity, identityStore } from './identity';

export function useIdentity(): Identity {
  return useSyncExternalStore(identityStore.subscribe, identityStore.getSnapshot);
}
