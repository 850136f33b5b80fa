# Grondslag — Nederlands. Ids: <area>-<words>; an area is the page or module that uses them.

## access-labels
access-labels-role = rol:
access-labels-emergency-access = noodtoegang
access-labels-care-relation = behandelrelatie
access-labels-own-account = eigen account
access-labels-refused-unknown-or-of-another = geweigerd: onbekend of van een andere organisatie
access-labels-refused-other-organisation = geweigerd: andere organisatie
access-labels-refused-not-for-this-role = geweigerd: niet voor deze rol
access-labels-refused-no-care-relation = geweigerd: geen behandelrelatie
access-labels-seat = deelnemer aan het casusoverleg
access-labels-refused-no-seat = geweigerd: geen deelnemer aan het casusoverleg
access-labels-refused-unknown-client = geweigerd: onbekende cliënt
access-labels-refused-account-not-yet-taken = geweigerd: account nog niet in gebruik genomen

## error
error-no-access = Geen toegang
error-not-found = Niet gevonden
error-check-your-input = Controleer uw invoer
error-too-many-attempts = Te veel pogingen
error-this-is-not-possible = Dit kan niet
error-too-large = Te groot
error-waited-too-long = Te lang gewacht
error-something-went-wrong = Er ging iets mis
error-only-in-an-emergency-explain = Alleen in een noodsituatie. Leg uit waarom u dit dossier nu nodig heeft. De privacyfunctionaris ziet uw reden en beoordeelt uw toegang achteraf.
error-reason-required = Reden (verplicht)
error-take-emergency-access-4-hours = Noodtoegang nemen (4 uur)
error-back-to-the-start = Terug naar het begin

## i18n
i18n-english = Dutch

## account
account-choose-your-own-password = Kies een eigen wachtwoord
account-qr-code-to-add-grondslag = QR-code om Grondslag toe te voegen aan uw authenticator-app
account-the-second-factor-is-on = De tweede factor staat aan.
account-new-recovery-codes-made-the = Nieuwe herstelcodes gemaakt; de oude werken niet meer.
account-the-second-factor-is-off = De tweede factor staat uit.

## clients
clients-there-is-no-client-with = Er is geen cliënt met deze referentie in uw organisatie.
clients-you-have-1-unfinished-deliberation = U heeft 1 onafgemaakt beraad
clients-you-have = U heeft
clients-unfinished-deliberations = onafgemaakte beraden
clients-conferences = Casusoverleggen waaraan u deelneemt:
clients-search-my-clients = Zoeken in mijn cliënten
clients-name-or-part-of-the = Naam of deel van de naam
clients-in-full-e-g-the = Volledig, bijvoorbeeld het cliëntnummer
clients-dd-mm-yyyy = dd-mm-jjjj
clients-search = Zoeken
clients-show-all-clients = Alle cliënten tonen
clients-1-client-found = 1 cliënt gevonden.
clients-clients-found = cliënten gevonden.
clients-none-of-your-clients-matches = Geen van uw cliënten past bij deze zoekopdracht. U zoekt alleen in cliënten met wie u een behandelrelatie heeft; voor een andere cliënt: zie hieronder.
clients-you-have-no-clients-with = U heeft nog geen cliënten met een behandelrelatie. Registreer een cliënt, of vraag uw beheerder een behandelrelatie vast te leggen.
clients-clients-found-that-you-have = Gevonden cliënten met wie u een behandelrelatie heeft
clients-clients-you-have-a-care = Cliënten met wie u een behandelrelatie heeft
clients-start-deliberation = Beraad starten
clients-find-a-client-without-a = Cliënt zonder behandelrelatie zoeken
clients-reference-e-g-client-number = Referentie (bijvoorbeeld cliëntnummer)
clients-without-a-care-relation-you = Zonder behandelrelatie krijgt u alleen toegang in een noodsituatie, met een reden. Dat wordt vastgelegd en beoordeeld.

## decision
decision-record-the-decision = Besluit vastleggen
decision-recorded-in-the-dossier-can = Vastgelegd in het dossier — kan niet meer ongemerkt worden gewijzigd.
decision-view-or-print-the-report = Verslag bekijken of afdrukken
decision-deliberation = Beraad
decision-the-decision-following-this-deliberation = Het besluit bij dit beraad is al vastgelegd; een nieuw besluit hoort bij een nieuw beraad.
decision-view-the-recorded-decision = Het vastgelegde besluit bekijken
decision-record-what-you-decide-also = Legt u ook vast wat u besluit — ook als u besluit niet te delen.
decision-did-you-share-or-will = Heeft u gedeeld (of gaat u delen)?
decision-what-only-what-is-necessary = Wat (alleen wat nodig is)
decision-when-shared-optional = Wanneer gedeeld (optioneel)
decision-was-the-client-informed = Is de cliënt geïnformeerd?
decision-if-yes-when-and-how = Zo ja: wanneer en hoe
decision-if-no-why-not-for = Zo nee: waarom niet (bijvoorbeeld omdat het de veiligheid in gevaar brengt)
decision-your-reasons = Uw redenen
decision-record-decision = Besluit vastleggen
decision-later = Later

## deliberation
deliberation-care = Zorg
deliberation-youth = Jeugd
deliberation-social-domain = Sociaal domein
deliberation-education = Onderwijs
deliberation-government = Overheid
deliberation-justice = Justitie
deliberation-private-parties = Private partijen
deliberation-the-clients-circle = De kring van de cliënt
deliberation-other = Overig
deliberation-nobody = Niemand
deliberation-this-is-needed-to-consult = Om het toestemmingsregister van deze cliënt te kunnen raadplegen is dit nodig: welke toestemming zou deze verstrekking dekken?
deliberation-you-the-professional = u, de professional
deliberation-you-after-checking-if-needed = u, eventueel na navraag
deliberation-not-yet-recorded = nog niet vastgelegd
deliberation-without-a-client-not-recorded = Zonder cliënt (niet vastgelegd)

## dossier
dossier-from = vanaf
dossier-dossier = Dossier
dossier-entry = dossierregel
dossier-recorded = vastgelegd
dossier-after-deliberation-entry = Na beraad (dossierregel)
dossier-when-shared = Wanneer gedeeld
dossier-client-informed = Cliënt geïnformeerd
dossier-why-not-informed = Waarom niet geïnformeerd
dossier-reasons = Redenen
dossier-content = Inhoud
dossier-entry-2 = Dossierregel
dossier-emergency-access = Noodtoegang.
dossier-you-have-no-care-relation = U heeft geen behandelrelatie met deze cliënt. Uw toegang is vastgelegd en wordt door de privacyfunctionaris beoordeeld.
dossier-checked = gecontroleerd
dossier-every-entry-of-this-dossier = Alle regels van dit dossier staan ongewijzigd in het ondertekende logboek van de organisatie.
dossier-not-verified = niet geverifieerd
dossier-the-check-of-this-dossier = De controle van dit dossier slaagt niet: een regel is gewijzigd of ontbreekt. Meld dit bij uw privacyfunctionaris.
dossier-download-verification-bundle = Verificatiebundel downloaden
dossier-consents = Toestemmingen
dossier-no-consent-is-registered = Er is geen toestemming geregistreerd.
dossier-entry-3 = Regel
dossier-given-by = Gegeven door
dossier-to = Aan
dossier-data = Gegevens
dossier-purpose = Doel
dossier-period = Periode
dossier-withdrawn-as-of = ingetrokken per
dossier-valid = geldig
dossier-withdraw = Intrekken…
dossier-consent = toestemming
dossier-withdrawn-by = Ingetrokken door
dossier-as-of = Per datum
dossier-withdraw-2 = Intrekken
dossier-timeline = Tijdlijn
dossier-this-dossier-is-still-empty = Dit dossier is nog leeg.
dossier-kind = Soort
dossier-by = Door
dossier-decided-in = besluit vastgelegd in regel { $n }
dossier-record-decision = besluit vastleggen

## drafts
drafts-without-a-client = Zonder cliënt
drafts-a-client-you-no-longer = Een cliënt met wie u geen behandelrelatie meer heeft
drafts-my-unfinished-deliberations = Mijn onafgemaakte beraden
drafts-discard-the-unfinished-deliberation = Onafgemaakt beraad weggooien?
drafts-the-unfinished-deliberation-was-discarded = Het onafgemaakte beraad is weggegooid.
drafts-deliberations-you-started-but-have = Beraden die u bent begonnen maar nog niet heeft vastgelegd. Alleen u ziet ze. Een onafgemaakt beraad wordt 7 dagen na de laatste wijziging opgeruimd.
drafts-you-have-no-unfinished-deliberations = U heeft geen onafgemaakte beraden.
drafts-most-recently-changed-first = Laatst gewijzigd eerst
drafts-continue = Verder gaan
drafts-discard = Weggooien

## login
login-enter-your-login-name-and = Vul uw inlognaam en wachtwoord in.
login-sign-in-code = Inlogcode
login-enter-the-code-from-your = Vul de code uit uw authenticator-app in.
login-this-recovery-code-is-wrong = Deze herstelcode klopt niet of is al gebruikt.
login-sign-in-to-grondslag = Inloggen bij Grondslag
login-may-i-share-this-with = Mag ik dit delen — met wie, wat, en op welke grond? Log in om een beraad te starten of een dossier te openen.
login-password = Wachtwoord

## privacy
privacy-this-person-was-not-found = Deze persoon is niet gevonden in uw organisatie.
privacy-the-start-date-is-after = De begindatum ligt na de einddatum.
privacy-a-date-is-not-valid = Een datum is niet geldig; schrijf dd-mm-jjjj.
privacy-the-clients-name-or-reference = De naam of referentie van de cliënt is te lang of bevat ongeldige tekens.
privacy-born = geboren
privacy-no-client-in-your-organisation = Geen cliënt in uw organisatie heeft deze naam of referentie.
privacy-access-log-nen-7513 = Toegangslog (NEN 7513)
privacy-entries-in = regels in
privacy-dossiers-checked-all-are-unchanged = dossiers gecontroleerd: alle staan ongewijzigd in het ondertekende logboek van de organisatie.
privacy-events-chain-intact = gebeurtenissen, keten intact.
privacy-verification-of-the-organisation = Verificatie van de organisatie

## report-view
report-view-not-answered = niet beantwoord

## view
view-professional = professional
view-aandachtsfunctionaris-designated-officer = aandachtsfunctionaris
view-privacy-officer = privacyfunctionaris
view-administrator = beheerder
view-unfinished-deliberations = Onafgemaakte beraden
view-verification = Verificatie

