import { Controller, Get, Inject } from '@nestjs/common';
import type { Ledger } from '../../../libs/application/src/ledger';
import { LEDGER } from '../../../libs/application/src/tokens';
import { Public } from './auth/public.decorator';

/** Liveness and readiness: the store answers and the read models say how far they are. */
@Public()
@Controller()
export class HealthController {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  @Get('healthz')
  async health(): Promise<{ ok: true; position: string; readModelPosition: string }> {
    const [head, read] = await Promise.all([this.ledger.store.headPosition(), this.ledger.view.position()]);
    return { ok: true, position: head.toString(), readModelPosition: read.toString() };
  }
}
