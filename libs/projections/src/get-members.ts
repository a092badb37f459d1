import type { MemberDoc } from '../../domain/src';
import type { LedgerView } from './ledger-view';

/** Members by id, in the order asked: in one read where the view offers it, else one read per id. */
export function getMembers(view: LedgerView, ids: readonly string[]): Promise<(MemberDoc | undefined)[]> {
  return view.getMembers ? view.getMembers(ids) : Promise.all(ids.map((id) => view.getMember(id)));
}
