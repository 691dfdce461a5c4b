// What of a request's address may go to a log: links carrying a secret
// (offer and invitation tokens in the path, unsubscribe signatures in the
// query) must not land in log files. Pure.

const SECRET_SEGMENT = /^\/(offers|invite)\/[^/?#]+/;

/** "/offers/3f…/answer?x=1" → "/offers/…/answer": no query, no token. */
export function pathForLog(url: string | undefined): string {
  const path = (url ?? "").split(/[?#]/, 1)[0]!.slice(0, 200);
  return path.replace(SECRET_SEGMENT, "/$1/…");
}
