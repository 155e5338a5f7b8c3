// Owns restoration of a streamed draft, where a placeholder may arrive split across chunks.
import { isPlaceholderPrefix, restore, type PseudonymMapping } from "./placeholders";

/**
 * Restores a draft as it streams in. Each `push` returns at once everything that cannot belong to a placeholder
 * still arriving; only a possible partial placeholder at the very end ("… M. [NO") is held back. The concatenation
 * of every `push` and the final `flush` equals `restore` applied to the whole text.
 */
export class StreamRestorer {
  private pending = "";

  constructor(private readonly mapping: PseudonymMapping) {}

  /** Adds a chunk of the provider's stream; returns the restored text that is safe to show now. */
  push(chunk: string): string {
    const text = this.pending + chunk;
    // Placeholders contain no "[" inside, so only the last "[" can open an unfinished one.
    const open = text.lastIndexOf("[");
    const cut = open !== -1 && isPlaceholderPrefix(text.slice(open)) ? open : text.length;
    this.pending = text.slice(cut);
    return restore(text.slice(0, cut), this.mapping);
  }

  /** Ends the stream: returns whatever was held back (an unfinished placeholder stays as the model wrote it). */
  flush(): string {
    const rest = this.pending;
    this.pending = "";
    return restore(rest, this.mapping);
  }
}
