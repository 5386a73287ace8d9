/**
 * The printable case export: one self-contained HTML document (inline CSS, no scripts, no
 * external requests) that a practitioner can print or save to PDF for the case file.
 *
 * Every version of every decision record is shown, so an amendment never hides what was
 * first recorded; labels come from the same form descriptor the recorder filled in.
 * Every user-supplied string passes through {@link escapeHtml}.
 */
import { DateTime } from "luxon";
import { formFor, recordToFormValues, type FormField } from "../domain/decision-record/record-form";
import type { RecordFor } from "../domain/decision-record/decision-record.schema";
import { meetingKindTitle, type MeetingKind } from "../domain/meeting/meeting-kind";
import { LONDON } from "../domain/shared/iso-date";
import { REFERRAL_RESPONSE_LABELS, type ReferralResponse } from "../domain/deadline/closing-events";
import type { CaseExportMeeting, CaseExportModel, CaseExportRecordVersion } from "../app/views/case-export-view";
import { PROTECTIVE_MARKING, type RecordBlockView } from "../app/views/view-models";
import { countOf, workingDays } from "../domain/language/plural";

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const instant = (d: Date) => DateTime.fromJSDate(d, { zone: LONDON }).toFormat("ccc d LLLL yyyy, HH:mm");

const day = (iso: string) => {
  const dt = DateTime.fromISO(iso, { zone: LONDON });
  return dt.isValid ? dt.toFormat("ccc d LLLL yyyy") : iso;
};

const STATUS_LABELS: Record<string, string> = {
  open: "Open",
  done: "Done",
  cancelled: "Cancelled",
  met: "Met",
  missed: "Missed",
  waived: "Waived",
  proposed: "Proposed",
  scheduled: "Scheduled",
  held: "Held",
  recorded: "Recorded",
};

const statusLabel = (s: string) => STATUS_LABELS[s] ?? s;

/** What a stored value reads as: the choice label, Yes/No, a written-out date, or the text itself. */
function display(field: FormField, raw: string): string {
  if (field.choices) return field.choices.find((c) => c.value === raw)?.label ?? raw;
  if (field.type === "toggle") return raw === "true" ? "Yes" : "No";
  if (field.type === "date") return day(raw);
  return raw;
}

const CSS = `
*{box-sizing:border-box}
body{font-family:Arial,Helvetica,sans-serif;font-size:11pt;line-height:1.45;color:#111;margin:2rem auto;max-width:52rem;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.3rem;border-bottom:2px solid #111;margin-top:2rem}
h3{font-size:1.15rem;margin:1.5rem 0 .25rem}h4{font-size:1rem;margin:1rem 0 .25rem}h5{font-size:.95rem;margin:.75rem 0 .25rem;color:#333}
.meta{color:#444;font-size:.9rem;margin:.1rem 0}
.notice{border-left:4px solid #555;padding:.25rem .75rem;background:#f3f3f3}
.version{border:1px solid #bbb;padding:.5rem 1rem;margin:.75rem 0}
.version.amendment{border-left:6px solid #b35c00}
.reason{background:#fff4e5;padding:.35rem .6rem}
dl{display:grid;grid-template-columns:16rem 1fr;gap:.2rem 1rem;margin:.25rem 0}
dt{font-weight:bold}dd{margin:0;white-space:pre-wrap}
table{border-collapse:collapse;width:100%;margin:.25rem 0}
th,td{border:1px solid #999;padding:.25rem .4rem;text-align:left;vertical-align:top;white-space:pre-wrap}
th{background:#eee}
.changed{background:#fff4e5}
.marking{text-align:center;font-weight:bold;letter-spacing:.05em;margin:.5rem 0}
caption{text-align:left;font-weight:bold;padding:.25rem 0}
.changes{background:#f3f3f3;padding:.35rem .6rem}
.tag{font-size:.75rem;font-weight:bold;color:#b35c00;margin-left:.35rem}
@media print{
  body{margin:0;max-width:none;font-size:10pt}
  @page{margin:18mm 15mm}
  .version,tr,dl{break-inside:avoid}
  h2,h3,h4,h5{break-after:avoid}
  .notice,.reason,.changed,th{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}`;

