import { Alert, Button, Card, Flex, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { getJson, query } from '../../api/client';
import type { GapResult, SurveyResults } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';

/** How many respondents would each have to answer one level higher for an item to reach a target. */
export function GapCalculator({ surveyId, results }: { surveyId: string; results: SurveyResults }) {
  const { t, local } = useI18n();
  const items = results.dimensions.flatMap((d) => d.items);
  const [item, setItem] = useState<string | undefined>(() => [...items].sort((a, b) => (a.index ?? 0) - (b.index ?? 0))[0]?.key);
  const [target, setTarget] = useState<number | null>(85);
  const [gap, setGap] = useState<GapResult>();
  const [error, setError] = useState<unknown>();
  const compute = async () => {
    setError(undefined);
    try {
      setGap(await getJson<GapResult>(`/surveys/${surveyId}/gap${query({ item, target })}`));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card size="small" title={t('results.gap')} style={{ marginBottom: 16 }} className="sf-gap">
      <Flex gap={8} wrap align="center">
        <Select style={{ minWidth: 200 }} value={item} onChange={setItem} options={items.map((i) => ({ value: i.key, label: `${local(i.title) || i.key} (${i.index ?? '—'})` }))} />
        <InputNumber min={0} max={100} value={target} onChange={setTarget} prefix={t('results.target')} style={{ width: 150 }} />
        <Button type="primary" disabled={!item || target === null} onClick={() => void compute()}>{t('results.compute')}</Button>
      </Flex>
      <ErrorAlert error={error} />
      {gap && (
        <Alert
          style={{ marginTop: 12 }}
          type={gap.respondentsToMove === null ? 'warning' : 'info'}
          showIcon
          title={
            gap.respondentsToMove === null
              ? t('results.gapUnreachable', { target: gap.target })
              : t('results.gapAnswer', { index: gap.index ?? '—', target: gap.target, n: gap.respondentsToMove })
          }
        />
      )}
    </Card>
  );
}
