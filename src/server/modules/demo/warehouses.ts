import type { z } from 'zod';
import type { warehouseInput } from '../warehouses/index.js';
import { landline, personName } from './people.js';
import type { Random } from './random.js';

export type WarehouseDraft = z.input<typeof warehouseInput>;

/** Bin codes zone-row-level: A-01-01, A-01-02…, in walking order. */
function bins(zones: Array<[zone: string, label: string]>, rows: number, levels: number) {
  return zones.flatMap(([zone, label]) =>
    Array.from({ length: rows * levels }, (_, i) => ({
      code: `${zone}-${String(Math.floor(i / levels) + 1).padStart(2, '0')}-${String((i % levels) + 1).padStart(2, '0')}`,
      zone: label,
    })),
  );
}

/** The main warehouse (default, three zones) and a small one behind the shop. */
export function generateWarehouses(rnd: Random): WarehouseDraft[] {
  return [
    {
      code: 'WH01', name: '主仓库', isDefault: true,
      address: '浙江省杭州市余杭区仓前街道良睦路88号', manager: personName(rnd), phone: landline(rnd, '0571'),
      notes: '收货时间 8:00-17:00',
      bins: bins([['A', '食品饮料'], ['B', '日用百货'], ['C', '文具与清洁']], 5, 4),
    },
    {
      code: 'WH02', name: '门店仓', isDefault: false,
      address: '浙江省杭州市拱墅区湖墅南路203号', manager: personName(rnd), phone: landline(rnd, '0571'),
      notes: null,
      bins: bins([['M', '门店']], 2, 4),
    },
  ];
}
