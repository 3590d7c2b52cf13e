import "./styles.css";
import "./plain-ui.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { AppRoutes } from "./app-routes.tsx";
import { SessionProvider } from "./session/session.tsx";

const root = document.getElementById("root");
if (!root) throw new Error("#root missing");

// No Ant Design here: the login page is plain HTML, the other pages load it with AntdRoot.
createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider>
        <AppRoutes />
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
