import Handlebars from 'handlebars';
import {
  activityKindById,
  complianceRulesOfVersion,
  COUNTING_VERSION,
  IssueList,
  ORG_KIND_INFO,
  orgStreamId,
  RULE_VERSION,
  type CivilDate,
  type OrgDoc,
} from '../../../domain/src';
import type { EventStore } from '../../../event-store/src/port';
import type { LedgerView } from '../../../projections/src/ledger-view';
import { parseReportText } from '../document/parse-report-text';
import { reportHelpers } from '../helpers/report-helpers';
import { TemplateError } from '../helpers/template-error';
import type { CompiledReport } from './compiled-report';
import { FigureRecorder } from './figure-recorder';
import { ReportFacts } from './report-facts';
import type { TemplateSource } from './template-source';

export interface CompileOptions {
  /** The ledger to read: the live read model, or an as-of replay. */
  view: LedgerView;
  /** Only to read the chain head of each org stream in scope (the report records them). */
  store: EventStore;
  orgId: string;
  year: number;
  template: TemplateSource;
  rollup: boolean;
  /** Kinds the user confirms did not happen: their blanks become 0. */
  zeroOk?: readonly string[];
  /** China date of compilation (or of the as-of instant): decides which rule periods are still open. */
  today: CivilDate;
  compiledAt: string;
  asOfInstant?: string | null;
  /** The compliance rules to count by (a re-verification passes the version recorded). */
  ruleVersion?: string;
}

/** Renders a template over one org's year: figures from the projections, text as blocks. */
export async function compileReport(options: CompileOptions): Promise<CompiledReport> {
  const ruleVersion = options.ruleVersion ?? RULE_VERSION;
  const zeroOk = [...new Set(options.zeroOk ?? [])];
  validate(options, ruleVersion, zeroOk);
  const rules = complianceRulesOfVersion(ruleVersion)!;

  const position = await options.view.position();
  const facts = await ReportFacts.load(options.view, { orgId: options.orgId, year: options.year, today: options.today, rules, ruleVersion });
  const rollup = options.rollup || options.template.alwaysRollup;
  const recorder = new FigureRecorder(zeroOk);
  const text = render(options.template, reportHelpers({ template: options.template.name, facts, recorder, orgId: options.orgId, rollup }), {
    org: orgInfo(facts.root),
    parent: facts.root.parentId ? await parentInfo(options.view, facts.root.parentId) : null,
    year: options.year,
    rollup,
    compiledDate: chineseDate(options.today),
    branches: facts.branches().map(orgInfo),
    groups: facts.groupsOf(facts.root.id).map(orgInfo),
  });

  return {
    reportId: null,
    template: { name: options.template.name, hash: options.template.hash },
    org: { id: facts.root.id, name: facts.root.name, kind: facts.root.kind },
    year: options.year,
    rollup,
    ruleVersion,
    countingVersion: COUNTING_VERSION,
    asOf: { position: position.toString(), instant: options.asOfInstant ?? null },
    streamHeads: await streamHeads(options.store, facts.subtree),
    compiledAt: options.compiledAt,
    zeroOk,
    figures: recorder.figures,
    missing: recorder.missing(),
    document: parseReportText(text),
  };
}

function validate(options: CompileOptions, ruleVersion: string, zeroOk: readonly string[]): void {
  const issues = new IssueList();
  if (!Number.isInteger(options.year) || options.year < 1921 || options.year > 2200) {
    issues.add('year', `年度须为四位年份，收到“${options.year}”`, `year must be a four-digit year, got ${options.year}`);
  }
  if (!complianceRulesOfVersion(ruleVersion)) {
    issues.add('ruleVersion', `未知的规则版本“${ruleVersion}”`, `unknown rule version ${ruleVersion}`);
  }
  for (const kind of zeroOk) {
    if (!activityKindById(kind)) issues.add('zeroOk', `未知的活动类型“${kind}”`, `unknown activity kind ${kind}`);
  }
  issues.throwIfAny();
}

function render(template: TemplateSource, helpers: ReturnType<typeof reportHelpers>, context: object): string {
  // An isolated environment per compilation: helpers close over this report's facts and recorder.
  const hb = Handlebars.create();
  hb.registerHelper(helpers);
  for (const [name, source] of Object.entries(template.partials)) hb.registerPartial(name, source);
  try {
    // Reports are text, not HTML: escaping would turn “&” in an org name into “&amp;”.
    return hb.compile(template.source, { noEscape: true })(context);
  } catch (error) {
    if (error instanceof TemplateError || !(error instanceof Error)) throw error;
    if ((error as { issues?: unknown }).issues) throw error;
    throw new TemplateError(template.name, `模板有误：${error.message}`, error.message);
  }
}

interface OrgInfo {
  id: string;
  name: string;
  kind: string;
  kindName: string;
}

function orgInfo(org: OrgDoc): OrgInfo {
  return { id: org.id, name: org.name, kind: org.kind, kindName: ORG_KIND_INFO[org.kind].name };
}

async function parentInfo(view: LedgerView, parentId: string): Promise<{ id: string; name: string } | null> {
  const parent = await view.getOrg(parentId);
  return parent ? { id: parent.id, name: parent.name } : null;
}

function chineseDate(date: CivilDate): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Version and hash of the last event of every org stream in scope, as the view saw them. */
async function streamHeads(store: EventStore, orgs: readonly OrgDoc[]): Promise<Record<string, { version: number; hash: string }>> {
  const heads: Record<string, { version: number; hash: string }> = {};
  for (const org of orgs) {
    if (org.streamVersion <= 0) continue;
    const stream = orgStreamId(org.id);
    const [last] = await store.readStream(stream, { fromVersion: org.streamVersion, maxCount: 1 });
    if (last) heads[stream] = { version: last.streamVersion, hash: last.hash };
  }
  return heads;
}
