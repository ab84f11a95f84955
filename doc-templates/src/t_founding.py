"""Documents of the founding of a partnership (seed 002 §3, 001 zał. 1 and 2)."""

from kit import DOTS, Template


def request_rops():
    """001 zał. 1: Zgłoszenie potrzeby włączenia ROPS (002 §3.1)."""
    t = Template("Zgłoszenie potrzeby włączenia ROPS", "Podręcznik wdrażania, załącznik nr 1")
    # An outgoing letter: no handbook annex label, no handbook guidance (issue 15).
    t.place_date()
    t.p("{rops.nazwa}\n{rops.adres}", style="Adresat")
    t.p("")
    t.title_block("ZGŁOSZENIE POTRZEBY WŁĄCZENIA REGIONALNEGO OŚRODKA POLITYKI SPOŁECZNEJ "
                  "W PROCES BUDOWANIA KOOPERACJI INSTYTUCJI NA TERENIE GMINY")
    t.p("{osrodek.nazwa} zgłasza potrzebę włączenia {rops.nazwa_dop} w proces zawiązania "
        "kooperacji instytucji na terenie gminy {gmina.nazwa_krotka}.")
    t.p("Do chwili obecnej zostały zrealizowane następujące działania*:")
    t.p("{zgloszenie.ocena_zasobow | checkbox} dokonano oceny obrazu zasobów gminy (zgodnie "
        "z elementami wskazanymi w Podręczniku wdrażania Modelu kooperacji pomiędzy instytucjami "
        "pomocy i integracji społecznej a podmiotami innych polityk sektorowych w gminach "
        "miejsko-wiejskich);")
    t.p("{zgloszenie.proba_samodzielna | checkbox} podjęto próbę samodzielnego zawiązania "
        "kooperacji.")
    t.p("Krótki opis dotychczas zrealizowanych działań:", bold=True)
    t.p("{zgloszenie.opis}")
    t.p("Wraz ze zgłoszeniem przesłano drogą elektroniczną przygotowaną diagnozę gminy wraz z kartą "
        "zasobów gminy i analizą sieci.")
    t.p("Osoba do kontaktu (imię i nazwisko, stanowisko, nr telefonu, adres e-mail):", bold=True)
    t.p("{kontakt.imie_nazwisko}, {kontakt.stanowisko}, tel. {kontakt.telefon}, "
        "e-mail: {kontakt.email}")
    t.signatures(["/miejscowość, data/", "/podpis osoby upoważnionej/"],
                 top=["{dokument.miejscowosc}, {dokument.data | data}", "{podpisujacy}"])
    t.note("* właściwe zaznaczyć (☒)")
    return t


def invitation_partnership():
    """Invitation to the partnership meeting (002 §3.3 krok 1; 001 zał. 2 „O czym należy
    pamiętać” pkt 1–3). One document per invited institution."""
    t = Template("Zaproszenie na spotkanie partnerskie", "Spotkanie z instytucjami (pkt 3.3)")
    t.place_date()
    t.p("{dokument.znak}", size=9)
    t.p("{instytucja.dyrektor}\n{instytucja.dyrektor_stanowisko}\n{instytucja.nazwa}\n"
        "{instytucja.adres}", style="Adresat")
    t.p("")
    t.p("Zaproszenie na spotkanie partnerskie", style="Tytuł dokumentu")
    t.p("{instytucja.zwrot},")
    t.p("serdecznie zapraszam na spotkanie instytucji działających na terenie gminy "
        "{gmina.nazwa_krotka} i powiatu {gmina.powiat_dop}, którego celem jest zawiązanie "
        "Partnerskiego Zespołu Kooperacji – partnerstwa instytucji pomocy i integracji społecznej "
        "oraz podmiotów innych polityk sektorowych na rzecz wsparcia osób, rodzin i grup "
        "społecznych.")
    t.p("{#instytucja.przedstawiciel}Do udziału w spotkaniu zapraszam imiennie również "
        "{instytucja.przedstawiciel}.{/instytucja.przedstawiciel}")
    t.label_table([
        ("Termin", "{spotkanie.data | data}, godz. {spotkanie.godzina_od}–{spotkanie.godzina_do}"),
        ("Miejsce", "{spotkanie.miejsce}, {spotkanie.adres}"),
        ("Cel spotkania", "{spotkanie.cel}"),
        ("Czas trwania", "nie dłużej niż dwie godziny"),
    ])
    t.p("Program spotkania stanowi załącznik do zaproszenia. Podczas spotkania przedstawimy "
        "diagnozę gminy, koszty zaniechania współpracy oraz propozycję porozumienia o współpracy.")
    t.p("Uprzejmie proszę o potwierdzenie udziału do dnia **{spotkanie.potwierdzenie_do | data}** "
        "– telefonicznie lub pocztą elektroniczną – u osoby do kontaktu: "
        "{kontakt.imie_nazwisko}, tel. {kontakt.telefon}, e-mail: {kontakt.email}.")
    t.p("Z wyrazami szacunku", align="right")
    t.signatures(["/podpis zapraszającego/"], top=["{zapraszajacy.imie_nazwisko}\n"
                                                    "{zapraszajacy.funkcja}"])
    t.note("Załącznik: program spotkania.")
    return t


