// Rule (guard): a cooperant joins the partnership by signing and handing the Leader the
// declaration of accession, accepting the regulation, and submitting its service card.
// Seed 004 §1 ust. 5 (declaration, zał. 1), §3 ust. 2 (Karta usług kooperanta, zał. 2),
// §1 ust. 3a (at least one delegated coordinator).
function accessionValid(d) {
  return !!(d && d.institution && d.declarationSigned === true && d.regulationAccepted === true &&
            d.serviceCard === true && d.coordinator);
}
