import { useEffect, useState } from "react";
import { listAgencies } from "../api/endpoints.ts";
import type { Agency } from "../api/types.ts";

let cache: Promise<Agency[]> | null = null;

/** The agencies the user may see (GET /api/v1/agencies), loaded once per page load. */
export function loadAgencies(refresh = false): Promise<Agency[]> {
  if (refresh || !cache) {
    cache = listAgencies()
      .then((p) => p.items)
      .catch((e: unknown) => {
        cache = null;
        throw e;
      });
  }
  return cache;
}

export function useAgencies(): Agency[] {
  const [agencies, setAgencies] = useState<Agency[]>([]);
  useEffect(() => {
    let live = true;
    loadAgencies()
      .then((a) => {
        if (live) setAgencies(a);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return agencies;
}
