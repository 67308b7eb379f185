import { QueryClient } from "@tanstack/react-query";
import { render, type RenderResult } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryRouter } from "react-router";
import { AppProviders, AppRoutes } from "../App";

export function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 0 }, mutations: { retry: false } },
  });
}

/** Renders `ui` inside the app's providers (query cache + event socket) and a router. */
export function renderWithApp(
  ui: ReactElement,
  { route = "/", queryClient = testQueryClient() }: { route?: string; queryClient?: QueryClient } = {},
): RenderResult & { queryClient: QueryClient } {
  const result = render(
    <AppProviders queryClient={queryClient}>
      <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
    </AppProviders>,
  );
  return { ...result, queryClient };
}

/** The whole app (layout, routes) at `route`. */
export function renderApp(route = "/", queryClient?: QueryClient) {
  return renderWithApp(<AppRoutes />, { route, queryClient });
}
