import type { GatherBody } from '@samle/shared';
import { type Credential, request } from '../api/http';

/** `POST /api/workshops/:id/catalog/gather`: the server reads the notes from the boards and adds one idea. */
export function gatherIntoIdea(
  workshopId: string,
  body: GatherBody,
  credential: Credential,
): Promise<{ ideaId: string; sources: number }> {
  return request(`/api/workshops/${encodeURIComponent(workshopId)}/catalog/gather`, {
    method: 'POST',
    body,
    credential,
  });
}
