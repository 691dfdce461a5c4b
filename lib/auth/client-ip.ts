/** Set by Candor's server from the socket (or X-Forwarded-For with TRUST_PROXY=1); never taken from the client. */
export const CLIENT_IP_HEADER = "x-candor-client-ip";
