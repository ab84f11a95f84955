// Rule (guard with a reason): the partnership ends only by the rule of what it works under
// (param pzk.basis). Framework regulation (Seed 004 §1 ust. 7): the Leader dissolves it when a
// majority of the cooperants resigned in writing (dissolution_majority.js). Agreement (seed 000
// §10 ust. 1): "Zmiana, uzupełnienie lub rozwiązanie niniejszego Porozumienia wymagają zachowania
// formy pisemnej pod rygorem nieważności" — a written dissolution. Returns "" when it may end.
function dissolutionRefusal(basis, d, resigned, joined) {
  if (basis === 'regulamin') {
    return dissolutionByMajority(resigned, joined) ? '' :
        'Lider rozwiązuje PZK, gdy większość kooperantów złożyła pisemne rezygnacje.';
  }
  return d && d.pisemnie === true ? '' :
      'Rozwiązanie porozumienia wymaga formy pisemnej pod rygorem nieważności.';
}