def agenda_partnership():
    """Programme of the initiating partnership meeting (001 zał. 2: scenariusz + agenda)."""
    t = Template("Program spotkania partnerskiego", "Podręcznik wdrażania, załącznik nr 2")
    t.p("Załącznik do zaproszenia", style="Oznaczenie załącznika")
    t.title_block("PROGRAM SPOTKANIA INICJUJĄCEGO PARTNERSKI ZESPÓŁ KOOPERACJI",
                  "{spotkanie.data | data}, {spotkanie.miejsce}")
    t.table(["Godziny", "Punkt programu"], [3.4, 13.2], loop="program",
            cells=["{godziny}", "{punkt}"], blank_rows=6)
    t.p("Porządek obrad", style="Nagłówek części")
    nid = t.new_list()
    for x in ["Rozpoczęcie spotkania: powitanie gości, przedstawienie uczestników, cele i zasady "
              "spotkania.",
              "Przedstawienie diagnozy gminy i powiatu.",
              "Przedstawienie kosztów zaniechania współpracy na rzecz przeciwdziałania wykluczeniu "
              "społecznemu.",
              "Korzyści ze współpracy na rzecz zapobiegania wykluczeniu społecznemu.",
              "Opracowanie celów i zasad partnerstwa.",
              "Omówienie propozycji porozumienia lub deklaracji o współpracy.",
              "Ustalenie celów i daty spotkania formalizującego Partnerski Zespół Kooperacji.",
              "Ustalenie kanałów komunikacji i osób wyznaczonych do kontaktu.",
              "Pytania i odpowiedzi.",
              "Podsumowanie ustaleń, odczytanie protokołu i zakończenie spotkania."]:
        t.p(x, numid=nid)
    t.note("Spotkanie trwa nie dłużej niż dwie godziny. Protokół spotkania zostanie odczytany na "
           "jego zakończenie i zatwierdzony na początku kolejnego spotkania.")
    return t


def information_rops():
    """Information to ROPS about a self-formed PZK (002 §3.5): within 7 days of signing,
    electronically, with a copy of the signed agreement."""
    t = Template("Informacja o samodzielnym zawiązaniu kooperacji",
                 "Podręcznik wdrażania, pkt 3.5")
    t.place_date()
    t.p("{dokument.znak}", size=9)
    t.p("{rops.nazwa}\n{rops.adres}", style="Adresat")
    t.p("")
    t.p("Informacja o samodzielnym zawiązaniu Partnerskiego Zespołu Kooperacji",
        style="Tytuł dokumentu")
    t.p("Uprzejmie informuję, że w dniu {porozumienie.data | data} na terenie gminy "
        "{gmina.nazwa_krotka} zostało podpisane porozumienie o współpracy, na mocy którego "
        "samodzielnie zawiązano Partnerski Zespół Kooperacji.")
    t.p("Działania podjęte w ramach zainicjowania kooperacji:", style="Nagłówek części")
    nid = t.new_list()
    t.loop_open("dzialania")
    t.p("{data | data} – {opis}", numid=nid)
    t.loop_close("dzialania")
    t.loop_open("dzialania", inverted=True)
    for _ in range(4):
        t.p(DOTS + DOTS + DOTS, numid=nid)
    t.loop_close("dzialania")
    t.p("Instytucje wchodzące w skład kooperacji:", style="Nagłówek części")
    t.table(["Lp.", "Instytucja", "Reprezentant", "Osoba do kontaktu"], [1.2, 7.0, 4.2, 4.2],
            loop="partnerzy", cells=["{nr}.", "{nazwa}", "{reprezentant}",
                                     "{kontakt.imie_nazwisko}"], blank_rows=6, first_col_lp=True)
    t.p("Osoba do kontaktu w sprawie kooperacji: {kontakt.imie_nazwisko}, {kontakt.stanowisko}, "
        "tel. {kontakt.telefon}, e-mail: {kontakt.email}.")
    t.signatures(["/podpis osoby upoważnionej/"], top=["{podpisujacy}"])
    t.note("Załącznik: kopia podpisanego porozumienia o współpracy z dnia "
           "{porozumienie.data | data}")
    return t
