//! The kennisbank's CI check and its loader, reverse index and search, tested on the shipped
//! articles and on mutated copies of them. One test binary (links are slow on 2 cores).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::OnceLock;

use grondslag_knowledge::{KnowledgeBase, KnowledgeErrors, RuleKind, embedded, load, load_embedded};
use grondslag_rules::{Lang, RuleSet};
use time::macros::date;

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| grondslag_rules::load_embedded().unwrap_or_else(|e| panic!("the embedded rule set does not load:\n{e}")))
}

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| load_embedded(rules()).unwrap_or_else(|e| panic!("the shipped articles do not validate:\n{e}")))
}

fn files() -> Vec<(String, String)> {
    embedded().iter().map(|(n, c)| (n.to_string(), c.to_string())).collect()
}

/// Loads the shipped articles with one file replaced (or added) and returns the errors.
fn errors_with(name: &str, content: &str) -> KnowledgeErrors {
    let mut fs = files();
    fs.retain(|(n, _)| n != name);
    fs.push((name.to_string(), content.to_string()));
    match load(fs, rules()) {
        Ok(_) => panic!("expected {name} to be refused"),
        Err(e) => e,
    }
}

fn shipped(name: &str) -> String {
    files().into_iter().find(|(n, _)| n == name).map(|(_, c)| c).unwrap_or_else(|| panic!("no article {name}"))
}

/// Asserts that exactly the expected problem is reported, in the expected file (and line).
fn expect_error(errors: &KnowledgeErrors, file: &str, line: Option<u64>, contains: &str) {
    let found = errors.0.iter().any(|e| e.file == file && e.message.contains(contains) && (line.is_none() || e.line == line));
    assert!(found, "expected an error in {file} (line {line:?}) containing {contains:?}, got:\n{errors}");
}

// ---------------------------------------------------------------------------------------------
// The CI check: every shipped article validates against the embedded rule set.
// ---------------------------------------------------------------------------------------------

#[test]
fn shipped_articles_validate_against_the_embedded_rule_set() {
    let kb = kb();
    assert!(kb.articles().len() >= 17, "expected at least 17 articles, found {}", kb.articles().len());
    for a in kb.articles() {
        assert_eq!(format!("{}.md", a.id), a.file);
        assert!(!a.sources.is_empty());
        assert!(!a.body.nl.is_empty() && !a.body.en.is_empty());
    }
}

#[test]
fn the_directory_and_the_embedded_articles_are_the_same() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../knowledge");
    let from_dir = grondslag_knowledge::load_dir(&dir, rules()).unwrap_or_else(|e| panic!("{e}"));
    let a: Vec<&str> = from_dir.articles().iter().map(|a| a.id.as_str()).collect();
    let b: Vec<&str> = kb().articles().iter().map(|a| a.id.as_str()).collect();
    assert_eq!(a, b);
}

#[test]
fn every_ground_route_condition_notice_and_weighing_is_explained_by_an_article() {
    // So every part of an answer can link to an explanation. A new route, condition, notice or
    // weighing needs its id in the `related` list of the article that explains it
    // (knowledge/README.md, section 3).
    let kb = kb();
    let mut missing = Vec::new();
    for kind in [RuleKind::Ground, RuleKind::Route, RuleKind::Condition, RuleKind::Notice, RuleKind::Judgment] {
        for id in kind.ids(rules()) {
            if kb.explaining(kind, id).is_empty() {
                missing.push(format!("{} {id}", kind.key()));
            }
        }
    }
    assert!(missing.is_empty(), "no article explains: {missing:?}");
}

