/** Who is making a request: a signed-in user, an API key, or the system itself (CLI, migrations). */
export type Actor =
  | { type: 'user'; id: string; name: string; role: string; sessionId: string; csrfToken: string }
  | { type: 'api_key'; id: string; name: string; role: string; scopes: string[] | null }
  | { type: 'system'; id: null; name: string; role: 'admin' };

export const systemActor = (name = 'system'): Actor => ({ type: 'system', id: null, name, role: 'admin' });
