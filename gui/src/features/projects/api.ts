/**
 * Project queries and the project-list mutations.
 *
 * The editor's own changes go through `useProjectEdit` (`edit.ts`), which adds
 * `If-Match`; the list's create and delete need no version to start from.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { ProjectCreate } from "../../api/types";
import { projectKeys, sourceKeys } from "./keys";

export const PROJECT_LIST_LIMIT = 100;

export function useProjects() {
  return useQuery({
    queryKey: projectKeys.list(),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/projects", { params: { query: { limit: PROJECT_LIST_LIMIT, offset: 0 } }, signal })),
  });
}

/** The whole project document (tracks, clips with effects, transitions) and its `version`. */
export function useProject(projectId: string) {
  return useQuery({
    queryKey: projectKeys.detail(projectId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/projects/{project_id}", { params: { path: { project_id: projectId } }, signal })),
  });
}

/**
 * Where everything plays in the output, as the server derives it. Keyed by
 * the version too, so a new version refetches it; the previous layout stays
 * on screen meanwhile.
 */
export function useTimeline(projectId: string, version: number | undefined) {
  return useQuery({
    queryKey: [...projectKeys.timeline(projectId), version] as const,
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/projects/{project_id}/timeline", { params: { path: { project_id: projectId } }, signal })),
    enabled: version !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** The version list plus `can_undo`/`can_redo`, which drive the Undo and Redo buttons. */
export function useHistory(projectId: string, version: number | undefined) {
  return useQuery({
    queryKey: [...projectKeys.history(projectId), version] as const,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/projects/{project_id}/history", {
          params: { path: { project_id: projectId }, query: { limit: 20 } },
          signal,
        }),
      ),
    enabled: version !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** One library record (file name, thumbnail URL) for a clip's source. */
export function useSource(videoId: string) {
  return useQuery({
    queryKey: sourceKeys.one(videoId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/videos/{video_id}", { params: { path: { video_id: videoId } }, signal })),
    staleTime: 60_000,
  });
}

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProjectCreate) => unwrap(api.POST("/api/v1/projects", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.list() }),
  });
}

export function useDeleteProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (projectId: string) =>
      unwrap(api.DELETE("/api/v1/projects/{project_id}", { params: { path: { project_id: projectId } } })),
    onSuccess: (_data, projectId) => {
      queryClient.removeQueries({ queryKey: projectKeys.one(projectId) });
      return queryClient.invalidateQueries({ queryKey: projectKeys.list() });
    },
  });
}