#[test]
fn the_reverse_index_links_rules_back_to_articles() {
    let kb = kb();
    let ids = |v: Vec<&grondslag_knowledge::Article>| v.into_iter().map(|a| a.id.clone()).collect::<Vec<_>>();
    assert!(ids(kb.explaining(RuleKind::Route, "meldrecht.veilig-thuis")).contains(&"meldcode-en-afwegingskader".to_string()));
    assert!(ids(kb.explaining(RuleKind::Notice, "deceased-client")).contains(&"overleden-clienten".to_string()));
    assert!(ids(kb.explaining(RuleKind::Notice, "police-request-is-no-duty")).contains(&"politie-en-justitie".to_string()));
    assert!(ids(kb.explaining(RuleKind::Condition, "verify_requester")).contains(&"kanalen-telefoon-mail-en-apps".to_string()));
    assert!(ids(kb.explaining(RuleKind::Fact, "client_age")).contains(&"minderjarigen-en-gezag".to_string()));
    assert!(kb.explaining(RuleKind::Route, "no-such-route").is_empty());
    // Every reverse entry points at an article that lists the item.
    for (r, arts) in kb.explained() {
        for a in arts {
            assert!(a.related.contains(r), "{} listed for {:?} but does not name it", a.id, r);
        }
    }
    // The articles for one answer: most relevant first, each once.
    let answer = [
        (RuleKind::Route, "meldrecht.raad"),
        (RuleKind::Condition, "ask_requester_purpose"),
        (RuleKind::Condition, "facts_not_opinions"),
        (RuleKind::Route, "meldrecht.raad"),
        (RuleKind::Notice, "no-such-notice"),
    ];
    let for_answer = ids(kb.explaining_any(answer));
    assert_eq!(for_answer.first().map(String::as_str), Some("raad-kinderbescherming-en-gecertificeerde-instelling"));
    let mut dedup = for_answer.clone();
    dedup.sort();
    dedup.dedup();
    assert_eq!(dedup.len(), for_answer.len());
    assert!(kb.explaining_any([]).is_empty());
    // Backlinks between articles.
    assert!(ids(kb.linking_to("meldcode-en-afwegingskader")).contains(&"vier-gronden-en-geen-derde".to_string()));
}

#[test]
fn articles_carry_their_validity_and_sources() {
    let kb = kb();
    let a = kb.article("overleden-clienten").unwrap();
    assert!(a.in_force(date!(2026 - 01 - 01)));
    assert!(!a.in_force(date!(2019 - 12 - 31)));
    let sources = a.sources_in(rules());
    assert_eq!(sources.len(), a.sources.len());
    assert!(sources.iter().all(|s| !s.publisher.is_empty() && !s.title.is_empty()));
    // Maintainers' notes never reach the reader or the index.
    let k = kb.article("kanalen-telefoon-mail-en-apps").unwrap();
    assert!(!k.body.nl.contains("bronnenregister") && !k.plain.nl.contains("bronnenregister"));
}

// ---------------------------------------------------------------------------------------------
// Mutation tests: each mistake a maintainer can make fails with a clear Dutch message.
// ---------------------------------------------------------------------------------------------

const F: &str = "overleden-clienten.md";

/// The 1-based line of the first line containing `needle`.
fn line_of(content: &str, needle: &str) -> Option<u64> {
    content.lines().position(|l| l.contains(needle)).map(|i| i as u64 + 1)
}

fn mutate(from: &str, to: &str) -> String {
    let c = shipped(F);
    assert!(c.contains(from), "{F} no longer contains {from:?}; update the mutation test");
    c.replacen(from, to, 1)
}

#[test]
fn unknown_source_is_refused() {
    let c = mutate("  - wgbo-7-458a\n", "  - wgbo-7-458b\n");
    expect_error(&errors_with(F, &c), F, line_of(&c, "wgbo-7-458b"), "onbekende bron 'wgbo-7-458b'");
}

#[test]
fn unknown_related_id_is_refused() {
    let c = mutate("plicht.lijkschouw]", "plicht.lijkschouwing]");
    expect_error(&errors_with(F, &c), F, line_of(&c, "plicht.lijkschouwing"), "related.routes: onbekende route 'plicht.lijkschouwing'");
    let c = mutate("notices: [deceased-client]", "notices: [dead-client]");
    expect_error(&errors_with(F, &c), F, line_of(&c, "dead-client"), "onbekende melding 'dead-client'");
    let c = mutate("facts: [client_deceased,", "facts: [client_dead,");
    expect_error(&errors_with(F, &c), F, line_of(&c, "client_dead,"), "onbekende feit 'client_dead'");
}

