//! The rule files as written by legal maintainers: plain serde structs that mirror the YAML
//! one-to-one. Nothing here is trusted yet; `compile` turns these into the typed
//! [`crate::RuleSet`] and rejects every dangling reference with file, line and a Dutch message.

use serde::Deserialize;
use serde_saphyr::Spanned;

/// A text every user reads: Dutch first, English second.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextSpec {
    pub nl: String,
    pub en: String,
}

/// A scalar written in YAML where the type depends on the fact it belongs to.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum ScalarSpec {
    Bool(bool),
    Int(i64),
    Str(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesetFile {
    pub ruleset: RulesetSpec,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesetSpec {
    pub name: String,
    pub version: String,
    pub valid_from: Spanned<String>,
    #[serde(default)]
    pub valid_to: Option<Spanned<String>>,
    pub description: TextSpec,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    pub sources: Vec<SourceSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceSpec {
    pub id: Spanned<String>,
    pub kind: String,
    /// Who publishes the source (required; checked in `compile` so that a missing publisher
    /// gets a Dutch message with file and line).
    #[serde(default)]
    pub publisher: Option<String>,
    pub title: String,
    pub citation: String,
    pub url: String,
    pub status: SourceStatus,
    /// For maintainers only: what is uncertain about the source. Never shown to users.
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceStatus {
    Verified,
    PartlyVerified,
    Unverified,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactsFile {
    pub facts: Vec<FactSpec>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactTypeSpec {
    Bool,
    Enum,
    Set,
    Role,
    RoleOrNone,
    Age,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactSpec {
    pub id: Spanned<String>,
    #[serde(rename = "type")]
    pub kind: FactTypeSpec,
    #[serde(default)]
    pub values: Vec<ValueSpec>,
    #[serde(default)]
    pub default: Option<ScalarSpec>,
    pub label: TextSpec,
    pub question: TextSpec,
    pub why: TextSpec,
    pub answered_by: String,
    pub order: u32,
    /// Whether a professional can change this fact to make a disclosure lawful
    /// (ask consent, share less, choose another recipient): used for "what would change the answer".
    #[serde(default)]
    pub changeable: bool,
    /// Ask this question earlier (at `order`) when `when` holds: e.g. danger, as soon as the
    /// purpose or a suspicion points to it.
    #[serde(default)]
    pub early: Option<EarlySpec>,
    pub sources: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EarlySpec {
    pub when: CondSpec,
    pub order: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValueSpec {
    pub id: String,
    pub nl: String,
    pub en: String,
    #[serde(default)]
    pub help: Option<TextSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RolesFile {
    pub tags: Vec<TagSpec>,
    pub roles: Vec<RoleSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagSpec {
    pub id: String,
    pub nl: String,
    pub en: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Secrecy {
    /// Statutory beroepsgeheim (Wet BIG, WGBO, Jeugdwet).
    Beroepsgeheim,
    /// A duty of silence from a beroepscode only.
    Zwijgplicht,
    /// Ambtelijke geheimhouding (art. 2:5 Awb or a sector statute).
    Ambtsgeheim,
    /// No professional secrecy; the AVG still applies.
    Geen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verschoningsrecht {
    Ja,
    Afgeleid,
    RechterBeslist,
    Nee,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleSpec {
    pub id: Spanned<String>,
    pub nl: String,
    pub en: String,
    pub group: String,
    pub secrecy: Secrecy,
    pub verschoningsrecht: Verschoningsrecht,
    #[serde(default)]
    pub tags: Vec<Spanned<String>>,
    pub sources: Vec<Spanned<String>>,
    #[serde(default)]
    pub note: Option<TextSpec>,
}

/// A condition over facts. Exactly one of the operator fields is set; `label` optionally
/// gives the Dutch/English wording shown in the trace instead of the generated one.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct CondSpec {
    #[serde(default)]
    pub label: Option<TextSpec>,
    #[serde(default)]
    pub all: Option<Vec<CondSpec>>,
    #[serde(default)]
    pub any: Option<Vec<CondSpec>>,
    #[serde(default)]
    pub not: Option<Box<CondSpec>>,
    #[serde(default, rename = "ref")]
    pub reference: Option<Spanned<String>>,
    #[serde(default)]
    pub fact: Option<Spanned<String>>,
    #[serde(default)]
    pub is: Option<ScalarSpec>,
    #[serde(default, rename = "in")]
    pub one_of: Option<Vec<String>>,
    #[serde(default)]
    pub contains_any: Option<Vec<String>>,
    #[serde(default)]
    pub subset_of: Option<Vec<String>>,
    #[serde(default)]
    pub below: Option<u8>,
    #[serde(default)]
    pub at_least: Option<u8>,
    #[serde(default)]
    pub secrecy: Option<Vec<Secrecy>>,
    #[serde(default)]
    pub tag: Option<String>,
    #[serde(default)]
    pub verschoningsrecht: Option<Vec<Verschoningsrecht>>,
    #[serde(default)]
    pub same_as: Option<String>,
    /// Only on a route's top-level requirement: this requirement comes from a professional
    /// standard (the source id), not from a statute. `controleer` refuses such a requirement
    /// on a route that carries a statutory duty or right.
    #[serde(default)]
    pub standard: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PredicatesFile {
    pub predicates: Vec<PredicateSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PredicateSpec {
    pub id: Spanned<String>,
    pub label: TextSpec,
    pub when: CondSpec,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroundsFile {
    pub grounds: Vec<GroundSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroundSpec {
    pub id: Spanned<String>,
    pub nl: String,
    pub en: String,
    pub explanation: TextSpec,
    pub sources: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AvgFile {
    pub bases: Vec<AvgBasisSpec>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AvgKind {
    /// A lawful basis of art. 6(1) AVG.
    Art6,
    /// An exception to the prohibition on special categories (art. 9(2) AVG, UAVG).
    Art9,
    /// Criminal data (art. 10 AVG, UAVG 31-33).
    Art10,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AvgBasisSpec {
    pub id: Spanned<String>,
    pub kind: AvgKind,
    pub article: String,
    pub nl: String,
    pub en: String,
    pub sources: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionsFile {
    pub conditions: Vec<ConditionSpec>,
    pub rules: Vec<ConditionRuleSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionSpec {
    pub id: Spanned<String>,
    pub nl: String,
    pub en: String,
    pub sources: Vec<Spanned<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    MayNotShare,
    MayShareAfterWeighing,
    MayShare,
    MustShare,
    Undetermined,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionRuleSpec {
    pub id: Spanned<String>,
    #[serde(default)]
    pub outcomes: Option<Vec<Outcome>>,
    #[serde(default)]
    pub when: Option<CondSpec>,
    pub add: Vec<Spanned<String>>,
    pub sources: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JudgmentsFile {
    pub judgments: Vec<JudgmentSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JudgmentSpec {
    pub id: Spanned<String>,
    pub title: TextSpec,
    pub intro: TextSpec,
    pub criteria: Vec<CriterionSpec>,
    /// The statutory exception this weighing decides, as FORMAT.md's `judgments.exceptions`
    /// names it (`good_care`, `child_interest`). Its criteria are worded so that "yes" means the
    /// exception does not stand in the way.
    #[serde(default)]
    pub exception: Option<String>,
    pub sources: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriterionSpec {
    pub id: String,
    pub nl: String,
    pub en: String,
    #[serde(default)]
    pub help: Option<TextSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticesFile {
    pub notices: Vec<NoticeSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeSpec {
    pub id: Spanned<String>,
    pub when: CondSpec,
    pub text: TextSpec,
    /// The sources disagree or could not be verified: shown to the user as uncertain.
    #[serde(default)]
    pub uncertain: bool,
    pub sources: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DossierFile {
    pub record: Vec<RecordSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordSpec {
    pub id: Spanned<String>,
    pub text: TextSpec,
    #[serde(default)]
    pub outcomes: Option<Vec<Outcome>>,
    #[serde(default)]
    pub when: Option<CondSpec>,
    pub sources: Vec<Spanned<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    MayShareAfterWeighing,
    MayShare,
    MustShare,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoutesFile {
    pub routes: Vec<RouteSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteSpec {
    pub id: Spanned<String>,
    #[serde(default)]
    pub ground: Option<Spanned<String>>,
    pub title: TextSpec,
    pub holds: TextSpec,
    #[serde(default)]
    pub counterfactual: Option<TextSpec>,
    pub level: Level,
    #[serde(default)]
    pub judgment: Option<Spanned<String>>,
    /// A statutory exception to this route's duty ("unless that conflicts with good care"):
    /// where the facts point to it, the duty holds only after the professional's judgment.
    #[serde(default)]
    pub exception: Option<RouteExceptionSpec>,
    /// Caps on the route's level in situations where the law or safety forbids a stronger
    /// answer (e.g. never "must share" to a recipient suspected of the abuse).
    #[serde(default)]
    pub limits: Vec<LimitSpec>,
    pub requires: Vec<CondSpec>,
    pub avg: RouteAvgSpec,
    #[serde(default)]
    pub conditions: Vec<CondRefSpec>,
    pub sources: Vec<Spanned<String>>,
    pub valid_from: Spanned<String>,
    #[serde(default)]
    pub valid_to: Option<Spanned<String>>,
    #[serde(default)]
    pub uncertain: Option<TextSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteExceptionSpec {
    /// The weighing (judgment set with `exception:`) that decides the exception.
    pub judgment: Spanned<String>,
    /// When the facts point to the exception (a suspicion of abuse, the recipient suspected,
    /// danger …).
    pub points_to: CondSpec,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitSpec {
    pub when: CondSpec,
    pub level: Level,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteAvgSpec {
    pub basis: Vec<Spanned<String>>,
    #[serde(default)]
    pub requires: Vec<CondSpec>,
    #[serde(default)]
    pub note: Option<TextSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum CondRefSpec {
    Plain(Spanned<String>),
    When(Box<CondWhenSpec>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CondWhenSpec {
    pub id: Spanned<String>,
    pub when: CondSpec,
}
