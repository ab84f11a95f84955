"""Case paperwork: the person's/family's consent (also to the processing of personal data), the
team member's confidentiality statement and authorisation to process personal data, a cooperant's
written request to the OPS, the notice to the network officer before a ZZK starts, and the
family's written resignation.

Seeds: 000 §2 ust. 3-4, §8, §9 ust. 1-4; 004 §4 ust. 4, §8 ust. 1-2; 002 §4.2 (footnote 7), §4.5.
The texts are written in the first person present or future tense so that they agree with any
signatory's gender ("oświadczam", "zobowiązuję się"), never a gendered past participle."""

from kit import DOTS, Template

# Follows "rozporządzenia" / "rozporządzeniu" (the case is the sentence's).
_RODO = ("Parlamentu Europejskiego i Rady (UE) 2016/679 z dnia 27 kwietnia 2016 r. "
         "w sprawie ochrony osób fizycznych w związku z przetwarzaniem danych osobowych i w sprawie "
         "swobodnego przepływu takich danych oraz uchylenia dyrektywy 95/46/WE (ogólne "
         "rozporządzenie o ochronie danych, Dz. Urz. UE L 119 z 4.05.2016, str. 1)")

_YES_NO = "☐ tak / ☐ nie"


def consent():
    """Zgoda osoby/rodziny (000 §2 ust. 4, §9 ust. 3; 004 §4 ust. 4, §8)."""
    t = Template("Zgoda osoby/rodziny", "Praca z osobą/rodziną – zgoda (porozumienie § 2 ust. 4)")
    t.place_date()
    t.title_block("ZGODA NA WSPÓŁPRACĘ W RAMACH KOOPERACJI INSTYTUCJI "
                  "ORAZ NA PRZETWARZANIE DANYCH OSOBOWYCH", "sprawa nr {sprawa.numer}")
    t.p("Osoby wyrażające zgodę (osoba lub członkowie rodziny, w tym przedstawiciele ustawowi "
        "dzieci):", style="Nagłówek części")
    t.table(["Lp.", "Imię i nazwisko", "Adres"], [1.1, 6.5, 9.0], loop="rodzina.podpisujacy",
            cells=["{nr}.", "{imie_nazwisko}", "{adres}"], blank_rows=3, first_col_lp=True)
    t.table(["Oświadczenie", "Zgoda"], [13.1, 3.5], fixed_rows=[
        ("1. Wyrażam zgodę na objęcie mnie i mojej rodziny wsparciem w ramach {grupa.nazwa_dop}, "
         "czyli przedstawicieli instytucji należących do Partnerskiego Zespołu Kooperacji, oraz na "
         "wspólne ze mną opracowanie planu pracy, jego realizację, monitorowanie i ewaluację.",
         _YES_NO),
        ("2. Wyrażam zgodę na przetwarzanie moich danych osobowych oraz danych osobowych członków "
         "mojej rodziny, w tym danych o stanie zdrowia zawartych w diagnozie sytuacji, przez "
         "członków Partnerskiego Zespołu Kooperacji w celu określenia potrzeb, opracowania, "
         "realizacji, monitorowania i ewaluacji planu pracy.", _YES_NO),
        ("3. Wyrażam zgodę na przekazanie tych danych przedstawicielom instytucji wymienionych "
         "poniżej, uczestniczącym w pracach zespołu.", _YES_NO),
    ])
    t.p("Instytucje uczestniczące w pracach zespołu:", bold=True, keep=True)
    nid = t.new_list()
    t.loop_open("instytucje")
    t.p("{nazwa}", numid=nid)
    t.loop_close("instytucje")
    t.loop_open("instytucje", inverted=True)
    for _ in range(3):
        t.p(DOTS + DOTS, numid=nid)
    t.loop_close("instytucje")
    t.p("Informacja o przetwarzaniu danych osobowych", style="Nagłówek części")
    nid = t.new_list()
    t.p("Administratorem danych osobowych jest {osrodek.nazwa}, {osrodek.adres}.", numid=nid)
    t.p("Dane są przetwarzane na podstawie zgody, zgodnie z art. 6 ust. 1 lit. a i art. 9 ust. 2 "
        "lit. a rozporządzenia " + _RODO + ", wyłącznie w celu pracy z osobą/rodziną opisanej w pkt 1 i 2 "
        "oświadczenia.", numid=nid)
    t.p("Członkowie Partnerskiego Zespołu Kooperacji są zobowiązani do zachowania danych "
        "w tajemnicy i nie przekazują ich osobom trzecim. W korespondencji elektronicznej między "
        "instytucjami sprawa jest oznaczana wyłącznie numerem.", numid=nid)
    t.p("Zgoda jest dobrowolna. Można ją w każdej chwili wycofać, składając oświadczenie "
        "w siedzibie {osrodek.nazwa_dop}; wycofanie zgody nie wpływa na zgodność z prawem przetwarzania "
        "dokonanego przed jej wycofaniem.", numid=nid)
    t.p("Przysługuje mi prawo dostępu do danych, ich sprostowania, usunięcia lub ograniczenia "
        "przetwarzania oraz prawo wniesienia skargi do Prezesa Urzędu Ochrony Danych Osobowych.",
        numid=nid)
    t.p("Dane są przechowywane przez okres pracy z osobą/rodziną, a następnie przez okres "
        "wynikający z przepisów o archiwizacji dokumentacji ośrodka.", numid=nid)
    t.signatures(["/miejscowość, data/", "/czytelny podpis osoby lub przedstawiciela rodziny/"])
    t.signatures(["/podpis pracownika socjalnego przyjmującego zgodę/"],
                 top=["{pracownik_socjalny.imie_nazwisko}"])
    return t


