// Owns the HostAdapter and API client contexts, so components never import a host or build a client themselves.
import { createContext, useContext, type ReactNode } from "react";
import type { ApiClient } from "../api/client";
import type { HostAdapter } from "../hosts/host-adapter";

const HostContext = createContext<HostAdapter | null>(null);
const ApiContext = createContext<ApiClient | null>(null);

/** Provides the host and the API client to the tree below. */
export function HostProvider({ host, api, children }: { host: HostAdapter; api: ApiClient; children: ReactNode }): ReactNode {
  return (
    <HostContext.Provider value={host}>
      <ApiContext.Provider value={api}>{children}</ApiContext.Provider>
    </HostContext.Provider>
  );
}

/**
 * The current host.
 * @throws Error when used outside HostProvider (a wiring bug, not a runtime condition).
 */
export function useHost(): HostAdapter {
  const host = useContext(HostContext);
  if (!host) throw new Error("useHost outside HostProvider");
  return host;
}

/**
 * The API client.
 * @throws Error when used outside HostProvider.
 */
export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error("useApi outside HostProvider");
  return api;
}
