"""Agreements founding a partnership: 000 (county–municipality) and 001 zał. 3, 4, 5."""

from kit import DOTS, Template

PARTY_BLANK = (
    f"{DOTS}, adres {DOTS}{DOTS}; w imieniu Strony działa {DOTS},"
)


def agreement_county_municipality():
    """Seed 000: Porozumienie powiatowo-gminne dotyczące powołania PZK (gminy wiejskie)."""
    t = Template("Porozumienie dotyczące powołania Partnerskiego Zespołu Kooperacji",
                 "Model kooperacji w gminach wiejskich (seed 000)")
    t.title_block("POROZUMIENIE DOTYCZĄCE POWOŁANIA PARTNERSKIEGO ZESPOŁU KOOPERACJI",
                  "Model kooperacji w gminach wiejskich – porozumienie powiatowo-gminne")
    t.p("zawarte w dniu {dokument.data | data} w {dokument.miejscowosc_msc}", align="center")
    t.p("pomiędzy:")
    t.loop_open("partnerzy")
    t.p("**{nazwa}**, adres {adres}; w imieniu Strony działa {reprezentant},",
        style="Lista numerowana")
    t.loop_close("partnerzy")
    t.loop_open("partnerzy", inverted=True)
    for _ in range(4):
        t.p(PARTY_BLANK, style="Lista numerowana")
    t.loop_close("partnerzy")
    t.p("wszyscy dalej zwani Członkami Partnerskiego Zespołu Kooperacji, łącznie zwani dalej "
        "Stronami.")

    t.par()
    t.p("Celem niniejszego Porozumienia jest zawiązanie Partnerskiego Zespołu Kooperacji, mającego "
        "na celu realizację współpracy pomiędzy instytucjami pomocy i integracji społecznej "
        "a podmiotami innych polityk sektorowych istotnych z punktu widzenia włączenia społecznego "
        "i zwalczania ubóstwa, w zakresie:")
    for x in ["wzrostu jakości i efektywności pomocy osobom i rodzinom,",
              "wykorzystywania innowacyjnych, efektywnych metod pracy,",
              "organizowania sieci wsparcia gminno-powiatowego i działań środowiskowych,",
              "budowania pozytywnego wizerunku pomocy społecznej,",
              "rozwoju poziomu kompetencji Członków Partnerskiego Zespołu Kooperacji,",
              "zbudowania systemu wsparcia Członków Partnerskiego Zespołu Kooperacji."]:
        t.pkt(x)

    t.par()
    t.ust("Cele Porozumienia będą realizowane przez Członków PZK w ramach ich kompetencji "
          "i uprawnień, poprzez działania na rzecz Członków oraz na rzecz pomocy osobom i rodzinom.")
    t.ust("Działania na rzecz Członków Partnerskiego Zespołu Kooperacji będą obejmować m.in.:")
    for x in ["opracowanie planu pracy dla Członków PZK i realizowanie zawartych w nim działań, "
              "wsparcie, szkolenia, superwizje i inne działania mające na celu poprawę jakości "
              "pracy Członków Partnerskiego Zespołu Kooperacji związanej z pomocą osobom "
              "i rodzinom,",
              "rozwijanie umiejętności w obszarze objętym niniejszym Porozumieniem,",
              "prowadzenie dokumentacji Zespołu,",
              "inicjowanie nowych form pomocy, wspólne podejmowanie inicjatyw na rzecz lokalnego "
              "środowiska gminy i powiatu,",
              "budowanie pozytywnego wizerunku pomocy społecznej i współpracy partnerskiej,",
              "ewaluację działań PZK."]:
        t.pkt(x)
    t.ust("Działania na rzecz osób i rodzin będą obejmować m.in.:")
    for x in ["promowanie w środowisku lokalnym usługi współpracy osób i rodzin z PZK oraz "
              "zgłaszania się osób i rodzin do współpracy,",
              "określenie potrzeb i oczekiwań osób i rodzin,",
              "prowadzenie warsztatów współpracy na rzecz pomocy osobom i rodzinom,",
              "opracowanie i realizację indywidualnych programów współpracy, zgodnie z "
              "kompetencjami Członków, oraz ich monitorowanie,",
              "realizację projektów socjalnych na rzecz osób i rodzin potrzebujących pomocy,",
              "budowanie i aktualizowanie listy aktywności i usług,",
              "prowadzenie dokumentacji związanej z realizacją niniejszego Porozumienia,",
              "ewaluację współpracy z rodzinami."]:
        t.pkt(x)
    t.ust("Działania na rzecz osób i rodzin potrzebujących pomocy realizowane są za ich zgodą, "
          "obejmującą również zgodę na przetwarzanie danych osobowych przez Członków Partnerskiego "
          "Zespołu Kooperacji w celu realizacji zadań, o których mowa w ust. 3.")

    t.par()
    t.ust("Każdy z Członków PZK zobowiązuje się do aktywnego uczestnictwa w jego pracach oraz do "
          "oddelegowania swoich reprezentantów do udziału w działaniach.")
    t.ust("W skład Partnerskiego Zespołu Kooperacji z ramienia Powiatu wejdzie radna/radny "
          "{pzk.radny_powiatu}.")
    t.ust("W skład Partnerskiego Zespołu Kooperacji z ramienia Gminy wejdzie radna/radny "
          "{pzk.radny_gminy}.")

    t.par()
    t.p("Do zadań {pcpr.skrot} należy w szczególności:")
    for x in ["koordynacja współpracy pomiędzy Członkami Partnerskiego Zespołu Kooperacji, w tym "
              "ustalenie składu PZK i uczestnictwo we wszystkich spotkaniach,",
              "zgłaszanie osób i rodzin wymagających wsparcia,",
              "organizacja szkoleń Członków PZK, wnioskowanie o potrzebne wsparcie,",
              "wspieranie Członków Partnerskiego Zespołu Kooperacji w realizacji zadań,",
              "opracowanie i aktualizowanie listy aktywności i usług oraz projektów socjalnych,",
              "zarządzanie komunikacją w PZK, stała współpraca z animatorem {osrodek.skrot} "
              "i radnym gminy,",
              "udział w spotkaniach animatorów, szkoleniach i superwizjach,",
              "prowadzenie dokumentacji związanej z działalnością PZK,",
              "promocja działań Partnerskiego Zespołu Kooperacji, współdziałanie z radnymi powiatu "
              "i gminy w sprawie budowania polityki społecznej opartej na Modelu Kooperacji."]:
        t.pkt(x)

    t.par()
    t.p("Do zadań {osrodek.skrot} należy w szczególności:")
    for x in ["koordynacja współpracy PZK w gminie na rzecz osób i rodzin,",
              "promowanie w środowisku lokalnym usługi współpracy osób i rodzin z PZK oraz "
              "zgłaszania osób i rodzin do współpracy,",
              "zgłaszanie osób i rodzin wymagających wsparcia,",
              "zarządzanie przypadkami rodzinnymi i indywidualnymi planami współpracy,",
              "prowadzenie dokumentacji osoby lub rodziny,",
              "dbałość o procedury i metodykę pracy, realizacja projektów socjalnych,",
              "przeprowadzenie ewaluacji pracy z osobą lub rodziną,",
              "uczestnictwo w spotkaniach animatorów, szkoleniach i superwizjach,",
              "promocja działań PZK w gminie, współdziałanie z radnymi powiatu i gminy w sprawie "
              "budowania polityki społecznej opartej na Modelu Kooperacji."]:
        t.pkt(x)

    t.par()
    t.ust("Do zadań pozostałych Członków PZK należy w szczególności:")
    for x in ["promowanie w środowisku lokalnym usługi współpracy osób i rodzin z PZK oraz "
              "zgłaszania się osób i rodzin do współpracy,",
              "zgłaszanie osób i rodzin wymagających wsparcia,",
              "wstępna analiza Kart Oczekiwań,",
              "uczestnictwo na każdym etapie metodycznego działania,",
              "przekazywanie ustnych informacji o efektach współpracy, udział w warsztacie "
              "współpracy,",
              "współtworzenie listy aktywności i usług powiatowo-gminnych,",
              "inicjowanie nowych form pomocy osobom i rodzinom,",
              "monitorowanie utrwalonych zmian u osoby lub rodziny po zakończeniu wsparcia,",
              "przeprowadzenie szkolenia tematycznego dla Członków Zespołu,",
              "udział w szkoleniach i superwizjach PZK,",
              "prowadzenie mobilnej pomocy na rzecz osób i rodzin w gminie,",
              "budowanie pozytywnego wizerunku pomocy społecznej i działań PZK."]:
        t.pkt(x)
    t.ust("Po zawarciu niniejszego Porozumienia Członkowie PZK wspólnie ustalą plan pracy oraz "
          "mogą uszczegółowić zadania poszczególnych Członków Partnerskiego Zespołu Kooperacji.")

    t.par()
    t.ust("Niniejsze Porozumienie określa jedynie ogólne zasady współpracy i nie pociąga za sobą "
          "żadnych wzajemnych zobowiązań finansowych.")
    t.ust("Współpraca w ramach Porozumienia opiera się na zasadach partycypacji, reprezentowania "
          "instytucji w zakresie wiedzy i kompetencji zawodowych, aktywności podczas spotkań, "
          "komunikacji oraz zaangażowania w pracę Partnerskiego Zespołu Kooperacji.")

    t.par()
    t.p("Wszystkie Strony Porozumienia i osoby przez nie delegowane:")
    for x in ["zobowiązują się do zapewnienia przestrzegania zasad przetwarzania i ochrony "
              "przetwarzanych danych osobowych zgodnie z powszechnie obowiązującymi przepisami, "
              "w tym z Rozporządzeniem Parlamentu Europejskiego i Rady (UE) 2016/679 z dnia "
              "27 kwietnia 2016 r. w sprawie ochrony osób fizycznych w związku z przetwarzaniem "
              "danych osobowych i w sprawie swobodnego przepływu takich danych oraz uchylenia "
              "dyrektywy 95/46/WE (Dz. Urz. UE L 119 z 04.05.2016, str. 1),",
              "ponoszą odpowiedzialność za ewentualne skutki działania niezgodnego z przepisami, "
              "o których mowa w lit. a,",
              "zobowiązują się do przetwarzania danych osobowych wyłącznie w celu realizacji "
              "Porozumienia, w szczególności w celu wdrożenia i realizacji założeń Modelu "
              "Kooperacji,",
              "ponoszą pełną odpowiedzialność za działania bądź zaniechania osób, którymi będą się "
              "posługiwać przy wykonywaniu przedmiotu Porozumienia."]:
        t.lit(x)

    t.par()
    t.ust("Każdy z Członków PZK realizujący zadania, o których mowa w § 2 ust. 3, z którymi wiąże "
          "się dostęp do informacji i danych, w tym danych osobowych osób i rodzin objętych pomocą "
          "Członków PZK, w przypadku wejścia w posiadanie takich informacji i danych zobowiązany "
          "jest do zachowania ich w ścisłej tajemnicy w czasie obowiązywania niniejszego "
          "Porozumienia, jak również po jego rozwiązaniu lub wygaśnięciu, niezależnie od formy "
          "przekazania lub pozyskania tych informacji i ich źródła, a także do nieprzekazywania "
          "i nieujawniania ich osobom trzecim oraz do ich niewykorzystywania.")
    t.ust("Przedstawiciel Członka PZK, który nie jest związany tajemnicą, o której mowa w ust. 1, "
          "z tytułu pełnienia swoich obowiązków pracowniczych lub służbowych, przed przystąpieniem "
          "do realizacji zadań, o których mowa w ust. 1, składa pisemne oświadczenie o zachowaniu "
          "poufności.")
    t.ust("Administratorem danych osobowych, o których mowa w ust. 1, jest {gmina.nazwa} – "
          "{osrodek.nazwa}.")
    t.ust("W przypadku konieczności przetwarzania danych osobowych, o których mowa w ust. 1, przez "
          "przedstawiciela Członka Partnerskiego Zespołu Kooperacji, który nie jest uprawniony do "
          "ich przetwarzania w ramach swoich uprawnień pracowniczych lub służbowych, "
          "{osrodek.skrot} przed przystąpieniem do przetwarzania tych danych upoważni go do "
          "przetwarzania tych danych osobowych zgodnie z właściwymi przepisami prawa – na podstawie "
          "odrębnego upoważnienia do przetwarzania danych osobowych.")

    t.par()
    t.ust("Zmiana, uzupełnienie lub rozwiązanie niniejszego Porozumienia wymagają zachowania formy "
          "pisemnej pod rygorem nieważności.")
    t.ust("W sprawach nieuregulowanych w niniejszym Porozumieniu mają zastosowanie przepisy Kodeksu "
          "cywilnego oraz inne przepisy prawa powszechnie obowiązującego.")
    t.ust("Porozumienie zostało sporządzone w {porozumienie.egzemplarze} jednobrzmiących "
          "egzemplarzach, po jednym dla każdej ze Stron.")

    t.p("Podpisy Stron:", bold=True, keep=True)
    t.table(["Instytucja", "Data i podpis"], [9.6, 7.0], loop="partnerzy",
            cells=["{nazwa}\n{reprezentant}", ""], blank_rows=6, size=10)
    return t


