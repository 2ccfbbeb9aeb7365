import type { Request, Response } from 'express';
import type passport from 'passport';
import { loginSchema, meSchema, passwordResetRequestSchema, passwordResetSchema, registerSchema, tokenBodySchema } from '@landraeume/shared';
import { DomainError } from '../http/errors';
import { requestLocale } from '../http/locale';
import type { RateLimiters } from '../http/rate-limit';
import { defineRoute, type AnyRoute } from '../http/route';
import type { AccountService } from './accounts.service';
import { loadActor, type Actor } from './actor';
import type { ProfileService } from './profile.service';
import { SESSION_COOKIE } from './session';
import type { DataSource } from 'typeorm';

interface AuthDeps {
  db: DataSource;
  accounts: AccountService;
  profiles: ProfileService;
  authenticator: passport.Authenticator;
  limits: RateLimiters;
}

/** passport regenerates the session id on login, so a planted session id is worthless. */
const logIn = (req: Request, actor: Actor) => new Promise<void>((resolve, reject) => req.login(actor, (err) => (err ? reject(err) : resolve())));

function authenticate(deps: AuthDeps, req: Request, res: Response): Promise<Actor | false> {
  return new Promise((resolve, reject) => {
    deps.authenticator.authenticate('local', (err: unknown, user: Actor | false) => (err ? reject(err) : resolve(user)))(req, res, reject);
  });
}

export function authRoutes(deps: AuthDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/auth/register',
      summary: 'Create an account; sends a verification mail and signs in',
      access: 'public',
      response: meSchema,
      body: registerSchema,
      status: 201,
      async handler({ body }, { req }) {
        await deps.limits.registerPerIp.consume(req.ip ?? 'unknown');
        const userId = await deps.accounts.register(body, requestLocale(req));
        const actor = await loadActor(deps.db, userId);
        if (actor) await logIn(req, actor);
        return deps.profiles.me(userId);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/login',
      summary: 'Sign in with e-mail and password',
      access: 'public',
      response: meSchema,
      body: loginSchema,
      async handler({ body }, { req, res }) {
        await deps.limits.loginPerIp.consume(req.ip ?? 'unknown');
        await deps.limits.loginPerAccount.consume(body.email);
        const actor = await authenticate(deps, req, res);
        if (!actor) throw new DomainError('invalid_credentials', 'E-mail address or password is wrong');
        await deps.limits.loginPerAccount.reset(body.email);
        await logIn(req, actor);
        return deps.profiles.me(actor.id);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/logout',
      summary: 'Sign out: the session ends on the server, not just in the browser',
      access: 'public',
      response: null,
      async handler(_input, { req, res }) {
        await new Promise<void>((resolve, reject) => req.logout((err) => (err ? reject(err) : resolve())));
        await new Promise<void>((resolve, reject) => req.session.destroy((err) => (err ? reject(err) : resolve())));
        res.clearCookie(SESSION_COOKIE, { path: '/' });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/auth/me',
      summary: 'The signed-in person with their memberships',
      access: 'signed_in',
      response: meSchema,
      handler: ({ actor }) => deps.profiles.me(actor!.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/verify-email',
      summary: 'Confirm the e-mail address with the token from the verification mail',
      access: 'public',
      response: null,
      body: tokenBodySchema,
      handler: ({ body }) => deps.accounts.verifyEmail(body.token),
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/verify-email/resend',
      summary: 'Send the verification mail again',
      access: 'signed_in',
      response: null,
      handler: ({ actor }) => deps.accounts.sendVerification(actor!.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/password-reset/request',
      summary: 'Mail a single-use password reset link (answers the same whether the account exists or not)',
      access: 'public',
      response: null,
      body: passwordResetRequestSchema,
      async handler({ body }, { req }) {
        await deps.limits.resetPerIp.consume(req.ip ?? 'unknown');
        await deps.limits.resetPerAccount.consume(body.email);
        await deps.accounts.requestPasswordReset(body.email);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/password-reset',
      summary: 'Set a new password with the token from the reset mail; ends all sessions',
      access: 'public',
      response: null,
      body: passwordResetSchema,
      async handler({ body }, { req }) {
        await deps.limits.resetPerIp.consume(req.ip ?? 'unknown');
        await deps.accounts.resetPassword(body.token, body.password);
      },
    }),
  ];
}
