import type { FastifyRequest } from 'fastify';
import type { Actor } from '../audit/audit.ts';
import type { LoadedSession } from '../auth/sessions.ts';
import type { Action } from '../policy/policy.ts';
import type { Principal } from '../policy/roles.ts';

/**
 * Whether viewing a route is audited, and as what record. `false` is a
 * deliberate answer (a page with no child's, complainant's or person's record).
 */
export type ViewAudit =
  | false
  | {
      recordType: string;
      recordId?: (req: FastifyRequest) => string | undefined;
      summary: (req: FastifyRequest) => string;
    };

export interface RouteRules {
  /** The policy action a person needs, or 'public' for sign-in, health and assets. */
  permission: Action | 'public';
  audit: ViewAudit;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route and what it declared, for the route-permission tests. */
    declaredRoutes: import('./guard.ts').DeclaredRoute[];
  }
  interface FastifyContextConfig {
    permission?: Action | 'public';
    audit?: ViewAudit;
  }
  interface FastifyRequest {
    user: Principal | null;
    session: LoadedSession | null;
    actor: Actor;
    csrfToken: string;
  }
  interface FastifyReply {
    render(template: string, context?: Record<string, unknown>): FastifyReply;
    redirectWithFlash(
      url: string,
      flash:
        | { success: string; notice?: boolean }
        | { form: { values: Record<string, unknown>; errors: import('./forms.ts').FormErrors } },
    ): Promise<FastifyReply>;
    /** This answer's nonce for the page's inline script (security-headers.ts). */
    cspNonce: string;
  }
}
