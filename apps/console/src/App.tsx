import { PeopleProvider } from './api/PeopleProvider';
import { ProcedureProvider } from './api/ProcedureProvider';
import { AuthProvider, useAuth } from './auth/AuthProvider';
import { AppLayout } from './components/AppLayout';
import { LongActionProvider } from './components/LongAction';
import { PageErrorBoundary } from './components/PageErrorBoundary';
import { I18nProvider } from './i18n/I18nProvider';
import { LoginPage } from './pages/LoginPage';
import { usePath } from './router';
import { Routes } from './Routes';

function Shell() {
  const { user } = useAuth();
  const path = usePath();
  if (!user) return <LoginPage />;
  return (
    <ProcedureProvider key={user.id}>
      <PeopleProvider>
        <AppLayout path={path}>
          <PageErrorBoundary key={path}>
            <Routes path={path} />
          </PageErrorBoundary>
        </AppLayout>
      </PeopleProvider>
    </ProcedureProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <LongActionProvider>
        <AuthProvider>
          <Shell />
        </AuthProvider>
      </LongActionProvider>
    </I18nProvider>
  );
}
