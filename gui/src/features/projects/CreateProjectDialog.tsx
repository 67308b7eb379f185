import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { errorMessage } from "../../api/errors";
import { Dialog } from "../../components/Dialog";
import { useCreateProject } from "./api";
import { FPS_CHOICES, fpsProblem, SIZE_PRESETS, sizeProblem } from "./sizePresets";
import styles from "./ProjectsPage.module.css";

const CUSTOM = "custom";

/** Name, output size (a preset or custom) and frame rate; opens the editor on success. */
export function CreateProjectDialog({ onClose }: { onClose: () => void }) {
  const create = useCreateProject();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [preset, setPreset] = useState<string>(SIZE_PRESETS[0]?.id ?? CUSTOM);
  const [custom, setCustom] = useState({ width: "1920", height: "1080" });
  const [fps, setFps] = useState("30");

  const chosen = SIZE_PRESETS.find((item) => item.id === preset);
  const width = chosen ? chosen.width : Number(custom.width);
  const height = chosen ? chosen.height : Number(custom.height);
  const problem = !name.trim()
    ? null
    : name.trim().length > 200
      ? "The name is at most 200 characters."
      : (sizeProblem(width, height) ?? fpsProblem(Number(fps)));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim() || problem) return;
    create.mutate(
      { name: name.trim(), output_width: width, output_height: height, output_fps: Number(fps), sample_rate: 48_000 },
      { onSuccess: (project) => void navigate(`/projects/${project.id}`) },
    );
  }

  return (
    <Dialog label="New project" onClose={onClose}>
      <form onSubmit={onSubmit} className={styles.form}>
        <h2>New project</h2>
        <label>
          Name
          <input type="text" value={name} onChange={(event) => setName(event.target.value)} maxLength={200} required />
        </label>
        <label>
          Output size
          <select value={preset} onChange={(event) => setPreset(event.target.value)}>
            {SIZE_PRESETS.map((item) => (
              <option key={item.id} value={item.id}>
                {item.label}
              </option>
            ))}
            <option value={CUSTOM}>Custom…</option>
          </select>
        </label>
        {!chosen && (
          <div className={styles.pair}>
            <label>
              Width
              <input
                type="number"
                min={16}
                max={7680}
                step={2}
                value={custom.width}
                onChange={(event) => setCustom({ ...custom, width: event.target.value })}
              />
            </label>
            <label>
              Height
              <input
                type="number"
                min={16}
                max={4320}
                step={2}
                value={custom.height}
                onChange={(event) => setCustom({ ...custom, height: event.target.value })}
              />
            </label>
          </div>
        )}
        <label>
          Frame rate
          <input
            type="number"
            min={1}
            max={120}
            list="fps-choices"
            value={fps}
            onChange={(event) => setFps(event.target.value)}
          />
          <datalist id="fps-choices">
            {FPS_CHOICES.map((value) => (
              <option key={value} value={value} />
            ))}
          </datalist>
        </label>
        {(problem ?? create.error) && (
          <p role="alert" className={styles.error}>
            {problem ?? errorMessage(create.error)}
          </p>
        )}
        <div className={styles.buttons}>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!name.trim() || problem !== null || create.isPending}>
            {create.isPending ? "Creating…" : "Create project"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
