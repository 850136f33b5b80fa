//! The application's errors (Dutch, naming what is wrong; never client data).

use grondslag_store::{IntegrityFault, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("sleutels: {0}")]
    Keys(String),
    #[error("{0}")]
    Invalid(grondslag_i18n::Msg),
    #[error("{0}")]
    Facts(#[from] grondslag_scenario::ScenarioError),
    #[error(transparent)]
    Engine(#[from] grondslag_engine::EngineError),
    #[error("logboek: {0}")]
    Ledger(String),
    #[error("versleuteling: {0}")]
    Seal(#[from] grondslag_ledger::SealError),
    #[error("integriteit: {0}")]
    Integrity(#[from] IntegrityFault),
    /// Recording a deliberation was refused: the message says why and what to do.
    #[error("{0}")]
    Refused(crate::deliberation::Refusal),
}

impl AppError {
    pub(crate) fn ledger(e: impl std::fmt::Display) -> Self {
        AppError::Ledger(e.to_string())
    }
}

pub type AppResult<T> = Result<T, AppError>;
