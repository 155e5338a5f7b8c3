// Owns the identity every request carries once authenticated.

/** The authenticated adviser a request acts for. */
export interface User {
  /** Stable key: `tid:oid` in entra mode, `dev:local` for the dev user. Never shown to the committee in clear. */
  readonly id: string;
  readonly name: string;
  readonly roles: readonly string[];
}

/** The app role (`roles` claim) that opens the ethics committee's routes. */
export const COMMITTEE_ROLE = "Committee";

/** Whether the user may open the ethics committee's data. */
export function isCommittee(user: User): boolean {
  return user.roles.includes(COMMITTEE_ROLE);
}