const CHANGED_TAG = '<span class="tag">changed</span>';

function renderFields(kind: MeetingKind, v: CaseExportRecordVersion, previous?: CaseExportRecordVersion): string {
  const values = recordToFormValues(kind, v.payload as RecordFor<MeetingKind>);
  const before = previous ? recordToFormValues(kind, previous.payload as RecordFor<MeetingKind>) : undefined;
  const fields = formFor(kind, before ? { ...before, ...values } : values);
  const out: string[] = [];
  let section = "";
  let dl: string[] = [];
  const flushDl = () => {
    if (dl.length) out.push(`<dl>${dl.join("")}</dl>`);
    dl = [];
  };
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as FormField;
    if (field.section !== section) {
      flushDl();
      section = field.section;
      out.push(`<h5>${escapeHtml(section)}</h5>`);
    }
    if (!field.repeat) {
      const raw = values[field.id];
      const was = before?.[field.id];
      const changed = before !== undefined && raw !== was;
      if (raw === undefined && was === undefined) continue;
      const text = raw === undefined ? "(removed in this version)" : display(field, raw);
      dl.push(
        `<dt>${escapeHtml(field.label)}${changed ? CHANGED_TAG : ""}</dt><dd${changed ? ' class="changed"' : ""}>${escapeHtml(text)}</dd>`,
      );
      continue;
    }
    // A list: gather all of its rows into one table, with column labels from the descriptor.
    flushDl();
    const group = field.repeat.group;
    const groupFields: FormField[] = [];
    while (i < fields.length && (fields[i] as FormField).repeat?.group === group) groupFields.push(fields[i++] as FormField);
    i--;
    const columns = groupFields.filter((f) => f.repeat?.index === 0);
    const rowCount = Math.max(...groupFields.map((f) => (f.repeat?.index ?? 0) + 1));
    const rows: string[] = [];
    for (let r = 0; r < rowCount; r++) {
      const ids = columns.map((c) => `${group}.${r}.${c.id.split(".").pop()}`);
      if (ids.every((id) => values[id] === undefined)) continue;
      const changed = before !== undefined && ids.some((id) => values[id] !== before[id]);
      const cells = ids.map((id, c) => {
        const raw = values[id];
        return `<td>${raw === undefined ? "" : escapeHtml(display(columns[c] as FormField, raw))}</td>`;
      });
      rows.push(`<tr${changed ? ' class="changed"' : ""}>${cells.join("")}</tr>`);
    }
    if (rows.length === 0) continue;
    const head = columns.map((c) => `<th scope="col">${escapeHtml(c.repeat?.fieldLabel ?? c.label)}</th>`).join("");
    out.push(`<table><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`);
  }
  flushDl();
  return out.join("\n");
}

/** A block of the record document as HTML: label/value pairs, a table, or a paragraph. */
function renderBlock(b: RecordBlockView): string {
  switch (b.kind) {
    case "fields":
      return `<dl>${b.fields.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value || "—")}</dd>`).join("")}</dl>`;
    case "table": {
      const head = b.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join("");
      const rows = b.rows.map((r) => `<tr>${r.map((v) => `<td>${escapeHtml(v)}</td>`).join("")}</tr>`).join("");
      return `<table>${b.caption ? `<caption>${escapeHtml(b.caption)}</caption>` : ""}<thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
    }
    case "text":
      return `<p>${escapeHtml(b.text)}</p>`;
  }
}

/** The labels of the fields a version changed, compared with the one before. */
function changedLabels(kind: MeetingKind, v: CaseExportRecordVersion, previous: CaseExportRecordVersion): string[] {
  const values = recordToFormValues(kind, v.payload as RecordFor<MeetingKind>);
  const before = recordToFormValues(kind, previous.payload as RecordFor<MeetingKind>);
  const labels = new Set<string>();
  for (const field of formFor(kind, { ...before, ...values })) {
    if (values[field.id] !== before[field.id]) labels.add(field.repeat ? (field.section || field.repeat.rowLabel) : field.label);
  }
  return [...labels];
}

