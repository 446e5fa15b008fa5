import { Alert } from 'antd';
import { useI18n } from '../i18n/I18nProvider';
import { describeError } from './errors';

/** Shows an API failure inline: the kind of refusal and the server's message. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const { title, detail } = describeError(error, t);
  return <Alert type="error" showIcon title={title} description={detail} style={{ marginBottom: 16 }} />;
}
