import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, isCrossSiteWrite, isFrameworkErrorPage, isPrivatePath } from "@/lib/http/security";

/**
 * Headers and the cross-site write refusal for every request. It only redirects and refuses; who may
 * see or change what is decided in the data layer, never here.
 */
export function proxy(request: NextRequest) {
  if (isCrossSiteWrite(request)) {
    return new NextResponse("跨站请求已被拒绝", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  if (isFrameworkErrorPage(request.nextUrl.pathname)) {
    return new NextResponse("页面不存在", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  if (isPrivatePath(request.nextUrl.pathname)) {
    response.headers.set("cache-control", "no-store");
  }
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
