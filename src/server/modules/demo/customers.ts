import type { z } from 'zod';
import type { customerInput } from '../partners/index.js';
import { contactTitles, customerKinds, customerNotes, regions, streets, tradeWords, type CustomerKind, type Region } from './partner-data.js';
import { mobile, personName } from './people.js';
import type { Random } from './random.js';

export type CustomerDraft = z.input<typeof customerInput>;

const creditByTier = { retail: [0, 0, 300_000, 500_000], wholesale: [1_000_000, 2_000_000, 3_000_000, 5_000_000], vip: [5_000_000, 8_000_000, 10_000_000] };
const termsByTier = { retail: [0, 0, 7], wholesale: [15, 30, 30, 45], vip: [30, 60] };

function pickKind(rnd: Random): CustomerKind {
  let n = rnd.int(1, customerKinds.reduce((s, k) => s + k.weight, 0));
  for (const k of customerKinds) if ((n -= k.weight) <= 0) return k;
  return customerKinds[0];
}

function address(rnd: Random, region: Region, label: string, recipient: string, phone: string, isDefault: boolean) {
  return {
    label, recipient, phone, isDefault,
    province: region.province, city: region.city, district: rnd.pick(region.districts),
    address: `${rnd.pick(streets)}${rnd.int(1, 888)}号`, postalCode: region.postalCode,
  };
}

/** `count` customers C0001…: shops, supermarkets, wholesalers and offices around Zhejiang. */
export function generateCustomers(rnd: Random, count = 50): CustomerDraft[] {
  const names = new Set<string>();
  const out: CustomerDraft[] = [];
  for (let i = 1; i <= count; i++) {
    // Two in three customers are near home (Hangzhou, Ningbo…), the rest further out.
    const region = rnd.chance(0.65) ? regions[rnd.int(0, 4)] : rnd.pick(regions);
    const kind = pickKind(rnd);
    let name: string;
    do name = `${region.city.replace(/市$/, '')}${rnd.pick(tradeWords)}${kind.suffix}`;
    while (names.has(name));
    names.add(name);
    const priceTier = rnd.pick(kind.tiers);
    const contacts = Array.from({ length: rnd.chance(0.35) ? 2 : 1 }, (_, k) => ({
      name: personName(rnd), title: k === 0 ? rnd.pick(contactTitles.slice(0, 4)) : rnd.pick(contactTitles.slice(3)), phone: mobile(rnd),
    }));
    const code = `C${String(i).padStart(4, '0')}`;
    const main = contacts[0];
    const addresses = [address(rnd, region, kind.suffix.endsWith('公司') ? '公司' : '门店', main.name, main.phone, true)];
    if (rnd.chance(0.3)) addresses.push(address(rnd, region, rnd.pick(['仓库', '分店']), contacts[contacts.length - 1].name, contacts[contacts.length - 1].phone, false));
    const paymentTermsDays = rnd.pick(termsByTier[priceTier]);
    const tags = [...kind.tags, ...(priceTier === 'vip' ? ['重点客户'] : []), ...(paymentTermsDays >= 30 ? ['月结'] : [])];
    out.push({
      code, name, phone: main.phone,
      email: rnd.chance(0.3) ? `${code.toLowerCase()}@example.com` : null,
      priceTier, creditLimit: rnd.pick(creditByTier[priceTier]), paymentTermsDays,
      tags, contacts, addresses,
      notes: rnd.chance(0.2) ? rnd.pick(customerNotes) : null,
    });
  }
  return out;
}