## access-log
access-log-chain-intact = keten intact
access-log-events-none-was-changed-deleted = gebeurtenissen; geen enkele is gewijzigd, verwijderd of verplaatst.
access-log-chain-broken = keten verbroken
access-log-filter = Filteren
access-log-person = Persoon
access-log-everyone = Iedereen
access-log-name-part-of-the-name = Naam, deel van de naam, of volledige referentie
access-log-from-date = Vanaf datum
access-log-up-to-and-including-date = Tot en met datum
access-log-show-all = Alles tonen
access-log-which-client-do-you-mean = Welke cliënt bedoelt u?
access-log-several-clients-match-this-name = Meerdere cliënten passen bij deze naam.
access-log-download-as-csv = Download als CSV
access-log-filtered = (gefilterd)
access-log-for-a-spreadsheet-the-download = Voor een spreadsheet; de download wordt zelf ook vastgelegd in dit log.
access-log-filtered-2 = Gefilterd.{" "}
access-log-newest-first-who-which-client = Nieuwste eerst. Wie, welke cliënt, welke handeling, wanneer (Nederlandse tijd), op welke grond.
access-log-who = Wie
access-log-action = Handeling
access-log-authorisation = Grond
access-log-allowed = Toegestaan
access-log-from = Vanaf
access-log-refused = geweigerd
access-log-no-events = Geen gebeurtenissen.
access-log-older-events = Oudere gebeurtenissen

## admin
admin-accounts = Accounts
admin-login = Inlognaam
admin-role = Rol
admin-profession = Beroep
admin-on = aan
admin-remove = Verwijderen
admin-second-factor-of = tweede factor van
admin-off = uit
admin-blocked = geblokkeerd
admin-not-yet-in-use = nog niet in gebruik
admin-block = Blokkeren
admin-new-password = Nieuw wachtwoord…
admin-new-password-at-least-12 = Nieuw wachtwoord (minstens 12 tekens)
admin-set = Instellen
admin-add-an-account = Account toevoegen
admin-initial-password-at-least-12 = Eerste wachtwoord (minstens 12 tekens)
admin-role-in-grondslag = Rol in Grondslag
admin-profession-decides-the-secrecy-regime = Beroep (bepaalt het beroepsgeheim in een beraad)
admin-add = Toevoegen
admin-administrators-and-privacy-officers-always = Beheerders en privacyfunctionarissen hebben altijd een tweede factor (een code uit een app) nodig om in te loggen. U kunt die voor iedereen in uw organisatie verplicht maken.
admin-second-factor-required-for-everyone = Tweede factor verplicht voor iedereen
admin-save = Opslaan
admin-care-relations = Behandelrelaties
admin-a-professional-only-sees-the = Een professional ziet alleen de dossiers van cliënten met wie een behandelrelatie is vastgelegd. Een behandelrelatie kan pas worden vastgelegd als het account in gebruik is genomen: de professional heeft ingelogd en een eigen wachtwoord gekozen.
admin-since = Sinds
admin-action = Actie
admin-end = Beëindigen
admin-record-care-relation = Behandelrelatie vastleggen

## base
base-skip-to-content = Naar de inhoud
base-main-menu = Hoofdmenu
base-your-account = Uw account
base-sign-out = Uitloggen

## client-new
client-new-name-and-date-of-birth = Naam en geboortedatum worden versleuteld opgeslagen. De referentie wordt alleen als sleutel-pseudoniem bewaard.
client-new-for-example-the-client-number = Bijvoorbeeld het cliëntnummer uit uw dossiersysteem. Uniek binnen de organisatie.
client-new-date-of-birth-optional = Geboortedatum (optioneel)
client-new-register = Registreren

## consent
consent-consent-is-specific-for-these = Toestemming is specifiek: voor deze ontvanger(s), deze gegevens en dit doel. Een beraad gebruikt alleen een toestemming die de voorgenomen verstrekking helemaal dekt.
consent-given-by-name = Gegeven door (naam)
consent-in-what-capacity = In welke hoedanigheid
consent-to-whom-it-may-be = Aan wie mag worden verstrekt
consent-which-data = Welke gegevens
consent-for-which-purpose = Voor welk doel
consent-valid-from = Geldig vanaf
consent-valid-until-optional = Geldig tot (optioneel)
consent-form = Vorm
consent-oral = mondeling
consent-written = schriftelijk
consent-digital = digitaal
consent-freely-given = Vrij gegeven?
consent-no-if-the-client-depends = Nee als de cliënt afhankelijk is van de ontvanger of vrager (uitkering, voorziening, baan).
consent-informed-of-the-consequences = Geïnformeerd over de gevolgen?

## deliberation-start
deliberation-start-grondslag-only-asks-the-questions = Grondslag stelt alleen de vragen die het antwoord nog kunnen veranderen, één per keer. Bij elke vraag ziet u waarom die wordt gesteld en op welke bron.
deliberation-start-who-is-it-about = Over wie gaat het?
deliberation-start-without-a-client-only-the = Zonder cliënt — alleen het antwoord, er wordt niets vastgelegd
deliberation-start-date-of-the-law = Datum van het recht
deliberation-start-usually-today-for-a-past = Meestal vandaag. Voor een situatie in het verleden: de datum van toen.
deliberation-start-start-the-deliberation = Start het beraad

## draft-discard
draft-discard-the-answers-of-this-deliberation = De antwoorden van dit beraad worden verwijderd. Er is niets van vastgelegd in het dossier, dus daar verandert niets. Dit kan niet ongedaan worden gemaakt.
draft-discard-yes-discard = Ja, weggooien
draft-discard-no-continue-the-deliberation = Nee, verder gaan met het beraad
draft-discard-back-to-the-list = Terug naar de lijst

## entry
entry-the-content-of-this-entry = De inhoud van deze regel is gewist (bewaartermijn verstreken). De regel zelf blijft in het logboek en blijft verifieerbaar.

## grants
grants-access-without-a-care-relation = Toegang zonder behandelrelatie, met de reden die de professional gaf. Beoordeel elke noodtoegang.
grants-still-to-review = nog te beoordelen
grants-no-emergency-access-was-taken = Er is geen noodtoegang genomen.
grants-reason = Reden
grants-granted = Toegekend
grants-valid-until = Geldig tot
grants-review = Beoordeling
grants-reviewed = beoordeeld
grants-mark-as-reviewed = Markeer als beoordeeld

## judgment
judgment-this-is-your-judgment-grondslag = Dit is uw oordeel. Grondslag neemt uw antwoorden en redenen over als de uwe en zegt er niet bij dat de regels het zo bepalen.
judgment-sources = Bronnen:
judgment-still-open-choose-yes-or = Nog open: kies ja of nee en schrijf uw redenen op.
judgment-your-reasons-in-your-own = Uw redenen, in uw eigen woorden
judgment-save-weighing = Afweging opslaan
judgment-back-to-the-answer = Terug naar het antwoord

## login-code
login-code-your-password-is-correct-now = Uw wachtwoord klopt. Vul nu de code van 6 cijfers in die uw authenticator-app voor Grondslag toont.
login-code-code-6-digits = Code (6 cijfers)
login-code-no-access-to-your-app = Geen toegang tot uw app? Gebruik een herstelcode
login-code-recovery-code = Herstelcode
login-code-each-recovery-code-works-once = Elke herstelcode werkt één keer.
login-code-sign-in-with-recovery-code = Inloggen met herstelcode

## password
password-your-own-password-is-set = Uw eigen wachtwoord is ingesteld. Het wachtwoord van de beheerder werkt niet meer.
password-continue = Verder
password-your-password-was-changed-all = Uw wachtwoord is gewijzigd. Al uw sessies zijn beëindigd; log opnieuw in.
password-you-signed-in-with-a = U bent ingelogd met een wachtwoord dat de beheerder voor u koos. Kies nu een eigen wachtwoord dat alleen u kent; daarna kunt u verder.
password-second-factor-sign-in-code = Tweede factor (inlogcode uit een app)
password-choose-a-password-of-at = Kies een wachtwoord van minstens 12 tekens, anders dan het wachtwoord van de beheerder.
password-choose-a-password-of-at-2 = Kies een wachtwoord van minstens 12 tekens. Na het wijzigen worden al uw sessies beëindigd.
password-current-password-from-the-administrator = Huidig wachtwoord (van de beheerder)
password-current-password = Huidig wachtwoord
password-new-password = Nieuw wachtwoord
password-new-password-again = Nieuw wachtwoord (nog eens)
password-set-my-own-password = Eigen wachtwoord instellen

## printable
printable-back = Terug
printable-print-or-save-as-pdf = Druk af of bewaar als PDF met de afdrukfunctie van uw browser.
printable-recorded-as-dossier-entry = Vastgelegd als dossierregel
printable-can-no-longer-be-changed = kan niet meer ongemerkt worden gewijzigd.
printable-view-or-download-the-proof = Het bewijs bekijken of downloaden

## question
question-deliberation-about = Beraad over
question-change-an-answer = Antwoord wijzigen
question-of-at-most = van hoogstens
question-the-outcome-stands-this-question = het antwoord staat vast; deze vraag bepaalt alleen nog de voorwaarden
question-choose = — kies —
question-choose-all-that-apply = Kies alles wat van toepassing is.
question-why-do-i-ask-this = Waarom vraag ik dit?
question-why-now = Waarom nu:
question-who-answers-this = Wie beantwoordt dit:
question-save-change = Wijziging opslaan
question-next = Volgende
question-dont-change = Niet wijzigen
question-previous-question = Vorige vraag
question-skip-go-to-the-answer = Sla over: naar het antwoord
question-your-answers-so-far = Uw antwoorden tot nu toe

## receipt
receipt-dossier-entry = Dossierregel
receipt-recorded-on = vastgelegd op
receipt-this-entry-is-in-your = Deze regel staat in het logboek van uw organisatie, en dat logboek is ondertekend met de sleutel van de organisatie. Wie de regel later wijzigt of verwijdert — ook een beheerder — wordt door dit bewijs ontmaskerd.
receipt-what-to-do-with-it = Wat u ermee doet
receipt-keep-the-file-with-your = Bewaar het bestand bij uw eigen stukken. Een toezichthouder, tuchtcollege of rechter kan er zonder toegang tot Grondslag mee nagaan dat deze regel ongewijzigd in het logboek staat (met het controleprogramma grondslag-verify).
receipt-download-the-proof-file = Bewijs downloaden (bestand)
receipt-view-the-entry = De dossierregel bekijken
receipt-technical-details-for-checking = Technische gegevens (voor controle)
receipt-entries-in-the-log-at = Regels in het logboek op dat moment

## report-answer
report-answer-still-open = Nog open:

## report-body
report-body-layer-1-professional-secrecy-beroepsgeheim = Laag 1 — beroepsgeheim
report-body-your-duty-of-confidentiality = Uw geheimhoudingsplicht:
report-body-layer-2-gdpr-avg = Laag 2 — AVG
report-body-lawful-basis-present = grondslag aanwezig
report-body-no-lawful-basis-established = geen grondslag vastgesteld
report-body-conditions = Voorwaarden
report-body-your-own-weighing = Uw eigen afweging
report-body-this-is-the-professionals-judgment = Dit is het oordeel van de professional, niet van de regels.
report-body-what-would-change-the-answer = Wat zou het antwoord veranderen?
report-body-note = Let op

