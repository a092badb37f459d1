import { Inject, Injectable } from '@nestjs/common';
import { requireYear } from '../../../../libs/application/src/queries/query-inputs';
import { Clock, CLOCK } from '../../../../libs/application/src/tokens';
import { chinaDateOf, type CivilDate } from '../../../../libs/domain/src';

export interface YearOption {
  year: number;
  selected: boolean;
}

/** Today and this year in China time, from the ledger's clock (tests fix it). */
@Injectable()
export class PageClock {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  today(): CivilDate {
    return chinaDateOf(this.clock.now());
  }

  thisYear(): number {
    return Number(this.today().slice(0, 4));
  }

  /** `?year=` as given (400 via ValidationError when it is not a year), else this year. */
  yearOf(text: string | undefined): number {
    return text === undefined || text === '' ? this.thisYear() : requireYear(text);
  }

  /** The last five years and the one shown (a report may be compiled for an older year). */
  yearOptions(selected: number): YearOption[] {
    const current = this.thisYear();
    const years = new Set<number>([selected]);
    for (let y = current; y > current - 5; y--) years.add(y);
    return [...years].sort((a, b) => b - a).map((year) => ({ year, selected: year === selected }));
  }
}
