// Owns the Outlook taskpane entry (taskpane.html): office.js is on the page; pick Outlook or the browser, then render.
import { mountPane } from "./app/mount";
import { detectTaskpaneHost } from "./hosts/detect";

mountPane(() => detectTaskpaneHost());
