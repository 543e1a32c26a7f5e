# Strony pomocy (/help). Rada lokalna może zastąpić każdą wiadomość plikiem
# `<help_dir>/pl/help.ftl` i dodać `help-council` (własną notkę na każdej stronie); zob. docs/web.md.
# Listy: jeden punkt w wierszu.

help-title = Pomoc w sprawie opieki i płatności bezpośrednich (direct payments)
help-intro = Proste odpowiedzi na pytania zadawane najczęściej przy organizowaniu opieki z płatności bezpośredniej w Anglii. Pierwszeństwo mają zasady Twojej rady lokalnej: w razie wątpliwości zapytaj radę lub jej serwis wsparcia płatności bezpośrednich.
help-sources = Źródła (po angielsku)
help-disclaimer = To informacje ogólne, a nie porada prawna ani finansowa. O tym, na co można wydać płatność bezpośrednią, decyduje Twoja rada lokalna.
help-back = Wszystkie tematy pomocy

help-source-apply = GOV.UK: Wniosek o płatności bezpośrednie (Apply for direct payments)
help-source-guidance = Ministerstwo Zdrowia i Opieki Społecznej: ustawowe wytyczne dotyczące opieki i wsparcia, rozdział 12 (płatności bezpośrednie)
help-source-regulations = Rozporządzenie w sprawie opieki i wsparcia (płatności bezpośrednie) z 2014 r., przepis 3
help-source-skills-for-care = Skills for Care: poradnik zatrudniania asystenta osobistego, rekrutacja

help-dp-title = Na co można wydać płatność bezpośrednią
help-dp-summary = Opieka i wsparcie zaspokajające potrzeby z Twojego planu wsparcia, i na co nie można jej wydać.
help-dp-intro = Płatność bezpośrednia to pieniądze od rady lokalnej zamiast opieki organizowanej przez radę, abyś mógł sam wybrać i zorganizować swoją opiekę i wsparcie. Możesz ją otrzymać, jeśli rada oceniła, że masz kwalifikujące się potrzeby, a Ty (lub ktoś w Twoim imieniu) potrafisz nią zarządzać.
help-dp-can-heading = Można zapłacić za
help-dp-can =
    Asystenta osobistego (PA), którego sam zatrudniasz
    Wybraną przez siebie agencję opieki domowej
    Zajęcia dzienne, kluby i grupy zaspokajające potrzeby z planu, np. wspólne obiady w społeczności
    Krótkie przerwy, w tym krótki pobyt w domu opieki (zwykle do czterech tygodni z rzędu w roku)
    Sprzęt lub drobne zmiany w domu wymienione w planie
    Pomoc w zarządzaniu płatnością: listę płac, ubezpieczenie i serwis wsparcia
help-dp-cannot-heading = Nie można zapłacić za
help-dp-cannot =
    Długoterminowy pobyt w domu opieki
    Usługi prowadzone przez samą radę
    Cokolwiek, co nie zaspokaja potrzeby z Twojego planu wsparcia
    Wynagrodzenie męża, żony lub partnera albo bliskiego krewnego mieszkającego z Tobą, chyba że rada uzna to za konieczne (zob. „Kiedy członek rodziny może dostawać wynagrodzenie jako PA”)
help-dp-plan-heading = Decyduje Twój plan wsparcia
help-dp-plan = To, co kupujesz, musi zaspokajać potrzeby i cele zapisane w Twoim planie wsparcia. Zachowuj paragony, karty czasu pracy i wyciągi bankowe: rada zwykle co kilka miesięcy sprawdza, jak wydano pieniądze. Gdy Twoje potrzeby się zmienią, poproś o ponowną ocenę.

help-employ-title = Zatrudnić PA samodzielnie czy przez agencję
help-employ-summary = Bycie pracodawcą, korzystanie z agencji i pomoc pośrodku.
help-employ-intro = Z płatności bezpośredniej możesz sam zatrudnić asystenta osobistego albo płacić agencji, która zatrudnia opiekuna. Wiele osób wybiera PA, bo może wybrać kogoś, kto mówi w ich języku, gotuje ich potrawy i rozumie ich wiarę.
help-employ-self-heading = Samodzielne zatrudnienie PA
help-employ-self = Zatrudniając PA, jesteś jego pracodawcą i masz obowiązki pracodawcy:
help-employ-duties =
    Pisemna umowa i opis stanowiska
    Co najmniej krajowa płaca minimalna, płatny urlop i wynagrodzenie chorobowe
    Lista płac: podatek i składki National Insurance przez PAYE oraz emerytura pracownicza, gdy wymagają jej przepisy
    Ubezpieczenie odpowiedzialności pracodawcy
    Sprawdzenie prawa do pracy w Wielkiej Brytanii, referencji i, przy opiece osobistej, rozszerzonego zaświadczenia DBS
    Zastępstwo, gdy PA choruje lub ma urlop
