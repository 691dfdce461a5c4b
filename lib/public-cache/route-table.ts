// Every route a visitor can reach outside the admin, declared once with how
// Candor's front server treats it: answered from the public response cache
// (classifyPublicRequest in routes.ts gives it a key) or passed to Next.js
// untouched. tests/unit/public-route-table.test.ts walks app/ and fails when a
// route is missing here or the classifier disagrees, so a new public page
// cannot silently bypass the cache, or be cached when it must not be.

export interface PublicRouteEntry {
  /** Cached: one stored answer per key for every reader. Not cached: personal, a form, or an operator's page. */
  cached: boolean;
  /** A path of this route, for the test. */
  example: string;
  /** Query parameters the route reads; each must be part of the cache key, or readers would share the wrong answer. */
  query?: string[];
  /** A value the key keeps for each parameter that only takes fixed values (the others are tried with "2"). */
  queryExample?: Record<string, string>;
}

/** Keyed by the route as app/ spells it, without route groups: "/incidents/[id]". */
export const PUBLIC_ROUTES: Record<string, PublicRouteEntry> = {
  "/": { cached: true, example: "/" },
  "/history": { cached: true, example: "/history", query: ["page"] },
  "/incidents/[id]": { cached: true, example: "/incidents/inc1" },
  "/incidents/[id]/postmortem": { cached: true, example: "/incidents/inc1/postmortem" },
  "/history.rss": { cached: true, example: "/history.rss" },
  "/history.atom": { cached: true, example: "/history.atom" },
  "/maintenance.ics": { cached: true, example: "/maintenance.ics" },
  // Rendered from the in-memory snapshot on each request: one cache entry per component id would let anyone fill the cache with unknown ids.
  "/components/[id]/history.rss": { cached: false, example: "/components/c1/history.rss" },
  "/api/banner": { cached: true, example: "/api/banner" },
  // The uploaded logo (any ?v= shares one entry: the route only asks whether it is there).
  "/logo/[variant]": { cached: true, example: "/logo/light", query: ["v"], queryExample: { v: "1" } },
  "/embed/banner.js": { cached: true, example: "/embed/banner.js" },
  "/api/v2/[...path]": { cached: true, example: "/api/v2/summary.json" },
  "/subscribe": { cached: true, example: "/subscribe", query: ["error"], queryExample: { error: "rate_limited" } },
  "/subscribe/sent": { cached: true, example: "/subscribe/sent" },
  // Personal: the recipient's own link.
  "/subscription": { cached: false, example: "/subscription?token=x" },
  // Form posts: answered with a redirect to a page.
  "/api/subscribe": { cached: false, example: "/api/subscribe" },
  "/api/subscription": { cached: false, example: "/api/subscription" },
  "/unsubscribe": { cached: false, example: "/unsubscribe?a=x&t=y" },
  "/api/unsubscribe": { cached: false, example: "/api/unsubscribe?a=x&t=y" },
  // A customer's make-good offer: personal (the token is theirs), a form, never shared.
  "/offers/[token]": { cached: false, example: "/offers/abc" },
  "/offers/[token]/answer": { cached: false, example: "/offers/abc/answer" },
  "/offers/[token]/thanks": { cached: false, example: "/offers/abc/thanks" },
  // Operators' pages and endpoints.
  "/sign-in": { cached: false, example: "/sign-in" },
  "/setup": { cached: false, example: "/setup" },
  "/invite/[token]": { cached: false, example: "/invite/abc" },
  "/api/auth/[...all]": { cached: false, example: "/api/auth/get-session" },
  "/api/health": { cached: false, example: "/api/health" },
  // The automation API: authenticated by a token, rate-limited per token, never shared.
  "/api/v1/[...rest]": { cached: false, example: "/api/v1/unknown" },
  "/api/v1/banner": { cached: false, example: "/api/v1/banner" },
  "/api/v1/component-groups": { cached: false, example: "/api/v1/component-groups" },
  "/api/v1/component-groups/[groupId]": { cached: false, example: "/api/v1/component-groups/g1" },
  "/api/v1/components": { cached: false, example: "/api/v1/components" },
  "/api/v1/components/[componentId]": { cached: false, example: "/api/v1/components/c1" },
  "/api/v1/components/[componentId]/status": { cached: false, example: "/api/v1/components/c1/status" },
  "/api/v1/docs": { cached: false, example: "/api/v1/docs" },
  "/api/v1/incidents": { cached: false, example: "/api/v1/incidents" },
  "/api/v1/incidents/[incidentId]": { cached: false, example: "/api/v1/incidents/inc1" },
  "/api/v1/incidents/[incidentId]/resolve": { cached: false, example: "/api/v1/incidents/inc1/resolve" },
  "/api/v1/incidents/[incidentId]/updates": { cached: false, example: "/api/v1/incidents/inc1/updates" },
  "/api/v1/maintenance": { cached: false, example: "/api/v1/maintenance" },
  "/api/v1/maintenance/[incidentId]/complete": { cached: false, example: "/api/v1/maintenance/inc1/complete" },
  "/api/v1/maintenance/[incidentId]/extend": { cached: false, example: "/api/v1/maintenance/inc1/extend" },
  "/api/v1/openapi.json": { cached: false, example: "/api/v1/openapi.json" },
  "/api/mcp": { cached: false, example: "/api/mcp" },
};

/**
 * Routes the front server answers itself, before the cache and Next.js (no
 * file in app/ serves them; with the cache off, `npm run dev` or
 * CANDOR_PUBLIC_CACHE_MB=0, they answer 404 and readers poll instead).
 */
export const FRONT_ROUTES: Record<string, { example: string; what: string }> = {
  "/api/v2/stream": { example: "/api/v2/stream", what: "server-sent events: the snapshot version, then each change" },
};

/**
 * Routes the launcher answers in the main thread, before Next.js
 * (lib/launcher/launcher-routes.ts; no file in app/ serves them): hot write
 * paths that Next's per-request cost would cap. Never cached.
 */
export const LAUNCHER_ROUTES: Record<string, { example: string; what: string }> = {
  "/api/v1/alerts/[source]": { example: "/api/v1/alerts/alertmanager", what: "alert intake: floods of one alert, by token" },
};

/** The files in the top-level public/ folder, served by Next.js as they are (the route-table test compares this with the folder). */
export const PUBLIC_FOLDER_FILES = ["favicon.ico", "robots.txt", "social-preview.png"];
