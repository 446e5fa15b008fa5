import { Result } from 'antd';
import { useEffect } from 'react';
import { useAuth } from './auth/AuthProvider';
import { AUDIT_READERS } from './components/AppLayout';
import { useI18n } from './i18n/I18nProvider';
import { CalendarPage } from './pages/admin/CalendarPage';
import { RolesPage } from './pages/admin/RolesPage';
import { UsersPage } from './pages/admin/UsersPage';
import { AuditPage } from './pages/audit/AuditPage';
import { ProcedureBoard } from './pages/cases/ProcedureBoard';
import { CustomersPage } from './pages/customers/CustomersPage';
import { InboxPage } from './pages/InboxPage';
import { InstancePage } from './pages/instance/InstancePage';
import { InstancesPage } from './pages/InstancesPage';
import { ProceduresPage } from './pages/ProceduresPage';
import { SurveysPage } from './pages/surveys/SurveysPage';
import { match, navigate } from './router';

function Forbidden() {
  const { t } = useI18n();
  return <Result status="403" title="403" subTitle={t('audit.forbidden')} />;
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to), [to]);
  return null;
}

/** Path → page; role-gated pages say so instead of failing. */
export function Routes({ path }: { path: string }) {
  const { hasRole } = useAuth();
  const instance = match('/instances/:id', path);
  if (instance) return <InstancePage key={instance.id} id={instance.id} />;
  switch (path) {
    case '/inbox':
      return <InboxPage />;
    case '/instances':
      return <InstancesPage />;
    case '/surveys':
      return <SurveysPage />;
    case '/customers':
      return <CustomersPage />;
    case '/complaints':
      return <ProcedureBoard key="complaints" procedure="customer-complaint" title="board.complaints" subtitle="board.complaintsSub" />;
    case '/actions':
      return <ProcedureBoard key="actions" procedure="corrective-action" title="board.actions" subtitle="board.actionsSub" />;
    case '/reviews':
      return <ProcedureBoard key="reviews" procedure="management-review" title="board.reviews" subtitle="board.reviewsSub" />;
    case '/procedures':
      return <ProceduresPage />;
    case '/audit':
      return hasRole(...AUDIT_READERS) ? <AuditPage /> : <Forbidden />;
    case '/admin/users':
      return hasRole('admin') ? <UsersPage /> : <Forbidden />;
    case '/admin/roles':
      return hasRole('admin') ? <RolesPage /> : <Forbidden />;
    case '/admin/calendar':
      return hasRole('admin') ? <CalendarPage /> : <Forbidden />;
    default:
      return <Redirect to="/inbox" />;
  }
}