def confidentiality_statement():
    """Oświadczenie o zachowaniu poufności (000 §9 ust. 1-2; 004 §8 ust. 1): one per member."""
    t = Template("Oświadczenie o zachowaniu poufności",
                 "Ochrona danych osobowych (porozumienie § 9 ust. 2)")
    t.place_date()
    t.title_block("OŚWIADCZENIE O ZACHOWANIU POUFNOŚCI", "sprawa nr {sprawa.numer}")
    t.label_table([
        ("Imię i nazwisko", "{czlonek.pracownik}"),
        ("Instytucja", "{czlonek.nazwa}"),
        ("Funkcja w zespole", "{czlonek.funkcja}"),
    ])
    t.p("Oświadczam, że informacje i dane, w tym dane osobowe osoby/rodziny objętej wsparciem, "
        "do których uzyskam dostęp w związku z udziałem w pracach {grupa.nazwa_dop} "
        "i Partnerskiego Zespołu Kooperacji, zachowam w ścisłej tajemnicy – w czasie "
        "obowiązywania porozumienia (regulaminu) oraz po jego rozwiązaniu lub wygaśnięciu, "
        "niezależnie od formy przekazania lub pozyskania tych informacji i ich źródła.")
    t.p("Zobowiązuję się nie przekazywać tych informacji i danych, nie ujawniać ich osobom "
        "trzecim ani nie wykorzystywać ich w innym celu niż praca z osobą/rodziną w sprawie "
        "nr {sprawa.numer}.")
    t.p("Znane mi są zasady przetwarzania i ochrony danych osobowych określone w rozporządzeniu " +
        _RODO +
        " oraz odpowiedzialność za ich naruszenie.")
    t.signatures(["/miejscowość, data/", "/czytelny podpis/"])
    t.note("Oświadczenie składa przed przystąpieniem do realizacji zadań przedstawiciel członka "
           "Partnerskiego Zespołu Kooperacji, którego nie wiąże tajemnica pracownicza lub "
           "służbowa obejmująca te informacje (porozumienie, § 9 ust. 2).")
    return t