/** One version: the same document the Teams card and the Slack modal show, plus what changed. */
function renderVersion(kind: MeetingKind, v: CaseExportRecordVersion, previous?: CaseExportRecordVersion): string {
  const amended = v.version > 1;
  const author = v.authorLabel ?? "an unknown author";
  const changes = previous ? changedLabels(kind, v, previous) : [];
  const body = v.document
    ? [
        `<dl class="header">${v.document.header.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`).join("")}</dl>`,
        ...v.document.sections.map((s) => `<h5>${escapeHtml(s.title)}</h5>\n${s.blocks.map(renderBlock).join("\n")}`),
      ].join("\n")
    : renderFields(kind, v, previous);
  return [
    `<section class="version${amended ? " amendment" : ""}">`,
    `<h4>Version ${v.version}: ${amended ? "amendment" : "original record"}</h4>`,
    `<p class="meta">Recorded ${escapeHtml(instant(v.createdAt))} by ${escapeHtml(author)}</p>`,
    amended ? `<p class="reason"><strong>Reason for amendment:</strong> ${escapeHtml(v.reason ?? "(none given)")}</p>` : "",
    changes.length ? `<p class="changes"><strong>Changed in this version:</strong> ${escapeHtml(changes.join("; "))}</p>` : "",
    body,
    `</section>`,
  ].join("\n");
}

function renderMeeting(m: CaseExportMeeting): string {
  const versions = [...m.records].sort((a, b) => a.version - b.version);
  // One time for the meeting everywhere: the record's own date and time, else when it was planned for.
  const when = m.whenLabel ?? (m.scheduledAt ? instant(m.scheduledAt) : m.heldAt ? instant(m.heldAt) : null);
  const status = m.records.length ? "" : m.heldAt ? " (held, not yet recorded)" : when ? " (planned)" : "";
  return [
    `<article class="meeting">`,
    `<h3>${escapeHtml(meetingKindTitle(m.kind))}, ${escapeHtml(when ?? "date to be agreed")}${escapeHtml(status)}</h3>`,
    `<p class="meta">Status: ${escapeHtml(statusLabel(m.status))}${versions.length > 1 ? ` · ${countOf(versions.length, "version")}` : ""}</p>`,
    m.cancelledReason ? `<p>Cancelled because: ${escapeHtml(m.cancelledReason)}</p>` : "",
    m.quorumOverrideReason ? `<p>Held without the statutory minimum because: ${escapeHtml(m.quorumOverrideReason)}</p>` : "",
    renderInvitees(m),
    renderProposedTimes(m),
    versions.length === 0
      ? `<p>No decision record.</p>`
      : versions.map((v, i) => renderVersion(m.kind, v, versions[i - 1])).join("\n"),
    `</article>`,
  ].join("\n");
}

const RESPONSE_WORDS: Readonly<Record<string, string>> = { invited: "No answer", accepted: "Accepted", tentative: "Tentative", declined: "Declined", delegated: "Delegated" };
const ATTENDANCE_WORDS: Readonly<Record<string, string>> = { unknown: "Not recorded", attended: "Took part", apologies: "Sent apologies", absent: "Did not take part" };

/** Who was invited to the meeting, row by row: their answer, and whether they took part. */
function renderInvitees(m: CaseExportMeeting): string {
  const rows = m.invitees ?? [];
  if (!rows.length) return "";
  const head = ["Role", "Invited", "Answer", "Took part", "Reminders"].map((c) => `<th scope="col">${c}</th>`).join("");
  const answer = (r: (typeof rows)[number]) =>
    [
      RESPONSE_WORDS[r.response] ?? r.response,
      r.answeredBy ? `by ${r.answeredBy}` : "",
      r.respondedAt ? `on ${instant(r.respondedAt)}` : "",
      r.seniorityConfirmed ? "(can decide for their agency)" : "",
      r.reason ? `: ${r.reason}` : "",
    ].filter(Boolean).join(" ");
  const tookPart = (r: (typeof rows)[number]) => `${ATTENDANCE_WORDS[r.attendance] ?? r.attendance}${r.apologiesNote ? `: ${r.apologiesNote}` : ""}`;
  const body = rows
    .map((r) => `<tr>${[`${r.roleLabel}${r.required ? " (required)" : ""}`, r.invitee, answer(r), tookPart(r), String(r.chased)].map((v) => `<td>${escapeHtml(v)}</td>`).join("")}</tr>`)
    .join("");
  return `<table class="log"><caption>Who was invited</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** How the meeting's time was found: each proposed time and who said they could make it. */
