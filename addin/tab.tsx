// Owns the Teams tab entry (tab.html): no office.js here; teams-js is loaded only when the page is framed; sign-in
// wired.
import { bootPane } from "./boot";
import { detectTeamsHost } from "./hosts/detect";

bootPane((services) => detectTeamsHost(undefined, services.getTokenFor ? { getTokenFor: services.getTokenFor } : {}));
