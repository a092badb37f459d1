import {
  ACTIVITY_LOGGED,
  decideLogActivity,
  DomainEvent,
  LogActivityInput,
  MemberDoc,
  OrgDoc,
  ValidationError,
} from '../../../domain/src';
import type { CivilDate } from '../../../domain/src';
import {
  ImportColumnKey,
  importColumnHeader,
  ImportNotice,
  ImportProblem,
  ImportRow,
  kindIdsOf,
  matchNameCell,
  ParsedImport,
  RowRef,
  SheetColumns,
} from '../../../ledger-io/src/import';
import type { Ledger } from '../ledger';
import { importedActivityId } from './imported-activity-id';
import { ImportScope, loadImportScope, matchOrg, OrgMatch } from './import-scope';

export interface PlanImportOptions {
  /** The importing org: rows go to it, or to the org under it their 组织 cell names. */
  orgId: string;
  /** China civil date of the import (no activity may lie after it). */
  today: CivilDate;
}

/** A valid row, decided: the ActivityLogged event it appends. */
export interface PlannedActivity {
  ref: RowRef;
  activityId: string;
  orgId: string;
  event: DomainEvent;
}

/** What an import would do, row by row; nothing is written until `runImport`. */
export interface ImportPlan {
  source: ParsedImport;
  options: PlanImportOptions;
  /** The view position the plan was made at: a run re-plans if the ledger moved since. */
  position: bigint;
  /** Stream version of each org the plan appends to, as its facts were read. */
  streamVersions: ReadonlyMap<string, number>;
  /** Data rows read from the file. */
  rows: number;
  ready: PlannedActivity[];
  /** Rows whose activity is already in the ledger (an earlier import of the same rows). */
  already: RowRef[];
  /** Rows with at least one problem (none of them is imported). */
  problemRows: number;
  /** File, sheet and row problems, in file order. */
  problems: ImportProblem[];
  notices: ImportNotice[];
}

/** Which column a decider's issue field is about, for pointing at the cell. */
function columnOfField(field: string, row: ImportRow): ImportColumnKey | null {
  switch (field) {
    case 'orgId':
      return 'org';
    case 'activityId':
      return 'id';
    case 'headcount':
      return row.values.headcountColumn ?? 'present';
    case 'quantity':
    case 'unit':
    case 'item':
      return 'quantities';
    case 'date':
    case 'kinds':
    case 'qualifier':
    case 'title':
    case 'place':
    case 'host':
    case 'speaker':
    case 'attendees':
    case 'leave':
    case 'absent':
    case 'observers':
    case 'hours':
    case 'groups':
    case 'note':
      return field;
    default:
      return null;
  }
}

class RowProblems {
  readonly list: ImportProblem[];
  private readonly columns = new Set<string | null>();

  constructor(
    private readonly row: ImportRow,
    private readonly sheet: SheetColumns | undefined,
  ) {
    this.list = [...row.problems];
    for (const p of row.problems) this.columns.add(p.column);
  }

  private columnFor(key: ImportColumnKey | null): { column: string | null; letter: string | null } {
    if (key === null) return { column: null, letter: null };
    const info = this.sheet?.byKey.get(key);
    return { column: info?.header ?? importColumnHeader(key), letter: info?.letter ?? null };
  }

  add(key: ImportColumnKey | null, field: string | null, message: string, messageEn: string): void {
    const { column, letter } = this.columnFor(key);
    this.columns.add(column);
    this.list.push({ sheet: this.row.ref.sheet, row: this.row.ref.row, column, columnLetter: letter, field, message, messageEn });
  }

  /** A decider's issue, unless the cell it is about was already reported (it would say the same twice). */
  addIssue(field: string, message: string, messageEn: string): void {
    let key = columnOfField(field, this.row);
    // A qualifier written in brackets in the kinds cell (党课（支部书记）) is that cell's problem.
    if (key === 'qualifier' && !this.sheet?.byKey.has('qualifier')) key = 'kinds';
    if (this.columns.has(this.columnFor(key).column) && key !== null) return;
    this.add(key, field, message, messageEn);
  }

  get empty(): boolean {
    return this.list.length === 0;
  }
}

