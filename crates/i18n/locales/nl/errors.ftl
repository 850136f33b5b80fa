# Grondslag — errors and refusals. Ids: error-<code> for the stable API codes, otherwise <area>-<words>.

## app-deliberation
app-deliberation-datum-beraad-geen-geldige = de datum van het beraad ({ $date }) is geen geldige datum
app-deliberation-answer-dropped = vervallen (past niet meer bij uw andere antwoorden)

## app-keys
app-keys-ongeldige-organisatie-id = ongeldige organisatie-id ‘{ $org }’

## app-app
app-app-klok-buiten-bereik = klok buiten bereik
app-app-ongeldige-datum-schrijf-jjjj = { $what }: ongeldige datum ‘{ $text }’; schrijf JJJJ-MM-DD
app-app-leeg-bevat-stuurtekens = { $what } is leeg of bevat stuurtekens
app-app-onbekend-beroep-geen-rol = onbekend beroep ‘{ $profession }’: geen rol van de regelset (bijv. huisarts)
app-app-professional-hoort-niet-bij = professional { $id } hoort niet bij de organisatie van cliënt { $client }
app-app-professional-ontbreekt = professional ontbreekt
app-app-zeg-client-geinformeerd-waarom = zeg of de cliënt is geïnformeerd, of waarom niet
app-app-dossierregel-geen-beraad-maar = dossierregel { $deliberation_seq } is geen beraad maar { $kind }
app-app-dossierregel-bestaat-niet-in = dossierregel { $deliberation_seq } bestaat niet in dit dossier
app-app-noem-minstens-ontvanger-soort = noem minstens één ontvanger, één soort gegevens en één doel
app-app-noem-elke-keer-staat = noem elke { $what } één keer (‘{ $twice }’ staat er meer dan eens)
app-app-onbekende-ontvanger-geen-rol = onbekende ontvanger ‘{ $r }’: geen rol van de regelset
app-app-regelset-kent-feit-niet = de regelset kent het feit '{ $fact }' niet
app-app-fact-value-invalid = { $fact }: { $e }
app-app-einddatum-toestemming-ligt-voor = de einddatum van de toestemming ligt voor de begindatum
app-app-dossierregel-geen-toestemming-maar = dossierregel { $consent_seq } is geen toestemming maar { $kind }
app-app-dossierregel-bestaat-niet-in-2 = dossierregel { $consent_seq } bestaat niet in dit dossier
app-app-toestemming-dossierregel-al-ingetrokken = de toestemming van dossierregel { $consent_seq } is al ingetrokken
app-app-dossierregel-bestaat-niet-in-3 = dossierregel { $seq } bestaat niet in dit dossier
app-app-bundel-dossier-groter-dan = de bundel van dit dossier is groter dan { $max_bundle_bytes20 } MiB en wordt niet gemaakt; neem contact op met de beheerder
app-fhir-too-large = de FHIR-export van dit dossier is groter dan { $max_mib } MiB en wordt niet gemaakt; neem contact op met de beheerder
app-app-dossier-client-leeg-valt = het dossier van cliënt { $client } is leeg: er valt niets te exporteren

## app-meldcode
app-meldcode-not-opened = een meldcodetraject begint met het signaal dat het opent: leg dat eerst vast
app-meldcode-already-opened = deze cliënt heeft al een meldcodetraject; leg nieuwe signalen vast in dat traject (een gesloten traject kunt u heropenen)
app-meldcode-closed = het meldcodetraject is gesloten; heropen het, met uw redenen, om verder te gaan
app-meldcode-not-closed = het meldcodetraject is niet gesloten en kan dus niet worden heropend
app-meldcode-before-opened = de datum ligt vóór de opening van het meldcodetraject ({ $opened })
app-meldcode-missing-reasons = vul de redenen, de toelichting of de waarneming in: die zijn verplicht
app-meldcode-history-erased = de inhoud van een deel van dit meldcodetraject is gewist (dossierregel { $seqs }); het traject kan daarom niet betrouwbaar worden voortgezet
app-meldcode-not-decided-to-report = leg eerst het besluit om te melden vast (stap 5); daarna de melding zelf
app-meldcode-not-reported = terugkoppeling van Veilig Thuis kunt u vastleggen nadat de melding is vastgelegd
app-meldcode-report-deliberation-unknown = dossierregel { $seq } is geen beraad of besluit in het dossier van deze cliënt
app-meldcode-text-too-long = een tekst in deze meldcodestap is langer dan { $max } tekens; vat hem samen en verwijs naar het eigen dossier voor de rest
app-meldcode-observed-after-recorded = de datum waarop u het signaal zag of hoorde ligt na de datum van vastleggen; een signaal legt u vast op of na de dag dat u het zag of hoorde
app-meldcode-control-characters = een tekst in deze meldcodestap bevat stuurtekens

