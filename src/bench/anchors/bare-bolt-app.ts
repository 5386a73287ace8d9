import { App, LogLevel } from "@slack/bolt";

// The anchor for a Slack Accept: a bare Bolt app with Bolt's own HTTP receiver (signature
// and timestamp checks included) that acknowledges every block action and does nothing
// else. `npm run bench` starts it as its own process with PORT and SLACK_SIGNING_SECRET.

const port = Number(process.env.PORT);
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
void app.start(port);
