import type { IncomingMessage } from 'node:http';
import connectPgSimple from 'connect-pg-simple';
import { Router, type RequestHandler } from 'express';
import session from 'express-session';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { poolOf, poolQueryable } from '../db/pool';
import { prepare, runPrepared } from '../db/prepared';
import { actorFromRow, actorOf, loadActor, type Actor, type ActorRow } from './actor';
import type { AccountService } from './accounts.service';

export const SESSION_COOKIE = 'lr.sid';
const SESSION_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
const TOUCH_INTERVAL_MS = 60_000;
const MAX_REMEMBERED_TOUCHES = 100_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const MAX_BROUGHT_ALONG = 10_000;

/** A session as connect-pg-simple reads it, with its signed-in person in the same round trip. */
const SESSION_WITH_ACTOR = prepare(
  'session-with-actor',
  `SELECT s.sess, a.* FROM sessions s LEFT JOIN LATERAL (${actorOf('s.user_id')}) a ON true WHERE s.sid = $1 AND s.expire >= to_timestamp($2)`,
);

export interface SessionSetup {
  middleware: RequestHandler[];
  authenticator: passport.Authenticator;
  close(): Promise<void>;
}

/**
 * Sessions live in PostgreSQL so any app server can serve any request; the cookie is httpOnly,
 * SameSite=Lax and Secure whenever the public address is https.
 */
export function createSessions(options: { dataSource: DataSource; secret: string; publicUrl: string; accounts: AccountService; log: Logger }): SessionSetup {
  const PgStore = connectPgSimple(session);
  /*
   * A rolling session is touched after the response is written. If that fails (the database
   * just went away), express-session hands the error on once the response is out, and Express
   * then cuts the connection before the answer's last byte. A missed touch only shortens the
   * session's life, so it is logged and forgiven.
   *
   * Touching is a committed write, so it is done at most once a minute per session and process:
   * on a 30-day session the minute lost is nothing, and a busy user's every request no longer
   * waits its turn for a disk flush.
   */
  const lastTouch = new Map<string, number>();
  /*
   * Reading a session and then its person were two round trips on every signed-in request, each
   * a socket write that cost more than the query. The store reads both at once and leaves the
   * person here for passport, which takes it for the same session moments later (or, when a
   * parallel request of the same session took it first, reads the person itself).
   */
  const db = poolQueryable(options.dataSource);
  const broughtAlong = new Map<string, Actor>();
  class ForgivingTouchStore extends PgStore {
    override get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
      runPrepared(db, SESSION_WITH_ACTOR, [sid, Math.ceil(Date.now() / 1000)]).then(([row]: (ActorRow & { sess: session.SessionData })[]) => {
        if (!row) return callback(null, null);
        if (row.id) {
          if (broughtAlong.size >= MAX_BROUGHT_ALONG) broughtAlong.clear();
          broughtAlong.set(sid, actorFromRow(row));
        }
        callback(null, row.sess);
      }, callback);
    }

    override touch(sid: string, sess: session.SessionData, callback?: (err?: unknown) => void): void {
      const now = Date.now();
      if (now - (lastTouch.get(sid) ?? 0) < TOUCH_INTERVAL_MS) {
        callback?.();
        return;
      }
      if (lastTouch.size >= MAX_REMEMBERED_TOUCHES) lastTouch.clear();
      lastTouch.set(sid, now);
      super.touch(sid, sess, (err?: unknown) => {
        if (err) {
          lastTouch.delete(sid);
          options.log.warn({ err }, 'session touch failed');
        }
        callback?.();
      });
    }
  }
  const store = new ForgivingTouchStore({
    pool: poolOf(options.dataSource),
    tableName: 'sessions',
    createTableIfMissing: false,
    errorLog: (...args: unknown[]) => options.log.warn({ detail: args.map(String).join(' ') }, 'session store'),
  });

  const authenticator = new passport.Passport();
  authenticator.use(
    new LocalStrategy({ usernameField: 'email', passwordField: 'password', session: true }, (email, password, done) => {
      options.accounts
        .authenticate(email, password)
        .then((userId) => (userId ? loadActor(db, userId) : undefined))
        .then((actor) => done(null, actor ?? false), done);
    }),
  );
  authenticator.serializeUser((user, done) => done(null, user.id));
  authenticator.deserializeUser((req: IncomingMessage & { sessionID?: string }, id: string, done: (err: unknown, user?: Actor | false) => void) => {
    const actor = req.sessionID === undefined ? undefined : broughtAlong.get(req.sessionID);
    if (req.sessionID !== undefined) broughtAlong.delete(req.sessionID);
    if (actor?.id === id) return done(null, actor);
    loadActor(db, id).then((found) => done(null, found ?? false), done);
  });

  const stack = Router();
  stack.use(
    session({
      store,
      name: SESSION_COOKIE,
      secret: options.secret,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      proxy: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure: options.publicUrl.startsWith('https:'), maxAge: SESSION_MAX_AGE_MS, path: '/' },
    }),
    authenticator.initialize(),
    authenticator.session(),
  );
  /*
   * A read without the session cookie is nobody's: express-session would make up a session id
   * for it (and drop it again) and passport look for a user, a few percent of a search's time.
   * Only a POST ever starts a session (sign-in, registration).
   */
  const middleware: RequestHandler = (req, res, next) => {
    if (SAFE_METHODS.has(req.method) && !req.headers.cookie?.includes(`${SESSION_COOKIE}=`)) return next();
    stack(req, res, next);
  };
  return {
    middleware: [middleware],
    authenticator,
    close: async () => {
      await store.close();
    },
  };
}
