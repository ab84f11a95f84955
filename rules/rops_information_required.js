// Rule (guard): a partnership formed without ROPS can be closed only after ROPS was informed
// (electronically, with a copy of the signed agreement). A partnership formed with ROPS needs no
// information. Seed 002 §3.5.
function foundingMayClose(path, ropsInformed) {
  return path === 'rops' || ropsInformed === true;
}
