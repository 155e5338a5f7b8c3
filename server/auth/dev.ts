// Owns the dev authentication mode: one local user, answered only to a direct loopback caller (never through a proxy).
import { AppError } from "../../src/errors";
import { COMMITTEE_ROLE, type User } from "./user";
import { msg } from "../../src/i18n/message";

/** The single local adviser of `AUTH_MODE=dev`: an adviser, without the Committee role. */
export const DEV_USER: User = Object.freeze({ id: "dev:local", name: "Conseiller local", roles: Object.freeze([]) });

/** The same local user holding the Committee role too (`DEV_COMMITTEE=true`), to try the committee's pages. */
export const DEV_COMMITTEE_USER: User = Object.freeze({ ...DEV_USER, roles: Object.freeze([COMMITTEE_ROLE]) });

/** Whether `ip` is a loopback address (IPv4 127/8, IPv6 ::1, or IPv4-mapped loopback). */
export function isLoopback(ip: string): boolean {
  return ip === "::1" || /^(?:::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip);
}

/** Whether a request came through a proxy: a reverse proxy on this host connects from loopback for remote callers. */
export function isProxied(headers: Record<string, string | string[] | undefined>): boolean {
  return Object.keys(headers).some((name) => {
    const lower = name.toLowerCase();
    return lower.startsWith("x-forwarded-") || lower === "forwarded" || lower === "x-real-ip" || lower === "via";
  });
}

/** How dev mode is set up: whether the local user is on the committee, and whether the server trusts a proxy. */
export interface DevSettings {
  readonly isCommittee: boolean;
  readonly trustsProxy: boolean;
}

/**
 * Authenticates in dev mode.
 * @throws AppError unauthorized when the client is not on this machine, or reaches it through a proxy.
 */
export function authenticateDev(
  ip: string,
  headers: Record<string, string | string[] | undefined> = {},
  settings: DevSettings = { isCommittee: false, trustsProxy: false },
): User {
  if (settings.trustsProxy || isProxied(headers)) {
    throw new AppError("unauthorized", { detail: msg("server.auth.dev_no_proxy") });
  }
  if (!isLoopback(ip)) {
    throw new AppError("unauthorized", { detail: msg("server.auth.dev_loopback_only") });
  }
  return settings.isCommittee ? DEV_COMMITTEE_USER : DEV_USER;
}
