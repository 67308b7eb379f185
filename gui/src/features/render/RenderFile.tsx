import { useSyncExternalStore } from "react";
import { authStore } from "../../api/auth";
import type { Job } from "../../api/types";
import { formatBytes, formatDuration } from "../../lib/format";
import { renderFileUrl } from "./api";
import { readRenderResult } from "./progress";

/**
 * A finished render's file: its address (with the session's token, since
 * `<a download>` and `<video src>` cannot send a header), its file name and a
 * one-line summary. Shared by the editor's Renders panel and the Jobs page.
 */
export function useRenderFile(job: Job) {
  const { token } = useSyncExternalStore(authStore.subscribe, authStore.getSnapshot, authStore.getSnapshot);
  const result = readRenderResult(job.result);
  return {
    url: renderFileUrl(job.job_id, token),
    name: result?.outputPath?.split("/").pop() ?? `${job.job_id}.mp4`,
    summary: `${formatDuration(result?.durationS)} · ${result?.frames ?? "—"} frames · ${formatBytes(result?.sizeBytes)}`,
  };
}

/** "Download <file name>", for as long as the server keeps the file. */
export function RenderDownloadLink({ url, name, testId }: { url: string; name: string; testId: string }) {
  return (
    <a href={url} download={name} data-testid={testId}>
      Download {name}
    </a>
  );
}
