import { ACTIVITY_KINDS, ATTENDANCE_STATUSES, type MemberDoc, type OrgDoc } from '../../../../../libs/domain/src';
import type { FieldErrors } from '../field-errors';
import { ATTENDANCE_LABELS, MEMBER_STATUS_LABELS } from '../labels';
import type { OrgOption } from '../page-orgs';
import type { ActivityFormValues } from './activity-form-values';

export interface CheckOption {
  id: string;
  name: string;
  checked: boolean;
}

export interface RosterRow {
  id: string;
  name: string;
  /** 正式党员 / 预备党员, or why the person is listed although not on the roster. */
  note: string;
  inputName: string;
  choices: { value: string; label: string; checked: boolean; domId: string }[];
}

export interface ActivityFormModel {
  /** POST target, and the GET target of 载入名单 (same fields, roster re-read for the date). */
  action: string;
  reloadAction: string;
  /** The new-activity form lets the secretary pick the org; a correction keeps it. */
  orgOptions: OrgOption[] | null;
  org: { id: string; name: string };
  values: ActivityFormValues;
  kindOptions: CheckOption[];
  qualifierGroups: { label: string; options: { id: string; name: string; selected: boolean }[] }[];
  roster: RosterRow[];
  rosterDate: string | null;
  groupOptions: CheckOption[];
  showReason: boolean;
  submitLabel: string;
  errors: FieldErrors;
}

export interface ActivityFormSource {
  action: string;
  reloadAction: string;
  orgOptions: OrgOption[] | null;
  org: OrgDoc;
  /** The org's 党小组 (live ones are offered; those already on the record stay shown). */
  groups: readonly OrgDoc[];
  /** Members of the org and its 党小组 on the form's date; null when the date is not valid. */
  roster: readonly MemberDoc[] | null;
  /** Anyone else the values mention (a stored record's observers from other orgs), for names. */
  known: ReadonlyMap<string, MemberDoc>;
  values: ActivityFormValues;
  showReason: boolean;
  submitLabel: string;
  errors: FieldErrors;
}

const UNRECORDED = '';

/** The form as the view draws it: every choice already marked checked/selected. */
export function activityFormModel(src: ActivityFormSource): ActivityFormModel {
  const values = { ...src.values, statuses: { ...src.values.statuses } };
  const rosterIds = new Set((src.roster ?? []).map((m) => m.id));
  // Observers from elsewhere are typed, not picked: move them to the free-text box so nothing is lost.
  const extra = Object.entries(values.statuses).filter(([id, s]) => s === 'observer' && !rosterIds.has(id));
  if (extra.length > 0) {
    values.observersExtra = [values.observersExtra, ...extra.map(([id]) => id)].filter((t) => t !== '').join('，');
    for (const [id] of extra) delete values.statuses[id];
  }
  const rows: RosterRow[] = (src.roster ?? []).map((m) => rosterRow(m.id, m.name, MEMBER_STATUS_LABELS[m.status] ?? m.status, values));
  for (const [id, status] of Object.entries(values.statuses)) {
    if (status === '' || rosterIds.has(id)) continue;
    const known = src.known.get(id);
    rows.push(rosterRow(id, known?.name ?? id, src.roster === null ? '' : '不在当日名册中', values));
  }

  return {
    action: src.action,
    reloadAction: src.reloadAction,
    orgOptions: src.orgOptions,
    org: { id: src.org.id, name: src.org.name },
    values,
    kindOptions: ACTIVITY_KINDS.filter((k) => k.orgKinds.includes(src.org.kind) || values.kinds.includes(k.id)).map((k) => ({
      id: k.id,
      name: k.name,
      checked: values.kinds.includes(k.id) || values.kinds.includes(k.name),
    })),
    qualifierGroups: ACTIVITY_KINDS.filter((k) => k.qualifiers !== undefined && k.orgKinds.includes(src.org.kind)).map((k) => ({
      label: `${k.name} · ${k.qualifierLabel ?? '类别'}`,
      options: (k.qualifiers ?? []).map((q) => ({ id: q.id, name: q.name, selected: values.qualifier === q.id || values.qualifier === q.name })),
    })),
    roster: rows,
    rosterDate: src.roster === null ? null : values.date,
    groupOptions: src.groups
      .filter((g) => g.dissolvedOn === null || values.groups.includes(g.id))
      .map((g) => ({ id: g.id, name: g.name, checked: values.groups.includes(g.id) || values.groups.includes(g.name) })),
    showReason: src.showReason,
    submitLabel: src.submitLabel,
    errors: src.errors,
  };
}

function rosterRow(id: string, name: string, note: string, values: ActivityFormValues): RosterRow {
  const current = values.statuses[id] ?? UNRECORDED;
  const choices = [...ATTENDANCE_STATUSES, UNRECORDED].map((value) => ({
    value,
    label: value === UNRECORDED ? '未记' : ATTENDANCE_LABELS[value],
    checked: current === value,
    domId: `status-${id}-${value || 'none'}`,
  }));
  return { id, name, note, inputName: `status_${id}`, choices };
}

/** 全部出席: everyone on the roster not yet marked becomes present (a GET, no script needed). */
export function markUnrecordedPresent(values: ActivityFormValues, roster: readonly MemberDoc[]): ActivityFormValues {
  const statuses = { ...values.statuses };
  for (const m of roster) if (!statuses[m.id]) statuses[m.id] = 'present';
  return { ...values, statuses };
}
