// Rule (computed): which team members sign a confidentiality statement and which need the
// centre's authorisation to process personal data before they start. A member's representative
// not bound by secrecy in their own work signs a written statement (Seed 000 §9 ust. 2); one not
// entitled by their own duties to process the data is authorised by the controller, the
// municipality's centre (Seed 000 §9 ust. 3-4; seed 004 §8 ust. 2: separate authorisations).
// Institution flags: tajemnica (bound by secrecy), uprawniony (entitled to process the data).
function membersNeedingStatement(members) {
  var out = [];
  for (var i = 0; i < (members || []).length; i++) {
    if (members[i].tajemnica !== true) out.push(members[i]);
  }
  return out;
}
function membersNeedingAuthorisation(members) {
  var out = [];
  for (var i = 0; i < (members || []).length; i++) {
    if (members[i].uprawniony !== true) out.push(members[i]);
  }
  return out;
}
