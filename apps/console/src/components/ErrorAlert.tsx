import { Alert } from 'antd';
import { useI18n } from '../i18n/I18nProvider';
import { describeError } from './errors';

/** Shows an API failure inline: the kind of refusal, and the server's reason or the list of what to correct. */
export function ErrorAlert({ error, procedure }: { error: unknown; procedure?: string }) {
  const i18n = useI18n();
  if (!error) return null;
  const { title, detail, lines } = describeError(error, i18n, procedure);
  const description = lines.length ? (
    <ul className="sf-problems">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  ) : (
    detail
  );
  return <Alert type="error" showIcon title={title} description={description} style={{ marginBottom: 16 }} />;
}