## consent
consent-noem-minstens-zonder-lege = Noem minstens één { $what }, zonder lege waarden.
consent-geen-toestemming-met-volgnummer = Er is geen toestemming met volgnummer { $seq } in dit dossier.
consent-toestemming-dossierregel-al-ingetrokken = De toestemming van dossierregel { $seq } is al ingetrokken.

## dossier
dossier-rol-geeft-geen-toegang = Uw rol geeft geen toegang tot dit onderdeel.
dossier-tijdstip-delen-shared-at = Het tijdstip van delen (shared_at) is geen datum (JJJJ-MM-DD) of tijdstip (RFC 3339).
dossier-schrijf-op-wat-heeft = Schrijf op wat u heeft gedeeld en met wie (what en recipient).
dossier-niets-gedeeld-laat-shared = Er is niets gedeeld: laat shared_at weg.
dossier-geef-client-informed-client = Geef client_informed óf client_not_informed_reason, niet allebei.

## extract
extract-stuur-invoer-als-json = Stuur de invoer als JSON, met de kop ‘Content-Type: application/json’.
extract-invoer-kon-niet-worden = De invoer kon niet worden gelezen.
extract-invoer-niet-eenduidig = De invoer is niet eenduidig: { $m }.
extract-adres-bestaat-niet-onderdeel = Dit adres bestaat niet: een onderdeel van het pad is ongeldig.
extract-zoekparameters-kloppen-niet = De zoekparameters kloppen niet: { $detail }.
extract-zoekparameters-kloppen-niet-2 = De zoekparameters kloppen niet.

## api
api-adres-bestaat-niet-in = Dit adres bestaat niet in de API. Zie /api/openapi.json.
api-geen-geldige-datum-schrijf = { $what } is geen geldige datum; schrijf JJJJ-MM-DD.
api-te-lang-hoogstens-tekens = { $what } is te lang (hoogstens { $max } tekens).
api-no-record-text = Bij deze dossierregel hoort geen tekst voor het eigen dossier: het is geen beraad of besluit, of de inhoud is gewist.
api-bevat-tekens-niet-zijn = { $what } bevat tekens die niet zijn toegestaan.
api-vul-in = Vul { $what } in.
api-bij = Bij ‘{ $k }’: { $message }

## api-meldcode
api-meldcode-no-trajectory = Voor deze cliënt is geen meldcodetraject vastgelegd.
api-meldcode-days-out-of-range = Kies voor ‘dagen’ een aantal van 1 tot en met { $max }.

## session
session-vul-inlognaam-wachtwoord-in = Vul de inlognaam en het wachtwoord in.
session-inlognaam-wachtwoord-code-te = De inlognaam, het wachtwoord of de code is te lang.

## verification
verification-bundel-kon-niet-worden = De bundel kon niet worden gelezen.
verification-bundel-geen-utf-8 = De bundel is geen UTF-8-tekst.
verification-geen-geldig-id = { $what } is geen geldig id.
verification-limiet-ligt-tussen-1 = De limiet ligt tussen 1 en { $MAX_PAGE }.
verification-geen-datum-jjjj-mm = { $what } is geen datum (JJJJ-MM-DD).
verification-ligt-te-ver-weg = { $what } ligt te ver weg.
verification-ligt-buiten-bereik = { $what } ligt buiten het bereik.

## audit
audit-professional-bestaat-niet = Deze professional bestaat niet.
audit-beraad-gaat-over-andere = het beraad gaat over een andere cliënt
audit-client-bestaat-niet-heeft = Deze cliënt bestaat niet, of u heeft er geen toegang toe.

## auth
auth-wachtwoord-heeft-minstens-12 = Een wachtwoord heeft minstens 12 tekens.
auth-wachtwoord-heeft-hoogstens-256 = Een wachtwoord heeft hoogstens 256 tekens.
auth-inlognaam-wachtwoord-klopt-niet = Inlognaam of wachtwoord klopt niet, of het account is geblokkeerd.
auth-code-klopt-niet-al = De code klopt niet, is al gebruikt of is verlopen.

## draft
draft-beraad-bestaat-niet-meer = Dit beraad staat niet (meer) bij uw onafgemaakte beraden. Is het vastgelegd, dan vindt u het in het dossier van de cliënt; een beraad dat niet is vastgelegd wordt na 7 dagen opgeruimd.

