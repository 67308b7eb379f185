import type { Project } from "../../api/types";
import type { EventRegistry } from "../../lib/events/registry";
import { projectKeys } from "./keys";

/**
 * `project.updated` (another client, an AI agent, or this page) refetches
 * that project's queries; the editor keeps its selection because it is held
 * by id, outside the cache. Created and deleted projects change the list.
 */
export function registerProjectEvents(registry: EventRegistry): void {
  registry.on(["project.updated"], (event, queryClient) => {
    const { project_id: projectId, version } = event.payload;
    // This page's own edit already refetched that version.
    const shown = queryClient.getQueryData<Project>(projectKeys.detail(projectId));
    if (shown && shown.version >= version) return;
    void queryClient.invalidateQueries({ queryKey: projectKeys.one(projectId) });
    void queryClient.invalidateQueries({ queryKey: projectKeys.list() });
  });
  registry.on(["project.created", "project.deleted"], (_event, queryClient) => {
    void queryClient.invalidateQueries({ queryKey: projectKeys.list() });
  });
  registry.onGap((queryClient) => void queryClient.invalidateQueries({ queryKey: projectKeys.all }));
}
