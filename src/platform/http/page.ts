import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import './messages.ts';
import type { Actor } from '../audit/audit.ts';
import type { Action } from '../policy/policy.ts';
import type { Principal } from '../policy/roles.ts';
import { NotFoundError, UserInputError } from './errors.ts';
import type { ViewAudit } from './types.ts';

/** Parsed path parameters and query string, as an audit rule sees them. */
export interface PageInput<P, Q> {
  params: P;
  query: Q;
}

/** Whether viewing is audited, and as what record, worked out from the parsed input. */
export type PageAudit<P, Q> =
  | false
  | {
      recordType: string;
      recordId?: (input: PageInput<P, Q>) => string | undefined;
      summary: (input: PageInput<P, Q>) => string;
    };

type Schema = z.ZodType;
type Out<S> = S extends Schema ? z.infer<S> : Record<string, never>;
/** A signed-in person on every route that is not public. */
export type UserOf<Perm> = Perm extends 'public' ? Principal | null : Principal;

export interface PageSpec<
  Perm extends Action | 'public',
  PS extends Schema | undefined,
  QS extends Schema | undefined,
  BS extends Schema | undefined,
> {
  method: 'GET' | 'POST';
  url: string;
  permission: Perm;
  audit: PageAudit<Out<PS>, Out<QS>>;
  params?: PS;
  query?: QS;
  body?: BS;
  /** A per-address limit on top of everything else (the sign-in and password-reset forms). */
  rateLimit?: { max: number; timeWindow: string };
}

export interface PageContext<Perm, P, Q, B> {
  params: P;
  query: Q;
  body: B;
  user: UserOf<Perm>;
  actor: Actor;
  req: FastifyRequest;
  reply: FastifyReply;
}

/** A path id: a bad one is a page that does not exist. */
export const idParams = z.object({ id: z.string().min(1).max(100) });

const none = z.object({}).loose();

/**
 * Declares one page or action: method, URL, who may use it, whether viewing is
 * audited, and zod schemas for its path, query and body. The handler gets the
 * parsed values and, on every route that is not public, a signed-in `user`.
 * Parsing fails as: path → 404 (no such record), query or body → 400 page.
 * Forms that a person fills in use `form()` (platform/http/form.ts) instead.
 */
export function page<
  Perm extends Action | 'public',
  PS extends Schema | undefined = undefined,
  QS extends Schema | undefined = undefined,
  BS extends Schema | undefined = undefined,
>(
  app: FastifyInstance,
  spec: PageSpec<Perm, PS, QS, BS>,
  handler: (ctx: PageContext<Perm, Out<PS>, Out<QS>, Out<BS>>) => Promise<unknown> | unknown,
) {
  const paramsSchema = spec.params ?? none;
  const querySchema = spec.query ?? none;
  const bodySchema = spec.body ?? none;
  const input = (req: FastifyRequest) => ({
    params: paramsSchema.parse(req.params) as Out<PS>,
    query: querySchema.parse(req.query ?? {}) as Out<QS>,
  });
  const audit: ViewAudit = spec.audit && {
    recordType: spec.audit.recordType,
    recordId: spec.audit.recordId && ((req) => (spec.audit ? spec.audit.recordId?.(input(req)) : undefined)),
    summary: (req) => (spec.audit ? spec.audit.summary(input(req)) : ''),
  };
  app.route({
    method: spec.method,
    url: spec.url,
    config: {
      permission: spec.permission,
      audit,
      ...(spec.rateLimit ? { rateLimit: spec.rateLimit } : {}),
    },
    handler: async (req, reply) => {
      const params = paramsSchema.safeParse(req.params);
      if (!params.success) throw new NotFoundError(spec.url);
      const query = querySchema.safeParse(req.query ?? {});
      if (!query.success)
        throw new UserInputError(query.error.issues[0]?.message ?? 'The address is not valid');
      const raw = withoutToken(req.body);
      const body = bodySchema.safeParse(raw);
      if (!body.success) throw new UserInputError(body.error.issues[0]?.message ?? 'The form is not valid');
      if (spec.permission !== 'public' && !req.user) throw new Error(`${spec.url}: no signed-in person`);
      return handler({
        params: params.data as Out<PS>,
        query: query.data as Out<QS>,
        body: body.data as Out<BS>,
        user: req.user as UserOf<Perm>,
        actor: req.actor,
        req,
        reply,
      });
    },
  });
}

/** The form's fields without the CSRF token, which the guard has already checked. */
export function withoutToken(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const { _csrf: _, ...rest } = body as Record<string, unknown>;
  return rest;
}