## report-details
report-details-record-in-the-dossier = Leg in het dossier vast
report-details-your-answers = Uw antwoorden
report-details-changed-answers = Gewijzigde antwoorden:
report-details-sources = Bronnen
report-details-source = Bron
report-details-rule-set = Regelset
report-details-law-as-of = recht van

## result
result-the-main-conditions = De belangrijkste voorwaarden
result-and = En nog
result-more-condition-s-see-the = voorwaarde(n): zie de toelichting hieronder.
result-next-step = Volgende stap
result-consent = Toestemming:
result-weigh-it-yourself = Weeg zelf af:
result-ask-for-and-register-consent = Toestemming vragen en registreren
result-record-this-deliberation-in-the = Leg dit beraad vast in het dossier
result-without-a-client-nothing-is = Zonder cliënt wordt niets vastgelegd. Koppel het beraad aan een van uw cliënten om het in diens dossier vast te leggen.
result-printable-report = Afdrukbaar verslag
result-your-weighing = Uw afweging
result-here-the-law-asks-for = Hier vraagt de wet uw eigen oordeel. Grondslag beslist dit niet voor u: u beantwoordt elk criterium en schrijft uw redenen op.
result-view-or-change-weighing = Afweging bekijken of wijzigen:
result-explanation-professional-secrecy-and-gdpr = Toelichting: beroepsgeheim en AVG, alle voorwaarden en bronnen
result-change-an-answer = Een antwoord wijzigen

## second-factor
second-factor-your-account-requires-a-second = Voor uw account is een tweede factor verplicht. Stel die nu in; daarna kunt u verder.
second-factor-your-recovery-codes = Uw herstelcodes
second-factor-keep-these-codes-in-a = Bewaar deze codes op een veilige plek, los van uw telefoon (bijvoorbeeld geprint). Als u uw app kwijt bent, logt u in met een van deze codes. Elke code werkt één keer. U ziet ze alleen nu.
second-factor-i-have-kept-them-continue = Ik heb ze bewaard — verder
second-factor-the-second-factor-is-on = De tweede factor staat aan: bij het inloggen vraagt Grondslag na uw wachtwoord een code uit uw authenticator-app.
second-factor-unused-recovery-codes = Ongebruikte herstelcodes:
second-factor-new-recovery-codes = Nieuwe herstelcodes
second-factor-makes-ten-new-codes-the = Maakt tien nieuwe codes; de oude werken daarna niet meer.
second-factor-code-from-your-app-6 = Code uit uw app (6 cijfers)
second-factor-make-new-recovery-codes = Nieuwe herstelcodes maken
second-factor-your-account-requires-the-second = Voor uw account is de tweede factor verplicht (door uw rol of door uw organisatie); uitzetten kan niet.
second-factor-turn-off-the-second-factor = Tweede factor uitzetten
second-factor-with-a-second-factor-your = Met een tweede factor is uw wachtwoord alleen niet genoeg om in te loggen: u vult daarna ook een code in die een app op uw telefoon elke 30 seconden maakt.
second-factor-install-an-authenticator-app-on = Installeer een authenticator-app op uw telefoon, bijvoorbeeld de app die uw organisatie aanraadt.
second-factor-in-the-app-scan-this = Scan in de app deze QR-code:
second-factor-cannot-scan-then-add-the = Kunt u niet scannen? Voeg het account dan met de hand toe met deze sleutel (op tijd gebaseerd, 6 cijfers, 30 seconden):
second-factor-enter-the-code-the-app = Vul de code in die de app nu toont
second-factor-turn-on-the-second-factor = Tweede factor aanzetten

## verification
verification-dossier-ledger = Dossierlogboek
verification-verified = geverifieerd
verification-fails = faalt
verification-the-organisations-public-key-give = Publieke sleutel van de organisatie (geef deze aan wie bundels verifieert):
verification-intact = intact
verification-broken = verbroken
verification-a-bundle-of-one-dossier = Een bundel van één dossier is offline te verifiëren met grondslag-verify, zonder deze server te vertrouwen.

## access log actions (codes in the log never change)
access-beraad-anoniem = Beraad zonder cliënt
access-dossier-lezen = Dossier ingezien
access-dossier-schrijven = Vastgelegd in het dossier
access-dossier-exporteren = Dossier geëxporteerd (bundel)
access-doorbraak-aanvragen = Noodtoegang gevraagd
access-doorbraak-toegekend = Noodtoegang genomen
access-doorbraak-beoordelen = Noodtoegang beoordeeld
access-client-registreren = Cliënt geregistreerd
access-clienten-overzicht = Overzicht van alle cliënten
access-clienten-eigen-lijst = Eigen cliëntenlijst bekeken
access-clienten-zoeken = Gezocht in eigen cliënten
access-beraden-eigen-lijst = Eigen onafgemaakte beraden bekeken
access-beheer-accounts = Accounts beheerd
access-beheer-zorgrelaties = Behandelrelaties beheerd
access-beheer-wachtwoord-herstellen = Wachtwoord van een collega hersteld
access-zorgrelatie-vastleggen = Behandelrelatie vastgelegd
access-zorgrelatie-beeindigen = Behandelrelatie beëindigd
access-toegangslog-lezen = Toegangslog ingezien
access-toegangslog-exporteren = Toegangslog gedownload (CSV)
access-organisatie-verifieren = Organisatie geverifieerd
access-bundel-verifieren = Bundel gecontroleerd
access-wachtwoord-wijzigen = Eigen wachtwoord gewijzigd
access-wachtwoord-eerste-eigen = Eerste eigen wachtwoord gekozen: account in gebruik genomen
access-tweede-factor-aanzetten = Tweede factor aangezet
access-tweede-factor-uitzetten = Tweede factor uitgezet
access-tweede-factor-herstelcode-gebruikt = Ingelogd met een herstelcode
access-tweede-factor-herstelcodes-vernieuwen = Nieuwe herstelcodes gemaakt
access-beheer-tweede-factor-herstellen = Tweede factor van een collega verwijderd
access-beheer-tweede-factor-verplicht = Tweede factor verplicht gemaakt voor iedereen
access-beheer-tweede-factor-niet-verplicht = Tweede factor niet meer verplicht voor iedereen
access-meldcode-lezen = Meldcodetraject ingezien
access-meldcode-schrijven = Meldcodestap vastgelegd
access-meldcode-advies = Advies aandachtsfunctionaris vastgelegd
access-meldcode-overzicht = Overzicht meldcodetrajecten ingezien
access-casusoverleg-plannen = Casusoverleg gepland
access-casusoverleggen-eigen-lijst = Eigen casusoverleggen ingezien
access-casusoverleg-lezen = Casusoverleg ingezien
access-casusoverleg-schrijven = Aan casusoverleg toegevoegd
access-inloggen = Ingelogd
access-uitloggen = Uitgelogd

## form and API fields, named in error messages ({ $what })
field-datum = De datum
field-begindatum-valid-from = De begindatum (valid_from)
field-einddatum-valid-to = De einddatum (valid_to)
field-toestemming-gaf-given-by = wie de toestemming gaf (given_by)
field-ontvanger-recipient-roles = ontvanger (recipient_roles)
field-soort-gegevens-data-categories = soort gegevens (data_categories)
field-doel-purposes = doel (purposes)
field-toelichting-note = de toelichting (note)
field-toestemming-introk-door = wie de toestemming introk (door)
field-datum-intrekking-per = De datum van intrekking (per)
field-toelichting-notitie = de toelichting (notitie)
field-tijdstip-delen = het tijdstip van delen
field-tijdstip-delen-2 = Het tijdstip van delen
field-wat-er-is-gedeeld = wat er is gedeeld (what)
field-ontvanger-recipient = de ontvanger (recipient)
field-wanneer-en-hoe-client = wanneer en hoe de cliënt is geïnformeerd (client_informed)
field-waarom-client-niet-is = waarom de cliënt niet is geïnformeerd (client_not_informed_reason)
field-redenen-reasons = uw redenen (reasons)
field-naam = De naam
field-referentie = De referentie
field-geboortedatum = De geboortedatum
field-reden = de reden
field-einddatum = De einddatum
field-begindatum = De begindatum
field-datum-intrekking = De datum van intrekking
field-naam-organisatie = de naam van de organisatie
field-naam-professional = de naam van de professional
field-externe-referentie = de externe referentie
field-naam-client = de naam van de cliënt
field-redenen = de redenen
field-toestemming-gaf = wie de toestemming gaf
field-toestemming-introk = wie de toestemming introk
field-gedeeld = ‘gedeeld’
field-wat-er-is-gedeeld-2 = wat er is gedeeld
field-ontvanger = de ontvanger
field-client-geinformeerd = ‘cliënt geïnformeerd’
field-wanneer-en-hoe-client-2 = wanneer en hoe de cliënt is geïnformeerd
field-waarom-client-niet-is-2 = waarom de cliënt niet is geïnformeerd
field-datum-2 = de datum
field-redenen-2 = uw redenen
field-naam-2 = de naam
field-referentie-2 = de referentie
field-geboortedatum-2 = de geboortedatum
field-vrij-gegeven = ‘vrij gegeven’
field-geinformeerd-over-gevolgen = ‘geïnformeerd over de gevolgen’
field-toelichting = de toelichting
field-inlognaam = de inlognaam
field-beroep = het beroep
field-professional = de professional
field-client = de cliënt

## administration notices
admin-account-created = { $name } kan nu inloggen als { $login }. Bij het eerste inloggen kiest { $name } een eigen wachtwoord.
admin-account-blocked = { $name } is geblokkeerd; { $ended } open sessie(s) beëindigd.
admin-password-reset = Nieuw wachtwoord ingesteld voor { $name }; { $ended } open sessie(s) beëindigd. Geef het wachtwoord persoonlijk door; bij het inloggen kiest { $name } een eigen wachtwoord.
admin-care-relation-recorded = De behandelrelatie is vastgelegd.
admin-care-relation-ended = De behandelrelatie is beëindigd.
admin-second-factor-required-all = Een tweede factor is nu verplicht voor iedereen; { $ended } open sessie(s) van accounts zonder tweede factor beëindigd.
admin-second-factor-required-some = Een tweede factor is nu alleen verplicht voor beheerders en privacyfunctionarissen.
admin-second-factor-removed = De tweede factor van { $name } is verwijderd; { $ended } open sessie(s) beëindigd. Bij de volgende keer inloggen stelt { $name } een nieuwe in.

