//! Turns parsed rule files into a [`RuleSet`]: resolves every reference, checks every value
//! against its fact's domain, and collects *all* problems with file and line, so a legal
//! maintainer sees every mistake in one run.

use std::collections::{HashMap, HashSet};

use serde_saphyr::Spanned;
use time::Date;
use time::macros::format_description;

use crate::model::*;
use crate::spec::*;
use crate::{RuleError, RuleErrors};

/// FORMAT.md's names for the statutory exceptions a professional judges (`judgments.exceptions`).
pub const EXCEPTION_KEYS: &[&str] = &["good_care", "child_interest"];
/// Grounds that rest on a statute (a duty or a right): no professional standard may bar them.
pub const STATUTORY_GROUNDS: &[&str] = &["legal_duty", "right_to_report"];

/// Parsed files, grouped by kind, each with the file name it came from.
#[derive(Default)]
pub(crate) struct Parsed {
    pub ruleset: Option<(String, RulesetSpec)>,
    pub sources: Vec<(String, SourcesFile)>,
    pub facts: Vec<(String, FactsFile)>,
    pub roles: Vec<(String, RolesFile)>,
    pub predicates: Vec<(String, PredicatesFile)>,
    pub grounds: Vec<(String, GroundsFile)>,
    pub avg: Vec<(String, AvgFile)>,
    pub conditions: Vec<(String, ConditionsFile)>,
    pub judgments: Vec<(String, JudgmentsFile)>,
    pub notices: Vec<(String, NoticesFile)>,
    pub dossier: Vec<(String, DossierFile)>,
    pub routes: Vec<(String, RoutesFile)>,
}

struct Ctx {
    errors: Vec<RuleError>,
    sources: HashMap<String, SourceId>,
    facts: Vec<Fact>,
    fact_ix: HashMap<String, FactId>,
    tags: Vec<Tag>,
    roles: Vec<Role>,
    role_ix: HashMap<String, RoleId>,
    pred_ix: HashMap<String, PredId>,
    pred_labels: Vec<Text>,
}

fn line_of<T>(s: &Spanned<T>) -> Option<u64> {
    let l = s.referenced.line();
    (l > 0).then_some(l)
}

impl Ctx {
    fn err(&mut self, file: &str, line: Option<u64>, message: impl Into<String>) {
        self.errors.push(RuleError { file: file.to_string(), line, message: message.into() });
    }

    fn text(&mut self, file: &str, line: Option<u64>, what: &str, t: &TextSpec) -> Text {
        if t.nl.trim().is_empty() || t.en.trim().is_empty() {
            self.err(file, line, format!("{what}: tekst ontbreekt in het Nederlands of het Engels"));
        }
        Text::new(t.nl.trim(), t.en.trim())
    }

    fn sources(&mut self, file: &str, owner: &str, ids: &[Spanned<String>]) -> Vec<SourceId> {
        let mut out = Vec::new();
        if ids.is_empty() {
            self.err(file, None, format!("'{owner}' noemt geen enkele bron; elke regel moet een bron citeren"));
        }
        for id in ids {
            match self.sources.get(&id.value) {
                Some(s) => out.push(*s),
                None => self.err(file, line_of(id), format!("'{owner}' citeert onbekende bron '{}'", id.value)),
            }
        }
        out
    }

    fn fact(&mut self, file: &str, id: &Spanned<String>) -> Option<FactId> {
        let found = self.fact_ix.get(&id.value).copied();
        if found.is_none() {
            self.err(file, line_of(id), format!("onbekend feit '{}'", id.value));
        }
        found
    }

    fn date(&mut self, file: &str, s: &Spanned<String>) -> Option<Date> {
        let fmt = format_description!("[year]-[month]-[day]");
        match Date::parse(&s.value, &fmt) {
            Ok(d) => Some(d),
            Err(_) => {
                self.err(file, line_of(s), format!("ongeldige datum '{}'; schrijf JJJJ-MM-DD", s.value));
                None
            }
        }
    }

    fn fact_label(&self, f: FactId) -> &Text {
        &self.facts[f.ix()].label
    }

