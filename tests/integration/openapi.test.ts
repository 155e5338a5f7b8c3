// The OpenAPI document is generated from the routes: it validates, and every route Fastify registered is in it.
import SwaggerParser from "@apidevtools/swagger-parser";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/store/db";
import { createTestStore, type TestStore } from "../support/stores";
import { buildTestApp } from "../support/test-app";

/** What the tests read of the document. */
interface Media {
  readonly schema?: { readonly properties?: Record<string, unknown>; readonly additionalProperties?: unknown };
}
interface Operation {
  readonly requestBody?: { readonly content: Record<string, Media> };
  readonly responses?: Record<string, { readonly content?: Record<string, Media> }>;
}
interface OpenApiDocument {
  readonly openapi: string;
  readonly paths: Record<string, Record<string, Operation | undefined> | undefined>;
}

/** `/api/minutes/:id` as OpenAPI writes it: `/api/minutes/{id}`. */
const openApiPath = (url: string) => url.replace(/:(\w+)/g, "{$1}");

/** Every route and method Fastify registered, read from its route tree ("│   └── /:id (GET, HEAD)"). */
function registeredRoutes(app: FastifyInstance): { method: string; url: string }[] {
  const prefixes: string[] = [];
  const routes: { method: string; url: string }[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const match = /^((?:[│ ] {3})*)[├└]── (\S+) \(([^)]+)\)$/u.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? "").length / 4;
    const url = (prefixes[depth - 1] ?? "") + (match[2] ?? "");
    prefixes[depth] = url;
    for (const method of (match[3] ?? "").split(", ")) routes.push({ method, url });
  }
  return routes;
}

describe("OpenAPI document", () => {
  let store: TestStore;
  let db: Db;
  let app: FastifyInstance;
  let document: OpenApiDocument;

  beforeAll(async () => {
    store = await createTestStore("pglite");
    db = await store.open();
    ({ app } = await buildTestApp({ db }));
    const response = await app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    document = response.json();
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await store.destroy();
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    expect(document.openapi).toBe("3.1.0");
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
  });

  it("lists every route Fastify registered with its method (HEAD and the static front end excepted)", () => {
    const api = registeredRoutes(app).filter(
      (r) => r.method !== "HEAD" && (r.url.startsWith("/api/") || r.url === "/metrics"),
    );
    expect(api.length).toBeGreaterThan(30);
    const missing = api.filter((r) => document.paths[openApiPath(r.url)]?.[r.method.toLowerCase()] === undefined);
    expect(missing).toEqual([]);
  });

  it("carries the routes' own schemas: the generation request, its answer and its stream", () => {
    const operation = document.paths["/api/generations"]?.post;
    const body = operation?.requestBody?.content["application/json"]?.schema;
    expect(Object.keys(body?.properties ?? {})).toEqual(expect.arrayContaining(["task", "notes", "source", "context"]));
    expect(body?.additionalProperties).toBe(false);
    const created = operation?.responses?.["201"]?.content?.["application/json"]?.schema;
    expect(Object.keys(created?.properties ?? {})).toEqual(
      expect.arrayContaining(["id", "draft", "prePrompt", "ungrounded"]),
    );
    const stream = operation?.responses?.["200"]?.content?.["text/event-stream"]?.schema;
    for (const event of ["delta", "replace", "done", "error"]) expect(JSON.stringify(stream)).toContain(`["${event}"]`);
    const refused = operation?.responses?.["413"]?.content?.["application/problem+json"];
    expect(Object.keys(refused?.schema?.properties ?? {})).toEqual(
      expect.arrayContaining(["type", "title", "status", "detail"]),
    );
  });

  it("documents the one-file transcription route and the chunked live-recording routes", () => {
    expect(Object.keys(document.paths["/api/transcriptions"] ?? {})).toContain("post");
    expect(Object.keys(document.paths["/api/recordings/{id}/chunks/{n}"] ?? {})).toContain("put");
    expect(Object.keys(document.paths["/api/recordings/{id}/transcribe"] ?? {})).toContain("post");
  });

  it("documents uploads as forms and the scan's progress as a stream", () => {
    const upload = document.paths["/api/sources/document"]?.post?.requestBody;
    expect(upload?.content["multipart/form-data"]?.schema?.properties).toHaveProperty("file");
    const scan = document.paths["/api/sources/scan"]?.post?.responses?.["200"];
    expect(Object.keys(scan?.content ?? {})).toEqual(expect.arrayContaining(["application/json", "text/event-stream"]));
  });
});
