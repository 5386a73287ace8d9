import { DISCLOSURE_KIND_LABELS, LAWFUL_BASIS_LABELS, type Disclosure } from "../../domain/sharing/information-sharing";
import type { CaseExportDisclosure } from "./case-export-view";

/** A log row as people read it: kinds and bases in words, consent as "Yes" or "No: why not". */
export function disclosureView(d: Disclosure): CaseExportDisclosure {
  return {
    at: d.at,
    kindLabel: DISCLOSURE_KIND_LABELS[d.kind],
    recipient: d.recipientLabel,
    disclosedBy: d.disclosedBy,
    what: d.what,
    why: d.why,
    lawfulBasis: LAWFUL_BASIS_LABELS[d.lawfulBasis],
    consent: d.consentSought === true ? "Yes" : d.consentSought === false ? `No: ${d.noConsentReason ?? "no reason recorded"}` : "Not recorded",
  };
}
