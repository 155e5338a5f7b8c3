// Owns the pane's access to delegated Graph tokens for tasks: set once by the page's start (boot.tsx), read by the
// review.

type TokenFor = (scopes: readonly string[]) => Promise<string>;

let tokenFor: TokenFor | null = null;
let graphBaseUrl: string | undefined;

/** Called once at start with the sign-in's token source (null in a build without sign-in) and Graph's root. */
export function provideGraphTokens(source: TokenFor | null, baseUrl?: string): void {
  tokenFor = source;
  graphBaseUrl = baseUrl;
}

/** The token source, or null when this build cannot ask Graph (no sign-in). */
export function graphTokens(): { readonly tokenFor: TokenFor; readonly baseUrl: string | undefined } | null {
  return tokenFor ? { tokenFor, baseUrl: graphBaseUrl } : null;
}