    /// Compiles a condition. `line` is the nearest known line, for messages about nodes
    /// that carry no position of their own.
    fn cond(&mut self, file: &str, line: Option<u64>, spec: &CondSpec) -> Option<Node> {
        let line = spec.fact.as_ref().and_then(line_of).or(spec.reference.as_ref().and_then(line_of)).or(line);
        let ops = [spec.all.is_some(), spec.any.is_some(), spec.not.is_some(), spec.reference.is_some(), spec.fact.is_some()]
            .iter()
            .filter(|b| **b)
            .count();
        if ops != 1 {
            self.err(file, line, "een voorwaarde heeft precies één van: all, any, not, ref, fact");
            return None;
        }
        let label = spec.label.as_ref().map(|t| self.text(file, line, "label", t));
        for child in spec.all.iter().chain(spec.any.iter()).flatten().chain(spec.not.as_deref()) {
            if child.standard.is_some() {
                self.err(file, line, "'standard' mag alleen bij een vereiste van een route op het hoogste niveau staan");
            }
        }
        let (cond, generated) = if let Some(items) = &spec.all {
            let nodes = self.cond_list(file, line, items)?;
            let text = join_texts(&nodes, " en ", " and ");
            (Cond::All(nodes), text)
        } else if let Some(items) = &spec.any {
            let nodes = self.cond_list(file, line, items)?;
            let text = join_texts(&nodes, " of ", " or ");
            (Cond::Any(nodes), text)
        } else if let Some(inner) = &spec.not {
            let node = self.cond(file, line, inner)?;
            let text = Text::new(format!("niet: {}", node.text.nl), format!("not: {}", node.text.en));
            (Cond::Not(Box::new(node)), text)
        } else if let Some(r) = &spec.reference {
            let Some(p) = self.pred_ix.get(&r.value).copied() else {
                self.err(file, line, format!("onbekend predicaat '{}'", r.value));
                return None;
            };
            (Cond::Ref(p), self.pred_labels[p.ix()].clone())
        } else {
            let fact_spec = spec.fact.as_ref()?;
            let fact = self.fact(file, fact_spec)?;
            self.atom(file, line, fact, spec)?
        };
        Some(Node { text: label.unwrap_or(generated), cond })
    }

    fn cond_list(&mut self, file: &str, line: Option<u64>, items: &[CondSpec]) -> Option<Vec<Node>> {
        if items.is_empty() {
            self.err(file, line, "een lege lijst onder all/any betekent niets; laat hem weg");
            return None;
        }
        let nodes: Vec<Option<Node>> = items.iter().map(|c| self.cond(file, line, c)).collect();
        nodes.into_iter().collect()
    }

    fn atom(&mut self, file: &str, line: Option<u64>, fact: FactId, spec: &CondSpec) -> Option<(Cond, Text)> {
        let domain = self.facts[fact.ix()].domain.clone();
        let label = self.fact_label(fact).clone();
        let op_count = [
            spec.is.is_some(),
            spec.one_of.is_some(),
            spec.contains_any.is_some(),
            spec.subset_of.is_some(),
            spec.below.is_some(),
            spec.at_least.is_some(),
            spec.secrecy.is_some(),
            spec.tag.is_some(),
            spec.verschoningsrecht.is_some(),
            spec.same_as.is_some(),
        ]
        .iter()
        .filter(|b| **b)
        .count();
        if op_count != 1 {
            self.err(
                file,
                line,
                format!(
                    "voorwaarde op '{}' heeft precies één van: is, in, contains_any, subset_of, below, at_least, secrecy, tag, verschoningsrecht, same_as",
                    self.facts[fact.ix()].id
                ),
            );
            return None;
        }
        let fid = self.facts[fact.ix()].id.clone();
        let mismatch = |ctx: &mut Ctx, op: &str| {
            ctx.err(file, line, format!("'{op}' past niet bij feit '{fid}'"));
        };
        match (&domain, spec) {
            (Domain::Bool, CondSpec { is: Some(ScalarSpec::Bool(b)), .. }) => {
                let v = if *b { "ja" } else { "nee" };
                let ve = if *b { "yes" } else { "no" };
                Some((Cond::BoolIs(fact, *b), Text::new(format!("{}: {v}", label.nl), format!("{}: {ve}", label.en))))
            }
            (Domain::Enum(values), CondSpec { is: Some(ScalarSpec::Str(s)), .. }) => {
                let mask = self.enum_mask(file, line, &fid, values, std::slice::from_ref(s))?;
                Some((Cond::EnumIn(fact, mask), in_text(&label, values, mask)))
            }
            (Domain::Enum(values), CondSpec { one_of: Some(list), .. }) => {
                let mask = self.enum_mask(file, line, &fid, values, list)?;
                Some((Cond::EnumIn(fact, mask), in_text(&label, values, mask)))
            }
            (Domain::Set(values), CondSpec { contains_any: Some(list), .. }) => {
                let mask = self.enum_mask(file, line, &fid, values, list)?;
                let names = names(values, mask);
                Some((
                    Cond::SetContainsAny(fact, mask),
                    Text::new(
                        format!("{} omvat {}", label.nl, names.nl.replace(", ", " of ")),
                        format!("{} include {}", label.en, names.en.replace(", ", " or ")),
                    ),
                ))
            }
            (Domain::Set(values), CondSpec { subset_of: Some(list), .. }) => {
                let mask = self.enum_mask(file, line, &fid, values, list)?;
                let names = names(values, mask);
                Some((
                    Cond::SetSubsetOf(fact, mask),
                    Text::new(format!("{}: alleen {}", label.nl, names.nl), format!("{}: only {}", label.en, names.en)),
                ))
            }
            (Domain::Role { allow_none }, _) => self.role_atom(file, line, fact, *allow_none, &label, spec),
            (Domain::Age, CondSpec { below: Some(n), .. }) => Some((
                Cond::AgeBelow(fact, *n),
                Text::new(format!("{}: jonger dan {n} jaar", label.nl), format!("{}: under {n}", label.en)),
            )),
            (Domain::Age, CondSpec { at_least: Some(n), .. }) => Some((
                Cond::AgeAtLeast(fact, *n),
                Text::new(format!("{}: {n} jaar of ouder", label.nl), format!("{}: {n} or older", label.en)),
            )),
            _ => {
                mismatch(self, "deze vergelijking");
                None
            }
        }
    }

