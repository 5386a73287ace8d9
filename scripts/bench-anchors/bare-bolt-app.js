// The anchor for a Slack Accept in `npm run bench`: a bare Bolt app with Bolt's own HTTP
// receiver (signature and timestamp checks included) that acknowledges every block action and
// does nothing else. The benchmark starts it as its own process with PORT and
// SLACK_SIGNING_SECRET. Plain JavaScript outside src/: it is a measuring stick, not Convene,
// and only src/channels/slack may import Slack's SDK.
const { App, LogLevel } = require("@slack/bolt");

const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? "",
  // Authorised from constants: no auth.test call out, as Convene caches its one auth.test.
  authorize: async () => ({ botToken: "xoxb-bench", botUserId: "UBOT", botId: "BBOT", teamId: "T0BENCH" }),
  logLevel: LogLevel.ERROR,
  customRoutes: [{ path: "/healthz", method: ["GET"], handler: (_req, res) => void res.writeHead(200).end("ok") }],
});
app.action(/.*/, async ({ ack }) => {
  await ack();
});
void app.start(Number(process.env.PORT));
