//! Signing in and out: Argon2id passwords (hashed off the async runtime, behind a semaphore),
//! server-side sessions (only the SHA-256 of the token is stored), idle and absolute timeouts,
//! login rate limiting on failures per (name, address), per address and per name, and the
//! [`User`] extractor every signed-in page uses (cookie for the browser, `Authorization: Bearer`
//! for the API). A session has a stage: after the password alone it reaches only the second step
//! of signing in or the enrolment of a second factor (`second_factor.rs`); only a fully
//! signed-in session is a `User`. An account whose password was chosen by someone else (an
//! administrator, or the first run) must choose its own after signing in: until then its session
//! reaches only that page ([`PasswordUser`]) and signing out. The first full sign-in with an own
//! password is recorded: only then can the account be given care relations.

use grondslag_i18n::Msg;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use grondslag_store::{AppRole, OrgId, Professional, ProfessionalId, SessionRecord, SessionStage};
use sha2::{Digest, Sha256};

use crate::access_labels::Event;
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
pub const IDLE: Duration = Duration::from_secs(30 * 60);
/// And at the latest after 10 hours (one working day).
pub const ABSOLUTE: Duration = Duration::from_secs(10 * 60 * 60);
/// A session that still owes the second factor (or its enrolment) ends after 15 minutes.
pub const PENDING: Duration = Duration::from_secs(15 * 60);
/// `last_seen` is written at most once a minute, so reading a page is not a write.
const TOUCH_EVERY: Duration = Duration::from_secs(60);

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
        return Err(WebError::Invalid(Msg::new("auth-wachtwoord-heeft-minstens-12")));
    }
    if pw.len() > 256 {
        return Err(WebError::Invalid(Msg::new("auth-wachtwoord-heeft-hoogstens-256")));
    }
    Ok(())
}

/// The longest login name accepted; anything longer is refused before it is counted or looked up.
pub const MAX_LOGIN_LEN: usize = 200;
/// How many keys each of the limiter's tables remembers at most.
const CAPACITY: usize = 10_000;

/// A leaky bucket of failed attempts: `level` drains at `rate` per second; at `burst` the key
/// is refused until enough has drained.
#[derive(Debug, Clone, Copy)]
struct Budget {
    burst: f64,
    per_second: f64,
}

/// Counters per key (a SHA-256, so a long name costs no more than a short one), bounded: when
/// the table is full, drained keys go first, then the half with the fewest recent failures.
/// Hand-written rather than `governor` because a successful login must be refunded, which a
/// GCRA limiter cannot do for one key.
struct Buckets {
    budget: Budget,
    map: HashMap<[u8; 32], (f64, Instant)>,
    capacity: usize,
}

impl Buckets {
    fn new(budget: Budget, capacity: usize) -> Self {
        Buckets { budget, map: HashMap::new(), capacity }
    }

    fn level(&self, k: &[u8; 32], now: Instant) -> f64 {
        self.map
            .get(k)
            .map_or(0.0, |(level, at)| (level - now.saturating_duration_since(*at).as_secs_f64() * self.budget.per_second).max(0.0))
    }

    fn allows(&self, k: &[u8; 32], now: Instant) -> bool {
        self.level(k, now) + 1.0 <= self.budget.burst
    }

    fn add(&mut self, k: [u8; 32], amount: f64, now: Instant) {
        let level = (self.level(&k, now) + amount).max(0.0);
        if level == 0.0 {
            self.map.remove(&k);
            return;
        }
        if !self.map.contains_key(&k) && self.map.len() >= self.capacity {
            self.evict(now);
        }
        self.map.insert(k, (level, now));
    }

    fn remove(&mut self, k: &[u8; 32]) {
        self.map.remove(k);
    }

