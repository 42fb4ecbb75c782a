import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DatePicker, Select, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../shared/components/DataTable';
import { ExportButton } from '../../../shared/components/ExportButton';
import { ListToolbar } from '../../../shared/components/ListToolbar';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDateTime } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/list-params';
import { auditActions, auditEntities, listAudit, type AuditEntry } from '../api';
import { AuditDiff } from '../components/AuditDiff';

const actionColors: Record<string, string> = { create: 'green', update: 'blue', delete: 'red', deactivate: 'orange', activate: 'cyan', import: 'purple', revoke: 'red' };

/** 操作日志: who changed what and when, with filters and an expandable before/after. */
export default function AuditLogPage() {
  const { t } = useTranslation();
  const list = useListParams(['entity', 'action', 'actorType', 'from', 'to']);
  const f = list.params.filters;
  // Dates in the URL are local days; the API gets the exact local start and end of those days.
  const query = {
    ...list.query,
    from: f.from ? dayjs(f.from).startOf('day').toISOString() : undefined,
    to: f.to ? dayjs(f.to).endOf('day').toISOString() : undefined,
  };
  const result = useQuery({ queryKey: ['audit', query], queryFn: () => listAudit(query), placeholderData: keepPreviousData });
  const tr = (group: string, v: string) => t(`audit.${group}.${v}`, { defaultValue: v });

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', key: 'at', render: formatDateTime },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_, e) => (
        <>
          {e.actorName ?? '—'} <Typography.Text type="secondary">({tr('actorTypes', e.actorType)})</Typography.Text>
        </>
      ),
    },
    { title: t('audit.action'), dataIndex: 'action', key: 'action', render: (a: string) => <Tag color={actionColors[a]}>{tr('actions', a)}</Tag> },
    { title: t('audit.entity'), dataIndex: 'entity', key: 'entity', render: (v: string) => tr('entities', v) },
    { title: t('audit.summary'), dataIndex: 'summary', key: 'summary', render: (v: string | null) => v ?? '' },
    { title: t('audit.entityId'), dataIndex: 'entityId', key: 'entityId', render: (v: string | null) => <Typography.Text type="secondary" copyable={!!v}>{v ?? ''}</Typography.Text> },
  ];

  const select = (key: string, placeholder: string, values: readonly string[], group: string, width = 140) => (
    <Select
      allowClear
      placeholder={placeholder}
      value={f[key]}
      onChange={(v) => list.update({ [key]: v })}
      options={values.map((v) => ({ value: v, label: tr(group, v) }))}
      style={{ width }}
    />
  );

  return (
    <>
      <PageHeader title={t('audit.title')} extra={<ExportButton path="/audit-log" query={query} />} />
      <ListToolbar q={list.params.q} onSearch={(q) => list.update({ q })} placeholder={t('audit.searchPlaceholder')}>
        {select('entity', t('audit.allEntities'), auditEntities, 'entities')}
        {select('action', t('audit.allActions'), auditActions, 'actions', 120)}
        {select('actorType', t('audit.allActors'), ['user', 'api_key', 'system'], 'actorTypes', 120)}
        <DatePicker.RangePicker
          value={[f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null]}
          placeholder={[t('audit.from'), t('audit.to')]}
          allowEmpty={[true, true]}
          onChange={(r) => list.update({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
          style={{ width: 260, maxWidth: '100%' }}
        />
      </ListToolbar>
      <DataTable<AuditEntry>
        result={result}
        list={list}
        columns={columns}
        expandable={{ expandedRowRender: (e) => <AuditDiff before={e.before} after={e.after} />, rowExpandable: (e) => !!e.before || !!e.after }}
      />
    </>
  );
}
