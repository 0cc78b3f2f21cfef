/**
 * Token ledger: grants (with maker-checker approval above a threshold), two-phase spends (holds that are captured
 * or released), expiry and revocation. One wallet per user; every movement is an event carrying the resulting
 * balance.
 */
package com.mrmentor.platform.shared.tokens;
