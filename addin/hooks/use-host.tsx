// Owns the HostAdapter context, so components never import a host themselves; the API client's comes with it.
import { createContext, useContext, type ReactNode } from "react";
import type { ApiClient } from "../api/client";
import { ApiProvider } from "../api/use-api";
import type { HostAdapter } from "../hosts/host-adapter";

const HostContext = createContext<HostAdapter | null>(null);

/** Provides the host and the API client to the tree below. */
export function HostProvider({
  host,
  api,
  children,
}: {
  host: HostAdapter;
  api: ApiClient;
  children: ReactNode;
}): ReactNode {
  return (
    <HostContext.Provider value={host}>
      <ApiProvider api={api}>{children}</ApiProvider>
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
