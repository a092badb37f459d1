import type { HelperOptions } from 'handlebars';
import { activityKindById, findQualifier, ORG_KIND_INFO, type ActivityKindInfo } from '../../../domain/src';
import type { ComplianceResult } from '../../../projections/src/queries';
import type { FigureRecorder } from '../compile/figure-recorder';
import type { ReportFacts } from '../compile/report-facts';
import { figureIndexOf, figureMarker } from '../document/figure-marker';
import type { ReportMeasure } from '../metrics/metric-key';
import { chineseNumeral } from './chinese-numerals';
import { complianceFigure, complianceResults, complianceTotals, tallyFigure } from '../compile/figure-values';
import { TemplateError } from './template-error';

/** What the helpers of one compilation share: the facts, the recorder and the report's own scope. */
export interface HelperScope {
  template: string;
  facts: ReportFacts;
  recorder: FigureRecorder;
  orgId: string;
  rollup: boolean;
}

type Helper = (...args: unknown[]) => unknown;

/**
 * The template helpers. Each figure helper reads one metric from the facts, records it (value or
 * blank, with the activity ids behind it) and leaves a marker the document parser resolves.
 */
export function reportHelpers(scope: HelperScope): Record<string, Helper> {
  const tallyHelper = (measure: ReportMeasure) =>
    function (this: unknown, ...args: unknown[]): string {
      const { kindArg, options } = splitArgs(args);
      const kind = kindOf(scope, kindArg);
      const hash = options.hash as Record<string, unknown>;
      const qualifier = qualifierOf(scope, kind, hash.qualifier);
      const unit = measure === 'quantity' ? requiredUnit(scope, kind, hash.unit) : null;
      const target = targetOf(scope, hash.org);
      const period = scope.facts.period(optionalString(hash.period));
      const metric = tallyFigure(scope.facts, { kind: kind.id, qualifier, measure, unit }, { org: target.orgId, rollup: target.rollup, period: period.id });
      const index = scope.recorder.record({
        source: 'tally',
        metric: { kind: kind.id, qualifier, measure, unit },
        rule: null,
        side: null,
        org: target.orgId,
        rollup: target.rollup,
        period: period.id,
        value: metric ? metric.value : null,
        activityIds: metric ? metric.activityIds : [],
      });
      return figureMarker(hash.cn === true ? scope.recorder.inChinese(index) : index);
    };

  return {
    count: tallyHelper('count'),
    attendance: tallyHelper('attendance'),
    participants: tallyHelper('participants'),
    hours: tallyHelper('hours'),
    quantity: tallyHelper('quantity'),

    compliance(...args: unknown[]): string {
      const { kindArg, options } = splitArgs(args);
      const kind = kindOf(scope, kindArg);
      const hash = options.hash as Record<string, unknown>;
      const qualifier = qualifierOf(scope, kind, hash.qualifier);
      const side = hash.side === 'should' ? 'should' : hash.side === 'did' || hash.side === undefined ? 'did' : null;
      if (side === null) throw new TemplateError(scope.template, `compliance 的 side 只能是 should 或 did`, `compliance side must be should or did`);
      const target = targetOf(scope, hash.org);
      const totals = complianceTotals(scope.facts, kind.id, qualifier, { org: target.orgId, rollup: target.rollup });
      const figure = complianceFigure(totals, side);
      const index = scope.recorder.record({
        source: 'compliance',
        metric: { kind: kind.id, qualifier, measure: totals?.coverage ? 'participants' : 'count', unit: null },
        rule: totals?.rules.join(',') ?? null,
        side,
        org: target.orgId,
        rollup: target.rollup,
        period: String(scope.facts.year),
        value: figure ? figure.value : null,
        activityIds: figure ? figure.activityIds : [],
      });
      return figureMarker(hash.cn === true ? scope.recorder.inChinese(index) : index);
    },

    complianceNote(...args: unknown[]): string {
      const { options } = splitArgs(args);
      const target = targetOf(scope, (options.hash as Record<string, unknown>).org);
      return complianceNote(complianceResults(scope.facts, { org: target.orgId, rollup: target.rollup }));
    },

    cn(value: unknown): string {
      const figure = figureIndexOf(value);
      if (figure !== undefined) return figureMarker(scope.recorder.inChinese(figure));
      const n = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(n)) throw new TemplateError(scope.template, `cn 需要一个数字`, `cn needs a number`);
      return chineseNumeral(n);
    },

    has(this: unknown, ...args: unknown[]): string {
      const { kindArg, options } = splitArgs(args);
      const kind = kindOf(scope, kindArg);
      const hash = options.hash as Record<string, unknown>;
      const qualifier = qualifierOf(scope, kind, hash.qualifier);
      const target = targetOf(scope, hash.org);
      const period = scope.facts.period(optionalString(hash.period));
      const found = scope.facts.tally(target.orgId, target.rollup, period).some((m) => m.kind === kind.id && m.qualifier === qualifier);
      return found ? options.fn(this) : options.inverse(this);
    },

    kindName(id: unknown): string {
      return typeof id === 'string' ? (activityKindById(id)?.name ?? id) : '';
    },

    orgKindName(kind: unknown): string {
      return typeof kind === 'string' && kind in ORG_KIND_INFO ? ORG_KIND_INFO[kind as keyof typeof ORG_KIND_INFO].name : '';
    },
  };
}

