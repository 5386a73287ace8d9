/**
 * The strategy discussion record: what Working Together (chapter 1) says a strategy
 * discussion must decide, laid out in the Signs of Safety frame the seeds' authorities use.
 */
import { z } from "zod";
import {
  ALWAYS,
  ActionItemSchema,
  ApologySchema,
  AttendeeSchema,
  NAME_MAX,
  SHORT_TEXT_MAX,
  choice,
  clockTime,
  hasText,
  isIsoDate,
  isRecordLike,
  isoDate,
  optionalText,
  requiredText,
  yesNo,
} from "./record-parts.schema";

/** How the discussion was held: Working Together allows a meeting or a set of calls. */
export const STRATEGY_MODES = ["meeting", "call", "phone"] as const;
/** The section 47 decision. "Not yet" is honest when the discussion needs more information first. */
export const S47_DECISIONS = ["yes", "no", "not-yet-more-information-needed"] as const;
/** Who carries out the enquiry. */
export const INVESTIGATION_TYPES = ["single-agency", "joint-with-police"] as const;
/** Legal action considered. */
export const LEGAL_ACTIONS = [
  "none",
  "legal-planning-meeting",
  "emergency-protection-order",
  "police-protection-in-place",
] as const;
/** What happens next, each with a reason. */
export const STRATEGY_NEXT_STEPS = [
  "initial-conference",
  "another-strategy-discussion",
  "child-in-need",
  "no-further-action",
] as const;
/** One of {@link STRATEGY_NEXT_STEPS}. */
export type StrategyNextStep = (typeof STRATEGY_NEXT_STEPS)[number];

/** What was shared by one agency. */
export const AgencyInformationSchema = z.object({
  /** The agency that shared it. */
  agency: requiredText("Say which agency shared this information.", NAME_MAX),
  /** A summary of what it shared. */
  summary: requiredText("Summarise what this agency shared."),
  /** Whether the family's consent was sought before sharing (the information-sharing log asks). */
  consentSought: z.boolean({ error: "Say whether consent was sought." }).optional(),
  /** Why consent was not sought (e.g. it would put the child at risk); needed when it was not. */
  noConsentReason: optionalText(SHORT_TEXT_MAX),
}).superRefine((row, ctx) => {
  if (isRecordLike(row) && row.consentSought === false && !hasText(row.noConsentReason)) {
    ctx.addIssue({ code: "custom", path: ["noConsentReason"], message: "Consent was not sought: say why (for example, it could put the child at risk)." });
  }
}, ALWAYS);

/** One agency's 0–10 Signs of Safety scale (0: the child is not safe; 10: safe enough to close). */
export const SafetyScaleEntrySchema = z.object({
  /** The agency giving the score. */
  agency: requiredText("Say which agency gave this score.", NAME_MAX),
  /** Whole number from 0 to 10. */
  score: z
    .number({ error: "Give a whole number from 0 to 10." })
    .int({ error: "Give a whole number from 0 to 10." })
    .min(0, { error: "Give a whole number from 0 to 10." })
    .max(10, { error: "Give a whole number from 0 to 10." }),
});

/**
 * What the child and family are told. Recording who was given what, or why it was withheld,
 * is a practice principle; withholding is lawful only for a reason (e.g. it may jeopardise a
 * police investigation), so the reason is required.
 */
export const FamilyInformationSchema = z.discriminatedUnion(
  "decision",
  [
    z.object({
      decision: z.literal("shared"),
      /** What was shared. */
      what: requiredText("Say what was shared with the child and family.", SHORT_TEXT_MAX),
      /** Who was given it, e.g. "Mother and Sam (aged 9)". */
      sharedWith: requiredText("Say who was given the information.", SHORT_TEXT_MAX),
      /** Who shared it. */
      sharedBy: requiredText("Say who shared the information.", NAME_MAX),
      /** When (or by when) it is shared. */
      when: isoDate("the date it was, or will be, shared"),
    }),
    z.object({
      decision: z.literal("withheld"),
      /** Why it is withheld. */
      reason: requiredText("Explain why information is being withheld from the child and family."),
    }),
  ],
  { error: "Say whether information will be shared with the child and family, or withheld." },
);

