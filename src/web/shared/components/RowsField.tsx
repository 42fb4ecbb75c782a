import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  name: string;
  label?: ReactNode;
  addText: string;
  /** Values of a freshly added row. */
  newRow: object;
  /** The inputs of row `index` (use `[index, 'field']` as their names). */
  children: (index: number) => ReactNode;
  testId?: string;
};

/** A form list: one line of inputs per row (wrapping on phones), a delete button each, and an add button. */
export function RowsField({ name, label, addText, newRow, children, testId }: Props) {
  const { t } = useTranslation();
  return (
    <Form.Item label={label}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((f) => (
              <Flex key={f.key} gap={8} wrap="wrap" align="flex-start" data-testid={testId}>
                {children(f.name)}
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('action.remove')} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ ...newRow })} style={{ alignSelf: 'flex-start' }}>
              {addText}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