## consent capacities and the weighing form
consent-capacity-client = de cliënt zelf
consent-capacity-parent = ouder met gezag
consent-capacity-guardian = voogd
consent-capacity-curator = curator
consent-capacity-mentor = mentor
consent-capacity-written-proxy = schriftelijk gemachtigde
consent-capacity-partner = partner
consent-capacity-family = familielid
judgment-criteria-open = Beantwoord elk criterium met ja of nee en schrijf uw redenen op (nog open: { $open }). Wat u invulde is bewaard; zonder volledige afweging blijft het antwoord ‘delen na vastgelegde afweging’.

## dossier entries: kinds and one-line summaries
entry-kind-deliberation = beraad
fhir-report-title = Samenvatting van een beraad (Grondslag)
entry-kind-decision = besluit
entry-kind-consent = toestemming
entry-kind-consent-revocation = intrekking van toestemming
entry-kind-disclosure = verstrekking
entry-kind-correction = correctie
entry-kind-meldcode = meldcode
entry-meldcode-date = { $day } { $month ->
        [1] januari
        [2] februari
        [3] maart
        [4] april
        [5] mei
        [6] juni
        [7] juli
        [8] augustus
        [9] september
        [10] oktober
        [11] november
       *[12] december
    } { $year }
entry-meldcode-source-own-observation = eigen waarneming
entry-meldcode-source-client = verteld door de cliënt
entry-meldcode-source-child = verteld door het kind
entry-meldcode-source-relative = verteld door ouder, partner of familielid
entry-meldcode-source-other-professional = van een andere professional
entry-meldcode-source-conversation = uit het gesprek met betrokkenen
entry-meldcode-source-records = uit dossier of documenten
entry-meldcode-source-other = andere bron
entry-meldcode-with-aandachtsfunctionaris = de aandachtsfunctionaris
entry-meldcode-with-colleague = een deskundige collega
entry-meldcode-with-veilig-thuis = Veilig Thuis (anoniem advies)
entry-meldcode-with-forensic-physician = een forensisch arts
entry-meldcode-left-out-safety-of-child = de veiligheid van het kind
entry-meldcode-left-out-safety-of-client = de veiligheid van de cliënt
entry-meldcode-left-out-safety-of-professional = de eigen veiligheid
entry-meldcode-left-out-safety-of-others = de veiligheid van anderen
entry-meldcode-left-out-break-contact = de vrees dat de cliënt het contact verbreekt
entry-meldcode-left-out-could-not-reach = pogingen zonder resultaat: de betrokkenen waren niet te bereiken of wilden niet in gesprek
entry-meldcode-close-no-suspicion = geen vermoeden (meer)
entry-meldcode-close-reported = gemeld bij Veilig Thuis
entry-meldcode-close-help-completed = hulp afgerond, met afspraken over de veiligheid
entry-meldcode-close-handed-over = overgedragen
entry-meldcode-close-other = andere reden
entry-meldcode-jointly = , samen met Veilig Thuis
entry-summary-meldcode-opened = Meldcode geopend: signaal vastgelegd ({ $source }, { $date })
entry-summary-meldcode-signal = Meldcode: signaal vastgelegd ({ $source }, { $date })
entry-summary-meldcode-consulted = Meldcode: overleg met { $with } ({ $date })
entry-summary-meldcode-requested = Meldcode: advies gevraagd aan { $of } ({ $date })
entry-summary-meldcode-conversation = Meldcode: gesprek gevoerd met { $with } ({ $date })
entry-summary-meldcode-conversation-left-out = Meldcode: geen gesprek, vanwege { $reason } ({ $date })
entry-summary-meldcode-answered = Meldcode: afwegingsvraag { $question } beantwoord: { $answer }{ $jointly } ({ $date })
entry-summary-meldcode-decided = Meldcode: besluit — melden bij Veilig Thuis: { $report }; eigen hulp: { $help } ({ $date })
entry-summary-meldcode-reported = Meldcode: melding bij Veilig Thuis gedaan ({ $date })
entry-summary-meldcode-reported-with = Meldcode: melding bij Veilig Thuis gedaan ({ $date }), op grond van dossierregel { $seq } (beraad of besluit)
entry-summary-meldcode-feedback = Meldcode: terugkoppeling van Veilig Thuis ({ $date }): { $feedback }
entry-summary-meldcode-acute = Meldcode: acuut gevaar vastgesteld ({ $date }): { $reasons }
entry-summary-meldcode-closed = Meldcode gesloten: { $reason } ({ $date }): { $explanation }
entry-summary-meldcode-reopened = Meldcode heropend ({ $date }): { $reasons }
entry-kind-other = andere dossierregel
entry-content-erased = inhoud gewist
entry-outcome-unknown = onbekende uitkomst
entry-consent-given = gegeven
entry-consent-withdrawn = ingetrokken
entry-consent-out-of-scope = dekt dit niet
entry-consent-not-asked = niet geregistreerd
entry-consent-unknown = niet af te leiden
entry-summary-consent-relied = ; toestemming { $state } (dossierregel { $seq })
entry-summary-consent = ; toestemming { $state }
entry-summary-deliberation = Beraad: { $outcome } (recht van { $date }){ $consent }
entry-summary-shared = Besluit na beraad { $seq }: gedeeld met { $recipient } — { $what }
entry-summary-not-shared = Besluit na beraad { $seq }: niet gedeeld met { $recipient }
entry-summary-until = {" "}tot { $date }
entry-summary-consent-given = Toestemming van { $by } voor { $recipients } — { $data } — { $purposes }, van { $from }{ $until }
entry-summary-consent-withdrawn = Toestemming van dossierregel { $seq } ingetrokken per { $on } door { $by }
entry-summary-disclosure = Verstrekt aan { $recipient } op { $at }: { $what }
entry-summary-correction = Correctie van dossierregel { $seq }: { $reason }

## dossier verification status
status-no-signed-checkpoint = Er is nog geen ondertekende stand van het logboek: de regels van dit dossier kunnen niet worden nagegaan.
status-checkpoint-other-origin = De ondertekende stand van het logboek hoort bij { $found } in plaats van bij deze organisatie ({ $expected }).
status-checkpoint-signature-wrong = De handtekening onder de stand van het logboek klopt niet: { $error }
status-entry-not-included = Dossierregel { $seq } (plaats { $leaf } in het logboek) is niet aantoonbaar opgenomen in de ondertekende stand.

## acute danger (every page links here)
base-acute-danger = Acuut gevaar?
acute-title = Acuut gevaar
acute-lead = Is iemand nu in gevaar? Dan gaat veiligheid voor alles: voor de stappen van de meldcode en voor elke vraag van Grondslag. Vastleggen komt daarna.
acute-now = Nu
acute-call-112 = Bel 112
acute-112-when = bij direct levensgevaar of als er nu geweld is: politie en ambulance.
acute-call-veilig-thuis = Bel Veilig Thuis: 0800-2000
acute-veilig-thuis-when = bij acute onveiligheid door huiselijk geweld of kindermishandeling; dag en nacht bereikbaar, ook voor advies.
acute-sharing-title = Wat u mag delen
acute-sharing-order = Bij acute onveiligheid hoeft u de stappen van de meldcode niet eerst af te werken: u neemt meteen contact op met Veilig Thuis of de crisisdienst, en in een noodsituatie met 112.
acute-sharing-veilig-thuis = Aan Veilig Thuis mag u zonder toestemming geven wat nodig is om het geweld te stoppen of een redelijk vermoeden te onderzoeken (meldrecht). Het is een recht, geen plicht.
acute-sharing-police = Aan politie of 112 zonder toestemming: dat kan gerechtvaardigd zijn door een conflict van plichten, als zwijgen ernstige schade laat gebeuren die u door te spreken kunt voorkomen en er geen andere weg is. Die afweging is van u.
acute-sharing-minimum = Deel alleen wat nodig is om het gevaar af te wenden, en alleen met wie het kan afwenden.
acute-after-title = Daarna
acute-after-record = Leg in het dossier van de cliënt vast wat u zag of hoorde, wie u belde, wat u deelde en waarom.
acute-after-colleague = Bespreek het met de aandachtsfunctionaris of een collega.
acute-after-client = Vertel de cliënt (of de ouders) wat u heeft gedaan, tenzij dat iemands veiligheid in gevaar brengt; leg vast waarom als u het niet vertelt.
acute-after-deliberation = Leg uw afweging vast in een beraad
acute-sources = Bronnen

