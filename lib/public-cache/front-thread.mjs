// The front server thread's entry. Worker threads do not inherit tsx's
// loader, so it is registered here before the TypeScript is loaded.
import { register } from "tsx/esm/api";

register();
await import("./front-worker.ts");
