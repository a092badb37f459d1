import type { SessionAccount } from './session-account';

export interface NavItem {
  label: string;
  href: string;
  active: boolean;
}

interface NavEntry {
  label: string;
  href: string;
  /** Whether this account may use the page at all (scope is checked again on the server). */
  shows(account: SessionAccount): boolean;
}

const NAV: readonly NavEntry[] = [
  { label: '台账', href: '/ledger', shows: () => true },
  { label: '登记活动', href: '/activities/new', shows: (a) => a.role !== 'auditor' },
  { label: '合规看板', href: '/compliance', shows: () => true },
  { label: '统计', href: '/tally', shows: () => true },
  { label: '述职报告', href: '/reports', shows: () => true },
  { label: '审计', href: '/audit', shows: () => true },
  { label: '组织与党员', href: '/orgs', shows: () => true },
  { label: '账号', href: '/accounts', shows: (a) => a.role === 'admin' },
];

/** The header's links for this account, the one for the current page marked active. */
export function navFor(account: SessionAccount, path: string): NavItem[] {
  return NAV.filter((e) => e.shows(account)).map((e) => ({
    label: e.label,
    href: e.href,
    active: path === e.href || path.startsWith(`${e.href}/`),
  }));
}
