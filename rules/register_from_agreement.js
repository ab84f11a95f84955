// Rule (computed): the partnership's register at the start of its operation is the signatories
// of the agreement that founded it — the partners of the founding's `agreement.signed` (Seed 002
// §3.4: the agreement signed at the meeting founds the PZK; 004 §1 ust. 3: the members are the
// Leader and the cooperants who signed). `founding` is the founding instance's data (k:start
// from, as="zawiazanie"); each member keeps its registry id and name and the day it joined.
function registerFromAgreement(founding) {
  if (!founding || !founding.partnerzy) return [];
  var day = founding.porozumienie && founding.porozumienie.data ? founding.porozumienie.data : null;
  return founding.partnerzy.filter(function (p) { return p && p.id; }).map(function (p) {
    return {id: p.id, nazwa: p.nazwa || p.id, przystapienie: day, podstawa: 'porozumienie'};
  });
}