## the meldcode trajectory (a client's page, its forms, the aandachtsfunctionaris' overview)
meldcode-nav = Meldcode
meldcode-title = Meldcode — { $name }
meldcode-opened-on = geopend op
meldcode-recorded = Vastgelegd:
meldcode-recorded-by = Vastgelegd door { $who } ({ $role }) op { $when }
meldcode-incomplete = Een deel van dit traject is niet te lezen (dossierregel { $seqs }). Wat hier staat, kan dus minder zijn dan wat is vastgelegd.
meldcode-acute-heading = Acuut gevaar?
meldcode-acute-lead = Is iemand nu in gevaar? Dan gaat veiligheid voor. U hoeft de stappen niet eerst af te maken. Bel, en leg het daarna vast.
meldcode-acute-declared = Acuut gevaar vastgesteld op
meldcode-acute-declared-next = Meld nu bij Veilig Thuis, of bel 112 bij direct gevaar. Leg daarna uw besluit vast.
meldcode-acute-form-hint = Leg hier vast dat u het gevaar acuut vindt, en waarom. Melden gaat dan voor alle andere stappen.
meldcode-next-heading = Volgende stap
meldcode-free-order = De volgorde van de stappen is vrij. U kunt een stap ook overslaan of herhalen; zie hieronder.
meldcode-next-nothing = Het traject is gesloten. Zijn er nieuwe zorgen? Heropen het dan, met uw redenen.
meldcode-next-report-now = U heeft acuut gevaar vastgesteld. Meld nu bij Veilig Thuis, of bel 112 bij direct gevaar. Leg daarna uw besluit vast.
meldcode-next-reweigh = Uw afweging is niet meer actueel: er kwamen nieuwe signalen bij, of het traject is heropend. Beantwoord de vragen van het afwegingskader opnieuw, vanaf vraag 1.
meldcode-next-do = Stap { $n }: { $step }.
meldcode-next-answer = Beantwoord vraag { $n } van het afwegingskader: { $question }
meldcode-next-decide = Leg uw besluit vast. Volgens het afwegingskader volgt uit uw antwoorden: { $outcome }. U beslist zelf.
meldcode-next-monitor = U biedt of regelt hulp. Volg hoe het gaat, en beantwoord vraag 5 als de afgesproken tijd voorbij is.
meldcode-next-record-report = U besloot te melden. Doe de melding bij Veilig Thuis en leg vast wie u informeerde en wat u afsprak.
meldcode-next-await-feedback = U heeft gemeld. Veilig Thuis laat weten wat het met de melding doet: leg die terugkoppeling vast, en wat u daarna doet. Sluit het traject pas als de afspraken voor daarna duidelijk zijn.
meldcode-next-close = U heeft uw besluit vastgelegd. Sluit het traject, met de reden en de afspraken voor daarna.
meldcode-next-nothing-pro = Het traject is gesloten. Zijn er nieuwe zorgen? Dan kan de professional het heropenen, met redenen.
meldcode-next-report-now-pro = De professional heeft acuut gevaar vastgesteld. De professional meldt nu bij Veilig Thuis, of belt 112 bij direct gevaar. Daarna legt de professional het besluit vast.
meldcode-next-reweigh-pro = De afweging is niet meer actueel: er kwamen nieuwe signalen bij, of het traject is heropend. De professional beantwoordt de vragen van het afwegingskader opnieuw, vanaf vraag 1.
meldcode-next-answer-pro = De professional beantwoordt vraag { $n } van het afwegingskader: { $question }
meldcode-next-decide-pro = De professional legt het besluit vast. Volgens het afwegingskader volgt uit de antwoorden: { $outcome }. De professional beslist zelf.
meldcode-next-monitor-pro = De professional biedt of regelt hulp, volgt hoe het gaat, en beantwoordt vraag 5 als de afgesproken tijd voorbij is.
meldcode-next-record-report-pro = De professional besloot te melden. De professional doet de melding bij Veilig Thuis en legt vast wie er is geïnformeerd en wat er is afgesproken.
meldcode-next-await-feedback-pro = De professional heeft gemeld. Veilig Thuis laat weten wat het met de melding doet. De professional legt die terugkoppeling vast, en wat er daarna gebeurt. Het traject gaat pas dicht als de afspraken voor daarna duidelijk zijn.
meldcode-next-close-pro = Het besluit is vastgelegd. De professional sluit het traject, met de reden en de afspraken voor daarna.
meldcode-framework-lead-pro = De professional beantwoordt de vijf vragen zelf, met redenen. Grondslag laat alleen zien wat volgens het afwegingskader uit die antwoorden volgt. Het beslist niets.
meldcode-definition-yours-pro = Of daarvan sprake is, beoordeelt de professional zelf. Grondslag beslist dat niet.
meldcode-decide-yours-pro = De professional beslist zelf. Melden is een recht, geen plicht. Wijkt de professional af van wat hier volgt? Dat mag; de redenen leggen dan uit waarom.
meldcode-your-answer-pro = Antwoord van de professional:
meldcode-advice-capacity = aandachtsfunctionaris
meldcode-start-heading = Meldcode starten
meldcode-start-lead = Heeft u een zorg over huiselijk geweld of kindermishandeling? Start dan hier het traject, met het eerste signaal.
meldcode-none-yet = Er is geen meldcodetraject voor deze cliënt.
meldcode-other-steps = Een andere stap vastleggen
meldcode-beraad-lead = Wat deelt u met Veilig Thuis? Start een beraad. Wat uit het meldcodetraject volgt, staat er al in.
meldcode-beraad-button = Beraad: wat deelt u met Veilig Thuis?
meldcode-form-open = Meldcode starten
meldcode-form-signal = Signaal vastleggen
meldcode-form-consult = Overleg vastleggen
meldcode-form-request-advice = Advies vragen
meldcode-form-advice = Uw advies vastleggen
meldcode-form-conversation = Gesprek vastleggen
meldcode-form-answer = Afwegingsvraag beantwoorden
meldcode-form-decide = Besluit vastleggen
meldcode-form-report = Melding vastleggen
meldcode-form-feedback = Terugkoppeling van Veilig Thuis vastleggen
meldcode-form-acute = Acuut gevaar vastleggen
meldcode-form-close = Traject sluiten
meldcode-form-reopen = Traject heropenen
meldcode-choose-option = Kies…
meldcode-optional = (niet verplicht)
meldcode-label-sector = In welke sector werkt u?
meldcode-sector-care = zorg
meldcode-sector-youth-care = jeugdhulp
meldcode-sector-social-support = maatschappelijke ondersteuning (zoals een wijkteam)
meldcode-sector-education = onderwijs
meldcode-sector-childcare = kinderopvang
meldcode-sector-justice = justitie
meldcode-sector-other = anders
meldcode-label-date = Datum
meldcode-date-hint = de dag waarop u dit deed (het overleg, het gesprek, de afweging); vandaag als u niets kiest
meldcode-label-observed-on = Wanneer zag of hoorde u dit?
meldcode-observed-on-hint = dat mag vóór de start van het traject liggen
meldcode-label-recorded-on = Datum van vastleggen
meldcode-shown-observed-on = Waargenomen op
meldcode-shown-recorded-on = Vastgelegd op
meldcode-signals-order = Op volgorde van waarnemen: het oudste signaal staat bovenaan.
meldcode-recorded-on-hint = vandaag, tenzij u dit op een eerdere dag al had genoteerd
meldcode-label-source = Bron
meldcode-label-source-detail = Van wie? (als iemand het u vertelde)
meldcode-label-observation = Wat zag of hoorde u?
meldcode-observation-hint = alleen de feiten, zo letterlijk mogelijk
meldcode-label-interpretation = Wat denkt u dat het betekent?
meldcode-interpretation-hint = uw interpretatie; die staat apart van de feiten (niet verplicht)
meldcode-label-staff = Het signaal gaat over iemand die voor de organisatie werkt (medewerker, vrijwilliger, stagiair, gastouder of een huisgenoot van de gastouder)
meldcode-label-consulted = Met wie overlegde u?
meldcode-label-who = Naam of functie
meldcode-label-advice = Wat was het advies?
meldcode-label-ask-whom = Aan wie vraagt u advies?
meldcode-label-request = Waarover wilt u advies?
meldcode-label-your-advice = Uw advies
meldcode-advice-hint = U adviseert. De professional beslist zelf.
meldcode-label-held = Heeft u met de betrokkenen gesproken?
meldcode-held-yes = Ja, ik heb het gesprek gevoerd
meldcode-held-no = Nee, ik laat het gesprek weg
meldcode-held-yes-legend = Als u het gesprek voerde
meldcode-held-no-legend = Als u het gesprek wegliet
meldcode-label-with = Met wie?
meldcode-label-summary = Wat heeft u besproken, en hoe reageerden zij?
meldcode-left-out-hint = Weglaten mag alleen als het gesprek iemand in gevaar brengt, of als u sterk vreest dat de cliënt dan het contact verbreekt.
meldcode-label-explanation = Toelichting
meldcode-label-question = Welke vraag beantwoordt u?
meldcode-label-answer = Uw antwoord
meldcode-label-reasons = Uw redenen
meldcode-label-jointly = Ik beantwoord deze vraag samen met Veilig Thuis
meldcode-label-report = Besluit 1: doet u een melding bij Veilig Thuis?
meldcode-label-own-help = Besluit 2: biedt of regelt u (ook) zelf hulp?
meldcode-label-decision-reasons = Uw redenen voor deze besluiten
meldcode-label-deliberation = Op welk beraad of besluit in het dossier rust de melding?
meldcode-no-deliberation = Geen
meldcode-label-informed = Wie heeft u over de melding verteld, en hoe reageerden zij?
meldcode-informed-hint = Lukte dat niet, of was het niet veilig? Schrijf dan op wat u probeerde, of waarom u het niet vertelde.
meldcode-label-agreements = Welke afspraken maakte u met Veilig Thuis (en met de betrokkenen)?
meldcode-label-feedback = Wat liet Veilig Thuis weten?
meldcode-label-follow-up = Wat doet u nu?
meldcode-label-acute-reasons = Waarom is het gevaar acuut?
meldcode-label-close-reason = Waarom sluit u het traject?
meldcode-label-close-explanation = Toelichting en uw bevindingen
meldcode-label-close-follow-up = Afspraken voor daarna
meldcode-label-reopen-reasons = Waarom heropent u het traject?
meldcode-field-date = de datum
meldcode-field-sector = de sector
meldcode-field-observed-on = de datum van de waarneming
meldcode-field-source = de bron
meldcode-field-source-detail = van wie het signaal komt
meldcode-field-observation = wat u zag of hoorde
meldcode-field-interpretation = uw interpretatie
meldcode-field-consulted = met wie u overlegde of aan wie u advies vraagt
meldcode-field-who = de naam of functie
meldcode-field-advice = het advies
meldcode-field-request = waarover u advies wilt
meldcode-field-held = of u het gesprek voerde
meldcode-field-with = met wie u sprak
meldcode-field-summary = wat u besprak
meldcode-field-left-out = waarom u het gesprek wegliet
meldcode-field-explanation = de toelichting
meldcode-field-question = welke vraag u beantwoordt
meldcode-field-answer = uw antwoord
meldcode-field-reasons = uw redenen
meldcode-field-report = besluit 1 (melden)
meldcode-field-own-help = besluit 2 (zelf hulp)
meldcode-field-deliberation = het beraad of besluit
meldcode-field-informed = wie u informeerde en hun reactie
meldcode-field-agreements = de afspraken
meldcode-field-feedback = wat Veilig Thuis liet weten
meldcode-field-follow-up = wat u nu doet
meldcode-field-acute-reasons = waarom het gevaar acuut is
meldcode-field-close-reason = waarom u het traject sluit
meldcode-choose = Kies { $what }.
meldcode-date-invalid = { $what }: dat is geen geldige datum. Gebruik jjjj-mm-dd.
meldcode-date-future = { $what } ligt in de toekomst. Leg alleen vast wat al gebeurd is.
meldcode-no-such-step = Deze stap van de meldcode bestaat niet.
meldcode-no-trajectory = Deze cliënt heeft geen meldcodetraject.
meldcode-steps-heading = De vijf stappen
meldcode-col-step = Stap
meldcode-col-last = Laatst
meldcode-done = gedaan
meldcode-open = open
meldcode-step-signals = signalen in kaart brengen
meldcode-step-consultation = overleggen met een deskundige collega, en zo nodig met Veilig Thuis
meldcode-step-conversation = praten met de betrokkenen
meldcode-step-weighing = het geweld wegen
meldcode-step-decision = beslissen over melden en hulp
meldcode-signals-heading = Stap 1: signalen
meldcode-shown-observation = Wat is gezien of gehoord
meldcode-shown-interpretation = Interpretatie
meldcode-staff-badge = gaat over iemand die voor de organisatie werkt
meldcode-consultation-heading = Stap 2: overleg en advies
meldcode-adviser-advises = De aandachtsfunctionaris en anderen geven advies. Het besluit blijft bij u.
meldcode-requests-heading = Gevraagd advies
meldcode-asked-of = gevraagd aan
meldcode-answered-on = beantwoord op
meldcode-waiting = wacht op advies
meldcode-consulted-with = overleg met
meldcode-nothing-yet = Nog niets vastgelegd.
meldcode-conversation-heading = Stap 3: gesprek met de betrokkenen
meldcode-conversation-with = gesprek met
meldcode-conversation-left-out = geen gesprek, vanwege
meldcode-framework-heading = Stap 4 en 5: het afwegingskader
meldcode-framework-lead = U beantwoordt de vijf vragen zelf, met uw redenen. Grondslag laat alleen zien wat volgens het afwegingskader uit uw antwoorden volgt. Het beslist niets.
meldcode-framework-stale = Na deze antwoorden kwamen er nieuwe signalen bij, of het traject is heropend. Beantwoord de vragen opnieuw; de oude antwoorden blijven bewaard.
meldcode-question-1 = Heb ik, na wat ik zag, hoorde en besprak, een vermoeden van (dreigend) huiselijk geweld of kindermishandeling?
meldcode-question-2 = Schat ik in dat er acute of structurele onveiligheid is?
meldcode-question-3 = Kan ik zelf hulp bieden of regelen die goed genoeg is om het (dreigende) geweld te stoppen?
meldcode-question-4 = Nemen de betrokkenen die hulp aan, en werken ze eraan mee?
meldcode-question-5 = Zorgt de hulp binnen de afgesproken tijd voor blijvende veiligheid en herstel van iedereen?
meldcode-definitions-summary = Wat is acute en wat is structurele onveiligheid?
meldcode-definition-acute = Acute onveiligheid: iemand is nu lichamelijk in gevaar en is vandaag en de komende dagen niet zeker veilig. Er is meteen bescherming nodig. Denk aan lichamelijk of seksueel geweld, met of zonder letsel. Bij een kind of volwassene die van zorg afhangt ook: geen eten, drinken, kleding of onderdak krijgen, of onnodig medicijnen of medische zorg krijgen. Vertelt een kind of afhankelijke volwassene uit zichzelf over geweld? Ook dat telt als acuut.
meldcode-definition-structural = Structurele onveiligheid: een onveilige situatie of geweld komt steeds terug of houdt aan, soms als een vast patroon van geweld of verwaarlozing. De schade zit juist in die herhaling, in de dreiging die blijft en in het gevoel nooit veilig te zijn.
meldcode-definition-yours = Of daarvan sprake is, beoordeelt u zelf. Grondslag beslist dat niet.
meldcode-your-answer = Uw antwoord:
meldcode-jointly = samen met Veilig Thuis
meldcode-not-answered = Nog niet beantwoord.
meldcode-reading-ask = Het afwegingskader heeft eerst uw antwoord op vraag { $n } nodig.
meldcode-reading-outcome = Volgens het afwegingskader volgt hieruit: { $outcome }.
meldcode-outcome-close = het meldcodetraject sluiten en uw bevindingen in het dossier vastleggen
meldcode-outcome-report = melden bij Veilig Thuis
meldcode-outcome-report-jointly = melden bij Veilig Thuis; de vragen 3 tot en met 5 beantwoordt u daarna samen met Veilig Thuis
meldcode-outcome-offer-help = zelf hulp bieden of regelen en de veiligheid blijven volgen; vraag 5 beantwoordt u als de afgesproken tijd voorbij is
meldcode-outcome-close-monitoring = de hulp afsluiten, met afspraken over hoe de veiligheid gevolgd blijft
meldcode-norm-lead = Daarbij hoort de beroepsnorm om te melden:
meldcode-norm-unsafety = bij acute of structurele onveiligheid meldt u altijd bij Veilig Thuis.
meldcode-norm-no-own-help = als u zelf niet genoeg passende hulp kunt bieden of regelen, meldt u.
meldcode-norm-persists = als de onveiligheid ondanks de hulp niet stopt of terugkomt, meldt u (opnieuw).
meldcode-then-ask = Beantwoord vraag 5 als de afgesproken tijd voor de hulp voorbij is.
meldcode-decide-yours = U beslist zelf. Melden is een recht, geen plicht. Wijkt u af van wat hier volgt? Dat mag; leg in uw redenen uit waarom.
meldcode-earlier-answers = Eerdere antwoorden
meldcode-earlier-round = Eerdere afweging
meldcode-replaced-answers = Later opnieuw beantwoord
meldcode-question = Vraag
meldcode-decisions-heading = Besluiten
meldcode-during-acute = tijdens acuut gevaar
meldcode-shown-reasons = Redenen
meldcode-shown-framework-then = Wat volgens het afwegingskader toen volgde
meldcode-notice-d11 = Het signaal gaat over iemand die voor de school of kinderopvang werkt. Dan geldt naast de meldcode een aparte plicht: meld het aan de werkgever of het bestuur. Die moet overleggen met de vertrouwensinspecteur.
meldcode-notice-departs = Uw laatste besluit is niet te melden. Volgens het afwegingskader geldt hier de norm: { $norm } Dat besluit mag u nemen, want melden is een recht. Leg in uw redenen uit waarom u niet meldt.
meldcode-notice-without-weighing = Uw laatste besluit is vastgelegd terwijl de afweging niet af of niet meer actueel was.
meldcode-notice-open-steps = U besloot te melden terwijl deze stappen nog open stonden: { $steps }. Doe die stappen alsnog als dat nodig is, of leg uit waarom niet.
meldcode-report-heading = Melding, terugkoppeling en afsluiting
meldcode-reported = melding bij Veilig Thuis gedaan
meldcode-report-rests-on = op grond van dossierregel
meldcode-shown-informed = Wie is geïnformeerd, en hun reactie
meldcode-shown-agreements = Afspraken
meldcode-shown-follow-up = Vervolg:
meldcode-feedback-from = terugkoppeling van Veilig Thuis
meldcode-closed-because = gesloten:
meldcode-reopened = heropend
meldcode-entry-deliberation = Beraad, dossierregel { $seq } ({ $when }), ontvanger: { $to }
meldcode-entry-decision = Besluit, dossierregel { $seq } ({ $when }), na het beraad in dossierregel { $deliberation }
meldcode-back-to-trajectory = Terug naar het meldcodetraject
meldcode-contradicted = Voor deze cliënt loopt een meldcodetraject, omdat er signalen van huiselijk geweld of kindermishandeling zijn vastgelegd. U antwoordde hier dat er geen vermoeden is. Klopt dat nog? Is het vermoeden weggenomen, sluit dan ook het traject af met de reden.
meldcode-contradicted-change = Wijzig het antwoord over een vermoeden
meldcode-deliberation-prefilled = Dit beraad begon vanuit het meldcodetraject. De antwoorden met het label ‘uit het meldcodetraject’ komen daaruit. U kunt ze wijzigen.
meldcode-from-trajectory = uit het meldcodetraject
meldcode-dossier-heading = Meldcode
meldcode-badge-open = open
meldcode-badge-closed = gesloten
meldcode-dossier-to-trajectory = Naar het meldcodetraject
meldcode-dossier-none = Er is geen meldcodetraject.
meldcode-dossier-start = Meldcode starten
meldcode-status-open = Open sinds { $since }. Volgende stap: { $next }
meldcode-status-closed = Gesloten op { $on }.
meldcode-client-list-link = Meldcode
meldcode-overview-title = Open meldcodetrajecten
meldcode-overview-lead = Alle open meldcodetrajecten van uw organisatie: waar ze staan en hoe lang. De inhoud ziet u pas als u een traject opent; dat wordt vastgelegd.
meldcode-overview-days-label = Achterstallig na hoeveel dagen zonder voortgang?
meldcode-overview-days-button = Toon
meldcode-overview-days-used = Achterstallig: langer dan { $n } dagen niets vastgelegd.
meldcode-overview-one = Er is 1 open traject.
meldcode-overview-count = Er zijn { $n } open trajecten.
meldcode-overview-caption = Acuut gevaar en achterstallige trajecten staan bovenaan.
meldcode-col-opened = Geopend
meldcode-col-next = Volgende stap
meldcode-col-steps = Stappen
meldcode-col-idle = Zonder voortgang
meldcode-col-signals = Let op
meldcode-by = door
meldcode-days = { $n ->
    [one] 1 dag
   *[other] { $n } dagen
}
meldcode-badge-acute = acuut gevaar
meldcode-badge-overdue = achterstallig
meldcode-badge-incomplete = deels niet leesbaar
meldcode-advice-asked-since = advies gevraagd sinds
meldcode-overview-no-content = Dit overzicht toont geen signalen, adviezen of redenen: alleen waar elk traject staat.
meldcode-days-invalid = Vul bij het aantal dagen een heel getal van 1 tot en met { $max } in. Hieronder staat het standaardaantal.
meldcode-step-short-signals = signalen
meldcode-step-short-consultation = overleg
meldcode-step-short-conversation = gesprek
meldcode-step-short-weighing = wegen
meldcode-step-short-decision = beslissen
meldcode-days-ago = { $n ->
    [0] vandaag
    [one] 1 dag geleden
   *[other] { $n } dagen geleden
}
meldcode-days-open = { $n ->
    [0] sinds vandaag open
    [one] 1 dag open
   *[other] { $n } dagen open
}

