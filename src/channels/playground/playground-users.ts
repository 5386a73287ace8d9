/** A seeded playground practitioner: a fake Teams user with a stable identity. */
export interface PlaygroundUser {
  /** Teams user id (29:…) as the connector reports it. */
  id: string;
  /** Stable Entra object id: the identity Convene keys practitioners on. */
  aadObjectId: string;
  name: string;
  email: string;
  /** Convene role (social-worker, team-manager, police, health…). */
  role: string;
  agency: string;
}

/** The tenant every playground user belongs to. */
export const PLAYGROUND_TENANT = "local";

/** The people in the playground's case channel. Invented names; no real people. */
export const PLAYGROUND_USERS: readonly PlaygroundUser[] = [
  { id: "29:pg-sam-social-worker", aadObjectId: "00000000-0000-4000-8000-000000000001", name: "Sam Okafor", email: "sam.okafor@la.example", role: "social-worker", agency: "Children's social care" },
  { id: "29:pg-priya-police", aadObjectId: "00000000-0000-4000-8000-000000000002", name: "DC Priya Shah", email: "priya.shah@police.example", role: "police", agency: "Police" },
  { id: "29:pg-hana-health", aadObjectId: "00000000-0000-4000-8000-000000000003", name: "Hana Lewis (named nurse)", email: "hana.lewis@nhs.example", role: "health", agency: "Health" },
  { id: "29:pg-tom-team-manager", aadObjectId: "00000000-0000-4000-8000-000000000004", name: "Tom Reid (team manager)", email: "tom.reid@la.example", role: "team-manager", agency: "Children's social care" },
  { id: "29:pg-sara-school", aadObjectId: "00000000-0000-4000-8000-000000000005", name: "Sara Ahmed (school DSL)", email: "sara.ahmed@school.example", role: "school", agency: "Education" },
];

/** The bot as it appears in playground conversations. */
export const PLAYGROUND_BOT = { id: "28:convene-playground-bot", name: "Convene" } as const;

/** The playground's one case channel (a Teams channel thread id). The demo links it to a case. */
export const PLAYGROUND_CONVERSATION_ID = "19:playground-case-channel@thread.tacv2";
