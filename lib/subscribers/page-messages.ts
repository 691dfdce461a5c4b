// The answers the subscription pages show, by code: the public pages stay
// cacheable because a redirect names one of these fixed codes, never free text.

export const SUBSCRIBE_ERRORS = {
  invalid_email: "Enter an email address such as you@example.com.",
  unknown_component: "A chosen component is not on this page any more. Choose again.",
  rate_limited: "Too many subscription requests from here or for this address. Try again in an hour.",
} as const;
export type SubscribeErrorCode = keyof typeof SUBSCRIBE_ERRORS;

export function isSubscribeErrorCode(value: unknown): value is SubscribeErrorCode {
  return typeof value === "string" && Object.hasOwn(SUBSCRIBE_ERRORS, value);
}

export const SUBSCRIPTION_DONE = {
  confirmed: "Subscription confirmed. You will get an email when something happens to the components you follow.",
  saved: "Preferences saved.",
  unsubscribed: "Unsubscribed: this address gets no more notices. You can subscribe again below.",
} as const;
export type SubscriptionDoneCode = keyof typeof SUBSCRIPTION_DONE;

export function isSubscriptionDoneCode(value: unknown): value is SubscriptionDoneCode {
  return typeof value === "string" && Object.hasOwn(SUBSCRIPTION_DONE, value);
}
