// Owns the configurable tab's config page: says what the tab is, and saves tab.html as the content of the meeting side
// panel and meeting tabs.
import { t, type Locale } from "../../src/i18n";
import type { HostTheme } from "../hosts/host-adapter";
import type { TabConfig, TeamsConfigContext } from "../hosts/teams";

/** Entity id of the meeting tab: one kind of tab, the same pane in every meeting. */
export const MEETING_TAB_ENTITY_ID = "greffier-meeting";

/** What the page needs from teams-js (the functions of `addin/hosts/teams`; a fake in tests). */
export interface TeamsConfigHost {
  connectTeamsConfig(): Promise<TeamsConfigContext>;
  offerTabConfig(tab: TabConfig, saveFailedReason: string): void;
}

/** Where the config page renders and how it reaches Teams. */
export interface ConfigPageOptions {
  /** Where the text goes. */
  readonly root: HTMLElement;
  /** The add-in's origin: tab.html is served there. */
  readonly origin: string;
  /** Language until Teams says otherwise. */
  readonly initialLocale: Locale;
  /** False in a top-level window: there is no Teams to talk to (teams-js would reject, or wait a minute in a foreign frame). */
  readonly isFramed: boolean;
  /** Loads the Teams side; imported lazily by the entry so a top-level window never loads teams-js. */
  readonly loadHost: () => Promise<TeamsConfigHost>;
}

/**
 * The tab this page saves.
 * @param origin - The add-in's origin.
 * @param locale - The language of the tab's suggested name.
 */
export function meetingTab(origin: string, locale: Locale): TabConfig {
  const contentUrl = `${origin}/tab.html`;
  return {
    entityId: MEETING_TAB_ENTITY_ID,
    contentUrl,
    websiteUrl: contentUrl,
    suggestedDisplayName: t("teams.config.tab_name", {}, locale),
  };
}

function render(root: HTMLElement, locale: Locale, theme: HostTheme | null, paragraphs: readonly string[]): void {
  const heading = document.createElement("h1");
  heading.textContent = t("teams.config.title", {}, locale);
  root.replaceChildren(
    heading,
    ...paragraphs.map((text) => {
      const p = document.createElement("p");
      p.textContent = text;
      return p;
    }),
  );
  document.documentElement.lang = locale;
  if (theme) document.documentElement.dataset.theme = theme;
}

/**
 * Runs the page: inside Teams, initialise, show what the tab does and let Teams save it; in a plain window, say
 * where the page belongs.
 * @returns When the page is ready (Save enabled), or has said it is not in Teams.
 * @throws Error from teams-js when Teams does not answer.
 */
export async function runConfigPage(options: ConfigPageOptions): Promise<void> {
  if (!options.isFramed) {
    render(options.root, options.initialLocale, null, [t("teams.config.outside_teams", {}, options.initialLocale)]);
    return;
  }
  const host = await options.loadHost();
  const { locale, theme } = await host.connectTeamsConfig();
  render(options.root, locale, theme, [t("teams.config.body", {}, locale), t("teams.config.save_hint", {}, locale)]);
  host.offerTabConfig(meetingTab(options.origin, locale), t("teams.config.save_failed", {}, locale));
}
