import { useQuery } from '@tanstack/react-query';
import { Alert, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/lib/errors';
import { warehouses } from '../../warehouses/api';
import { dispositions, grades, type InspectInput, type ReturnLine, type SalesReturn } from '../api';

type Row = { grade: string; disposition: string; warehouseId?: string };

/** 质检: a grade (A/B/C), a 处理方式 (重新入库/报废/退回供应商) and for goods kept a warehouse, per received line. */
export function InspectDialog({ r, busy, error, onCancel, onSubmit }: { r: SalesReturn; busy: boolean; error: unknown; onCancel: () => void; onSubmit: (input: InspectInput) => void }) {
  const { t } = useTranslation();
  const wh = useQuery({ queryKey: ['warehouses', 'list', 'all'], queryFn: () => warehouses.list({ pageSize: 100 }) });
  const lines = r.lines.filter((l) => l.received > 0);
  const [rows, setRows] = useState<Record<string, Row>>(() => Object.fromEntries(lines.map((l) => [l.id, { grade: 'A', disposition: 'restock' }])));
  const set = (id: string, patch: Partial<Row>) => setRows((p) => ({ ...p, [id]: { ...p[id], ...patch } }));
  return (
    <Modal open width={860} title={t('rma.inspectTitle')} okText={t('rma.inspect')} confirmLoading={busy} onCancel={onCancel} destroyOnHidden
      onOk={() => onSubmit({ lines: lines.map((l) => ({ lineId: l.id, grade: rows[l.id].grade, disposition: rows[l.id].disposition, warehouseId: rows[l.id].disposition === 'scrap' ? undefined : rows[l.id].warehouseId })) })}>
      {!!error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table<ReturnLine> rowKey="id" dataSource={lines} pagination={false} size="small"
        onRow={() => ({ 'data-testid': 'inspect-line' } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('rma.product'), key: 'p', render: (_, l) => `${l.sku} ${l.productName}` },
          { title: t('rma.received'), dataIndex: 'received', key: 'received', align: 'right' },
          { title: t('rma.grade'), key: 'g', render: (_, l) => <Select style={{ width: 130 }} aria-label={`${t('rma.grade')} ${l.sku}`} value={rows[l.id].grade} onChange={(v) => set(l.id, { grade: v })} options={grades.map((g) => ({ value: g, label: t(`rma.grades.${g}`) }))} /> },
          { title: t('rma.disposition'), key: 'd', render: (_, l) => <Select style={{ width: 130 }} aria-label={`${t('rma.disposition')} ${l.sku}`} data-testid="disposition" value={rows[l.id].disposition} onChange={(v) => set(l.id, { disposition: v })} options={dispositions.map((d) => ({ value: d, label: t(`rma.dispositions.${d}`) }))} /> },
          {
            title: t('rma.warehouse'), key: 'w', render: (_, l) => rows[l.id].disposition === 'scrap' ? '—' : (
              <Select allowClear style={{ width: 150 }} aria-label={`${t('rma.warehouse')} ${l.sku}`} value={rows[l.id].warehouseId} onChange={(v) => set(l.id, { warehouseId: v })}
                placeholder={t('rma.warehouse')} options={(wh.data?.items ?? []).map((w) => ({ value: w.id, label: w.name }))} />
            ),
          },
        ]}
      />
    </Modal>
  );
}
