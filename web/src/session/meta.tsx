import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import { fetchMeta } from "../api/endpoints.ts";
import type { Meta, OutcomeMeta } from "../api/types.ts";
import { LazyResult } from "../components/lazy-result.tsx";
import { PageLoading } from "../components/page-loading.tsx";

export interface MetaIndex extends Meta {
  label(kind: LabelledKind, id: string): string;
  outcome(id: string | null | undefined): OutcomeMeta | undefined;
  actionLabel(type: string): string;
}

const LABELLED_KINDS = [
  "states",
  "applicantTypes",
  "channels",
  "roles",
  "appealKinds",
  "appealResults",
  "deliveryMethods",
  "outgoingDocuments",
] as const;
type LabelledKind = (typeof LABELLED_KINDS)[number];

const MetaContext = createContext<MetaIndex | null>(null);

function index(meta: Meta): MetaIndex {
  const maps = new Map<string, Map<string, string>>();
  for (const kind of LABELLED_KINDS) {
    // a vocabulary the server does not list (yet) shows its ids
    maps.set(kind, new Map((meta[kind] ?? []).map((x) => [x.id, x.label])));
  }
  const outcomes = new Map<string, OutcomeMeta>(meta.outcomes.map((o) => [o.id, o]));
  const actions = new Map<string, string>(meta.actions.map((a) => [a.type, a.label]));
  return {
    ...meta,
    label: (kind, id) => maps.get(kind)?.get(id) ?? id,
    outcome: (id) => (id ? outcomes.get(id) : undefined),
    actionLabel: (type) => actions.get(type) ?? type,
  };
}

/** The vocabularies with their Chinese labels (GET /api/v1/meta), loaded once. */
export function MetaProvider({ children }: { children: ReactNode }) {
  const [meta, setMeta] = useState<Meta | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetchMeta()
      .then(setMeta)
      .catch((e: Error) => setError(e.message));
  }, []);
  const value = useMemo(() => (meta ? index(meta) : null), [meta]);
  if (error) return <LazyResult status="error" title="无法载入系统词表" subTitle={error} />;
  if (!value) return <PageLoading />;
  return <MetaContext.Provider value={value}>{children}</MetaContext.Provider>;
}

export function useMeta(): MetaIndex {
  const m = useContext(MetaContext);
  if (!m) throw new Error("useMeta outside MetaProvider");
  return m;
}
