import "./portal.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { PortalApp } from "./portal-app.tsx";

// The applicant's portal (/apply): its own page and bundle, none of the staff UI's code.
const root = document.getElementById("root");
if (!root) throw new Error("#root missing");

createRoot(root).render(
  <StrictMode>
    <PortalApp />
  </StrictMode>,
);
