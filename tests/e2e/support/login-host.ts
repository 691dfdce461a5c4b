// A stand-in for a customer's product: a login page on another origin that
// includes Candor's banner tag, under a strict Content Security Policy.
import http from "node:http";
import type { AddressInfo } from "node:net";

const CSS =
  "body{font:16px Georgia,serif;margin:0;background:#fafafa;color:#222} div{color:magenta!important;font-size:40px!important} main{max-width:28rem;margin:3rem auto}";

function page(candor: string, scriptAttributes: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme — sign in</title><link rel="stylesheet" href="/login.css"></head>
<body><main><h1>Sign in to Acme</h1><form id="login"><label>Email <input name="email"></label><button type="button" id="go">Sign in</button></form>
<p id="result"></p><section id="notice"></section></main>
<script src="${candor}/embed/banner.js" ${scriptAttributes} async></script>
<script src="/login.js"></script></body></html>`;
}

export async function startLoginHost(candorOrigin: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const csp = `default-src 'self'; script-src 'self' ${candorOrigin} http://127.0.0.1:9; connect-src 'self' ${candorOrigin}; style-src 'self'`;
    const send = (type: string, body: string) => {
      response.writeHead(200, { "Content-Type": type, "Content-Security-Policy": csp });
      response.end(body);
    };
    if (request.url === "/login.css") return send("text/css", CSS);
    if (request.url === "/login.js")
      return send(
        "application/javascript",
        "document.getElementById('go').addEventListener('click',function(){document.getElementById('result').textContent='Signed in';});",
      );
    if (request.url === "/login") return send("text/html", page(candorOrigin, 'data-interval="15"'));
    if (request.url === "/login-inline") return send("text/html", page(candorOrigin, 'data-position="inline" data-target="#notice"'));
    // Candor unreachable: nothing listens on port 9.
    if (request.url === "/login-down") return send("text/html", page("http://127.0.0.1:9", ""));
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
