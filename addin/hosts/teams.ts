// Owns every teams-js call: initialise once, read the context (theme, locale, meeting), follow theme changes, sign-in
// help, and the configurable tab's config page.
import { app, authentication, nestedAppAuth, pages } from "@microsoft/teams-js";
import { t, toLocale, type Locale } from "../../src/i18n/core";
import { hostError, type HostAdapter, type HostAuth, type HostTheme, type ItemContext } from "./host-adapter";
import { readMeetingTranscript, type GraphAccess } from "./teams-graph";

/** What the Teams host may be given besides the SDK's context. */
export interface TeamsHostOptions {
  /** Microsoft Graph with the adviser's delegated token: enables reading the meeting's transcript. */
  readonly graph?: GraphAccess;
}

/** Maps the Teams theme name to a colour scheme ("glass" and unknown names read as light). */
export function themeFromTeams(theme: string | undefined): HostTheme {
  if (theme === "dark") return "dark";
  if (theme === "contrast") return "contrast";
  return "light";
}

/** Where the tab is shown: the meeting side panel is 320 px wide, the content tab a full page. */
export type TeamsFrame = "sidePanel" | "content" | "meetingStage" | "other";

function frameOf(context: app.Context): TeamsFrame {
  const frame = context.page.frameContext as string | undefined;
  return frame === "sidePanel" || frame === "content" || frame === "meetingStage" ? frame : "other";
}

/** The Teams host built from an initialised SDK's context. Exported for tests; use `connectTeamsHost`. */
export function createTeamsHost(
  context: app.Context,
  options: TeamsHostOptions = {},
): HostAdapter & { readonly frame: TeamsFrame } {
  const locale = toLocale(context.app.locale);
  let theme = themeFromTeams(context.app.theme);
  const themeListeners = new Set<(next: HostTheme) => void>();
  // Teams allows one theme handler per app: register it once and fan out.
  app.registerOnThemeChangeHandler((next: string) => {
    theme = themeFromTeams(next);
    for (const l of themeListeners) l(theme);
  });
  const meetingId = context.meeting?.id;
  const key = `teams:${meetingId ?? context.chat?.id ?? context.channel?.id ?? context.page.id}`;
  const chatId = context.chat?.id;
  const graph = options.graph;
  const today = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", { dateStyle: "long" }).format(new Date());

  return {
    kind: "teams",
    locale,
    ...(context.user?.id ? { userKey: context.user.id } : {}),
    frame: frameOf(context),
    theme: () => theme,
    readContext(): Promise<ItemContext> {
      return Promise.resolve({
        key,
        kind: meetingId ? "meeting" : "session",
        context: { date: today, channel: t("ui.channel.teams", {}, locale) },
        suggestedTask: "interview-minutes",
        targets: [],
      });
    },
    write(): Promise<void> {
      return Promise.reject(hostError("host_unsupported"));
    },
    onItemChanged(): () => void {
      return () => undefined;
    },
    onThemeChanged(listener: (next: HostTheme) => void): () => void {
      themeListeners.add(listener);
      return () => themeListeners.delete(listener);
    },
    auth: teamsHostAuth,
    // Only in a meeting (its chat leads to the online meeting), and only where Graph is reachable with a token.
    ...(graph && meetingId && chatId ? { readMeetingTranscript: () => readMeetingTranscript(graph, { chatId }) } : {}),
  };
}

/**
 * What Teams offers the sign-in: NAA when the host recommends it (MSAL then talks to Teams), else Teams' own SSO
 * token for the app's `webApplicationInfo.resource`, whose scope is `access_as_user`.
 */
export const teamsHostAuth: HostAuth = {
  isNestedAppAuthRecommended: () => nestedAppAuth.isNAAChannelRecommended(),
  getHostToken: () => authentication.getAuthToken(),
};

/**
 * Initialises teams-js (once per page, as Teams requires) and returns the Teams host.
 * @throws Error from teams-js when the page is not inside Teams.
 */
export async function connectTeamsHost(options: TeamsHostOptions = {}): Promise<HostAdapter> {
  if (!app.isInitialized()) await app.initialize();
  const context = await app.getContext();
  return createTeamsHost(context, options);
}

/** What the config page shows and saves, from the Teams context. */
export interface TeamsConfigContext {
  readonly locale: Locale;
  readonly theme: HostTheme;
}

/** The tab a config page saves: Teams shows `contentUrl` in the meeting side panel and the meeting tabs. */
export interface TabConfig {
  readonly entityId: string;
  readonly contentUrl: string;
  readonly websiteUrl: string;
  readonly suggestedDisplayName: string;
}

/**
 * Initialises teams-js on the configurable tab's config page and reads what the page needs from the context.
 * @throws Error from teams-js when the page is not inside Teams.
 */
export async function connectTeamsConfig(): Promise<TeamsConfigContext> {
  if (!app.isInitialized()) await app.initialize();
  const context = await app.getContext();
  return { locale: toLocale(context.app.locale), theme: themeFromTeams(context.app.theme) };
}

/**
 * Offers `tab` to Teams: registers the Save handler, which saves the tab's configuration, and enables Save at once
 * (there is nothing to choose: the tab is the same pane in every meeting).
 * @param tab - The tab to save.
 * @param saveFailedReason - Told to Teams when saving fails (shown to the adviser).
 */
export function offerTabConfig(tab: TabConfig, saveFailedReason: string): void {
  pages.config.registerOnSaveHandler((saveEvent) => {
    pages.config.setConfig({ ...tab }).then(
      () => saveEvent.notifySuccess(),
      () => saveEvent.notifyFailure(saveFailedReason),
    );
  });
  pages.config.setValidityState(true);
}
