use grondslag_ledger::{SealError, aad, open, seal};

#[test]
fn seal_open_round_trip_and_tamper() {
    let key = [7u8; 32];
    let nonce = [9u8; 24];
    let ad = aad("00000001-0000-4000-8000-000000000000", "00000101-0000-4000-8000-000000000001", &[3u8; 32]);
    assert_eq!(ad, b"grondslag/v1|00000001-0000-4000-8000-000000000000|00000101-0000-4000-8000-000000000001|AwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwM=");
    let ct = seal(&key, &nonce, &ad, b"{\"answer\":\"ja\"}").unwrap();
    assert_eq!(ct.len(), 15 + 16);
    assert_eq!(open(&key, &nonce, &ad, &ct).unwrap(), b"{\"answer\":\"ja\"}");
    let mut bad = ct.clone();
    bad[0] ^= 1;
    assert_eq!(open(&key, &nonce, &ad, &bad), Err(SealError::Open));
    assert_eq!(open(&key, &nonce, &aad("x", "y", &[4u8; 32]), &ct), Err(SealError::Open));
    assert_eq!(open(&[8u8; 32], &nonce, &ad, &ct), Err(SealError::Open));
    assert_eq!(open(&key, &[0u8; 24], &ad, &ct), Err(SealError::Open));
    assert_eq!(open(&key, &nonce, &ad, &ct[..10]), Err(SealError::Open));
}
