# Grondslag — Nederlands: de kennisbank (pagina's, links vanuit antwoorden en vragen).

knowledge-title = Kennisbank
knowledge-nav = Kennisbank
knowledge-lead = Uitleg in gewone taal over het beroepsgeheim, de AVG en de wetten achter de antwoorden van Grondslag. Elk artikel noemt zijn bronnen.
knowledge-search-label = Zoek in de kennisbank
knowledge-search-hint = Bijvoorbeeld: WhatsApp, Raad voor de Kinderbescherming, overleden, casusoverleg.
knowledge-search-button = Zoeken
knowledge-results = { $n ->
    [0] Geen artikelen gevonden.
    [one] 1 artikel gevonden.
   *[other] { $n } artikelen gevonden.
}
knowledge-no-results-hint = Probeer een ander woord of bekijk alle artikelen.
knowledge-all-articles = Alle artikelen
knowledge-show-all = Alle artikelen tonen
knowledge-unavailable = De kennisbank is op deze server niet beschikbaar: de artikelen passen niet bij de geladen regels. Meld dit aan de beheerder.
knowledge-no-such-article = Dit artikel bestaat niet (meer) in de kennisbank.
knowledge-sources = Bronnen
knowledge-in-the-rules = Waar Grondslag dit gebruikt
knowledge-in-the-rules-lead = Dit artikel licht deze onderdelen van de regels toe. U ziet ze terug in de antwoorden en vragen van een beraad.
knowledge-see-also = Zie ook
knowledge-valid-from = Dit artikel beschrijft het recht vanaf { $date }.
knowledge-valid-to = Dit artikel beschrijft het recht tot { $date }.
knowledge-not-in-force = Let op: dit artikel beschrijft niet het recht dat vandaag geldt.
knowledge-not-legal-advice = Dit artikel legt uit; het beslist niet. Het antwoord in uw situatie volgt uit een beraad, en de afweging blijft van u.
knowledge-back-to-search = Terug naar de kennisbank
knowledge-explanation = Uitleg
knowledge-more-in-the-kennisbank = Meer weten in de kennisbank
knowledge-read-more = Lees meer in de kennisbank:
knowledge-kind-ground = Grond
knowledge-kind-route = Route
knowledge-kind-condition = Voorwaarde
knowledge-kind-notice = Let op
knowledge-kind-judgment = Afweging
knowledge-kind-fact = Vraag
knowledge-kind-role = Rol
knowledge-worked-examples = Uitgewerkte voorbeelden
knowledge-worked-examples-lead = Voorbeeldsituaties uit tuchtrecht, richtlijnen en de praktijk, met het antwoord van Grondslag naast dat van de bron; open er een als nieuw beraad.
knowledge-examples = Voorbeelden
knowledge-examples-lead = Uitgewerkte voorbeelden waarvan het antwoord in dit artikel wordt uitgelegd.
knowledge-examples-all = Alle { $n } voorbeelden bij dit artikel
knowledge-examples-search-all = Alle { $n } voorbeelden met deze woorden
