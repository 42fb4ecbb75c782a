import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A page title with its buttons on the right (wrapping under the title on phones). */
export function PageHeader({ title, extra, back }: { title: ReactNode; extra?: ReactNode; back?: ReactNode }) {
  return (
    <Flex wrap="wrap" align="center" justify="space-between" gap={8} style={{ marginBottom: 16 }}>
      <Flex align="center" gap={8} style={{ minWidth: 0 }}>
        {back}
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
      </Flex>
      {extra && (
        <Flex wrap="wrap" gap={8}>
          {extra}
        </Flex>
      )}
    </Flex>
  );
}
