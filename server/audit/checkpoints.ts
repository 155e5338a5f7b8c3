// Owns the audit checkpoints kept outside the database: signed JSONL lines of the chain's head (seq and hash), appended
// at least every minute and on a graceful stop, so a cut tail or a wiped table shows at verification.
import { createHmac } from "node:crypto";
import { appendFile, mkdir, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { sameHex, type Checkpoint } from "./hash-chain";

const DOMAIN = "greffier-audit-checkpoint-v1";

/** One line of a checkpoint file. */
interface CheckpointLine {
  readonly chain: string;
  readonly seq: number;
  readonly hash: string;
  readonly at: string;
  readonly hmac: string;
}

function lineHmac(key: Buffer, line: Omit<CheckpointLine, "hmac">): string {
  return createHmac("sha256", key)
    .update(`${DOMAIN}\n${line.chain}\n${line.seq}\n${line.hash}\n${line.at}`)
    .digest("hex");
}

/** The checkpoints of one chain (one database) in one directory: one append-only JSONL file per chain. */
export interface CheckpointStore {
  readonly file: string;
  append(head: { seq: number; hash: string }, at?: Date): Promise<void>;
  /** Every line, each marked signed or not; an unreadable line counts as unsigned (someone edited the file). */
  read(): Promise<Checkpoint[]>;
}

/** Checkpoints of chain `chainId` in `dir`, signed with `key`. */
export function checkpointStore(dir: string, chainId: string, key: Buffer): CheckpointStore {
  const file = join(dir, `audit-${chainId.replace(/[^\w-]/g, "_")}.jsonl`);
  return {
    file,
    async append(head, at = new Date()) {
      const body = { chain: chainId, seq: head.seq, hash: head.hash, at: at.toISOString() };
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // One write of one line with O_APPEND: concurrent replicas never interleave inside a line.
      await appendFile(file, `${JSON.stringify({ ...body, hmac: lineHmac(key, body) })}\n`, { flag: "a", mode: 0o600 });
    },
    async read() {
      let text: string;
      try {
        text = await readFile(file, "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
        throw error;
      }
      const out: Checkpoint[] = [];
      for (const raw of text.split("\n")) {
        if (raw.trim() === "") continue;
        try {
          const line = JSON.parse(raw) as CheckpointLine;
          const isSigned =
            line.chain === chainId && typeof line.hmac === "string" && sameHex(line.hmac, lineHmac(key, line));
          out.push({ seq: Number(line.seq), hash: String(line.hash), at: String(line.at), isSigned });
        } catch {
          out.push({ seq: 0, hash: "", at: "", isSigned: false });
        }
      }
      return out;
    },
  };
}

/** Other chains' files in `dir` (another database once used with this directory), for a start-up warning. */
export async function otherChains(dir: string, chainId: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => /^audit-.*\.jsonl$/.test(n) && n !== `audit-${chainId.replace(/[^\w-]/g, "_")}.jsonl`);
}