    fn role_atom(
        &mut self,
        file: &str,
        line: Option<u64>,
        fact: FactId,
        allow_none: bool,
        label: &Text,
        spec: &CondSpec,
    ) -> Option<(Cond, Text)> {
        let mut mask = RoleMask::default();
        let text;
        if let Some(other) = &spec.same_as {
            let Some(o) = self.fact_ix.get(other).copied() else {
                self.err(file, line, format!("onbekend feit '{other}'"));
                return None;
            };
            if !matches!(self.facts[o.ix()].domain, Domain::Role { .. }) {
                self.err(file, line, format!("same_as vergelijkt alleen rollen; '{other}' is geen rol"));
                return None;
            }
            let ol = self.fact_label(o).clone();
            return Some((
                Cond::SameRole(fact, o),
                Text::new(format!("{} is dezelfde als {}", label.nl, ol.nl), format!("{} is the same as {}", label.en, ol.en)),
            ));
        }
        let list: Vec<String> = match (&spec.is, &spec.one_of) {
            (Some(ScalarSpec::Str(s)), _) => vec![s.clone()],
            (_, Some(l)) => l.clone(),
            _ => Vec::new(),
        };
        if !list.is_empty() {
            let mut names_nl = Vec::new();
            let mut names_en = Vec::new();
            for r in &list {
                if r == "none" && allow_none {
                    mask.none = true;
                    names_nl.push("niemand (eigen initiatief)".to_string());
                    names_en.push("nobody (own initiative)".to_string());
                } else if let Some(id) = self.role_ix.get(r) {
                    mask.roles |= 1u128 << id.0;
                    names_nl.push(self.roles[id.ix()].label.nl.clone());
                    names_en.push(self.roles[id.ix()].label.en.clone());
                } else {
                    self.err(file, line, format!("onbekende rol '{r}'"));
                    return None;
                }
            }
            text = Text::new(format!("{}: {}", label.nl, names_nl.join(" of ")), format!("{}: {}", label.en, names_en.join(" or ")));
        } else if let Some(regimes) = &spec.secrecy {
            for (i, r) in self.roles.iter().enumerate() {
                if regimes.contains(&r.secrecy) {
                    mask.roles |= 1u128 << i;
                }
            }
            let words: Vec<&str> = regimes.iter().map(|s| secrecy_nl(*s)).collect();
            let words_en: Vec<&str> = regimes.iter().map(|s| secrecy_en(*s)).collect();
            text = Text::new(format!("{}: heeft {}", label.nl, words.join(" of ")), format!("{}: has {}", label.en, words_en.join(" or ")));
        } else if let Some(levels) = &spec.verschoningsrecht {
            for (i, r) in self.roles.iter().enumerate() {
                if levels.contains(&r.verschoningsrecht) {
                    mask.roles |= 1u128 << i;
                }
            }
            let words: Vec<&str> = levels.iter().map(|v| verschoning_nl(*v)).collect();
            let words_en: Vec<&str> = levels.iter().map(|v| verschoning_en(*v)).collect();
            text = Text::new(
                format!("{}: verschoningsrecht {}", label.nl, words.join(" of ")),
                format!("{}: privilege {}", label.en, words_en.join(" or ")),
            );
        } else if let Some(tag) = &spec.tag {
            let Some(t) = self.tags.iter().position(|t| t.id == *tag) else {
                self.err(file, line, format!("onbekend label (tag) '{tag}'"));
                return None;
            };
            for (i, r) in self.roles.iter().enumerate() {
                if r.tags.contains(&t) {
                    mask.roles |= 1u128 << i;
                }
            }
            let tl = self.tags[t].label.clone();
            text = Text::new(format!("{}: {}", label.nl, tl.nl), format!("{}: {}", label.en, tl.en));
        } else {
            self.err(file, line, "deze vergelijking past niet bij een rol; gebruik is, in, secrecy, tag, verschoningsrecht of same_as");
            return None;
        }
        Some((Cond::RoleIn(fact, mask), text))
    }

    fn enum_mask(&mut self, file: &str, line: Option<u64>, fact: &str, values: &[ValueDef], list: &[String]) -> Option<u64> {
        let mut mask = 0u64;
        for s in list {
            match values.iter().position(|v| v.id == *s) {
                Some(i) => mask |= 1 << i,
                None => {
                    let allowed: Vec<&str> = values.iter().map(|v| v.id.as_str()).collect();
                    self.err(file, line, format!("onbekende waarde '{s}' voor feit '{fact}'; toegestaan: {}", allowed.join(", ")));
                    return None;
                }
            }
        }
        Some(mask)
    }
}

