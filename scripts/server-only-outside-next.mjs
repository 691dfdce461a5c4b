// Stands in for the `server-only` package in Candor's own bundles (scripts/bundle.mjs):
// they are server code, run by node outside Next.js, where the package would throw.
export {};
