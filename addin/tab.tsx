// Owns the Teams tab entry (tab.html): no office.js here; teams-js is loaded only when the page is framed.
import { mountPane } from "./app/mount";
import { detectTeamsHost } from "./hosts/detect";

mountPane(() => detectTeamsHost());
