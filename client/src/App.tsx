import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiError } from './api/client';
import { Layout } from './components/Layout';
import { I18nProvider } from './i18n/i18n';
import { AccountPage } from './pages/AccountPage';
import { BookingsPage } from './pages/BookingsPage';
import { EmployerPage } from './pages/employer/EmployerPage';
import { InboxPage } from './pages/InboxPage';
import { InvitationPage } from './pages/InvitationPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PasswordResetPage, PasswordResetRequestPage } from './pages/PasswordPages';
import { RegionPage } from './pages/RegionPage';
import { RegisterPage } from './pages/RegisterPage';
import { SpacePage } from './pages/SpacePage';
import { StartPage } from './pages/StartPage';
import { TokenPage } from './pages/TokenPage';

// Pages few people open stay out of the start page's bundle.
const AdminJobsPage = lazy(() => import('./pages/AdminJobsPage').then((m) => ({ default: m.AdminJobsPage })));
const MailboxPage = lazy(() => import('./pages/MailboxPage').then((m) => ({ default: m.MailboxPage })));
const SurveyPage = lazy(() => import('./pages/SurveyPage').then((m) => ({ default: m.SurveyPage })));
const ReportsPage = lazy(() => import('./pages/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const KeyBoardPage = lazy(() => import('./pages/KeyBoardPage').then((m) => ({ default: m.KeyBoardPage })));
const ManagedSpacesPage = lazy(() => import('./pages/manage/ManagedSpacesPage').then((m) => ({ default: m.ManagedSpacesPage })));
const SpaceEditorPage = lazy(() => import('./pages/manage/SpaceEditorPage').then((m) => ({ default: m.SpaceEditorPage })));
const SpaceBookingsPage = lazy(() => import('./pages/manage/SpaceBookingsPage'));
const AdminOrganizationsPage = lazy(() => import('./pages/admin/AdminOrganizationsPage').then((m) => ({ default: m.AdminOrganizationsPage })));
const AdminOrganizationPage = lazy(() => import('./pages/admin/AdminOrganizationPage').then((m) => ({ default: m.AdminOrganizationPage })));
const CheckInPage = lazy(() => import('./pages/CheckInPage').then((m) => ({ default: m.CheckInPage })));
const QrSheetPage = lazy(() => import('./pages/QrSheetPage').then((m) => ({ default: m.QrSheetPage })));
const SurveyAdminPage = lazy(() => import('./pages/SurveyAdminPage').then((m) => ({ default: m.SurveyAdminPage })));
const WebhooksPage = lazy(() => import('./pages/webhooks/WebhooksPage').then((m) => ({ default: m.WebhooksPage })));
const ProviderApplicationPage = lazy(() => import('./pages/admission/ProviderApplicationPage').then((m) => ({ default: m.ProviderApplicationPage })));
const AdmissionInboxPage = lazy(() => import('./pages/admission/AdmissionInboxPage').then((m) => ({ default: m.AdmissionInboxPage })));

const queryClient = new QueryClient({
  defaultOptions: {
    // A 4xx will not change by asking again; only transient failures are retried.
    queries: { retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status < 500) },
  },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <BrowserRouter>
          <Layout>
            <Routes>
              <Route path="/" element={<StartPage />} />
              <Route path="/raeume/:slug" element={<SpacePage />} />
              <Route path="/anmelden" element={<LoginPage />} />
              <Route path="/registrieren" element={<RegisterPage />} />
              <Route path="/konto" element={<AccountPage />} />
              <Route path="/konto/bestaetigen" element={<TokenPage endpoint="/api/auth/verify-email" title="verify.title" done="verify.done" />} />
              <Route path="/newsletter/bestaetigen" element={<TokenPage endpoint="/api/newsletter/confirm" title="newsletter.title" done="newsletter.done" />} />
              <Route path="/passwort-vergessen" element={<PasswordResetRequestPage />} />
              <Route path="/passwort-zuruecksetzen" element={<PasswordResetPage />} />
              <Route path="/einladung" element={<InvitationPage />} />
              <Route path="/buchungen" element={<BookingsPage />} />
              <Route path="/anfragen" element={<InboxPage />} />
              <Route path="/arbeitgeber" element={<EmployerPage />} />
              <Route path="/region" element={<RegionPage />} />
              <Route path="/postfach" element={<Suspense><MailboxPage /></Suspense>} />
              <Route path="/admin/auftraege" element={<Suspense><AdminJobsPage /></Suspense>} />
              <Route path="/umfrage" element={<Suspense><SurveyPage /></Suspense>} />
              <Route path="/berichte" element={<Suspense><ReportsPage /></Suspense>} />
              <Route path="/schluessel" element={<Suspense><KeyBoardPage /></Suspense>} />
              <Route path="/checkin/:token" element={<Suspense><CheckInPage /></Suspense>} />
              <Route path="/qr/:spaceId" element={<Suspense><QrSheetPage /></Suspense>} />
              <Route path="/admin/umfrage" element={<Suspense><SurveyAdminPage /></Suspense>} />
              <Route path="/webhooks" element={<Suspense><WebhooksPage /></Suspense>} />
              <Route path="/anbieter-werden" element={<Suspense><ProviderApplicationPage /></Suspense>} />
              <Route path="/zulassung" element={<Suspense><AdmissionInboxPage /></Suspense>} />
              <Route path="/meine-raeume" element={<Suspense><ManagedSpacesPage /></Suspense>} />
              <Route path="/meine-raeume/:id" element={<Suspense><SpaceEditorPage /></Suspense>} />
              <Route path="/meine-raeume/:id/kalender" element={<Suspense><SpaceBookingsPage /></Suspense>} />
              <Route path="/admin/organisationen" element={<Suspense><AdminOrganizationsPage /></Suspense>} />
              <Route path="/admin/organisationen/:id" element={<Suspense><AdminOrganizationPage /></Suspense>} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Layout>
        </BrowserRouter>
      </I18nProvider>
    </QueryClientProvider>
  );
}
