import { performance } from 'node:perf_hooks';
import { RebuildCommand } from '../../libs/application/src/commands/rebuild.command';
import { ProgressBar } from '../../apps/cli/src/printers/progress-bar';
import type { BenchApp } from './bench-app';
import { Figure, TARGETS } from './figures';
import { perSecond } from './percentile';

/** Figure 3: `taizhang rebuild` as the CLI runs it: the RebuildCommand, i.e. the projection runner's rebuild. */
export async function measureRebuild(app: BenchApp): Promise<Figure> {
  const bar = new ProgressBar('rebuild');
  const started = performance.now();
  const { events } = await app.commands.execute(new RebuildCommand((done, total) => bar.update(done, total)));
  const elapsed = performance.now() - started;
  bar.finish();
  return {
    id: 'rebuild',
    label: 'rebuild: RebuildCommand (projection runner)',
    value: perSecond(events, elapsed),
    unit: 'events/s',
    target: TARGETS.rebuild,
    detail: `${events} events folded into the rm_ tables in ${(elapsed / 1000).toFixed(2)} s`,
  };
}