#[test]
fn broken_link_is_refused() {
    let c = mutate("(calamiteiten-en-reviews)", "(calamiteiten)");
    expect_error(&errors_with(F, &c), F, line_of(&c, "(calamiteiten)"), "link naar onbekend artikel 'calamiteiten'");
    let c = mutate("see_also: [zorg-wgbo-en-wet-big,", "see_also: [zorg,");
    expect_error(&errors_with(F, &c), F, line_of(&c, "see_also: [zorg,"), "see_also: onbekend artikel 'zorg'");
    let c = mutate("(calamiteiten-en-reviews)", "(https://example.org/)");
    expect_error(&errors_with(F, &c), F, line_of(&c, "example.org"), "externe link");
}

#[test]
fn duplicate_id_is_refused() {
    // Files are read in name order; the later one with the same id is the one refused.
    let errors = errors_with("kopie.md", &shipped(F));
    expect_error(&errors, F, Some(2), "id 'overleden-clienten' komt ook voor in kopie.md");
    expect_error(&errors, "kopie.md", Some(2), "moet gelijk zijn aan de bestandsnaam ('kopie')");
}

#[test]
fn bad_dates_are_refused() {
    let c = mutate("valid_from: \"2020-01-01\"", "valid_from: \"2020-13-01\"");
    expect_error(&errors_with(F, &c), F, line_of(&c, "2020-13-01"), "ongeldige datum '2020-13-01' bij valid_from");
    let c = mutate("valid_from: \"2020-01-01\"", "valid_from: \"2020-01-01\"\nvalid_to: \"2019-01-01\"");
    expect_error(&errors_with(F, &c), F, line_of(&c, "valid_to"), "valid_to (2019-01-01) ligt niet na valid_from");
}

#[test]
fn missing_fields_are_refused() {
    let c = shipped(F);
    let start = c.find("summary:\n").unwrap();
    let end = c.find("sources:\n").unwrap();
    let c = format!("{}{}", &c[..start], &c[end..]);
    expect_error(&errors_with(F, &c), F, Some(2), "verplicht veld 'summary' ontbreekt in de kop");
    let c = mutate("  en: \"Deceased clients and surviving relatives\"\n", "");
    expect_error(&errors_with(F, &c), F, None, "'title': de Engelse tekst (en) ontbreekt");
    let c = mutate("\n---en---\n", "\n");
    expect_error(&errors_with(F, &c), F, None, "de Engelse tekst ontbreekt");
}

#[test]
fn bad_yaml_and_unknown_fields_are_refused() {
    let c = mutate("id: overleden-clienten\n", "id: overleden-clienten\ntitle: [niet afgesloten\n");
    let errors = errors_with(F, &c);
    expect_error(&errors, F, None, "kan de kop niet lezen");
    // The unreadable file still counts as an article: no errors about links to it elsewhere.
    assert!(errors.0.iter().all(|e| e.file == F), "{errors}");
    let c = mutate("id: overleden-clienten\n", "id: overleden-clienten\nauteur: iemand\n");
    expect_error(&errors_with(F, &c), F, line_of(&c, "auteur"), "onbekend veld 'auteur'");
    let c = mutate("related:\n", "related:\n  regels: [x]\n");
    expect_error(&errors_with(F, &c), F, line_of(&c, "regels"), "onbekend veld 'regels'");
    let c = mutate("id: overleden-clienten\n", "id: overleden-clienten\nid: nog-een\n");
    expect_error(&errors_with(F, &c), F, None, "kan de kop niet lezen");
    let errors = errors_with(F, "Geen kop, alleen tekst.");
    expect_error(&errors, F, Some(1), "moet beginnen met een regel '---'");
    let errors = errors_with(F, "---\nid: overleden-clienten\n");
    expect_error(&errors, F, Some(1), "niet afgesloten");
}

