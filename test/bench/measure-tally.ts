import { performance } from 'node:perf_hooks';
import { TallyQuery } from '../../libs/application/src/queries/tally.query';
import type { BenchApp } from './bench-app';
import { Figure, TARGETS } from './figures';
import { percentile } from './percentile';
import { pick, Random } from './synthetic-activity';
import type { SyntheticLedgerPlan } from './synthetic-ledger';

/**
 * Figure 4: `taizhang tally --org X --year Y` latency: the TallyQuery through the QueryBus, which
 * catches the read model up, checks the org and folds the year's activities. Random orgs and years;
 * the first tenth of the runs warm up and are not counted.
 */
export async function measureTally(app: BenchApp, plan: SyntheticLedgerPlan, random: Random, count: number): Promise<Figure[]> {
  const warmUp = Math.ceil(count / 10);
  const samples: number[] = [];
  let metrics = 0;
  for (let i = 0; i < warmUp + count; i++) {
    const query = new TallyQuery({ orgId: pick(random, plan.orgs).id, year: pick(random, plan.years) });
    const started = performance.now();
    const result = await app.queries.execute(query);
    const elapsed = performance.now() - started;
    if (i >= warmUp) {
      samples.push(elapsed);
      metrics += result.metrics.length;
    }
  }
  const detail = `${count} TallyQuery runs over ${plan.orgs.length} orgs × ${plan.years.length} years after ${warmUp} warm-up runs; mean ${(
    samples.reduce((a, b) => a + b, 0) / samples.length
  ).toFixed(3)} ms, ${(metrics / count).toFixed(1)} metrics per result, max ${Math.max(...samples).toFixed(2)} ms`;
  return [
    { id: 'tallyP50', label: 'tally latency p50: TallyQuery via QueryBus', value: percentile(samples, 50), unit: 'ms', detail },
    { id: 'tallyP99', label: 'tally latency p99', value: percentile(samples, 99), unit: 'ms', target: TARGETS.tallyP99, detail: 'same runs' },
  ];
}