# ---- 001 zał. 3, 4, 5: three variants from one description ----------------------------------------

_VARIANTS = {
    3: "Porozumienie na rzecz współdziałania – wariant z jednym miejscem spotkań",
    4: "Porozumienie na rzecz współdziałania – wariant ze spotkaniami rotacyjnymi",
    5: "Porozumienie na rzecz współdziałania – wariant z PZK i Gminną Grupą Kooperacji",
}


def _parties(t):
    t.p("zawarte w {dokument.miejscowosc_msc} w dniu {dokument.data | data}", align="center")
    t.p("pomiędzy:")
    t.loop_open("partnerzy")
    t.p("**{nazwa}**, z siedzibą w {siedziba_msc}; w imieniu Partnera działa {reprezentant}, "
        "dalej jako Partner nr {nr},", style="Lista numerowana")
    t.loop_close("partnerzy")
    t.loop_open("partnerzy", inverted=True)
    for i in range(1, 5):
        t.p(f"{DOTS}, z siedzibą w {DOTS}; w imieniu Partnera działa {DOTS}, dalej jako "
            f"Partner nr {i},", style="Lista numerowana")
    t.loop_close("partnerzy")


def _project_clause(t):
    """The legal basis (`podstawa.prawna`) and, only when the municipality gives one, the project
    the agreement is made for (`projekt.nazwa`, `projekt.finansowanie`)."""
    t.ust("Porozumienie zostaje zawarte na podstawie {podstawa.prawna}{#projekt}, w związku "
          "z realizacją na terenie gminy {gmina.nazwa_krotka} projektu pn. {projekt.nazwa}"
          "{#projekt.finansowanie}, {projekt.finansowanie}{/projekt.finansowanie}{/projekt}.")


