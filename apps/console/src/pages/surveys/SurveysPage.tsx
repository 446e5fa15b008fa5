import { Card, Empty, Select } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/useApi';
import type { Instance, Page } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { SurveyPanel } from './SurveyPanel';

/** Pick a survey-plan instance and see its survey. */
export function SurveysPage() {
  const { t } = useI18n();
  const plans = useApi<Page<Instance>>('/instances?procedure=annual-satisfaction-survey&pageSize=200');
  const [picked, setPicked] = useState<string>();
  const id = picked ?? plans.data?.items[0]?.id;
  const instance = useApi<Instance>(id ? `/instances/${id}` : null);
  return (
    <>
      <PageHeader
        title={t('surveys.title')}
        extra={<Select style={{ width: 320, maxWidth: '100%' }} placeholder={t('surveys.pickPlan')} value={id} onChange={setPicked} options={(plans.data?.items ?? []).map((i) => ({ value: i.id, label: i.title }))} />}
      />
      {instance.data ? <SurveyPanel key={instance.data.id} instance={instance.data} onChange={instance.reload} /> : !id && <Card><Empty description={t('surveys.noPlans')} /></Card>}
    </>
  );
}
