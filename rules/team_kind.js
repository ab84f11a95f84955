// Rule (computed): the names of the team that works with a case, from the municipality's
// parameter team.kind: a municipal cooperation group (GGK, seed 002 §4.2) or a task team (ZZK,
// Seed 004 §4). Documents take the team's name from here, not from the documents data.
function teamNames(kind) {
  if (kind === 'ZZK') {
    return {skrot: 'ZZK', nazwa: 'Zadaniowy Zespół Kooperacyjny',
            nazwa_dop: 'Zadaniowego Zespołu Kooperacyjnego'};
  }
  return {skrot: 'GGK', nazwa: 'Gminna Grupa Kooperacji', nazwa_dop: 'Gminnej Grupy Kooperacji'};
}