help-employ-agency-heading = Przez agencję
help-employ-agency = Agencja zatrudnia, szkoli i zastępuje opiekunów, a jeśli świadczy opiekę osobistą, musi być zarejestrowana w Care Quality Commission (CQC). Godzina kosztuje więcej i masz mniejszy wpływ na to, kto przychodzi; zapytaj, czy agencja może przysyłać te same osoby mówiące w Twoim języku.
help-employ-support-heading = Pomoc pośrodku
help-employ-support = Większość rad finansuje serwis wsparcia płatności bezpośrednich. Pomaga w rekrutacji, przygotowaniu umowy, prowadzeniu listy płac i znalezieniu ubezpieczenia; niektóre przechowują pieniądze na koncie zarządzanym. Zapytaj radę, kto prowadzi taki serwis w Twojej okolicy.

help-family-title = Kiedy członek rodziny może dostawać wynagrodzenie jako PA
help-family-summary = Krewny mieszkający gdzie indziej zwykle tak; mieszkający z Tobą tylko za zgodą rady.
help-family-intro = Prawo w Anglii ogranicza płacenie krewnym z płatności bezpośredniej, ale tego nie zabrania. Liczy się, kim są dla Ciebie i czy z Tobą mieszkają. O każdym przypadku decyduje rada.
help-family-elsewhere-heading = Krewny mieszkający gdzie indziej
help-family-elsewhere = Krewny z innego gospodarstwa domowego, np. córka, bratanek lub kuzyn mieszkający u siebie, zwykle może być zatrudniony jako Twój PA jak każdy inny, z taką samą umową, płacą i sprawdzeniami.
help-family-household-heading = Krewny mieszkający z Tobą
help-family-household = Bliski krewny mieszkający w tym samym gospodarstwie domowym (rodzic, syn lub córka, brat lub siostra, ciocia lub wujek, dziadek lub babcia albo ich mężowie, żony i partnerzy) może dostawać wynagrodzenie tylko wtedy, gdy rada uzna to za konieczne do zaspokojenia Twoich potrzeb lub do pomocy w zarządzaniu płatnością. Zdarza się to, ale wyjątkowo.
help-family-partner-heading = Twój mąż, żona lub partner
help-family-partner = Ten sam wyjątek jest potrzebny dla męża, żony, partnera w związku partnerskim lub osoby, z którą żyjesz jak para, bez względu na to, gdzie mieszka.
help-family-ask-heading = Wniosek do rady
help-family-ask = Zapytaj na piśmie i wyjaśnij, dlaczego krewny jest właściwą osobą. Rady biorą pod uwagę takie powody jak:
help-family-reasons =
    Nikt inny w pobliżu nie mówi w Twoim języku ani nie rozumie Twojej kultury lub wiary
    Opieka jest intymna i wolisz, by sprawował ją krewny
    Nikt inny nie jest dostępny w potrzebnych godzinach
    Potrzebujesz opieki u kresu życia lub pilnej opieki na krótko

help-questions-title = Pytania do PA lub dostawcy opieki
help-questions-summary = O co zapytać, zanim się zgodzisz, aby opieka do Ciebie pasowała.
help-questions-intro = Spotkaj się przed zgodą, jeśli chcesz, z zaufaną osobą. Te pytania pomogą ocenić, czy dana osoba lub organizacja odpowiada Twoim potrzebom.
help-questions-fit-heading = Czy to do Ciebie pasuje?
help-questions-fit =
    W jakich językach mówisz i jak dobrze?
    Czy umiesz gotować to, co jem, i przestrzegać diety halal, koszernej lub wegetariańskiej, jeśli jej potrzebuję?
    Czy rozumiesz moją wiarę: pory modlitwy, post, skromność, opiekuna tej samej płci?
    Czy wspierałeś już kogoś o potrzebach podobnych do moich?
help-questions-work-heading = Jak to będzie działać?
help-questions-work =
    W jakie dni i godziny możesz pracować i jak daleko dojeżdżasz?
    Jaka jest Twoja stawka godzinowa i co obejmuje?
    Kto Cię zastąpi w czasie choroby lub urlopu?
    Jak będziemy się informować o zmianach i z jakim wyprzedzeniem?
help-questions-checks-heading = Sprawdzenia
help-questions-checks =
    Czy mogę zobaczyć Twoje zaświadczenie DBS i z kiedy jest?
    Czy podasz dwie referencje, w tym jedną z niedawnej pracy w opiece?
    Jakie masz szkolenia, np. Care Certificate, przenoszenie i podnoszenie, pierwsza pomoc?
    Czy jesteś zarejestrowany w CQC (agencje świadczące opiekę osobistą muszą być)?