#[test]
fn internal_names_and_html_in_the_text_are_refused() {
    let c = mutate("Sinds 1 januari 2020 regelt", "Volgens wgbo-7-458a regelt");
    expect_error(&errors_with(F, &c), F, line_of(&c, "Volgens wgbo-7-458a"), "interne naam 'wgbo-7-458a' in de tekst");
    let c = mutate("Sinds 1 januari 2020 regelt", "De route plicht.lijkschouw regelt");
    expect_error(&errors_with(F, &c), F, line_of(&c, "De route plicht.lijkschouw"), "interne naam 'plicht.lijkschouw'");
    let c = mutate("Sinds 1 januari 2020 regelt", "<b>Let op</b> regelt");
    expect_error(&errors_with(F, &c), F, line_of(&c, "<b>Let op</b>"), "HTML is in artikelen niet toegestaan");
    // A maintainers' comment is allowed and removed.
    let c = mutate("Sinds 1 januari 2020 regelt", "<!-- nakijken: wgbo-7-458a -->Sinds 1 januari 2020 regelt");
    let mut fs = files();
    fs.retain(|(n, _)| n != F);
    fs.push((F.to_string(), c));
    let kb = load(fs, rules()).unwrap_or_else(|e| panic!("{e}"));
    assert!(!kb.article("overleden-clienten").unwrap().body.nl.contains("nakijken"));
}

#[test]
fn all_problems_are_reported_at_once() {
    let c = mutate("  - wgbo-7-458a\n", "  - wgbo-7-458b\n").replacen("(calamiteiten-en-reviews)", "(calamiteiten)", 1).replacen(
        "valid_from: \"2020-01-01\"",
        "valid_from: \"1 januari 2020\"",
        1,
    );
    let errors = errors_with(F, &c);
    assert!(errors.0.len() >= 3, "{errors}");
    let text = errors.to_string();
    assert!(text.contains("onbekende bron") && text.contains("onbekend artikel") && text.contains("ongeldige datum"), "{text}");
}

#[test]
fn odd_input_never_panics() {
    for content in [
        "",
        "---",
        "---\n---\n",
        "---\n---\n---en---\n",
        "---\n: :\n---\nx\n---en---\ny",
        "\u{feff}---\nid: x\n---\n\n---en---\n",
        "---\n- a\n- b\n---\nx\n---en---\ny",
    ] {
        let errors = errors_with("vreemd.md", content);
        assert!(!errors.0.is_empty());
    }
    assert!(load(Vec::new(), rules()).is_err());
    let errors = errors_with("map/artikel.md", &shipped(F));
    expect_error(&errors, "map/artikel.md", None, "direct in de map knowledge/");
}

// ---------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------

/// Realistic Dutch questions and the article that must come first.
const DUTCH_QUERIES: &[(&str, &str)] = &[
    ("WhatsApp", "kanalen-telefoon-mail-en-apps"),
    ("mag ik appen met een collega", "kanalen-telefoon-mail-en-apps"),
    ("Raad voor de Kinderbescherming", "raad-kinderbescherming-en-gecertificeerde-instelling"),
    ("overleden", "overleden-clienten"),
    ("overlijden", "overleden-clienten"),
    ("nabestaanden willen het dossier inzien", "overleden-clienten"),
    ("de politie vraagt om gegevens van een patiënt", "politie-en-justitie"),
    ("melden bij Veilig Thuis", "meldcode-en-afwegingskader"),
    ("afwegingskader acute onveiligheid", "meldcode-en-afwegingskader"),
    ("convenant", "samenwerking-casusoverleg-en-convenanten"),
    ("casusoverleg zonder toestemming", "samenwerking-casusoverleg-en-convenanten"),
    // Typed by a youth-care worker in a trial as a new user (the article came third).
    ("mag ik een gezin bespreken", "samenwerking-casusoverleg-en-convenanten"),
    ("gezin bespreken in het wijkteam", "samenwerking-casusoverleg-en-convenanten"),
    ("verschoningsrecht", "verschoningsrecht"),
    ("getuige in een rechtszaak", "verschoningsrecht"),
    ("ouders met gezag van een 14-jarige", "minderjarigen-en-gezag"),
    ("calamiteit melden", "calamiteiten-en-reviews"),
    ("werkgever vraagt naar de diagnose", "verzekeraars-en-werkgevers"),
    ("bijzondere persoonsgegevens", "avg-en-beroepsgeheim"),
    ("pettenvraagstuk wijkteam", "sociaal-domein-wmo-en-participatiewet"),
    ("leerkracht school", "onderwijs-en-kinderopvang"),
    ("ambtsgeheim gemeente", "ambtsgeheim"),
    ("conflict van plichten", "vier-gronden-en-geen-derde"),
    ("jeugdhulpverlener beroepsgeheim", "jeugdhulp-en-jeugdwet"),
    ("verwijzing naar de specialist", "zorg-wgbo-en-wet-big"),
];

