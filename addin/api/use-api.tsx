// Owns the API client context, so components never build a client themselves (HostProvider provides it).
import { createContext, useContext, type ReactNode } from "react";
import type { ApiClient } from "./client";

const ApiContext = createContext<ApiClient | null>(null);

/** Provides the API client to the tree below. */
export function ApiProvider({ api, children }: { api: ApiClient; children: ReactNode }): ReactNode {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/**
 * The API client.
 * @throws Error when used outside ApiProvider (a wiring bug, not a runtime condition).
 */
export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error("useApi outside ApiProvider");
  return api;
}
