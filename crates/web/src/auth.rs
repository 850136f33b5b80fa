//! Signing in and out: Argon2id passwords (hashed off the async runtime, behind a semaphore),
//! server-side sessions (only the SHA-256 of the token is stored), idle and absolute timeouts,
//! login rate limiting per login name and per address, and the [`User`] extractor every
//! signed-in page uses (cookie for the browser, `Authorization: Bearer` for the API). A session
//! has a stage: after the password alone it reaches only the second step of signing in or the
//! enrolment of a second factor (`second_factor.rs`); only a fully signed-in session is a `User`.

use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use grondslag_store::{AppRole, Professional, SessionRecord, SessionStage};
use sha2::{Digest, Sha256};

use crate::error::{WebError, internal};
use crate::i18n::Lang;
use crate::second_factor::FactorUsed;
use crate::{Backend, Web, now_ms};

/// A password accepted: the session's token and how far signing in has got.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub token: String,
    pub professional: Professional,
    pub stage: SessionStage,
}

/// Sessions end after 30 minutes without activity (ASVS V7; a shared workstation on a ward).
pub const IDLE_MS: i64 = 30 * 60 * 1000;
/// And at the latest after 10 hours (one working day).
pub const ABSOLUTE_MS: i64 = 10 * 60 * 60 * 1000;
/// A session that still owes the second factor (or its enrolment) ends after 15 minutes.
pub const PENDING_MS: i64 = 15 * 60 * 1000;
/// `last_seen` is written at most once a minute, so reading a page is not a write.
const TOUCH_EVERY_MS: i64 = 60 * 1000;

/// Argon2id parameters. Production: OWASP's m=19 MiB, t=2, p=1. Tests use cheap ones.
#[derive(Debug, Clone, Copy)]
pub struct HashCost {
    pub m_kib: u32,
    pub t: u32,
}

impl HashCost {
    pub const PRODUCTION: HashCost = HashCost { m_kib: 19 * 1024, t: 2 };
    pub const TEST: HashCost = HashCost { m_kib: 256, t: 1 };

    fn argon(self) -> Result<Argon2<'static>, WebError> {
        let params = Params::new(self.m_kib, self.t, 1, None).map_err(|_| internal("argon_params"))?;
        Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
    }
}

/// Rules for a new password: long enough to resist guessing when rate-limited (NIST 800-63B).
pub fn check_password(pw: &str) -> Result<(), WebError> {
    if pw.chars().count() < 12 {
        return Err(WebError::Invalid("Een wachtwoord heeft minstens 12 tekens.".into()));
    }
    if pw.len() > 256 {
        return Err(WebError::Invalid("Een wachtwoord heeft hoogstens 256 tekens.".into()));
    }
    Ok(())
}

/// The longest login name accepted; anything longer is refused before it is counted or looked up.
pub const MAX_LOGIN_LEN: usize = 200;
/// Above this many remembered keys, keys without recent attempts are dropped.
const PRUNE_ABOVE: usize = 10_000;

/// The login limiters: per login name and per address, counted per attempt. Keys are
/// fixed-size hashes (a long name costs no more than a short one) and keys without an attempt
/// in the last minute are pruned once there are many, so a flood of unique names costs memory
/// in proportion to the attempts of the last minute only. (A global budget would bound it
/// further, but would let one attacker lock everybody out.)
pub struct Limiter {
    by_login: DefaultKeyedRateLimiter<[u8; 32]>,
    by_addr: DefaultKeyedRateLimiter<[u8; 32]>,
}

fn key(s: &str) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(s.as_bytes()).into()
}

impl Limiter {
    pub fn new() -> Self {
        // 5 attempts per login name per minute (burst 5), 30 per address per minute.
        let per_login = Quota::per_minute(NonZeroU32::MIN.saturating_add(4));
        let per_addr = Quota::per_minute(NonZeroU32::MIN.saturating_add(29));
        Limiter { by_login: RateLimiter::keyed(per_login), by_addr: RateLimiter::keyed(per_addr) }
    }

