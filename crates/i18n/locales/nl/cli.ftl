# Grondslag — Nederlands. Ids: <area>-<words>; an area is the page or module that uses them.

## cli-vraag
cli-vraag-that-input-is-too-long = Die invoer is te lang; het gesprek stopt.
cli-vraag-there-are-no-answers-to = Er zijn nog geen antwoorden om te wijzigen.
cli-vraag-which-answer-do-you-want = Welk antwoord wilt u wijzigen?
cli-vraag-number-empty-back = Nummer (leeg = terug):
cli-vraag-why-i-ask-this = Waarom ik dit vraag:
cli-vraag-who-can-answer-this = Wie kan dit beantwoorden:
cli-vraag-you-yourself = u zelf
cli-vraag-the-client-ask-him = de cliënt (vraag het hem)
cli-vraag-the-requester-check-with-him = de vrager (vraag het na)
cli-vraag-type-part-of-the-role = Typ (een deel van) de rol, bijvoorbeeld 'huisarts', of 'lijst' voor alle rollen.
cli-vraag-type-waarom-for-the-reason = (typ 'waarom' voor de reden, 'terug' voor de vorige vraag, 'wijzig' om een antwoord te veranderen, 'stop' om te stoppen)
cli-vraag-yes-no = {"["}ja/nee]>
cli-vraag-this-is-the-first-question = Dit is de eerste vraag.
cli-vraag-i-dont-understand = Dat begrijp ik niet:
cli-vraag-your-judgment-yes-no = Uw oordeel [ja/nee]:
cli-vraag-answer-yes-or-no-this = Antwoord met ja of nee; dit oordeel is aan u.
cli-vraag-your-reasons-in-your-own = Uw redenen, in uw eigen woorden:
cli-vraag-write-briefly-why-it-belongs = Schrijf kort op waarom; dat hoort in het dossier.
cli-vraag-grondslag-may-i-share-this = Grondslag — mag ik dit delen? Ik stel alleen de vragen die het antwoord nog kunnen veranderen.
cli-vraag-this-answer-needs-your-own = Dit antwoord vraagt uw eigen afweging:
cli-vraag-record-it-now = Wilt u die nu vastleggen?
cli-vraag-type-wijzig-to-change-an = Typ 'wijzig' om een antwoord te veranderen, of Enter om af te sluiten:
cli-vraag-stopped-before-the-answer-was = {"\u000A"}Gestopt voordat het antwoord vaststond.

## cli-render (more)
cli-render-still-open = Nog open
cli-render-layer-1-professional-secrecy = Laag 1 — beroepsgeheim
cli-render-your-confidentiality = Uw geheimhouding
cli-render-no-ground-found-to-share = Geen grond gevonden om te delen.
cli-render-layer-2-gdpr = Laag 2 — AVG
cli-render-no-gdpr-basis-without-a = Geen AVG-grondslag: zonder grond in laag 1 is er ook hier geen.
cli-render-conditions = Voorwaarden
cli-render-your-weighing-still-to-be = Uw afweging, nog vast te leggen
cli-render-your-own-weighing = Uw eigen afweging
cli-render-your-judgment = uw oordeel
cli-render-your-reasons = uw redenen
cli-render-what-would-change-the-answer = Wat zou het antwoord veranderen
cli-render-note = Let op
cli-render-uncertain = (onzeker){" "}
cli-render-record-in-the-dossier = Leg vast in het dossier
cli-render-revised-answers = Gewijzigde antwoorden
cli-render-your-answers = Uw antwoorden
cli-render-sources = Bronnen
cli-render-rule-set = Regelset
cli-render-law-as-of = recht van
cli-dossier-consent-from-the-dossier = Toestemming uit het dossier
cli-render-not-answered = niet beantwoord
