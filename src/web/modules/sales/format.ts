import i18n from 'i18next';
import type { Address } from '../partners/api';

/** A delivery address on one line: province city district street, recipient phone. */
export function formatAddress(a: Partial<Address> | null | undefined): string {
  if (!a) return '';
  const place = [a.province, a.city, a.district, a.address].filter(Boolean).join('');
  const who = [a.recipient, a.phone].filter(Boolean).join(' ');
  return [place, who].filter(Boolean).join(i18n.language === 'en' ? ', ' : '，');
}

/** Basis points → percent text without trailing zeros: 1250 → "12.5%". */
export const bpToPercent = (bp: number) => `${Number((bp / 100).toFixed(2))}%`;

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PLACES = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

/** Fen → the amount in Chinese capital numerals, as printed on documents: 1234.50 → 壹仟贰佰叁拾肆元伍角整. */
export function rmbUpper(fen: number): string {
  if (fen === 0) return '零元整';
  const abs = Math.abs(fen);
  const yuan = String(Math.floor(abs / 100));
  const jiao = Math.floor(abs / 10) % 10;
  const f = abs % 10;
  let out = '';
  let zeros = 0;
  let groupHasDigit = false;
  for (let i = 0; i < yuan.length; i++) {
    const d = Number(yuan[i]);
    const pos = yuan.length - 1 - i;
    if (d === 0) zeros++;
    else {
      if (zeros > 0 && out) out += '零';
      zeros = 0;
      out += DIGITS[d] + PLACES[pos % 4];
      groupHasDigit = true;
    }
    if (pos % 4 === 0) {
      if (groupHasDigit) out += GROUPS[pos / 4];
      groupHasDigit = false;
    }
  }
  if (out) out += '元';
  if (jiao) out += DIGITS[jiao] + '角';
  else if (f && out) out += '零';
  if (f) out += DIGITS[f] + '分';
  else out += '整';
  return (fen < 0 ? '负' : '') + out;
}
