import { Card, Empty, Tabs } from 'antd';
import type { SurveyResults } from '../../api/types';
import { BarChart } from '../../components/Charts';
import type { TextKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/I18nProvider';

/** The overall index per product type, region, customer type, site. */
export function SlicesCard({ results }: { results: SurveyResults }) {
  const { t } = useI18n();
  const slices = Object.entries(results.slices ?? {}).filter(([, rows]) => rows.length > 0);
  return (
    <Card size="small" title={t('results.slices')} style={{ marginBottom: 16 }}>
      {slices.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Tabs
          size="small"
          items={slices.map(([kind, rows]) => ({
            key: kind,
            label: t(`customer.${kind}` as TextKey),
            children: <BarChart bars={rows.map((r) => ({ label: `${r.slice} (n=${r.respondents})`, value: r.index }))} />,
          }))}
        />
      )}
    </Card>
  );
}
