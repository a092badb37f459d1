/**
 * Chinese numerals for counts in report prose (讲党课两次, 开展三次). Integers 0–99,999,999 only:
 * anything else is returned in Arabic digits rather than risk a wrong reading.
 */
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const SMALL_UNITS = ['', '十', '百', '千'];

export function chineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 99_999_999) return String(value);
  if (value === 0) return '零';
  // A bare count of two reads 两 (两次, 两篇), never 二.
  if (value === 2) return '两';
  const high = Math.floor(value / 10_000);
  const low = value % 10_000;
  if (high === 0) return belowTenThousand(low, true);
  const lowText = low === 0 ? '' : (low < 1000 ? '零' : '') + belowTenThousand(low, false);
  return `${belowTenThousand(high, true)}万${lowText}`;
}

/** 1–9999; `leading` drops the 一 of 一十 at the very start (十二, not 一十二). */
function belowTenThousand(n: number, leading: boolean): string {
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let pendingZero = false;
  let started = false;
  for (let i = 0; i < 4; i++) {
    const d = digits[i];
    const unit = SMALL_UNITS[3 - i];
    if (d === 0) {
      if (started) pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    const isLeadingTen = leading && !started && unit === '十' && d === 1;
    out += (isLeadingTen ? '' : DIGITS[d]) + unit;
    started = true;
  }
  return out;
}
