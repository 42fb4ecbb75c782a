import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from './errors';

type Options<T, V, I> = {
  /** Record id when editing; undefined when creating. */
  id?: string;
  queryKey: string;
  get: (id: string) => Promise<T>;
  create: (input: I) => Promise<T>;
  update: (id: string, input: I) => Promise<T>;
  /** API record → form values (money fen → yuan, etc.). */
  toValues: (record: T) => V;
  /** Form values → API input. */
  toInput: (values: V) => I;
  initialValues: Partial<V>;
  onSaved: (record: T) => void;
  /** Server field names that differ from the form's. */
  rename?: Record<string, string>;
};

/** Loads a record into an antd form, saves it (create or update), and puts server field errors on the fields. */
export function useRecordForm<T, V extends object, I>(o: Options<T, V, I>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<V>();
  const record = useQuery({ queryKey: [o.queryKey, 'one', o.id], queryFn: () => o.get(o.id!), enabled: !!o.id });

  useEffect(() => {
    if (record.data) form.setFieldsValue(o.toValues(record.data) as Parameters<typeof form.setFieldsValue>[0]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [record.data, form]);

  const save = useMutation({
    mutationFn: (v: V) => (o.id ? o.update(o.id, o.toInput(v)) : o.create(o.toInput(v))),
    onSuccess: async (saved) => {
      message.success(t(o.id ? 'msg.saved' : 'msg.created'));
      await qc.invalidateQueries({ queryKey: [o.queryKey] });
      o.onSaved(saved);
    },
    onError: (e) => {
      applyFieldErrors(form, e, o.rename);
      message.error(errorMessage(e));
    },
  });

  return { form, record, save, initialValues: o.initialValues, loading: !!o.id && record.isLoading };
}