    /// Counts one attempt; `Err` when a limit is exhausted or the name is absurdly long.
    pub fn attempt(&self, login: &str, addr: &str) -> Result<(), WebError> {
        let a = self.by_addr.check_key(&key(addr)).is_ok();
        if login.chars().count() > MAX_LOGIN_LEN {
            return Err(WebError::RateLimited);
        }
        let l = self.by_login.check_key(&key(&login.trim().to_lowercase())).is_ok();
        for limiter in [&self.by_login, &self.by_addr] {
            if limiter.len() > PRUNE_ABOVE {
                limiter.retain_recent();
                limiter.shrink_to_fit();
            }
        }
        if a && l { Ok(()) } else { Err(WebError::RateLimited) }
    }

    /// How many keys the limiters remember now (for tests and diagnostics).
    pub fn remembered(&self) -> usize {
        self.by_login.len() + self.by_addr.len()
    }
}

impl Default for Limiter {
    fn default() -> Self {
        Self::new()
    }
}

impl<S: Backend> Web<S> {
    /// Hashes a password with Argon2id on the blocking pool.
    pub async fn hash_password(&self, pw: &str) -> Result<String, WebError> {
        let _permit = self.hash_gate.acquire().await.map_err(|_| internal("hash_gate"))?;
        let argon = self.cfg.hash_cost.argon()?;
        let pw = pw.to_owned();
        tokio::task::spawn_blocking(move || argon.hash_password(pw.as_bytes()).map(|h| h.to_string()))
            .await
            .map_err(|_| internal("hash_join"))?
            .map_err(|_| internal("hash"))
    }

    /// Verifies a password against a stored PHC string on the blocking pool.
    async fn verify_password(&self, pw: &str, phc: &str) -> Result<bool, WebError> {
        let _permit = self.hash_gate.acquire().await.map_err(|_| internal("hash_gate"))?;
        let (pw, phc) = (pw.to_owned(), phc.to_owned());
        tokio::task::spawn_blocking(move || match PasswordHash::new(&phc) {
            Ok(parsed) => Argon2::default().verify_password(pw.as_bytes(), &parsed).is_ok(),
            Err(_) => false,
        })
        .await
        .map_err(|_| internal("hash_join"))
    }

    /// Checks a login name and password (rate-limited). Unknown names and wrong passwords get
    /// the same answer and take the same time (a dummy hash is verified).
    pub async fn check_login(&self, login: &str, pw: &str, addr: &str) -> Result<Professional, WebError> {
        self.limiter.attempt(login, addr)?;
        let cred = self.app.store().credential_by_login(login.trim()).await?;
        let refused = || WebError::Forbidden("Inlognaam of wachtwoord klopt niet, of het account is geblokkeerd.".into());
        let Some(cred) = cred else {
            let _ = self.verify_password(pw, &self.dummy_hash).await;
            return Err(refused());
        };
        if !self.verify_password(pw, &cred.password_hash).await? || cred.disabled {
            return Err(refused());
        }
        Ok(self.app.store().professional(&cred.professional).await?)
    }

    /// Checks a login in the browser; on success creates a session and returns its token. The
    /// session is only fully signed in for an account without a second factor that needs none;
    /// otherwise it is a short-lived session that reaches nothing but the second step
    /// ([`SessionStage::SecondFactor`]) or the enrolment ([`SessionStage::Enrol`]).
    pub async fn login(&self, login: &str, pw: &str, addr: &str) -> Result<SignedIn, WebError> {
        let professional = self.check_login(login, pw, addr).await?;
        let stage = if self.active_second_factor(&professional.id).await?.is_some() {
            SessionStage::SecondFactor
        } else if self.second_factor_required(&professional).await? {
            SessionStage::Enrol
        } else {
            SessionStage::Full
        };
        let token = self.new_session(&professional.id, stage).await?;
        Ok(SignedIn { token, professional, stage })
    }

