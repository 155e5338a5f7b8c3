// Runs the fake OpenAI-compatible provider in its own process for the benchmark, streaming at a fixed pace.
import { startFakeOpenAi } from "../support/fake-openai";

const deltas = Number(process.env.BENCH_DELTAS ?? 64);
const paceMs = Number(process.env.BENCH_PACE_MS ?? 20);
const fake = await startFakeOpenAi();
// Every answer: `deltas` pieces of 8 characters, one every `paceMs` (GetBusbar's "On the Bench" shape).
fake.setDefaultText("Le sociétaire a déclaré un sinistre. ".padEnd(deltas * 8, "x").slice(0, deltas * 8));
fake.setDefaultBehaviour({ kind: "ok", chunkSize: 8, chunkDelayMs: paceMs });
fake.setRecording(false);
process.stdout.write(`${fake.baseUrl}\n`);
process.on("SIGTERM", () => void fake.close().then(() => process.exit(0)));
