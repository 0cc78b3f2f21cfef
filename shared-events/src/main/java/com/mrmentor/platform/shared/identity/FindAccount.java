package com.mrmentor.platform.shared.identity;

import java.util.UUID;

/** The account {@code userId}; answers an {@code Optional<AccountView>}-like null when unknown. */
public record FindAccount(UUID userId) {
}
