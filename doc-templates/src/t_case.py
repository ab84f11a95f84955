"""Case documents: work-plan card (001 zał. 6, parts A/B/C) and monitoring form (001 zał. 7)."""

from kit import DOTS, Template

_SITUATION = [
    ("Sytuacja materialna (źródło dochodów, zadłużenia itp.)", "materialna"),
    ("Sytuacja mieszkaniowa (metraż, standard, stan techniczny, wyposażenie itp.)", "mieszkaniowa"),
    ("Sytuacja zawodowa (wykształcenie, status na rynku pracy członków rodziny wspólnie "
     "zamieszkujących, doświadczenie i umiejętności zawodowe, dodatkowe kwalifikacje itp.)",
     "zawodowa"),
    ("Sytuacja zdrowotna (choroby, uzależnienia, korzystanie z poradni specjalistycznych, "
     "terapie itp.)", "zdrowotna"),
    ("Sytuacja opiekuńczo-wychowawcza (sytuacja prawna rodziców względem dzieci, nadzór "
     "kuratorski, edukacja szkolna, udział w zajęciach pozalekcyjnych itp.)", "opiekuncza"),
    ("Relacje w rodzinie (sposób odnoszenia się do siebie członków rodziny, interakcje, kontakty "
     "i relacje z członkami dalszej rodziny itp.)", "relacje"),
]


def work_plan_card():
    t = Template("Karta planu pracy z osobą/rodziną", "Podręcznik wdrażania, załącznik nr 6")
    t.p("Załącznik nr 6 do podręcznika wdrażania", style="Oznaczenie załącznika")
    t.place_date()
    # ---- part A
    t.p("CZĘŚĆ A", style="Nagłówek części")
    t.title_block("KARTA PLANU PRACY Z OSOBĄ/RODZINĄ nr {sprawa.numer}",
                  "(numer identyfikacyjny)")
    t.p("I. CZŁONKOWIE RODZINY (imię i nazwisko, wiek, miejsce zamieszkania, nr telefonu)",
        style="Nagłówek części")
    t.table(["Lp.", "Imię i nazwisko", "Wiek", "Miejsce zamieszkania", "Nr telefonu"],
            [1.1, 5.0, 1.5, 6.0, 3.0], loop="rodzina.czlonkowie",
            cells=["{nr}.", "{imie_nazwisko}", "{wiek}", "{miejsce_zamieszkania}", "{telefon}"],
            blank_rows=4, first_col_lp=True)
    t.p("II. WYKAZ INSTYTUCJI/ORGANIZACJI ZAANGAŻOWANYCH DO PRACY Z RODZINĄ",
        style="Nagłówek części")
    t.table(["Lp.", "Nazwa instytucji/organizacji", "Imię i nazwisko pracownika", "Nr telefonu"],
            [1.1, 7.0, 5.5, 3.0], loop="instytucje",
            cells=["{nr}.", "{nazwa}", "{pracownik}", "{telefon}"], blank_rows=3,
            first_col_lp=True)
    t.p("III. OPIS I ANALIZA SYTUACJI RODZINY", style="Nagłówek części")
    t.table(["Wyszczególnienie", "Opis sytuacji"], [6.0, 10.6],
            fixed_rows=[(label, "{sytuacja." + key + "}") for label, key in _SITUATION])
    t.p("Zidentyfikowane problemy, potrzeby – wnioski z diagnozy:", bold=True)
    t.p("{sytuacja.wnioski}")
    t.signatures(["/data, podpis i pieczątka pracownika socjalnego/"],
                 top=["{pracownik_socjalny.imie_nazwisko}"])
    t.page_break()
    # ---- part B
    t.p("CZĘŚĆ B", style="Nagłówek części")
    t.p("I. CELE I PODZIAŁ ZADAŃ*", style="Nagłówek części")
    t.p("Cel główny: **{plan.cel_glowny}**")
    t.table(["Cel szczegółowy", "Zadanie", "Osoba odpowiedzialna za realizację", "Termin "
             "realizacji zadania"], [4.6, 6.2, 3.6, 2.2], loop="plan.zadania",
            cells=["{cel}", "{nr}. {opis}", "{odpowiedzialny}", "{termin | data}"], blank_rows=8,
            size=10)
    t.note("* Pracownik socjalny będący koordynatorem wsparcia wspólnie z rodziną ustala cel główny, "
           "cele szczegółowe oraz zadania zmierzające do realizacji danego celu. Wspólnie "
           "z przedstawicielami instytucji zaangażowanych we wsparcie rodziny ustala podział zadań "
           "do wykonania oraz czas realizacji danego zadania. W razie nieobecności osoby/rodziny "
           "na posiedzeniu jej zadania określa się w kontrakcie socjalnym.")
    t.p("II. OSOBY ODPOWIEDZIALNE ZA WSPÓŁPRACĘ PRZY REALIZACJI PLANU POMOCY",
        style="Nagłówek części")
    t.p("1. Ze strony instytucji:", bold=True)
    t.table(["Lp.", "Imię i nazwisko", "Nazwa instytucji/organizacji", "Funkcja", "Podpis"],
            [1.1, 4.2, 5.4, 3.0, 2.9], loop="instytucje",
            cells=["{nr}.", "{pracownik}", "{nazwa}", "{funkcja}", ""], blank_rows=4,
            first_col_lp=True)
    t.p("2. Osoba/rodzina lub jej przedstawiciel:", bold=True)
    t.table(["Lp.", "Imię i nazwisko", "Adres", "Telefon", "Podpis"], [1.1, 4.2, 5.4, 3.0, 2.9],
            loop="rodzina.podpisujacy",
            cells=["{nr}.", "{imie_nazwisko}", "{adres}", "{telefon}", ""], blank_rows=4,
            first_col_lp=True)
    t.page_break()
    # ---- part C
    t.p("CZĘŚĆ C. EWALUACJA", style="Nagłówek części")
    t.table(["Cel szczegółowy", "Ewaluacja (stopień osiągnięcia celu szczegółowego, przyczyny "
             "nieosiągnięcia)"], [5.0, 11.6], loop="plan.cele",
            cells=["{nr}. {opis}", "{ewaluacja}"], blank_rows=4, size=10)
    t.p("Cel główny: {plan.cel_glowny}")
    t.p("Stopień osiągnięcia celu głównego: {ewaluacja.stopien_celu_glownego}")
    t.p("{ewaluacja.kolejna | checkbox} data kolejnej ewaluacji: {ewaluacja.data_kolejnej | data}")
    t.p("{ewaluacja.zakonczenie | checkbox} zakończenie pracy z osobą/rodziną – przyczyna: "
        "{ewaluacja.przyczyna_zakonczenia}")
    t.note("Przyczyną zakończenia pracy może być: osiągnięcie zakładanych celów, brak współpracy "
           "osoby/rodziny lub rezygnacja osoby/rodziny ze współpracy (podręcznik, pkt 4.5).")
    t.signatures(["/podpis osoby lub przedstawiciela/i rodziny/"])
    t.p("Podpisy członków grupy kooperacji:", bold=True, keep=True)
    t.table(["Imię i nazwisko", "Instytucja", "Podpis"], [5.0, 7.0, 4.6], loop="instytucje",
            cells=["{pracownik}", "{nazwa}", ""], blank_rows=4)
    return t