## error
error-niet-gevonden-heeft-geen = Niet gevonden, of u heeft er geen toegang toe.
error-pagina-bestaat-niet = Deze pagina bestaat niet.
error-verzoek-kon-niet-worden = Het verzoek kon niet worden gelezen.

## account
account-tweede-factor-staat-niet = De tweede factor staat niet aan.
account-voor-account-tweede-factor = Voor uw account is de tweede factor verplicht; uitzetten kan niet.

## admin
admin-inlognaam-bestaat-uit-letters = Een inlognaam bestaat uit letters, cijfers en . _ - @.
admin-kies-rol = Kies een rol.
admin-inlognaam-al-in-gebruik = De inlognaam ‘{ $login }’ is al in gebruik.
admin-kunt-eigen-account-niet = U kunt uw eigen account niet blokkeren.
admin-professional-heeft-geen-inlog = Deze professional heeft geen inlog.
admin-professional-client-horen-niet = Deze professional en cliënt horen niet allebei bij uw organisatie.
admin-account-nog-niet-in = Dit account is nog niet in gebruik genomen: { $name } heeft nog niet ingelogd met een eigen wachtwoord. Een behandelrelatie kan pas worden vastgelegd nadat { $name } voor het eerst heeft ingelogd en een eigen wachtwoord heeft gekozen.
admin-eigen-tweede-factor-beheert = Uw eigen tweede factor beheert u via uw account.

## clients
clients-te-lang-hoogstens-tekens = { $what } is te lang (hoogstens { $max } tekens).
clients-bevat-tekens-niet-zijn = { $what } bevat tekens die niet zijn toegestaan.
clients-geboortedatum-geen-geldige-datum = De geboortedatum is geen geldige datum; schrijf dd-mm-jjjj, bijvoorbeeld 19-07-1984.

## consent
consent-geen-geldige-datum-jjjj = { $what } is geen geldige datum (JJJJ-MM-DD).
consent-kies-in-welke-hoedanigheid = Kies in welke hoedanigheid de toestemming is gegeven.
consent-kies-hoe-toestemming-gegeven = Kies hoe de toestemming is gegeven (mondeling, schriftelijk of digitaal).

## decision
decision-beraad-bestaat-niet-in = Dit beraad bestaat niet in dit dossier.
decision-schrijf-op-wat-heeft = Schrijf op wat u heeft gedeeld en met wie.

## deliberation
deliberation-datum-recht-geen-geldige = De datum van het recht is geen geldige datum (JJJJ-MM-DD).
deliberation-kies-over-welke-client = Kies over welke cliënt het beraad gaat, of ‘zonder cliënt’.
deliberation-vraag-bestaat-niet = Deze vraag bestaat niet.
deliberation-onbekende-vraag-in-formulier = Onbekende vraag in het formulier.
deliberation-afweging-bestaat-niet = Deze afweging bestaat niet.

## dossier
dossier-geef-reden-minstens-10 = Geef een reden van minstens 10 tekens: de privacyfunctionaris beoordeelt die achteraf.
dossier-dossierregel-bestaat-niet = Deze dossierregel bestaat niet.

## pages
pages-formulier-kon-niet-worden = Het formulier kon niet worden gelezen.
pages-formulier-heeft-te-veel = Het formulier heeft te veel velden (hoogstens { $MAX_FIELDS }).
pages-veld-formulier-te-lang = Een veld van het formulier is te lang (hoogstens { $MAX_VALUE_CHARS } tekens).
pages-te-lang-hoogstens-tekens = { $what } is te lang (hoogstens { $max } tekens).
pages-bevat-tekens-niet-zijn = { $what } bevat tekens die niet zijn toegestaan.
pages-vul-in = Vul { $what } in.
pages-kies-ja-nee-bij = Kies ja of nee bij { $what }.

## privacy
privacy-meerdere-clienten-passen-bij = Meerdere cliënten passen bij deze naam; kies er één op de pagina van het toegangslog.

## second-factor
second-factor-wacht-geen-tweede-factor = Er wacht geen tweede factor op bevestiging; begin opnieuw.

