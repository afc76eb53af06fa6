import { EVENT_CODE_PATTERN, SECRET } from '../../../src/shared/ids.js';

export type Route =
  | { page: 'home' }
  | { page: 'start' }
  | { page: 'privacy' }
  | { page: 'accessibility' }
  | { page: 'easy' }
  | { page: 'claim'; code: string }
  | { page: 'registrations'; code: string }
  | { page: 'badges'; code: string }
  | { page: 'guide' }
  | { page: 'join'; code: string }
  | { page: 'moderator'; code: string }
  | { page: 'print'; code: string }
  | { page: 'cards'; code: string }
  | { page: 'screen'; code: string }
  | { page: 'not-found' };

const CODE = `(${EVENT_CODE_PATTERN})`;

/** The page for a path; the server sends index.html for every one of these. */
export function routeOf(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { page: 'home' };
  if (path === '/new') return { page: 'start' };
  if (path === '/privacy') return { page: 'privacy' };
  if (path === '/accessibility') return { page: 'accessibility' };
  if (path === '/leichte-sprache') return { page: 'easy' };
  if (path === '/guide') return { page: 'guide' };
  const match = (pattern: string) => new RegExp(`^${pattern}$`).exec(path)?.[1];
  let code = match(`/j/${CODE}`);
  if (code) return { page: 'join', code };
  code = match(`/c/${CODE}`);
  if (code) return { page: 'claim', code };
  code = match(`/m/${CODE}/import`);
  if (code) return { page: 'registrations', code };
  code = match(`/m/${CODE}/badges`);
  if (code) return { page: 'badges', code };
  code = match(`/m/${CODE}/print`);
  if (code) return { page: 'print', code };
  code = match(`/m/${CODE}/cards`);
  if (code) return { page: 'cards', code };
  code = match(`/m/${CODE}`);
  if (code) return { page: 'moderator', code };
  code = match(`/s/${CODE}`);
  if (code) return { page: 'screen', code };
  return { page: 'not-found' };
}

/** The secret in the link's fragment, which browsers never send to the server. */
export function secretFromHash(): string | null {
  const secret = decodeURIComponent(location.hash.replace(/^#/, ''));
  return SECRET.test(secret) ? secret : null;
}

/** The event a person came from (`?event=code`), so a page's back link can return there. */
export function eventFromQuery(): string | null {
  const code = new URLSearchParams(location.search).get('event');
  return code && /^[a-z0-9]{4,16}$/.test(code) ? code : null;
}
