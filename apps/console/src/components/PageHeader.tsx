import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** Title, one line of explanation and the page's own buttons. */
export function PageHeader({ title, subtitle, extra }: { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode }) {
  return (
    <Flex justify="space-between" align="flex-end" wrap gap={12} style={{ marginBottom: 16 }}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      </div>
      {extra && <Flex gap={8} wrap style={{ maxWidth: '100%' }}>{extra}</Flex>}
    </Flex>
  );
}
