// Rule (guard): a resignation is written, signed by the person authorised to represent the
// member, and handed to the Leader; it may be made at any time. Seed 004 §1 ust. 6.
function resignationValid(d, members) {
  return !!(d && d.written === true && d.signedByRepresentative === true &&
            members.indexOf(d.institution) >= 0);
}
