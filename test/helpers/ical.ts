// ical.js ships ESM with a CommonJS build beside it; the tests are CommonJS, so they take the
// CommonJS build at run time and the ESM typings for the compiler.
type IcalModule = typeof import("ical.js", { with: { "resolution-mode": "import" } }).default;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL: IcalModule = require("ical.js");
/** ical.js (a real iCalendar parser), for reading the invites Convene serves. */
export default ICAL;
/** A parsed date-time. */
export type IcalTime = InstanceType<IcalModule["Time"]>;
