import type { Quantity } from '../../activity';
import type { IssueList } from '../../errors';
import { NumberInput, ParsedNumber, parseNumberInput } from '../validation/numbers';
import { cleanText, TextInput } from '../validation/text';

/** A single sitting longer than a day is a typo (minutes or a yearly total), not study hours. */
export const MAX_HOURS_PER_ACTIVITY = 24;

function readNumber(issues: IssueList, field: string, value: NumberInput, label: string): number | null {
  return checkNumber(issues, field, parseNumberInput(value), label);
}

function checkNumber(issues: IssueList, field: string, parsed: ParsedNumber, label: string): number | null {
  if (!parsed.ok) {
    issues.add(field, `${label}不是数字：${parsed.shown}`, `${field} is not a number: ${parsed.shown}`);
    return null;
  }
  if (parsed.value !== null && parsed.value < 0) {
    issues.add(field, `${label}不能为负数：${parsed.value}`, `${field} is negative`);
    return null;
  }
  return parsed.value;
}

export function resolveHeadcount(issues: IssueList, value: NumberInput): number | null {
  const n = readNumber(issues, 'headcount', value, '实到人数');
  if (n !== null && !Number.isInteger(n)) {
    issues.add('headcount', `实到人数必须是整数：${n}`, 'headcount must be a whole number');
    return null;
  }
  return n;
}

export function resolveHours(issues: IssueList, value: NumberInput): number | null {
  const n = readNumber(issues, 'hours', value, '学时');
  if (n !== null && n > MAX_HOURS_PER_ACTIVITY) {
    issues.add('hours', `学时不合理：${n}（一次活动不超过${MAX_HOURS_PER_ACTIVITY}学时）`, `hours ${n} exceed ${MAX_HOURS_PER_ACTIVITY} per activity`);
    return null;
  }
  return n;
}

/** The produced quantity: amount and unit come together; the item is optional but needs an amount. */
export function resolveQuantities(issues: IssueList, amountValue: NumberInput, unitValue: TextInput, itemValue: TextInput): Quantity[] {
  const parsed = parseNumberInput(amountValue);
  const hasAmount = !parsed.ok || parsed.value !== null;
  const amount = checkNumber(issues, 'quantity', parsed, '数量');
  const unit = cleanText(unitValue);
  const item = cleanText(itemValue);
  if (hasAmount && unit === null) {
    issues.add('unit', `填写了数量，请同时填写单位（如 篇、册、份）`, 'quantity needs a unit');
  }
  if (!hasAmount && unit !== null) {
    issues.add('quantity', `填写了单位“${unit}”，请同时填写数量`, 'unit given without a quantity');
  }
  if (!hasAmount && item !== null) {
    issues.add('quantity', `填写了产出物“${item}”，请同时填写数量和单位`, 'item given without a quantity');
  }
  return amount !== null && unit !== null ? [{ amount, unit, item }] : [];
}