#[test]
fn dutch_queries_find_the_expected_article_first() {
    let kb = kb();
    let mut wrong = Vec::new();
    for (q, want) in DUTCH_QUERIES {
        let hits = kb.search(q, Lang::Nl, 5);
        let got = hits.first().map(|h| h.id.as_str()).unwrap_or("(niets)");
        if got != *want {
            wrong.push(format!("{q:?}: expected {want}, got {got} ({:?})", hits.iter().map(|h| &h.id).collect::<Vec<_>>()));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn english_queries_search_the_english_text() {
    let kb = kb();
    for (q, want) in [
        ("WhatsApp", "kanalen-telefoon-mail-en-apps"),
        ("Child Protection Board", "raad-kinderbescherming-en-gecertificeerde-instelling"),
        ("deceased", "overleden-clienten"),
        ("legal privilege witness", "verschoningsrecht"),
        ("police request", "politie-en-justitie"),
    ] {
        let hits = kb.search(q, Lang::En, 3);
        assert_eq!(hits.first().map(|h| h.id.as_str()), Some(want), "{q}");
        assert_eq!(hits[0].title, kb.article(want).unwrap().title.en);
    }
}

#[test]
fn stemming_joins_word_forms() {
    let kb = kb();
    // Plural and inflected forms reach the same article as the base form.
    for q in ["nabestaande", "nabestaanden", "overledene", "overledenen"] {
        assert_eq!(kb.search(q, Lang::Nl, 1).first().map(|h| h.id.as_str()), Some("overleden-clienten"), "{q}");
    }
    for q in ["convenanten", "convenant"] {
        assert_eq!(kb.search(q, Lang::Nl, 1).first().map(|h| h.id.as_str()), Some("samenwerking-casusoverleg-en-convenanten"), "{q}");
    }
    // Accents are folded: "client" finds "cliënt".
    assert!(!kb.search("overleden client", Lang::Nl, 1).is_empty());
}

#[test]
fn snippets_mark_the_matching_words() {
    let kb = kb();
    let hits = kb.search("verschoningsrecht getuige", Lang::Nl, 3);
    let first = &hits[0];
    assert!(!first.snippet.highlights.is_empty(), "{first:?}");
    let mut last_end = 0;
    for r in &first.snippet.highlights {
        assert!(r.start >= last_end && r.start < r.end && r.end <= first.snippet.text.len());
        let word = first.snippet.text.get(r.clone()).expect("highlight on character boundaries").to_lowercase();
        assert!(word.starts_with("verschon") || word.starts_with("getuig"), "highlighted {word:?}");
        last_end = r.end;
    }
    let parts = first.snippet.parts();
    assert_eq!(parts.iter().map(|p| p.text).collect::<String>(), first.snippet.text);
    assert_eq!(parts.iter().filter(|p| p.highlighted).count(), first.snippet.highlights.len());
    assert!(!first.snippet.text.contains('\n'));
    // Only a title or keyword match: the summary stands in, unmarked or marked.
    let hits = kb.search("ZVH", Lang::Nl, 1);
    assert_eq!(hits.first().map(|h| h.id.as_str()), Some("samenwerking-casusoverleg-en-convenanten"));
    assert!(!hits[0].snippet.text.is_empty());
}

#[test]
fn any_query_is_valid() {
    let kb = kb();
    for q in [
        "",
        "   ",
        "\"",
        "((",
        "title_nl:meldcode",
        "meldcode AND OR NOT",
        "-politie +raad",
        "*",
        "\\",
        "art. 7:457 BW",
        "[link](x)",
        "é ë ï 🙂",
        "<script>alert(1)</script>",
        &"overleden ".repeat(500),
        &"x".repeat(10_000),
    ] {
        let hits = kb.search(q, Lang::Nl, 5);
        assert!(hits.len() <= 5);
        let _ = kb.search(q, Lang::En, 5);
    }
    // Operators mean nothing: the words still count.
    assert_eq!(kb.search("title_nl:verschoningsrecht", Lang::Nl, 1).first().map(|h| h.id.as_str()), Some("verschoningsrecht"));
    // Only stop words, or a zero limit: nothing.
    assert!(kb.search("de het een van", Lang::Nl, 5).is_empty());
    assert!(kb.search("meldcode", Lang::Nl, 0).is_empty());
    assert_eq!(kb.search("beroepsgeheim", Lang::Nl, usize::MAX).len(), kb.search("beroepsgeheim", Lang::Nl, 1000).len());
}

#[test]
fn search_on_a_date_leaves_out_articles_not_in_force() {
    let kb = kb();
    assert!(kb.search_on("overleden", Lang::Nl, 5, date!(2019 - 06 - 01)).is_empty());
    assert_eq!(kb.search_on("overleden", Lang::Nl, 5, date!(2026 - 01 - 01)).first().map(|h| h.id.as_str()), Some("overleden-clienten"));
}

#[test]
fn results_are_the_same_every_time() {
    let a = kb().search("toestemming ouders", Lang::Nl, 10);
    let b = kb().search("toestemming ouders", Lang::Nl, 10);
    assert_eq!(a, b);
}

#[test]
fn the_knowledge_base_can_be_shared_between_threads() {
    // The web layer keeps one loaded kennisbank behind an Arc and searches from many requests.
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<KnowledgeBase>();
    let kb = kb();
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..4).map(|_| s.spawn(|| kb.search("Veilig Thuis", Lang::Nl, 3))).collect();
        let results: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        assert!(results.windows(2).all(|w| w[0] == w[1]));
    });
}

