import { MemberStatus } from '../../activity';
import { cleanText, TextInput } from './text';

export const MEMBER_STATUS_NAMES: Readonly<Record<MemberStatus, string>> = {
  full: '正式党员',
  probationary: '预备党员',
};

const BY_WORD: ReadonlyMap<string, MemberStatus> = new Map<string, MemberStatus>([
  ['full', 'full'],
  ['probationary', 'probationary'],
  ['正式党员', 'full'],
  ['正式', 'full'],
  ['预备党员', 'probationary'],
  ['预备', 'probationary'],
]);

/** A member status given by id or Chinese name; undefined when not recognised. */
export function resolveMemberStatus(value: TextInput): MemberStatus | undefined {
  const text = cleanText(value);
  return text === null ? undefined : BY_WORD.get(text);
}
