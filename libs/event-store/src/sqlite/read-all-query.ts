import type { Database, Statement } from 'better-sqlite3';
import { EventFilter } from '../port';
import { EVENT_COLUMNS, EventRow } from './event-row';

interface ReadAllParams {
  from: bigint;
  limit: number;
  prefix?: string;
  types?: string;
}

/**
 * Prepares, once per filter shape (none / prefix / types / both), the statement that reads one
 * page of the store in global order. Pages always walk the primary key, so a page costs the
 * rows it scans and never a sort, whatever the filter.
 */
export class ReadAllQueries {
  private readonly byShape = new Map<string, Statement<[ReadAllParams], unknown>>();

  constructor(private readonly db: Database) {}

  page(fromPosition: bigint, maxCount: number, filter: EventFilter = {}): EventRow[] {
    const params: ReadAllParams = { from: fromPosition, limit: maxCount };
    if (filter.streamPrefix) params.prefix = filter.streamPrefix;
    // An explicit (even empty) type list is honoured literally: no listed type, no event.
    if (filter.types) params.types = JSON.stringify(filter.types);
    return this.statement(params.prefix !== undefined, params.types !== undefined).all(params) as EventRow[];
  }

  private statement(hasPrefix: boolean, hasTypes: boolean): Statement<[ReadAllParams], unknown> {
    const shape = `${hasPrefix ? 'p' : ''}${hasTypes ? 't' : ''}`;
    let statement = this.byShape.get(shape);
    if (!statement) {
      const conditions = ['global_position > @from'];
      // substr, not LIKE: a prefix is literal text, and '%' or '_' in a stream id mean nothing special.
      if (hasPrefix) conditions.push('substr(stream_id, 1, length(@prefix)) = @prefix');
      if (hasTypes) conditions.push('type IN (SELECT value FROM json_each(@types))');
      statement = this.db
        .prepare<[ReadAllParams], unknown>(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE ${conditions.join(' AND ')} ORDER BY global_position LIMIT @limit`,
        )
        .raw(true);
      this.byShape.set(shape, statement);
    }
    return statement;
  }
}
