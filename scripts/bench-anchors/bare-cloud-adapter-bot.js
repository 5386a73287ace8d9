// The anchor for a Teams `respond` invoke in `npm run bench`: a bare Bot Framework
// CloudAdapter bot on node:http that answers every Action.Execute invoke with a message and
// does nothing else. Like Convene in local mode, it has no Microsoft app id, so the SDK skips
// token validation on both sides of the comparison. Plain JavaScript outside src/: it is a
// measuring stick, not Convene, and only src/channels/teams may import botbuilder.
const { createServer } = require("node:http");
const { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } = require("botbuilder");

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
class BareBot extends ActivityHandler {
  async onAdaptiveCardInvoke() {
    return { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: "ok" };
  }
}
const bot = new BareBot();

createServer(async (req, res) => {
  if (req.method !== "POST") return void res.writeHead(200).end("ok");
  let raw = "";
  for await (const chunk of req) raw += chunk;
  // The SDK's Request/Response shapes (restify and express style), over node:http.
  let status = 200;
  let body;
  const response = {
    socket: req.socket,
    status(code) {
      status = code;
      return response;
    },
    header() {
      return response;
    },
    send(b) {
      body = b;
      return response;
    },
    end() {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body));
      return response;
    },
  };
  await adapter.process({ body: JSON.parse(raw), headers: req.headers, method: req.method }, response, (context) => bot.run(context));
}).listen(Number(process.env.PORT), "127.0.0.1");
