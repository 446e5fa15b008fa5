import { Card, Empty, Table, Tag } from 'antd';
import type { KeyDriver, SurveyResults } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';

/** Improvement priority per dimension: correlation with overall satisfaction × room to improve. */
export function DriversCard({ results, titleOf }: { results: SurveyResults; titleOf: (key: string) => string }) {
  const { t } = useI18n();
  const drivers = results.drivers ?? [];
  return (
    <Card size="small" title={t('results.drivers')} style={{ marginBottom: 16 }}>
      {drivers.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('results.noDrivers')} />
      ) : (
        <Table<KeyDriver>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={[...drivers].sort((a, b) => a.rank - b.rank)}
          columns={[
            { title: t('results.rank'), dataIndex: 'rank', width: 70, render: (r: number) => <Tag color={r === 1 ? 'red' : 'default'}>{r}</Tag> },
            { title: t('results.dimension'), key: 'key', render: (_, d) => titleOf(d.key) },
            { title: t('results.correlation'), dataIndex: 'correlation', render: (v: number | null) => v ?? '—' },
            { title: t('results.index'), dataIndex: 'index', render: (v: number | null) => v ?? '—' },
            { title: t('results.priority'), dataIndex: 'priority', render: (v: number | null) => v ?? '—' },
          ]}
        />
      )}
    </Card>
  );
}