def data_authorisation():
    """Upoważnienie do przetwarzania danych osobowych (000 §9 ust. 3-4; 004 §8 ust. 2;
    RODO art. 29): issued by the controller (the centre) to one member."""
    t = Template("Upoważnienie do przetwarzania danych osobowych",
                 "Ochrona danych osobowych (porozumienie § 9 ust. 4)")
    t.place_date()
    t.p("{dokument.znak}", size=9)
    t.title_block("UPOWAŻNIENIE DO PRZETWARZANIA DANYCH OSOBOWYCH nr {czlonek.nr}",
                  "sprawa nr {sprawa.numer}")
    t.p("Na podstawie art. 29 rozporządzenia " + _RODO + " {osrodek.nazwa}, jako administrator danych "
        "osobowych, upoważnia:")
    t.label_table([
        ("Imię i nazwisko", "{czlonek.pracownik}"),
        ("Instytucja", "{czlonek.nazwa}"),
        ("Funkcja w zespole", "{czlonek.funkcja}"),
    ])
    t.p("do przetwarzania danych osobowych osoby/rodziny w sprawie nr {sprawa.numer} w zakresie "
        "niezbędnym do udziału w pracach {grupa.nazwa_dop}: opracowania, realizacji, "
        "monitorowania i ewaluacji planu pracy.")
    t.p("Upoważnienie obejmuje wgląd w dane, ich utrwalanie i przechowywanie w dokumentacji "
        "zespołu. Nie obejmuje przekazywania danych osobom trzecim.")
    t.p("Upoważnienie wygasa z dniem zakończenia pracy z osobą/rodziną albo z dniem jego "
        "odwołania.")
    t.signatures(["/podpis administratora danych lub osoby przez niego upoważnionej/"],
                 top=["{podpisujacy}"])
    t.p("Potwierdzam odbiór upoważnienia. Zobowiązuję się przetwarzać dane osobowe wyłącznie "
        "w jego zakresie i zachować je w tajemnicy.", keep=True)
    t.signatures(["/data i czytelny podpis osoby upoważnionej/"])
    return t


def cooperant_request():
    """Wniosek przedstawiciela kooperanta do pracownika socjalnego OPS (004 §4 ust. 4): in
    writing, also by e-mail; the e-mail version carries no personal data (002 §4.2 fn. 7)."""
    t = Template("Wniosek o pracę z osobą/rodziną w zespole",
                 "Tworzenie zespołów (regulamin § 4 ust. 4)")
    t.place_date()
    t.p("{wniosek.instytucja}\n{wniosek.adres}", size=10)
    t.p("Pracownik socjalny\n{osrodek.nazwa}\n{osrodek.adres}", style="Adresat")
    t.p("")
    t.title_block("WNIOSEK O OBJĘCIE OSOBY/RODZINY PRACĄ {grupa.nazwa_dop | upper}",
                  "sprawa nr {sprawa.numer}")
    t.p("Jako instytucja należąca do Partnerskiego Zespołu Kooperacji wnosimy o rozeznanie "
        "sytuacji osoby/rodziny i objęcie jej wsparciem {grupa.nazwa_dop}.")
    t.loop_open("wniosek.pisemny")
    t.label_table([("Osoba/rodzina (imię, nazwisko, adres)", "{wniosek.osoba}")])
    t.loop_close("wniosek.pisemny")
    t.loop_open("wniosek.pisemny", inverted=True)
    t.p("Wniosek przesłany pocztą elektroniczną nie zawiera danych osobowych; dane osoby/rodziny "
        "przekażemy pracownikowi socjalnemu pisemnie lub osobiście.", italic=True)
    t.loop_close("wniosek.pisemny")
    t.label_table([
        ("Stwierdzona potrzeba", "{wniosek.potrzeba}"),
        ("Dlaczego osoba/rodzina nie ma dostępu do potrzebnych zasobów lub dostęp jest "
         "znacznie utrudniony", "{wniosek.uzasadnienie}"),
        ("Instytucje, których udział jest potrzebny", "{wniosek.instytucje}"),
    ])
    t.label_table([
        ("Wnioskodawca", "{wniosek.wnioskodawca}, {wniosek.stanowisko}"),
        ("Telefon, e-mail", "{wniosek.telefon}, {wniosek.email}"),
    ])
    t.signatures(["/podpis przedstawiciela kooperanta/"], top=["{wniosek.wnioskodawca}"])
    return t


