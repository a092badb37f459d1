import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Ledger } from '../ledger';
import { LEDGER } from '../tokens';

export class RebuildCommand extends Command<{ events: number }> {
  constructor(readonly onProgress?: (done: number, total: number) => void) {
    super();
  }
}

/** Drops the read models and replays the whole store through the same reducers. */
@CommandHandler(RebuildCommand)
export class RebuildHandler implements ICommandHandler<RebuildCommand> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  execute({ onProgress }: RebuildCommand): Promise<{ events: number }> {
    return this.ledger.rebuild(onProgress);
  }
}
