// Rule (guard with reasons): what still keeps the social worker from convening the team, as
// Polish sentences (an empty list means the team may be convened). The team is convened after
// the diagnosis on the family community interview (Seed 002 §4.1-4.2), with the consent of the
// person/family including consent to the processing of personal data (Seed 000 §2 ust. 4, §9;
// consentAllowsTeam, consent_required.js); a task team (ZZK) also only after the network officer
// was informed (Seed 004 §4 ust. 4). `teamKind` is the municipality's parameter team.kind.
function teamConveningMissing(interviewDone, consent, beforeTeam, teamKind, networkInformed) {
  var w = [];
  if (!interviewDone) {
    w.push('Zespół można zwołać po przeprowadzeniu rodzinnego wywiadu środowiskowego.');
  }
  if (!consentAllowsTeam(consent, beforeTeam)) {
    w.push(beforeTeam
               ? 'Zespół można powołać dopiero po uzyskaniu zgody osoby/rodziny na pracę w zespole ' +
                     'i na przetwarzanie danych osobowych.'
               : 'Przed zwołaniem zespołu potrzebna jest zgoda osoby/rodziny na przetwarzanie ' +
                     'danych osobowych.');
  }
  if (teamKind === 'ZZK' && !networkInformed) {
    w.push('Przed uruchomieniem zespołu należy poinformować pracownika ds. sieci.');
  }
  return w;
}
