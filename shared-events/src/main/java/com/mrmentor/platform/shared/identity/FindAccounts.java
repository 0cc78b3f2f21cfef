package com.mrmentor.platform.shared.identity;

import com.mrmentor.platform.shared.common.Platform;

/**
 * Accounts of {@code platform}, optionally filtered: {@code text} matches e-mail or name (case-insensitive, part of
 * a word), {@code role} and {@code status} exactly. Answers an {@link AccountPage}.
 */
public record FindAccounts(Platform platform, String text, Role role, AccountStatus status, int page, int size) {
}
