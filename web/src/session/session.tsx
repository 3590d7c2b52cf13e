import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { ApiError, setCsrfToken, setUnauthenticatedHandler } from "../api/client.ts";
import { fetchMe, login as loginCall, logout as logoutCall } from "../api/endpoints.ts";
import type { Role, UserInfo } from "../api/types.ts";

type Status = "loading" | "anonymous" | "ready";

export interface Session {
  status: Status;
  user: UserInfo | null;
  /** Why the user is at the login page (expired session), shown there. */
  notice: string | null;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  hasRole(...roles: Role[]): boolean;
}

const SessionContext = createContext<Session | null>(null);

/**
 * The logged-in user. The session cookie is httpOnly; the CSRF token lives in memory only and,
 * after a reload, comes back from GET /auth/me. Any 401 ends the session in the UI.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>("loading");
  const [user, setUser] = useState<UserInfo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  /** Ends the session in the UI; `message` (undefined keeps the current one) is shown at login. */
  const end = useCallback((message: string | null | undefined) => {
    setCsrfToken(null);
    setUser(null);
    if (message !== undefined) setNotice(message);
    setStatus("anonymous");
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler((message) => end(`登录已失效，请重新登录。（${message}）`));
    let live = true;
    fetchMe()
      .then((me) => {
        if (!live) return;
        setCsrfToken(me.csrfToken ?? null);
        setUser(me.user);
        setStatus("ready");
      })
      .catch((e: unknown) => {
        // No cookie: plain login page; a cookie the server no longer accepts: say so.
        const expired = e instanceof ApiError && e.status === 401 && e.message !== "请先登录";
        if (live) end(expired ? e.message : undefined);
      });
    return () => {
      live = false;
      setUnauthenticatedHandler(null);
    };
  }, [end]);

  const login = useCallback(async (username: string, password: string) => {
    const reply = await loginCall(username, password);
    setCsrfToken(reply.csrfToken ?? null);
    setUser(reply.user);
    setNotice(null);
    setStatus("ready");
  }, []);

  const logout = useCallback(async () => {
    try {
      await logoutCall();
    } finally {
      end("您已退出登录");
    }
  }, [end]);

  const value = useMemo<Session>(
    () => ({
      status,
      user,
      notice,
      login,
      logout,
      hasRole: (...roles) => (user ? roles.some((r) => user.roles.includes(r)) : false),
    }),
    [status, user, notice, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside SessionProvider");
  return s;
}

/** The logged-in user (inside the app shell, where there always is one). */
export function useUser(): UserInfo {
  const { user } = useSession();
  if (!user) throw new Error("useUser without a logged-in user");
  return user;
}
