import { meSchema, personalDataExportSchema, profileUpdateSchema } from '@landraeume/shared';
import { defineRoute, type AnyRoute } from '../http/route';
import type { ProfileService } from './profile.service';
import { SESSION_COOKIE } from './session';

export function meRoutes(profiles: ProfileService): AnyRoute[] {
  return [
    defineRoute({
      method: 'patch',
      path: '/api/me',
      summary: 'Change name, language or home location',
      access: 'signed_in',
      response: meSchema,
      body: profileUpdateSchema,
      handler: ({ actor, body }) => profiles.update(actor!, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/me/export',
      summary: 'Everything the platform holds about the signed-in person (GDPR export)',
      access: 'signed_in',
      response: personalDataExportSchema,
      async handler({ actor }, { res }) {
        res.setHeader('Content-Disposition', 'attachment; filename="landraeume-datenexport.json"');
        return profiles.export(actor!);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/me',
      summary: 'Erase the account and its personal data',
      access: 'signed_in',
      response: null,
      async handler({ actor }, { req, res }) {
        await profiles.erase(actor!);
        await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
        res.clearCookie(SESSION_COOKIE, { path: '/' });
      },
    }),
  ];
}