## record-text (the lines for the professional's own record system)
record-text-title = Tekst voor uw eigen dossier
record-text-lead = Kopieer deze regels naar het dossier in uw eigen cliëntsysteem of EPD. Het volledige verslag en het bewijs blijven in Grondslag.
record-text-lead-unrecorded = Kopieer deze regels naar het dossier in uw eigen cliëntsysteem of EPD. Leg het beraad vast in Grondslag om er ook het dossiernummer in te krijgen.
# The case library (/voorbeelden): every golden scenario as a worked example.
cases-to-kennisbank = Zoek ook in de kennisbank
cases-nav = Voorbeelden
cases-title = Voorbeelden
cases-intro = Uitgewerkte voorbeelden: bij elke situatie het antwoord van Grondslag en dat van een gezaghebbende bron (de wet, een tuchtcollege, een beroepsvereniging, Veilig Thuis of de Autoriteit Persoonsgegevens). De situaties zijn verzonnen of ontleend aan openbare uitspraken en richtlijnen; er staan geen cliëntgegevens in.
cases-filters = Zoeken en filteren
cases-search = Zoeken in titel en situatie
cases-field-search = De zoektekst
cases-filter-sender = Wie deelt
cases-filter-recipient = Met wie
cases-filter-purpose = Doel
cases-filter-age = Leeftijd van de cliënt
cases-filter-any = Alle
cases-filter-apply = Toon voorbeelden
cases-filter-clear = Filters wissen
cases-count = { $n } van { $total } voorbeelden
cases-of-article = Alleen de voorbeelden die worden uitgelegd in het artikel:
cases-none = Geen voorbeeld past bij deze zoektekst en filters. Probeer minder woorden of wis een filter.
cases-according-to-source = Volgens de bron
cases-age-0-11 = jonger dan 12
cases-age-12-15 = 12 tot en met 15 jaar
cases-age-16-17 = 16 of 17 jaar
cases-age-adult = 18 jaar of ouder
cases-age-not-stated = niet vermeld
cases-not-found = Dit voorbeeld bestaat niet.
cases-back = Alle voorbeelden
cases-origin-public = Een openbaar voorbeeld uit een gedeelde verzameling, met het antwoord uit de genoemde bronnen.
cases-origin-own = Een voorbeeld dat Grondslag zelf uitwerkte, met het antwoord uit de genoemde bronnen.
cases-situation = De situatie
cases-facts = De feiten
cases-facts-assumed = Verder aangenomen
cases-facts-assumed-explain = Het voorbeeld noemt deze feiten niet; dan geldt wat hier staat (zo zijn de voorbeelden geschreven).
cases-weighing = De afweging in dit voorbeeld
cases-weighing-intro = In dit voorbeeld heeft de professional de open norm zelf gewogen; dit was haar of zijn oordeel. Grondslag weegt nooit zelf.
cases-grondslag-answer = Het antwoord van Grondslag
cases-grondslag-answer-now = Zo antwoordt Grondslag nu, met de regels van vandaag.
cases-authority-answer = Het antwoord van de bron
cases-grounds = Op grond van:
cases-not-grounds = Niet op grond van:
cases-conditions = Voorwaarden:
cases-authority-sources = Waar dit antwoord vandaan komt:
cases-agree = Grondslag geeft hetzelfde antwoord als de bron.
cases-disagree = Grondslag geeft nu een ander antwoord dan de bron. Ga bij twijfel uit van de bron en overleg met een collega of de privacyfunctionaris.
cases-open-heading = Zelf verder met deze situatie
cases-open-explain = Begin een beraad zonder cliënt met de feiten van dit voorbeeld. U ziet meteen het antwoord en kunt elk antwoord aanpassen aan uw eigen situatie. Er wordt niets vastgelegd.
cases-open = Open als nieuw beraad
cases-from-example = Uit voorbeeld:
cases-deliberation-prefilled = De antwoorden met het label ‘uit het voorbeeld’ komen daaruit; pas ze aan aan uw eigen situatie.
cases-from-example-badge = uit het voorbeeld
cases-reason-from-example = Overgenomen uit het voorbeeld ‘{ $title }’; ga na of dit ook voor uw situatie geldt.
deliberation-you-answer-as = U beantwoordt de vragen als
deliberation-change-own-role = Heeft u hier een andere pet op, wijzig uw rol dan bij uw antwoorden.
deliberation-link-title = Beraad vastleggen bij een cliënt
deliberation-link-explain = Kies over welke van uw cliënten dit beraad gaat. Daarna kunt u het vastleggen in zijn dossier. Grondslag kijkt dan ook in het toestemmingsregister van die cliënt; het antwoord kan daardoor veranderen, en er kunnen nog vragen volgen.
deliberation-link-no-clients = U heeft nog geen cliënten met een zorgrelatie in Grondslag. Voeg de cliënt eerst toe onder Cliënten.
deliberation-link-button = Koppel aan deze cliënt
deliberation-link-back = Terug naar het antwoord
deliberation-link-already-linked = Dit beraad hoort al bij een cliënt.
result-link-to-a-client = Koppel aan een cliënt om vast te leggen
deliberation-link-choose-client = Kies de cliënt over wie dit beraad gaat.

