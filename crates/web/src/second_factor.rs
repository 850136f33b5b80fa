//! The second factor: TOTP (RFC 6238: HMAC-SHA-1, 6 digits, 30-second steps, as every
//! authenticator app understands) computed by the `totp-rs` crate, and single-use recovery codes.
//!
//! The shared secret is sealed with the organisation's content key before it reaches the store
//! (`App::seal_note`), so a copy of the database alone does not give the codes. A code is
//! accepted within one step either side of now, and never for a step at or before the last one
//! accepted (the store checks and records that atomically), so an observed code cannot be used
//! again. Recovery codes have 80 random bits and are stored only as their SHA-256 (with the
//! professional's id as domain separation): that is enough against guessing offline, and a
//! slow hash would add nothing at that entropy.

use grondslag_i18n::Msg;
use grondslag_store::{AppRole, OrgId, Professional, ProfessionalId, SecondFactor};
use sha2::{Digest, Sha256};
use totp_rs::{Algorithm, Builder, Secret, Totp};

use crate::auth::hex;
use crate::error::{WebError, internal};
use crate::{Backend, Web, now_ms};

/// The name authenticator apps show above the account.
pub const ISSUER: &str = "Grondslag";
/// The purpose the secret is sealed for (part of the associated data, with the professional's id,
/// so a sealed secret copied to another account's row does not open).
fn seal_purpose(professional: &ProfessionalId) -> String {
    format!("tweede-factor|{professional}")
}
/// How many recovery codes an account gets.
pub const RECOVERY_CODES: usize = 10;
/// 160 bits, as RFC 4226 section 4 recommends.
const SECRET_BYTES: usize = 20;

/// What a second-factor attempt was answered with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactorUsed {
    Code,
    RecoveryCode,
}

fn totp(secret: &[u8], account: &str) -> Result<Totp, WebError> {
    // A colon separates issuer and account in the otpauth label; login names cannot contain one,
    // but a stray one must not break enrolment.
    let account = account.replace(':', "_");
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(secret.to_vec())
        .with_issuer(Some(ISSUER))
        .with_account_name(account)
        .build()
        .map_err(|_| internal("totp_build"))
}

/// A new random secret.
pub fn new_secret() -> Result<Vec<u8>, WebError> {
    let mut b = vec![0u8; SECRET_BYTES];
    getrandom::fill(&mut b).map_err(|_| internal("random"))?;
    Ok(b)
}

/// The secret in base32, in groups of four for typing it into an app by hand.
pub fn secret_groups(secret: &[u8]) -> String {
    let b32 = Secret::from(secret.to_vec()).to_base32();
    let chars: Vec<char> = b32.trim_end_matches('=').chars().collect();
    chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join(" ")
}

/// The `otpauth://` address an authenticator app reads from the QR code.
pub fn otpauth_url(secret: &[u8], account: &str) -> Result<String, WebError> {
    totp(secret, account)?.to_url().map_err(|_| internal("totp_url"))
}

/// The QR code of `text` as inline SVG (black modules on white, four modules of quiet zone).
/// Drawn on the server so no script, no external service and no `data:` image (which the
/// Content-Security-Policy forbids) is needed. Only fixed markup and numbers: nothing to escape.
pub fn qr_svg(text: &str, label: &str) -> Result<String, WebError> {
    use qrcodegen::{QrCode, QrCodeEcc};
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).map_err(|_| internal("qr"))?;
    let n = qr.size();
    let border = 4;
    let dim = n + 2 * border;
    let mut path = String::new();
    for y in 0..n {
        for x in 0..n {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + border, y + border));
            }
        }
    }
    let label = label.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    Ok(format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="qr" role="img" aria-label="{label}" viewBox="0 0 {dim} {dim}" width="240" height="240" shape-rendering="crispEdges"><rect width="{dim}" height="{dim}" fill="#ffffff"/><path d="{path}" fill="#000000"/></svg>"##
    ))
}

/// The step whose code `code` is at `unix_secs` (within one step either side), if any.
pub fn matching_step(secret: &[u8], code: &str, unix_secs: u64) -> Result<Option<u64>, WebError> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    Ok(totp(secret, "")?.check(&code, unix_secs))
}

