import { CheckCircleFilled, CloseCircleFilled, LoadingOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useApi } from '../../api/useApi';
import type { AuditVerification } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';

/** The result of re-checking the whole hash chain. */
export function VerifyBadge() {
  const { t } = useI18n();
  const { data, error } = useApi<AuditVerification>('/audit/verify');
  if (error) return null;
  if (!data) return <Alert type="info" icon={<LoadingOutlined />} showIcon title={t('audit.verifying')} style={{ marginBottom: 16 }} />;
  return data.ok ? (
    <Alert className="sf-verify" type="success" showIcon icon={<CheckCircleFilled />} title={t('audit.verifyOk', { n: data.checked })} style={{ marginBottom: 16 }} />
  ) : (
    <Alert className="sf-verify" type="error" showIcon icon={<CloseCircleFilled />} title={t('audit.verifyBroken', { seq: data.firstBroken?.seq ?? '?', reason: data.firstBroken?.reason ?? '' })} style={{ marginBottom: 16 }} />
  );
}
