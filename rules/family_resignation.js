// Rule (guard): the person/family resigns from the cooperation by a written, dated statement
// (oświadczenie o rezygnacji); the resignation ends the work at any stage and is one of the
// closure reasons. Seed 002 §4.5.
function familyResignationValid(d) {
  return !!(d && d.pisemna === true && d.data);
}
