// Owns the start of a document worker thread: TypeScript loading, task dispatch by module and name, progress, problems.
//
// Plain JavaScript on purpose: a worker thread starts without the parent's loader (vitest's, or tsx's under
// `npm start`), so this file registers tsx itself before importing the TypeScript task modules.
import { register } from "tsx/esm/api";

// The big JavaScript libraries are loaded natively, before tsx hooks the loader: through tsx, pdf.js alone costs
// 150 MB more per worker. Loading pdf.worker.mjs here also gives pdf.js its in-thread worker without another import.
await import("pdfjs-dist/legacy/build/pdf.mjs");
await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
await import("mammoth");
register();

/** Task modules already imported in this thread, by URL. */
const modules = new Map();

/**
 * Runs one task: `envelope.module` (a file URL) exports `envelope.name`, a function `(input, context)`.
 * An expected refusal (an AppError-like object with `code` and `detailMessage`, plain data) comes back as `{ problem
 * }`; anything else
 * thrown is an unexpected failure and rejects.
 */
export default async function runTask(envelope) {
  const { module, name, input, port } = envelope;
  let loaded = modules.get(module);
  if (!loaded) {
    loaded = await import(module);
    modules.set(module, loaded);
  }
  const task = loaded[name];
  if (typeof task !== "function") throw new Error(`document task ${name} is not exported by ${module}`);
  // The caller's wall-clock limit starts now, not while the job waited in the queue.
  port.postMessage({ started: true });
  const context = {
    progress(message) {
      port.postMessage({ progress: message });
    },
  };
  try {
    return { value: await task(input, context) };
  } catch (error) {
    if (error && typeof error === "object" && error.name === "AppError" && typeof error.code === "string") {
      return { problem: { code: error.code, detail: error.detailMessage } };
    }
    throw error;
  } finally {
    port.close();
  }
}
