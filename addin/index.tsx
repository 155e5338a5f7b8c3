// Owns the Outlook taskpane entry (taskpane.html): office.js is on the page; pick Outlook or the browser, then render
// with sign-in wired.
import { bootPane } from "./boot";
import { detectTaskpaneHost } from "./hosts/detect";

bootPane(() => detectTaskpaneHost());