    /// Checks a login in one request (the API): password and, for an account with a second
    /// factor, `code` (a 6-digit code or a recovery code). Only a fully signed-in session is made.
    pub async fn login_with_code(&self, login: &str, pw: &str, code: Option<&str>, addr: &str) -> Result<SignedIn, WebError> {
        let professional = self.check_login(login, pw, addr).await?;
        if self.active_second_factor(&professional.id).await?.is_some() {
            let Some(code) = code.filter(|c| !c.trim().is_empty()) else { return Err(WebError::SecondFactor { enrol: false }) };
            let Some(used) = self.check_second_factor(&professional, login, code, addr).await? else {
                return Err(WebError::Forbidden("De code klopt niet, is al gebruikt of is verlopen.".into()));
            };
            if used == FactorUsed::RecoveryCode {
                self.log_account_event(&professional, addr, "tweede_factor.herstelcode_gebruikt").await?;
            }
        } else if self.second_factor_required(&professional).await? {
            return Err(WebError::SecondFactor { enrol: true });
        }
        let token = self.new_session(&professional.id, SessionStage::Full).await?;
        Ok(SignedIn { token, professional, stage: SessionStage::Full })
    }

    /// Finishes signing in: the half-signed-in session `old` is replaced by a fully signed-in
    /// one with a new token (a token seen before the second factor never gains its rights).
    pub async fn complete_login(&self, old: &str, professional: &str) -> Result<String, WebError> {
        self.app.store().delete_session(old).await?;
        self.new_session(professional, SessionStage::Full).await
    }

    async fn new_session(&self, professional: &str, stage: SessionStage) -> Result<String, WebError> {
        let token = random_token()?;
        let now = now_ms();
        let lasts = if stage == SessionStage::Full { ABSOLUTE_MS } else { PENDING_MS };
        let record = SessionRecord {
            id_hash: token_hash(&token),
            professional: professional.to_owned(),
            created: now,
            last_seen: now,
            expires: now + lasts,
            stage,
        };
        self.app.store().create_session(&record).await?;
        Ok(token)
    }

    /// The cookie that carries a session token (or clears it when `token` is empty).
    pub fn session_cookie(&self, token: &str) -> String {
        let name = self.cookie_name();
        let secure = if self.cfg.secure_cookies { "; Secure" } else { "" };
        if token.is_empty() {
            format!("{name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}")
        } else {
            format!("{name}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}", ABSOLUTE_MS / 1000)
        }
    }

    pub fn cookie_name(&self) -> &'static str {
        // The __Host- prefix makes the browser refuse the cookie unless it is Secure, host-only
        // and Path=/; it needs HTTPS, so it is used exactly when cookies are Secure.
        if self.cfg.secure_cookies { "__Host-grondslag_sessie" } else { "grondslag_sessie" }
    }
}

/// 32 random bytes as hex.
pub fn random_token() -> Result<String, WebError> {
    let mut b = [0u8; 32];
    getrandom::fill(&mut b).map_err(|_| internal("random"))?;
    Ok(hex(&b))
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// The value of cookie `name` in a request, if any.
pub fn cookie<'a>(parts: &'a Parts, name: &str) -> Option<&'a str> {
    parts
        .headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The peer address (for the access log and the rate limiter).
pub fn peer(parts: &Parts) -> String {
    parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip().to_string()).unwrap_or_else(|| "onbekend".into())
}

/// A signed-in user, with their session.
#[derive(Debug, Clone)]
pub struct User {
    pub id: String,
    pub org: String,
    pub name: String,
    pub role: AppRole,
    pub profession: String,
    pub session: String,
    pub lang: Lang,
    /// The peer address of this request.
    pub source: String,
    /// The request came with a bearer token (API), not a cookie.
    pub bearer: bool,
}

/// The user of a request's session, at whatever stage of signing in it is.
async fn session_user<S: Backend>(parts: &Parts, web: &Web<S>) -> Result<(User, SessionStage), WebError> {
    let bearer = parts
        .headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    let (token, is_bearer) = match bearer {
        Some(t) => (t, true),
        None => (cookie(parts, web.cookie_name()).ok_or(WebError::Unauthenticated)?, false),
    };
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(WebError::Unauthenticated);
    }
    let hash = token_hash(token);
    let store = web.app.store();
    let Some(session) = store.session(&hash).await? else { return Err(WebError::Unauthenticated) };
    let now = now_ms();
    if now >= session.expires || now - session.last_seen >= IDLE_MS {
        store.delete_session(&hash).await?;
        return Err(WebError::Unauthenticated);
    }
    if now - session.last_seen >= TOUCH_EVERY_MS {
        store.touch_session(&hash, now).await?;
    }
    let p = store.professional(&session.professional).await?;
    // A blocked account loses its sessions at once, even one that is still open.
    if store.credential_of(&p.id).await?.is_none_or(|c| c.disabled) {
        store.delete_session(&hash).await?;
        return Err(WebError::Unauthenticated);
    }
    let user = User {
        id: p.id,
        org: p.org,
        name: p.name,
        role: p.app_role,
        profession: p.profession,
        session: hash,
        lang: Lang::of(parts),
        source: peer(parts),
        bearer: is_bearer,
    };
    Ok((user, session.stage))
}