pub fn secrecy_nl(s: Secrecy) -> &'static str {
    match s {
        Secrecy::Beroepsgeheim => "beroepsgeheim",
        Secrecy::Zwijgplicht => "zwijgplicht (beroepscode)",
        Secrecy::Ambtsgeheim => "ambtelijke geheimhouding",
        Secrecy::Geen => "geen beroepsgeheim",
    }
}
pub fn secrecy_en(s: Secrecy) -> &'static str {
    match s {
        Secrecy::Beroepsgeheim => "statutory professional secrecy (beroepsgeheim)",
        Secrecy::Zwijgplicht => "a duty of silence under a professional code (zwijgplicht)",
        Secrecy::Ambtsgeheim => "official secrecy (ambtsgeheim)",
        Secrecy::Geen => "no professional secrecy",
    }
}
fn verschoning_nl(v: Verschoningsrecht) -> &'static str {
    match v {
        Verschoningsrecht::Ja => "erkend",
        Verschoningsrecht::Afgeleid => "afgeleid",
        Verschoningsrecht::RechterBeslist => "ter beoordeling van de rechter",
        Verschoningsrecht::Nee => "geen",
    }
}
fn verschoning_en(v: Verschoningsrecht) -> &'static str {
    match v {
        Verschoningsrecht::Ja => "recognised",
        Verschoningsrecht::Afgeleid => "derived",
        Verschoningsrecht::RechterBeslist => "for the court to decide",
        Verschoningsrecht::Nee => "none",
    }
}

fn join_texts(nodes: &[Node], nl: &str, en: &str) -> Text {
    Text::new(
        nodes.iter().map(|n| n.text.nl.as_str()).collect::<Vec<_>>().join(nl),
        nodes.iter().map(|n| n.text.en.as_str()).collect::<Vec<_>>().join(en),
    )
}

fn names(values: &[ValueDef], mask: u64) -> Text {
    let picked: Vec<&ValueDef> = values.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, v)| v).collect();
    Text::new(
        picked.iter().map(|v| v.label.nl.as_str()).collect::<Vec<_>>().join(", "),
        picked.iter().map(|v| v.label.en.as_str()).collect::<Vec<_>>().join(", "),
    )
}

fn in_text(label: &Text, values: &[ValueDef], mask: u64) -> Text {
    let n = names(values, mask);
    Text::new(format!("{}: {}", label.nl, n.nl.replace(", ", " of ")), format!("{}: {}", label.en, n.en.replace(", ", " or ")))
}

fn default_value(domain: &Domain, roles: &HashMap<String, RoleId>, raw: &ScalarSpec) -> Result<Value, String> {
    match (domain, raw) {
        (Domain::Bool, ScalarSpec::Bool(b)) => Ok(Value::Bool(*b)),
        (Domain::Enum(vs), ScalarSpec::Str(s)) => {
            vs.iter().position(|v| v.id == *s).map(|i| Value::Enum(i as u8)).ok_or(format!("onbekende standaardwaarde '{s}'"))
        }
        (Domain::Role { allow_none: true }, ScalarSpec::Str(s)) if s == "none" => Ok(Value::Role(None)),
        (Domain::Role { .. }, ScalarSpec::Str(s)) => roles.get(s).map(|r| Value::Role(Some(*r))).ok_or(format!("onbekende rol '{s}'")),
        (Domain::Age, ScalarSpec::Int(n)) if (0..=130).contains(n) => Ok(Value::Age(Age::Years(*n as u8))),
        (Domain::Age, ScalarSpec::Str(s)) if s == "adult" => Ok(Value::Age(Age::Adult)),
        _ => Err("standaardwaarde past niet bij het type van het feit".into()),
    }
}

