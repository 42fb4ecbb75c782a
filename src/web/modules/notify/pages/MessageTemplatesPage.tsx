import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Col, Empty, Form, Input, Menu, Popconfirm, Row, Segmented, Skeleton, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { applyFieldErrors, errorMessage } from '../../../shared/lib/errors';
import { formatDateTime } from '../../../shared/lib/format';
import { templates, type Lang, type MessageTemplate, type Placeholder, type Rendered } from '../api';

type Values = { subject: string; body: string };
type Field = keyof Values;
const keyOf = (t: { event: string; lang: Lang }) => `${t.event}|${t.lang}`;

/** 消息模板 (admins): every event's subject and body per audience and language, with placeholders, preview and 恢复默认. */
export default function MessageTemplatesPage() {
  const { t, i18n } = useTranslation();
  const q = useQuery({ queryKey: ['notify', 'templates'], queryFn: templates.list });
  const [audience, setAudience] = useState<'customer' | 'staff'>('customer');
  const [lang, setLang] = useState<Lang>('zh-CN');
  const [selected, setSelected] = useState<string>('');
  const zhUi = i18n.language.startsWith('zh');
  const events = useMemo(() => (q.data ?? []).filter((x) => x.audience === audience && x.lang === lang), [q.data, audience, lang]);
  const current = q.data?.find((x) => keyOf(x) === selected) ?? events[0];
  if (!q.data) return <Skeleton active />;
  return (
    <div>
      <PageHeader title={t('notify.tpl.title')} />
      <Row gutter={16}>
        <Col xs={24} md={8} lg={6}>
          <Card size="small">
            <Tabs activeKey={audience} onChange={(k) => setAudience(k as 'customer' | 'staff')} size="small"
              items={(['customer', 'staff'] as const).map((a) => ({ key: a, label: t(`notify.audience.${a}`) }))} />
            <Segmented block value={lang} onChange={(v) => setLang(v as Lang)} options={[{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'English' }]} style={{ marginBottom: 8 }} />
            <Menu mode="inline" style={{ borderInlineEnd: 'none' }} selectedKeys={current ? [keyOf(current)] : []} onClick={(e) => setSelected(e.key)}
              items={events.map((x) => ({
                key: keyOf(x),
                label: (
                  <Space size={4}>
                    <span>{zhUi ? x.zh : x.en}</span>
                    {x.customised && <Badge status="processing" title={t('notify.tpl.customised')} />}
                  </Space>
                ),
              }))} />
          </Card>
        </Col>
        <Col xs={24} md={16} lg={18}>
          {current ? <TemplateEditor key={keyOf(current)} template={current} /> : <Empty description={t('notify.tpl.pick')} />}
        </Col>
      </Row>
    </div>
  );
}

function TemplateEditor({ template }: { template: MessageTemplate }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const lastField = useRef<{ name: Field; el: HTMLInputElement | HTMLTextAreaElement } | null>(null);
  const zhUi = i18n.language.startsWith('zh');
  const replaceInList = (saved: MessageTemplate) => {
    qc.setQueryData<MessageTemplate[]>(['notify', 'templates'], (list) => list?.map((x) => (keyOf(x) === keyOf(saved) ? saved : x)));
    form.setFieldsValue({ subject: saved.subject, body: saved.body });
  };
  const save = useMutation({
    mutationFn: (v: Values) => templates.save(template.event, template.lang, v),
    onSuccess: (saved) => {
      replaceInList(saved);
      message.success(t('notify.tpl.saved'));
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(errorMessage(e));
    },
  });
  const reset = useMutation({
    mutationFn: () => templates.reset(template.event, template.lang),
    onSuccess: (saved) => {
      replaceInList(saved);
      form.setFields([{ name: 'subject', errors: [] }, { name: 'body', errors: [] }]);
      message.success(t('notify.tpl.resetDone'));
    },
    onError: (e) => message.error(errorMessage(e)),
  });

  const insert = (tag: string) => {
    const target = lastField.current ?? { name: 'body' as Field, el: null };
    const value = form.getFieldValue(target.name) ?? '';
    const el = target.el;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    form.setFieldValue(target.name, value.slice(0, start) + tag + value.slice(end));
    form.setFields([{ name: target.name, errors: [] }]);
    requestAnimationFrame(() => {
      if (!el) return;
      el.focus();
      el.setSelectionRange(start + tag.length, start + tag.length);
    });
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card size="small"
        title={<Space>{zhUi ? template.zh : template.en}<Typography.Text type="secondary" code>{template.event}</Typography.Text>{template.customised && <Tag color="blue">{t('notify.tpl.customised')}</Tag>}</Space>}
        extra={template.updatedAt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{template.updatedBy} {formatDateTime(template.updatedAt)}</Typography.Text>}>
        <Form form={form} layout="vertical" initialValues={{ subject: template.subject, body: template.body }} onFinish={(v) => save.mutate(v)}>
          <Form.Item name="subject" label={t('notify.tpl.subject')} rules={[{ required: true, whitespace: true, message: t('msg.required', { field: t('notify.tpl.subject') }) }]}>
            <Input onFocus={(e) => { lastField.current = { name: 'subject', el: e.target }; }} />
          </Form.Item>
          <Form.Item name="body" label={t('notify.tpl.body')} rules={[{ required: true, whitespace: true, message: t('msg.required', { field: t('notify.tpl.body') }) }]}>
            <Input.TextArea onFocus={(e) => { lastField.current = { name: 'body', el: e.target }; }} autoSize={{ minRows: 8, maxRows: 24 }} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          <Typography.Text strong>{t('notify.tpl.placeholders')}</Typography.Text>
          <div style={{ margin: '8px 0 16px' }}>
            <PlaceholderTags placeholders={template.placeholders} zhUi={zhUi} onInsert={insert} />
          </div>
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending}>{t('notify.tpl.save')}</Button>
            <Popconfirm title={t('notify.tpl.resetConfirm')} onConfirm={() => reset.mutate()} disabled={!template.customised}>
              <Button disabled={!template.customised} loading={reset.isPending}>{t('notify.tpl.reset')}</Button>
            </Popconfirm>
          </Space>
        </Form>
      </Card>
      <TemplatePreview form={form} template={template} />
    </Space>
  );
}

