import { Empty, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Row = { field: string; before: string; after: string; changed: boolean };

const show = (v: unknown): string => (v === undefined ? '' : v === null ? '—' : typeof v === 'object' ? JSON.stringify(v, null, 1) : String(v));

function rows(before: unknown, after: unknown): Row[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((field) => {
    const bv = before ? show(b[field]) : '';
    const av = after ? show(a[field]) : '';
    return { field, before: bv, after: av, changed: bv !== av };
  });
}

/** Field-by-field before/after of one audit entry; changed fields highlighted. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const all = rows(before, after);
  const both = !!before && !!after;
  const [onlyChanged, setOnlyChanged] = useState(both);
  if (!all.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.noDiff')} />;
  const data = onlyChanged ? all.filter((r) => r.changed) : all;
  const cell = (v: string, r: Row, side: 'before' | 'after') => (
    <Typography.Text
      style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12, display: 'block', maxWidth: 420 }}
      type={r.changed && side === 'before' && both ? 'danger' : undefined}
      strong={r.changed && side === 'after' && both}
    >
      {v}
    </Typography.Text>
  );
  return (
    <div>
      {both && (
        <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center', marginBottom: 8 }}>
          <Switch size="small" checked={onlyChanged} onChange={setOnlyChanged} />
          {t('audit.onlyChanged')}
        </label>
      )}
      <Table<Row>
        size="small"
        rowKey="field"
        pagination={false}
        dataSource={data}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('audit.field'), dataIndex: 'field', width: 160, render: (v: string) => t(`audit.fields.${v}`, { defaultValue: v }) },
          ...(before ? [{ title: t('audit.before'), dataIndex: 'before', render: (v: string, r: Row) => cell(v, r, 'before') }] : []),
          ...(after ? [{ title: t('audit.after'), dataIndex: 'after', render: (v: string, r: Row) => cell(v, r, 'after') }] : []),
        ]}
      />
    </div>
  );
}
