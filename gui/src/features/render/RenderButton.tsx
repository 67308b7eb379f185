import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { jobKeys } from "../jobs/cache";
import { RenderDialog } from "./RenderDialog";

/** The toolbar's Render button; a started job shows in `RenderJobs` (the job list query is refreshed). */
export function RenderButton({ projectId }: { projectId: string }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="primary" onClick={() => setOpen(true)}>
        Render…
      </button>
      {open && (
        <RenderDialog
          projectId={projectId}
          onClose={() => setOpen(false)}
          onStarted={() => {
            setOpen(false);
            void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
          }}
        />
      )}
    </>
  );
}
