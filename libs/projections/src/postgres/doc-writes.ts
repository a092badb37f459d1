import type { ActivityDoc, MemberDoc, OrgDoc } from '../../../domain/src/state';
import type { AccountDoc } from '../accounts/account-doc';
import type { ReportRecord } from '../reports/report-record';
import { storedByReference } from './activity-rows';
import type { Queryable } from './pg-session';
import type { PgReadModelTables } from './read-model-tables';

/**
 * Rows per statement. Each write is one INSERT … SELECT FROM ROWS FROM (unnest(arrays), …): one
 * round trip and one parse for many rows, with a parameter count that never grows with the batch.
 * The documents go as one JSON array (`$n::json`, split by json_array_elements, whose elements
 * keep their exact text): one JSON.stringify for the batch, instead of a string per document that
 * pg would then escape again, character by character, into an array literal.
 */
const ROWS_PER_STATEMENT = 5_000;

/** The documents of `chunk` as one parameter, for `json_array_elements`. */
function docsParam(chunk: readonly unknown[]): string {
  return JSON.stringify(chunk);
}

/** How an activity is placed: upserted by id (indexed table), or plainly added (a rebuild's bare table). */
export type ActivityWriteMode = 'upsert' | 'insert';

export async function writeOrgs(db: Queryable, t: PgReadModelTables, docs: readonly OrgDoc[]): Promise<void> {
  for (const chunk of chunks(docs)) {
    await db.query(
      `INSERT INTO ${t.org} (id, kind, parent_id, doc)
       SELECT r.id, r.kind, r.parent_id, r.doc::text
         FROM ROWS FROM (unnest($1::text[]), unnest($2::text[]), unnest($3::text[]), json_array_elements($4::json)) AS r (id, kind, parent_id, doc)
       ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, parent_id = excluded.parent_id, doc = excluded.doc`,
      [chunk.map((d) => d.id), chunk.map((d) => d.kind), chunk.map((d) => d.parentId), docsParam(chunk)],
    );
  }
}

/** A member's org list is rewritten whole with its document (a dropped empty stint may remove an org). */
export async function writeMembers(db: Queryable, t: PgReadModelTables, docs: readonly MemberDoc[]): Promise<void> {
  for (const chunk of chunks(docs)) {
    const ids = chunk.map((d) => d.id);
    await db.query(
      `INSERT INTO ${t.member} (id, doc)
       SELECT r.id, r.doc::text FROM ROWS FROM (unnest($1::text[]), json_array_elements($2::json)) AS r (id, doc)
       ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`,
      [ids, docsParam(chunk)],
    );
    await db.query(`DELETE FROM ${t.memberOrg} WHERE member_id = ANY($1::text[])`, [ids]);
    const orgIds: string[] = [];
    const memberIds: string[] = [];
    for (const doc of chunk) {
      for (const orgId of new Set(doc.periods.map((p) => p.orgId))) {
        orgIds.push(orgId);
        memberIds.push(doc.id);
      }
    }
    if (orgIds.length > 0) {
      await db.query(`INSERT INTO ${t.memberOrg} (org_id, member_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`, [
        orgIds,
        memberIds,
      ]);
    }
  }
}

/**
 * With `byReference` (events beside the read model), a document that is exactly what its
 * ActivityLogged event makes goes in as doc NULL (a JSON null in the array, turned into SQL NULL:
 * no document is the text `null`).
 */
export async function writeActivities(
  db: Queryable,
  t: PgReadModelTables,
  docs: readonly ActivityDoc[],
  mode: ActivityWriteMode,
  byReference: boolean,
): Promise<void> {
  const conflict =
    mode === 'upsert'
      ? `ON CONFLICT (id) DO UPDATE SET org_id = excluded.org_id, date = excluded.date, voided = excluded.voided,
           logged_position = excluded.logged_position, doc = excluded.doc`
      : '';
  for (const chunk of chunks(docs)) {
    await db.query(
      `INSERT INTO ${t.activity} (id, org_id, date, voided, logged_position, doc)
       SELECT r.id, r.org_id, r.date, r.voided, r.logged_position, NULLIF(r.doc::text, 'null')
         FROM ROWS FROM (unnest($1::text[]), unnest($2::text[]), unnest($3::text[]), unnest($4::boolean[]), unnest($5::bigint[]),
                         json_array_elements($6::json)) AS r (id, org_id, date, voided, logged_position, doc)
       ${conflict}`,
      [
        chunk.map((d) => d.id),
        chunk.map((d) => d.orgId),
        chunk.map((d) => d.details.date),
        chunk.map((d) => d.voided),
        chunk.map((d) => d.revisions[0]?.globalPosition ?? '0'),
        docsParam(byReference ? chunk.map((d) => (storedByReference(d) ? null : d)) : chunk),
      ],
    );
  }
}

export async function writeReports(db: Queryable, t: PgReadModelTables, docs: readonly ReportRecord[]): Promise<void> {
  for (const chunk of chunks(docs)) {
    await db.query(
      `INSERT INTO ${t.report} (id, org_id, year, position, doc)
       SELECT r.id, r.org_id, r.year, r.position, r.doc::text
         FROM ROWS FROM (unnest($1::text[]), unnest($2::text[]), unnest($3::int[]), unnest($4::bigint[]), json_array_elements($5::json))
           AS r (id, org_id, year, position, doc)
       ON CONFLICT (id) DO UPDATE SET org_id = excluded.org_id, year = excluded.year, position = excluded.position, doc = excluded.doc`,
      [chunk.map((d) => d.reportId), chunk.map((d) => d.orgId), chunk.map((d) => d.year), chunk.map((d) => d.globalPosition), docsParam(chunk)],
    );
  }
}

export async function writeAccounts(db: Queryable, t: PgReadModelTables, docs: readonly AccountDoc[]): Promise<void> {
  for (const chunk of chunks(docs)) {
    await db.query(
      `INSERT INTO ${t.account} (username, doc)
       SELECT r.username, r.doc::text FROM ROWS FROM (unnest($1::text[]), json_array_elements($2::json)) AS r (username, doc)
       ON CONFLICT (username) DO UPDATE SET doc = excluded.doc`,
      [chunk.map((d) => d.username), docsParam(chunk)],
    );
  }
}

function* chunks<T>(items: readonly T[]): Generator<readonly T[]> {
  for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT) yield items.slice(i, i + ROWS_PER_STATEMENT);
}