## error codes of the API and the error pages (error-<code>)
error-niet-ingelogd = U bent niet (meer) ingelogd.
error-tweede-factor-nodig = Vul de code uit uw authenticator-app in (of een herstelcode) om het inloggen af te maken.
error-tweede-factor-instellen = Uw account heeft een tweede factor nodig. Stel die eerst in via de website (Account → Tweede factor).
error-eigen-wachtwoord-nodig = Kies eerst een eigen wachtwoord in plaats van het wachtwoord dat u van de beheerder kreeg. Dat doet u op de website (Account → Wachtwoord).
error-al-ingelogd = U bent al ingelogd.
error-geen-zorgrelatie = U heeft geen behandelrelatie met deze cliënt. Alleen in een noodsituatie kunt u toegang nemen, met een reden; dat wordt vastgelegd en achteraf beoordeeld.
error-te-veel-pogingen = Te veel pogingen. Wacht een minuut en probeer het opnieuw.
error-methode-niet-toegestaan = Dit kan niet op dit adres: de methode van het verzoek (GET, POST, …) past er niet bij.
error-te-groot = Wat u stuurde is te groot om te verwerken.
error-te-lang-gewacht = Het verzoek duurde te lang. Probeer het opnieuw.
error-interne-fout = Er ging iets mis aan onze kant. Er is niets verloren gegaan van wat al was vastgelegd; probeer het opnieuw of neem contact op met uw beheerder.
error-verzoek-geweigerd-andere-site = Dit verzoek is geweigerd. Kwam het formulier van een andere site? Open de pagina opnieuw via Grondslag.
error-client-informed-how-or-why = Zeg wanneer en hoe de cliënt is geïnformeerd (client_informed), of waarom niet (client_not_informed_reason).

## refusals to record a deliberation
refusal-no-client = Een beraad zonder cliënt kan niet in een dossier worden vastgelegd. Start een beraad vanuit de cliënt.
refusal-changed = Niet vastgelegd: de antwoorden van dit beraad zijn gewijzigd nadat deze pagina werd getoond (bijvoorbeeld in een ander tabblad). Bekijk het huidige antwoord en leg dat vast als het klopt.
refusal-consent-changed = Niet vastgelegd: de toestemming van de cliënt is gewijzigd (geregistreerd of ingetrokken) nadat deze pagina werd getoond. Het antwoord kan daardoor anders zijn; bekijk het huidige antwoord.
refusal-undetermined = Niet vastgelegd: het antwoord staat nog niet vast. Beantwoord eerst de vragen die nog open zijn.
refusal-already-decided = Het besluit bij dit beraad is al vastgelegd. Een nieuw besluit hoort bij een nieuw beraad.

## decision page
decision-consent-lapsed = Let op: de toestemming waarop dit antwoord steunde (dossierregel { $consent }) is ingetrokken met ingang van { $on }. Het antwoord van dit beraad gold toen het werd vastgelegd; deel nu niet meer op grond van die toestemming. Doe een nieuw beraad als u nog wilt delen.

## account and clients pages
account-current-password-wrong = Uw huidige wachtwoord klopt niet.
account-new-passwords-differ = De twee nieuwe wachtwoorden zijn niet gelijk.
account-choose-other-than-given = Kies een ander wachtwoord dan het wachtwoord dat u van de beheerder kreeg.
account-same-as-current = Het nieuwe wachtwoord is hetzelfde als uw huidige. Kies een ander wachtwoord.
clients-fill-in-name-reference = Vul de naam en de referentie (bijvoorbeeld het cliëntnummer) in.
clients-reference-exists = Er is al een cliënt met deze referentie. Zoek de cliënt op via ‘Mijn cliënten’.

## the server's bundle check
bundle-broken = De bundel klopt niet: { $e }
bundle-unknown-key = De bundel is niet ondertekend met de sleutel van deze organisatie. Hij is dus niet door deze organisatie gemaakt, of er is mee geknoeid.
bundle-truncated = De bundel is ingekort: toen hij werd ondertekend had het dossier { $at_checkpoint } regels, maar de bundel bevat er { $in_bundle }.
bundle-mismatch = De bundel past niet bij het dossierlogboek van deze organisatie: { $why }
bundle-mismatch-other-log = het ondertekende logboek verschilt van het opgeslagen logboek
bundle-mismatch-unknown-dossier = het dossier is niet bekend

## backups
backup-weak-passphrase = het wachtwoord is te kort: gebruik minstens { $min } tekens (de backup bevat ook de sleutels)
backup-cannot-decrypt = dit is geen Grondslag-backup, het bestand is beschadigd, of het wachtwoord klopt niet
backup-corrupt = de backup is beschadigd: { $why }
backup-unsafe-path = de backup bevat een pad dat niet in een gegevensmap hoort: { $path }
backup-not-empty = { $dir } bevat al gegevens; herstel alleen in een lege of nieuwe map
backup-io = { $path }: { $error }
backup-encrypt-failed = versleutelen mislukt: { $why }

## the store's refusals, as the user reads them
error-store-conflict = Dit kon niet worden opgeslagen: het bestaat al, of het is intussen door iemand anders gewijzigd. Laad de pagina opnieuw en probeer het nog eens.
error-store-invalid = Dit kon niet worden opgeslagen: de gegevens passen niet bij wat er al is vastgelegd.
