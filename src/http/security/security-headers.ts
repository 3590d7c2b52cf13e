/**
 * The browser-facing security headers, set by helmet: the staff web UI (its page and static
 * files) and the annual report's HTML page. The API's JSON keeps its own `Cache-Control:
 * no-store` and nosniff (createHttpApp).
 */
import type { RequestHandler } from "express";
import helmet from "helmet";

/**
 * The web UI: scripts, styles, fonts and requests from our own origin only. Ant Design writes
 * its CSS-in-JS into <style> tags and style attributes, hence 'unsafe-inline' for styles only;
 * ECharts draws on a canvas (images as data:/blob: URLs when saved). Never framed (clickjacking),
 * no referrer sent to other sites, no MIME sniffing. No upgrade-insecure-requests: a plain-HTTP
 * installation (the default, behind no proxy) would lose its own scripts.
 */
export function webAppSecurityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
      },
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
    // HSTS only means something over https, where the proxy that terminates TLS sets it
    strictTransportSecurity: false,
  });
}

/**
 * The annual report as a web page (`…/reports/:year.html`): no script at all, its own inline
 * stylesheet and style attributes, images only as data: URLs; framed only by our own pages
 * (a preview), no referrer, no sniffing.
 */
export function reportPageSecurityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'none'"],
        "style-src": ["'unsafe-inline'"],
        "img-src": ["data:"],
        "frame-ancestors": ["'self'"],
        "base-uri": ["'none'"],
        "form-action": ["'none'"],
      },
    },
    frameguard: { action: "sameorigin" },
    referrerPolicy: { policy: "no-referrer" },
    strictTransportSecurity: false,
  });
}
