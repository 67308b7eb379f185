import { setupServer } from "msw/node";

/** MSW intercepts `fetch`; each test installs the handlers it needs. */
export const server = setupServer();
