import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { ApiError, setCsrfToken, setUnauthenticatedHandler } from "../api/client.ts";
import { fetchMe, login as loginCall, logout as logoutCall } from "../api/endpoints.ts";
import type { MeReply, UserInfo } from "../api/types.ts";

type Status = "loading" | "anonymous" | "ready";

type Capabilities = UserInfo["can"];
/** A yes/no entry of `user.can`: what the server says the user may do outside a case. */
export type Capability = {
  [K in keyof Capabilities]: Capabilities[K] extends boolean ? K : never;
}[keyof Capabilities];

export interface Session {
  status: Status;
  user: UserInfo | null;
  /** Why the user is at the login page (expired session), shown there. */
  notice: string | null;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  /** The user changed the password an administrator had set: the app opens. */
  passwordChanged(): void;
}

const SessionContext = createContext<Session | null>(null);

/** What the server says to a request that carries no session cookie at all. */
const NO_COOKIE_MESSAGE = "请先登录";
/** What the server says to a cookie it no longer accepts (and then clears the cookie). */
const EXPIRED_MESSAGE = "会话已过期，请先登录";

/**
 * Whether this browser holds a session the user has not logged out of (localStorage: shared by
 * the tabs, survives a reload). The server clears the cookie in the first 401 it sends for an
 * expired session, so every request that leaves after that one (the page's concurrent calls, a
 * reload, another tab) arrives without it and hears only "请先登录"; this marker is what still
 * tells an expired session from none, whichever request happened to meet the cookie first.
 */
const SESSION_MARKER = "ogi.session";

function markSession(live: boolean): void {
  try {
    if (live) localStorage.setItem(SESSION_MARKER, "1");
    else localStorage.removeItem(SESSION_MARKER);
  } catch {
    // storage disabled: only the server's own message tells an expired session
  }
}

function hadSession(): boolean {
  try {
    return localStorage.getItem(SESSION_MARKER) === "1";
  } catch {
    return false;
  }
}

/** A 401's message, with "no cookie" read as "expired" while this browser had a session. */
function reasonOf(message: string): string {
  return message === NO_COOKIE_MESSAGE && hadSession() ? EXPIRED_MESSAGE : message;
}

/** The notice for a failed /auth/me at start-up: undefined for a plain login page. */
function startupNotice(e: unknown): string | undefined {
  if (!(e instanceof ApiError) || e.status !== 401) return undefined;
  const reason = reasonOf(e.message);
  return reason === NO_COOKIE_MESSAGE ? undefined : reason;
}

/**
 * The logged-in user. The session cookie is httpOnly; the CSRF token lives in memory only and,
 * after a reload, comes back from GET /auth/me. Any 401 ends the session in the UI.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>("loading");
  const [user, setUser] = useState<UserInfo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /**
   * The one GET /auth/me of this page load. StrictMode runs the effect below twice in development
   * builds (the browser tests' bundle is one); a second request would race the first one's 401,
   * which clears the cookie, and could come back "请先登录" instead of "会话已过期".
   */
  const me = useRef<Promise<MeReply> | null>(null);

  /** Ends the session in the UI; `message` (undefined keeps the current one) is shown at login. */
  const end = useCallback((message: string | null | undefined) => {
    setCsrfToken(null);
    setUser(null);
    if (message !== undefined) setNotice(message);
    setStatus("anonymous");
  }, []);

  useEffect(() => {
    // Several calls may meet the end of a session at once, each calling this in any order: they
    // must all say the same, or the last one to arrive decides the notice.
    setUnauthenticatedHandler((message) => end(`登录已失效，请重新登录。（${reasonOf(message)}）`));
    let live = true;
    me.current ??= fetchMe();
    me.current
      .then((reply) => {
        if (!live) return;
        setCsrfToken(reply.csrfToken ?? null);
        setUser(reply.user);
        markSession(true);
        setStatus("ready");
      })
      .catch((e: unknown) => {
        // Never logged in (or logged out): plain login page; a session that ended otherwise: say so.
        if (live) end(startupNotice(e));
      });
    return () => {
      live = false;
      setUnauthenticatedHandler(null);
    };
  }, [end]);

  const login = useCallback(async (username: string, password: string) => {
    const reply = await loginCall(username, password);
    // the web logs in with session: true, whose answer carries the CSRF token (no bearer token)
    setCsrfToken("csrfToken" in reply ? reply.csrfToken : null);
    setUser(reply.user);
    markSession(true);
    setNotice(null);
    setStatus("ready");
  }, []);

  const logout = useCallback(async () => {
    try {
      await logoutCall();
    } finally {
      markSession(false);
      end("您已退出登录");
    }
  }, [end]);

  const passwordChanged = useCallback(() => {
    setUser((u) => (u ? { ...u, mustChangePassword: false } : u));
  }, []);

  const value = useMemo<Session>(
    () => ({
      status,
      user,
      notice,
      login,
      logout,
      passwordChanged,
    }),
    [status, user, notice, login, logout, passwordChanged],
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
