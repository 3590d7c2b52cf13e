import express from "express";
import type { DocumentService } from "../../documents/document-service.ts";
import type { Authenticator } from "../auth/authenticate.ts";
import type { HttpExtension } from "../http-deps.ts";
import { mountRoutes } from "../routing/define-route.ts";
import { documentRoutes } from "./documents.routes.ts";

/** The case documents' routes (issue 12) as a part of the API, listed in the OpenAPI document. */
export function createDocumentsExtension(documents: DocumentService): (auth: Authenticator) => HttpExtension {
  return (auth) => {
    const specs = documentRoutes(documents);
    const router = express.Router();
    mountRoutes(router, specs, auth);
    return { router, specs };
  };
}