/// Ten new recovery codes, each 16 characters (80 bits) from a 32-letter alphabet without
/// look-alikes, shown in groups of four.
pub fn new_recovery_codes() -> Result<Vec<String>, WebError> {
    const ALPHABET: &[u8; 32] = b"abcdefghjkmnpqrstuvwxyz23456789x";
    let mut codes = Vec::with_capacity(RECOVERY_CODES);
    for _ in 0..RECOVERY_CODES {
        let mut b = [0u8; 16];
        getrandom::fill(&mut b).map_err(|_| internal("random"))?;
        let s: Vec<char> = b.iter().map(|x| ALPHABET[usize::from(x % 32)] as char).collect();
        codes.push(s.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-"));
    }
    Ok(codes)
}

/// A recovery code as stored: SHA-256 over a domain tag, the professional and the code without
/// dashes, spaces or case.
pub fn recovery_hash(professional: &ProfessionalId, code: &str) -> String {
    let plain: String = code.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect();
    let mut h = Sha256::new();
    h.update(b"grondslag/v1/herstelcode\0");
    h.update(professional.as_str().as_bytes());
    h.update(b"\0");
    h.update(plain.as_bytes());
    hex(&h.finalize())
}

fn unix_secs() -> u64 {
    u64::try_from(now_ms().as_millis() / 1000).unwrap_or(0)
}

fn step_i64(step: u64) -> Result<i64, WebError> {
    i64::try_from(step).map_err(|_| internal("totp_step"))
}

/// Whether this role always needs a second factor: the accounts that can change who may read
/// what (administrator) or read who read what (privacy officer).
pub fn role_requires(role: AppRole) -> bool {
    matches!(role, AppRole::Administrator | AppRole::PrivacyOfficer)
}

impl<S: Backend> Web<S> {
    /// Whether the professional must have a second factor: by role, or by the organisation.
    pub async fn second_factor_required(&self, p: &Professional) -> Result<bool, WebError> {
        Ok(role_requires(p.app_role) || self.store().second_factor_required(&p.org).await?)
    }

    /// The professional's confirmed second factor, if any.
    pub async fn active_second_factor(&self, professional: &ProfessionalId) -> Result<Option<SecondFactor>, WebError> {
        Ok(self.store().second_factor(professional).await?.filter(|f| f.confirmed))
    }

    fn open_secret(&self, org: &OrgId, f: &SecondFactor) -> Result<Vec<u8>, WebError> {
        self.open_note(org, &seal_purpose(&f.professional), &f.secret_sealed).map_err(|_| internal("totp_open"))
    }

    /// The secret waiting for confirmation, made (and stored sealed) if there is none yet.
    /// `None` when the factor is already on.
    pub async fn pending_secret(&self, p: &Professional) -> Result<Option<Vec<u8>>, WebError> {
        let store = self.store();
        match store.second_factor(&p.id).await? {
            Some(f) if f.confirmed => Ok(None),
            Some(f) => Ok(Some(self.open_secret(&p.org, &f)?)),
            None => {
                let secret = new_secret()?;
                let sealed = self.seal_note(&p.org, &seal_purpose(&p.id), &secret)?;
                store.start_second_factor(&p.id, &sealed, now_ms()).await?;
                Ok(Some(secret))
            }
        }
    }

    /// Confirms enrolment with a valid code; returns the recovery codes (shown once). `Ok(None)`
    /// when the code is wrong. Counted by the login rate limiter like any code.
    pub async fn confirm_second_factor(
        &self,
        p: &Professional,
        login: &str,
        code: &str,
        addr: &str,
    ) -> Result<Option<Vec<String>>, WebError> {
        self.limiter.attempt(login, addr)?;
        let store = self.store();
        let Some(f) = store.second_factor(&p.id).await?.filter(|f| !f.confirmed) else {
            return Err(WebError::Conflict(Msg::new("second-factor-wacht-geen-tweede-factor")));
        };
        let secret = self.open_secret(&p.org, &f)?;
        let Some(step) = matching_step(&secret, code, unix_secs())? else { return Ok(None) };
        let codes = new_recovery_codes()?;
        let hashes: Vec<String> = codes.iter().map(|c| recovery_hash(&p.id, c)).collect();
        store.confirm_second_factor(&p.id, step_i64(step)?, &hashes).await?;
        Ok(Some(codes))
    }

    /// Checks a second-factor answer: a 6-digit code (once per step) or an unused recovery code
    /// (then used up). Every attempt counts in the login rate limiter, per name and address, like
    /// a password. `Ok(None)`: wrong, replayed or used up.
    pub async fn check_second_factor(
        &self,
        p: &Professional,
        login: &str,
        answer: &str,
        addr: &str,
    ) -> Result<Option<FactorUsed>, WebError> {
        let attempt = self.limiter.attempt(login, addr)?;
        let used = self.second_factor_answer(p, answer).await?;
        if used.is_some() {
            // Fully signed in: the attempt is given back and the address remembered.
            self.limiter.succeeded(attempt);
        }
        Ok(used)
    }

    async fn second_factor_answer(&self, p: &Professional, answer: &str) -> Result<Option<FactorUsed>, WebError> {
        if answer.chars().count() > 64 {
            return Ok(None);
        }
        let store = self.store();
        let Some(f) = store.second_factor(&p.id).await?.filter(|f| f.confirmed) else { return Ok(None) };
        let digits: String = answer.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit()) {
            let secret = self.open_secret(&p.org, &f)?;
            return match matching_step(&secret, &digits, unix_secs())? {
                Some(step) if store.accept_second_factor_step(&p.id, step_i64(step)?).await? => Ok(Some(FactorUsed::Code)),
                _ => Ok(None),
            };
        }
        if store.use_recovery_code(&p.id, &recovery_hash(&p.id, answer), now_ms()).await? {
            return Ok(Some(FactorUsed::RecoveryCode));
        }
        Ok(None)
    }

    /// New recovery codes for a professional whose factor is on (the old ones stop working).
    pub async fn renew_recovery_codes(&self, p: &Professional) -> Result<Vec<String>, WebError> {
        let codes = new_recovery_codes()?;
        let hashes: Vec<String> = codes.iter().map(|c| recovery_hash(&p.id, c)).collect();
        self.store().set_recovery_codes(&p.id, &hashes).await?;
        Ok(codes)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// RFC 6238 appendix B, SHA-1 (the test secret is "12345678901234567890"; 8-digit values there,
    /// whose last six digits are the 6-digit codes).
    #[test]
    fn codes_match_the_rfc_6238_test_vectors_within_one_step() {
        let secret = b"12345678901234567890";
        for (t, code) in [(59u64, "287082"), (1_111_111_109, "081804"), (1_234_567_890, "005924"), (2_000_000_000, "279037")] {
            assert_eq!(matching_step(secret, code, t).unwrap(), Some(t / 30), "t={t}");
            assert_eq!(matching_step(secret, &format!("{} {}", &code[..3], &code[3..]), t).unwrap(), Some(t / 30), "spaces");
            // One step either side is accepted; two steps away is not.
            assert_eq!(matching_step(secret, code, t + 30).unwrap(), Some(t / 30));
            assert_eq!(matching_step(secret, code, t - 30).unwrap(), Some(t / 30));
            assert_eq!(matching_step(secret, code, t + 60).unwrap(), None);
        }
        assert_eq!(matching_step(secret, "28708", 59).unwrap(), None);
        assert_eq!(matching_step(secret, "28708a", 59).unwrap(), None);
    }

    #[test]
    fn recovery_codes_are_random_and_hashed_per_professional_ignoring_case_and_dashes() {
        let a = new_recovery_codes().unwrap();
        let b = new_recovery_codes().unwrap();
        assert_eq!(a.len(), RECOVERY_CODES);
        assert!(a.iter().all(|c| c.len() == 19 && c.matches('-').count() == 3), "{a:?}");
        assert!(a.iter().all(|c| !b.contains(c)));
        let c = &a[0];
        let (p1, p2) = (ProfessionalId::generate(), ProfessionalId::generate());
        assert_eq!(recovery_hash(&p1, c), recovery_hash(&p1, &c.to_uppercase().replace('-', " ")));
        assert_ne!(recovery_hash(&p1, c), recovery_hash(&p2, c));
    }

    #[test]
    fn the_secret_is_shown_in_groups_and_the_qr_code_is_plain_svg() {
        let secret = new_secret().unwrap();
        let groups = secret_groups(&secret);
        assert_eq!(groups.replace(' ', "").len(), 32, "160 bits in base32");
        assert!(groups.split(' ').all(|g| g.len() == 4));
        let url = otpauth_url(&secret, "huisarts").unwrap();
        assert!(url.starts_with("otpauth://totp/Grondslag:huisarts?") && url.contains(&groups.replace(' ', "")), "{url}");
        let svg = qr_svg(&url, "QR-code <x>").unwrap();
        assert!(svg.starts_with("<svg") && !svg.contains("style") && !svg.contains("<script") && svg.contains("&lt;x&gt;"), "{svg}");
    }
}
