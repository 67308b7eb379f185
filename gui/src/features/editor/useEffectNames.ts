import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";

/**
 * `effect_type` → the catalog's display name, for the effect names on the
 * timeline's clips. The catalog only changes with the server, so it is read
 * once; until it arrives (or if it fails) the type itself is shown.
 */
export function useEffectNames(): (effectType: string) => string {
  const catalog = useQuery({
    queryKey: ["effects", "names"],
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/effects", { signal })),
    select: (answer) => new Map<string, string>(answer.effects.map((effect) => [effect.effect_type, effect.name])),
    staleTime: Infinity,
  });
  return (effectType) => catalog.data?.get(effectType) ?? effectType;
}
