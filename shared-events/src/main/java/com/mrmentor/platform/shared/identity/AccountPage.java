package com.mrmentor.platform.shared.identity;

import java.util.List;

/** One page of accounts, newest first. */
public record AccountPage(List<AccountView> accounts, int page, int size, long total) {
}
