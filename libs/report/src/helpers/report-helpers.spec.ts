import Handlebars from 'handlebars';
import { DEFAULT_COMPLIANCE_RULES, RULE_VERSION } from '../../../domain/src';
import { activityDoc, memberDoc, orgDoc, present, viewOf } from '../../../projections/src/queries.spec-helper';
import { FigureRecorder } from '../compile/figure-recorder';
import { ReportFacts } from '../compile/report-facts';
import { parseReportText } from '../document/parse-report-text';
import type { Inline } from '../document/report-document';
import { reportHelpers } from './report-helpers';
import { TemplateError } from './template-error';

const view = viewOf({
  orgs: [orgDoc('b1', 'branch', null), orgDoc('g1', 'group', 'b1'), orgDoc('g2', 'group', 'b1')],
  members: [memberDoc('m1', [{ orgId: 'g1' }]), memberDoc('m2', [{ orgId: 'g1' }]), memberDoc('m3', [{ orgId: 'g2' }])],
  activities: [
    activityDoc({ id: 'pl1', orgId: 'b1', date: '2025-02-10', kinds: ['party-lecture'], qualifier: 'secretary', attendees: present('m1', 'm2', 'm3') }),
    activityDoc({ id: 'pl2', orgId: 'b1', date: '2025-05-10', kinds: ['party-lecture'], qualifier: 'invited', attendees: present('m1', 'm2') }),
    activityDoc({ id: 'ss1', orgId: 'b1', date: '2025-03-03', kinds: ['study-session'], hours: 2.5, headcount: 20 }),
    activityDoc({ id: 'ss2', orgId: 'b1', date: '2025-06-03', kinds: ['study-session'], hours: 1.5, headcount: 18 }),
    activityDoc({ id: 'rv1', orgId: 'b1', date: '2025-07-07', kinds: ['research-visit'], quantities: [{ amount: 3, unit: '篇', item: '调研报告' }] }),
    activityDoc({ id: 'gm1', orgId: 'g1', date: '2025-01-15', kinds: ['group-meeting'], attendees: present('m1') }),
    activityDoc({ id: 'gm2', orgId: 'b1', date: '2025-02-15', kinds: ['group-meeting'], groups: ['g1', 'g2'] }),
  ],
});

async function render(template: string, zeroOk: string[] = []) {
  const facts = await ReportFacts.load(view, { orgId: 'b1', year: 2025, today: '2026-01-10', rules: DEFAULT_COMPLIANCE_RULES, ruleVersion: RULE_VERSION });
  const recorder = new FigureRecorder(zeroOk);
  const hb = Handlebars.create();
  hb.registerHelper(reportHelpers({ template: 't', facts, recorder, orgId: 'b1', rollup: false }));
  const text = hb.compile(template, { noEscape: true })({});
  const doc = parseReportText(text);
  const inlines = doc.blocks.flatMap((b) => ('inlines' in b ? b.inlines : []));
  const shown = inlines.map((i: Inline) => (i.type === 'text' ? i.text : recorder.figures[i.figure].display)).join('');
  return { shown, figures: recorder.figures };
}

describe('report helpers', () => {
  it('count: total, by qualifier (id or Chinese name), by quarter, with the activities behind each', async () => {
    const { shown, figures } = await render('{{count "party-lecture"}}|{{count "party-lecture" qualifier="secretary"}}|{{count "party-lecture" qualifier="党校教师"}}|{{count "party-lecture" period="Q2"}}');
    expect(shown).toBe('2|1|1|1');
    expect(figures.map((f) => f.activityIds)).toEqual([['pl1', 'pl2'], ['pl1'], ['pl2'], ['pl2']]);
    expect(figures[3].period).toBe('2025-Q2');
  });

  it('attendance, participants, hours and quantity read their own measures', async () => {
    const { shown } = await render('{{attendance "party-lecture"}}|{{participants "party-lecture"}}|{{hours "study-session"}}|{{attendance "study-session"}}|{{quantity "research-visit" unit="篇"}}');
    expect(shown).toBe('5|3|4|38|3');
  });

  it('a branch includes its 党小组: a joint group meeting counts once per group', async () => {
    const { shown } = await render('{{count "group-meeting"}}');
    expect(shown).toBe('3');
  });

  it('missing is not zero: a blank names what is missing, unless the kind is confirmed zero', async () => {
    const missing = await render('{{count "seminar"}}|{{quantity "research-visit" unit="册"}}');
    expect(missing.shown).toBe('【待补：专题研讨次数】|【待补：调研数量（册）】');
    expect(missing.figures.map((f) => f.status)).toEqual(['missing', 'missing']);
    const confirmed = await render('{{count "seminar"}}', ['seminar']);
    expect(confirmed.shown).toBe('0');
    expect(confirmed.figures[0].status).toBe('zero-confirmed');
  });

  it('compliance gives should/did over the year; did with nothing behind it is a blank', async () => {
    const { shown, figures } = await render(
      '{{compliance "group-meeting" side="should"}}/{{compliance "group-meeting" side="did"}}|{{compliance "committee-meeting" side="should"}}/{{compliance "committee-meeting"}}',
    );
    expect(shown).toBe('24/3|12/【待补：支部委员会会议次数】');
    expect(figures[1]).toMatchObject({ source: 'compliance', side: 'did', activityIds: ['gm1', 'gm2'] });
  });

  it('cn writes a figure or a literal in Chinese numerals, keeping the figure traceable', async () => {
    const { shown, figures } = await render('{{cn (count "party-lecture")}}|{{cn 12}}|{{count "party-lecture" qualifier="secretary" cn=true}}|{{cn (count "seminar")}}');
    expect(shown).toBe('两|十二|一|【待补：专题研讨次数】');
    expect(figures.find((f) => f.display === '两')?.activityIds).toEqual(['pl1', 'pl2']);
  });

  it('has shows its block only when the ledger has such an activity', async () => {
    const { shown } = await render('{{#has "research-visit"}}有调研{{else}}无调研{{/has}}|{{#has "seminar"}}有研讨{{else}}无研讨{{/has}}');
    expect(shown).toBe('有调研|无研讨');
  });

  it('complianceNote states the shortfalls of periods already over', async () => {
    const { shown } = await render('{{complianceNote}}');
    expect(shown).toMatch(/^支部党员大会少4次、支部委员会会议少12次、党小组会少21次/);
  });

  it('refuses what a template cannot mean, naming it', async () => {
    await expect(render('{{count "nope"}}')).rejects.toThrow(TemplateError);
    await expect(render('{{count "party-lecture" qualifier="chairman"}}')).rejects.toThrow(/chairman/);
    await expect(render('{{quantity "research-visit"}}')).rejects.toThrow(/unit/);
    await expect(render('{{compliance "theme-day" side="maybe"}}')).rejects.toThrow(/side/);
    await expect(render('{{count "theme-day" period="2024-Q1"}}')).rejects.toMatchObject({ issues: [{ field: 'period' }] });
    await expect(render('{{count "theme-day" org="elsewhere"}}')).rejects.toMatchObject({ issues: [{ field: 'org' }] });
  });
});