    /// Makes room: drops drained keys, and if that is not enough, the half with the lowest
    /// levels (amortised: this runs once per `capacity / 2` new keys at worst).
    fn evict(&mut self, now: Instant) {
        let per_second = self.budget.per_second;
        let current = |(level, at): &(f64, Instant)| level - now.saturating_duration_since(*at).as_secs_f64() * per_second;
        self.map.retain(|_, v| current(v) > 0.0);
        if self.map.len() >= self.capacity {
            let mut levels: Vec<f64> = self.map.values().map(current).collect();
            levels.sort_by(f64::total_cmp);
            let cut = levels.get(levels.len() / 2).copied().unwrap_or(0.0);
            self.map.retain(|_, v| current(v) > cut);
            // Equal levels everywhere (a flood of single failures) leave nothing above the cut.
        }
        self.map.shrink_to(self.capacity);
    }
}

/// Login pairs that succeeded recently, oldest first out.
struct Known {
    set: HashMap<[u8; 32], Instant>,
    capacity: usize,
}

impl Known {
    fn insert(&mut self, k: [u8; 32], now: Instant) {
        if !self.set.contains_key(&k) && self.set.len() >= self.capacity {
            self.set.retain(|_, at| now.saturating_duration_since(*at) < KNOWN_FOR);
            if self.set.len() >= self.capacity {
                let mut ages: Vec<Instant> = self.set.values().copied().collect();
                ages.sort();
                let cut = ages.get(ages.len() / 2).copied();
                self.set.retain(|_, at| Some(*at) > cut);
            }
        }
        self.set.insert(k, now);
    }

    fn contains(&self, k: &[u8; 32], now: Instant) -> bool {
        self.set.get(k).is_some_and(|at| now.saturating_duration_since(*at) < KNOWN_FOR)
    }
}

/// How long an address where a name signed in successfully stays trusted for that name.
const KNOWN_FOR: Duration = Duration::from_secs(30 * 24 * 3600);

/// The login limiter. Failed attempts are counted three ways:
/// - per (name, address): 5 in a burst, one more every 12 seconds — the fast budget that stops
///   guessing from one place without touching the user at their own workstation;
/// - per address: 30 in a burst, 30 a minute — a flood of names from one address;
/// - per name, over all addresses: 50 in a burst, 50 an hour — slow guessing spread over many
///   addresses. When this one is exhausted, the name can still sign in from an address where it
///   signed in successfully in the last 30 days, so an attacker elsewhere cannot lock the user
///   out at their usual workstation.
///
/// A successful login does not count: its attempt is refunded and its (name, address) counter is
/// reset. Every table is bounded ([`CAPACITY`] keys) and evicts, so a flood of unique names
/// costs a fixed amount of memory.
pub struct Limiter {
    state: Mutex<LimiterState>,
}

struct LimiterState {
    pair: Buckets,
    addr: Buckets,
    name: Buckets,
    known: Known,
}

/// An attempt that passed the limiter; report its outcome with [`Limiter::succeeded`].
#[derive(Debug)]
pub struct Attempt {
    name: [u8; 32],
    pair: [u8; 32],
    addr: [u8; 32],
}

fn key(parts: &[&str]) -> [u8; 32] {
    let mut h = Sha256::new();
    for p in parts {
        // Length-prefixed, so ("ab", "c") and ("a", "bc") differ.
        h.update((p.len() as u64).to_le_bytes());
        h.update(p.as_bytes());
    }
    h.finalize().into()
}

/// The unit an address budget applies to: an IPv4 address, or the /64 network of an IPv6
/// address (one subscriber usually holds a whole /64, so counting single IPv6 addresses would
/// give an attacker billions of fresh budgets).
fn network_of(addr: &str) -> String {
    match addr.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
        _ => addr.to_owned(),
    }
}

impl Limiter {
    pub fn new() -> Self {
        Self::with_capacity(CAPACITY)
    }