# Preparing a casusoverleg (pages/case_conference.rs)
conference-title = Casusoverleg voorbereiden
conference-lead = Zit u binnenkort met anderen aan tafel over een cliënt of gezin? Kies wie er deelnemen en beschrijf de situatie. Grondslag laat per deelnemer zien of en op welke grond u kunt inbrengen wat u weet. Iedere deelnemer is een eigen ontvanger met een eigen antwoord: aan hetzelfde overleg deelnemen maakt niemand 'geen derde'.
conference-no-names = U vult hier geen namen in. Voorbereiden legt niets vast; plant u het overleg, dan bewaart Grondslag alleen een schuilnaam, de rollen aan tafel en per deelnemer de uitkomst en grond van zijn eigen beraad. Een antwoord voor uw cliënt legt u vast door het als beraad te openen.
conference-form-heading = Het overleg en de situatie
conference-own-role = Uw rol in dit overleg (de pet waarmee u deze informatie kreeg)
conference-participants = Wie zitten er aan tafel?
conference-participants-hint = Kies iedere andere rol aan tafel, ook de voorzitter als u dat niet zelf bent (plant u het overleg, dan bent u de voorzitter). Een convenant of werkafspraak verandert niets aan wie een derde is.
conference-common-roles = Vaak aan tafel
conference-purpose = Waarvoor is het overleg?
conference-data = Wat zou u inbrengen?
conference-age = Leeftijd van de cliënt
conference-age-hint = in jaren; leeg laten als u het niet weet
conference-family-hint = Gaat het overleg over meer gezinsleden, bereid het dan per persoon voor: toestemming, leeftijd en wilsbekwaamheid gelden per persoon, en wat u over de moeder weet, is iets anders dan wat u over het kind weet.
conference-competent = Is de cliënt wilsbekwaam ter zake (kan hij zelf beslissen over delen)?
conference-consent = Toestemming van de cliënt (of wie voor hem beslist) voor dit overleg
conference-danger = Is er gevaar?
conference-suspicion = Is er een vermoeden van huiselijk geweld of kindermishandeling?
conference-show = Toon per deelnemer
conference-per-participant = Per deelnemer
conference-per-participant-lead = Dit is wat de regels zeggen over wat u met ieder van hen mag delen. Wat de situatie verder bepaalt (bezwaar, een maatregel, uw eigen afweging) vraagt Grondslag als u een antwoord opent als beraad.
conference-open = Open als beraad
conference-involved-yes = werkt mee aan uw eigen behandeling of hulp aan de cliënt (uw antwoord: het antwoord hieronder rust erop; eigen, andere hulp aan de cliënt is niet genoeg)
conference-involved-no = werkt niet mee aan uw eigen behandeling of hulp aan de cliënt
conference-involved-short = werkt mee aan uw behandeling of hulp
conference-nobody = U mag met niemand aan tafel iets delen dat de cliënt herkenbaar maakt. Vraag eerst toestemming (praat mét de cliënt of het gezin, niet erover), of bespreek de situatie zonder iets dat tot de cliënt te herleiden is.
conference-anonymous = Zonder naam bespreken
conference-anonymous-lead = Wie niet te herkennen is, is geen gegeven over een persoon meer. Laat daarom weg:
conference-identifying-name = namen van de cliënt en van gezinsleden, ook voornamen en bijnamen
conference-identifying-address = adres, straat, buurt of dorp als dat klein is
conference-identifying-birth = geboortedatum en exacte leeftijd (zeg liever 'basisschoolleeftijd')
conference-identifying-school = school, klas, werkgever of vereniging
conference-identifying-family = de samenstelling van het gezin als die opvalt (bijvoorbeeld een drieling)
conference-identifying-rare = zeldzame omstandigheden: een bijzondere ziekte, een opvallende gebeurtenis, iets dat in het nieuws was
conference-anonymous-recognised = Geen naam noemen is niet genoeg als de anderen aan tafel de cliënt toch herkennen, bijvoorbeeld omdat de school het gezin zelf inbracht. Twijfelt u, vraag dan eerst toestemming.
conference-invalid-field = Het veld ‘{ $field }’ klopt niet: { $message }
conference-unknown-role = Een gekozen rol bestaat niet. Kies de deelnemers uit de lijst.
conference-too-many = Kies ten hoogste { $max } deelnemers.
conference-no-participants = Kies wie er aan tafel zitten.
deliberation-start-conference = Bereidt u een casusoverleg voor met meerdere deelnemers? Bekijk per deelnemer wat u mag inbrengen.
conference-participants-count = Geef 1 tot { $max } deelnemers.
conference-recipient-in-facts = De ontvanger staat in de deelnemers, niet in de feiten: laat recipient_role en recipient_in_treatment_relation weg uit facts.
conference-would-change = Wat zou dit antwoord veranderen:
deliberation-link-consent-from-registry = uit het toestemmingsregister van de cliënt
deliberation-link-not-listed = Staat de cliënt er niet bij? Registreer hem eerst; dit beraad blijft bewaard onder uw onafgemaakte beraden.
deliberation-link-register = Cliënt registreren
consent-child-under-12 = Deze cliënt is jonger dan 12: de ouders met gezag (of de voogd) geven toestemming, niet het kind. Ga na hoe het gezag geregeld is. Hebben beide ouders gezag, vraag het dan beiden en noem hen allebei bij ‘gegeven door’ (dat beiden moeten instemmen, is in de bronnen van Grondslag niet letterlijk nagelezen).
consent-youth-12-15 = Deze cliënt is 12 tot 16 jaar. Onder de WGBO beslist een wilsbekwame jongere zelf over zijn geheim; in de jeugdhulp, en buiten de zorg onder de AVG, geven de jongere én de ouders met gezag toestemming. Registreer wie toestemde; Grondslag telt het pas als de juiste personen toestemden.
consent-counts-only-from-whoever-decides = Grondslag telt een geregistreerde toestemming alleen als die kwam van wie voor de cliënt beslist op het moment dat u deelt: zijn leeftijd en wilsbekwaamheid dan tellen, niet die bij het toestemmen.

