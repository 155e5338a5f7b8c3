// Owns launchevent.js, the OnMessageSend handler script: one classic script with no imports at run time (classic
// Outlook on Windows runs it alone, without DOM).
import { ON_MESSAGE_SEND_ACTION_ID } from "../../manifest/pages";
import { registerMessageSendHandler } from "../hosts/outlook-send";
import { checkFailed, decideMessageSend } from "./on-send";

// Registered as the script is evaluated: the event runtime calls the handler by name right after loading it.
registerMessageSendHandler(
  ON_MESSAGE_SEND_ACTION_ID,
  async (port, context) => (await decideMessageSend(port, context)).completion,
  checkFailed,
);
