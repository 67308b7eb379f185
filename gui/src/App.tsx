import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { BrowserRouter, Link, Route, Routes } from "react-router";
import { Layout } from "./components/Layout";
import { DashboardPage } from "./features/dashboard/DashboardPage";
import { EditorPage } from "./features/editor/EditorPage";
import { registerJobEvents } from "./features/jobs/events";
import { JobsPage } from "./features/jobs/JobsPage";
import { registerLibraryEvents } from "./features/library/events";
import { LibraryPage } from "./features/library/LibraryPage";
import { registerProjectEvents } from "./features/projects/events";
import { ProjectsPage } from "./features/projects/ProjectsPage";
import { EventsProvider } from "./lib/events/EventsProvider";
import { EventRegistry } from "./lib/events/registry";

/** The server hosts the build here (and Vite's `base` matches). */
export const BASENAME = "/gui";

function NotFound() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        <Link to="/">Back to the library</Link>
      </p>
    </section>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<LibraryPage />} />
        <Route path="projects" element={<ProjectsPage />} />
        <Route path="projects/:id" element={<EditorPage />} />
        <Route path="jobs" element={<JobsPage />} />
        <Route path="dashboard" element={<DashboardPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

/** Every feature's event handlers, in one registry for the event socket. */
export function createAppEvents(): EventRegistry {
  const registry = new EventRegistry();
  registerJobEvents(registry);
  registerLibraryEvents(registry);
  registerProjectEvents(registry);
  return registry;
}

/** Query cache plus the live event socket that keeps it current. */
export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  const [events] = useState(createAppEvents);
  return (
    <QueryClientProvider client={queryClient}>
      <EventsProvider registry={events}>{children}</EventsProvider>
    </QueryClientProvider>
  );
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <AppProviders queryClient={queryClient}>
      <BrowserRouter basename={BASENAME}>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  );
}
