// Owns how a failed governance call reads: the server's problem detail (or title), else the error itself.
import { hasProblem } from "../../lib/errors";

export function problemText(error: unknown): string {
  return hasProblem(error) ? error.problem.detail || error.problem.title : String(error);
}