function PlaceholderTags({ placeholders, zhUi, onInsert }: { placeholders: Placeholder[]; zhUi: boolean; onInsert: (tag: string) => void }) {
  const { t } = useTranslation();
  const tag = (p: Placeholder, text: string) => (
    <Tooltip key={p.name} title={`${zhUi ? p.zh : p.en} · ${JSON.stringify(p.example)}`.slice(0, 200)}>
      <Tag style={{ cursor: 'pointer', marginBottom: 4 }} onClick={() => onInsert(text)} aria-label={`{{${p.name}}}`}>{`{{${p.name}}}`}</Tag>
    </Tooltip>
  );
  return (
    <>
      {placeholders.map((p) => (p.fields
        ? (
            <div key={p.name} style={{ marginBottom: 4 }}>
              {tag(p, `{{#each ${p.name}}}\n{{/each}}`)}
              <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 8 }}>{t('notify.tpl.fieldsOf', { name: p.name })}:</Typography.Text>
              {p.fields.map((f) => tag(f, `{{${f.name}}}`))}
            </div>
          )
        : tag(p, `{{${p.name}}}`)))}
    </>
  );
}

/** Renders what is in the form with the event's example data, a moment after each edit. */
function TemplatePreview({ form, template }: { form: ReturnType<typeof Form.useForm<Values>>[0]; template: MessageTemplate }) {
  const { t } = useTranslation();
  const subject = Form.useWatch('subject', form) ?? template.subject;
  const body = Form.useWatch('body', form) ?? template.body;
  const [shown, setShown] = useState<Rendered | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!subject.trim() || !body.trim()) return;
    let live = true;
    const timer = setTimeout(() => {
      templates.preview(template.event, template.lang, { subject, body })
        .then((r) => { if (live) { setShown(r); setError(null); } })
        .catch((e: unknown) => { if (live) setError(errorMessage(e)); });
    }, 300);
    return () => { live = false; clearTimeout(timer); };
  }, [subject, body, template.event, template.lang]);
  return (
    <Card size="small" title={t('notify.tpl.preview')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('notify.tpl.previewHelp')}</Typography.Text>}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
      {shown && (
        <div data-testid="template-preview">
          <Typography.Paragraph><Typography.Text type="secondary">{t('notify.tpl.previewSubject')}: </Typography.Text><Typography.Text strong data-testid="preview-subject">{shown.subject}</Typography.Text></Typography.Paragraph>
          <Tabs size="small" items={[
            // sandbox="" runs no script and treats the document as another origin: the HTML cannot touch the app.
            { key: 'html', label: t('notify.tpl.previewHtml'), children: <iframe title={t('notify.tpl.previewHtml')} sandbox="" srcDoc={shown.html} style={{ width: '100%', height: 360, border: '1px solid #eee', background: '#fff' }} /> },
            { key: 'text', label: t('notify.tpl.previewText'), children: <pre data-testid="preview-text" style={{ whiteSpace: 'pre-wrap', margin: 0, fontSize: 13 }}>{shown.text}</pre> },
          ]} />
        </div>
      )}
    </Card>
  );
}
