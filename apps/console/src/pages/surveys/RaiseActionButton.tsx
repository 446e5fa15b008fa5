import { App, Button } from 'antd';
import { useState } from 'react';
import { request } from '../../api/client';
import type { Instance } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';

/**
 * Raises a corrective action from a survey item (domain.md section 5), for the roles that
 * start one, and opens it. An item that has one already opens that one.
 */
export function RaiseActionButton({ surveyId, item }: { surveyId: string; item: string }) {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (!hasRole('quality') && !hasRole('management_rep')) return null;
  const raise = async () => {
    setBusy(true);
    try {
      const res = await request(`/surveys/${surveyId}/items/${encodeURIComponent(item)}/corrective-action`, { method: 'POST', body: '{}' });
      const action = (await res.json()) as Instance;
      // 201: raised now; 200: the item's action raised before
      void message.success(t(res.status === 201 ? 'report.actionRaised' : 'report.actionExists'));
      navigate(`/instances/${action.id}`);
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" type="link" loading={busy} onClick={() => void raise()} className="sf-raise-action">
      {t('report.raiseAction')}
    </Button>
  );
}
