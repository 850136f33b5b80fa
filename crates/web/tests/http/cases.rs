//! The case library (`/voorbeelden`): every golden scenario listed, filters and search narrow
//! it, a worked example shows the engine's answer beside the authority's with its source, and a
//! professional opens one as a new deliberation pre-filled with its facts.

use super::*;

use grondslag_cases::{Filter, Library};

/// How many cases a list page shows (each is one card).
fn shown(body: &str) -> usize {
    body.matches("<li class=\"card\">").count()
}

fn library() -> (grondslag_rules::RuleSet, Library) {
    let rules = grondslag_rules::load_embedded().unwrap();
    let lib = Library::embedded(&rules);
    (rules, lib)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_library_lists_every_embedded_scenario_for_every_signed_in_user() {
    let t = setup().await;
    let (_, lib) = library();
    assert!(lib.len() >= 230, "{} cases", lib.len());
    assert_eq!(t.web.cases().len(), lib.len());
    for login in ["huisarts", "aandacht", "privacy", "beheer"] {
        let token = t.token(login).await;
        let r = t.send("GET", "/voorbeelden", Some(&token), None).await;
        assert_eq!(r.status, StatusCode::OK, "{login}");
        assert_eq!(shown(&r.body), lib.len(), "{login}");
        assert!(r.body.contains(&format!("{n} van {n} voorbeelden", n = lib.len())), "{login}");
        assert!(
            r.body.contains("<a href=\"/kennisbank\" aria-current=\"page\">Kennisbank</a>"),
            "{login}: under the kennisbank in the main menu"
        );
    }
    // Not without signing in.
    let r = t.send("GET", "/voorbeelden", None, None).await;
    assert_ne!(r.status, StatusCode::OK);
    assert!(!r.body.contains("voorbeelden</h2>"));
    // Nothing about a client is logged: the library is no dossier.
    let huisarts = t.a.users["huisarts"].clone();
    let token = t.token("huisarts").await;
    let before = t.events_of(&t.a.id, &huisarts).await.len();
    t.send("GET", "/voorbeelden", Some(&token), None).await;
    t.send("GET", "/voorbeelden/huisarts-verwijst-naar-cardioloog", Some(&token), None).await;
    assert_eq!(t.events_of(&t.a.id, &huisarts).await.len(), before, "reading examples writes no access event");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filters_narrow_and_search_finds_a_scenario_by_a_word_of_its_title() {
    let t = setup().await;
    let token = t.token("huisarts").await;
    let (rules, lib) = library();

    let r = t.send("GET", "/voorbeelden?ontvanger=veilig_thuis", Some(&token), None).await;
    assert_eq!(r.status, StatusCode::OK);
    let to_vt = lib.select(&rules, &Filter { recipient_role: Some("veilig_thuis".into()), ..Filter::default() });
    assert!(!to_vt.is_empty() && to_vt.len() < lib.len());
    assert_eq!(shown(&r.body), to_vt.len());
    assert!(r.body.contains("<option value=\"veilig_thuis\" selected>"), "the chosen filter stays chosen");
    for c in &to_vt {
        assert!(r.body.contains(&format!("href=\"/voorbeelden/{}\"", c.id())));
    }
    // Filters combine, and every filter is labelled.
    let r2 =
        t.send("GET", "/voorbeelden?ontvanger=veilig_thuis&leeftijd=0-11&doel=child_abuse_or_domestic_violence", Some(&token), None).await;
    assert!(shown(&r2.body) <= shown(&r.body));
    for (id, label) in [
        ("zoek-q", "Zoeken in titel en situatie"),
        ("filter-afzender", "Wie deelt"),
        ("filter-ontvanger", "Met wie"),
        ("filter-doel", "Doel"),
        ("filter-leeftijd", "Leeftijd van de cliënt"),
    ] {
        assert!(r2.body.contains(&format!("<label for=\"{id}\">{label}</label>")), "{id}");
    }
    // Labels, not keys: the options are the rule set's words.
    assert!(r.body.contains(">Veilig Thuis</option>") && !r.body.contains(">veilig_thuis<"));

    // Search: a word of a title, in capitals; nothing for a word in no case.
    let case = lib.get("huisarts-verwijst-naar-cardioloog").unwrap();
    let r = t.send("GET", "/voorbeelden?q=CARDIOLOOG", Some(&token), None).await;
    assert!(r.body.contains(&format!("href=\"/voorbeelden/{}\"", case.id())));
    assert!(shown(&r.body) < lib.len());
    let r = t.send("GET", "/voorbeelden?q=zzzgeenwoord", Some(&token), None).await;
    assert_eq!(shown(&r.body), 0);
    assert!(r.body.contains("Geen voorbeeld past bij deze zoektekst en filters."));
    let r = t.send("GET", &format!("/voorbeelden?q={}", "a".repeat(201)), Some(&token), None).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_worked_example_shows_the_engines_answer_and_the_authoritys_source() {
    let t = setup().await;
    let token = t.token("huisarts").await;
    let r = t.send("GET", "/voorbeelden/huisarts-verwijst-naar-cardioloog", Some(&token), None).await;
    assert_eq!(r.status, StatusCode::OK);
    let body = &r.body;
    assert!(body.contains("<h1 lang=\"nl\">Huisarts stuurt een verwijsbrief naar de cardioloog</h1>"));
    // The authority's source, linked.
    assert!(body.contains(
        "href=\"https://www.lhv.nl/uw-beroep/medisch-beroepsgeheim-privacy/gegevensuitwisseling-meest-voorkomende-gevallen/verwijzing\""
    ));
    // The engine's outcome (may share, on presumed consent) beside the expected one, and agreement.
    assert_eq!(body.matches("<p class=\"outcome may_share\">U mag delen</p>").count(), 2, "Grondslag's and the source's");
    assert!(body.contains("Grondslag geeft hetzelfde antwoord als de bron."));
    assert!(body.contains("Laag 1 — beroepsgeheim") && body.contains("Laag 2 — AVG"));
    // Facts in words, never keys, file names or maintainers' notes.
    let text = dutch_text(body);
    assert!(text.contains("Medisch specialist"), "{text}");
    for internal in ["recipient_role", "medisch_specialist", ".yaml", "vendor/", "scenarios/", "presumed_consent"] {
        assert!(!text.contains(internal), "«{internal}» in: {text}");
    }
    let rules = grondslag_rules::load_embedded().unwrap();
    for s in rules.sources.iter() {
        if let Some(note) = &s.note {
            assert!(!body.contains(note.as_str()), "a maintainers' note is shown: {note}");
        }
    }
    // A professional may open it; a privacy officer sees the example but not the button.
    assert!(body.contains("action=\"/voorbeelden/huisarts-verwijst-naar-cardioloog/beraad\""));
    let privacy = t.token("privacy").await;
    let r = t.send("GET", "/voorbeelden/huisarts-verwijst-naar-cardioloog", Some(&privacy), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(!r.body.contains("/beraad\""));
    let r = t.send("POST", "/voorbeelden/huisarts-verwijst-naar-cardioloog/beraad", Some(&privacy), Some("")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    // In English, the page's own words are English; the example stays Dutch and says so.
    let r = t.get_in("/voorbeelden/huisarts-verwijst-naar-cardioloog", Some(&token), "en").await;
    assert!(r.body.contains("Grondslag gives the same answer as the source.") && r.body.contains("lang=\"nl\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_example_is_a_dutch_not_found_page() {
    let t = setup().await;
    let token = t.token("huisarts").await;
    for path in ["/voorbeelden/bestaat-niet", "/voorbeelden/%2e%2e", "/voorbeelden/bestaat-niet/beraad"] {
        let method = if path.ends_with("/beraad") { "POST" } else { "GET" };
        let r = t.send(method, path, Some(&token), Some("")).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        assert!(r.body.contains("Dit voorbeeld bestaat niet."), "{path}: {}", r.body);
        assert!(r.body.contains("aria-label=\"Hoofdmenu\""), "{path}: the error page has the menu");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_example_opens_as_a_new_deliberation_with_its_facts_and_weighing() {
    let t = setup().await;
    let token = t.token("huisarts").await;
    let id = "hiv-positieve-patient-waarschuwt-partner-niet-na-afweging";
    let r = t.send("POST", &format!("/voorbeelden/{id}/beraad"), Some(&token), Some("")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let to = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    let draft = to.trim_start_matches("/beraad/").split('?').next().unwrap().to_owned();
    let d = draft_of(&t, &t.a.id, &draft).await;
    assert_eq!(d["client"], serde_json::Value::Null, "a deliberation without a client");
    assert_eq!(d["from_example"]["id"], id);
    let answers: HashMap<String, serde_json::Value> =
        d["answers"].as_array().unwrap().iter().map(|a| (a["fact"].as_str().unwrap().to_owned(), a["value"].clone())).collect();
    assert_eq!(answers["sender_role"], "huisarts", "the example's sender, not the user's profession");
    assert_eq!(answers["recipient_role"], "partner");
    assert_eq!(answers["client_age"], "adult");
    assert_eq!(answers["data_categories"], serde_json::json!(["health"]));
    let prefilled: Vec<&str> = d["prefilled"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert!(answers.keys().all(|k| prefilled.contains(&k.as_str())), "every answer is marked as the example's");
    assert_eq!(d["history"], serde_json::json!([]), "'vorige vraag' does not undo the example");
    // The example's weighing, with a reason saying where it comes from.
    let weighing = d["judgments"]["conflict_of_duties"].as_array().unwrap();
    assert_eq!(weighing.len(), 6);
    assert!(weighing.iter().all(|c| c["answer"] == true && c["reasons"].as_str().unwrap().contains("Overgenomen uit het voorbeeld")));

    // The page: the answer (as the example's), marked as coming from it, every answer changeable.
    let r = t.send("GET", &to, Some(&token), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body.contains("Uit voorbeeld: <a href=\"/voorbeelden/hiv-positieve-patient-waarschuwt-partner-niet-na-afweging\" lang=\"nl\">")
    );
    assert!(r.body.contains("<p class=\"outcome may_share\">U mag delen</p>"), "the example's answer: {}", dutch_text(&r.body));
    assert!(r.body.contains("Ontvanger: Partner (ook ex-partner)"), "the pre-filled answer in words");
    assert!(r.body.matches("uit het voorbeeld</span>").count() >= 10);
    assert!(r.body.contains(&format!("href=\"/beraad/{draft}?wijzig=recipient_role\"")));
    // Changing an answer works as in any deliberation.
    let r = t
        .send("POST", &format!("/beraad/{draft}/antwoord"), Some(&token), Some("vraag=recipient_role&antwoord=familielid&wijzigen=1"))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let d = draft_of(&t, &t.a.id, &draft).await;
    assert!(d["answers"].as_array().unwrap().iter().any(|a| a["fact"] == "recipient_role" && a["value"] == "familielid"));
    assert_eq!(d["revisions"].as_array().unwrap().len(), 1);

    // An example whose facts leave defaults to the format: those the questions reach are filled.
    let r = t.send("POST", "/voorbeelden/huisarts-verwijst-naar-cardioloog/beraad", Some(&token), Some("")).await;
    let to = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    let r = t.send("GET", &to, Some(&token), None).await;
    assert!(r.body.contains("<p class=\"outcome may_share\">U mag delen</p>"), "{}", dutch_text(&r.body));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn articles_and_worked_examples_link_to_each_other() {
    let t = setup().await;
    let token = t.token("wijkteam").await;

    // The article on casusoverleg and convenanten lists the worked examples it explains, among
    // them the jeugdhulpverlener asked to discuss a family in a wijkteam overleg.
    let article = "samenwerking-casusoverleg-en-convenanten";
    let examples = t.web.examples_for_article(article);
    let ids: Vec<&str> = examples.iter().map(|c| c.id()).collect();
    assert!(ids.contains(&"jeugdhulpverlener-casusoverleg-wijkteam-gezin-zonder-toestemming"), "{ids:?}");
    let r = t.send("GET", &format!("/kennisbank/{article}"), Some(&token), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("<h2 id=\"kb-voorbeelden\">Voorbeelden</h2>"), "{}", r.body);
    // The example the article's maintainers chose first is shown first.
    let first = r.body.split("<li lang=\"nl\"><a href=\"/voorbeelden/").nth(1).unwrap_or("");
    assert!(first.starts_with("jeugdhulpverlener-casusoverleg-wijkteam-gezin-zonder-toestemming\""), "{first}");
    let listed = r.body.matches("<li lang=\"nl\"><a href=\"/voorbeelden/").count();
    assert_eq!(listed, ids.len().min(6));
    if ids.len() > 6 {
        assert!(r.body.contains(&format!("<a href=\"/voorbeelden?artikel={article}\">Alle {} voorbeelden bij dit artikel</a>", ids.len())));
    }
    // Signed out, the article is readable but lists no examples (the library needs an account).
    let r = t.send("GET", &format!("/kennisbank/{article}"), None, None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(!r.body.contains("kb-voorbeelden") && !r.body.contains("/voorbeelden/"));

    // "Alle voorbeelden bij dit artikel": the list filtered to exactly those, naming the article,
    // and the search form keeps the filter.
    let r = t.send("GET", &format!("/voorbeelden?artikel={article}"), Some(&token), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(shown(&r.body), ids.len());
    for id in &ids {
        assert!(r.body.contains(&format!("href=\"/voorbeelden/{id}\"")), "{id}");
    }
    assert!(r.body.contains(
        "Alleen de voorbeelden die worden uitgelegd in het artikel: <a href=\"/kennisbank/samenwerking-casusoverleg-en-convenanten\">"
    ));
    assert!(r.body.contains(&format!("<input type=\"hidden\" name=\"artikel\" value=\"{article}\">")));
    // An unknown article matches nothing, like any other filter value.
    let r = t.send("GET", "/voorbeelden?artikel=bestaat-niet", Some(&token), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(shown(&r.body), 0);

    // A worked example points beyond its answer: to what explains its recipient (here the
    // article on police and justice for an informal police request).
    let r = t.send("GET", "/voorbeelden/wijkagent-vraagt-jeugdhulpverlener-waar-jongere-verblijft", Some(&token), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("<a href=\"/kennisbank/politie-en-justitie\">"), "police article linked");
    assert!(r.body.contains("<a href=\"/kennisbank/jeugdhulp-en-jeugdwet\">"), "youth care article linked");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kennisbank_search_also_finds_worked_examples_for_a_signed_in_reader() {
    let t = setup().await;
    let token = t.token("wijkteam").await;
    let r = t.send("GET", "/kennisbank?q=casusoverleg", Some(&token), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("<h2 id=\"kb-zoek-voorbeelden\">Uitgewerkte voorbeelden</h2>"), "{}", r.body);
    assert!(r.body.contains("href=\"/voorbeelden/jeugdhulpverlener-casusoverleg-wijkteam-gezin-zonder-toestemming\""));
    // Signed out: the articles only.
    let r = t.send("GET", "/kennisbank?q=casusoverleg", None, None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(!r.body.contains("kb-zoek-voorbeelden") && !r.body.contains("/voorbeelden/"));
    // Words no example has: no section.
    let r = t.send("GET", "/kennisbank?q=whatsapp", Some(&token), None).await;
    assert!(!r.body.contains("kb-zoek-voorbeelden"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deliberation_from_an_example_is_linked_to_an_own_client_and_then_recorded() {
    let t = setup().await;
    let token = t.token("huisarts").await;
    let noor = t.a.clients["Noor Bakker"].clone();
    let lotte = t.a.clients["Lotte de Boer"].clone(); // no care relation with the huisarts
    let bo = t.b.clients["Bo Ander"].clone(); // another organisation
    let r = t.send("POST", "/voorbeelden/huisarts-verwijst-naar-cardioloog/beraad", Some(&token), Some("")).await;
    let to = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    let draft = to.trim_start_matches("/beraad/").split('?').next().unwrap().to_owned();
    // The answer without a client offers to link it; the page lists only her own clients.
    let r = t.send("GET", &to, Some(&token), None).await;
    assert!(r.body.contains(&format!("href=\"/beraad/{draft}/client\"")), "{}", dutch_text(&r.body));
    let r = t.send("GET", &format!("/beraad/{draft}/client"), Some(&token), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains(&format!("value=\"{noor}\"")) && !r.body.contains(&format!("value=\"{lotte}\"")));
    // Another professional cannot reach the draft at all.
    let other = t.token("wijkteam").await;
    let r = t.send("GET", &format!("/beraad/{draft}/client"), Some(&other), None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = t.send("POST", &format!("/beraad/{draft}/client"), Some(&other), Some(&format!("client={noor}"))).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // A client without a care relation, or of another organisation, is refused; nothing changes.
    for refused in [&lotte, &bo] {
        let r = t.send("POST", &format!("/beraad/{draft}/client"), Some(&token), Some(&format!("client={refused}"))).await;
        assert!(r.status == StatusCode::FORBIDDEN || r.status == StatusCode::NOT_FOUND, "{}", r.status);
        assert_eq!(draft_of(&t, &t.a.id, &draft).await["client"], serde_json::Value::Null);
    }
    let r = t.send("POST", &format!("/beraad/{draft}/client"), Some(&token), Some("client=")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Her own client: linked, the example's answers kept, the opening logged.
    let huisarts = t.a.users["huisarts"].clone();
    let before = t.events_of(&t.a.id, &huisarts).await.len();
    let r = t.send("POST", &format!("/beraad/{draft}/client"), Some(&token), Some(&format!("client={noor}"))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.headers[header::LOCATION], format!("/beraad/{draft}").as_str());
    let d = draft_of(&t, &t.a.id, &draft).await;
    assert_eq!(d["client"], noor.to_string());
    assert_eq!(d["from_example"]["id"], "huisarts-verwijst-naar-cardioloog");
    // The example's typed consent gives way to Noor's registry, and the revisions say so.
    assert!(!d["answers"].as_array().unwrap().iter().any(|a| a["fact"] == "consent"), "{}", d["answers"]);
    assert!(d["revisions"].as_array().unwrap().iter().any(|r| r.as_str().unwrap().contains("uit het toestemmingsregister")));
    assert!(t.events_of(&t.a.id, &huisarts).await.len() > before, "opening the client is logged");
    // Linking twice is refused.
    let r = t.send("POST", &format!("/beraad/{draft}/client"), Some(&token), Some(&format!("client={noor}"))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    // The answer can now be recorded in Noor's dossier.
    let r = t.send("GET", &to, Some(&token), None).await;
    assert!(r.body.contains(&format!("action=\"/beraad/{draft}/vastleggen\"")), "{}", dutch_text(&r.body));
}

/// The wijkteam casusoverleg of the golden scenarios (scenarios/samenwerking): a
/// jeugdhulpverlener with a school, a leerplichtambtenaar, a wijkteam chair and the girl's
/// huisarts who treats her.
const CONFERENCE: &str = "rol=jeugdhulpverlener&deelnemers=leraar&deelnemers=gemeenteambtenaar&deelnemers=wijkteammedewerker\
&deelnemers=huisarts&betrokken=huisarts&doel=care&gegevens=youth_care&gegevens=social&leeftijd=9&wilsbekwaam=false\
&toestemming=not_asked&gevaar=none&vermoeden=false";

/// The card of one participant (from its heading to the end of the card).
fn row<'a>(body: &'a str, label: &str) -> &'a str {
    let start = body.find(&format!("<h3 class=\"participant\">{label}")).unwrap_or_else(|| panic!("no card for {label}"));
    let rest = &body[start..];
    &rest[..rest.find("</li>\n").unwrap_or(rest.len())]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn preparing_a_casusoverleg_gives_each_participant_its_own_answer() {
    let t = setup().await;
    let token = t.token("wijkteam").await;
    let huisarts = t.a.users["wijkteam"].clone();
    let before = t.events_of(&t.a.id, &huisarts).await.len();
    let r = t.send("GET", "/casusoverleg", Some(&token), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("<h1>Casusoverleg voorbereiden</h1>") && !r.body.contains("Per deelnemer</h2>"));

    let r = t.send("GET", &format!("/casusoverleg?{CONFERENCE}"), Some(&token), None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let body = &r.body;
    // No consent, no danger, no suspicion: the school, the official and the chair (who gives the
    // family no help) get nothing identifying; the huisarts who treats the girl is no derde.
    for label in ["Leraar", "Gemeenteambtenaar", "Wijkteammedewerker"] {
        let row = row(body, label);
        assert!(row.contains("U mag niet delen"), "{label}: {row}");
    }
    let huisarts_row = row(body, "Huisarts");
    assert!(huisarts_row.contains("U mag delen") && huisarts_row.contains("Geen derde"), "{huisarts_row}");
    assert!(huisarts_row.contains("werkt mee aan uw eigen behandeling of hulp"));
    // A teacher cannot be marked as giving care or help; the chair can.
    assert!(!row(body, "Leraar").contains("zorg of hulp"));
    assert!(row(body, "Wijkteammedewerker").contains("werkt niet mee aan uw eigen behandeling of hulp"));
    // Anonymous discussion, and a convenant is no ground.
    assert!(body.contains("Zonder naam bespreken") && body.contains("geboortedatum"));
    assert!(body.contains("Een convenant of samenwerkingsafspraak is nooit zelf een grond"));
    assert!(!body.contains("U mag met niemand aan tafel"), "the huisarts may be told");
    // Each refusal says what would change it; the chosen "gives care" survives sending the
    // form again, and its toggle returns to the card.
    assert!(row(body, "Leraar").contains("Wat zou dit antwoord veranderen:") && row(body, "Leraar").contains("toestemming"));
    assert!(body.contains("<input type=\"hidden\" name=\"betrokken\" value=\"huisarts\">"));
    assert!(body.contains("#deelnemer-wijkteammedewerker\"") && body.contains("id=\"deelnemer-wijkteammedewerker\""));
    // Logged as starting a deliberation without a client is: no client in any event.
    let events = t.events_of(&t.a.id, &huisarts).await;
    assert!(events.len() > before);
    assert!(events[before..].iter().all(|e| e.client.is_none()), "{:?}", &events[before..]);

    // Without the huisarts nobody may be told anything identifying.
    let only_others = CONFERENCE.replace("&deelnemers=huisarts&betrokken=huisarts", "");
    let r = t.send("GET", &format!("/casusoverleg?{only_others}"), Some(&token), None).await;
    assert!(r.body.contains("U mag met niemand aan tafel iets delen dat de cliënt herkenbaar maakt."));
    // With the parents' consent, everyone may be told what they agreed to.
    let consent = CONFERENCE.replace("toestemming=not_asked", "toestemming=given");
    let r = t.send("GET", &format!("/casusoverleg?{consent}"), Some(&token), None).await;
    // For a child under 12 the parents with gezag consent: the (uncertain) notice shows here,
    // not only in a deliberation.
    assert!(r.body.contains("Voor een kind onder 12 geven de ouders met gezag"), "{}", dutch_text(&r.body));
    assert!(row(&r.body, "Leraar").contains("U mag delen") && row(&r.body, "Leraar").contains("Toestemming"), "{}", row(&r.body, "Leraar"));

    // Bad input: a clear Dutch message, the form kept.
    let r = t.send("GET", "/casusoverleg?rol=jeugdhulpverlener&deelnemers=bestaat-niet&doel=care", Some(&token), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Een gekozen rol bestaat niet."));
    let r = t.send("GET", "/casusoverleg?rol=jeugdhulpverlener&doel=care&leeftijd=negen", Some(&token), None).await;
    assert!(r.body.contains("Het veld ‘leeftijd’ klopt niet"), "{}", dutch_text(&r.body));
    let r = t.send("GET", "/casusoverleg?rol=jeugdhulpverlener&doel=care", Some(&token), None).await;
    assert!(r.body.contains("Kies wie er aan tafel zitten."));

    // One participant's answer opens as a deliberation with the circumstances filled in.
    let form = format!("{CONFERENCE}&ontvanger=leraar");
    let r = t.send("POST", "/casusoverleg/beraad", Some(&token), Some(&form)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let to = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    let draft = to.trim_start_matches("/beraad/").to_owned();
    let d = draft_of(&t, &t.a.id, &draft).await;
    let answers: HashMap<String, serde_json::Value> =
        d["answers"].as_array().unwrap().iter().map(|a| (a["fact"].as_str().unwrap().to_owned(), a["value"].clone())).collect();
    assert_eq!(answers["recipient_role"], "leraar");
    assert_eq!(answers["sender_role"], "jeugdhulpverlener");
    assert_eq!(answers["recipient_in_treatment_relation"], false);
    assert_eq!(answers["client_age"], 9);
    assert_eq!(d["client"], serde_json::Value::Null);
    // Signed out: no access.
    let r = t.send("GET", "/casusoverleg", None, None).await;
    assert_ne!(r.status, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_consent_form_starts_from_the_parents_for_a_child_under_12() {
    let t = setup().await;
    // Noor Bakker (an adult): she consents herself, her name filled in.
    let token = t.token("huisarts").await;
    let noor = t.a.clients["Noor Bakker"].clone();
    let r = t.send("GET", &format!("/clienten/{noor}/toestemming"), Some(&token), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("name=\"gegeven_door\" maxlength=\"200\" required value=\"Noor Bakker\""));
    assert!(r.body.contains("value=\"client\" checked") && !r.body.contains("jonger dan 12"));
    // Milan Hoekstra (born 2016-05-12): under 12 until 12 May 2028.
    let token = t.token("wijkteam").await;
    let milan = t.a.clients["Milan Hoekstra"].clone();
    let r = t.send("GET", &format!("/clienten/{milan}/toestemming"), Some(&token), None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    if grondslag_web::view::today() < time::macros::date!(2028 - 05 - 12) {
        assert!(r.body.contains("Deze cliënt is jonger dan 12"), "{}", dutch_text(&r.body));
        assert!(r.body.contains("required value=\"\"") && r.body.contains("value=\"parent_with_authority\" checked"));
    }
}