/// Every article is found by its own title, and by each longer word of its title alone (among
/// the first ten), in both languages; and by a Dutch inflection of a title word (singular for a
/// plural title word, plural for a singular one, a verb form), as professionals type them.
#[test]
fn every_article_is_found_by_its_title_words_and_an_inflection() {
    let kb = kb();
    let mut missing = Vec::new();
    for a in kb.articles() {
        for lang in [Lang::Nl, Lang::En] {
            let title = a.title.get(lang);
            let first = kb.search(title, lang, 3);
            if first.first().map(|h| h.id.as_str()) != Some(a.id.as_str()) {
                missing.push(format!("{lang:?} title {title:?}: {:?}", first.iter().map(|h| &h.id).collect::<Vec<_>>()));
            }
            for w in title.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 6) {
                if !kb.search(w, lang, 10).iter().any(|h| h.id == a.id) {
                    missing.push(format!("{lang:?} word {w:?} of {}", a.id));
                }
            }
        }
    }
    // One inflection per article: a form that is not in its title.
    let inflections = [
        ("ambtsgeheimen", "ambtsgeheim"),
        ("beroepsgeheimen", "avg-en-beroepsgeheim"),
        ("calamiteit", "calamiteiten-en-reviews"),
        ("jeugdhulpverleners", "jeugdhulp-en-jeugdwet"),
        ("kanaal", "kanalen-telefoon-mail-en-apps"),
        ("meldcodes", "meldcode-en-afwegingskader"),
        ("minderjarige", "minderjarigen-en-gezag"),
        ("kinderopvangen", "onderwijs-en-kinderopvang"),
        ("overledene", "overleden-clienten"),
        ("verzoek", "politie-en-justitie"),
        ("gecertificeerd", "raad-kinderbescherming-en-gecertificeerde-instelling"),
        ("casusoverleggen", "samenwerking-casusoverleg-en-convenanten"),
        ("wijkteam", "sociaal-domein-wmo-en-participatiewet"),
        ("verschoningsrechten", "verschoningsrecht"),
        ("verzekeraar", "verzekeraars-en-werkgevers"),
        ("grond", "vier-gronden-en-geen-derde"),
        ("wilsonbekwaam", "wilsonbekwame-volwassenen-en-vertegenwoordigers"),
        ("zorgverleners", "zorg-wgbo-en-wet-big"),
    ];
    for a in kb.articles() {
        assert!(inflections.iter().any(|(_, id)| *id == a.id), "add an inflection for {}", a.id);
    }
    for (word, id) in inflections {
        if !kb.search(word, Lang::Nl, 10).iter().any(|h| h.id == id) {
            missing.push(format!("inflection {word:?} of {id}"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
