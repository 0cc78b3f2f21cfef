/**
 * Identity and access: accounts (sign-up, verification, profile, passwords, roles, platforms, erasure), sign-in
 * sessions as refresh-token families, and invitations. No event carries a password, a hash of one, a code or a token;
 * names, e-mails and phone numbers are {@link com.mrmentor.platform.shared.common.PersonalData}.
 */
package com.mrmentor.platform.shared.identity;
