import { FormOutlined } from '@ant-design/icons';
import { Alert, Button, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useApi } from '../api/useApi';
import type { Survey } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { useI18n } from '../i18n/I18nProvider';
import { QuestionnaireBuilder } from '../pages/surveys/QuestionnaireBuilder';

/**
 * The plan's questionnaire: the survey attached to this instance (a plan is approved only with
 * one), its id the plan's `survey`. Without one, the builder is a click away.
 */
export function AttachedSurvey({ instanceId, instanceTitle, id, value, onChange }: { instanceId: string; instanceTitle: string; id?: string; value?: string; onChange?: (id: string | undefined) => void }) {
  const { t } = useI18n();
  const surveys = useApi<Survey[]>(`/surveys?instanceId=${instanceId}`);
  const [building, setBuilding] = useState(false);
  const survey = surveys.data?.[0];
  useEffect(() => {
    if (surveys.data && survey?.id !== value) onChange?.(survey?.id);
  }, [surveys.data, survey, value, onChange]);

  if (surveys.error) return <ErrorAlert error={surveys.error} />;
  if (!surveys.data) return <Spin size="small" />;
  return (
    <div id={id}>
      {survey ? (
        <Typography.Text strong className="sf-plan-survey">
          {survey.title}
        </Typography.Text>
      ) : (
        <Alert
          type="warning"
          showIcon
          title={t('plan.surveyMissing')}
          action={
            <Button size="small" type="primary" icon={<FormOutlined />} onClick={() => setBuilding(true)}>
              {t('builder.title')}
            </Button>
          }
        />
      )}
      {building && (
        <QuestionnaireBuilder
          instanceId={instanceId}
          instanceTitle={instanceTitle}
          onClose={() => setBuilding(false)}
          onCreated={() => {
            setBuilding(false);
            surveys.reload();
          }}
        />
      )}
    </div>
  );
}