function renderProposedTimes(m: CaseExportMeeting): string {
  const times = m.proposedTimes ?? [];
  if (!times.length) return "";
  const head = ["Proposed time", "Could make it", "Could not"].map((c) => `<th scope="col">${c}</th>`).join("");
  const body = times.map((t) => `<tr>${[instant(t.startsAt), t.canMake.join(", ") || "—", t.cannotMake.join(", ") || "—"].map((v) => `<td>${escapeHtml(v)}</td>`).join("")}</tr>`).join("");
  return `<table class="log"><caption>Times proposed</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function renderSharingLog(model: CaseExportModel): string {
  const rows = model.sharingLog ?? [];
  if (!rows.length) return "<p>No disclosures recorded.</p>";
  const head = ["When", "What kind", "Given to", "By", "What", "Why", "Lawful basis", "Consent sought"].map((c) => `<th scope="col">${c}</th>`).join("");
  const body = rows
    .map((r) => `<tr>${[instant(r.at), r.kindLabel, r.recipient, r.disclosedBy, r.what, r.why, r.lawfulBasis, r.consent].map((v) => `<td>${escapeHtml(v)}</td>`).join("")}</tr>`)
    .join("");
  return `<table class="log"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A closing event's structured detail, in words (keys the export knows; anything else as "key: value"). */
function closingDetailWords(detail: Record<string, unknown> | null): string[] {
  if (!detail) return [];
  return Object.entries(detail).map(([k, v]) => {
    const value = typeof v === "string" ? v : JSON.stringify(v);
    if (k === "feedbackOn") return `Referrer told ${day(value)}`;
    if (k === "feedbackHow") return `How: ${value}`;
    if (k === "response") return `Response: ${REFERRAL_RESPONSE_LABELS[value as ReferralResponse] ?? value}`;
    return `${k}: ${value}`;
  });
}

const ENQUIRY_STATUS_WORDS: Readonly<Record<string, string>> = {
  open: "Under way", "awaiting-conference": "Awaiting its initial conference", closed: "Concluded", withdrawn: "Withdrawn (record amended)",
};

function renderEnquiries(model: CaseExportModel): string {
  const enquiries = [...(model.enquiries ?? [])].sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  if (!enquiries.length) return "<p>No section 47 enquiries.</p>";
  const rows = enquiries
    .map((e) => {
      const started = e.startSource === "recorded" ? "recorded by the social worker" : `strategy discussion (${e.discussions.length} discussion${e.discussions.length === 1 ? "" : "s"})`;
      const outcome = e.outcomeLabel ? `${e.outcomeLabel}${e.outcomeDate ? `, ${day(e.outcomeDate)}` : ""}${e.outcomeByLabel ? `, recorded by ${e.outcomeByLabel}` : ""}${e.outcomeReason ? `. ${e.outcomeReason}` : ""}` : "Not yet recorded";
      return `<tr><td>${escapeHtml(day(e.startDate))}</td><td>${escapeHtml(started)}</td><td>${escapeHtml(ENQUIRY_STATUS_WORDS[e.status] ?? e.status)}</td><td>${escapeHtml(outcome)}</td></tr>`;
    })
    .join("");
  return `<table><thead><tr><th scope="col">Started (s47 start)</th><th scope="col">Started by</th><th scope="col">Status</th><th scope="col">Outcome</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** Renders the printable case export. */
export function renderCaseExportHtml(model: CaseExportModel): string {
  const meetings = [...model.meetings].sort((a, b) => {
    const ta = (a.heldAt ?? a.scheduledAt)?.getTime() ?? Number.MAX_SAFE_INTEGER;
    const tb = (b.heldAt ?? b.scheduledAt)?.getTime() ?? Number.MAX_SAFE_INTEGER;
    return ta - tb || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  const actions = [...model.actions].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  const deadlines = [...model.deadlines].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  const ref = escapeHtml(model.caseReference);

  const actionRows = actions
    .map(
      (a) =>
        `<tr><td>${escapeHtml(a.ownerLabel)}</td><td>${escapeHtml(a.description)}</td><td>${escapeHtml(day(a.dueDate))}</td><td>${escapeHtml(statusLabel(a.status))}</td></tr>`,
    )
    .join("");
  const deadlineRows = deadlines
    .map((d) => {
      const notes = [
        d.waivedReason ? `Waived: ${d.waivedReason}` : "",
        d.workingDaysTaken != null ? workingDays(d.workingDaysTaken) : "",
        d.closing ? `${d.closing.kindLabel} on ${day(d.closing.on)}${d.closing.byLabel ? `, recorded by ${d.closing.byLabel}` : ""}` : "",
        d.closing?.reason ? `Reason: ${d.closing.reason}` : "",
        ...closingDetailWords(d.closing?.detail ?? null),
        d.closedAt ? `Closed ${instant(d.closedAt)}` : "",
      ].filter(Boolean);
      return `<tr><td>${escapeHtml(d.ruleLabel ?? d.rule)}</td><td>${escapeHtml(day(d.sourceDate))}</td><td>${escapeHtml(day(d.dueDate))}</td><td>${escapeHtml(statusLabel(d.status))}</td><td>${escapeHtml(notes.join("; "))}</td></tr>`;
    })
    .join("");

  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Case file export: ${ref}</title>
<style>${CSS}</style>
</head>
<body>
<p class="marking">${PROTECTIVE_MARKING}</p>
<header>
<h1>Case file export</h1>
<p>Case reference: <strong>${ref}</strong></p>
<p class="meta">Exported ${escapeHtml(instant(model.exportedAt))}${model.exportedBy ? ` by ${escapeHtml(model.exportedBy)}` : ""}</p>
<p class="notice">This record belongs to the child. Share it only with people who need to know. Amended records show every version, with the reason for each change.</p>
</header>
<main>
<section>
<h2>Meetings and decisions</h2>
${meetings.length ? meetings.map(renderMeeting).join("\n") : "<p>No meetings.</p>"}
</section>
<section>
<h2>Actions</h2>
${actionRows ? `<table><thead><tr><th scope="col">Who</th><th scope="col">What</th><th scope="col">By when</th><th scope="col">Status</th></tr></thead><tbody>${actionRows}</tbody></table>` : "<p>No actions.</p>"}
</section>
<section>
<h2>Information-sharing log</h2>
<p class="meta">Every disclosure: who was given what, when, why and on what lawful basis. This export is the last row.</p>
${renderSharingLog(model)}
</section>
<section>
<h2>Section 47 enquiries</h2>
${renderEnquiries(model)}
</section>
<section>
<h2>Timescales</h2>
${deadlineRows ? `<table><thead><tr><th scope="col">Timescale</th><th scope="col">Counted from</th><th scope="col">Due by</th><th scope="col">Status</th><th scope="col">Notes</th></tr></thead><tbody>${deadlineRows}</tbody></table>` : "<p>No timescales.</p>"}
</section>
</main>
<p class="marking">${PROTECTIVE_MARKING}</p>
</body>
</html>
`;
}
