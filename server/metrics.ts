// Owns the Prometheus metrics of one server: generations, latency and time to first token, provider errors, fallbacks.
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { ChainObserver } from "./llm/chain";

/** The Prometheus registry of one app and the recorders the routes and the chain call. */
export interface Metrics {
  readonly registry: Registry;
  readonly chainObserver: ChainObserver;
  recordGeneration(
    labels: { task: string; provider: string; degraded: boolean; streamed: boolean },
    latencySeconds: number,
  ): void;
  recordTimeToFirstToken(seconds: number): void;
  /** Gateway work before the provider is called: parsing, limits, pseudonymisation, pre-prompt. */
  recordPreProvider(seconds: number): void;
}

/** A registry per app, so tests and replicas in one process never share counters. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "greffier_process_" });
  const generations = new Counter({
    name: "greffier_generations_total",
    help: "Generations answered",
    labelNames: ["task", "provider", "degraded", "streamed"],
    registers: [registry],
  });
  const degraded = new Counter({
    name: "greffier_degraded_total",
    help: "Generations answered by the offline engine",
    labelNames: ["task"],
    registers: [registry],
  });
  const latency = new Histogram({
    name: "greffier_generation_seconds",
    help: "Time from request to the finished draft",
    labelNames: ["task", "streamed"],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 40, 80],
    registers: [registry],
  });
  const ttft = new Histogram({
    name: "greffier_time_to_first_token_seconds",
    help: "Time from request to the first streamed text",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
    registers: [registry],
  });
  const preProvider = new Histogram({
    name: "greffier_pre_provider_seconds",
    help: "Gateway work between the request and the call to the provider",
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05],
    registers: [registry],
  });
  const providerErrors = new Counter({
    name: "greffier_provider_errors_total",
    help: "Failed provider calls",
    labelNames: ["provider", "kind", "status"],
    registers: [registry],
  });
  const fallbacks = new Counter({
    name: "greffier_fallbacks_total",
    help: "Moves to the next provider of the chain",
    labelNames: ["from", "to"],
    registers: [registry],
  });

  return {
    registry,
    chainObserver: {
      onProviderError: (provider, error) =>
        providerErrors.inc({
          provider,
          kind: error.kind,
          status: error.status === undefined ? "" : String(error.status),
        }),
      onFallback: (from, to) => fallbacks.inc({ from, to }),
    },
    recordGeneration(labels, latencySeconds) {
      generations.inc({
        task: labels.task,
        provider: labels.provider,
        degraded: String(labels.degraded),
        streamed: String(labels.streamed),
      });
      if (labels.degraded) degraded.inc({ task: labels.task });
      latency.observe({ task: labels.task, streamed: String(labels.streamed) }, latencySeconds);
    },
    recordTimeToFirstToken: (seconds) => ttft.observe(seconds),
    recordPreProvider: (seconds) => preProvider.observe(seconds),
  };
}
