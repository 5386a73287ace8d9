/**
 * Words the plain-language aid points out, with a plainer or fairer way to say the same thing.
 * The practice principles ask for language that is "non-judgemental, jargon free and easy to
 * understand": the child may read this record one day, and so may their parents.
 */
import { z } from "zod";

/** Why a term is pointed out. */
export const LANGUAGE_KINDS = ["jargon", "judgemental"] as const;

/** One entry in a language list. */
export const LanguageEntrySchema = z.object({
  /** The word or phrase, matched whole-word and case-insensitively. */
  term: z.string({ error: "Give the word or phrase to look for." }).trim().min(1, { error: "Give the word or phrase to look for." }).max(80),
  /** Jargon (unclear to families) or judgemental (blames rather than describes). */
  kind: z.enum(LANGUAGE_KINDS, { error: "Say whether the term is jargon or judgemental." }),
  /** What to write instead, or how to rephrase. */
  suggestion: z.string({ error: "Suggest a plainer way to say it." }).trim().min(1, { error: "Suggest a plainer way to say it." }).max(300),
});

/** One entry in a language list. */
export type LanguageEntry = z.infer<typeof LanguageEntrySchema>;

/**
 * A local authority's own list: `merge` adds to (and overrides by term) the default list,
 * `replace` uses only its entries. `allow` removes default terms the authority is content with.
 */
export const LanguageListSchema = z.object({
  /** How the entries combine with the defaults. */
  mode: z.enum(["merge", "replace"]).default("merge"),
  /** The authority's entries. */
  entries: z.array(LanguageEntrySchema).default([]),
  /** Default terms not to flag. */
  allow: z.array(z.string().trim().min(1)).default([]),
});

/** A parsed {@link LanguageListSchema}. */
export type LanguageListConfig = z.infer<typeof LanguageListSchema>;

const jargon = (term: string, suggestion: string): LanguageEntry => ({ term, kind: "jargon", suggestion });
const judgemental = (term: string, suggestion: string): LanguageEntry => ({ term, kind: "judgemental", suggestion });

/** The default list. */
export const DEFAULT_LANGUAGE_LIST: readonly LanguageEntry[] = Object.freeze([
  jargon("s47", "Write \"child protection enquiries (section 47)\"."),
  jargon("s17", "Write \"support as a child in need (section 17)\"."),
  jargon("ICPC", "Write \"initial child protection conference\"."),
  jargon("RCPC", "Write \"review child protection conference\"."),
  jargon("CP plan", "Write \"child protection plan\"."),
  jargon("CPP", "Write \"child protection plan\"."),
  jargon("CIN", "Write \"child in need\"."),
  jargon("LAC", "Write \"child in care\", or the child's own words for it."),
  jargon("LADO", "Write \"the local authority designated officer, who looks into concerns about adults who work with children\"."),
  jargon("MASH", "Write \"the team that first looks at concerns about children (the multi-agency safeguarding hub)\"."),
  jargon("EPO", "Write \"emergency protection order\"."),
  jargon("PPO", "Write \"police protection\"."),
  jargon("CAIT", "Write \"the police child abuse investigation team\"."),
  jargon("DA", "Write \"domestic abuse\"."),
  jargon("DV", "Write \"domestic abuse\"."),
  jargon("NFA", "Write \"no further action\"."),
  jargon("SW", "Write \"social worker\"."),
  jargon("HV", "Write \"health visitor\"."),
  jargon("ABE", "Write \"a video-recorded interview with the police (Achieving Best Evidence)\"."),
  jargon("threshold", "Say what the worry is and what it means for the child."),
  jargon("non-engagement", "Describe what happened: which appointments were missed and what the family said about them."),
  jargon("disguised compliance", "Describe what the family said they would do and what happened."),
  jargon("toxic trio", "Name each worry (domestic abuse, mental health, alcohol or drug use) and how it affects the child."),
  judgemental("refused to engage", "Describe what happened and what the person said, for example \"Mr B did not want to meet this week because...\"."),
  judgemental("failed to engage", "Describe what happened and any reason given."),
  judgemental("failed to", "Say what did not happen and any reason given, without blame: \"did not attend\"."),
  judgemental("aggressive", "Describe what the person said and did."),
  judgemental("manipulative", "Describe the behaviour and its effect on the child."),
  judgemental("chaotic", "Describe what the home or routine is like for the child."),
  judgemental("uncooperative", "Describe what was asked and what the person said or did."),
  judgemental("hostile", "Describe what the person said and did."),
  judgemental("claims", "Write \"says\" or \"said\"."),
  judgemental("claimed", "Write \"said\"."),
  judgemental("admitted", "Write \"said\" or \"told me\"."),
  judgemental("alleged to have", "Say who reported what, and when."),
  judgemental("denies", "Write \"says this did not happen\"."),
  judgemental("unkempt", "Describe what you saw, for example \"clothes were dirty and too small\"."),
  judgemental("inappropriate", "Say what happened and why it was a worry for the child."),
  judgemental("resistant", "Describe what was asked and the person's response in their words."),
  judgemental("absconded", "Write \"left without saying where they were going\" or \"went missing\"."),
  judgemental("placement", "Write \"home\" or name where the child lives."),
]);