# Casusoverleggen (issue 13)
conferences-title = Casusoverleggen
conferences-lead = De casusoverleggen die u voorzit of waarvoor u bent uitgenodigd. Per deelnemer staat daar alleen of hij mag inbrengen en op welke grond; wat hij weet, blijft in zijn eigen dossier.
conferences-plan-new = Een nieuw casusoverleg voorbereiden en plannen
conferences-none = U zit nog geen casusoverleg voor en bent voor geen enkel uitgenodigd.
conferences-list-caption = Laatst gewijzigd eerst
conferences-col-title = Overleg
conferences-col-date = Datum
conferences-col-seats = Plaatsen
conferences-col-you = U
conferences-you-chair = voorzitter
conferences-you-participant = deelnemer
conferences-planned = Het casusoverleg is gepland. Nodig per plaats een collega uit die Grondslag gebruikt; deelnemers van buiten beraden zich in hun eigen organisatie.
conferences-recorded = Uw beraad staat in het dossier van uw cliënt. Bij het overleg staan alleen de uitkomst en de grond.
conferences-next = Verder met het beraad over delen met
conferences-next-prefilled = uw antwoorden over uzelf, de cliënt en de gegevens staan al klaar.
conferences-what-is-kept = Hier staan alleen de uitkomst en de grond van ieders beraad, nooit de feiten, de cliënt of het dossier van een deelnemer.
conferences-agreement = Werkafspraak of convenant (context)
conferences-at-the-table = Aan tafel
conferences-at-the-table-lead = Per plaats: wie er zit en wat die volgens zijn eigen vastgelegde beraad mag inbrengen.
conferences-anonymous-only = Niemand aan tafel heeft een grond om iets identificerends met iedereen te delen. Bespreek de situatie zonder naam en zonder wat tot de cliënt leidt.
conferences-chair = voorzitter
conferences-you = u
conferences-not-invited = Niemand uitgenodigd (deelnemer van buiten)
conferences-standing-identifying = Mag identificerend inbrengen bij iedereen aan tafel
conferences-standing-anonymous = Alleen zonder naam: geen grond tegenover { $seats }
conferences-standing-not-yet = Nog niet beraden over delen met { $seats }; tot dan aan tafel alleen zonder naam
conferences-sharing-with = Delen met
conferences-outcome-must = moet delen
conferences-outcome-may = mag delen
conferences-outcome-after-weighing = mag delen na een vastgelegde afweging
conferences-outcome-may-not = mag niet delen
conferences-invite = Uitnodigen
conferences-nobody-invited = — niemand (van buiten) —
conferences-invite-button = Opslaan
conferences-your-answers = Uw beraad
conferences-your-answers-lead = Beraad u per deelnemer of u mag delen. Elk beraad legt u vast in het dossier van uw eigen cliënt; bij het overleg komen alleen de uitkomst en de grond.
conferences-deliberate = Beraad starten
conferences-which-client = Over welke cliënt van u gaat uw beraad?
conferences-client-later = — later kiezen —
conferences-deliberate-again = Opnieuw beraden
conferences-minutes = Verslag
conferences-minutes-lead = Het verslag lezen alle deelnemers. Wat identificeert, komt er alleen in van wie tegenover iedereen aan tafel een grond heeft.
conferences-minutes-empty = Nog niets in het verslag.
conferences-minutes-anonymous = zonder identificerende gegevens
conferences-minutes-no-client-info = zonder informatie over de cliënt
conferences-minutes-your-text = Uw bijdrage
conferences-minutes-mark-anonymous = Mijn bijdrage bevat niets waardoor iemand de cliënt of het gezin herkent.
conferences-minutes-only-anonymous = U hebt (nog) geen grond om tegenover iedereen aan tafel identificerend te delen. Laat dit weg:
conferences-minutes-add = Toevoegen aan het verslag
conferences-minutes-withdrawn = Ingetrokken door wie het inbracht.
conferences-minutes-withdraw = Intrekken
conferences-deliberation-for = Dit beraad is voor het casusoverleg
conferences-deliberation-purpose = Ontvanger en doel komen van het overleg. Deelt u om een andere reden, bijvoorbeeld om geweld te stoppen of een kind te beschermen, wijzig dan het doel: dat kan het antwoord veranderen.
conference-plan-heading = Dit overleg plannen en deelnemers uitnodigen
conference-plan-lead = Geef het overleg een schuilnaam en een datum. Daarna nodigt u per plaats een collega uit die Grondslag gebruikt; ieder beraadt zich zelf.
conference-plan-title = Schuilnaam van het overleg (geen naam van de cliënt)
conference-plan-date = Datum van het overleg
conference-plan-agreement = Werkafspraak of convenant waaronder het overleg valt (optioneel, alleen als context)
conference-plan-own-organisation = Uw organisatie (optioneel)
conference-plan-organisation = Organisatie van { $role } (optioneel)
conference-plan-submit = Overleg plannen
conference-plan-title-empty = Geef het overleg een schuilnaam, bijvoorbeeld ‘Gezin H.’ (geen naam van de cliënt).
conference-plan-title-invalid = De schuilnaam is te lang (hoogstens 120 tekens) of bevat tekens die niet in een naam horen.
conference-plan-date-invalid = Die datum bestaat niet. Geef de datum van het overleg als dd-mm-jjjj, bijvoorbeeld 10-12-2026.
conference-plan-purpose-invalid = Kies het doel van het overleg.
conference-plan-agreement-too-long = De beschrijving van de werkafspraak is te lang (hoogstens 2000 tekens).
conference-plan-seats-invalid = Kies uw eigen rol en ten minste één andere deelnemer (hoogstens 20).
conference-not-found = Dit casusoverleg bestaat niet (meer).
conference-busy = Anderen werkten tegelijk aan dit overleg. Probeer het opnieuw.
conference-only-chair = Alleen de voorzitter nodigt deelnemers uit.
conference-invite-other-organisation = U kunt alleen collega's van uw eigen organisatie uitnodigen.
conference-invite-seat-answered = Deze plaats heeft zich al beraden; de uitnodiging kan niet meer veranderen.
conference-invite-twice = Deze collega zit al op een andere plaats aan tafel.
conference-unknown-seat = Die plaats is er niet aan deze tafel.
conference-no-seat = U zit niet aan deze tafel.
conference-facts-from-table = Laat sender_role, recipient_role, purpose en request_from weg uit de feiten: die komen van tafel (uw plaats, de plaats waarmee u deelt, en het doel van het overleg).
conference-minutes-text-invalid = Schrijf uw bijdrage (hoogstens 4000 tekens).
conference-minutes-no-ground = U hebt geen grond om tegenover iedereen aan tafel identificerend te delen. Voeg alleen toe wat niemand herkenbaar maakt, en vink dat aan.
conference-minutes-full = Het verslag is vol (200 bijdragen).
conference-minutes-unknown = Die bijdrage staat niet in het verslag.
conference-minutes-not-yours = Alleen wie een bijdrage inbracht, kan haar intrekken.
conferences-month-year = { $month ->
        [1] januari
        [2] februari
        [3] maart
        [4] april
        [5] mei
        [6] juni
        [7] juli
        [8] augustus
        [9] september
        [10] oktober
        [11] november
       *[12] december
    } { $year }
conferences-public = Openbare versie
conferences-public-link = Openbare versie (voor een rapport)
conferences-public-lead = Zonder schuilnaam, organisaties of namen, met de maand in plaats van de datum, en alleen de bijdragen die als niet-identificerend zijn gemarkeerd.
conferences-public-at-the-table = Wie deelnamen en wat zij mochten inbrengen
conferences-public-minutes = Verslag
conferences-public-left-out = { $count ->
        [one] Eén bijdrage is weggelaten: die is niet als niet-identificerend gemarkeerd.
       *[other] { $count } bijdragen zijn weggelaten: die zijn niet als niet-identificerend gemarkeerd.
    }
conferences-public-check = Voor u dit openbaar maakt
conferences-public-check-health = Geen gezondheidsgegevens of strafrechtelijke gegevens over personen, tenzij de betrokkene uitdrukkelijk toestemde of ze zelf openbaar maakte (art. 5.1 lid 1 Woo).
conferences-public-check-numbers = Geen burgerservicenummer of ander wettelijk nummer dat een persoon aanwijst (art. 5.1 lid 1 Woo).
conferences-public-check-privacy = Andere gegevens over personen alleen na een afweging tegen hun persoonlijke levenssfeer (art. 5.1 lid 2 Woo).
conferences-public-check-criminal = Loopt er een strafzaak, dan weegt ook de opsporing en vervolging mee; vraag het Openbaar Ministerie of de politie (art. 5.1 lid 2 Woo).
conferences-public-check-traceable = Lees het na als iemand die de zaak niet kent: leiden een leeftijd, school, datum, woonplaats of een bekende gebeurtenis nog naar iemand?
conferences-public-uncertain = Of de Woo op dit rapport van toepassing is, en hoe het beroepsgeheim van de deelnemers daarop doorwerkt, staat niet in de bronnen van Grondslag. Laat de openbare versie toetsen door de jurist of privacyfunctionaris van de opdrachtgever.
conferences-public-more = Meer in de kennisbank: calamiteiten, ketenreviews en geanonimiseerde verslagen
conferences-back = Terug naar het overleg
conferences-other-organisation = een deelnemer van een andere organisatie
conferences-code-button = Uitnodigingscode voor een andere organisatie
conferences-code-pending = code gemaakt, nog niet gebruikt
conferences-code-made = Uitnodigingscode voor
conferences-code-how = Geef deze code en het adres aan de deelnemer, liefst via een ander kanaal dan het adres. De code werkt één keer en wordt nu niet meer getoond; maak zo nodig een nieuwe. Adres om de code in te vullen:
conferences-joined = U zit nu aan tafel bij dit overleg. Uw beraad legt u vast in het dossier van uw eigen cliënt, in uw eigen organisatie.
conferences-join = Aanmelden bij een casusoverleg
conferences-join-lead = De voorzitter gaf u een uitnodigingscode. Daarmee neemt u de plaats aan tafel in die voor u is bedoeld. Wat u weet, blijft in uw eigen dossier; het overleg ziet alleen de uitkomst en de grond van uw beraad.
conferences-join-code = Uitnodigingscode
conferences-join-button = Aanmelden
access-casusoverleg-aanmelden = Aangemeld bij een casusoverleg met een code
conference-code-seat-taken = Op deze plaats is al iemand uitgenodigd.
conference-code-wrong = Deze code klopt niet, is al gebruikt, of hoort niet bij dit overleg. Vraag de voorzitter om een nieuwe.
conferences-standing-no-client-info = Geen informatie over de cliënt aan deze tafel: geen grond tegenover { $seats } (alleen werkwijze, stappen of algemene kennis)
conferences-standing-not-yet-known = Nog niet beraden over delen met { $seats }; tot dan geen informatie over de cliënt aan tafel
conferences-nobody-has-a-ground = Niemand aan tafel heeft een grond om informatie over de cliënt met iedereen te delen. Iedereen hier weet over wie het gaat, dus ook zonder naam is informatie over hem niet anoniem: bespreek alleen werkwijze, stappen en algemene kennis, of vraag toestemming.
conferences-is-anonymous = Dit is een anoniem overleg: de deelnemers weten niet over wie het gaat. Houd het zo: noem niets waardoor iemand de cliënt of het gezin herkent.
conferences-minutes-only-no-client-info = U hebt (nog) geen grond om tegenover iedereen aan tafel over de cliënt te delen. Iedereen hier weet over wie het gaat, dus ook zonder naam is informatie over hem niet anoniem. Breng alleen in hoe uw organisatie werkt, welke stappen zij zette en wanneer, of algemene kennis.
conferences-minutes-mark-no-client-info = Mijn bijdrage bevat geen informatie over de cliënt of het gezin, alleen over werkwijze, stappen of algemene kennis.
conference-plan-anonymous = Anoniem overleg: de deelnemers weten niet over welke cliënt of welk gezin het gaat (anders is informatie zonder naam niet anoniem)
