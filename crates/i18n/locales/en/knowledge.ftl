# Grondslag — English: the kennisbank (pages, links from answers and questions).

knowledge-title = Knowledge base
knowledge-nav = Knowledge
knowledge-lead = Plain-language explanations of professional secrecy (beroepsgeheim), the GDPR (AVG) and the laws behind Grondslag's answers. Every article names its sources.
knowledge-search-label = Search the knowledge base
knowledge-search-hint = For example: WhatsApp, Raad voor de Kinderbescherming, deceased, case conference.
knowledge-search-button = Search
knowledge-results = { $n ->
    [0] No articles found.
    [one] 1 article found.
   *[other] { $n } articles found.
}
knowledge-no-results-hint = Try another word or look at all articles.
knowledge-all-articles = All articles
knowledge-show-all = Show all articles
knowledge-unavailable = The knowledge base is not available on this server: its articles do not fit the loaded rules. Tell the administrator.
knowledge-no-such-article = This article does not exist (any more) in the knowledge base.
knowledge-sources = Sources
knowledge-in-the-rules = Where Grondslag uses this
knowledge-in-the-rules-lead = This article explains these parts of the rules. You meet them in the answers and questions of a deliberation.
knowledge-see-also = See also
knowledge-valid-from = This article describes the law from { $date }.
knowledge-valid-to = This article describes the law until { $date }.
knowledge-not-in-force = Note: this article does not describe the law in force today.
knowledge-not-legal-advice = This article explains; it does not decide. The answer in your situation follows from a deliberation, and the weighing stays yours.
knowledge-back-to-search = Back to the knowledge base
knowledge-explanation = Explanation
knowledge-more-in-the-kennisbank = More in the knowledge base
knowledge-read-more = Read more in the knowledge base:
knowledge-kind-ground = Ground
knowledge-kind-route = Route
knowledge-kind-condition = Condition
knowledge-kind-notice = Note
knowledge-kind-judgment = Weighing
knowledge-kind-fact = Question
knowledge-kind-role = Role
knowledge-worked-examples = Worked examples
knowledge-worked-examples-lead = Example situations from disciplinary rulings, guidelines and practice, with Grondslag's answer beside the source's; open one as a new deliberation.
knowledge-examples = Worked examples
knowledge-examples-lead = Worked examples whose answer this article explains.
knowledge-examples-all = All { $n } examples for this article
knowledge-examples-search-all = All { $n } examples with these words
