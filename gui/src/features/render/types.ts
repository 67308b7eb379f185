/** Names for the generated types the render dialog uses. */
import type { components } from "../../api/schema.gen";

export type RenderRequest = components["schemas"]["RenderRequest"];
export type RenderFormats = components["schemas"]["FormatsOut"];
export type Container = components["schemas"]["ContainerOut"];