def _extra_items(t, name):
    t.loop_open(name)
    t.pkt("{.}")
    t.loop_close(name)
    t.loop_open(name, inverted=True)
    t.pkt(DOTS + DOTS)
    t.pkt(DOTS + DOTS)
    t.loop_close(name)


def _contacts_table(t):
    t.table(["Instytucja", "Imię i nazwisko", "Stanowisko służbowe", "Telefon", "Adres e-mail"],
            [4.4, 3.4, 3.2, 2.4, 3.2], loop="partnerzy",
            cells=["{nazwa}", "{kontakt.imie_nazwisko}", "{kontakt.stanowisko}",
                   "{kontakt.telefon}", "{kontakt.email}"], blank_rows=7, size=9)


def _signatures_table(t):
    t.p("Podpisy przedstawicieli instytucji:", bold=True, keep=True)
    t.table(["Pieczątka lub nazwa instytucji", "Podpis przedstawiciela"], [9.6, 7.0],
            loop="partnerzy", cells=["{nazwa}\n{reprezentant}", ""], blank_rows=7, size=10)


def agreement_variant(n):
    t = Template("Porozumienie na rzecz współdziałania organizacji i instytucji",
                 f"Podręcznik wdrażania, załącznik nr {n} (seed 001)")
    # An executed copy: no "Wzór – załącznik" line; the project only when the municipality has one.
    t.title_block("POROZUMIENIE NA RZECZ WSPÓŁDZIAŁANIA ORGANIZACJI I INSTYTUCJI",
                  "w celu wdrażania modelu kooperacji{#projekt} w ramach projektu "
                  "{projekt.nazwa}{/projekt}")
    if n in (3, 4):
        _parties(t)
        t.par()
        _project_clause(t)
        t.ust("Porozumienie określa zasady współpracy Stron przy wdrażaniu modelu kooperacji "
              "pomiędzy instytucjami pomocy i integracji społecznej a podmiotami innych polityk "
              "sektorowych z terenu powiatu {gmina.powiat_dop}.")
        t.ust("Strony niniejszego Porozumienia zgodnie oświadczają, że podejmują współdziałanie, "
              "którego celem jest realizacja zadań wymienionych w § 2 ust. 3, wynikających "
              "z wdrażania modelu kooperacji, oraz zobowiązań dotyczących współpracy "
              "wynikających z przepisów prawa krajowego.")
        t.par()
        t.ust("Spotkania w ramach Partnerstwa odbywają się w miarę potrzeb, nie rzadziej niż "
              "{pzk.spotkania_czestotliwosc}.")
        if n == 3:
            t.ust("Miejscem spotkań jest {pzk.miejsce_spotkan}. Możliwa jest organizacja spotkania "
                  "w siedzibie innego Partnera.")
        else:
            t.ust("Miejscem spotkań jest {pzk.miejsce_spotkan}{#pzk.rotacyjnie}; spotkania mogą "
                  "się także odbywać rotacyjnie, u każdego z Partnerów{/pzk.rotacyjnie}.")
        t.ust("W ramach realizacji zadań, o których mowa w § 1 ust. 3, do obowiązków Partnerów "
              "należy m.in.:")
        for x in ["wymiana wiedzy i informacji, w granicach obowiązującego prawa;",
                  "aktywny udział w spotkaniach partnerskich;",
                  "realizacja ustaleń i harmonogramu wynikających ze spotkań partnerskich;",
                  "praca w oparciu o kartę pracy z rodziną, stanowiącą załącznik do niniejszego "
                  "Porozumienia;",
                  "upublicznienie informacji o przystąpieniu do Partnerstwa i promocja zadań "
                  "objętych niniejszym Porozumieniem;"]:
            t.pkt(x)
        _extra_items(t, "pzk.obowiazki_dodatkowe")
        t.ust("Każda ze Stron Porozumienia we własnym zakresie pokrywa koszty realizacji swoich "
              "zadań wymienionych w ust. 3 i nie będzie zgłaszać w tym zakresie roszczeń "
              "finansowych do Partnerów.")
        t.par()
        t.ust("Strony zobowiązują się do wzajemnego informowania się o działaniach związanych "
              "z realizacją zadań objętych niniejszym Porozumieniem oraz o sytuacjach, które "
              "miałyby wpływ na ich realizację. Przepływ informacji między Partnerami odbywa się "
              "w formie komunikacji bezpośredniej, telefonicznej, mailowej, a w szczególnych "
              "przypadkach – pisemnej.")
        t.ust("Osobami wyznaczonymi przez Strony do wzajemnej współpracy w sprawach dotyczących "
              "realizacji zadań objętych Porozumieniem są osoby wymienione w wykazie poniżej:")
        _contacts_table(t)
        t.p("Wsparcie ze strony samorządu województwa {gmina.wojewodztwo_dop} zapewni: "
            "{pzk.wsparcie_wojewodztwa}.")
        t.p("Załącznikiem do Porozumienia jest Karta pracy z rodziną.", italic=True)
        _signatures_table(t)
        return t

    # Variant 5: PZK with a municipal cooperation group (GGK).
    t.p("zawarte w {dokument.miejscowosc_msc} w dniu {dokument.data | data} pomiędzy instytucjami "
        "i podmiotami wymienionymi w wykazie stanowiącym załącznik nr 1.", align="center")
    t.par(inline_title="Cel Porozumienia")
    _project_clause(t)
    t.ust("Celem Porozumienia jest wdrożenie na terenie gminy {gmina.nazwa_krotka} modelu kooperacji "
          "służącego pracownikom instytucji dostarczających usług społecznych na terenie gminy, "
          "a w konsekwencji jej mieszkańcom.")
    t.ust("Model kooperacji ma doprowadzić do sytuacji, w której do rozwiązania danego problemu lub "
          "zaspokojenia sygnalizowanej potrzeby zostaną zaangażowane wszystkie instytucje "
          "funkcjonujące na terenie gminy lub powiatu, mające w swoich kompetencjach właściwe "
          "działania. Nawiązanie takiej współpracy spowoduje, że wsparcie będzie kompleksowe, "
          "działania instytucji będą się uzupełniały, a osiągnięte efekty będą trwałe. Stała "
          "współpraca powołanego zespołu przedstawicieli różnych instytucji i podmiotów w gminie "
          "może służyć realizacji innych działań strategicznych i rozwojowych na rzecz mieszkańców.")
    t.ust("Porozumienie określa zasady współpracy Stron przy wdrażaniu modelu kooperacji.")
    t.ust("Strony niniejszego Porozumienia zgodnie oświadczają, że podejmują współdziałanie, "
          "którego celem jest realizacja zadań wymienionych w § 2 ust. 4, wynikających z celu "
          "wskazanego w ust. 2, oraz zobowiązań dotyczących współpracy wynikających z przepisów "
          "prawa krajowego.")
    t.par(inline_title="Partnerski Zespół Kooperacji")
    t.ust("Wdrożenie modelu kooperacji zakłada utworzenie Partnerskiego Zespołu Kooperacji (PZK), "
          "składającego się z dyrektorów i kierowników instytucji pomocy i integracji społecznej "
          "oraz podmiotów innych polityk sektorowych z terenu powiatu {gmina.powiat_dop}.")
    t.ust("Spotkania w ramach PZK odbywają się w miarę potrzeb, nie rzadziej niż "
          "{pzk.spotkania_czestotliwosc}.")
    t.ust("Miejscem spotkań jest {pzk.miejsce_spotkan}; możliwa jest organizacja spotkań w innym "
          "miejscu na terenie powiatu {gmina.powiat_dop}.")
    t.ust("W ramach realizacji zadań, o których mowa w § 1 ust. 5, do obowiązków Partnerów "
          "w ramach PZK należy m.in.:")
    for x in ["udział w posiedzeniach Zespołu;",
              "oddelegowanie, na wniosek ośrodka pomocy społecznej, przedstawiciela lub "
              "przedstawicieli do udziału w posiedzeniu Gminnej Grupy Kooperacji;",
              "wymiana wiedzy i informacji, w granicach obowiązującego prawa;",
              "aktywny udział w spotkaniach partnerskich;",
              "realizacja ustaleń wynikających ze spotkań partnerskich;",
              "upublicznienie informacji o przystąpieniu do Partnerstwa i promocja zadań objętych "
              "niniejszym Porozumieniem;"]:
        t.pkt(x)
    _extra_items(t, "pzk.obowiazki_dodatkowe")
    t.ust("Każda ze Stron Porozumienia we własnym zakresie pokrywa koszty realizacji swoich zadań "
          "wymienionych w ust. 4 i nie będzie zgłaszać w tym zakresie roszczeń finansowych.")
    t.ust("Strony niniejszego Porozumienia, kierując się chęcią efektywnej pomocy mieszkańcom "
          "znajdującym się w trudnej sytuacji, zobowiązują się do aktywnego udziału w pracach "
          "utworzonego Zespołu.")
    t.par(inline_title="Gminna Grupa Kooperacji")
    t.ust("Gminną Grupę Kooperacji (GGK) tworzą przedstawiciele instytucji i podmiotów związanych "
          "z realizacją zadań na rzecz mieszkańców, które podpisały Porozumienie. Są to osoby "
          "z różnych grup zawodowych, reprezentujące instytucje publiczne i niepubliczne "
          "odpowiedzialne za realizację zadań.")
    t.ust("Osoby wchodzące w skład GGK współpracują ze sobą w sposób skoordynowany, zapewniający "
          "skuteczne reagowanie na problem.")
    t.ust("Koordynatorem prac GGK jest wyznaczony pracownik {osrodek.nazwa_dop}.")
    t.ust("Do obowiązków przedstawicieli instytucji powołanych do GGK należy m.in.:")
    for x in ["analiza i ocena sytuacji problemowej oraz wypracowanie sposobu postępowania, który "
              "będzie miał na celu przywrócenie prawidłowego funkcjonowania osoby, integralności "
              "rodziny lub społeczności lokalnej;",
              "współpraca przy tworzeniu planu pracy w obszarze problemowym na rzecz osoby, rodziny "
              "lub społeczności oraz przy rozwiązywaniu problemu;",
              "podejmowanie czynności na rzecz osoby lub rodziny, w ramach kompetencji instytucji, "
              "zgodnie z ustaleniami Grupy i spisanym planem pomocy;",
              "monitorowanie i ewaluacja realizowanych działań, przekazywanie informacji "
              "koordynatorowi;"]:
        t.pkt(x)
    _extra_items(t, "pzk.obowiazki_ggk")
    t.ust("Członkowie GGK podejmują działania zgodnie z zakresem swoich kompetencji i uprawnień, "
          "w ramach obowiązków służbowych i w czasie pracy swojej instytucji. Za udział w pracach "
          "GGK nie przewiduje się dodatkowego wynagrodzenia.")
    t.ust("Wszystkich członków GGK obowiązuje zasada poufności informacji przekazywanych na "
          "spotkaniach Grupy.")
    t.ust("Członkowie Grupy występują jako pracownicy instytucji, w których realizują działania "
          "zgodnie ze swoimi kompetencjami określonymi w przepisach szczególnych dotyczących zakresu "
          "działania tych instytucji.")
    t.par()
    t.ust("Strony zobowiązują się do wzajemnego informowania się o działaniach związanych "
          "z realizacją zadań objętych niniejszym Porozumieniem oraz o sytuacjach, które miałyby "
          "wpływ na ich realizację.")
    t.ust("Przepływ informacji między Partnerami odbywa się w formie komunikacji bezpośredniej, "
          "telefonicznej, mailowej, a w szczególnych przypadkach – pisemnej.")
    t.ust("Strony wyrażają zgodę na objęcie Porozumieniem innych instytucji, jeżeli ich udział jest "
          "uzasadniony z punktu widzenia realizacji celu modelu kooperacji. Przedstawiciel takiej "
          "instytucji składa podpis pod Porozumieniem, a pozostałe Strony zostają o tym fakcie "
          "poinformowane przez {osrodek.nazwa}.")
    t.ust("Wykaz osób wyznaczonych przez Strony do współpracy w sprawach dotyczących realizacji "
          "zadań objętych Porozumieniem stanowi załącznik nr 1.")
    _signatures_table(t)
    t.page_break()
    t.p("Załącznik nr 1 do Porozumienia", style="Oznaczenie załącznika")
    t.p("WYKAZ OSÓB WYZNACZONYCH PRZEZ STRONY DO WZAJEMNEJ WSPÓŁPRACY W SPRAWACH DOTYCZĄCYCH "
        "REALIZACJI ZADAŃ OBJĘTYCH POROZUMIENIEM", style="Tytuł dokumentu")
    _contacts_table(t)
    return t
