import type { ActivityDoc, MemberDoc, OrgDoc } from '../../../domain/src/state';
import type { AccountDoc } from '../accounts/account-doc';
import type { ReportRecord } from '../reports/report-record';
import { decodeActivityRow, encodeActivity } from './activity-rows';
import type { ReadModelStatements } from './read-model-statements';

/** Loading and writing one kind of document in one set of rm_ tables. */
export interface DocCodec<D> {
  load(id: string): D | undefined;
  write(doc: D): void;
}

export interface DocCodecs {
  org: DocCodec<OrgDoc>;
  member: DocCodec<MemberDoc>;
  activity: DocCodec<ActivityDoc>;
  /** Reports by report id. */
  report: DocCodec<ReportRecord>;
  /** Accounts by username. */
  account: DocCodec<AccountDoc>;
}

export function docCodecs(s: ReadModelStatements): DocCodecs {
  return {
    org: {
      load: (id) => parse<OrgDoc>(s.orgDoc.get(id)),
      write: (doc) => void s.putOrg.run(doc.id, doc.kind, doc.parentId, JSON.stringify(doc)),
    },
    member: {
      load: (id) => parse<MemberDoc>(s.memberDoc.get(id)),
      write: (doc) => {
        s.putMember.run(doc.id, JSON.stringify(doc));
        s.deleteMemberOrgs.run(doc.id);
        for (const orgId of new Set(doc.periods.map((p) => p.orgId))) s.putMemberOrg.run(orgId, doc.id);
      },
    },
    activity: {
      load: (id) => {
        const row = s.activityRow.get(id);
        return row === undefined ? undefined : decodeActivityRow(row);
      },
      write: (doc) => void s.putActivity.run(...encodeActivity(doc, s.eventsBeside)),
    },
    report: {
      load: (id) => parse<ReportRecord>(s.reportDoc.get(id)),
      write: (doc) => void s.putReport.run(doc.reportId, doc.orgId, doc.year, BigInt(doc.globalPosition), JSON.stringify(doc)),
    },
    account: {
      load: (username) => parse<AccountDoc>(s.accountDoc.get(username)),
      write: (doc) => void s.putAccount.run(doc.username, JSON.stringify(doc)),
    },
  };
}

function parse<D>(json: string | undefined): D | undefined {
  return json === undefined ? undefined : (JSON.parse(json) as D);
}
