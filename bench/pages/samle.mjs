// The API calls that give a participant a join code: a facilitator, a workshop from the municipal template, its
// first employee day opened.

async function call(base, method, pathname, body, cookie) {
  const response = await fetch(`${base}${pathname}`, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(cookie ? { cookie, 'x-samle-csrf': '1' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!response.ok) throw new Error(`${method} ${pathname} answered ${response.status}: ${await response.text()}`);
  return response;
}

/** A workshop whose first employee day is open; returns its join code. */
export async function openDayJoinCode(base) {
  const signUp = await call(base, 'POST', '/api/auth/signup', {
    name: 'Bench Facilitator',
    email: 'bench@example.dk',
    password: 'benchmark password',
  });
  const cookie = (signUp.headers.get('set-cookie') ?? '').split(';')[0];
  const workshop = await (
    await call(base, 'POST', '/api/workshops', { title: 'Sidevægt', template: 'municipal-process' }, cookie)
  ).json();
  // The template's second session is employee day 1 (the first is the leaders').
  const session = workshop.sessions[1];
  const opened = await (await call(base, 'POST', `/api/sessions/${session.id}/open`, {}, cookie)).json();
  if (!opened.joinCode) throw new Error('bench/pages: the opened session has no join code');
  return opened.joinCode;
}