pub(crate) fn compile(p: Parsed, hash: String) -> Result<RuleSet, RuleErrors> {
    let mut ctx = Ctx {
        errors: Vec::new(),
        sources: HashMap::new(),
        facts: Vec::new(),
        fact_ix: HashMap::new(),
        tags: Vec::new(),
        roles: Vec::new(),
        role_ix: HashMap::new(),
        pred_ix: HashMap::new(),
        pred_labels: Vec::new(),
    };

    // Rule-set metadata.
    let meta = match &p.ruleset {
        Some((file, r)) => {
            let from = ctx.date(file, &r.valid_from);
            let to = r.valid_to.as_ref().and_then(|d| ctx.date(file, d));
            let description = ctx.text(file, None, "beschrijving", &r.description);
            from.map(|valid_from| Meta { name: r.name.clone(), version: r.version.clone(), valid_from, valid_to: to, description })
        }
        None => {
            ctx.err("ruleset.yaml", None, "bestand ontbreekt: de regelset heeft een naam, versie en geldigheid nodig");
            None
        }
    };

    // Sources.
    let mut sources = Vec::new();
    for (file, f) in &p.sources {
        for s in &f.sources {
            if ctx.sources.contains_key(&s.id.value) {
                ctx.err(file, line_of(&s.id), format!("bron '{}' staat er twee keer in", s.id.value));
                continue;
            }
            let line = line_of(&s.id);
            if s.url.trim().is_empty() || s.title.trim().is_empty() || s.citation.trim().is_empty() {
                ctx.err(file, line, format!("bron '{}' mist titel, citeerwijze of adres", s.id.value));
            }
            let publisher = s.publisher.as_deref().map(str::trim).unwrap_or("");
            if publisher.is_empty() {
                ctx.err(
                    file,
                    line,
                    format!(
                        "bron '{}' mist de uitgever (publisher); noem wie de bron openbaar maakt, bijvoorbeeld 'KNMG' of 'Overheid.nl (wetten.overheid.nl)'",
                        s.id.value
                    ),
                );
            }
            // Users only ever see public sources: no internal working documents.
            if s.kind.trim().eq_ignore_ascii_case("seed") {
                ctx.err(
                    file,
                    line,
                    format!(
                        "bron '{}' is geen openbare bron maar een intern werkdocument (kind: seed); citeer de openbare bron zelf",
                        s.id.value
                    ),
                );
            }
            let url = s.url.trim().to_ascii_lowercase();
            if url.starts_with("seed:") {
                ctx.err(
                    file,
                    line,
                    format!(
                        "bron '{}' verwijst niet naar een openbaar adres maar naar een intern werkdocument ({}); geef het openbare adres",
                        s.id.value,
                        s.url.trim()
                    ),
                );
            } else if !url.is_empty() && !url.starts_with("https://") && !url.starts_with("http://") {
                ctx.err(
                    file,
                    line,
                    format!("bron '{}' heeft geen openbaar adres; het adres moet met https:// of http:// beginnen", s.id.value),
                );
            }
            ctx.sources.insert(s.id.value.clone(), SourceId(sources.len() as u16));
            sources.push(Source {
                id: s.id.value.clone(),
                kind: s.kind.clone(),
                publisher: publisher.to_string(),
                title: s.title.clone(),
                citation: s.citation.clone(),
                url: s.url.clone(),
                status: s.status,
                note: s.note.clone(),
            });
        }
    }
    if sources.is_empty() {
        ctx.err("sources.yaml", None, "het bronnenregister is leeg of ontbreekt");
    }

    // Roles and their tags (before facts: role facts need no list, but defaults may name roles).
    for (file, f) in &p.roles {
        for t in &f.tags {
            if ctx.tags.iter().any(|x| x.id == t.id) {
                ctx.err(file, None, format!("label (tag) '{}' staat er twee keer in", t.id));
            }
            ctx.tags.push(Tag { id: t.id.clone(), label: Text::new(&t.nl, &t.en) });
        }
    }
    for (file, f) in &p.roles {
        for r in &f.roles {
            if ctx.role_ix.contains_key(&r.id.value) {
                ctx.err(file, line_of(&r.id), format!("rol '{}' staat er twee keer in", r.id.value));
                continue;
            }
            if r.id.value == "none" {
                ctx.err(file, line_of(&r.id), "'none' is gereserveerd voor 'niemand'");
            }
            let mut tags = Vec::new();
            for t in &r.tags {
                match ctx.tags.iter().position(|x| x.id == t.value) {
                    Some(i) => tags.push(i),
                    None => ctx.err(file, line_of(t), format!("rol '{}' heeft onbekend label (tag) '{}'", r.id.value, t.value)),
                }
            }
            let srcs = ctx.sources(file, &r.id.value, &r.sources);
            let note = r.note.as_ref().map(|n| ctx.text(file, line_of(&r.id), "toelichting", n));
            ctx.role_ix.insert(r.id.value.clone(), RoleId(ctx.roles.len() as u16));
            ctx.roles.push(Role {
                id: r.id.value.clone(),
                label: Text::new(&r.nl, &r.en),
                group: r.group.clone(),
                secrecy: r.secrecy,
                verschoningsrecht: r.verschoningsrecht,
                tags,
                sources: srcs,
                note,
            });
        }
    }
    if ctx.roles.len() >= 128 {
        // Role sets are 128-bit masks; stop here rather than compile conditions over them.
        ctx.err("roles.yaml", None, "meer dan 127 rollen wordt niet ondersteund");
        return Err(RuleErrors(ctx.errors));
    }

    // Facts.
    for (file, f) in &p.facts {
        for fs in &f.facts {
            let line = line_of(&fs.id);
            if ctx.fact_ix.contains_key(&fs.id.value) {
                ctx.err(file, line, format!("feit '{}' staat er twee keer in", fs.id.value));
                continue;
            }
            let values: Vec<ValueDef> = fs
                .values
                .iter()
                .map(|v| ValueDef {
                    id: v.id.clone(),
                    label: Text::new(&v.nl, &v.en),
                    help: v.help.as_ref().map(|h| Text::new(&h.nl, &h.en)),
                })
                .collect();
            let domain = match fs.kind {
                FactTypeSpec::Bool => Domain::Bool,
                FactTypeSpec::Enum => Domain::Enum(values.clone()),
                FactTypeSpec::Set => Domain::Set(values.clone()),
                FactTypeSpec::Role => Domain::Role { allow_none: false },
                FactTypeSpec::RoleOrNone => Domain::Role { allow_none: true },
                FactTypeSpec::Age => Domain::Age,
            };
            match (&domain, values.len()) {
                (Domain::Enum(_) | Domain::Set(_), 0) => ctx.err(file, line, format!("feit '{}' heeft geen waarden", fs.id.value)),
                (Domain::Enum(_) | Domain::Set(_), n) if n > 64 => {
                    ctx.err(file, line, format!("feit '{}' heeft meer dan 64 waarden", fs.id.value))
                }
                (Domain::Enum(_) | Domain::Set(_), _) => {}
                (_, 0) => {}
                _ => ctx.err(file, line, format!("feit '{}' van dit type heeft geen waardenlijst", fs.id.value)),
            }
            let mut seen = HashSet::new();
            for v in &values {
                if !seen.insert(v.id.clone()) {
                    ctx.err(file, line, format!("feit '{}': waarde '{}' staat er twee keer in", fs.id.value, v.id));
                }
            }
            let default = match &fs.default {
                Some(raw) => match default_value(&domain, &ctx.role_ix, raw) {
                    Ok(v) => Some(v),
                    Err(e) => {
                        ctx.err(file, line, format!("feit '{}': {e}", fs.id.value));
                        None
                    }
                },
                None => None,
            };
            let label = ctx.text(file, line, "label", &fs.label);
            let question = ctx.text(file, line, "vraag", &fs.question);
            let why = ctx.text(file, line, "waarom", &fs.why);
            let srcs = ctx.sources(file, &fs.id.value, &fs.sources);
            ctx.fact_ix.insert(fs.id.value.clone(), FactId(ctx.facts.len() as u16));
            ctx.facts.push(Fact {
                id: fs.id.value.clone(),
                domain,
                default,
                label,
                question,
                why,
                answered_by: fs.answered_by.clone(),
                order: fs.order,
                changeable: fs.changeable,
                early: None,
                sources: srcs,
            });
        }
    }
    if ctx.errors.iter().any(|e| e.message.contains("meer dan 64 waarden")) {
        // Value sets are 64-bit masks; conditions over such a fact cannot be compiled.
        return Err(RuleErrors(ctx.errors));
    }

    // Early places read other facts, so they are compiled once every fact is known.
    for (file, f) in &p.facts {
        for fs in &f.facts {
            let (Some(early), Some(ix)) = (&fs.early, ctx.fact_ix.get(&fs.id.value).copied()) else { continue };
            if early.order >= fs.order {
                ctx.err(file, line_of(&fs.id), format!("feit '{}': 'early.order' moet kleiner zijn dan 'order'", fs.id.value));
            }
            if let Some(when) = ctx.cond(file, line_of(&fs.id), &early.when) {
                ctx.facts[ix.ix()].early = Some(EarlyOrder { when, order: early.order });
            }
        }
    }

    // Predicates: register names first so they may refer to each other, then compile in order
    // (a predicate may only use predicates defined above it, which rules out cycles).
    let mut predicates = Vec::new();
    for (file, f) in &p.predicates {
        for ps in &f.predicates {
            if ctx.pred_ix.contains_key(&ps.id.value) {
                ctx.err(file, line_of(&ps.id), format!("predicaat '{}' staat er twee keer in", ps.id.value));
                continue;
            }
            let label = ctx.text(file, line_of(&ps.id), "label", &ps.label);
            if let Some(when) = ctx.cond(file, line_of(&ps.id), &ps.when) {
                ctx.pred_ix.insert(ps.id.value.clone(), PredId(predicates.len() as u16));
                ctx.pred_labels.push(label.clone());
                predicates.push(Predicate { id: ps.id.value.clone(), label, when });
            }
        }
    }

    let mut grounds = Vec::new();
    for (file, f) in &p.grounds {
        for g in &f.grounds {
            let explanation = ctx.text(file, line_of(&g.id), "uitleg", &g.explanation);
            let srcs = ctx.sources(file, &g.id.value, &g.sources);
            grounds.push(Ground { id: g.id.value.clone(), label: Text::new(&g.nl, &g.en), explanation, sources: srcs });
        }
    }
    let mut avg_bases = Vec::new();
    for (file, f) in &p.avg {
        for b in &f.bases {
            let srcs = ctx.sources(file, &b.id.value, &b.sources);
            avg_bases.push(AvgBasis {
                id: b.id.value.clone(),
                kind: b.kind,
                article: b.article.clone(),
                label: Text::new(&b.nl, &b.en),
                sources: srcs,
            });
        }
    }
    let mut conditions = Vec::new();
    for (file, f) in &p.conditions {
        for c in &f.conditions {
            let srcs = ctx.sources(file, &c.id.value, &c.sources);
            conditions.push(ConditionDef { id: c.id.value.clone(), label: Text::new(&c.nl, &c.en), sources: srcs });
        }
    }
    let cond_ix: HashMap<String, ConditionId> = conditions.iter().enumerate().map(|(i, c)| (c.id.clone(), ConditionId(i as u16))).collect();
    let mut judgments = Vec::new();
    for (file, f) in &p.judgments {
        for j in &f.judgments {
            let line = line_of(&j.id);
            let title = ctx.text(file, line, "titel", &j.title);
            let intro = ctx.text(file, line, "inleiding", &j.intro);
            let criteria = j
                .criteria
                .iter()
                .map(|c| Criterion {
                    id: c.id.clone(),
                    label: Text::new(&c.nl, &c.en),
                    help: c.help.as_ref().map(|h| Text::new(&h.nl, &h.en)),
                })
                .collect::<Vec<_>>();
            if criteria.is_empty() {
                ctx.err(file, line, format!("afweging '{}' heeft geen criteria", j.id.value));
            }
            if let Some(e) = &j.exception
                && !EXCEPTION_KEYS.contains(&e.as_str())
            {
                ctx.err(
                    file,
                    line,
                    format!("afweging '{}': onbekende uitzondering '{e}'; bekend: {}", j.id.value, EXCEPTION_KEYS.join(", ")),
                );
            }
            let srcs = ctx.sources(file, &j.id.value, &j.sources);
            judgments.push(JudgmentSet { id: j.id.value.clone(), title, intro, criteria, exception: j.exception.clone(), sources: srcs });
        }
    }

    let mut condition_rules = Vec::new();
    for (file, f) in &p.conditions {
        for r in &f.rules {
            let line = line_of(&r.id);
            let when = r.when.as_ref().and_then(|w| ctx.cond(file, line, w));
            let mut add = Vec::new();
            for a in &r.add {
                match cond_ix.get(&a.value) {
                    Some(c) => add.push(*c),
                    None => ctx.err(file, line_of(a), format!("onbekende voorwaarde '{}'", a.value)),
                }
            }
            let srcs = ctx.sources(file, &r.id.value, &r.sources);
            condition_rules.push(ConditionRule { id: r.id.value.clone(), outcomes: r.outcomes.clone(), when, add, sources: srcs });
        }
    }

    let mut notices = Vec::new();
    for (file, f) in &p.notices {
        for n in &f.notices {
            let line = line_of(&n.id);
            let when = ctx.cond(file, line, &n.when);
            let text = ctx.text(file, line, "tekst", &n.text);
            let srcs = ctx.sources(file, &n.id.value, &n.sources);
            if let Some(when) = when {
                notices.push(Notice { id: n.id.value.clone(), when, text, uncertain: n.uncertain, sources: srcs });
            }
        }
    }
    let mut record = Vec::new();
    for (file, f) in &p.dossier {
        for r in &f.record {
            let line = line_of(&r.id);
            let when = r.when.as_ref().and_then(|w| ctx.cond(file, line, w));
            let text = ctx.text(file, line, "tekst", &r.text);
            let srcs = ctx.sources(file, &r.id.value, &r.sources);
            record.push(RecordItem { id: r.id.value.clone(), text, outcomes: r.outcomes.clone(), when, sources: srcs });
        }
    }

    let ground_ix: HashMap<String, GroundId> = grounds.iter().enumerate().map(|(i, g)| (g.id.clone(), GroundId(i as u16))).collect();
    let avg_ix: HashMap<String, AvgId> = avg_bases.iter().enumerate().map(|(i, b)| (b.id.clone(), AvgId(i as u16))).collect();
    let judgment_ix: HashMap<String, JudgmentId> =
        judgments.iter().enumerate().map(|(i, j)| (j.id.clone(), JudgmentId(i as u16))).collect();

    let mut routes = Vec::new();
    let mut route_ids = HashSet::new();
    for (file, f) in &p.routes {
        for r in &f.routes {
            let line = line_of(&r.id);
            let id = r.id.value.clone();
            if !route_ids.insert(id.clone()) {
                ctx.err(file, line, format!("route '{id}' staat er twee keer in"));
            }
            let ground = r.ground.as_ref().and_then(|g| {
                let found = ground_ix.get(&g.value).copied();
                if found.is_none() {
                    ctx.err(file, line_of(g), format!("route '{id}': onbekende grond '{}'", g.value));
                }
                found
            });
            let judgment = r.judgment.as_ref().and_then(|j| {
                let found = judgment_ix.get(&j.value).copied();
                if found.is_none() {
                    ctx.err(file, line_of(j), format!("route '{id}': onbekende afweging '{}'", j.value));
                }
                found
            });
            let exception = r.exception.as_ref().and_then(|e| {
                let found = judgment_ix.get(&e.judgment.value).copied();
                match found {
                    None => ctx.err(file, line_of(&e.judgment), format!("route '{id}': onbekende afweging '{}'", e.judgment.value)),
                    Some(j) if judgments[j.ix()].exception.is_none() => ctx.err(
                        file,
                        line_of(&e.judgment),
                        format!(
                            "route '{id}': afweging '{}' beslist geen wettelijke uitzondering (geef haar 'exception:')",
                            e.judgment.value
                        ),
                    ),
                    Some(_) => {}
                }
                let points_to = ctx.cond(file, line_of(&e.judgment), &e.points_to);
                match (found, points_to) {
                    (Some(judgment), Some(points_to)) => Some(RouteException { judgment, points_to }),
                    _ => None,
                }
            });
            if exception.is_some() && r.level != Level::MustShare {
                ctx.err(file, line, format!("route '{id}': een wettelijke uitzondering hoort bij een plicht (level: must_share)"));
            }
            let limits: Vec<(Node, Level)> = r.limits.iter().filter_map(|l| ctx.cond(file, line, &l.when).map(|n| (n, l.level))).collect();
            if r.requires.is_empty() {
                ctx.err(file, line, format!("route '{id}' heeft geen vereisten (requires)"));
            }
            let requires: Vec<Node> = r.requires.iter().filter_map(|c| ctx.cond(file, line, c)).collect();
            let mut standard_requires = Vec::new();
            for (i, c) in r.requires.iter().enumerate() {
                if let Some(src) = &c.standard {
                    match ctx.sources.get(&src.value) {
                        Some(s) => standard_requires.push((i, *s)),
                        None => ctx.err(file, line_of(src), format!("route '{id}' citeert onbekende bron '{}'", src.value)),
                    }
                }
            }
            let statutory = ground.is_some_and(|g| STATUTORY_GROUNDS.contains(&grounds[g.ix()].id.as_str()));
            if statutory && !standard_requires.is_empty() {
                ctx.err(
                    file,
                    line,
                    format!(
                        "route '{id}': een beroepsnorm mag een wettelijke plicht of wettelijk recht niet blokkeren; maak er een criterium van de afweging of een waarschuwing van"
                    ),
                );
            }
            let avg_requires: Vec<Node> = r.avg.requires.iter().filter_map(|c| ctx.cond(file, line, c)).collect();
            let mut avg_basis = Vec::new();
            for b in &r.avg.basis {
                match avg_ix.get(&b.value) {
                    Some(a) => avg_basis.push(*a),
                    None => ctx.err(file, line_of(b), format!("route '{id}': onbekende AVG-grondslag '{}'", b.value)),
                }
            }
            if avg_basis.is_empty() {
                ctx.err(file, line, format!("route '{id}' noemt geen AVG-grondslag"));
            }
            let mut conds = Vec::new();
            for c in &r.conditions {
                let (cid, when) = match c {
                    CondRefSpec::Plain(s) => (s, None),
                    CondRefSpec::When(w) => (&w.id, ctx.cond(file, line_of(&w.id), &w.when)),
                };
                match cond_ix.get(&cid.value) {
                    Some(ci) => conds.push((*ci, when)),
                    None => ctx.err(file, line_of(cid), format!("route '{id}': onbekende voorwaarde '{}'", cid.value)),
                }
            }
            let title = ctx.text(file, line, "titel", &r.title);
            let holds = ctx.text(file, line, "uitleg", &r.holds);
            let counterfactual = r.counterfactual.as_ref().map(|t| ctx.text(file, line, "wat het antwoord verandert", t));
            let uncertain = r.uncertain.as_ref().map(|t| ctx.text(file, line, "onzekerheid", t));
            let avg_note = r.avg.note.as_ref().map(|t| ctx.text(file, line, "AVG-toelichting", t));
            let srcs = ctx.sources(file, &id, &r.sources);
            let from = ctx.date(file, &r.valid_from);
            let to = r.valid_to.as_ref().and_then(|d| ctx.date(file, d));
            if let (Some(f), Some(t)) = (from, to)
                && t <= f
            {
                ctx.err(file, line, format!("route '{id}': valid_to ligt niet na valid_from"));
            }
            if let Some(valid_from) = from {
                routes.push(Route {
                    id,
                    ground,
                    title,
                    holds,
                    counterfactual,
                    level: r.level,
                    judgment,
                    exception,
                    limits,
                    requires,
                    standard_requires,
                    avg_basis,
                    avg_requires,
                    avg_note,
                    conditions: conds,
                    sources: srcs,
                    valid_from,
                    valid_to: to,
                    uncertain,
                });
            }
        }
    }

    // Unique ids in the small catalogues.
    for (what, ids) in [
        ("grond", grounds.iter().map(|g| g.id.as_str()).collect::<Vec<_>>()),
        ("AVG-grondslag", avg_bases.iter().map(|g| g.id.as_str()).collect()),
        ("voorwaarde", conditions.iter().map(|g| g.id.as_str()).collect()),
        ("afweging", judgments.iter().map(|g| g.id.as_str()).collect()),
    ] {
        let mut seen = HashSet::new();
        for id in ids {
            if !seen.insert(id) {
                ctx.err("rules", None, format!("{what} '{id}' staat er twee keer in"));
            }
        }
    }

    if !ctx.errors.is_empty() {
        return Err(RuleErrors(ctx.errors));
    }
    let Some(meta) = meta else {
        return Err(RuleErrors(vec![RuleError { file: "ruleset.yaml".into(), line: None, message: "ongeldige metadata".into() }]));
    };
    let mut set = RuleSet {
        meta,
        hash,
        sources,
        facts: ctx.facts,
        tags: ctx.tags,
        roles: ctx.roles,
        predicates,
        grounds,
        avg_bases,
        conditions,
        condition_rules,
        judgments,
        notices,
        record,
        routes,
        representatives: Vec::new(),
    };
    set.representatives = crate::classes::representatives(&set);
    Ok(set)
}
