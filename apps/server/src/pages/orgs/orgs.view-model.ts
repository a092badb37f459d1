import { MEMBER_STATUSES, ORG_KINDS, ORG_KIND_INFO, type MemberDoc, type OrgDoc } from '../../../../../libs/domain/src';
import { FieldErrors, NO_ERRORS } from '../field-errors';
import { queryString } from '../form-values';
import { MEMBER_STATUS_LABELS } from '../labels';
import type { OrgOption } from '../page-orgs';

type Values = Record<string, string>;

/** A refused form of the page comes back with its values and messages; the others start empty. */
export interface OrgsForms {
  addOrg?: { values: Values; errors: FieldErrors };
  addMember?: { values: Values; errors: FieldErrors };
  transfer?: { values: Values; errors: FieldErrors };
}

export function orgsModel(input: {
  options: OrgOption[];
  org: OrgDoc | null;
  roster: readonly MemberDoc[];
  today: string;
  canAddOrg: boolean;
  canAddRoot: boolean;
  canWriteOrg: boolean;
  forms: OrgsForms;
}) {
  const { org } = input;
  const form = (f: { values: Values; errors: FieldErrors } | undefined) => ({ values: f?.values ?? {}, errors: f?.errors ?? NO_ERRORS });
  const addOrg = form(input.forms.addOrg);
  const addMember = form(input.forms.addMember);
  const transfer = form(input.forms.transfer);
  const selectedKind = addOrg.values.kind ?? '';
  const selectedParent = addOrg.values.parentId ?? org?.id ?? '';
  return {
    tree: input.options.map((o) => ({
      ...o,
      indent: o.depth,
      link: `/orgs${queryString({ org: o.id })}`,
      ledgerLink: `/ledger${queryString({ org: o.id })}`,
    })),
    empty: input.options.length === 0,
    org: org && {
      id: org.id,
      name: org.name,
      kindName: ORG_KIND_INFO[org.kind]?.name ?? org.kind,
      establishedOn: org.establishedOn,
      dissolvedOn: org.dissolvedOn,
      parentName: input.options.find((o) => o.id === org.parentId)?.name ?? org.parentId,
    },
    today: input.today,
    roster: input.roster.map((m) => ({
      id: m.id,
      name: m.name,
      status: MEMBER_STATUS_LABELS[m.status] ?? m.status,
      since: [...m.periods].reverse().find((p) => p.orgId === org?.id)?.from ?? '',
    })),
    rosterEmpty: input.roster.length === 0,
    canAddOrg: input.canAddOrg,
    canWriteOrg: input.canWriteOrg && org !== null && org.dissolvedOn === null,
    addOrg: {
      ...addOrg,
      kinds: ORG_KINDS.map((k) => ({ id: k, name: ORG_KIND_INFO[k].name, selected: k === selectedKind })),
      parents: [
        ...(input.canAddRoot ? [{ id: '', label: '（无上级：新的顶层组织）', selected: selectedParent === '' }] : []),
        ...input.options.filter((o) => !o.dissolved).map((o) => ({ id: o.id, label: o.label, selected: o.id === selectedParent })),
      ],
    },
    addMember: {
      ...addMember,
      statuses: MEMBER_STATUSES.map((s) => ({ id: s, name: MEMBER_STATUS_LABELS[s], selected: s === (addMember.values.status || 'full') })),
      since: addMember.values.since ?? input.today,
    },
    transfer: {
      ...transfer,
      members: input.roster.map((m) => ({ id: m.id, name: m.name, selected: m.id === transfer.values.memberId })),
      targets: input.options.filter((o) => !o.dissolved && o.id !== org?.id).map((o) => ({ id: o.id, label: o.label, selected: o.id === transfer.values.toOrgId })),
      on: transfer.values.on ?? input.today,
    },
  };
}
