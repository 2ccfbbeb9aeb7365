import { readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import { DEFAULT_MAP_TILES } from '@landraeume/shared';
import { clientConfigRoutes } from './client-config/client-config.routes';
import { authRoutes } from './accounts/auth.routes';
import { AccountService } from './accounts/accounts.service';
import { meRoutes } from './accounts/me.routes';
import { ProfileService } from './accounts/profile.service';
import { createSessions } from './accounts/session';
import { createGenericPlanPool } from './db/generic-plans';
import { healthRoutes } from './health/health.routes';
import type { Drain } from './http/drain';
import { crossSiteProtection } from './http/cross-site';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { createRateLimiters, DEFAULT_RATE_LIMITS, type RateLimitConfig } from './http/rate-limit';
import { operatorCheck } from './http/operator';
import { requestLog } from './http/request-log';
import { mountRoutes, type AnyRoute } from './http/route';
import { securityHeaders } from './http/security-headers';
import { staticClient } from './http/static-client';
import { createMetrics, type Metrics } from './metrics/metrics';
import { metricsRoutes } from './metrics/metrics.routes';
import { createMailer, type Mailer } from './notifications/mailer';
import { openApiRoutes } from './openapi/openapi.routes';
import { InvitationService } from './organizations/invitations.service';
import { OrganizationService } from './organizations/organizations.service';
import { organizationRoutes } from './organizations/organizations.routes';
import { admissionRoutes } from './admission/admission.routes';
import { OrganizationSuspensionService } from './admission/organization-suspension.service';
import { ProviderApplicationService } from './admission/provider-applications.service';
import { spaceRoutes } from './spaces/spaces.routes';
import { accessRoutes } from './access/access.routes';
import { BookingAccessService } from './access/booking-access.service';
import { KeyHandoverService } from './access/key-handover.service';
import { BookingCreateService } from './bookings/booking-create.service';
import { DEFAULT_PENDING_EXPIRY_HOURS } from './bookings/booking-writer';
import { BookingDecisions } from './bookings/booking-decisions.service';
import { bookingRoutes } from './bookings/bookings.routes';
import { BookingQueries } from './bookings/bookings.query';
import { seriesRoutes } from './bookings/series/series.routes';
import { SeriesService } from './bookings/series/series.service';
import { SeriesApproval } from './bookings/series/series-approval.service';
import { SpaceService } from './spaces/spaces.service';
import { SpaceCatalog } from './spaces/space-catalog';
import { SearchDemandLog } from './demand/demand-log';
import { poolOf, poolQueryable } from './db/pool';
import { spaceManagementRoutes } from './spaces/management/management.routes';
import { SpaceManagementService } from './spaces/management/space-management.service';
import { SpaceSetupService } from './spaces/management/space-setup.service';
import { CommuteService } from './contracts/commute.service';
import { DEFAULT_COMMUTE_SETTINGS } from './contracts/commute';
import { ContractService } from './contracts/contracts.service';
import { contractRoutes } from './contracts/contracts.routes';
import { MyContractsService } from './contracts/my-contracts.service';
import { StatementService } from './contracts/statement.service';
import { UsageService } from './contracts/usage.service';
import { feedRoutes } from './feeds/feeds.routes';
import { FeedService } from './feeds/feeds.service';
import { DevMailbox } from './notifications/dev-mailbox';
import { notificationRoutes } from './notifications/notifications.routes';
import { OutboxAdminService } from './notifications/outbox-admin.service';
import { reportRoutes } from './reports/reports.routes';
import { ReportsService } from './reports/reports.service';
import { SurveyAdminService } from './demand/survey-admin.service';
import { surveyRoutes } from './demand/survey.routes';
import { SurveyService } from './demand/survey.service';
import { NewsletterService } from './demand/newsletter';
import { webhookRoutes } from './webhooks/webhooks.routes';
import { WebhookService } from './webhooks/webhooks.service';

import { checkInRoutes } from './checkin/checkin.routes';
import { CheckInService } from './checkin/checkin.service';
import { waitlistRoutes } from './waitlist/waitlist.routes';
import { WaitlistService } from './waitlist/waitlist.service';
import { DEFAULT_WAITLIST_HOLD_MINUTES, WaitlistOffers } from './waitlist/waitlist-offers';

export interface AppDeps {
  config: Pick<Config, 'publicUrl' | 'sessionSecret' | 'dataDir' | 'smtpUrl' | 'mailFrom'> & Partial<Pick<Config, 'pendingExpiryHours' | 'commute' | 'metricsToken' | 'role' | 'webhookAllowLinkLocal' | 'map' | 'waitlistHoldMinutes'>>;
  dataSource: DataSource;
  log: Logger;
  /** The built client; absent in API-only tests. */
  clientDir?: string;
  mailer?: Mailer;
  rateLimits?: RateLimitConfig;
  /** Set by the HTTP server: while it drains, answers close their connections and /readyz says 503. */
  drain?: Drain;
  /** Shared with the worker when both run in one process, so /metrics shows its failures too. */
  metrics?: Metrics;
}

export interface LandraeumeApp {
  app: Express;
  /** Every route the API serves: the source for the authorization matrix and the API document. */
  routes: AnyRoute[];
  metrics: Metrics;
  /** Writes what the app holds back for a moment (counted searches); closing does it too. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export const JSON_BODY_LIMIT = '100kb';

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export function createApp(deps: AppDeps): LandraeumeApp {
  const { config, dataSource: db, log } = deps;
  const mailer = deps.mailer ?? createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir, publicUrl: config.publicUrl });
  const limits = createRateLimiters(poolOf(db), deps.rateLimits ?? DEFAULT_RATE_LIMITS, config.sessionSecret);

  const invitations = new InvitationService(db, mailer, config.publicUrl);
  const accounts = new AccountService(db, mailer, config.publicUrl, invitations);
  const profiles = new ProfileService(db);
  const organizations = new OrganizationService(db, invitations);
  const sessions = createSessions({ dataSource: db, secret: config.sessionSecret, publicUrl: config.publicUrl, accounts, log });

  const metrics = deps.metrics ?? createMetrics(db);
  const searchDb = createGenericPlanPool(db, log);
  // One copy of the spaces' fixed parts per server, for search, availability and bookings alike.
  const catalog = new SpaceCatalog();
  const searchDemand = new SearchDemandLog(poolQueryable(db), (err) => log.warn({ err }, 'search demand not recorded'));
  const spaces = new SpaceService(db, undefined, (entry) => searchDemand.record(entry), searchDb, catalog);
  const contracts = new ContractService(db);
  const commute = config.commute ?? DEFAULT_COMMUTE_SETTINGS;
  const pendingExpiryHours = config.pendingExpiryHours ?? DEFAULT_PENDING_EXPIRY_HOURS;
  const bookingCreate = new BookingCreateService(db, pendingExpiryHours, undefined, metrics.bookings, catalog);
  const operations = [...healthRoutes(db, deps.drain), ...metricsRoutes(metrics)];
  const api = [
    ...authRoutes({ db, accounts, profiles, authenticator: sessions.authenticator, limits }),
    ...meRoutes(profiles),
    ...clientConfigRoutes({ map: config.map ?? DEFAULT_MAP_TILES }),
    ...organizationRoutes(organizations, invitations),
    ...admissionRoutes(new ProviderApplicationService(db), new OrganizationSuspensionService(db)),
    ...spaceRoutes(spaces),
    ...spaceManagementRoutes(new SpaceManagementService(db, spaces), new SpaceSetupService(db, spaces)),
    ...bookingRoutes({
      create: bookingCreate,
      decisions: new BookingDecisions(db, undefined, metrics.bookings),
      queries: new BookingQueries(db),
    }),
    ...accessRoutes({ access: new BookingAccessService(db), keys: new KeyHandoverService(db) }),
    ...seriesRoutes(new SeriesService(db, pendingExpiryHours, undefined, metrics.bookings, catalog), new SeriesApproval(db)),
    ...checkInRoutes(new CheckInService(db, config.publicUrl)),
    ...waitlistRoutes(new WaitlistService(db, undefined, catalog), new WaitlistOffers(db, bookingCreate, config.waitlistHoldMinutes ?? DEFAULT_WAITLIST_HOLD_MINUTES, pendingExpiryHours)),
    ...contractRoutes({
      contracts,
      usage: new UsageService(db, commute),
      statements: new StatementService(db, contracts),
      myContracts: new MyContractsService(db),
      commute: new CommuteService(db, commute),
    }),
    ...feedRoutes(new FeedService(db, config.publicUrl)),
    ...notificationRoutes(new OutboxAdminService(db), new DevMailbox(config.smtpUrl ? undefined : path.join(config.dataDir, 'mail'))),
    ...surveyRoutes(new SurveyService(db), new SurveyAdminService(db), new NewsletterService(db), limits),
    ...reportRoutes(new ReportsService(db)),
    ...webhookRoutes(new WebhookService(db, { allowLinkLocal: config.webhookAllowLinkLocal ?? false })),
    ...openApiRoutes(() => routes, { version: VERSION, serverUrl: config.publicUrl }),
  ];
  // A worker answers health checks and scrapes, nothing else: bookings go to the API servers.
  const routes: AnyRoute[] = config.role === 'worker' ? operations : [...operations, ...api];

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.set('query parser', 'simple');
  // Hashing every answer for an ETag cost more than a bare request's routing; API answers are
  // computed anew per request anyway, and the feeds and the built client set their own.
  app.set('etag', false);

  app.use(metrics.httpTimer);
  app.use(requestLog(log));
  if (deps.drain) app.use(deps.drain.middleware);
  app.use(securityHeaders(config.publicUrl));
  app.use(crossSiteProtection(config.publicUrl));
  app.use(express.json({ limit: JSON_BODY_LIMIT, strict: true }));
  app.use(sessions.middleware);
  app.use(mountRoutes(routes, operatorCheck(config.metricsToken)));
  app.use('/api', notFoundHandler);
  if (deps.clientDir) app.use(staticClient(deps.clientDir));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return {
    app,
    routes,
    metrics,
    flush: () => searchDemand.flush(),
    close: async () => {
      await searchDemand.flush();
      await Promise.all([sessions.close(), searchDb.close()]);
    },
  };
}