    /// A limiter whose tables hold at most `capacity` keys each.
    pub fn with_capacity(capacity: usize) -> Self {
        let per_minute = |n: f64| Budget { burst: n, per_second: n / 60.0 };
        let state = LimiterState {
            pair: Buckets::new(per_minute(5.0), capacity),
            addr: Buckets::new(per_minute(30.0), capacity),
            name: Buckets::new(Budget { burst: 50.0, per_second: 50.0 / 3600.0 }, capacity),
            known: Known { set: HashMap::new(), capacity },
        };
        Limiter { state: Mutex::new(state) }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, LimiterState> {
        // The state is only counters: after a panic elsewhere they are still usable.
        self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Counts one attempt as failed until [`Limiter::succeeded`] says otherwise (so parallel
    /// attempts cannot pass together); `Err` when a budget is exhausted or the name is absurdly
    /// long.
    pub fn attempt(&self, login: &str, addr: &str) -> Result<Attempt, WebError> {
        let now = Instant::now();
        let mut s = self.state();
        let addr = &network_of(addr);
        let a = key(&[addr]);
        if login.chars().count() > MAX_LOGIN_LEN {
            // Only the address is charged: the name is not worth remembering.
            if s.addr.allows(&a, now) {
                s.addr.add(a, 1.0, now);
            }
            return Err(WebError::RateLimited);
        }
        let login = login.trim().to_lowercase();
        let attempt = Attempt { name: key(&[&login]), pair: key(&[&login, addr]), addr: a };
        let name_ok = s.name.allows(&attempt.name, now) || s.known.contains(&attempt.pair, now);
        if !(s.addr.allows(&a, now) && s.pair.allows(&attempt.pair, now) && name_ok) {
            return Err(WebError::RateLimited);
        }
        s.addr.add(attempt.addr, 1.0, now);
        s.pair.add(attempt.pair, 1.0, now);
        s.name.add(attempt.name, 1.0, now);
        Ok(attempt)
    }

    /// The attempt succeeded: it does not count, and the (name, address) pair starts afresh and
    /// is remembered as a place this name signs in from.
    pub fn succeeded(&self, attempt: Attempt) {
        let now = Instant::now();
        let mut s = self.state();
        s.addr.add(attempt.addr, -1.0, now);
        s.name.add(attempt.name, -1.0, now);
        s.pair.remove(&attempt.pair);
        s.known.insert(attempt.pair, now);
    }

    /// How many keys the limiter remembers now (for tests and diagnostics).
    pub fn remembered(&self) -> usize {
        let s = self.state();
        s.pair.map.len() + s.addr.map.len() + s.name.map.len() + s.known.set.len()
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

    /// Checks a login name and password (rate-limited: failures count, a success gives its
    /// attempt back). Unknown names and wrong passwords get the same answer and take the same
    /// time (a dummy hash is verified).
    pub async fn check_login(&self, login: &str, pw: &str, addr: &str) -> Result<Professional, WebError> {
        let (professional, attempt) = self.verify_credentials(login, pw, addr).await?;
        self.limiter.succeeded(attempt);
        Ok(professional)
    }

    /// [`Web::check_login`] without giving the attempt back: for an account with a second factor
    /// the password alone is not a successful sign-in (the attempt is only given back, and the
    /// address only remembered, once the code is right).
    async fn verify_credentials(&self, login: &str, pw: &str, addr: &str) -> Result<(Professional, Attempt), WebError> {
        let attempt = self.limiter.attempt(login, addr)?;
        let cred = self.store().credential_by_login(login.trim()).await?;
        let refused = || WebError::Forbidden(Msg::new("auth-inlognaam-wachtwoord-klopt-niet"));
        let Some(cred) = cred else {
            let _ = self.verify_password(pw, &self.dummy_hash).await;
            return Err(refused());
        };
        if !self.verify_password(pw, &cred.password_hash).await? || cred.disabled {
            return Err(refused());
        }
        Ok((self.store().professional(&cred.professional).await?, attempt))
    }

    /// Checks a login in the browser; on success creates a session and returns its token. The
    /// session is only fully signed in for an account without a second factor that needs none;
    /// otherwise it is a short-lived session that reaches nothing but the second step
    /// ([`SessionStage::SecondFactor`]) or the enrolment ([`SessionStage::Enrol`]).
    pub async fn login(&self, login: &str, pw: &str, addr: &str) -> Result<SignedIn, WebError> {
        let (professional, attempt) = self.verify_credentials(login, pw, addr).await?;
        let stage = if self.active_second_factor(&professional.id).await?.is_some() {
            SessionStage::SecondFactor
        } else if self.second_factor_required(&professional).await? {
            SessionStage::Enrol
        } else {
            SessionStage::Full
        };
        if stage != SessionStage::SecondFactor {
            self.limiter.succeeded(attempt);
        }
        let token = self.new_session(&professional.id, stage).await?;
        Ok(SignedIn { token, professional, stage })
    }

    /// Checks a login in one request (the API): password and, for an account with a second
    /// factor, `code` (a 6-digit code or a recovery code). Only a fully signed-in session is made.
    pub async fn login_with_code(&self, login: &str, pw: &str, code: Option<&str>, addr: &str) -> Result<SignedIn, WebError> {
        let (professional, attempt) = self.verify_credentials(login, pw, addr).await?;
        if self.active_second_factor(&professional.id).await?.is_some() {
            let Some(code) = code.filter(|c| !c.trim().is_empty()) else { return Err(WebError::SecondFactor { enrol: false }) };
            let Some(used) = self.check_second_factor(&professional, login, code, addr).await? else {
                return Err(WebError::Forbidden(Msg::new("auth-code-klopt-niet-al")));
            };
            if used == FactorUsed::RecoveryCode {
                self.log_account_event(&professional, addr, Event::RecoveryCodeUsed).await?;
            }
        } else if self.second_factor_required(&professional).await? {
            return Err(WebError::SecondFactor { enrol: true });
        }
        // The API cannot choose a password: that is done on the website first.
        if self.store().credential_of(&professional.id).await?.is_none_or(|c| c.must_change_password) {
            return Err(WebError::OwnPasswordNeeded);
        }
        self.limiter.succeeded(attempt);
        let token = self.new_session(&professional.id, SessionStage::Full).await?;
        Ok(SignedIn { token, professional, stage: SessionStage::Full })
    }

    /// Finishes signing in: the half-signed-in session `old` is replaced by a fully signed-in
    /// one with a new token (a token seen before the second factor never gains its rights).
    pub async fn complete_login(&self, old: &str, professional: &ProfessionalId) -> Result<String, WebError> {
        self.store().delete_session(old).await?;
        self.new_session(professional, SessionStage::Full).await
    }

    async fn new_session(&self, professional: &ProfessionalId, stage: SessionStage) -> Result<String, WebError> {
        let token = random_token()?;
        let now = now_ms();
        let lasts = if stage == SessionStage::Full { ABSOLUTE } else { PENDING };
        let record = SessionRecord {
            id_hash: token_hash(&token),
            professional: professional.to_owned(),
            created: now,
            last_seen: now,
            expires: now.saturating_add(lasts),
            stage,
        };
        self.store().create_session(&record).await?;
        if stage == SessionStage::Full {
            self.note_first_use(professional).await?;
        }
        Ok(token)
    }

    /// Records the account's first full sign-in with a password of its own (once; nothing while
    /// it still has a password someone else chose). `true` when this call recorded it.
    pub async fn note_first_use(&self, professional: &ProfessionalId) -> Result<bool, WebError> {
        let store = self.store();
        match store.credential_of(professional).await? {
            Some(c) if !c.must_change_password && c.first_use.is_none() => Ok(store.record_first_use(professional, now_ms()).await?),
            _ => Ok(false),
        }
    }

    /// The cookie that carries a session token (or clears it when `token` is empty).
    pub fn session_cookie(&self, token: &str) -> String {
        let name = self.cookie_name();
        let secure = if self.cfg.secure_cookies { "; Secure" } else { "" };
        if token.is_empty() {
            format!("{name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}")
        } else {
            format!("{name}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}", ABSOLUTE.as_secs())
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
    pub id: ProfessionalId,
    pub org: OrgId,
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

/// A session as found: its user, its stage, and whether the account must still replace a
/// password someone else chose.
struct Found {
    user: User,
    stage: SessionStage,
    must_change_password: bool,
}

/// The user of a request's session, at whatever stage of signing in it is.
async fn session_user<S: Backend>(parts: &Parts, web: &Web<S>) -> Result<Found, WebError> {
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
    let store = web.store();
    let Some(session) = store.session(&hash).await? else { return Err(WebError::Unauthenticated) };
    let now = now_ms();
    if now >= session.expires || now >= session.last_seen.saturating_add(IDLE) {
        store.delete_session(&hash).await?;
        return Err(WebError::Unauthenticated);
    }
    if now >= session.last_seen.saturating_add(TOUCH_EVERY) {
        store.touch_session(&hash, now).await?;
    }
    let p = store.professional(&session.professional).await?;
    // A blocked account loses its sessions at once, even one that is still open.
    let Some(cred) = store.credential_of(&p.id).await?.filter(|c| !c.disabled) else {
        store.delete_session(&hash).await?;
        return Err(WebError::Unauthenticated);
    };
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
    Ok(Found { user, stage: session.stage, must_change_password: cred.must_change_password })
}

/// Every page and API endpoint takes a [`User`]: only a fully signed-in session gives one. A
/// session that still owes its second factor is sent to that step (the browser) or refused
/// with `401 tweede_factor_nodig` (the API). A session of an account that must still choose its
/// own password is sent to the password page, or refused with `401 eigen_wachtwoord_nodig`.
impl<S: Backend> FromRequestParts<Arc<Web<S>>> for User {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, web: &Arc<Web<S>>) -> Result<Self, Self::Rejection> {
        let found = session_user(parts, web).await?;
        match found.stage {
            SessionStage::Full if found.must_change_password => Err(WebError::OwnPasswordNeeded),
            SessionStage::Full => Ok(found.user),
            SessionStage::SecondFactor => Err(WebError::SecondFactor { enrol: false }),
            SessionStage::Enrol => Err(WebError::SecondFactor { enrol: true }),
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
        let found = session_user(parts, web).await?;
        match found.stage {
            SessionStage::SecondFactor => Ok(PendingUser(found.user)),
            SessionStage::Enrol => Err(WebError::SecondFactor { enrol: true }),
            // Already signed in: nothing to do here.
            SessionStage::Full => Err(WebError::AlreadySignedIn),
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
        let found = session_user(parts, web).await?;
        match found.stage {
            SessionStage::Full if found.must_change_password => Err(WebError::OwnPasswordNeeded),
            SessionStage::Full => Ok(EnrollingUser { user: found.user, enrolling: false }),
            SessionStage::Enrol => Ok(EnrollingUser { user: found.user, enrolling: true }),
            SessionStage::SecondFactor => Err(WebError::SecondFactor { enrol: false }),
        }
    }
}

/// A fully signed-in user on the password page: `forced` when the account still has a password
/// someone else chose and must choose its own before anything else (this page and signing out
/// are all such a session reaches).
#[derive(Debug, Clone)]
pub struct PasswordUser {
    pub user: User,
    pub forced: bool,
}

impl<S: Backend> FromRequestParts<Arc<Web<S>>> for PasswordUser {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, web: &Arc<Web<S>>) -> Result<Self, Self::Rejection> {
        let found = session_user(parts, web).await?;
        match found.stage {
            SessionStage::Full => Ok(PasswordUser { user: found.user, forced: found.must_change_password }),
            SessionStage::SecondFactor => Err(WebError::SecondFactor { enrol: false }),
            SessionStage::Enrol => Err(WebError::SecondFactor { enrol: true }),
        }
    }
}

/// Any session, whatever its stage: only signing out takes this.
#[derive(Debug, Clone)]
pub struct AnySession(pub User);

impl<S: Backend> FromRequestParts<Arc<Web<S>>> for AnySession {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, web: &Arc<Web<S>>) -> Result<Self, Self::Rejection> {
        session_user(parts, web).await.map(|found| AnySession(found.user))
    }
}

#[cfg(test)]
mod tests {
    use super::{CAPACITY, Limiter, MAX_LOGIN_LEN};

    #[test]
    fn unique_long_login_names_do_not_grow_memory_without_bound() {
        let l = Limiter::new();
        // 10,000 attempts with unique names of 10,000 characters from 10,000 addresses.
        for i in 0..10_000 {
            let name = format!("{i}{}", "x".repeat(10_000));
            assert!(l.attempt(&name, &format!("10.0.{}.{}", i / 256, i % 256)).is_err(), "an absurdly long name is refused");
        }
        // Only the addresses were counted, as fixed-size keys; no name was remembered.
        assert!(l.remembered() <= CAPACITY, "{}", l.remembered());
        // 30,000 unique names of the maximum length, each from its own address: all counted,
        // but the tables stay within their capacity (three tables of counters).
        for i in 0..30_000u32 {
            let name = format!("{i:0>200}");
            assert_eq!(name.chars().count(), MAX_LOGIN_LEN);
            assert!(l.attempt(&name, &format!("2001:db8:{:x}:{:x}::1", i >> 16, i & 0xffff)).is_ok(), "attempt {i} is counted");
            assert!(l.remembered() <= 3 * CAPACITY, "after {i}: {}", l.remembered());
        }
        assert!(l.attempt(&"a".repeat(MAX_LOGIN_LEN), "192.0.2.1").is_ok(), "a name of the maximum length is still counted normally");
    }

    #[test]
    fn per_name_and_address_limit_still_holds() {
        let l = Limiter::new();
        for _ in 0..5 {
            assert!(l.attempt("Huisarts", "192.0.2.7").is_ok());
        }
        assert!(l.attempt(" huisarts ", "192.0.2.7").is_err(), "the same name, in other case and spacing, is the same key");
    }

    #[test]
    fn an_attacker_elsewhere_cannot_lock_a_user_out() {
        let l = Limiter::new();
        for _ in 0..20 {
            let _ = l.attempt("huisarts", "203.0.113.66");
        }
        assert!(l.attempt("huisarts", "203.0.113.66").is_err(), "the attacker's own pair is exhausted");
        let a = l.attempt("huisarts", "192.0.2.1").map_err(|e| format!("{e:?}"));
        assert!(a.is_ok(), "the user at another address is not locked out: {a:?}");
    }

    #[test]
    fn successful_logins_do_not_count_and_reset_the_pair() {
        let l = Limiter::new();
        for i in 0..40 {
            let a = l.attempt("jeugd", "192.0.2.2");
            assert!(a.is_ok(), "successful login {i} is not counted");
            if let Ok(a) = a {
                l.succeeded(a);
            }
        }
        for _ in 0..4 {
            assert!(l.attempt("jeugd", "192.0.2.2").is_ok());
        }
        if let Ok(a) = l.attempt("jeugd", "192.0.2.2") {
            l.succeeded(a);
        }
        for i in 0..5 {
            assert!(l.attempt("jeugd", "192.0.2.2").is_ok(), "failure {i} after a success starts afresh");
        }
        assert!(l.attempt("jeugd", "192.0.2.2").is_err());
    }

    #[test]
    fn the_global_name_budget_spares_addresses_the_user_signed_in_from() {
        let l = Limiter::new();
        if let Ok(a) = l.attempt("privacy", "192.0.2.3") {
            l.succeeded(a);
        }
        // Slow guessing spread over many addresses: one failure from each of 60.
        for i in 0..60 {
            let _ = l.attempt("privacy", &format!("198.51.100.{i}"));
        }
        assert!(l.attempt("privacy", "198.51.100.200").is_err(), "the name's global budget is exhausted for new addresses");
        assert!(l.attempt("privacy", "192.0.2.3").is_ok(), "but not at the address the user signed in from before");
    }

    #[test]
    fn ipv6_addresses_count_per_64_network() {
        let l = Limiter::new();
        for i in 0..30 {
            assert!(l.attempt(&format!("naam{i}"), &format!("2001:db8:1:2::{i:x}")).is_ok());
        }
        assert!(l.attempt("nog-een-naam", "2001:db8:1:2:ffff::1").is_err(), "another address in the same /64 shares the budget");
        assert!(l.attempt("nog-een-naam", "2001:db8:1:3::1").is_ok(), "another /64 does not");
        assert!(l.attempt("x", "::ffff:192.0.2.44").is_ok());
    }

    #[test]
    fn one_address_cannot_flood_names() {
        let l = Limiter::new();
        for i in 0..30 {
            assert!(l.attempt(&format!("naam{i}"), "203.0.113.9").is_ok());
        }
        assert!(l.attempt("nog-een-naam", "203.0.113.9").is_err(), "the per-address budget holds");
        assert!(l.attempt("nog-een-naam", "203.0.113.10").is_ok());
    }
}
