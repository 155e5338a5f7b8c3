// Owns the dev authentication mode: one local user, answered only on the loopback interface.
import { AppError } from "../../src/errors";
import type { User } from "./user";
import { t } from "../../src/i18n";

/** The single local adviser of `AUTH_MODE=dev`; it holds the committee role so the whole product can be tried. */
export const DEV_USER: User = Object.freeze({ id: "dev:local", name: "Conseiller local", roles: Object.freeze(["Committee"]) });

/** Whether `ip` is a loopback address (IPv4 127/8, IPv6 ::1, or IPv4-mapped loopback). */
export function isLoopback(ip: string): boolean {
  return ip === "::1" || /^(?:::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip);
}

/**
 * Authenticates in dev mode.
 * @throws AppError unauthorized when the client is not on this machine.
 */
export function authenticateDev(ip: string): User {
  if (!isLoopback(ip)) {
    throw new AppError("unauthorized", { detail: t("server.auth.dev_loopback_only") });
  }
  return DEV_USER;
}
