import { Card, Empty, Tabs } from 'antd';
import { useApi } from '../../api/useApi';
import type { Recipient, Survey, SurveyResults } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { RecipientsTable } from './RecipientsTable';
import { ResultsCharts } from './ResultsCharts';
import { ReturnRate } from './ReturnRate';

function SurveyDetail({ survey }: { survey: Survey }) {
  const { t } = useI18n();
  const results = useApi<SurveyResults>(`/surveys/${survey.id}/results`);
  const recipients = useApi<Recipient[]>(`/surveys/${survey.id}/recipients`);
  return (
    <>
      <ErrorAlert error={results.error ?? recipients.error} />
      {results.data && <ReturnRate results={results.data} />}
      <Tabs
        items={[
          { key: 'results', label: t('surveys.results'), children: results.data ? <ResultsCharts results={results.data} /> : <Empty /> },
          { key: 'recipients', label: `${t('surveys.recipients')} (${recipients.data?.length ?? 0})`, children: <RecipientsTable recipients={recipients.data ?? []} /> },
        ]}
      />
    </>
  );
}

/** The survey of a survey-plan instance: recipients, return rate vs target, results. */
export function SurveyPanel({ instanceId }: { instanceId: string }) {
  const { t } = useI18n();
  const surveys = useApi<Survey[]>(`/surveys?instanceId=${instanceId}`);
  const survey = surveys.data?.[0];
  return (
    <Card title={survey ? `${t('instance.survey')} · ${survey.title}` : t('instance.survey')} style={{ marginBottom: 16 }}>
      <ErrorAlert error={surveys.error} />
      {survey ? <SurveyDetail survey={survey} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('surveys.none')} />}
    </Card>
  );
}
