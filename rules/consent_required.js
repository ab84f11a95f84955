// Rule (guard): work with a person or family needs their consent, including consent to the
// processing of their personal data by the members (Seed 000 §2 ust. 4, §9); in the Sieradz
// variant a task team (ZZK) may be formed only after that consent (seed 004 §4 ust. 4).
// `beforeTeam` is the municipality's parameter case.consentBeforeTeam.
function consentAllowsTeam(consent, beforeTeam) {
  if (!consent || consent.dataProcessing !== true) return false;
  return beforeTeam ? consent.team === true : true;
}
