import { App, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../shared/lib/errors';
import { formatMoney } from '../../../shared/lib/format';
import { documentPath, type ImportedDocument, type ImportEntity, type SampleRow } from '../api';

const statusColor: Record<string, string> = { draft: 'default', confirmed: 'blue', pending_approval: 'orange', closed: 'default', posted: 'green' };

/** File rows as short runs: [2, 3, 4, 7] → "2–4, 7". */
export function formatRows(rows: number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    runs.push(j > i ? `${rows[i]}–${rows[j]}` : String(rows[i]));
    i = j + 1;
  }
  return runs.join(', ');
}

/**
 * The customer (sales orders) or warehouse (opening stock) as written in the file, read from the
 * preview's sample rows: the reply's documents do not carry it, so past row 20 it is unknown.
 */
function partyOf(doc: ImportedDocument, field: string, sample: SampleRow[]): string {
  for (const row of doc.rows) {
    const text = sample.find((s) => s.row === row)?.values[field]?.trim();
    if (text) return text;
  }
  return '—';
}

type Props = {
  entity: ImportEntity;
  documents: ImportedDocument[];
  sample: SampleRow[];
  /** After the import: numbers are final and open the document. */
  done?: boolean;
};

/** The documents an import makes (preview) or made (done): number, file rows, customer or warehouse, amount, status. */
export function DocumentTable({ entity, documents, sample, done = false }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [opening, setOpening] = useState<string | null>(null);
  const orders = entity === 'sales-orders';
  // History returns name the order they take back (the file's order number); no party column.
  const refs = orders || entity === 'sales-returns';
  const party = orders ? 'customer' : 'warehouse';

  const open = async (number: string) => {
    setOpening(number);
    try {
      const path = await documentPath(entity, number);
      if (path) navigate(path);
      else message.error(t('imports.docNotFound', { number }));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setOpening(null);
    }
  };

  const columns: TableColumnsType<ImportedDocument> = [
    // A preview's numbers are provisional, so it shows the file's order number only.
    ...(done
      ? [{ title: t('imports.docNumber'), dataIndex: 'number', key: 'number', render: (n: string) => (
          <Typography.Link onClick={() => void open(n)} disabled={opening === n} data-testid="import-doc-link">{n}</Typography.Link>
        ) }]
      : []),
    ...(refs ? [{ title: t('imports.docRef'), dataIndex: 'ref', key: 'ref' }] : []),
    ...(entity === 'sales-returns' ? [] : [{ title: t(orders ? 'imports.docCustomer' : 'imports.docWarehouse'), key: 'party', render: (_: unknown, d: ImportedDocument) => partyOf(d, party, sample) }]),
    { title: t('imports.docRows'), dataIndex: 'rows', key: 'rows', render: formatRows },
    { title: t(`imports.docAmount.${entity}`), dataIndex: 'amount', key: 'amount', align: 'right', render: formatMoney },
    { title: t(done ? 'imports.docStatus' : 'imports.docStatusAfter'), dataIndex: 'status', key: 'status', render: (s: string) => (
      <Tag color={statusColor[s] ?? 'default'} data-testid="import-doc-status">{t(`imports.docStatuses.${s}`, { defaultValue: s })}</Tag>
    ) },
  ];

  return (
    <Table<ImportedDocument>
      size="small"
      rowKey={(d) => d.number}
      dataSource={documents}
      columns={columns}
      pagination={documents.length > 50 ? { pageSize: 50, size: 'small' } : false}
      scroll={{ x: 'max-content' }}
      onRow={() => ({ 'data-testid': 'import-doc' }) as HTMLAttributes<HTMLElement>}
    />
  );
}
