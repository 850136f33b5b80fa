//! Golden scenarios in the format of `shared/scenarios/FORMAT.md` (a contract): parsed
//! strictly (an unknown key, value or type is an error naming file, scenario and key, never a
//! silent skip), evaluated with the engine, and compared with their expected answer.

mod parse;
mod run;

pub use parse::{Expect, Scenario, ScenarioError, parse_facts_file, parse_facts_tree, parse_file};
pub use run::{Diff, ScenarioResult, collect_files, outcome_id, run_scenario};
