import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Card, Empty, Table, Tag } from 'antd';
import type { Change, SurveyResults } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';

/** Trend against the previous survey of the series, with the 95 % margin of error. */
export function ChangesCard({ results, titleOf }: { results: SurveyResults; titleOf: (key: string) => string }) {
  const { t } = useI18n();
  const changes = results.changes;
  return (
    <Card size="small" title={changes?.previousTitle ? `${t('results.changes')} · ${changes.previousTitle}` : t('results.changes')} style={{ marginBottom: 16 }}>
      {!changes ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('results.noPrevious')} />
      ) : (
        <Table<Change>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={changes.changes}
          columns={[
            { title: t('results.item'), key: 'key', render: (_, c) => titleOf(c.key) },
            { title: t('results.previous'), dataIndex: 'previous' },
            { title: t('results.current'), dataIndex: 'current' },
            {
              title: t('results.delta'),
              key: 'delta',
              render: (_, c) => (c.delta === null ? '—' : <span style={{ color: c.delta >= 0 ? '#389e0d' : '#cf1322' }}>{c.delta >= 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {c.delta}</span>),
            },
            { title: t('results.margin'), key: 'moe', render: (_, c) => (c.marginOfError === null ? '—' : `± ${c.marginOfError}`) },
            {
              title: t('results.significance'),
              key: 'sig',
              render: (_, c) => (c.significant === null ? <Tag>{t('results.notComputable')}</Tag> : c.significant ? <Tag color="magenta">{t('results.significant')}</Tag> : <Tag>{t('results.notSignificant')}</Tag>),
            },
          ]}
        />
      )}
    </Card>
  );
}
