//! The store's errors: Dutch messages and a stable code.

/// What went wrong in the store.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("{what} niet gevonden: {id}")]
    NotFound { what: &'static str, id: String },
    #[error("conflict: {0}")]
    Conflict(String),
    #[error("ongeldige invoer: {0}")]
    Invalid(String),
    #[error("opgeslagen gegevens zijn niet consistent: {0}")]
    Integrity(String),
    #[error("databasefout: {0}")]
    Backend(String),
}

impl StoreError {
    /// A stable, language-independent code for logs and APIs.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::NotFound { .. } => "not_found",
            StoreError::Conflict(_) => "conflict",
            StoreError::Invalid(_) => "invalid",
            StoreError::Integrity(_) => "integrity",
            StoreError::Backend(_) => "backend",
        }
    }

    pub fn not_found(what: &'static str, id: impl std::fmt::Display) -> Self {
        StoreError::NotFound { what, id: id.to_string() }
    }
}

pub type StoreResult<T> = Result<T, StoreError>;
