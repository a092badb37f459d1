import { EventFilter } from '../port';
import { EVENT_COLUMNS } from './event-row';
import { NamedSql } from './event-statements';
import { quotedSchema, schemaTag } from './schema-name';

/**
 * Builds, once per filter shape (none / prefix / types / both), the statement that reads one page
 * of the store in global order, and its parameters for a call.
 */
export class ReadAllQueries {
  private readonly byShape = new Map<string, NamedSql>();

  constructor(private readonly schema: string) {}

  page(fromPosition: bigint, maxCount: number, filter: EventFilter = {}): { statement: NamedSql; values: unknown[] } {
    const values: unknown[] = [fromPosition.toString(), maxCount];
    if (filter.streamPrefix) values.push(filter.streamPrefix);
    // An explicit (even empty) type list is honoured literally: no listed type, no event.
    if (filter.types) values.push([...filter.types]);
    return { statement: this.statement(Boolean(filter.streamPrefix), filter.types !== undefined), values };
  }

  private statement(hasPrefix: boolean, hasTypes: boolean): NamedSql {
    const shape = `${hasPrefix ? 'p' : ''}${hasTypes ? 't' : ''}`;
    let statement = this.byShape.get(shape);
    if (!statement) {
      const conditions = ['global_position > $1::bigint'];
      let next = 3;
      // left(), not LIKE: a prefix is literal text, and '%' or '_' in a stream id mean nothing special.
      if (hasPrefix) {
        conditions.push(`left(stream_id, length($${next}::text)) = $${next}::text`);
        next += 1;
      }
      if (hasTypes) conditions.push(`type = ANY($${next}::text[])`);
      statement = {
        name: `tz_${schemaTag(this.schema)}_read_all_${shape || 'all'}`,
        text:
          `SELECT ${EVENT_COLUMNS} FROM ${quotedSchema(this.schema)}.events ` +
          `WHERE ${conditions.join(' AND ')} ORDER BY global_position LIMIT $2::int`,
      };
      this.byShape.set(shape, statement);
    }
    return statement;
  }
}