interface Candidate {
  row: ImportRow;
  problems: RowProblems;
  org: OrgDoc;
  input: LogActivityInput;
  members: Record<string, MemberDoc | undefined>;
  activityId: string | null;
  explicitId: boolean;
  /** The 组织 cell named no org of the scope: nothing else can be checked for this row. */
  orgUnknown: boolean;
}

const sortedIds = (ids: readonly string[]) => [...ids].sort();

/** Everything a row says, in a fixed order: what its id is a hash of. */
function contentOf(org: OrgDoc, input: LogActivityInput, kindWords: readonly string[]): string {
  const list = (v: LogActivityInput['attendees']) => (Array.isArray(v) ? sortedIds(v) : []);
  return JSON.stringify([
    org.id,
    input.date,
    kindIdsOf(kindWords),
    input.qualifier ?? null,
    input.title ?? null,
    input.place ?? null,
    input.host ?? null,
    input.speaker ?? null,
    list(input.attendees),
    list(input.leave),
    list(input.absent),
    list(input.observers),
    input.headcount ?? null,
    input.hours ?? null,
    input.quantity ?? null,
    input.unit ?? null,
    input.item ?? null,
    list(input.groups),
    input.note ?? null,
  ]);
}

const rosters = new WeakMap<OrgDoc, ReadonlySet<string>>();

/** The org and its 党小组, whose members on the day may attend (as the decider counts them). */
function rosterOf(scope: ImportScope, org: OrgDoc): ReadonlySet<string> {
  let ids = rosters.get(org);
  if (ids === undefined) {
    const groups = (scope.children.get(org.id) ?? []).filter((c) => c.kind === 'group');
    rosters.set(org, (ids = new Set([org.id, ...groups.map((g) => g.id)])));
  }
  return ids;
}

/** Resolves a row's org and people; the problems found so far stay with it. */
function candidateOf(row: ImportRow, sheet: SheetColumns | undefined, scope: ImportScope, orgOf: (text: string | null) => OrgMatch): Candidate {
  const problems = new RowProblems(row, sheet);
  const v = row.values;
  const org = orgOf(v.org);
  if (!org.ok) {
    problems.add('org', 'orgId', org.message, org.messageEn);
    return { row, problems, org: scope.root, input: { orgId: scope.root.id, date: v.date, kinds: v.kindWords }, members: {}, activityId: null, explicitId: false, orgUnknown: true };
  }
  const rosterOrgIds = rosterOf(scope, org.org);
  const members: Record<string, MemberDoc | undefined> = {};
  const idsOf = (key: 'attendees' | 'leave' | 'absent' | 'observers', names: readonly string[]): string[] => {
    if (names.length === 0 || v.date === null) return [];
    const match = matchNameCell(scope.roster, names, { rosterOrgIds, date: v.date, anyOrg: key === 'observers', orgName: org.org.name });
    for (const issue of match.issues) problems.add(key, key, issue.message, issue.messageEn);
    for (const id of match.memberIds) members[id] = scope.roster.byId.get(id);
    return match.memberIds;
  };
  const input: LogActivityInput = {
    orgId: org.org.id,
    date: v.date,
    kinds: v.kindWords,
    qualifier: v.qualifier,
    title: v.title,
    place: v.place,
    host: v.host,
    speaker: v.speaker,
    attendees: idsOf('attendees', v.attendees),
    leave: idsOf('leave', v.leave),
    absent: idsOf('absent', v.absent),
    observers: idsOf('observers', v.observers),
    headcount: v.headcount,
    hours: v.hours,
    quantity: v.quantity?.amount ?? null,
    unit: v.quantity?.unit ?? null,
    item: v.quantity?.item ?? null,
    groups: v.groups,
    note: v.note,
  };
  return { row, problems, org: org.org, input, members, activityId: v.id, explicitId: v.id !== null, orgUnknown: false };
}

/**
 * Validates every row against the ledger as it stands — the same decider a logged activity goes
 * through, fed from one read of the view instead of a query per row — and lists the events a run
 * would append, the rows already imported, and every problem with its sheet, row and column.
 */