const medicalSchema = z
  .object(
    {
      /** Whether a medical assessment is needed. */
      needed: yesNo("Say whether a medical assessment is needed."),
      /** Who, where and when; required when one is needed. */
      detail: optionalText(),
    },
    { error: "Say whether a medical assessment is needed." },
  )
  .superRefine((m, ctx) => {
    if (isRecordLike(m) && m.needed === true && !hasText(m.detail)) {
      ctx.addIssue({
        code: "custom",
        path: ["detail"],
        message: "Say what medical assessment is needed, who will arrange it and when.",
      });
    }
  }, ALWAYS);

/** The strategy discussion record. */
export const StrategyDiscussionRecordSchema = z
  .object({
    meeting: z.object(
      {
        /** Day it was held. */
        date: isoDate("the date of the discussion"),
        /** Time it started. */
        time: clockTime(),
        /** Meeting, video/voice call, or separate phone calls. */
        mode: choice(STRATEGY_MODES, "Say whether this was a meeting, a call, or a set of phone calls."),
      },
      { error: "Give the date and time of the discussion and how it was held." },
    ),
    /** Who took part. */
    attendees: z
      .array(AttendeeSchema, { error: "List who took part." })
      .min(1, { error: "List who took part." }),
    /** Who sent apologies. */
    apologies: z.array(ApologySchema).default([]),
    /** How agencies that could not attend contributed (a report, a call beforehand) — or that they did not. */
    absentContributions: optionalText(),
    /** Per-agency summary of what was shared. */
    informationShared: z
      .array(AgencyInformationSchema, { error: "Summarise what each agency shared." })
      .min(1, { error: "Summarise what at least one agency shared." }),
    /** The child's daily life and their own words: records belong to the child. */
    child: z.object(
      {
        /** What life is like for the child, day to day. */
        livedExperience: requiredText("Describe what daily life is like for the child."),
        /** Their wishes and feelings, in their words where possible. */
        voice: requiredText(
          "Record the child's wishes and feelings. For a baby or a child who cannot say, record what was seen of how they are.",
        ),
      },
      { error: "Describe the child's daily life and their wishes and feelings." },
    ),
    /** Signs of Safety. */
    signsOfSafety: z.object(
      {
        /** Harm, danger and complicating factors. */
        worries: requiredText("Say what we are worried about."),
        /** Strengths and existing safety. */
        workingWell: requiredText("Say what is working well, even if it is little."),
        /** Safety goals and next steps. */
        needsToHappen: requiredText("Say what needs to happen."),
        /** One score per agency that gave one. */
        safetyScale: z
          .array(SafetyScaleEntrySchema, { error: "Give at least one agency's safety score." })
          .min(1, { error: "Give at least one agency's safety score from 0 to 10." }),
      },
      { error: "Say what we are worried about, what is working well, what needs to happen, and the safety scores." },
    ),
    /** The decisions Working Together requires. */
    decision: z.object(
      {
        /** Whether section 47 enquiries start. */
        s47: choice(S47_DECISIONS, "Say whether section 47 enquiries will be started."),
        /** Single agency or joint with police; required when enquiries start. */
        investigation: choice(INVESTIGATION_TYPES, "Say whether the enquiry is single agency or joint with the police.").optional(),
        /** What more is needed and how it will be got; required when the decision waits on it. */
        furtherInformation: optionalText(),
        /** Conduct and timing of any criminal investigation, or that there is none. */
        criminalInvestigation: requiredText(
          "Say how and when any criminal investigation will be carried out, or that there will not be one.",
        ),
        /** Medical assessment. */
        medical: medicalSchema,
        /** Legal action. */
        legalAction: choice(LEGAL_ACTIONS, "Say whether legal action is needed."),
        /** Other children in the household: Working Together asks that all are considered. */
        otherChildren: requiredText("Say which other children live in the household and what was decided for them, or that there are none."),
      },
      { error: "Record the decisions: section 47 enquiries, any criminal investigation, medical assessment and legal action." },
    ),
    /** What the child and family are told. */
    informationForFamily: FamilyInformationSchema,
    /** Who will do what by when. */
    actions: z.array(ActionItemSchema).default([]),
    /** What happens next, and why. */
    nextStep: z.object(
      {
        kind: choice(STRATEGY_NEXT_STEPS, "Choose the next step."),
        reason: requiredText("Explain why this is the next step."),
      },
      { error: "Choose the next step and say why." },
    ),
    /** Any disagreement, in the words of the person who disagreed. */
    dissent: optionalText(),
    /** The escalation dissent led to (to whom, when, outcome). */
    escalation: optionalText(),
    /** Who chaired. */
    chair: requiredText("Give the name of the chair.", NAME_MAX),
    /** Who wrote the record. */
    recorder: requiredText("Give the name of the person recording.", NAME_MAX),
  })
  .superRefine((value, ctx) => {
    // The value may be partly invalid (see ALWAYS), so it is read as unknown.
    const r: unknown = value;
    const none: Record<string, unknown> = {};
    // Only combinations that statutory guidance makes plainly wrong are flagged; everything
    // else is professional judgement, which the record should capture rather than second-guess.
    if (!isRecordLike(r)) return;
    const decision = isRecordLike(r.decision) ? r.decision : none;
    const nextStep = isRecordLike(r.nextStep) ? r.nextStep : none;
    const s47 = decision.s47;

    if (s47 === "yes" && decision.investigation === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["decision", "investigation"],
        message: "Section 47 enquiries are starting: say whether they are single agency or joint with the police.",
      });
    }
    if (s47 === "not-yet-more-information-needed" && !hasText(decision.furtherInformation)) {
      ctx.addIssue({
        code: "custom",
        path: ["decision", "furtherInformation"],
        message: "Say what more information is needed, who will get it and how.",
      });
    }
    if (s47 === "yes" && nextStep.kind === "no-further-action") {
      ctx.addIssue({
        code: "custom",
        path: ["nextStep", "kind"],
        message:
          "Section 47 enquiries are starting, so the next step cannot be no further action. If the enquiries later find no need to act, record that when they end.",
      });
    }
    if (typeof s47 === "string" && s47 !== "yes" && nextStep.kind === "initial-conference") {
      ctx.addIssue({
        code: "custom",
        path: ["nextStep", "kind"],
        message:
          "An initial child protection conference follows section 47 enquiries. Choose another next step, or change the section 47 decision.",
      });
    }
    if (Array.isArray(r.apologies) && r.apologies.length > 0 && !hasText(r.absentContributions)) {
      ctx.addIssue({
        code: "custom",
        path: ["absentContributions"],
        message: "Some agencies sent apologies: say how they contributed (for example a written report), or that they did not.",
      });
    }
    if (hasText(r.escalation) && !hasText(r.dissent)) {
      ctx.addIssue({
        code: "custom",
        path: ["dissent"],
        message: "Say what the disagreement was that led to the escalation.",
      });
    }

    // An action due before the discussion was held is almost always a typo in the year.
    const meeting = isRecordLike(r.meeting) ? r.meeting : none;
    const heldOn = typeof meeting.date === "string" && isIsoDate(meeting.date) ? meeting.date : undefined;
    if (heldOn && Array.isArray(r.actions)) {
      r.actions.forEach((a: unknown, i: number) => {
        if (isRecordLike(a) && typeof a.byWhen === "string" && isIsoDate(a.byWhen) && a.byWhen < heldOn) {
          ctx.addIssue({
            code: "custom",
            path: ["actions", i, "byWhen"],
            message: "This date is before the discussion was held. Check the date.",
          });
        }
      });
    }

    // Two scores from one agency would make the scale ambiguous.
    const scale = isRecordLike(r.signsOfSafety) ? r.signsOfSafety.safetyScale : undefined;
    if (Array.isArray(scale)) {
      const seen = new Set<string>();
      scale.forEach((e: unknown, i: number) => {
        if (!isRecordLike(e) || typeof e.agency !== "string") return;
        const key = e.agency.trim().toLowerCase();
        if (seen.has(key)) {
          ctx.addIssue({
            code: "custom",
            path: ["signsOfSafety", "safetyScale", i, "agency"],
            message: "This agency already has a score. Give one score per agency.",
          });
        }
        seen.add(key);
      });
    }
  }, ALWAYS);

/** A valid strategy discussion record. */
export type StrategyDiscussionRecord = z.infer<typeof StrategyDiscussionRecordSchema>;
