import { useEffect, useState } from "react";
import { useLocation } from "react-router";
import { fetchWorklistCounters } from "../api/worklist.ts";
import { useUser } from "../session/session.tsx";

/**
 * The approver's queue (审批): proposals waiting in their agency, from the server's counters.
 * Read again at each page change, so the menu's badge follows a decision or a new proposal.
 * null for a user who may not approve (`can.approve`), or before the first answer.
 */
export function useApprovalCount(): number | null {
  const isApprover = useUser().can.approve;
  const { pathname, search } = useLocation();
  const [count, setCount] = useState<number | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again at each page change (the queue moves)
  useEffect(() => {
    if (!isApprover) return;
    const controller = new AbortController();
    fetchWorklistCounters({}, controller.signal)
      .then((c) => setCount(c.awaitingApproval))
      .catch(() => undefined); // the badge is a hint: the 审批 page itself shows the queue
    return () => controller.abort();
  }, [isApprover, pathname, search]);
  return isApprover ? count : null;
}