/// Every page and API endpoint takes a [`User`]: only a fully signed-in session gives one. A
/// session that still owes its second factor is sent to that step (the browser) or refused
/// with `401 tweede_factor_nodig` (the API).
impl<S: Backend> FromRequestParts<Arc<Web<S>>> for User {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, web: &Arc<Web<S>>) -> Result<Self, Self::Rejection> {
        match session_user(parts, web).await? {
            (user, SessionStage::Full) => Ok(user),
            (_, SessionStage::SecondFactor) => Err(WebError::SecondFactor { enrol: false }),
            (_, SessionStage::Enrol) => Err(WebError::SecondFactor { enrol: true }),
        }
    }
}

/// A session that has given its password and now owes the second factor (the second step of
/// signing in takes this, and nothing else does).
#[derive(Debug, Clone)]
pub struct PendingUser(pub User);

impl<S: Backend> FromRequestParts<Arc<Web<S>>> for PendingUser {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, web: &Arc<Web<S>>) -> Result<Self, Self::Rejection> {
        match session_user(parts, web).await? {
            (user, SessionStage::SecondFactor) => Ok(PendingUser(user)),
            (_, SessionStage::Enrol) => Err(WebError::SecondFactor { enrol: true }),
            // Already signed in: nothing to do here.
            (_, SessionStage::Full) => Err(WebError::AlreadySignedIn),
        }
    }
}

/// A fully signed-in user, or one who must set up a second factor before anything else: the
/// enrolment pages take this. `enrolling` is true for the latter.
#[derive(Debug, Clone)]
pub struct EnrollingUser {
    pub user: User,
    pub enrolling: bool,
}

impl<S: Backend> FromRequestParts<Arc<Web<S>>> for EnrollingUser {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, web: &Arc<Web<S>>) -> Result<Self, Self::Rejection> {
        match session_user(parts, web).await? {
            (user, SessionStage::Full) => Ok(EnrollingUser { user, enrolling: false }),
            (user, SessionStage::Enrol) => Ok(EnrollingUser { user, enrolling: true }),
            (_, SessionStage::SecondFactor) => Err(WebError::SecondFactor { enrol: false }),
        }
    }
}

/// Any session, whatever its stage: only signing out takes this.
#[derive(Debug, Clone)]
pub struct AnySession(pub User);

impl<S: Backend> FromRequestParts<Arc<Web<S>>> for AnySession {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, web: &Arc<Web<S>>) -> Result<Self, Self::Rejection> {
        session_user(parts, web).await.map(|(user, _)| AnySession(user))
    }
}

#[cfg(test)]
mod tests {
    use super::{Limiter, MAX_LOGIN_LEN};

    #[test]
    fn unique_long_login_names_do_not_grow_memory_without_bound() {
        let l = Limiter::new();
        // 10,000 attempts with unique names of 10,000 characters from 10,000 addresses.
        for i in 0..10_000 {
            let name = format!("{i}{}", "x".repeat(10_000));
            assert!(l.attempt(&name, &format!("10.0.{}.{}", i / 256, i % 256)).is_err(), "an absurdly long name is refused");
        }
        // Only the addresses were counted, as fixed-size keys; no name was remembered.
        assert!(l.remembered() <= 10_000, "{}", l.remembered());
        let short = "a".repeat(MAX_LOGIN_LEN);
        assert!(l.attempt(&short, "192.0.2.1").is_ok(), "a name of the maximum length is still counted normally");
    }

    #[test]
    fn per_name_limit_still_holds() {
        let l = Limiter::new();
        for i in 0..5 {
            assert!(l.attempt("Huisarts", &format!("192.0.2.{i}")).is_ok());
        }
        assert!(l.attempt(" huisarts ", "192.0.2.99").is_err(), "the same name, in other case and spacing, is the same key");
    }
}