function splitArgs(args: unknown[]): { kindArg: unknown; options: HelperOptions } {
  const options = args[args.length - 1] as HelperOptions;
  return { kindArg: args.length > 1 ? args[0] : undefined, options };
}

function kindOf(scope: HelperScope, arg: unknown): ActivityKindInfo {
  const kind = typeof arg === 'string' ? activityKindById(arg) : undefined;
  if (!kind) throw new TemplateError(scope.template, `未知的活动类型“${String(arg)}”`, `unknown activity kind ${String(arg)}`);
  return kind;
}

function qualifierOf(scope: HelperScope, kind: ActivityKindInfo, arg: unknown): string | null {
  if (arg === undefined || arg === null || arg === '') return null;
  const q = typeof arg === 'string' ? findQualifier(kind, arg) : undefined;
  if (!q) throw new TemplateError(scope.template, `“${kind.name}”没有限定词“${String(arg)}”`, `kind ${kind.id} has no qualifier ${String(arg)}`);
  return q.id;
}

function requiredUnit(scope: HelperScope, kind: ActivityKindInfo, arg: unknown): string {
  if (typeof arg !== 'string' || arg === '') {
    throw new TemplateError(scope.template, `quantity “${kind.name}”需要 unit，例如 unit="篇"`, `quantity of ${kind.id} needs a unit`);
  }
  return arg;
}

/** `org=ID` names one org beneath the report's (with its 党小组); otherwise the report's own scope. */
function targetOf(scope: HelperScope, org: unknown): { orgId: string; rollup: boolean } {
  if (org === undefined || org === null || org === '') return { orgId: scope.orgId, rollup: scope.rollup };
  const id = String(org);
  scope.facts.org(id);
  return { orgId: id, rollup: false };
}

function optionalString(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

/** 全部达标, or the shortfalls of periods already ended (支委会少开2次、谈心谈话3人未覆盖). */
export function complianceNote(results: readonly ComplianceResult[]): string {
  const shortBy = new Map<string, number>();
  let uncovered = 0;
  for (const result of results) {
    for (const row of result.rules) {
      if (row.pending || row.did >= row.should) continue;
      const name = activityKindById(row.kind)?.name ?? row.kind;
      const label = row.qualifier ? `${findQualifier(activityKindById(row.kind)!, row.qualifier)?.name ?? row.qualifier}讲${name}` : name;
      shortBy.set(label, (shortBy.get(label) ?? 0) + (row.should - row.did));
    }
    for (const row of result.coverage) if (!row.pending && !row.ok) uncovered += row.should - row.did;
  }
  const parts = [...shortBy].map(([label, n]) => `${label}少${n}次`);
  if (uncovered > 0) parts.push(`谈心谈话${uncovered}人未覆盖`);
  return parts.length === 0 ? '全部达标' : parts.join('、');
}
