import type { Response } from 'express';
import type { SessionAccount } from '../auth/session-account';
import { ROLE_LABELS } from './labels';

/** What every page view gets besides its own model (the layout reads `title`). */
export interface PageFrame {
  title: string;
  /** Which nav entry is current (ledger, new-activity, compliance, tally, reports, audit, orgs, accounts). */
  activePage: string;
  /** The layout's header shows it next to the user name (`account` itself comes from the auth guard's locals). */
  roleName: string;
  me: { username: string; role: string; orgId: string | null };
  csrfToken: string;
  canWrite: boolean;
  isAdmin: boolean;
}

export function pageFrame(title: string, activePage: string, account: SessionAccount, csrfToken: string): PageFrame {
  return {
    title,
    activePage,
    roleName: ROLE_LABELS[account.role] ?? account.role,
    me: { username: account.username, role: account.role, orgId: account.orgId },
    csrfToken,
    canWrite: account.role !== 'auditor',
    isAdmin: account.role === 'admin',
  };
}

/** Renders `views/pages/<view>.hbs` inside the layout (`flash` in the model shows in the layout's message slot). */
export function renderPage(res: Response, view: string, frame: PageFrame, model: object, status = 200): void {
  res.status(status).render(`pages/${view}`, { ...frame, ...model });
}

/** After a successful form post: the browser fetches the result with GET (no resubmit on reload). */
export function redirectAfterPost(res: Response, url: string): void {
  res.redirect(303, url);
}

/**
 * A form's GET button (载入名单) also sends the hidden `_csrf` field: take it out of the address
 * bar (and so out of history and bookmarks) with one redirect. Returns true when it redirected.
 */
export function dropCsrfFromUrl(res: Response, originalUrl: string): boolean {
  const url = new URL(originalUrl, 'http://page.invalid');
  if (!url.searchParams.has('_csrf')) return false;
  url.searchParams.delete('_csrf');
  res.redirect(303, `${url.pathname}${url.search}`);
  return true;
}
