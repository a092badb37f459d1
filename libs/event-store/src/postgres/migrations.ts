/**
 * One step of the PostgreSQL schema. Steps are applied in version order, each once, and recorded in
 * `taizhang_migrations`; a released step is never edited, only followed by a new one.
 */
export interface Migration {
  version: number;
  name: string;
  /** The statements of the step, for the schema `s` (a quoted identifier). */
  statements(s: string): string[];
}

/**
 * Version 1: the event table.
 * - `global_position` is BIGSERIAL (a sequence, so a position is never reused, even after a rolled
 *   back append) rather than an identity column, for the PostgreSQL-compatible databases that lack one.
 * - `data` and `metadata` are TEXT holding the exact canonical JSON that was hashed: JSONB would
 *   reorder keys and normalise numbers, and JSON would refuse some texts JavaScript writes (lone
 *   surrogates). Ad-hoc queries can still say `data::jsonb`.
 * - UNIQUE (stream_id, stream_version) is the database's own guard against two writers taking the
 *   same version; its index also serves stream reads and the head-of-stream lookup.
 * - (type, global_position) serves type-filtered catch-up reads. Stream-prefix filters walk the
 *   primary key: a prefix names a category of streams, usually a large share of all events.
 */
const createEvents: Migration = {
  version: 1,
  name: 'create events',
  statements: (s) => [
    `CREATE TABLE ${s}.events (
      global_position BIGSERIAL PRIMARY KEY,
      event_id        TEXT    NOT NULL,
      stream_id       TEXT    NOT NULL,
      stream_version  INTEGER NOT NULL CHECK (stream_version > 0),
      type            TEXT    NOT NULL,
      schema_version  INTEGER NOT NULL,
      data            TEXT    NOT NULL,
      metadata        TEXT    NOT NULL,
      prev_hash       TEXT    NOT NULL,
      hash            TEXT    NOT NULL,
      CONSTRAINT events_event_id_key UNIQUE (event_id),
      CONSTRAINT events_stream_version_key UNIQUE (stream_id, stream_version)
    )`,
    `CREATE INDEX events_type_position_idx ON ${s}.events (type, global_position)`,
  ],
};

/** Every step this build knows, in order. Read models add theirs here, after the event table. */
export const MIGRATIONS: readonly Migration[] = [createEvents];

/** The schema version this build writes and expects. */
export const LATEST_MIGRATION = MIGRATIONS[MIGRATIONS.length - 1].version;
