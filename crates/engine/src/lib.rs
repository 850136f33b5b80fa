//! The reasoning engine: pure, synchronous, no I/O. Given a rule set, a date, partial facts
//! and the professional's recorded judgments, it says what may be shared, on which grounds in
//! each layer, under which conditions, what it still needs to know, and why — every step
//! traced to its sources. The same input always gives the same output.

pub mod check;
mod evaluate;
mod logic;
mod report;
pub mod safety;

pub use evaluate::{
    ConditionOrigin, Counterfactual, ENGINE_VERSION, EngineError, Evaluation, ExceptionState, JudgmentRecord, JudgmentState, Judgments,
    Question, QuestionPurpose, RouteResult, evaluate, probe_values, questions_left_at_most, route_nodes, route_result,
};
pub use logic::{FactSource, Facts, Tri, eval, facts_of};
pub use report::{
    AvgLayer, FactLine, Item, JudgmentOut, NoticeOut, OptionOut, QuestionOut, RecordedAnswer, RecordedJudgment, Report, Requirement,
    RulesetRef, SecrecyLayer, SourceOut, TraceStep, options, outcome_label, report, source_line, source_status_label,
};
