// Rule (guard with reasons): how a new institution joins depends on what the partnership works
// under (param pzk.basis). Under an open agreement (Seed 002 §3.4: "porozumienie miało charakter
// otwarty … może podpisać porozumienie przyjmując jego zapisy", Seed 000) the new party signs the
// agreement and accepts its rules; under the framework regulation (Seed 004 §1 ust. 5) it signs
// and hands the Leader the declaration of accession (accession_valid.js). `members` are the ids
// already in the register. Returns the Polish reasons for refusing; empty: it may join.
function accessionMissing(basis, d, members) {
  var w = [];
  if (!d || !d.institution || !d.institution.id) return ['Podaj instytucję, która przystępuje do PZK.'];
  if (members.indexOf(d.institution.id) >= 0) w.push('Instytucja jest już członkiem PZK.');
  if (basis === 'regulamin') {
    if (!accessionValid(d)) {
      w.push('Przystąpienie wymaga podpisanej deklaracji, akceptacji regulaminu, karty usług ' +
             'kooperanta i wskazania koordynatora.');
    }
  } else if (d.agreementSigned !== true) {
    w.push('Nowa instytucja przystępuje przez podpisanie porozumienia i przyjęcie jego zapisów.');
  }
  return w;
}
