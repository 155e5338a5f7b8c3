// Owns Tesseract in this thread, fully offline: French LSTM and orientation data from the registry packages, no CDN, no
// cache files.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createWorker, OEM, PSM, type Worker } from "tesseract.js";

const require = createRequire(import.meta.url);
// Each @tesseract.js-data package ships `<version>/<lang>.traineddata.gz`. "4.0.0" holds the legacy model too, which
// orientation detection needs; "4.0.0_best_int" is the LSTM model alone. The LSTM is what reads French text.
const FRA_DIR = join(dirname(require.resolve("@tesseract.js-data/fra/package.json")), "4.0.0_best_int");
const OSD_DIR = join(dirname(require.resolve("@tesseract.js-data/osd/package.json")), "4.0.0");

/** Under this, the detector's answer is noise (a noisy scanned form scores 2-8 with the right answer, a clean page 20-30). */
const MIN_ORIENTATION_CONFIDENCE = 1;

/** tesseract.js options that keep it off the network and off the disk. */
function offline(langPath: string, legacy: boolean): Record<string, unknown> {
  return {
    langPath,
    gzip: true,
    // "none": never read nor write a traineddata cache in the working directory (read-only containers, no stale files).
    cacheMethod: "none",
    legacyCore: legacy,
    legacyLang: legacy,
    // Tesseract's own chatter (resolution guesses) goes to stdout; the caller logs what matters.
    logger: () => undefined,
    errorHandler: () => undefined,
  };
}

/** Tesseract's diagnostics ("Detected 32 diacritics", "Too few characters") go to its in-memory /dev/null, not stdout. */
const QUIET = "/dev/null";

let reader: Promise<Worker> | undefined;
let orienter: Promise<Worker> | undefined;

function getReader(): Promise<Worker> {
  reader ??= createWorker("fra", OEM.LSTM_ONLY, offline(FRA_DIR, false)).then(async (worker) => {
    // Pages are forms and letters: automatic segmentation,.
    // No second reading of each doubtful line as white-on-black: forms print dark on light, and that pass costs a
    // third of the time on a noisy page.
    await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, tessedit_do_invert: "0", debug_file: QUIET });
    return worker;
  });
  return reader;
}

function getOrienter(): Promise<Worker> {
  orienter ??= createWorker("osd", OEM.TESSERACT_ONLY, offline(OSD_DIR, true)).then(async (worker) => {
    // Pages are judged at about 200 dpi (see ocrPage); PGM carries no resolution of its own.
    await worker.setParameters({ user_defined_dpi: "200", debug_file: QUIET });
    return worker;
  });
  return orienter;
}

/** What Tesseract read on one page. */
export interface Recognition {
  readonly text: string;
  /** Mean word confidence, 0-100. */
  readonly confidence: number;
  /** Skew it measured and corrected, in degrees (positive: counter-clockwise). */
  readonly skewDegrees: number;
}

/** A turn that would make the page upright, and how sure the detector is of it. */
export interface UprightTurn {
  /** Clockwise quarter turn, 0 when the page looks upright or nothing could be judged. */
  readonly degrees: number;
  readonly confidence: number;
}

/**
 * The clockwise quarter turn that makes the page upright. About 200 dpi is enough: below, the letters of a noisy scan
 * become too few for the detector.
 */
export async function detectUprightTurn(image: Uint8Array): Promise<UprightTurn> {
  const worker = await getOrienter();
  try {
    const { data } = await worker.detect(Buffer.from(image));
    const confidence = data.orientation_confidence ?? 0;
    if (data.orientation_degrees === null || confidence < MIN_ORIENTATION_CONFIDENCE)
      return { degrees: 0, confidence: 0 };
    // Tesseract reports the clockwise turn that makes the text upright (a page scanned a quarter turn clockwise: 270).
    return { degrees: data.orientation_degrees, confidence };
  } catch {
    // A page with no text blocks (a photo, a blank page) has no orientation to find: read it as it is.
    return { degrees: 0, confidence: 0 };
  }
}

/** Reads one page, deskewed by Tesseract's own line finding (rotateAuto). */
export async function recognise(image: Uint8Array, dpi: number): Promise<Recognition> {
  const worker = await getReader();
  const { data } = await worker.recognize(
    Buffer.from(image),
    { rotateAuto: true, user_defined_dpi: String(dpi) } as Record<string, unknown>,
    { text: true },
  );
  return {
    text: data.text,
    confidence: Math.max(0, Math.min(100, data.confidence)),
    skewDegrees: Math.round(((data.rotateRadians ?? 0) * 180 * 10) / Math.PI) / 10,
  };
}

/** Stops the Tesseract threads of this thread (tests, shutdown). */
export async function closeTesseract(): Promise<void> {
  const workers = [reader, orienter];
  reader = undefined;
  orienter = undefined;
  await Promise.all(workers.map(async (w) => (await w)?.terminate()));
}
