import { activityKindById, findQualifier } from '../../../domain/src';
import type { MetricKey } from './metric-key';

const MEASURE_NOUNS: Record<MetricKey['measure'], string> = {
  count: '次数',
  attendance: '参加人次',
  participants: '参加人数',
  hours: '学时',
  quantity: '数量',
  rate: '比例',
  amount: '金额',
};

/** What a figure is, in words a secretary reads: 支部书记讲党课次数, 调研数量（篇）. */
export function metricLabel(key: MetricKey): string {
  const kind = activityKindById(key.kind);
  const kindName = kind?.name ?? key.kind;
  const qualifier = kind && key.qualifier ? findQualifier(kind, key.qualifier) : undefined;
  const subject = qualifier ? `${qualifier.name}${kind?.id === 'party-lecture' ? '讲' : ''}${kindName}` : kindName;
  const noun = MEASURE_NOUNS[key.measure];
  return key.measure === 'quantity' && key.unit ? `${subject}${noun}（${key.unit}）` : `${subject}${noun}`;
}
