// Owns config.html's entry: no office.js here; teams-js is loaded only when the page is framed.
import { browserLocale } from "../hosts/browser";
import { runConfigPage } from "./config-page";

const root = document.getElementById("root");
if (root) {
  runConfigPage({
    root,
    origin: window.location.origin,
    initialLocale: browserLocale(),
    isFramed: window.parent !== window,
    loadHost: () => import(/* webpackChunkName: "host-teams" */ "../hosts/teams"),
  }).catch((error: unknown) => console.error("The Teams configuration page could not start", error));
}
