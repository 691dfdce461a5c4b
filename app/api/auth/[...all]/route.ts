import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/auth";
import { isExposedAuthPath } from "@/lib/auth/http-endpoints";

async function handle(request: Request): Promise<Response> {
  if (!isExposedAuthPath(new URL(request.url).pathname)) {
    return Response.json({ message: "Not found." }, { status: 404 });
  }
  return getAuth().handler(request);
}

export const { GET, POST } = toNextJsHandler(handle);
