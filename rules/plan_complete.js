// Rule (guard): a work plan (card zał. 6, part B) has a main goal and every task has a
// description, a responsible person and a deadline. Seeds 001 zał. 6 part B; 002 §4.3.
// `plan` uses the card's keys: cel_glowny, zadania[] {cel, nr, opis, odpowiedzialny, termin}.
function planComplete(plan) {
  if (!plan || !plan.cel_glowny || !plan.zadania || plan.zadania.length === 0) return false;
  for (var i = 0; i < plan.zadania.length; i++) {
    var t = plan.zadania[i];
    if (!t.opis || !t.odpowiedzialny || !t.termin) return false;
  }
  return true;
}
