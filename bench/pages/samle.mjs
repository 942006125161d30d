// The API calls that give a participant a join code: a facilitator, a workshop from the municipal template, its
// first employee day opened.
import { callApi, signUpFacilitator } from '../browser/workshop.mjs';

/** A workshop whose first employee day is open; returns its join code. */
export async function openDayJoinCode(base) {
  const cookie = await signUpFacilitator(base);
  const workshop = await (
    await callApi(base, 'POST', '/api/workshops', { title: 'Sidevægt', template: 'municipal-process' }, cookie)
  ).json();
  // The template's second session is employee day 1 (the first is the leaders').
  const session = workshop.sessions[1];
  const opened = await (await callApi(base, 'POST', `/api/sessions/${session.id}/open`, {}, cookie)).json();
  if (!opened.joinCode) throw new Error('bench/pages: the opened session has no join code');
  return opened.joinCode;
}
