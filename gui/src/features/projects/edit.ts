/**
 * Every change to an open project goes through `useProjectEdit`.
 *
 * It sends `If-Match: <version>` with the version the user is looking at, so
 * a change made on a stale view is refused (412 `VERSION_CONFLICT`) instead of
 * silently overwriting another client's edit. On 412 it reloads the project
 * and reports the conflict; on success it refreshes the project's queries.
 * Edits run one after the other: each starts from the version the previous
 * one produced.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef } from "react";
import { unwrap } from "../../api/client";
import { ApiError } from "../../api/errors";
import type { Project } from "../../api/types";
import { projectKeys } from "./keys";

export interface IfMatchHeader {
  "If-Match": string;
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** One API call, given the `If-Match` header to send (pass it as `params.header`). */
export type SendEdit<T> = (header: IfMatchHeader) => Promise<FetchResult<T>>;

export type EditFn = <T>(send: SendEdit<T>) => Promise<T>;

export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 412;
}

/** The sentence the editor shows after a 412. */
export function conflictMessage(version: number | undefined): string {
  const now = version === undefined ? "" : ` (now version ${version})`;
  return `This project was changed elsewhere${now}. It has been reloaded; your change was not applied — please make it again.`;
}

/**
 * `edit(send)` resolves with the call's answer, or rejects with its
 * `ApiError` (after `onConflict` was called for a 412).
 */
export function useProjectEdit(projectId: string, onConflict: (message: string) => void): EditFn {
  const queryClient = useQueryClient();
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  return useCallback(
    <T,>(send: SendEdit<T>): Promise<T> => {
      const run = async (): Promise<T> => {
        const current = queryClient.getQueryData<Project>(projectKeys.detail(projectId));
        if (!current) throw new ApiError(0, "NOT_LOADED", "The project is not loaded yet.");
        try {
          const answer = await unwrap(send({ "If-Match": String(current.version) }));
          await Promise.all([
            queryClient.invalidateQueries({ queryKey: projectKeys.one(projectId) }),
            queryClient.invalidateQueries({ queryKey: projectKeys.list() }),
          ]);
          return answer;
        } catch (error) {
          if (isVersionConflict(error)) {
            await queryClient.refetchQueries({ queryKey: projectKeys.detail(projectId) });
            onConflict(conflictMessage(queryClient.getQueryData<Project>(projectKeys.detail(projectId))?.version));
          }
          throw error;
        }
      };
      const result = queue.current.then(run, run);
      queue.current = result.catch(() => undefined);
      return result;
    },
    [queryClient, projectId, onConflict],
  );
}
