import { useId, useState, type FormEvent } from "react";
import { ApiError, errorMessage } from "../../api/errors";
import { Dialog } from "../../components/Dialog";
import { useRenderFormats, useStartRender } from "./api";
import { QualityField } from "./QualityField";
import { DEFAULT_CRF } from "./quality";
import type { Container, RenderRequest } from "./types";
import styles from "./Render.module.css";

interface RenderDialogProps {
  projectId: string;
  onStarted: (jobId: string) => void;
  onClose: () => void;
}

function preferred(options: string[], wanted: string): string {
  return options.includes(wanted) ? wanted : (options[0] ?? wanted);
}

/** The request field an error names (`crf`, `video_codec`, `output_path`), or null. */
function fieldOf(error: unknown): string | null {
  return error instanceof ApiError ? (error.field?.split(".").pop() ?? null) : null;
}

/** Render settings: container, codecs from `/render/formats`, quality as CRF, optional output path. */
export function RenderDialog({ projectId, onStarted, onClose }: RenderDialogProps) {
  const id = useId();
  const formats = useRenderFormats();
  const start = useStartRender(projectId);
  const containers = formats.data?.containers ?? [];
  const [containerName, setContainerName] = useState("mp4");
  const container: Container | undefined =
    containers.find((item) => item.container === containerName) ?? containers[0];
  const [videoCodec, setVideoCodec] = useState<string | null>(null);
  const [audioCodec, setAudioCodec] = useState<string | null>(null);
  const [crf, setCrf] = useState(DEFAULT_CRF);
  const [preset, setPreset] = useState("medium");
  const [outputPath, setOutputPath] = useState("");

  const videoCodecs = container?.video_codecs ?? [];
  const audioCodecs = container?.audio_codecs ?? [];
  const video = videoCodec && videoCodecs.includes(videoCodec) ? videoCodec : preferred(videoCodecs, "libx264");
  const audio = audioCodec && audioCodecs.includes(audioCodec) ? audioCodec : preferred(audioCodecs, "aac");
  const errorField = fieldOf(start.error);
  const errorAt = (field: string) => (start.error && errorField === field ? errorMessage(start.error) : null);
  const generalError = start.error && !["crf", "video_codec", "audio_codec", "output_path", "container", "preset"].includes(errorField ?? "");

  function submit(event: FormEvent) {
    event.preventDefault();
    const body: RenderRequest = {
      container: (container?.container ?? containerName) as RenderRequest["container"],
      video_codec: video,
      audio_codec: audio,
      crf,
      preset: preset as RenderRequest["preset"],
      ...(outputPath.trim() ? { output_path: outputPath.trim() } : {}),
    };
    start.mutate(body, { onSuccess: (jobId) => onStarted(jobId) });
  }

  return (
    <Dialog label="Render project" onClose={onClose}>
      <form className={styles.dialog} onSubmit={submit}>
        <h2 className={styles.title}>Render</h2>
        {formats.isError && (
          <p className={styles.error} role="alert">
            Could not load the formats: {errorMessage(formats.error)}
          </p>
        )}
        <label htmlFor={`${id}-container`}>Container</label>
        <select id={`${id}-container`} value={container?.container ?? ""} onChange={(e) => setContainerName(e.target.value)}>
          {containers.map((item) => (
            <option key={item.container} value={item.container}>
              {item.container}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-video`}>Video codec</label>
        <select id={`${id}-video`} value={video} onChange={(e) => setVideoCodec(e.target.value)}>
          {videoCodecs.map((codec) => (
            <option key={codec}>{codec}</option>
          ))}
        </select>
        {errorAt("video_codec") && <p className={styles.error}>{errorAt("video_codec")}</p>}
        <label htmlFor={`${id}-audio`}>Audio codec</label>
        <select id={`${id}-audio`} value={audio} onChange={(e) => setAudioCodec(e.target.value)}>
          {audioCodecs.map((codec) => (
            <option key={codec}>{codec}</option>
          ))}
        </select>
        <QualityField crf={crf} onChange={setCrf} error={errorAt("crf")} />
        <label htmlFor={`${id}-preset`}>Encoder speed (x264 preset)</label>
        <select id={`${id}-preset`} value={preset} onChange={(e) => setPreset(e.target.value)}>
          {(formats.data?.presets ?? [preset]).map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
        <label htmlFor={`${id}-output`}>Output path (optional)</label>
        <input
          id={`${id}-output`}
          type="text"
          placeholder="Default: the server's renders folder"
          value={outputPath}
          aria-invalid={errorAt("output_path") ? true : undefined}
          onChange={(e) => setOutputPath(e.target.value)}
        />
        {errorAt("output_path") && (
          <p className={styles.error} role="alert">
            {errorAt("output_path")}
          </p>
        )}
        {generalError && (
          <p className={styles.error} role="alert">
            {errorMessage(start.error)}
          </p>
        )}
        <div className={styles.actions}>
          <button type="submit" disabled={start.isPending || !container}>
            {start.isPending ? "Starting…" : "Start render"}
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
    </Dialog>
  );
}
