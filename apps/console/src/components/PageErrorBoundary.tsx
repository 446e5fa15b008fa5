import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/**
 * A part of the page loaded on demand that is no longer on the server: the console in this
 * tab is older than the server's (a new release was installed). Chrome, Firefox and Safari
 * word the failed dynamic import differently.
 */
const STALE_BUILD = /dynamically imported module|Importing a module script failed/i;

function PageFailed({ error }: { error: Error }) {
  const { t } = useI18n();
  const stale = STALE_BUILD.test(error.message);
  return (
    <Result
      status={stale ? 'info' : 'error'}
      title={t(stale ? 'error.newVersion' : 'error.page')}
      subTitle={stale ? t('error.newVersionSub') : error.message}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </Button>
      }
    />
  );
}

/**
 * Keeps a page that fails to render from blanking the whole console: the menu stays, the
 * page says what happened and offers a reload. Keyed by path where used, so moving to
 * another page starts afresh.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  state: { error?: Error } = {};

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  render(): ReactNode {
    return this.state.error ? <PageFailed error={this.state.error} /> : this.props.children;
  }
}