export async function planImport(ledger: Ledger, source: ParsedImport, options: PlanImportOptions): Promise<ImportPlan> {
  await ledger.catchUp();
  const position = await ledger.view.position();
  const scope = await loadImportScope(ledger.view, options.orgId);
  const sheets = new Map(source.sheets.map((s) => [s.sheet, s]));
  const orgMemo = new Map<string | null, OrgMatch>();
  const orgOf = (text: string | null): OrgMatch => {
    let m = orgMemo.get(text);
    if (m === undefined) orgMemo.set(text, (m = matchOrg(scope, text)));
    return m;
  };

  // Pass 1: org, people and the row's id.
  const candidates: Candidate[] = [];
  const occurrences = new Map<string, number>();
  let minDate: string | null = null;
  let maxDate: string | null = null;
  for (const row of source.rows) {
    const c = candidateOf(row, sheets.get(row.ref.sheet), scope, orgOf);
    candidates.push(c);
    if (!c.problems.empty || c.explicitId || typeof c.input.date !== 'string') continue;
    const content = contentOf(c.org, c.input, row.values.kindWords);
    const n = occurrences.get(content) ?? 0;
    occurrences.set(content, n + 1);
    c.activityId = importedActivityId(c.input.date, content, n);
    if (minDate === null || c.input.date < minDate) minDate = c.input.date;
    if (maxDate === null || c.input.date > maxDate) maxDate = c.input.date;
  }

  // What is already stored, read in one query over the file's dates (explicit ids one by one).
  const orgIds = [...new Set(candidates.map((c) => c.org.id))];
  const existing = new Map<string, string>();
  if (minDate !== null && maxDate !== null && orgIds.length > 0) {
    for (const a of await ledger.view.listActivities(orgIds, minDate, maxDate, { includeVoided: true })) existing.set(a.id, a.orgId);
  }
  for (const c of candidates) {
    if (c.explicitId && c.activityId !== null && !existing.has(c.activityId)) {
      const found = await ledger.view.getActivity(c.activityId);
      if (found) existing.set(found.id, found.orgId);
    }
  }

  // Pass 2: decide.
  const ready: PlannedActivity[] = [];
  const already: RowRef[] = [];
  const problems: ImportProblem[] = [...source.problems];
  const streamVersions = new Map<string, number>();
  const plannedIds = new Map<string, RowRef>();
  let problemRows = 0;
  for (const c of candidates) {
    const id = c.activityId;
    if (id !== null && c.problems.empty) {
      const storedIn = existing.get(id);
      if (storedIn !== undefined) {
        if (storedIn === c.org.id) {
          already.push(c.row.ref);
          continue;
        }
        c.problems.add('id', 'activityId', `活动编号 ${id} 已被组织 ${storedIn} 的活动使用`, `activity id ${id} belongs to org ${storedIn}`);
      }
      // Hashed ids differ by construction; an id written in the file may repeat.
      const earlier = c.explicitId ? plannedIds.get(id) : undefined;
      if (earlier) c.problems.add('id', 'activityId', `活动编号 ${id} 与第 ${earlier.row} 行重复`, `activity id ${id} repeats row ${earlier.row}`);
    }
    if (c.orgUnknown) {
      problemRows += 1;
      for (const p of c.problems.list) problems.push(p);
      continue;
    }
    const facts = {
      today: options.today,
      org: c.org,
      childGroups: scope.children.get(c.org.id) ?? [],
      members: c.members,
    };
    try {
      c.input.activityId = id ?? 'import-row';
      const decision = decideLogActivity(c.input, facts);
      if (c.problems.empty && id !== null) {
        const [event] = decision.events;
        if (event?.type === ACTIVITY_LOGGED) {
          ready.push({ ref: c.row.ref, activityId: id, orgId: c.org.id, event });
          if (c.explicitId) plannedIds.set(id, c.row.ref);
          if (!streamVersions.has(c.org.id)) streamVersions.set(c.org.id, c.org.streamVersion);
          continue;
        }
      }
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      for (const issue of error.issues) c.problems.addIssue(issue.field, issue.message, issue.messageEn);
    }
    if (!c.problems.empty) {
      problemRows += 1;
      for (const p of c.problems.list) problems.push(p);
    }
  }
  return {
    source,
    options,
    position,
    streamVersions,
    rows: source.rows.length,
    ready,
    already,
    problemRows,
    problems,
    notices: source.notices,
  };
}