def network_notice():
    """Informacja dla pracownika ds. sieci przed uruchomieniem ZZK (004 §4 ust. 4, §1 ust. 3b).
    No personal data: it may go by e-mail."""
    t = Template("Informacja o uruchomieniu zespołu", "Tworzenie zespołów (regulamin § 4 ust. 4)")
    t.place_date()
    t.p("{dokument.znak}", size=9)
    t.p("Pracownik ds. sieci\n{pracownik_sieci.imie_nazwisko}\n{osrodek.nazwa}", style="Adresat")
    t.p("")
    t.title_block("INFORMACJA O URUCHOMIENIU {grupa.nazwa_dop | upper}",
                  "sprawa nr {sprawa.numer}")
    t.p("Uprzejmie informuję, że po rozeznaniu sytuacji osoby/rodziny w sprawie nr "
        "{sprawa.numer}, potwierdzeniu przesłanek udzielenia wsparcia i uzyskaniu zgody "
        "osoby/rodziny podejmuję działania prowadzące do uruchomienia {grupa.nazwa_dop}.")
    t.label_table([
        ("Przesłanki udzielenia wsparcia (regulamin § 4 ust. 2)",
         "{zawiadomienie.przeslanki | default:\"" + DOTS + DOTS + "\"}"),
        ("Instytucje, które zostaną zaproszone",
         "{zawiadomienie.instytucje | default:\"" + DOTS + DOTS + "\"}"),
        ("Planowany termin pierwszego posiedzenia",
         "{zawiadomienie.termin | default:\"" + DOTS + "\"}"),
    ])
    t.p("Informacja nie zawiera danych osobowych; sprawę oznacza się wyłącznie numerem.",
        italic=True)
    t.signatures(["/podpis pracownika socjalnego/"], top=["{pracownik_socjalny.imie_nazwisko}"])
    return t


def resignation():
    """Oświadczenie o rezygnacji osoby/rodziny ze współpracy (002 §4.5)."""
    t = Template("Rezygnacja ze współpracy", "Zakończenie pracy z osobą/rodziną (pkt 4.5)")
    t.place_date()
    t.p("{osrodek.nazwa}\n{osrodek.adres}", style="Adresat")
    t.p("")
    t.title_block("OŚWIADCZENIE O REZYGNACJI ZE WSPÓŁPRACY", "sprawa nr {sprawa.numer}")
    t.table(["Lp.", "Imię i nazwisko", "Adres"], [1.1, 6.5, 9.0], loop="rodzina.podpisujacy",
            cells=["{nr}.", "{imie_nazwisko}", "{adres}"], blank_rows=2, first_col_lp=True)
    t.p("Oświadczam, że w imieniu własnym i mojej rodziny rezygnuję ze współpracy w ramach "
        "{grupa.nazwa_dop} i z realizacji planu pracy w sprawie nr {sprawa.numer}.")
    t.p("Przyczyna rezygnacji (podanie jej nie jest obowiązkowe):", keep=True)
    t.p(DOTS * 3)
    t.p(DOTS * 3)
    t.p("Przyjmuję do wiadomości, że rezygnacja kończy pracę zespołu ze mną i moją rodziną oraz "
        "że w każdej chwili mogę ponownie zwrócić się o wsparcie do {osrodek.nazwa_dop}.")
    t.signatures(["/miejscowość, data/", "/czytelny podpis osoby lub przedstawiciela rodziny/"])
    t.p("Oświadczenie przyjęto dnia " + DOTS, keep=True)
    t.signatures(["/podpis pracownika socjalnego/"], top=["{pracownik_socjalny.imie_nazwisko}"])
    return t
