import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import type { Actor } from '../accounts/actor';
import { DomainError } from './errors';
import { parseInput } from './validate';

/**
 * Who may reach a route at all. Finer rules (whose booking, which organization) live in the
 * policy module and are applied by services; this is only the door.
 */
export type Access = 'public' | 'signed_in' | 'verified' | 'operator';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<B, Q, P> {
  body: Parsed<B>;
  query: Parsed<Q>;
  params: Parsed<P>;
  actor: Actor | undefined;
}

export interface RouteSpec<B = undefined, Q = undefined, P = undefined> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  access: Access;
  body?: B;
  query?: Q;
  params?: P;
  /** Status of a successful answer with a body; a handler that returns nothing answers 204. */
  status?: number;
  /** The successful answer's body for the API document; `null` for 204 No Content. */
  response?: z.ZodType | null;
  /** Media type of the successful answer when it is not JSON. */
  contentType?: string;
  handler(input: RouteInput<B, Q, P>, http: { req: Request; res: Response }): Promise<unknown> | unknown;
}

/** A route with its types erased, for the registry (OpenAPI, the authorization matrix). */
export interface AnyRoute extends Omit<RouteSpec, 'handler' | 'body' | 'query' | 'params'> {
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  handler(input: { body: unknown; query: unknown; params: unknown; actor: Actor | undefined }, http: { req: Request; res: Response }): Promise<unknown> | unknown;
}

export function defineRoute<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, P extends z.ZodType | undefined = undefined>(
  spec: RouteSpec<B, Q, P>,
): AnyRoute {
  return spec as unknown as AnyRoute;
}

/** Decides whether a request comes from the platform's operators (metrics). */
export type OperatorCheck = (req: Request) => boolean;

function enforceAccess(access: Access, actor: Actor | undefined, req: Request, isOperator: OperatorCheck): void {
  if (access === 'public') return;
  if (access === 'operator') {
    if (!isOperator(req)) throw new DomainError('forbidden', 'Only the platform’s operators may read this');
    return;
  }
  if (!actor) throw new DomainError('unauthenticated', 'Please sign in first');
  if (access === 'verified' && !actor.emailVerified) throw new DomainError('forbidden', 'Please confirm your e-mail address first');
}

const parseOptional = (schema: z.ZodType | undefined, value: unknown, where: 'body' | 'query' | 'params') =>
  schema ? parseInput(schema, value, where) : undefined;

/** Turns route specs into an express router: door check, input parsing, JSON answer. */
export function mountRoutes(routes: AnyRoute[], isOperator: OperatorCheck): Router {
  const router = Router();
  for (const route of routes) {
    router[route.method](route.path, async (req, res) => {
      const actor = req.user as Actor | undefined;
      enforceAccess(route.access, actor, req, isOperator);
      const input = {
        params: parseOptional(route.params, req.params, 'params'),
        query: parseOptional(route.query, req.query, 'query'),
        body: parseOptional(route.body, req.body ?? {}, 'body'),
        actor,
      };
      const result = await route.handler(input, { req, res });
      if (res.headersSent) return;
      if (result === undefined) res.status(204).end();
      else res.status(route.status ?? 200).json(result);
    });
  }
  return router;
}
