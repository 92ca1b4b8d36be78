import { expect, test } from "@playwright/test";
import { ACTIONS, PAGES, ROUTE_HANDLERS } from "./access-table";
import { buildActions, buildEndpoints } from "./build";

test("the access table lists exactly the pages, route handlers and server actions of the build", () => {
  const endpoints = buildEndpoints();
  const pages = endpoints.filter((endpoint) => endpoint.kind === "page").map((endpoint) => endpoint.pattern);
  const routes = endpoints.filter((endpoint) => endpoint.kind === "route").map((endpoint) => endpoint.pattern);
  const actions = buildActions().map((action) => action.name);
  // The manifests were found and read (the app has some thirty of each).
  expect(pages.length + routes.length).toBeGreaterThan(30);
  expect(actions.length).toBeGreaterThan(25);
  expect.soft(pages.sort(), "pages (app-path-routes-manifest.json)").toEqual(Object.keys(PAGES).sort());
  expect.soft(routes.sort(), "route handlers (app-path-routes-manifest.json)").toEqual(Object.keys(ROUTE_HANDLERS).sort());
  expect.soft(actions.sort(), "server actions (server-reference-manifest.json)").toEqual(Object.keys(ACTIONS).sort());
});
