// Rule (computed): the partnership is dissolved by the Leader when a majority of the cooperants
// has resigned in writing. `joined` counts every cooperant that ever belonged, `resigned` those
// who resigned in writing. Seed 004 §1 ust. 7.
function dissolutionByMajority(resigned, joined) {
  return joined > 0 && resigned * 2 > joined;
}