def monitoring_form():
    t = Template("Monitoring pracy z osobą/rodziną/grupą", "Podręcznik wdrażania, załącznik nr 7")
    t.p("Załącznik nr 7 do podręcznika wdrażania", style="Oznaczenie załącznika")
    t.title_block("MONITORING PRACY Z OSOBĄ/RODZINĄ/GRUPĄ SPOŁECZNĄ nr {sprawa.numer}¹",
                  "informacja za okres {monitoring.okres}")
    t.table(["Instytucja odpowiedzialna za realizację²", "Zadanie", "Informacja o postępie"],
            [5.0, 5.0, 6.6], loop="monitoring.pozycje",
            cells=["{instytucja}", "{zadanie}", "{postep}"], blank_rows=8, size=10)
    t.p("Zmiany w sytuacji osoby/rodziny/grupy: {monitoring.zmiany}")
    t.p("{monitoring.spotkanie | checkbox} informacja ze spotkania monitorującego z dnia "
        "{monitoring.data_spotkania | data}")
    t.p("{monitoring.rodzina_poinformowana | checkbox} osoba/rodzina nieobecna na spotkaniu "
        "została niezwłocznie poinformowana o ustaleniach")
    t.signatures(["/miejscowość, data/", "/podpis koordynatora/"],
                 top=["{dokument.miejscowosc}, {dokument.data | data}",
                      "{koordynator.imie_nazwisko}"])
    t.note("¹ numer identyfikacyjny")
    t.note("² lub osoba/członek rodziny")
    t.note("Formularz wypełnia koordynator (pracownik OPS) co miesiąc na podstawie informacji "
           "przekazywanych przez członków grupy nie rzadziej niż raz w miesiącu lub przekazanych "
           "podczas spotkania monitorującego (podręcznik, pkt 4.4).")
    return t
